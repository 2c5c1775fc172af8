from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from rasd.cli import evaluate as cli_eval
from rasd.evaluation.ner import (
    CharSpan,
    ConllError,
    Entity,
    Sentence,
    actor_type,
    char_to_tokens,
    crf_document_recognizer,
    crf_recognizer,
    entities_from_tags,
    parse_conll,
    predicted_entities,
    rasd_recognizer,
    read_conll,
    score_ner,
)
from rasd.recognize.linking import ActorMention, PlaceMention
from rasd.resources.actors import Actor
from rasd.resources.gazetteer import Place

# Our own tiny CoNLL sample (not from any corpus). Gold: PERS 2, LOC 3, ORG 1, MISC 1 (ignored).
SAMPLE = """\
التقى O
أحمد B-PERS
سالم I-PERS
في O
مدينة O
بنغازي B-LOC

أعلنت O
منظمة B-ORG
الهلال I-ORG
الأحمر I-ORG
عن O
كأس B-MISC
الصحراء I-MISC

وصل O
خالد B-PERS
إلى O
سرت B-LOC
وبنغازي B-LOC
"""

# A recognizer that finds these strings wherever they occur: right (أحمد سالم, سرت, بنغازي twice — once
# inside the token وبنغازي), wrong span (الهلال الأحمر), wrong type (خالد as LOC), and a false alarm (كأس).
LEXICON = {"أحمد سالم": "PERS", "بنغازي": "LOC", "الهلال الأحمر": "ORG", "خالد": "LOC", "سرت": "LOC",
           "كأس": "LOC"}


def _lexicon_recognizer(text: str) -> list[CharSpan]:
    out = []
    for name, typ in LEXICON.items():
        pos = text.find(name)
        while pos >= 0:
            out.append(CharSpan(pos, pos + len(name), typ))
            pos = text.find(name, pos + 1)
    return out


def test_ner_eval_parses_conll_sentences() -> None:
    sents = parse_conll(SAMPLE.splitlines())
    assert len(sents) == 3
    assert sents[0].tokens[:3] == ("التقى", "أحمد", "سالم")
    assert sents[0].text == "التقى أحمد سالم في مدينة بنغازي"
    assert sents[0].offsets[1] == (6, 10)
    assert sents[2].tags[-1] == "B-LOC"


def test_ner_eval_rejects_a_line_without_tag(tmp_path: Path) -> None:
    f = tmp_path / "bad.txt"
    f.write_text("كلمة O\nوحيدة\n", encoding="utf-8")
    with pytest.raises(ConllError, match=r"bad.txt:2"):
        read_conll(f)


def test_ner_eval_decodes_bio_like_conlleval() -> None:
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "B-MISC"]
    assert entities_from_tags(tags) == [Entity(0, 2, "PERS"), Entity(3, 5, "LOC"), Entity(5, 6, "LOC"),
                                        Entity(6, 7, "ORG"), Entity(7, 8, "MISC")]


def test_ner_eval_decodes_bioes() -> None:
    tags = ["S-LOC", "B-PERS", "E-PERS", "S-PERS", "O"]
    assert entities_from_tags(tags, "BIOES") == [Entity(0, 1, "LOC"), Entity(1, 3, "PERS"),
                                                 Entity(3, 4, "PERS")]
    with pytest.raises(ValueError, match="scheme"):
        entities_from_tags(tags, "IOB9")


def test_ner_eval_maps_character_spans_to_tokens() -> None:
    offsets = Sentence(("وصل", "خالد", "وبنغازي"), ("O", "O", "O")).offsets
    assert char_to_tokens((10, 16), offsets) == (2, 3)  # بنغازي after the clitic و covers the whole token
    assert char_to_tokens((4, 16), offsets) == (1, 3)
    assert char_to_tokens((3, 4), offsets) is None  # only the space


def test_ner_eval_first_overlapping_mention_wins() -> None:
    sent = Sentence(("قوات", "سرت", "اليوم"), ("O", "O", "O"))
    spans = [CharSpan(0, 8, "ORG"), CharSpan(5, 8, "LOC"), CharSpan(9, 14, "MISC")]
    assert predicted_entities(sent, spans) == {Entity(0, 2, "ORG")}


def test_ner_eval_scores_hand_computed_sample() -> None:
    report = score_ner(parse_conll(SAMPLE.splitlines()), _lexicon_recognizer)
    pers, loc, org = report.type("PERS"), report.type("LOC"), report.type("ORG")
    assert (pers.tp, pers.predicted, pers.gold) == (1, 1, 2)
    assert (loc.tp, loc.predicted, loc.gold) == (3, 5, 3)
    assert (org.tp, org.predicted, org.gold) == (0, 1, 1)
    assert pers.f1 == pytest.approx(2 / 3)
    assert loc.precision == pytest.approx(0.6)
    assert loc.f1 == pytest.approx(0.75)
    assert org.f1 == 0.0
    assert report.macro_f1 == pytest.approx((2 / 3 + 0.75 + 0.0) / 3)
    assert report.ignored_gold == 1
    assert (report.micro.tp, report.micro.predicted, report.micro.gold) == (4, 7, 6)
    assert report.sentences == 3 and report.tokens == 18


def test_ner_eval_scores_a_document_recognizer_like_sentences() -> None:
    sents = parse_conll(SAMPLE.splitlines())
    by_doc = score_ner(sents, None, document=lambda texts: [_lexicon_recognizer(t) for t in texts])
    assert by_doc == score_ner(sents, _lexicon_recognizer)
    with pytest.raises(ValueError, match="recognizer"):
        score_ner(sents, None)


def test_ner_eval_crf_document_recognizer_remembers_names(pipeline: Any) -> None:
    # our own running text: a name in full, then its family name alone, with and without clitics
    conll = "\n\n".join("\n".join(f"{w} O" for w in s.split()) for s in (
        "أعلن وزير الداخلية محمد المحاميدي أن التحقيق مستمر",
        "وقال المحاميدي إن عناصر الشرطة أوقفوا ثلاثة مشتبه بهم",
        "وأكد بيان للمحاميدي أن المشتبه بهم نقلوا إلى السجن",
        "ونفى المحاميدي وجود إصابات بين العناصر"))
    sents = parse_conll(conll.splitlines())
    alone = [crf_recognizer(pipeline.resources)(s.text) for s in sents]
    together = crf_document_recognizer(pipeline.resources, 3)([s.text for s in sents])
    assert together[0] == alone[0]
    assert Entity(3, 5, "PERS") in predicted_entities(sents[0], alone[0])  # the name in full, after a title
    for k, sent in enumerate(sents[1:], 1):  # the family name alone is a person in every later sentence
        word = next(i for i, t in enumerate(sent.tokens) if "محاميدي" in t)
        assert (word, "PERS") in {(e.start, e.type) for e in predicted_entities(sent, together[k])}


def test_ner_eval_maps_actor_kinds_to_types() -> None:
    assert actor_type("person") == "PERS"
    assert actor_type("state_forces") == "ORG"
    assert actor_type("government") == "ORG"
    assert actor_type("civilians") is None
    assert actor_type("protesters") is None
    assert actor_type("rioters") is None


def _actor_mention(kind: str, start: int, end: int) -> ActorMention:
    actor = Actor(id=f"test-{kind}", name_en=kind, name_ar="", kind=kind, country=None, affiliation=None, role=None,
                  valid_from=None, valid_to=None, variants_ar=(), variants_en=(), descriptions_ar=())
    return ActorMention(start=start, end=end, nstart=start, nend=end, text="", actor=actor, framing=None,
                        descriptive=False)


def _place_mention(start: int, end: int) -> PlaceMention:
    place = Place(id="test-city", name_en="city", name_ar="", variants_ar=(), variants_en=(), country="LY",
                  admin1=None, lat=0.0, lon=0.0, feature="city", population=0, parent=None, metonym=False)
    return PlaceMention(start=start, end=end, nstart=start, nend=end, text="", place=place, score=1.0, reasons=(),
                        alternatives=0)


class _FakeLinker:
    """Stands in for rasd's linkers: a person at 0-4, civilians at 5-11, a place at 12-15 — whatever the text."""

    def find(self, text: str, norm: Any, published: str | None) -> list[Any]:
        return [_actor_mention("person", 0, 4), _actor_mention("civilians", 5, 11)]

    def find_candidates(self, norm: Any, blocked: Sequence[tuple[int, int]]) -> list[Any]:
        return []

    def link(self, text: str, norm: Any, cands: Any, country: Any) -> list[Any]:
        return [_place_mention(12, 15)]


def test_ner_eval_rasd_recognizer_types_linker_mentions() -> None:
    res = type("R", (), {"actor_linker": _FakeLinker(), "place_linker": _FakeLinker()})()
    spans = rasd_recognizer(res)("سالم مدنيين سرت")
    assert spans == [CharSpan(0, 4, "PERS"), CharSpan(12, 15, "LOC")]


def test_ner_eval_cli_prints_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "sample.txt"
    f.write_text(SAMPLE, encoding="utf-8")
    monkeypatch.setattr("rasd.evaluation.ner.rasd_recognizer", lambda res: _lexicon_recognizer)
    monkeypatch.setattr(cli_eval, "load_pipeline", lambda: type("P", (), {"resources": None})())
    app = typer.Typer()
    cli_eval.register(app)
    out_json = tmp_path / "ner.json"
    result = CliRunner().invoke(app, ["eval-ner", str(f), "--report", str(out_json), "--recognizer", "dictionary"])
    assert result.exit_code == 0, result.output
    assert "macro-F1 (PERS, LOC, ORG): 0.472" in result.stdout
    assert "1 gold entities of other types (MISC) ignored" in result.stdout
    assert '"macro_f1": 0.47' in out_json.read_text(encoding="utf-8")
    bad = CliRunner().invoke(app, ["eval-ner", str(f), "--scheme", "XYZ"])
    assert bad.exit_code == 2
    bad = CliRunner().invoke(app, ["eval-ner", str(f), "--recognizer", "XYZ"])
    assert bad.exit_code == 2


def test_ner_eval_crf_recognizer_scores_the_sample(pipeline: Any) -> None:
    sents = parse_conll(SAMPLE.splitlines())
    report = score_ner(sents, crf_recognizer(pipeline.resources))
    assert report.type("LOC").tp >= 2  # the learned model finds most of our sample's places
    assert report.micro.predicted >= 3


def test_ner_eval_real_dictionaries_find_a_city(pipeline: Any) -> None:
    sent = Sentence(("وصلت", "القافلة", "إلى", "طرابلس", "مساء", "أمس"), ("O", "O", "O", "B-LOC", "O", "O"))
    found = predicted_entities(sent, rasd_recognizer(pipeline.resources)(sent.text))
    assert Entity(3, 4, "LOC") in found

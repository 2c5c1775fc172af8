"""The learned name recognizer's document memory (`rasd.recognize.names.propagate`) and word classes: our own sentences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rasd.recognize.names import _stem, propagate, read_classes, token_features
from rasd.text.normalize import normalize_name


def _doc(*sentences: str) -> list[list[str]]:
    return [[normalize_name(w) for w in s.split()] for s in sentences]


def _stems(doc: list[list[str]]) -> list[list[str]]:
    return [[_stem(w)[1] for w in ws] for ws in doc]


def test_names_family_name_recurs_as_a_person() -> None:
    # a person named in full, then by the family name alone (with and without clitics), in three wordings
    doc = _doc("قال الوزير سليم القرنفلي إن المفاوضات مستمرة",
               "وأضاف القرنفلي أن الجولة المقبلة ستعقد الشهر القادم",
               "ورد المعارضون على تصريحات القرنفلي بالرفض",
               "وكان للقرنفلي موقف مختلف العام الماضي")
    tags = [["O", "O", "B-PERS", "I-PERS", "O", "O", "O"]] + [["O"] * len(s) for s in doc[1:]]
    out = propagate(tags, _stems(doc), {})
    assert out[1][1] == "B-PERS"
    assert out[2][4] == "B-PERS"
    assert out[3][1] == "B-PERS"  # للقرنفلي: the same stem behind the clitics
    assert out[0] == tags[0]


def test_names_whole_names_recur_with_their_type() -> None:
    # an organisation's name of several words is remembered whole, with its type
    doc = _doc("أصدرت هيئة الموانئ الشمالية بيانا صباح اليوم",
               "وقالت هيئة الموانئ الشمالية إن الرصيف مغلق",
               "ونفت الحكومة ما نقلته هيئة الموانئ الشمالية عن الخسائر")
    tags = [["O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O"]] + [["O"] * len(s) for s in doc[1:]]
    out = propagate(tags, _stems(doc), {})
    assert out[1][1:4] == ["B-ORG", "I-ORG", "I-ORG"]
    assert out[2][4:7] == ["B-ORG", "I-ORG", "I-ORG"]


def test_names_memory_keeps_common_words_and_distance() -> None:
    # common words (frequent in the training text) are not remembered alone; nor names beyond the window;
    # a tag the CRF gave is never overwritten
    doc = _doc("وصل الرئيس نبيل الحمداني إلى المدينة",
               "وقال الرئيس إن المدينة آمنة",
               "واستقبل سكان المدينة الحمداني بالترحيب")
    tags = [["O", "B-PERS", "I-PERS", "I-PERS", "O", "B-LOC"], ["O"] * 5, ["O", "O", "O", "B-LOC", "O"]]
    vocab = {"رييس": "3", "مدينه": "3"}
    out = propagate(tags, _stems(doc), vocab)
    assert out[1] == ["O"] * 5  # الرئيس and المدينة are frequent words, not names
    assert out[2][3] == "B-LOC"  # the CRF's own tag stays
    assert propagate(tags, _stems(doc), vocab, window=0) == tags
    tags[2][3] = "O"
    assert propagate(tags, _stems(doc), vocab)[2][3] == "B-PERS"
    assert propagate(tags, _stems(doc), vocab, window=1)[2][3] == "O"  # two sentences away


def test_names_tag_document_finds_a_recurring_name(pipeline: Any) -> None:
    tagger = pipeline.resources.names
    doc = _doc("قال المتحدث باسم الجيش العقيد مازن الدرويشي إن القوات تقدمت",
               "وأكد الدرويشي أن العملية مستمرة")
    alone = tagger.tag(doc[1])
    together = tagger.tag_document(doc)
    assert together[0] == tagger.tag(doc[0])
    assert "PERS" in together[1][1] or "PERS" in alone[1]


def test_names_word_classes_are_features_of_the_word_and_its_neighbours(tmp_path: Path) -> None:
    # classes.tsv: a stem's clusters and name lists; a header line and a malformed line are skipped
    path = tmp_path / "classes.tsv"
    path.write_text("# word classes LC v1\nقرنفلي\tc0=5 c1=40 lx=p\nبلا-تبويب\n", encoding="utf-8")
    classes = read_classes(path)
    assert classes == {"قرنفلي": ("c0=5", "c1=40", "lx=p")}
    assert read_classes(tmp_path / "none.tsv") == {}
    words = [normalize_name(w) for w in "قال سليم القرنفلي أمس".split()]
    feats = token_features(words, [""] * 4, classes=classes)
    assert {"c0=5@0", "lx=p@0"} <= set(feats[2])
    assert "lx=p@1" in feats[1] and "lx=p@-1" in feats[3]
    assert not any("@" in f for f in feats[0])

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.evaluation.score import (
    FIELDS,
    EvalReport,
    FieldScore,
    GoldDocument,
    GoldError,
    article_path,
    corpus_hash,
    floors_check,
    format_table,
    gold_from_json,
    load_gold,
    name_forms,
    raise_floors,
    score,
)
from rasd.records import (
    UNKNOWN_DATE,
    ActorRef,
    Count,
    DocumentInfo,
    DocumentRecord,
    Event,
    EventDate,
    LocationRef,
    Mention,
)

GOLDEN = Path(__file__).parent / "golden" / "evaluation"


def _golden_pairs() -> list[tuple[GoldDocument, dict[str, Any] | None, str]]:
    gold_a = load_gold(GOLDEN / "article_a.gold.json")
    gold_b = load_gold(GOLDEN / "article_b.gold.json")
    pred_a = json.loads((GOLDEN / "article_a.pred.json").read_text(encoding="utf-8"))
    text_a = (GOLDEN / "article_a.txt").read_text(encoding="utf-8")
    text_b = (GOLDEN / "article_b.txt").read_text(encoding="utf-8")
    return [(gold_a, pred_a, text_a), (gold_b, None, text_b)]


def _perfect_record(gold: GoldDocument, text: str) -> dict[str, Any]:
    """A prediction built from the gold itself (names only, no mentions)."""
    def actor(names: tuple[str, ...]) -> ActorRef:
        return ActorRef(id=names[0].lower(), name_en=names[0], name_ar=names[-1], kind="other")

    events = []
    for i, ev in enumerate(gold.events):
        actors = [actor(a) for a in ev.actors]
        loc = None
        if ev.location:
            loc = LocationRef(ev.location[0], ev.location[0], ev.location[-1], "XX", None, 0.0, 0.0, 1, "town")
        date = EventDate(ev.date, ev.date, "day", "explicit") if ev.date else UNKNOWN_DATE
        counts = tuple(Count(c.kind, c.value, c.qualifier, c.who, c.scope, 0, 1, text[:1]) for c in ev.counts)
        events.append(Event(f"e{i}", ev.acled_event_type, ev.acled_sub_event_type, ev.plover,
                            actors[0] if actors else None, actors[1] if len(actors) > 1 else None, loc, date,
                            counts, ev.modality, None, (), 1.0, other_actors=tuple(actors[2:])))
    rec = DocumentRecord(DocumentInfo("sha256:x", gold.id, gold.published, "ar", len(text)), text,
                         events=tuple(events))
    return rec.to_json()


def test_evaluation_golden_scores_match_hand_computed() -> None:
    expected = json.loads((GOLDEN / "expected.json").read_text(encoding="utf-8"))
    report = score(_golden_pairs())
    assert report.articles == expected["articles"]
    assert list(report.failed) == expected["failed"]
    got = {f.field: [f.tp, f.predicted, f.gold] for f in report.fields}
    assert got == expected["fields"]
    assert report.field("actors").precision == pytest.approx(0.75)
    assert report.field("places").recall == pytest.approx(1 / 3)
    assert report.field("places").f1 == pytest.approx(0.4)


def test_evaluation_golden_mismatches_have_context() -> None:
    report = score(_golden_pairs())
    by = {(m.article, m.field, m.kind, m.item): m for m in report.mismatches}
    miss = by[("article_a", "counts", "miss", "killed 3")]
    assert "قتل فيها 3 جنود" in miss.context
    alarm = by[("article_a", "counts", "false_alarm", "killed 30")]
    assert "[قتل فيها 3 جنود]" in alarm.context
    assert ("article_a", "counts_who", "false_alarm", "wounded 4 civilians") in by
    assert ("article_a", "places", "miss", "Al Sahel / الساحل") in by
    assert ("article_b", "events", "miss", "Protests @ Capital") in by
    assert all("\n" not in m.context for m in report.mismatches)


def test_evaluation_perfect_prediction_scores_one() -> None:
    pairs = _golden_pairs()
    perfect = [(g, _perfect_record(g, t), t) for g, _, t in pairs]
    report = score(perfect)
    for f in report.fields:
        assert f.gold > 0, f.field
        assert (f.precision, f.recall, f.f1) == (1.0, 1.0, 1.0), f.field
    assert report.mismatches == ()
    assert report.failed == ()


def test_evaluation_empty_prediction_zero_recall() -> None:
    pairs = _golden_pairs()
    empty = [(g, _perfect_record(GoldDocument(g.id, g.published, ()), t), t) for g, _, t in pairs]
    for report in (score(empty), score([(g, None, t) for g, _, t in pairs])):
        for f in report.fields:
            assert f.tp == 0 and f.predicted == 0
            assert f.recall == 0.0 and f.precision == 0.0 and f.f1 == 0.0
    assert score([(g, None, t) for g, _, t in pairs]).failed == ("article_a", "article_b")


def test_evaluation_micro_average_over_articles() -> None:
    gold = gold_from_json({"id": "x", "published": None, "events": [
        {"plover": "ASSAULT", "acled_event_type": "Battles", "counts": [
            {"kind": "killed", "value": 5, "who": "total"}, {"kind": "killed", "value": 5, "who": "civilians"}]}]})
    other = gold_from_json({"id": "y", "published": None, "events": [
        {"plover": "ASSAULT", "acled_event_type": "Battles", "counts": [
            {"kind": "wounded", "value": 2}, {"kind": "killed", "value": 1}, {"kind": "missing", "value": 9}]}]})
    t = "نص"
    pred_x = _perfect_record(gold, t)
    report = score([(gold, pred_x, t), (other, None, t)])
    counts = report.field("counts")
    # (killed, 5) twice in one article counts once; 1 + 3 gold pairs, 1 predicted pair
    assert (counts.tp, counts.predicted, counts.gold) == (1, 1, 4)
    assert counts.recall == pytest.approx(0.25)
    assert (report.field("counts_who").tp, report.field("counts_who").gold) == (2, 5)


def test_evaluation_events_require_type_and_shared_place() -> None:
    gold = gold_from_json({"id": "z", "published": None, "events": [
        {"plover": "CONSULT", "acled_event_type": None, "location": ["Oasis", "الواحة"]},
        {"plover": "CONSULT", "acled_event_type": None, "location": None},
        {"plover": "ASSAULT", "acled_event_type": "Battles", "location": ["Oasis", "الواحة"]}]})
    text = "في الواحة"
    mention = Mention("m1", "place", "الواحة", 3, 9)
    oasis = LocationRef("oasis_1", "Wahat", "واحة", "XX", None, 0, 0, 1, "town", mentions=("m1",))
    events = (
        Event("e1", None, None, "CONSULT", None, None, None, UNKNOWN_DATE, (), "asserted", None, (), 1.0),
        Event("e2", None, None, "CONSULT", None, None, oasis, UNKNOWN_DATE, (), "asserted", None, (), 1.0),
        Event("e3", None, None, "ASSAULT", None, None, oasis, UNKNOWN_DATE, (), "asserted", None, (), 1.0),
    )
    rec = DocumentRecord(DocumentInfo("sha256:z", "z", None, "ar", len(text)), text, (mention,), events).to_json()
    report = score([(gold, rec, text)])
    ev = report.field("events")
    # e1 ↔ gold 2 (no place either side); e2 ↔ gold 1 (shared name through the mention text);
    # e3 is PLOVER ASSAULT with null ACLED, gold 3 is ACLED Battles: different types.
    assert (ev.tp, ev.predicted, ev.gold) == (2, 3, 3)
    places = report.field("places")
    assert (places.tp, places.predicted, places.gold) == (1, 1, 1)


def test_evaluation_name_forms() -> None:
    assert name_forms("طَرَابُلُس") == {"طرابلس"}
    assert "al zawiya" in name_forms("Al-Zawiya") and "zawiya" in name_forms("Al-Zawiya")
    forms = name_forms("والمدينة القديمة")
    assert {"والمدينه القديمه", "مدينه القديمه", "المدينه القديمه"} <= forms
    assert name_forms("بدر") == {"بدر"}  # only two letters would remain after ب
    assert name_forms("بنها") == {"بنها", "نها"}
    assert name_forms("إدلـب") == {"ادلب"}
    assert name_forms("مؤسسة") >= {"موسسه"}
    assert name_forms("U.N.") == {"u n"}
    assert name_forms("  ") == set()
    assert name_forms("ﻟﻴﺒﻴﺎ") >= {"ليبيا"}  # presentation forms via NFKC


def test_evaluation_load_gold_errors(tmp_path: Path) -> None:
    def bad(data: Any, needle: str) -> None:
        p = tmp_path / "x.gold.json"
        p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        with pytest.raises(GoldError) as err:
            load_gold(p)
        assert str(err.value).startswith(str(p))
        assert needle in str(err.value)

    ok_event = {"plover": "ASSAULT", "acled_event_type": "Battles"}
    bad([], "expected a JSON object")
    bad({"events": []}, "id")
    bad({"id": "x", "events": [{"acled_event_type": "Battles"}]}, "events[0].plover")
    bad({"id": "x", "events": [{**ok_event, "counts": [{"kind": "dead", "value": 3}]}]},
        "events[0].counts[0].kind: 'dead' is not one of")
    bad({"id": "x", "events": [{**ok_event, "counts": [{"kind": "killed", "value": "3"}]}]},
        "events[0].counts[0].value")
    bad({"id": "x", "events": [{**ok_event, "date": "14/03/2023"}]}, "events[0].date")
    bad({"id": "x", "events": [{**ok_event, "actors": [[]]}]}, "events[0].actors[0]")
    bad({"id": "x", "events": [{**ok_event, "modality": "maybe"}]}, "events[0].modality")
    p = tmp_path / "broken.gold.json"
    p.write_text('{"id": "x",\n "events": [}', encoding="utf-8")
    with pytest.raises(GoldError, match=r"broken\.gold\.json:2: invalid JSON"):
        load_gold(p)
    with pytest.raises(GoldError, match="cannot read"):
        load_gold(tmp_path / "missing.gold.json")


def test_evaluation_load_gold_values() -> None:
    g = load_gold(GOLDEN / "article_a.gold.json")
    assert g.id == "article_a" and g.published == "2023-03-14"
    assert g.events[0].counts[0].kind == "killed" and g.events[0].counts[0].value == 7
    assert g.events[2].location is None and g.events[2].acled_event_type is None
    assert article_path(GOLDEN / "article_a.gold.json") == GOLDEN / "article_a.txt"


def test_evaluation_format_table() -> None:
    table = format_table(score(_golden_pairs()))
    lines = table.splitlines()
    assert lines[0].split() == ["field", "P", "R", "F1", "tp", "pred", "gold"]
    assert lines[1].split() == ["counts", "0.667", "0.667", "0.667", "2", "3", "3"]
    assert "1 failed: article_b" in table
    assert len([ln for ln in lines if ln.split() and ln.split()[0].rstrip("*") in FIELDS]) == len(FIELDS)


def test_evaluation_field_score_zero_when_undefined() -> None:
    f = FieldScore("counts", 0, 0, 0)
    assert (f.precision, f.recall, f.f1) == (0.0, 0.0, 0.0)


def _report(**f1s: tuple[int, int, int]) -> EvalReport:
    """A report over every field the evaluator reports: the given ones with (tp, predicted, gold), the
    others empty."""
    return EvalReport(fields=tuple(FieldScore(k, *f1s.get(k, (0, 0, 0))) for k in FIELDS), articles=1,
                      failed=(), mismatches=())


def _floors(**given: dict[str, float]) -> dict[str, dict[str, float]]:
    """Floors for every field: the given ones, and f1 0 for the others."""
    return {k: given.get(k, {"f1": 0.0}) for k in FIELDS}


def test_evaluation_corpus_hash_depends_on_names_and_contents(tmp_path: Path) -> None:
    a = tmp_path / "one" / "a.gold.json"
    b = tmp_path / "two" / "a.gold.json"
    a.parent.mkdir()
    b.parent.mkdir()
    a.write_text("{}", encoding="utf-8")
    b.write_text("{}", encoding="utf-8")
    assert corpus_hash([a]) == corpus_hash([b])  # location does not matter
    assert corpus_hash([a]) == corpus_hash([a.parent])
    b.write_text("{ }", encoding="utf-8")
    assert corpus_hash([a]) != corpus_hash([b])
    c = tmp_path / "c.gold.json"
    c.write_text("{}", encoding="utf-8")
    assert corpus_hash([a, c]) == corpus_hash([c, a]) != corpus_hash([a])
    assert corpus_hash([a]).startswith("sha256:")


def test_evaluation_floors_check_and_raise(tmp_path: Path) -> None:
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"corpus_hash": "sha256:aa", "floors": _floors(
        counts={"f1": 0.5}, places={"f1": 0.4, "recall": 0.9})}), encoding="utf-8")
    report = _report(counts=(1, 2, 2), places=(1, 1, 2), events=(0, 0, 0))
    assert floors_check(report, floors, "sha256:aa") == ["places recall 0.500 is below its floor 0.900"]
    problems = floors_check(report, floors, "sha256:bb")
    assert len(problems) == 2 and "pinned to corpus sha256:aa" in problems[0]

    lines = raise_floors(_report(counts=(2, 3, 3), places=(1, 1, 2), events=(0, 0, 0)), floors, "sha256:aa")
    data = json.loads(floors.read_text(encoding="utf-8"))
    assert data["corpus_hash"] == "sha256:aa"
    assert data["floors"]["counts"] == {"f1": 0.665}  # raised: 0.667 rounded down to 0.005
    assert data["floors"]["places"] == {"recall": 0.9, "f1": 0.665}  # recall kept: only ever raised
    assert data["floors"]["events"] == {"f1": 0.0}
    assert any("kept 0.900" in ln and "--lower" in ln for ln in lines)
    assert floors_check(_report(counts=(2, 3, 3), places=(1, 1, 2), events=(0, 0, 0)), floors,
                        "sha256:aa") == ["places recall 0.500 is below its floor 0.900"]

    raise_floors(_report(counts=(1, 3, 3), places=(1, 1, 2), events=(0, 0, 0)), floors, "sha256:aa")
    assert json.loads(floors.read_text(encoding="utf-8"))["floors"]["counts"] == {"f1": 0.665}

    raise_floors(_report(counts=(1, 3, 3), places=(1, 1, 2), events=(0, 0, 0)), floors, "sha256:cc",
                 allow_lower=True)
    data = json.loads(floors.read_text(encoding="utf-8"))
    assert data["corpus_hash"] == "sha256:cc"
    assert data["floors"]["counts"] == {"f1": 0.33}  # 0.333 rounded down to 0.005
    assert data["floors"]["places"]["recall"] == 0.5
    assert floors_check(_report(counts=(1, 3, 3), places=(1, 1, 2), events=(0, 0, 0)), floors, "sha256:cc") == []


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=500))
def test_evaluation_floors_pin_the_score_rounded_down_to_half_a_point(tp: int, gold: int) -> None:
    tp = min(tp, gold)
    with tempfile.TemporaryDirectory() as tmp:
        floors = Path(tmp) / "floors.json"
        report = _report(counts=(tp, gold, gold))
        raise_floors(report, floors, "sha256:aa")
        pinned = json.loads(floors.read_text(encoding="utf-8"))["floors"]["counts"]["f1"]
        measured = report.field("counts").f1
        assert pinned <= measured + 1e-9 and measured - pinned < 0.005 + 1e-9
        assert round(pinned * 1000) % 5 == 0
        assert floors_check(report, floors, "sha256:aa") == []


def test_evaluation_floors_file_errors(tmp_path: Path) -> None:
    from rasd.resources.datafiles import ResourceError

    floors = tmp_path / "floors.json"
    h = "sha256:aa"
    for data, problem in (
            ({"corpus_hash": h, "floors": {**_floors(), "nonsense": {"f1": 0.1}}}, "unknown field 'nonsense'"),
            ({"corpus_hash": h, "floors": _floors(counts={"f1": 2})}, r"\[0, 1\]"),
            ({"corpus_hash": h, "floors": {k: v for k, v in _floors().items() if k != "actors"}},
             "no f1 floor for actors"),
            ({"corpus_hash": h, "floors": _floors(dates={"recall": 0.5})}, "no f1 floor for dates"),
            ({"floors": _floors()}, "corpus_hash"),
            ({"corpus_hash": h, "floors": _floors(), "margin": 0.02}, "unknown key 'margin'")):
        floors.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(ResourceError, match=problem):
            floors_check(_report(), floors, h)
    with pytest.raises(ResourceError, match="cannot read"):
        floors_check(_report(counts=(0, 0, 0)), tmp_path / "none.json", "h")

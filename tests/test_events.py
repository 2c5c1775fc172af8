"""Event assembly's resolvers and their typed decisions, on reports written for these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rasd.events import MentionRef, MergeHint, mention_ref, merge_same
from rasd.events.confidence import confidence
from rasd.events.modality import ModalityDecision
from rasd.events.place import PlaceDecision
from rasd.events.roles import RolesDecision
from rasd.events.rules import (
    AttributionRule,
    DateRule,
    DraftRule,
    MergeRule,
    ModalityRule,
    PlaceRule,
    RoleRule,
    ScopeRule,
    TypeRule,
)
from rasd.pipeline import Pipeline
from rasd.records import DocumentRecord

# written for these tests: a strike with its toll and source, then "another strike" elsewhere; a clash
# between two named sides whose toll follows in the next sentence
STRIKE = ("قصفت طائرات حربية مواقع لقوات الدعم السريع في مدينة نيالا يوم الأحد، ما أسفر عن مقتل 12 مدنيا، "
          "حسب مصادر طبية.\nوفي الفاشر، شنت طائرة مسيرة غارة أخرى على سوق شعبي.")
CLASH = "اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في الخرطوم. وقتل 9 مقاتلين في المعارك."
ENUMS = (ScopeRule, AttributionRule, RoleRule, TypeRule, PlaceRule, DateRule, ModalityRule, MergeRule)
FIXED = {member.value for enum in ENUMS for member in enum} | {DraftRule.COUNTS_FROM_NEXT_SENTENCE.value}
PREFIXES = tuple(r.value for r in DraftRule if r.value.endswith(":"))


def _record(pipeline: Pipeline, text: str) -> DocumentRecord:
    return pipeline.extract_text(text, source="test", published="2024-03-05")


def test_events_mention_ref_is_the_named_tuple() -> None:
    ref = mention_ref("place", 4, 9)
    assert type(ref) is MentionRef and ref == MentionRef("place", 4, 9) and hash(ref) == hash(MentionRef("place", 4, 9))
    assert (ref.kind, ref.start, ref.end) == ("place", 4, 9)


def test_events_rules_are_named_by_the_rule_enums(pipeline: Pipeline) -> None:
    """Every rule an event records is a member of a rule enum (a trigger id or count kind after a draft rule)."""
    for text in (STRIKE, CLASH):
        for ev in _record(pipeline, text).events:
            assert ev.rules
            for rule in ev.rules:
                assert rule in FIXED or rule.startswith(PREFIXES), rule


def test_events_another_happening_is_never_merged(pipeline: Pipeline) -> None:
    """The merge reads 'another happening' from its typed hint, not from the rule strings."""
    first = _record(pipeline, STRIKE).events[0]
    twin = replace(first, rules=("trigger:air_strike",))
    same = merge_same([first, twin], [MergeHint(False, PlaceRule.CLAUSE), MergeHint(False, PlaceRule.CLAUSE)],
                      lambda a, b: False)
    assert len(same) == 1 and same[0].rules[-1] == MergeRule.MERGED.value
    told_apart = merge_same([first, twin], [MergeHint(False, PlaceRule.CLAUSE), MergeHint(True, PlaceRule.CLAUSE)],
                            lambda a, b: False)
    assert told_apart == [first, twin]
    assert "another_happening" in _record(pipeline, STRIKE).events[1].rules


def test_events_name_their_mentions_by_id(pipeline: Pipeline) -> None:
    """Actors, places and triggers of an event point at mentions of their own kind and span."""
    for text in (STRIKE, CLASH):
        rec = _record(pipeline, text)
        by_id = {m.id: m for m in rec.mentions}
        for ev in rec.events:
            for ref in (ev.actor1, ev.actor2, *ev.other_actors):
                if ref is not None:
                    assert all(by_id[mid].kind == "actor" and by_id[mid].ref == ref.id for mid in ref.mentions)
            if ev.location is not None:
                assert ev.location.mentions
                assert all(by_id[mid].kind == "place" for mid in ev.location.mentions)
            assert ev.trigger is not None
            trig = by_id[ev.trigger.id]
            assert (trig.kind, trig.start, trig.end) == ("trigger", ev.trigger.start, ev.trigger.end)
    clash = _record(pipeline, CLASH).events[0]
    assert clash.actor1 is not None and clash.actor2 is not None
    assert {clash.actor1.id, clash.actor2.id} == {"saf", "rsf"}


def test_events_confidence_is_computed_from_the_place_decision(pipeline: Pipeline) -> None:
    """A place from the event's own clause counts more than one from the sentence before; the document's
    main place adds nothing."""
    loc = _record(pipeline, STRIKE).events[0].location
    assert loc is not None
    roles = RolesDecision(None, None, (), (), None, (0, 0))
    asserted = ModalityDecision("asserted", None, None)

    def conf(rule: PlaceRule) -> float:
        return confidence(1.0, False, roles, False, PlaceDecision(loc, rule, None), (), asserted)

    assert conf(PlaceRule.CLAUSE) == pytest.approx(0.75 + 0.08)
    assert conf(PlaceRule.PREVIOUS_SENTENCE) == pytest.approx(0.75 + 0.03)
    assert conf(PlaceRule.DOCUMENT) == pytest.approx(0.75)
    reported = ModalityDecision("reported", ModalityRule.REPORTED_CUE, (0, 1))
    assert confidence(1.0, True, roles, False, PlaceDecision(None, None, None), (), reported) == pytest.approx(0.5)


def test_events_numbered_is_replace_of_the_id(pipeline: Pipeline) -> None:
    """numbered() is dataclasses.replace(ev, id=…): every other field stays, on events of reports that fill them
    (actors, place, counts, attribution, other actors)."""
    from rasd.events import numbered

    texts = ("قتل ثلاثة مدنيين وأصيب خمسة آخرون في قصف لقوات النظام على بلدة قرب حلب أمس، حسب مصادر طبية.",
             "أعلنت وزارة الصحة مقتل عشرة أشخاص في غارة جوية استهدفت سوقا شعبيا في صنعاء يوم الأحد.")
    events = [ev for t in texts for ev in pipeline.extract_text(t, published="2019-05-04").events]
    assert events
    for ev in events:
        assert numbered(ev, "e9") == replace(ev, id="e9")
        assert numbered(ev, "e1").id == "e1" and numbered(ev, "e1") != replace(ev, id="e2")

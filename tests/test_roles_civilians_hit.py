"""Civilians are whom a violent happening hits, never who does it: chosen first by the order of the clause, they
are its second side, and the armed side beside them, if any, its first. All sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    # (no attacker named: the first side stays empty)
    ("استهدف قصف مدفعي منازل المدنيين في حي الروضة بمدينة تعز.", None, "civilians-ye"),
    ("طال القصف منازل المواطنين في حي سكني بمدينة حلب.", None, "civilians-sy"),
    # (the civilians named before the force that hit them)
    ("تعرض المدنيون في مدينة الفاشر لقصف مدفعي من قوات الدعم السريع.", "rsf", "civilians-sd"),
    # (already so by a target cue)
    ("وأطلق مسلحون النار على المدنيين في سوق المدينة بتعز.", "unidentified-armed-group-ye", "civilians-ye"),
])
def test_roles_civilians_hit_are_the_second_side(pipeline: Pipeline, text: str, actor1: str | None,
                                                 actor2: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    ev = next(e for e in rec.events if e.acled_event_type is not None)
    assert (ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None) == (actor1, actor2)

"""Whom an act means to protect is none of its sides (events/roles.py, cues.yaml roles.protected): a name after
حفاظا على، حرصا على سلامة، حماية لأرواح، من أجل سلامة … tells what the act is for. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(("text", "plover", "side"), [
    ("انسحب الجيش اليمني من مديرية حريب حفاظا على أرواح المدنيين.", "RETREAT", "yemen-government-forces"),
    ("أعلنت قوات الدعم السريع انسحابها من مدينة سنجة حرصا على سلامة المدنيين.", "RETREAT", "rsf"),
    ("انسحبت قوات الجيش السوداني من مدينة الدندر من أجل سلامة المدنيين، بحسب مصدر عسكري.", "RETREAT", "saf"),
    ("وافقت قوات سوريا الديمقراطية على الانسحاب من مدينة منبج حفاظا على سلامة المدنيين فيها.", "RETREAT", "sdf"),
    ("قالت حركة حماس إنها وافقت على الهدنة حماية لأرواح المدنيين في قطاع غزة.", "AGREE", "hamas"),
])
def test_roles_protected_are_no_side(pipeline: Any, text: str, plover: str, side: str) -> None:
    events = [e for e in pipeline.extract_text(text, source="test", published="2024-03-10").events
              if e.plover == plover]
    assert len(events) == 1
    ev = events[0]
    assert ev.actor1 is not None and ev.actor1.id == side
    assert ev.actor2 is None
    assert not ev.other_actors

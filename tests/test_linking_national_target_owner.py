"""A bare force noun after the word for its positions, barracks or camps (مواقع للقوات الحكومية، ثكنات الجيش) names
the force whose positions are hit: the document's country's force, the event's second side (generic.yaml
national_not_after no longer lists them). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(("text", "force"), [
    ("قصف الحوثيون بالصواريخ مواقع للقوات الحكومية غرب مدينة مأرب فجر اليوم.", "yemen-government-forces"),
    ("واستهدفت طائرة مسيرة تابعة للدعم السريع ثكنات الجيش في مدينة الأبيض.", "saf"),
    ("وهاجمت قوات الدعم السريع معسكرات الجيش في مدينة الفاشر بالمدفعية الثقيلة.", "saf"),
])
def test_linking_national_force_whose_positions_are_hit(pipeline: Any, text: str, force: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    sides = [(ev["actor2"] or {}).get("id") for ev in rec["events"]]
    assert force in sides, [((ev["actor1"] or {}).get("id"), (ev["actor2"] or {}).get("id")) for ev in rec["events"]]

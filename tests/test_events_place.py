"""The event's place (events/place.py): a violent incident placed only in a region takes the report's town in
it; a statement or a running toll keeps the region or country it names; sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


def _places(events: tuple[Event, ...]) -> list[str | None]:
    return [e.location.name_en if e.location else None for e in events]


@pytest.mark.parametrize(("text", "place"), [
    ("الموصل - قتل ثلاثة جنود في هجوم لمسلحي تنظيم الدولة في محافظة نينوى.", "Mosul"),
    ("تعز - أصيب أربعة مدنيين بقذائف أطلقها الحوثيون في محافظة تعز.", "Taiz"),
])
def test_place_incident_in_a_region_takes_the_datelines_town(pipeline: Pipeline, text: str, place: str) -> None:
    assert _places(_events(pipeline, text)) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("طرابلس - طالبت منظمة العفو الدولية السلطات في ليبيا بالإفراج عن المحتجزين.", "Libya"),
    ("بنغازي - دعا المبعوث الأممي إلى هدنة في ليبيا خلال عيد الأضحى.", "Libya"),
    ("صنعاء - تطالب الأمم المتحدة بفتح الطرق في محافظة تعز أمام قوافل الإغاثة.", "Taiz Governorate"),
])
def test_place_statement_keeps_the_region_it_names(pipeline: Pipeline, text: str, place: str) -> None:
    events = _events(pipeline, text)
    assert [e.plover for e in events] == ["REQUEST"]
    assert _places(events) == [place]

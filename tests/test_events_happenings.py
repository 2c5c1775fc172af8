"""Distinct incidents folded into one (events/happenings.py): a toll broken down by place is one event per
place; sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


def _places(events: tuple[Event, ...]) -> list[str | None]:
    return [e.location.name_en if e.location else None for e in events]


@pytest.mark.parametrize(("text", "places"), [
    # a total, then its parts by place (the total's region is no incident of its own)
    ("أصيب 12 شخصا في غارات إسرائيلية على جنوب لبنان، سبعة في بلدة الخيام وخمسة في بلدة كفركلا.",
     ["Khiam", "Kfar Kila"]),
    ("أسفر القصف عن إصابة 9 أشخاص، أربعة في مدينة خان يونس وخمسة آخرين في مدينة رفح.", ["Khan Younis", "Rafah"]),
    # each figure with its place, the weapon told after them or between
    ("قتل ثلاثة مدنيين في إدلب واثنان في حلب جراء غارات روسية.", ["Idlib", "Aleppo"]),
    ("قتل شخصان في مدينة الرمادي، وثلاثة في مدينة الفلوجة، بانفجار عبوات ناسفة صباح اليوم.", ["Ramadi", "Fallujah"]),
    ("قتلت امرأتان في قصف على مدينة حماة، وقتل ثلاثة في مدينة إدلب.", ["Hama", "Idlib"]),
    ("سقط قتيلان في اشتباكات بمدينة الزاوية وثلاثة قتلى في اشتباكات بمدينة صبراتة.", ["Zawiya", "Sabratha"]),
])
def test_happenings_toll_broken_down_by_place(pipeline: Pipeline, text: str, places: list[str]) -> None:
    events = _events(pipeline, text)
    assert _places(events) == places
    assert len({e.acled_event_type for e in events}) == 1


@pytest.mark.parametrize("text", [
    # a district told inside the town of the toll: the detail of one incident
    "قتل 5 أشخاص في مدينة حلب، بينهم اثنان في حي الشعار، جراء قصف مدفعي.",
    # one figure, one place; a year before a place is no figure
    "قتل 6 أشخاص في قصف على بلدة سرمين في ريف إدلب.",
    "اندلعت اشتباكات منذ عام 2019 في مدينة طرابلس وقتل فيها 3 أشخاص.",
])
def test_happenings_one_incident_is_not_broken_down(pipeline: Pipeline, text: str) -> None:
    assert not any("location:breakdown" in e.rules for e in _events(pipeline, text))


def test_happenings_breakdown_is_not_merged_into_the_region(pipeline: Pipeline) -> None:
    events = _events(pipeline, "قتل ثلاثة فلسطينيين في غارات إسرائيلية على قطاع غزة صباح اليوم. وأسفرت غارات "
                               "بعد الظهر عن إصابة 11 فلسطينيا، أربعة في رفح وسبعة في مدينة غزة.")
    assert _places(events) == ["Gaza Strip", "Rafah", "Gaza City"]

"""A vague figure of an incident (وأصيب العشرات) stands beside a running total of the same kind (events.figures:
drop_vague_told_exactly compares the dead and wounded by scope). Every sentence is our own."""

from __future__ import annotations

from typing import Any

import pytest


def _figures(pipeline: Any, text: str) -> set[tuple[str, int, str]]:
    rec = pipeline.extract_text(text, published="2024-03-10").to_json()
    return {(c["kind"], c["value"], c["qualifier"]) for e in rec["events"] for c in e["counts"]}


@pytest.mark.parametrize("text", [
    "استشهد 9 فلسطينيين وأصيب العشرات في غارة على منزل في مدينة خان يونس. وأعلنت وزارة الصحة ارتفاع عدد المصابين "
    "منذ بدء الحرب إلى 70 ألف مصاب.",
    "قتل 14 مدنيا وجرح العشرات في قصف على سوق مدينة إدلب. وبلغ إجمالي الجرحى منذ بداية الحملة 3200 جريح.",
    "أصيب العشرات في قصف على حي سكني في مدينة حلب. وارتفع عدد الجرحى منذ اندلاع المعارك إلى 900 جريح.",
])
def test_figures_vague_incident_figure_beside_a_running_total(pipeline: Any, text: str) -> None:
    assert ("wounded", 12, "vague") in _figures(pipeline, text)


@pytest.mark.parametrize("text", [
    "قتل 14 مدنيا وأصيب 40 آخرون في قصف على سوق مدينة إدلب. وكان القصف قد أوقع عشرات الجرحى.",
    "أصيب 25 شخصا في انفجار سيارة مفخخة في مدينة الباب. وقال شهود إن الانفجار خلف عشرات المصابين.",
    "استشهد 6 فلسطينيين وأصيب 30 في غارة على مخيم جباليا. وأفاد مسعفون بنقل عشرات الجرحى إلى المستشفى.",
])
def test_figures_vague_figure_told_exactly_in_the_same_scope_is_dropped(pipeline: Any, text: str) -> None:
    assert ("wounded", 12, "vague") not in _figures(pipeline, text)

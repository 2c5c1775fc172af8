"""The event type resolver (events/kind.py) on sentences written for these tests: a definite generic attack word
after ل (للهجوم = ل + الهجوم) refers back to the strike told before and takes its type."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.mark.parametrize("text", [
    "قصفت الطائرات سوقا في مدينة إدلب. وأعرب الوزير عن حزنه للهجوم الذي أودى بحياة عشرة أشخاص.",
    "استهدف قصف مدفعي حيا سكنيا في مدينة حلب. وتعرض عشرات المدنيين للهجوم الذي أوقع تسعة قتلى.",
    "انفجرت سيارة مفخخة قرب سوق مدينة منبج. وتطرق البيان للهجوم الذي خلف خمسة قتلى.",
])
def test_kind_definite_attack_after_lam_is_the_strike_told_before(pipeline: Pipeline, text: str) -> None:
    events = pipeline.extract_text(text, source="test", published="2024-03-10").events
    assert [e.acled_event_type for e in events] == ["Explosions/Remote violence"]

"""A country's air defences named by the word for them and the country's nisba (الدفاعات الجوية الإسرائيلية،
منظومة الدفاع الجوي الأمريكية) are that country's forces, the agent of an interception (recognize.forces,
cues.yaml `force_nouns`). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("واعترضت الدفاعات الجوية الإسرائيلية صاروخا أطلق من جنوب لبنان.", "الدفاعات الجوية الإسرائيلية", "idf"),
    ("وقال مسؤول إن منظومة الدفاع الجوي الأمريكية أسقطت طائرة مسيرة قرب قاعدة عين الأسد.",
     "منظومة الدفاع الجوي الأمريكية", "us-forces"),
    ("تصدت دفاعات جوية روسية لهجوم بطائرات مسيرة على قاعدة حميميم.", "دفاعات جوية روسية", "russia-forces"),
])
def test_forces_air_defense_and_nisba_is_the_country_force(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


def test_forces_air_defense_interception_has_the_force_as_agent(pipeline: Any) -> None:
    text = "واعترضت الدفاعات الجوية الإسرائيلية صاروخا أطلق من جنوب لبنان."
    events = pipeline.extract_text(text, published="2024-05-02").events
    assert events and events[0].actor1 is not None and events[0].actor1.id == "idf"

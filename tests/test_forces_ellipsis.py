"""A word that stands for the word for forces of the force named right before it (طائرات روسية وأخرى سورية) and a
nisba name that nisba's force, an ally of the first side, not its target (recognize.forces, cues.yaml
`force_ellipsis`; events.roles). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("قصفت طائرات روسية وأخرى سورية بلدات في ريف إدلب الجنوبي.", "أخرى سورية", "saa"),
    ("قتل مدنيون في غارات شنتها طائرات تابعة للجيش السوري، وأخرى روسية على ريف حماة.", "أخرى روسية",
     "russia-forces"),
    ("واستهدفت مقاتلات أمريكية وأخرى بريطانية مواقع للحوثيين قرب الحديدة.", "أخرى بريطانية", "uk-forces"),
])
def test_forces_ellipsis_after_a_force_names_the_nisba_force(pipeline: Any, text: str, phrase: str,
                                                            actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


@pytest.mark.parametrize("text", [
    "وزار الوفد مدنا أخرى سورية خلال جولته في المنطقة.",  # no force before it
    "وقالت مصادر إن منظمات دولية وأخرى سورية قدمت المساعدات للنازحين.",  # organisations, no force
])
def test_forces_ellipsis_without_a_force_before_names_none(pipeline: Any, text: str) -> None:
    assert not any(t.startswith("أخرى") for t, _ in actor_mentions(pipeline, text))


def test_forces_ellipsis_force_is_an_ally_not_the_target(pipeline: Any) -> None:
    text = "قتل خمسة مدنيين في غارات شنتها طائرات تابعة للجيش السوري، وأخرى روسية على ريف إدلب."
    (event,) = pipeline.extract_text(text, published="2017-03-02").events
    assert event.actor1 is not None and event.actor1.id == "saa"
    assert event.actor2 is None or event.actor2.id != "russia-forces"
    assert "russia-forces" in [a.id for a in event.other_actors]

""""The national army" (الجيش الوطني، قوات الجيش الوطني) is the force its own war calls so: Yemen's government
army, Libya's eastern army, Syria's Turkish-backed factions (national role `national_army`, actors/generic.yaml;
recognize.linking); a country with none marked reads nothing from it. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("وتقدمت قوات الجيش الوطني في جبهة صرواح غرب مأرب بعد معارك مع الحوثيين.", "قوات الجيش الوطني",
     "yemen-government-forces"),
    ("وقال الجيش الوطني إن طائراته قصفت مواقع لقوات الوفاق جنوب طرابلس.", "الجيش الوطني", "lna"),
    ("وسيطر الجيش الوطني على قرى في ريف حلب الشمالي بعد معارك مع قوات سوريا الديمقراطية.", "الجيش الوطني", "sna"),
])
def test_linking_national_army_is_the_force_its_war_calls_so(pipeline: Any, text: str, phrase: str,
                                                              actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text, published="2019-06-20")


def test_linking_national_army_elsewhere_names_nothing(pipeline: Any) -> None:
    text = "وأعلن الجيش الوطني في العراق انتهاء العملية العسكرية في الأنبار."
    assert not any(ref in ("lna", "sna", "yemen-government-forces") for _t, ref in actor_mentions(pipeline, text))

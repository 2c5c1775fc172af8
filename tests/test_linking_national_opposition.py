"""The armed opposition and the rebels named by a bare noun (المعارضة، قوات المتمردين) in a report about a war with
one main rebel side are that side (national roles `opposition` and `rebels`, actors/generic.yaml); a country with
none marked gets no actor from them, and a bare noun's national readings never choose a name's actor elsewhere
(recognize.linking). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("قصفت المدفعية السورية مواقع المعارضة في ريف حلب الغربي صباح الأحد.", "المعارضة", "syrian-opposition-factions"),
    ("وأعلن جيش جنوب السودان أن قوات المتمردين هاجمت بلدة ناصر في ولاية أعالي النيل.", "قوات المتمردين", "spla-io"),
    ("وقالت مصادر محلية إن المعارضة المسلحة سيطرت على بلدة في ولاية جونقلي بجنوب السودان.", "المعارضة المسلحة",
     "spla-io"),
])
def test_linking_national_opposition_is_the_main_rebel_side(pipeline: Any, text: str, phrase: str,
                                                            actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


@pytest.mark.parametrize("text", [
    "وقالت المعارضة العراقية إن نتائج الانتخابات في بغداد مزورة.",  # another country's (political) opposition
    "وانتقدت المعارضة في البرلمان اللبناني خطة الحكومة في بيروت.",  # a country with no rebel side marked
])
def test_linking_national_opposition_elsewhere_names_no_rebels(pipeline: Any, text: str) -> None:
    found = actor_mentions(pipeline, text)
    assert not any(ref in ("syrian-opposition-factions", "spla-io") for _t, ref in found), found


def test_linking_national_rebels_noun_keeps_its_description_elsewhere(pipeline: Any) -> None:
    text = "وأطلق الحوثيون صاروخا على جازان، وقالت السعودية إن المتمردين أطلقوا صاروخا آخر على نجران."
    assert not any(ref == "spla-io" for _t, ref in actor_mentions(pipeline, text))

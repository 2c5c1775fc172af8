"""The document's country (recognize.country_vote.document_country): an armed group a country's nisba qualifies
(طالبان الأفغانية، حركة الشباب الصومالية، جيش التحرير الوطني الكولومبي) is named so where it is foreign to the
report, and votes only when nothing else does; a group whose own name holds its country's name (حركة طالبان
باكستان) votes as any other; a place named after a place noun with a nisba after the name (ولاية خوست الأفغانية،
مقاطعة لامو الكينية) votes as a place's name. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.recognize.country_vote import nisba_places
from rasd.text.normalize import normalize


@pytest.mark.parametrize(("text", "country"), [
    # (an Afghan group named in a report about Pakistan)
    ("اتهمت إسلام آباد حركة طالبان الأفغانية بإيواء مسلحين نفذوا تفجيرا انتحاريا في مدينة بانو.", "PK"),
    # (a Somali group in Kenya)
    ("هاجم مسلحون من حركة الشباب الصومالية قاعدة عسكرية في مقاطعة لامو الكينية فجر الثلاثاء.", "KE"),
    # (a Colombian group across the border)
    ("قتل ثلاثة جنود في هجوم لجيش التحرير الوطني الكولومبي على نقطة عسكرية في ولاية أبوري الفنزويلية.", "VE"),
])
def test_country_vote_group_named_with_a_country_does_not_say_the_documents_country(pipeline: Any, text: str,
                                                                                country: str) -> None:
    rec = pipeline.extract_text(text, source="t", published="2025-03-05")
    assert rec.document.country == country


@pytest.mark.parametrize(("text", "country"), [
    # (controls: such a group alone still says its country; a group named without one votes as before)
    ("أعلنت حركة طالبان باكستان مسؤوليتها عن هجوم على مركز للشرطة أسفر عن مقتل شرطيين.", "PK"),
    ("قتل سبعة مدنيين في هجوم لحركة الشباب على قرية نائية فجر اليوم.", "SO"),
    ("قال متحدث باسم جبهة تحرير شعب تيغراي إن مقاتليها صدوا هجوما على مواقعهم.", "ET"),
    # (the group's own name holds its country: it votes, and outweighs a country named in an accusation)
    ("قتل ثمانية جنود في هجوم تبنته حركة طالبان باكستان في إقليم خيبر بختونخوا، واتهمت إسلام آباد حكومة طالبان في "
     "أفغانستان بإيواء المسلحين.", "PK"),
])
def test_country_vote_group_country_controls(pipeline: Any, text: str, country: str) -> None:
    rec = pipeline.extract_text(text, source="t", published="2025-03-05")
    assert rec.document.country == country


def test_country_vote_named_place_with_a_nisba_votes_as_a_place(pipeline: Any) -> None:
    nisbas = pipeline.resources.actor_linker.nisbas
    got = nisba_places(normalize("وقعت اشتباكات في ولاية خوست الأفغانية وفي مقاطعة لامو الكينية").text, nisbas)
    assert [(c, w) for _at, c, w in got] == [("AF", 2.0), ("KE", 2.0)]
    # (a nisba as the name's own word is no such place; a bare noun and nisba votes as a country name)
    got = nisba_places(normalize("في العاصمة الهايتية وفي مدينة الباكستانية الجديدة").text, nisbas)
    assert [(c, w) for _at, c, w in got] == [("HT", 1.0)]
    # (inside a longer word the noun is not one: الولاية)
    assert nisba_places(normalize("بالولاية خوست الأفغانية").text, nisbas) == []

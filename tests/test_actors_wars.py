"""The actor files of the wars the dictionary lacked before round 28 (actors/afghanistan_pakistan.yaml, ethiopia,
great_lakes, mozambique, nigeria, cameroon, central_african_republic, myanmar, colombia, haiti, egypt_sinai):
their groups answer to the names Arabic news gives them, their aliases collide with no other entry of another
country and no place, and the offices of their countries name their holders. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.resources.actors import ActorDictionary
from rasd.resources.gazetteer import Gazetteer
from rasd.text.normalize import normalize_name

FILES = ("afghanistan_pakistan.yaml", "ethiopia.yaml", "great_lakes.yaml", "mozambique.yaml", "nigeria.yaml",
         "cameroon.yaml", "central_african_republic.yaml", "myanmar.yaml", "colombia.yaml", "haiti.yaml",
         "egypt_sinai.yaml")


@pytest.fixture(scope="module")
def actors() -> ActorDictionary:
    return ActorDictionary.load()


def _new(actors: ActorDictionary) -> list[Any]:
    return [a for a in actors.actors if a.source.partition(":")[0] in FILES]


@pytest.mark.parametrize(("name", "actor"), [
    ("حركة طالبان باكستان", "ttp"), ("طالبان الباكستانية", "ttp"), ("ولاية خراسان", "iskp"),
    ("جيش تحرير بلوشستان", "bla"), ("جبهة تحرير شعب تيغراي", "tplf"), ("ميليشيا فانو", "fano"),
    ("جيش تحرير أورومو", "ola"), ("حركة 23 مارس", "m23"), ("القوات الديمقراطية المتحالفة", "adf"),
    ("تحالف الوطنيين من أجل التغيير", "cpc"), ("جيش أراكان", "arakan-army"), ("جيش التحرير الوطني", "eln"),
    ("منشقو فارك", "farc-emc"), ("تحالف فيف أنسانم", "viv-ansanm"), ("قوات دفاع أمبازونيا", "ambazonia-defence-forces"),
    ("بعثة مينوسكا", "minusca"), ("حركة حسم", "hasm"), ("جيش ميانمار", "myanmar-junta"),
    ("المجلس العسكري في ميانمار", "myanmar-junta"), ("قوات الدفاع الوطني الإثيوبية", "endf"),
])
def test_actors_wars_groups_answer_to_their_arabic_names(actors: ActorDictionary, name: str, actor: str) -> None:
    assert actor in {a.id for a in actors.find(normalize_name(name))}


def test_actors_wars_names_are_nobody_elses_in_another_country(actors: ActorDictionary) -> None:
    """No name of the new files is shared with an entry that the document's country or the date cannot tell
    apart (validate's 'needs context')."""
    ids = {a.id for a in _new(actors)}
    clashes = [p for p in actors.validate() if p.startswith("WARN name") and any(i in p for i in ids)]
    assert clashes == []


def test_actors_wars_one_word_names_are_no_places() -> None:
    """A one-word alias that is a gazetteer name would steal the place (فانو، كوديكو are no places)."""
    d, gaz = ActorDictionary.load(), Gazetteer.load()
    places = {normalize_name(n) for n, _pid in gaz.names()}
    one_word = {normalize_name(v) for a in _new(d) for v in (*a.variants_ar, *a.hostile_ar)
                if " " not in normalize_name(v)}
    assert one_word and not one_word & places, one_word & places


def test_actors_wars_a_hand_written_force_keeps_the_countrys_army(actors: ActorDictionary) -> None:
    """A state force written by hand drops the template's army (actors._without_hand_names): the files that
    write one (the BIR, Pakistan's Frontier Corps, Amhara's special forces) write the army too."""
    for country, army in (("CM", "cameroon-army"), ("PK", "pakistan-army"), ("ET", "endf")):
        assert not any(a.id == f"military-{country.lower()}" for a in actors.actors)
        assert "army" in actors.get(army).national
    by_date = {a.id for a in actors.find(normalize_name("الجيش الأفغاني"))}
    assert by_date == {"afghan-republic-forces", "taliban-forces"}


@pytest.mark.parametrize(("text", "holder"), [
    ("قال رئيس الوزراء الباكستاني إن بلاده لن تتسامح مع الهجمات عبر الحدود.", "shehbaz-sharif"),
    ("وأكد الرئيس النيجيري أن الجيش سيلاحق المسلحين في ولاية زامفارا.", "bola-tinubu"),
    ("وقال وزير الدفاع الباكستاني إن الغارات استهدفت مخابئ المسلحين.", "khawaja-asif"),
    ("وأعلن الرئيس الكولومبي تعليق المحادثات مع المتمردين.", "gustavo-petro"),
])
def test_actors_wars_offices_name_their_holders(pipeline: Any, text: str, holder: str) -> None:
    rec = pipeline.extract_text(text, source="t", published="2025-06-10")
    assert holder in {m.ref for m in rec.mentions if m.kind == "actor"}

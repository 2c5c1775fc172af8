"""Place names that generalize (recognize/unlinked.py, resources/gazetteer.py): a street, roundabout or square
named after a city or a country is a place of the town around it, not that city; front lines (محور X) and
hills (تبة X) are places after their descriptor; the gazetteer looks a name up without the descriptor or the
direction written before it. Sentences written for these tests."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.pipeline import Pipeline
from rasd.records import is_unlinked
from rasd.resources.gazetteer import Gazetteer


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def _event_places(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    """(Arabic name, the known place it stands at) of each event's place."""
    out = []
    for e in pipeline.extract_text(text, source="test", published="2024-03-10").events:
        if e.location is not None:
            out.append((e.location.name_ar, e.location.within[0] if e.location.within else e.location.id))
    return out


# a street, a roundabout, a square named after a city or a country (شارع الزاوية in Tripoli, دوار الكويت in Gaza):
# its name keeps its head (a site's descriptor is part of its name)
@pytest.mark.parametrize(("text", "name", "container"), [
    ("قتل شخصان في اشتباكات اندلعت في شارع الزاوية وسط طرابلس الليبية.", "شارع الزاوية", "ly-tripoli"),
    ("أطلقت قوات الاحتلال النار على حشود قرب دوار الكويت جنوب مدينة غزة.", "دوار الكويت", "ps-gaza-city"),
    ("تجمع مئات المحتجين في ساحة بغداد بمدينة دمشق للمطالبة بالإفراج عن المعتقلين.", "ساحة بغداد", "sy-damascus"),
    ("واعتصم عشرات الطلاب في ميدان اليمن بمدينة الخرطوم احتجاجا على الغلاء.", "ميدان اليمن", "sd-khartoum"),
])
def test_unlinked_street_named_after_a_place(pipeline: Pipeline, text: str, name: str, container: str) -> None:
    assert _event_places(pipeline, text) == [(name, container)]


# front lines and hills after their descriptor, and a street whose name is an everyday word
@pytest.mark.parametrize(("text", "name", "container"), [
    ("قتل ثلاثة مقاتلين في محور الخلاطات شمال مدينة سرت الليبية.", "الخلاطات", "ly-sirte"),
    ("سيطر الجيش السوداني على محور أبو قعود غرب مدينة الأبيض بعد معارك عنيفة.", "أبو قعود", "sd-el-obeid"),
    ("قصفت المدفعية الحوثية مواقع للجيش اليمني في تبة السلال شرق مدينة تعز.", "السلال", "ye-taiz"),
    ("قتل متظاهر برصاص قوات الأمن في شارع النيل وسط الخرطوم.", "شارع النيل", "sd-khartoum"),
])
def test_unlinked_front_hill_and_street(pipeline: Pipeline, text: str, name: str, container: str) -> None:
    assert _event_places(pipeline, text) == [(name, container)]


@pytest.mark.parametrize(("name", "place"), [
    ("مدينة كادقلي", "gn-373141"),
    ("شرق مدينة رفح", "ps-rafah"),
    ("بلدة عربين", "gn-169372"),
    ("مديرية مودية", "gn-72557"),
    # a front line, a sector or the outskirts of a place: the place it runs through or surrounds
    ("محور صلاح الدين", "ly-salah-al-din"),
    ("محور عين زارة", "ly-ain-zara"),
    ("قاطع الفلوجة", "iq-fallujah"),
    ("مشارف مدينة مأرب", "ye-marib"),
    ("ضواحي دمشق", "sy-damascus"),
    ("أطراف مدينة الفاشر", "sd-el-fasher"),
    ("ريف حماة", "sy-adm-hama"),
    # a direction before a descriptor: the name after the descriptor (جنوبي ولاية الوحدة)
    ("جنوبي ولاية الوحدة", "ss-adm-unity"),
    ("شمال ولاية جونقلي", "ss-adm-jonglei"),
    ("كردستان العراق", "iq-kurdistan-region"),
])
def test_gazetteer_lookup_without_descriptor_or_direction(gaz: Gazetteer, name: str, place: str) -> None:
    assert place in [p.id for p in gaz.lookup(name)[1]]


def test_gazetteer_lookup_descriptor_is_no_country(gaz: Gazetteer) -> None:
    assert gaz.lookup("مدينة لبنان")[1] == ()


def test_unlinked_nothing_named_after_a_common_street_word(pipeline: Any) -> None:
    a = pipeline.analyse("مشى الأطفال في الشارع الرئيسي ثم عادوا إلى البيت قبل الغروب.", published="2024-05-02")
    assert not [p for p in a.places if is_unlinked(p.place.id)]


# South Sudan's ten states and Iraq's Kurdistan Region are regions of the gazetteer: an event there keeps them
@pytest.mark.parametrize(("text", "place"), [
    ("اندلعت اشتباكات عنيفة بين الجيش والمعارضة المسلحة جنوبي ولاية الوحدة في جنوب السودان.", "ss-adm-unity"),
    ("قتل عشرون شخصا في هجوم لمسلحين على قرية في ولاية جونقلي بجنوب السودان.", "ss-adm-jonglei"),
    ("قصفت طائرات مسيرة تركية مواقع لحزب العمال الكردستاني في كردستان العراق.", "iq-kurdistan-region"),
    ("نزح آلاف المدنيين من منازلهم في ولاية أعالي النيل بعد اشتباكات بين فصيلين مسلحين.", "ss-adm-upper-nile"),
])
def test_gazetteer_regions_of_south_sudan_and_kurdistan(pipeline: Pipeline, text: str, place: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    assert place in [e.location.id for e in rec.events if e.location is not None]

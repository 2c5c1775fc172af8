"""Families of real bodies the actor dictionary knows (resources/data/actors/*.yaml): Syria's security services,
the Sinjar Resistance Units, Sudan's Tasis alliance and the army's mobilised fighters, groupings of states. All
sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actor_ids(pipeline: Any, text: str, published: str) -> set[str]:
    """The ids of the record's linked event actors."""
    rec = pipeline.extract_text(text, published=published).to_json()
    return {ent["id"] for ev in rec["events"] for ent in [ev["actor1"], ev["actor2"], *ev["actors"]]
            if ent and ent["id"]}


@pytest.mark.parametrize(("text", "published", "actor"), [
    ("اعتقلت قوات الأمن العسكري ثلاثة شبان عند حاجز على مدخل مدينة درعا.", "2019-03-02", "syria-military-security"),
    ("داهم عناصر من فرع الأمن العسكري منازل في بلدة الصنمين واقتادوا خمسة رجال.", "2020-07-11",
     "syria-military-security"),
    ("وقالت مصادر محلية إن شعبة الأمن السياسي اعتقلت معلما في مدينة حمص.", "2016-01-20", "syria-political-security"),
    ("اعتقل فرع أمن الدولة السوري طالبين جامعيين في مدينة اللاذقية أمس.", "2013-10-05", "syria-general-intelligence"),
    ("قتل مدني برصاص عناصر المخابرات الجوية السورية في حي القابون بدمشق.", "2012-06-14",
     "syria-air-force-intelligence"),
])
def test_actors_families_syrian_security_services(pipeline: Any, text: str, published: str, actor: str) -> None:
    assert actor in _actor_ids(pipeline, text, published)


@pytest.mark.parametrize(("text", "published", "actor"), [
    ("اشتبكت قوات اليبشة مع الجيش العراقي في قضاء سنجار وقتل جنديان.", "2022-05-02", "sinjar-resistance-units"),
    ("قصفت طائرة مسيرة تركية سيارة تقل قياديا في اليبشة قرب بلدة سنوني.", "2021-08-17", "sinjar-resistance-units"),
    ("أعلنت وحدات مقاومة سنجار مقتل اثنين من مقاتليها في غارة جوية.", "2023-02-09", "sinjar-resistance-units"),
])
def test_actors_families_sinjar_resistance_units(pipeline: Any, text: str, published: str, actor: str) -> None:
    assert actor in _actor_ids(pipeline, text, published)


@pytest.mark.parametrize(("text", "actor"), [
    ("أدان تحالف السودان التأسيسي القصف الجوي على سوق مدينة نيالا.", "tasis"),
    ("واتهم تحالف تأسيس الجيش بقصف مخيم للنازحين قرب مدينة الفاشر.", "tasis"),
    ("هاجم مستنفرون من المقاومة الشعبية المسلحة مواقع للدعم السريع في ولاية سنار.", "popular-resistance-sudan"),
    ("قتل خمسة من المستنفرين في هجوم على قرية شرق مدينة الأبيض.", "popular-resistance-sudan"),
])
def test_actors_families_sudan_alliances_and_mobilised(pipeline: Any, text: str, actor: str) -> None:
    assert actor in _actor_ids(pipeline, text, "2025-06-10")


@pytest.mark.parametrize(("text", "actor"), [
    ("دعا وزراء خارجية مجموعة السبع إلى وقف فوري لإطلاق النار في غزة.", "g7"),
    ("وأدانت دول مجموعة الدول السبع الصناعية الكبرى الهجوم على السفن في البحر الأحمر.", "g7"),
    ("طالبت مجموعة العشرين بحماية المدنيين في السودان.", "g20"),
    ("وأدانت جامعة الدول العربية القصف الذي استهدف مستشفى في الخرطوم.", "arab-league"),
    ("ودعا الاتحاد الإفريقي طرفي القتال في السودان إلى هدنة إنسانية.", "au"),
])
def test_actors_families_groupings_of_states(pipeline: Any, text: str, actor: str) -> None:
    assert actor in _actor_ids(pipeline, text, "2025-06-10")


@pytest.mark.parametrize(("text", "actor"), [
    ("ورفض مجلس الأمن والدفاع السوداني الهدنة وتوعد بمواصلة القتال ضد قوات الدعم السريع.", "sudan-security-defence-council"),
    ("وأدانت وكالة أونروا القصف الذي دمر مدرسة تؤوي نازحين في غزة.", "unrwa"),
    ("واتهمت أونروا القوات الإسرائيلية بقصف مخزن للمساعدات في رفح.", "unrwa"),
])
def test_actors_families_councils_and_agencies(pipeline: Any, text: str, actor: str) -> None:
    assert actor in _actor_ids(pipeline, text, "2024-06-10")


@pytest.mark.parametrize(("text", "actor"), [
    # the template's forces of a country no file of ours names: its army called "defence forces" or named by the
    # nisba alone, its national police
    ("وقالت قوات الدفاع الكينية إنها قتلت خمسة مسلحين قرب الحدود الصومالية.", "military-ke"),
    ("وأعلنت قوات الدفاع الوطني الأوغندية استعادة بلدة قرب الحدود مع الكونغو الديمقراطية.", "military-ug"),
    ("وانتشرت القوات الرواندية في بلدتين بشمال موزمبيق.", "military-rw"),
    ("وقالت الشرطة الوطنية الهايتية إن عشرة من أفراد العصابات قتلوا في العاصمة.", "police-ht"),
    ("اشتبكت الشرطة الوطنية مع عصابة مسلحة في حي بمدينة بورت أو برنس في هايتي.", "police-ht"),
])
def test_actors_families_template_forces_of_unfamiliar_wars(pipeline: Any, text: str, actor: str) -> None:
    assert actor in {m.actor.id for m in pipeline.analyse(text, published="2025-03-04").actors}


def test_actors_families_syria_national_defence_forces_stay_their_own(pipeline: Any) -> None:
    # (the template's "defence forces" never take a name a file of ours gives another actor)
    a = pipeline.analyse("هاجمت قوات الدفاع الوطني مواقع للمعارضة في ريف حماة.", published="2015-03-04")
    ids = {m.actor.id for m in a.actors}
    assert ids and not any(i.startswith("military-") for i in ids), ids

"""A descriptive phrase the dictionary does not know, a word of belonging or loyalty and its owner's name (الطيران
الحربي التابع للجيش، قوات موالية لـX) is one mention of the owner spanning the phrase (recognize.belonging). All
sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("وقتل تسعة أشخاص حين قصف الطيران الحربي التابع للجيش السوداني سوقا شعبيا في مدينة الضعين.",
     "الطيران الحربي التابع للجيش السوداني", "saf"),
    ("وقالت الإدارة المدنية التابعة لقوات الدعم السريع إن الغارة دمرت مخزنا للأغذية في مدينة نيالا.",
     "الإدارة المدنية التابعة لقوات الدعم السريع", "rsf"),
    ("واشتبكت قوات موالية لحكومة الوحدة الوطنية مع مسلحين قرب مطار معيتيقة في طرابلس.",
     "قوات موالية لحكومة الوحدة الوطنية", "gnu"),
    ("وسيطرت الكتائب المسلحة الموالية لقوات الدعم السريع على بلدة جديدة شرقي مدينة الأبيض.",
     "الكتائب المسلحة الموالية لقوات الدعم السريع", "rsf"),
])
def test_belonging_phrase_names_its_owner(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


def test_belonging_a_known_name_stays_its_own_actor(pipeline: Any) -> None:
    # (قوات الحزام الأمني is an actor of its own: the council only describes it)
    found = actor_mentions(pipeline, "هاجمت قوات الحزام الأمني التابعة للمجلس الانتقالي الجنوبي مواقع في محافظة أبين.")
    assert ("قوات الحزام الأمني", "security-belt") in found, found
    assert not any(text.startswith("قوات الحزام") and ref != "security-belt" for text, ref in found), found


@pytest.mark.parametrize("text", [
    # a verb before the belonging word, or a place, is no described noun phrase
    "وأكد أن المستشفى تابع لوزارة الصحة في حكومة الوحدة الوطنية.",
    "وقعت الاشتباكات في المنطقة الشرقية التابعة لمدينة الفاشر.",
])
def test_belonging_no_phrase_without_a_described_noun(pipeline: Any, text: str) -> None:
    found = actor_mentions(pipeline, text)
    assert not any(" التابع" in t or " تابع" in t for t, _ in found), found


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a body's head word before its leader's name (the dictionary knows حكومة باشاغا, not the full name)
    # (the head word is part of the body's name: the mention spans it)
    ("واتهمت حكومة فتحي باشاغا خصومها بعرقلة دخول وزرائها إلى العاصمة.", "حكومة فتحي باشاغا", "gnu-east-gns"),
    ("وقال متحدث باسم حكومة فتحي باشاغا إن الهجوم استهدف رتلا مدنيا.", "حكومة فتحي باشاغا", "gnu-east-gns"),
    # a phrase belonging to a leader belongs to the body the dictionary names after them
    ("وهاجمت المجموعات الموالية لباشاغا مقرا أمنيا في مدينة مصراتة فجر الأحد.",
     "المجموعات الموالية لباشاغا", "gnu-east-gns"),
    ("وانسحبت القوات الموالية لحميدتي من ثلاثة مواقع قرب مدينة الأبيض.", "القوات الموالية لحميدتي", "rsf"),
    ("واشتبكت قوات موالية للدبيبة مع حراس المصرف المركزي في طرابلس.", "قوات موالية للدبيبة", "gnu"),
])
def test_belonging_leader_names_the_body(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


def test_belonging_leader_alone_stays_a_person(pipeline: Any) -> None:
    # (no head word before the name, nothing belonging to it: the person himself)
    found = actor_mentions(pipeline, "والتقى فتحي باشاغا وفدا أمميا في مدينة سرت لبحث الانتخابات.")
    assert ("فتحي باشاغا", "bashagha") in found, found


def test_belonging_a_title_before_the_body_names_the_leader(pipeline: Any) -> None:
    # (رئيس حكومة X: the head of the body, the person himself)
    found = actor_mentions(pipeline, "وقال رئيس حكومة فتحي باشاغا في مؤتمر صحفي إن المفاوضات متعثرة.")
    assert not any(ref == "gnu-east-gns" for _, ref in found), found


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a part of a government (a ministry the dictionary does not know) after بـ or في names the government
    ("وأعلنت وزارة الدفاع بحكومة الوحدة الوطنية القبض على خمسة مهربين قرب زوارة.",
     "وزارة الدفاع بحكومة الوحدة الوطنية", "gnu"),
    ("وقالت وزارة الإعلام في الحكومة اليمنية إن قذيفة سقطت على سوق شعبي في تعز.",
     "وزارة الإعلام في الحكومة اليمنية", "yemen-government"),
    ("ونفت هيئة الإعلام في الحكومة المعترف بها دوليا صحة الأنباء عن سقوط مأرب.",
     "هيئة الإعلام في الحكومة المعترف بها دوليا", "yemen-government"),
    ("وذكرت مديرية الأمن بحكومة الاستقرار الوطني أن مسلحين خطفوا موظفا في سرت.",
     "مديرية الأمن بحكومة الاستقرار الوطني", "gnu-east-gns"),
])
def test_belonging_part_of_a_government_names_it(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


@pytest.mark.parametrize("text", [
    # no word for a part before في: the government alone
    "وقال مسؤول في الحكومة السودانية إن المفاوضات متعثرة.",
    "وقالت الوزارة في بيان للحكومة السودانية إن الطريق مغلق.",
])
def test_belonging_no_part_without_a_part_word(pipeline: Any, text: str) -> None:
    found = actor_mentions(pipeline, text)
    assert not any(" في " in t or t.startswith("الوزارة") for t, _ in found), found


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # an accusative object (رتلا تابعا، رتلا مواليا) belongs to its owner as the nominative does
    ("ودمرت غارة جوية رتلا تابعا لقوات الدعم السريع على طريق مدني.", "رتلا تابعا لقوات الدعم السريع", "rsf"),
    ("ورصد السكان رتلا مواليا لحكومة الوحدة الوطنية يتجه نحو الزاوية.", "رتلا مواليا لحكومة الوحدة الوطنية", "gnu"),
    ("وقال الجيش السوداني إنه صد الهجوم، واستهدفت مسيرة رتلا تابعا للجيش قرب الأبيض.", "رتلا تابعا للجيش", "saf"),
])
def test_belonging_accusative_phrase_names_its_owner(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a part of a government the dictionary knows, spelled out with its government, is that government
    ("واتهمت وزارة الداخلية بحكومة الوفاق الوطني قوات حفتر بقصف حي سكني في طرابلس.",
     "وزارة الداخلية بحكومة الوفاق الوطني", "gna"),
    ("وأعلنت وزارة الداخلية بحكومة الوحدة الوطنية نشر دوريات في محيط مطار معيتيقة بطرابلس.",
     "وزارة الداخلية بحكومة الوحدة الوطنية", "gnu"),
    ("ونفت وزارة الداخلية في حكومة الوحدة الوطنية مسؤوليتها عن اعتقال الناشطين في طرابلس.",
     "وزارة الداخلية في حكومة الوحدة الوطنية", "gnu"),
])
def test_belonging_known_part_of_a_government_names_it(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


def test_belonging_known_part_alone_stays_the_part(pipeline: Any) -> None:
    # (no government after the part: the dictionary's own entry)
    found = actor_mentions(pipeline, "وقالت وزارة الداخلية بحكومة الوفاق إن دورياتها انتشرت في طرابلس، وأكدت الوزارة ذلك.")
    assert not any(t.startswith("وزارة الداخلية") and ref != "gna" for t, ref in found), found
    found = actor_mentions(pipeline, "وأعلنت وزارة الداخلية الليبية القبض على خمسة مهربين قرب زوارة.")
    assert not any(ref in ("gna", "gnu") for _, ref in found), found
    # (a part that is a source by itself, a health ministry, stays the toll's source)
    found = actor_mentions(pipeline, "وقالت وزارة الصحة بحكومة الوفاق إن حصيلة القتلى في طرابلس ارتفعت إلى 12.")
    assert not any(ref in ("gna", "gnu") for _, ref in found), found
    found = actor_mentions(pipeline, "وقالت وزارة الصحة في حكومة الوحدة الوطنية إن ثلاثة مسعفين أصيبوا في طرابلس.")
    assert not any(t.startswith("وزارة") and ref in ("gna", "gnu") for t, ref in found), found


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a word for forces right before its owner with لـ (no belonging word) is a name of the owner
    ("الخرطوم - وقالت قوات الدعم السريع إن مسيرة تابعة لها استهدفت رتلا للجيش قرب جسر الحلفايا في الخرطوم.",
     "رتلا للجيش", "saf"),
    ("الفاشر - ودمرت غارة جوية رتلا لقوات الدعم السريع على الطريق بين مليط والفاشر.",
     "رتلا لقوات الدعم السريع", "rsf"),
    ("وأفاد شهود بأن دوريات لقوات الجيش الوطني الليبي انتشرت في محيط سرت.",
     "دوريات لقوات الجيش الوطني الليبي", "lna"),
])
def test_belonging_force_word_before_its_owner(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


@pytest.mark.parametrize("text", [
    # a definite word, an unarmed owner or a word that is no word for forces: nothing joined
    "وأعلنت الحكومة دعمها للجيش في معركته ضد التمرد في الخرطوم.",
    "ووجهت الرسالة لقوات الدعم السريع بعد يومين من الهجوم على الفاشر.",
])
def test_belonging_no_force_word_before_the_owner(pipeline: Any, text: str) -> None:
    found = actor_mentions(pipeline, text)
    assert not any(t.startswith(("دعمها", "الرسالة")) for t, _ in found), found


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a known name described by a belonging word and its owner: a mention of the name spanning the description
    ("وقالت قوات الدعم السريع إنها اشتبكت مع مستنفرين مسلحين تابعين للجيش قرب مدينة المناقل.",
     "مستنفرين مسلحين تابعين للجيش", "popular-resistance-sudan"),
    ("هاجمت قوات الحزام الأمني التابعة للمجلس الانتقالي الجنوبي مواقع في محافظة أبين.",
     "قوات الحزام الأمني التابعة للمجلس الانتقالي الجنوبي", "security-belt"),
    ("وتبنت كتائب حزب الله التابعة للحشد الشعبي الهجوم على قاعدة عين الأسد غربي العراق.",
     "كتائب حزب الله التابعة للحشد الشعبي", "kataib-hezbollah"),
])
def test_belonging_known_name_spans_its_description(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


def test_belonging_known_name_not_over_a_disagreeing_adjective(pipeline: Any) -> None:
    # (a definite adjective between an indefinite name and an indefinite belonging word: no one phrase)
    found = actor_mentions(pipeline, "وقالت قوات الدعم السريع إنها اشتبكت مع مستنفرين المسلحين تابعين للجيش قرب المناقل.")
    assert not any(t.startswith("مستنفرين") and "تابعين" in t for t, _ in found), found

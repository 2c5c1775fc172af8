"""A descriptive phrase the dictionary does not know, a word of belonging or loyalty and its owner's name (الطيران
الحربي التابع للجيش، قوات موالية لـX) is one mention of the owner spanning the phrase (recognize.belonging). All
sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actor_mentions(pipeline: Any, text: str) -> list[tuple[str, str | None]]:
    rec = pipeline.extract_text(text, published="2024-05-02")
    return [(m.text, m.ref) for m in rec.mentions if m.kind == "actor"]


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
    found = _actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


def test_belonging_a_known_name_stays_its_own_actor(pipeline: Any) -> None:
    # (قوات الحزام الأمني is an actor of its own: the council only describes it)
    found = _actor_mentions(pipeline, "هاجمت قوات الحزام الأمني التابعة للمجلس الانتقالي الجنوبي مواقع في محافظة أبين.")
    assert ("قوات الحزام الأمني", "security-belt") in found, found
    assert not any(text.startswith("قوات الحزام") and ref != "security-belt" for text, ref in found), found


@pytest.mark.parametrize("text", [
    # a verb before the belonging word, or a place, is no described noun phrase
    "وأكد أن المستشفى تابع لوزارة الصحة في حكومة الوحدة الوطنية.",
    "وقعت الاشتباكات في المنطقة الشرقية التابعة لمدينة الفاشر.",
])
def test_belonging_no_phrase_without_a_described_noun(pipeline: Any, text: str) -> None:
    found = _actor_mentions(pipeline, text)
    assert not any(" التابع" in t or " تابع" in t for t, _ in found), found

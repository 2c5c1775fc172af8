"""A name and its gloss in brackets (أنصار الله (الحوثيين)، القيادة المركزية الأمريكية (سنتكوم)) are one mention of one
entity (rasd.recognize.parenthesis)."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.actor.id) for m in pipeline.analyse(text, published="2024-04-03").actors]


@pytest.mark.parametrize(("text", "expected"), [
    ("وتبنت جماعة أنصار الله (الحوثيين) إطلاق صاروخين على سفينة تجارية قبالة المخا.",
     ("جماعة أنصار الله (الحوثيين)", "houthis")),
    ("ونفت حركة المقاومة الإسلامية (حماس) في بيان مقتضب أن تكون تسلمت أي مقترح جديد.",
     ("حركة المقاومة الإسلامية (حماس)", "hamas")),
    # an ambiguous name is chosen by its gloss (the US forces or their Central Command)
    ("قالت القيادة المركزية الأمريكية (سنتكوم) إن مدمرة اعترضت أربع مسيرات في البحر الأحمر.",
     ("القيادة المركزية الأمريكية (سنتكوم)", "centcom")),
])
def test_parenthesis_name_and_gloss_are_one_mention(pipeline: Any, text: str, expected: tuple[str, str]) -> None:
    found = _actors(pipeline, text)
    assert expected in found
    inner = expected[0].split("(")[1].rstrip(")")
    assert not any(t == inner for t, _ in found)  # the gloss is no mention of its own


def test_parenthesis_gloss_of_a_name_no_entry_knows(pipeline: Any) -> None:
    text = "وعقدت اللجنة العسكرية المشتركة (5+5) جولة جديدة من اجتماعاتها في مدينة سرت أمس."
    assert any(t == "اللجنة العسكرية المشتركة (5+5)" for t, _ in _actors(pipeline, text))


@pytest.mark.parametrize("text", [
    "وتقدمت قوات الدعم السريع (غرب المدينة) نحو مقر الفرقة بعد اشتباكات عنيفة.",  # a place in brackets
    "وأعلنت قوات الدعم السريع (بحسب مصادر محلية، حتى الآن) سيطرتها على البلدة.",  # a phrase
])
def test_parenthesis_brackets_that_hold_no_gloss_leave_the_name(pipeline: Any, text: str) -> None:
    assert ("قوات الدعم السريع", "rsf") in _actors(pipeline, text)


@pytest.mark.parametrize(("name", "actor"), [
    ("جماعة أنصار الله (الحوثيين)", "houthis"),
    ("وحدات مقاومة سنجار (اليبشة)", "sinjar-resistance-units"),
    ("منظمة لا يعرفها القاموس (حماس)", "hamas"),  # the gloss alone is known
])
def test_parenthesis_lookup_reads_a_name_and_its_gloss(name: str, actor: str) -> None:
    from rasd.resources.actors import ActorDictionary

    assert actor in {a.id for a in ActorDictionary.load().lookup(name)[1]}


def test_parenthesis_gloss_parts_leave_other_brackets() -> None:
    from rasd.resources.spelling import gloss_parts

    assert gloss_parts("قوات الدعم السريع") == ("قوات الدعم السريع",)
    assert gloss_parts("(حماس)") == ("(حماس)",)
    assert gloss_parts("أ (ب) ج") == ("أ (ب) ج",)
    assert gloss_parts("أ (ب)") == ("أ (ب)", "أ", "ب")

"""A country's nisba after a word for its forces or a name every country's entry shares, in any number and case
(recognize/linking.py nisba_country, national, with_country): جنديا تشاديا، شرطيا كينيا، عناصر الشرطة الكينية
name that country's force wherever the report is about, and the mention takes the nisba. All sentences are our
own."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.recognize.linking import nisba_country


def _mentions(pipeline: Any, text: str) -> dict[str, str]:
    a = pipeline.analyse(text, published="2024-03-11")
    return {m.text: m.actor.id for m in a.actors or ()}


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # the accusative after an indefinite noun, in a report about another country
    ("قتل 14 جنديا تشاديا في هجوم قرب الحدود مع مالي، بحسب مصادر أمنية في باماكو.", "جنديا تشاديا", "chad-army"),
    ("وصل 11 شرطيا كينيا إلى العاصمة الصومالية مقديشو ضمن بعثة دعم الأمن.", "شرطيا كينيا", "police-ke"),
    # a name every country's police shares, and the nisba after it
    ("أصيب ثلاثة من عناصر الشرطة الكينية في انفجار عبوة ناسفة قرب بلدة بلد حاوو في إقليم جدو الصومالي.",
     "عناصر الشرطة الكينية", "police-ke"),
    ("وقالت الحكومة الصومالية إن عناصر الشرطة الصومالية أحبطوا هجوما في مقديشو.", "عناصر الشرطة الصومالية",
     "police-so"),
])
def test_linking_nisba_names_its_countrys_force(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert _mentions(pipeline, text).get(phrase) == actor


def test_linking_nisba_country_reads_every_form() -> None:
    nisbas = {"تشادي": "TD", "التشاديه": "TD", "تشاديين": "TD", "تشاديه": "TD"}
    assert nisba_country("تشاديا", nisbas, True) == "TD"
    assert nisba_country("تشاديون", nisbas, False) == "TD"
    assert nisba_country("تشاديات", nisbas, False) == "TD"
    # the accusative form after a definite noun is a country's name, an object (دعت الحكومة تركيا)
    assert nisba_country("تشاديا", nisbas, False) is None
    assert nisba_country("حربيه", nisbas, True) is None


def test_linking_country_name_after_a_definite_noun_is_no_nisba(pipeline: Any) -> None:
    found = _mentions(pipeline, "دعت الحكومة تركيا إلى وقف القصف على القرى الحدودية شمال العراق.")
    assert found.get("الحكومة") == "iraq-government"

"""A title in construct with a country's name (رئيس موزمبيق، رئيس وزراء الصومال، وزير خارجية قطر) is that office's
holder for that country (rasd.recognize.offices); the government of a country the dictionary has no entry for
is its authorities' entry, which ACLED names "Government of X" (actors/generic.yaml `national`). All sentences
are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str, published: str) -> list[tuple[str, str]]:
    return [(m.text, m.actor.id) for m in pipeline.analyse(text, published=published).actors]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("ودعا رئيس موزمبيق السكان إلى التعاون مع القوات في الإقليم.", "2025-06-01", ("رئيس موزمبيق", "daniel-chapo")),
    ("وكان رئيس موزمبيق قد زار بيمبا قبل أسبوعين.", "2020-06-01", ("رئيس موزمبيق", "filipe-nyusi")),
    ("التقى رئيس وزراء الصومال وفدا من الاتحاد الأفريقي في مقديشو.", "2024-03-11",
     ("رئيس وزراء الصومال", "hamza-abdi-barre")),
    ("ووصل وزير خارجية قطر إلى القاهرة لبحث وقف إطلاق النار في غزة.", "2024-03-11",
     ("وزير خارجية قطر", "mohammed-bin-abdulrahman")),
])
def test_offices_construct_title_names_the_countrys_holder(pipeline: Any, text: str, published: str,
                                                           expected: tuple[str, str]) -> None:
    assert expected in _actors(pipeline, text, published)


@pytest.mark.parametrize("text", [
    "قال رئيس البرلمان إن الجلسة ستعقد غدا.",  # no country's name after the title
    "ووقع رئيس تحرير الصحيفة البيان مع عدد من الكتاب.",
])
def test_offices_construct_title_without_a_country_names_nobody(pipeline: Any, text: str) -> None:
    assert _actors(pipeline, text, "2024-03-11") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("أعلنت الحكومة في نيروبي حظر التجول في مقاطعة مانديرا شمال شرقي كينيا.", ("الحكومة", "authorities-ke")),
    ("ورحبت الحكومة الكينية بقرار مجلس الأمن تمديد مهمة البعثة في هايتي.", ("الحكومة الكينية", "authorities-ke")),
    ("وقالت الحكومة النيجرية إن الهجوم وقع قرب الحدود مع مالي.", ("الحكومة النيجرية", "authorities-ne")),
])
def test_offices_government_of_a_country_with_no_entry_is_its_authorities(pipeline: Any, text: str,
                                                                          expected: tuple[str, str]) -> None:
    assert expected in _actors(pipeline, text, "2024-03-11")

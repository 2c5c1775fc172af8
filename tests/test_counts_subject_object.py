"""Tests of a verb's subject standing between the verb and the one person it takes (count_grammar.object_follows,
genitive_at, person_object_at, subject_word): the subject is not counted, its object counts one. Every sentence
is our own."""

from __future__ import annotations

import pytest
from count_fixtures import triples


@pytest.mark.parametrize(("text", "want"), [
    ("اختطف مسلحون مجهولون رجل الأعمال فلان الفلاني من أمام متجره.", ("abducted", 1, "civilians")),
    ("قتل مسلحون ملثمون مواطنا قرب محطة الوقود.", ("killed", 1, "civilians")),
    ("اختطف مسلحون طبيبا من عيادته في البلدة.", ("abducted", 1, "medics")),
])
def test_count_grammar_indefinite_object_after_plural_subject(text: str, want: tuple[str, int, str]) -> None:
    assert triples(text) == {want}


@pytest.mark.parametrize(("text", "want"), [
    ("قتل جنود الاحتلال الشاب فلان برصاصة في الرأس.", ("killed", 1, "civilians")),
    ("اختطف عناصر الميليشيا المهندس فلان على الطريق.", ("abducted", 1, "civilians")),
    ("أعدم مقاتلو التنظيم الصحفي فلان في الساحة.", ("killed", 1, "journalists")),
])
def test_count_grammar_object_after_a_plural_subject_and_its_genitive(text: str, want: tuple[str, int, str]) -> None:
    assert triples(text) == {want}


@pytest.mark.parametrize(("text", "want"), [
    ("اعتقلت الشرطة الناشط فلان في المدينة.", ("detained", 1, "civilians")),
    ("اعتقلت قوات الأمن الطالب فلان من منزله.", ("detained", 1, "other")),
    ("قتلت الغارة طفلا في الحي الشرقي.", ("killed", 1, "children")),
])
def test_count_grammar_object_after_a_subject_that_counts_no_one(text: str, want: tuple[str, int, str]) -> None:
    assert triples(text) == {want}


@pytest.mark.parametrize(("text", "want"), [
    # no object after them: the plural is who was hit
    ("قتل جنود في الهجوم على الثكنة.", {("killed", 3, "fighters")}),
    ("قتل عناصر التنظيم في الغارة.", {("killed", 3, "fighters")}),
    ("اعتقلت السلطات الرئيس السابق.", set()),
])
def test_count_grammar_plural_without_object_is_counted(text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("قتل ستة من أفراد الشرطة بهجوم انتحاري نفذه عنصران من التنظيم قرب الجامع.", {("killed", 6, "police")}),
    ("قتل أربعة جنود في هجوم شنه ثلاثة مسلحين على الحاجز.", {("killed", 4, "fighters")}),
    ("أصيب خمسة مدنيين في تفجير نفذه انتحاريان في السوق.", {("wounded", 5, "civilians")}),
    ("قتل 5 مدنيين في هجوم نفذه نحو 20 مسلحا على القرية.", {("killed", 5, "civilians")}),
    ("قتل مدني على يد ثلاثة مسلحين في الحي.", {("killed", 1, "civilians")}),
])
def test_count_resolve_the_attackers_after_the_verb_of_the_attack_are_no_count(
        text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("أوقفت قوة أمنية مشتبها بهم اثنين في المنطقة.", {("detained", 2, "total")}),
    ("اعتقلت الشرطة مشتبه بهم ثلاثة في الحي.", {("detained", 3, "total")}),
    ("أوقف الجيش مشتبهين اثنين عند الحاجز.", {("detained", 2, "total")}),
])
def test_count_implicit_numeral_after_a_plural_of_two_words(text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want

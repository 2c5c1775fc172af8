"""Tests of figures that lean on the count before them (rasd.recognize.count_resolve): a figure whose noun is left
out for another place (elided_noun), a من-group after two figures of two verbs (group_of_list), and a figure
before منهم (of_them_group). Every sentence is our own."""

from __future__ import annotations

import pytest
from count_fixtures import triples


@pytest.mark.parametrize(("text", "want"), [
    ("قتل خمسة مدنيين في بلدة الصالحية واثنان في قرية الجسر.", ("killed", 2, "civilians")),
    ("أصيب 14 طفلا في حي الأمل و6 في حي النصر جراء القصف.", ("wounded", 6, "children")),
    ("اعتقلت القوات 9 شبان في المخيم وثلاثة في البلدة المجاورة.", ("detained", 3, "civilians")),
])
def test_count_resolve_elided_noun_for_another_place(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "unwanted"), [
    # a verb of its own, a number that counts something else, a number after another noun: no repeated count
    ("قتل 3 جنود في القرية وأصيب اثنان في المدينة.", ("killed", 2, "fighters")),
    ("قتل أربعة مدنيين في البلدة و3 ساعات في الطريق.", ("killed", 3, "civilians")),
    ("قتل سبعة مدنيين في المدينة التي تضم 4 في المئة من السكان.", ("killed", 4, "civilians")),
])
def test_count_resolve_elided_noun_needs_a_bare_joined_figure(text: str, unwanted: tuple[str, int, str]) -> None:
    assert unwanted not in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قتل 11 وأصيب العشرات من طلاب المعهد في الغارة.", {("killed", 11, "other"), ("wounded", 12, "other")}),
    ("قتل 6 وجرح 20 من عمال المنجم في الانهيار.", {("killed", 6, "other"), ("wounded", 20, "other")}),
    ("قتل 3 وأصيب 17 من المدنيين في قصف السوق.", {("killed", 3, "civilians"), ("wounded", 17, "civilians")}),
])
def test_count_resolve_group_after_two_verbs_is_both_figures(text: str, want: set[tuple[str, int, str]]) -> None:
    assert want <= triples(text)


def test_count_resolve_own_group_noun_is_not_shared() -> None:
    assert ("killed", 5, "total") in triples("قتل 5 وأصيب 3 أطفال في الغارة.")


@pytest.mark.parametrize(("text", "want"), [
    ("قتل أكثر من 20 شخصا من طلاب الجامعة وأصيب العشرات منهم.", ("wounded", 12, "other")),
    ("استشهد 15 مدنيا وأصيب 9 منهم بجروح خطيرة.", ("wounded", 9, "civilians")),
    ("قتلت الغارة 8 مقاتلين وأسر 3 منهم.", ("detained", 3, "fighters")),
])
def test_count_resolve_figure_of_them_takes_their_group(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("بعد اشتباكات عنيفة قتل وجرح خلالها العشرات من المسلحين.", {("killed", 12, "fighters"), ("wounded", 12, "fighters")}),
    ("شهدت البلدة مواجهات قتل وأصيب فيها 30 شخصا.", {("killed", 30, "total"), ("wounded", 30, "total")}),
    ("بعد قصف مكثف قتل وأصيب 18 مدنيا.", {("killed", 18, "civilians"), ("wounded", 18, "civilians")}),
])
def test_count_grammar_two_verbs_joined_before_one_figure(text: str, want: set[tuple[str, int, str]]) -> None:
    assert want <= triples(text)


def test_count_grammar_a_verb_after_a_counted_noun_is_not_joined_to_the_next() -> None:
    got = triples("وقالت الوكالة إن طفلا قتل وأصيب ثلاثة مدنيين في القصف.")
    assert ("wounded", 3, "civilians") in got and ("killed", 3, "civilians") not in got


@pytest.mark.parametrize(("text", "want"), [
    ("انتشلت فرق الإنقاذ جثث 19 شخصا من تحت الأنقاض.", ("killed", 19, "total")),
    ("عثر الأهالي على جثامين سبعة مدنيين تحت الركام.", ("killed", 7, "civilians")),
    ("تسلمت العائلات رفات 12 جنديا قتلوا قبل أعوام.", ("killed", 12, "fighters")),
])
def test_counts_bodies_of_a_figure_are_its_dead(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)
    assert ("missing", want[1], want[2]) not in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قتل 16 عنصرا من القوات الحكومية اليمنية و23 من مسلحي جماعة الحوثي في المواجهات.",
     {("killed", 16, "fighters"), ("killed", 23, "fighters")}),
    ("لقي 12 عنصرا من قوات الجيش الوطني و9 من المسلحين حتفهم في الاشتباك.",
     {("killed", 12, "fighters"), ("killed", 9, "fighters")}),
    ("أصيب 8 جنود من الوحدة الخاصة التابعة للجيش و4 من المدنيين جراء الانفجار.",
     {("wounded", 8, "fighters"), ("wounded", 4, "civilians")}),
])
def test_count_resolve_figure_after_the_first_ones_of_group_continues_the_list(
        text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want


def test_count_resolve_of_group_gap_needs_a_definite_phrase() -> None:
    # a clause, not a group, stands between: the second figure is not the first one's list
    assert ("killed", 9, "total") not in triples("قتل 12 عنصرا من الذين كانوا هناك و9 في مكان آخر أمس.")

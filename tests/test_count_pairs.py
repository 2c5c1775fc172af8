"""Tests of a number that counts two groups joined with و (rasd.recognize.count_grammar.paired_group,
joined_group): its group is neither of the two alone. Every sentence is our own."""

from __future__ import annotations

import pytest
from count_fixtures import triples
from hypothesis import given
from hypothesis import strategies as st

from rasd.recognize.count_grammar import joined_group

_WHO = ("total", "civilians", "children", "women", "men", "fighters", "medics", "journalists", "migrants", "police",
        "other")


@pytest.mark.parametrize(("text", "want"), [
    ("قتل أكثر من 700 طفل وامرأة في الغارات على المخيم.", ("killed", 700, "other")),
    ("أصيب 25 من الأطفال والنساء بحالات اختناق.", ("wounded", 25, "other")),
    ("نزح نحو ثمانية آلاف امرأة وطفل من القرى الحدودية.", ("displaced", 8000, "other")),
])
def test_count_grammar_women_and_children_together_are_other(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)
    assert not {t for t in triples(text) if t[:2] == want[:2] and t[2] in ("children", "women")}


@pytest.mark.parametrize(("text", "want"), [
    ("قتل 14 من الرعاة والمزارعين في هجوم على الوادي.", ("killed", 14, "civilians")),
    ("أصيب 40 من المدنيين والأطفال في القصف.", ("wounded", 40, "civilians")),
    ("قتل 12 مدنيا وعسكريا في الانفجار.", ("killed", 12, "total")),
])
def test_count_grammar_two_groups_of_one_number(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("ارتفع عدد النازحين واللاجئين إلى 3 ملايين.", ("displaced", 3_000_000, "total")),
    ("وصل عدد المشردين والعمال العالقين إلى 900.", ("displaced", 900, "total")),
    ("تجاوز عدد الجرحى والمهاجرين العالقين 400.", ("wounded", 400, "total")),
])
def test_count_resolve_toll_of_a_kind_and_a_group_is_total(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    # a list of subsets, each with its figure, and a dual with a singular, stay apart
    ("قتل 60 شخصا بينهم 21 طفلا، 9 نساء.", {("killed", 21, "children"), ("killed", 9, "women")}),
    ("قتل 4 أشخاص بينهم طفلان وامرأة.", {("killed", 2, "children"), ("killed", 1, "women")}),
    ("قتل سبعة أشخاص بينهم ثلاثة أطفال وامرأتان.", {("killed", 3, "children"), ("killed", 2, "women")}),
])
def test_count_grammar_subsets_each_with_their_figure_stay_apart(text: str, want: set[tuple[str, int, str]]) -> None:
    assert want <= triples(text)


@given(st.sampled_from(_WHO), st.sampled_from(_WHO))
def test_count_grammar_joined_group_is_symmetric_and_idempotent(a: str, b: str) -> None:
    assert joined_group(a, b) == joined_group(b, a)
    assert joined_group(a, a) == a
    assert joined_group(a, b) in _WHO


@pytest.mark.parametrize(("text", "want"), [
    # a subset list of singulars each counting one, and an accusative figure (11-99) with one more after it
    ("أصيب 9 أشخاص بينهم مسعف وصحفية في القصف.", {("wounded", 1, "medics"), ("wounded", 1, "journalists")}),
    ("قتل 4 أشخاص من بينهم سيدة وطفلها.", {("killed", 1, "women"), ("killed", 1, "children")}),
    ("قتل 30 شخصا بينهم 12 طفلا وامرأة.", {("killed", 12, "children"), ("killed", 1, "women")}),
])
def test_count_grammar_singulars_of_a_subset_list_count_one_each(text: str, want: set[tuple[str, int, str]]) -> None:
    assert want <= triples(text)

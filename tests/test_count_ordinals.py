"""Tests of a person told by an ordinal after a count (rasd.recognize.count_implicit.ordinal_candidates): one more
right after a trigger (وأصيب ثالث), or the whole a joined singular makes (أصيب طفلان وشخص ثالث: three). Every
sentence is our own."""

from __future__ import annotations

import pytest
from count_fixtures import recognizer, triples
from hypothesis import given
from hypothesis import strategies as st

from rasd.recognize.count_implicit import ordinal_value


@pytest.mark.parametrize(("text", "want"), [
    ("قتل جنديان وأصيب ثالث بجروح خطيرة عند الحاجز.", ("wounded", 1, "fighters")),
    ("أصيب مدنيان بالرصاص وقتل ثالث أثناء فراره.", ("killed", 1, "civilians")),
    ("اعتقلت الشرطة ثلاثة متظاهرين واعتقل رابع في اليوم التالي.", ("detained", 1, "civilians")),
])
def test_count_implicit_one_more_after_a_trigger(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("أصيب طفلان وشخص ثالث بجروح في انفجار القنبلة.", ("wounded", 3, "total")),
    ("قتل 4 جنود وشخص خامس في الكمين قرب الجسر.", ("killed", 5, "total")),
    ("أصيب طفلان وطفل ثالث بشظايا القذيفة.", ("wounded", 3, "children")),
])
def test_count_implicit_joined_person_with_ordinal_is_the_whole(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize("text", [
    "حلت المدينة في المركز الثالث بين المدن الأكثر أمنا.",
    "وصل الوفد الثالث إلى العاصمة صباح اليوم.",
    "قال شاهد ثالث إن القصف بدأ فجرا.",
])
def test_count_implicit_an_ordinal_elsewhere_counts_no_one(text: str) -> None:
    assert triples(text) == set()


@given(st.integers(min_value=3, max_value=10), st.sampled_from(["", "ا", "ه"]))
def test_count_implicit_ordinal_value_reads_every_listed_form(n: int, ending: str) -> None:
    tables = recognizer().tables
    assert ordinal_value(tables, tables.ordinals[n - 3] + ending) == n

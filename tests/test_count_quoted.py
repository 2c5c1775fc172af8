"""Tests of a figure quoted as a source gave it, with the verb that says its kind after the closing quotation
mark (count_grammar.after_trigger). Every sentence is our own."""

from __future__ import annotations

import pytest
from count_fixtures import triples


@pytest.mark.parametrize(("text", "want"), [
    ('وقالت الوزارة إن "14 مدنيا" قتلوا في الغارة على البلدة.', {("killed", 14, "civilians")}),
    ("وذكر المرصد أن «سبعة أشخاص» لقوا حتفهم في القصف.", {("killed", 7, "total")}),
    ("وأكد مسؤول محلي أن '40 عائلة' نزحت من القرية خلال الليل.", {("displaced", 40, "other")}),
    ('وأضاف أن "ثلاثة جنود" أصيبوا بجروح طفيفة في الاشتباك.', {("wounded", 3, "fighters")}),
])
def test_count_grammar_verb_after_a_quoted_figure(text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want


@pytest.mark.parametrize(("text", "want"), [
    # the quotation mark is no word, but the verb still has to come within a few words of the noun
    ('وقالت إن "14 مدنيا" كانوا في السوق عندما سقطت القذائف قبل أن يقتلوا.', set()),
    # a quoted figure with a trigger before it keeps that trigger's kind
    ('وأعلن الدفاع المدني مقتل "خمسة أشخاص" في القصف.', {("killed", 5, "total")}),
])
def test_count_grammar_quoted_figure_controls(text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("قتل أكثر من 20 ألف شخص ونزح نحو 11 مليونا داخل البلاد.",
     {("killed", 20000, "total"), ("displaced", 11000000, "total")}),
    ("وتسببت الحرب في نزوح أكثر من 3 ملايين داخل البلاد.", {("displaced", 3000000, "total")}),
    ("وفر 5 آلاف شمالي المدينة هربا من القصف.", {("displaced", 5000, "total")}),
])
def test_count_grammar_bare_figure_before_where_they_went(text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want

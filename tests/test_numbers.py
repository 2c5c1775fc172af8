"""Tests of rasd.recognize.numbers: digits, number words, scales, qualifiers, vague quantities, dates."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.recognize.number_grammar import (
    Calendar,
    NumberWord,
    WordParse,
    add_word,
    digit_value,
    is_date_like,
    number_qualifier,
    read_digits,
    read_words,
)
from rasd.recognize.numbers import NumberMatch, NumberRecognizer
from rasd.resources.datafiles import ResourceError
from rasd.text.normalize import normalize
from rasd.text.segment import tokenize

GOLDEN = Path(__file__).parent / "golden" / "numbers"


@lru_cache(maxsize=1)
def recognizer() -> NumberRecognizer:
    return NumberRecognizer.load()


def find(text: str) -> list[NumberMatch]:
    return recognizer().find(normalize(text).text)


def only(text: str) -> NumberMatch:
    ms = [m for m in find(text) if not m.date_like]
    assert len(ms) == 1, ms
    return ms[0]


@pytest.mark.parametrize(("text", "value"), [
    ("قتل 457 شخصا", 457),
    ("أصيب 2,243 شخصا", 2243),
    ("أصيب 2.243 شخصا", 2243),
    ("٤٥٧ قتيلا", 457),
    ("نزح 56 ألف شخص", 56000),
    ("نزح 29 ألفا", 29000),
    ("نزح 2.5 مليون شخص", 2500000),
    ("نزح 1.2 مليون", 1200000),
    ("نزح 3 آلاف", 3000),
])
def test_numbers_digits_and_scales(text: str, value: int) -> None:
    assert only(text).value == value


@pytest.mark.parametrize(("text", "value"), [
    ("ارتفعت الحصيلة إلى 30 ألفا و534 قتيلا", 30534),
    ("بلغ عدد المصابين 71 ألفا و920 مصابا", 71920),
    ("نزح ألفان و300 شخص", 2300),
    ("وصل عدد النازحين إلى مليون و200 ألف نازح", 1200000),
    ("سجلت 12 ألف و45 إصابة", 12045),
])
def test_numbers_scale_then_a_smaller_remainder_is_one_number(text: str, value: int) -> None:
    assert only(text).value == value


@pytest.mark.parametrize("text", [
    "قتل 3 آلاف و5000 جريح",   # the second is no remainder of the first (not smaller than its scale)
    "بين عامي 2023 و2024",      # no scale before و
])
def test_numbers_remainder_controls(text: str) -> None:
    assert len([m for m in find(text)]) == 2


def test_numbers_fraction_without_scale_is_skipped() -> None:
    assert find("بنسبة 2.5 بالمئة") == []


@pytest.mark.parametrize(("text", "value"), [
    ("قتل ثلاثة أشخاص", 3),
    ("قتل ثلاثة عشر جنديا", 13),
    ("قتل أحد عشر جنديا", 11),
    ("قتل اثنا عشر جنديا", 12),
    ("قتل خمسة وعشرين مدنيا", 25),
    ("قتل خمسة وعشرون مدنيا", 25),
    ("وصل مئة شخص", 100),
    ("وصل مائة شخص", 100),
    ("وصل مئتين من الجنود", 200),
    ("وصل ثلاثمئة جندي", 300),
    ("وصل ثلاث مئة جندي", 300),
    ("وصل ألف جندي", 1000),
    ("وصل ألفين وخمسمائة جندي", 2500),
    ("وصل عشرة آلاف جندي", 10000),
    ("وصل ثلاثمئة وخمسة وعشرون ألفا وخمسمئة نازح", 325500),
    ("وصل مليون نازح", 1000000),
    ("قتل ستون جنديا", 60),
])
def test_numbers_words(text: str, value: int) -> None:
    assert only(text).value == value


def test_numbers_clitic_excluded_from_span() -> None:
    norm = normalize("قتل جندي وستة مدنيين").text
    m = recognizer().find(norm)[0]
    assert m.value == 6 and m.text == "سته" and norm[m.start:m.end] == m.text


def test_numbers_separate_units_do_not_join() -> None:
    assert [m.value for m in find("خمسة وستة")] == [5, 6]


def test_numbers_teen_only_word_alone_is_not_a_number() -> None:
    assert find("قتل أحد الجنود") == []


@pytest.mark.parametrize(("text", "qualifier", "value"), [
    ("قتل قرابة 50 شخصا", "approx", 50),
    ("قتل بنحو 50 شخصا", "approx", 50),
    ("قتل حوالي 50 شخصا", "approx", 50),
    ("قتل ما يناهز 50 شخصا", "approx", 50),
    ("قتل أكثر من 50 شخصا", "at_least", 50),
    ("قتل ما لا يقل عن 50 شخصا", "at_least", 50),
    ("قتل ما يزيد على 50 شخصا", "at_least", 50),
    ("قتل 50 على الأقل", "at_least", 50),
    ("قتل أقل من 50 شخصا", "at_most", 50),
    ("قتل العشرات", "vague", 12),
    ("جرح مئات", "vague", 100),
    ("نزح عشرات الآلاف", "vague", 12000),
    ("نزح آلاف", "vague", 1000),
    ("أصيب عدد من الأشخاص", "vague", 3),
    ("أصيب عدة أشخاص", "vague", 3),
])
def test_numbers_qualifiers(text: str, qualifier: str, value: int) -> None:
    m = only(text)
    assert (m.qualifier, m.value) == (qualifier, value)


def test_numbers_qualifier_in_span_value_span_without_it() -> None:
    norm = normalize("نزوح أكثر من 56 ألف شخص").text
    m = recognizer().find(norm)[0]
    assert m.text == "اكثر من 56 الف"
    assert norm[m.value_start:m.value_end] == "56 الف"


@pytest.mark.parametrize("text", ["في عام 2019", "يوم 14 نوفمبر", "في مايو 2020", "الساعة 22:15", "في 4/1/2020"])
def test_numbers_dates_flagged(text: str) -> None:
    ms = find(text)
    assert ms and all(m.date_like for m in ms)


def test_numbers_count_next_to_year_not_flagged() -> None:
    ms = find("قتل 2019 شخصا")
    assert len(ms) == 1 and not ms[0].date_like


def test_numbers_golden() -> None:
    norm = normalize((GOLDEN / "mixed.txt").read_text(encoding="utf-8")).text
    got = [{"value": m.value, "qualifier": m.qualifier, "text": m.text, "date_like": m.date_like}
           for m in recognizer().find(norm)]
    assert got == json.loads((GOLDEN / "mixed.json").read_text(encoding="utf-8"))


def test_numbers_bad_resource_names_file(tmp_path: Path) -> None:
    bad = tmp_path / "numbers.yaml"
    bad.write_text("words:\n  - {w: ثلاثة, v: -3, type: unit}\nproclitics: []\nqualifiers_before: {}\n"
                   "qualifiers_after: {}\nvague: []\nyear_words: []\nmonths: []\n", encoding="utf-8")
    with pytest.raises(ResourceError) as exc:
        NumberRecognizer.load(str(bad))
    assert "numbers.yaml" in str(exc.value)


def test_numbers_missing_key_is_resource_error(tmp_path: Path) -> None:
    bad = tmp_path / "n.yaml"
    bad.write_text("words: []\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        NumberRecognizer.load(str(bad))


_ALPHABET = st.sampled_from(list("0123456789.,-:/ ()%\n") + list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") +
                            ["ثلاثه", "عشر", "الف", "الاف", "مليون", "و", "عشرات", "نحو", "اكثر من", "علي الاقل",
                             "ميه", "مليار", "عام", "نوفمبر", "واحد", "احد", " "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_numbers_find_never_crashes_and_spans_hold(norm: str) -> None:
    ms = recognizer().find(norm)
    prev_end = 0
    for m in ms:
        assert 0 <= m.start <= m.value_start < m.value_end <= m.end <= len(norm)
        assert norm[m.start:m.end] == m.text
        assert m.start >= prev_end
        assert m.value > 0 and m.qualifier in ("exact", "approx", "at_least", "at_most", "vague")
        prev_end = m.end


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**9))
def test_numbers_digit_roundtrip(n: int) -> None:
    for written in (str(n), f"{n:,}"):
        ms = recognizer().find(f"قتل {written} شخصا")
        assert [m.value for m in ms] == [n]


@pytest.mark.parametrize("text", ["في الـ 25 من الشهر الماضي", "في 3 من مايو"])
def test_numbers_day_of_month_flagged(text: str) -> None:
    ms = find(text)
    assert ms and all(m.date_like for m in ms)


# ---------------------------------------------------------------- the decisions, one by one
def words_table() -> dict[str, NumberWord]:
    return recognizer().words


def read(text: str) -> tuple[int, int] | None:
    """(value, tokens read) of the number written in words at the start of `text`."""
    toks = tokenize(normalize(text).text)
    first = words_table()[toks[0].text]
    parsed = read_words(words_table(), toks, 0, first, 0)
    return None if parsed is None else (parsed.value, parsed.end)


@pytest.mark.parametrize(("text", "expected"), [
    ("سبعة", (7, 1)),
    ("سبعة عشر جنديا", (17, 2)),
    ("تسعة وثلاثون", (39, 2)),
    ("ثلاث مئة وخمسة", (305, 3)),
    ("أربعة آلاف وستمئة", (4600, 3)),
    ("ألف و مئتان", (1200, 3)),
    ("خمسة وستة", (5, 1)),
])
def test_numbers_words_read_into_one_value(text: str, expected: tuple[int, int]) -> None:
    assert read(text) == expected


def test_numbers_teen_only_word_needs_its_ten() -> None:
    one = words_table()[normalize("إحدى").text]
    st = add_word(WordParse(), one, joined=False, first=True)
    assert st is not None and st.teen_pending
    assert add_word(st, words_table()["خمسه"], joined=True, first=False) is None
    teen = add_word(st, words_table()["عشر"], joined=False, first=False)
    assert teen is not None and (teen.group, teen.teen_pending) == (11, False)


def test_numbers_scale_must_shrink() -> None:
    thousand = words_table()["الف"]
    st = add_word(WordParse(), words_table()["ثلاثه"], joined=False, first=True)
    assert st is not None
    st = add_word(st, thousand, joined=False, first=False)
    assert st is not None and (st.total, st.group, st.last_scale) == (3000, 0, 1000)
    assert add_word(st, thousand, joined=True, first=False) is None  # a second thousand does not add up


@pytest.mark.parametrize(("text", "scale", "value"), [
    ("457", 0, 457), ("12,500", 0, 12500), ("3.200", 0, 3200), ("3.200", 1000, 3200),
    ("2.5", 1000000, 2500000), ("2,5", 1000, 2500), ("2.5", 0, None), ("12", 1000, 12000), ("x1", 0, None),
])
def test_numbers_digit_value(text: str, scale: int, value: int | None) -> None:
    assert digit_value(text, scale) == value


def test_numbers_digits_take_the_scale_word_after_them() -> None:
    toks = tokenize(normalize("نزح 40 ألف مدني").text)
    parsed = read_digits(words_table(), toks, 1)
    assert parsed is not None and (parsed.value, parsed.end) == (40000, 3)


@pytest.mark.parametrize(("own", "before", "after", "expected"), [
    ("exact", None, None, "exact"),
    ("exact", "approx", None, "approx"),
    ("exact", "approx", "at_least", "at_least"),
    ("vague", "approx", "at_least", "vague"),
])
def test_numbers_qualifier_decision(own: str, before: str | None, after: str | None, expected: str) -> None:
    assert number_qualifier(own, before, after) == expected


@pytest.mark.parametrize(("text", "at", "date"), [
    ("اندلعت المعارك سنة 2016 في المدينة", 3, True),
    ("وصل 2016 نازحا إلى المخيم", 1, False),
    ("في 9 أيار الماضي", 1, True),
    ("عند 7:30 مساء", 1, True),
    ("أصيب 31 شخصا", 1, False),
])
def test_numbers_date_like_decision(text: str, at: int, date: bool) -> None:
    toks = tokenize(normalize(text).text)
    cal = Calendar(frozenset(recognizer().year_words), frozenset(recognizer().months), recognizer().proclitics,
                   recognizer().year_range)
    assert is_date_like(cal, toks, at, at + 1, int(toks[at].text)) is date


_NUMBER_WORDS = ["واحد", "اثنين", "ثلاثه", "سبع", "عشر", "عشره", "عشرين", "تسعين", "ميه", "مئتين", "ثلاثمئه",
                 "الف", "الفين", "الاف", "مليون", "مليار", "و", "احد", "اثنا"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_NUMBER_WORDS), min_size=1, max_size=8),
       st.lists(st.booleans(), min_size=8, max_size=8))
def test_numbers_read_words_never_crashes_and_stays_in_span(picked: list[str], joins: list[bool]) -> None:
    words = [("و" + w if j and k and w != "و" else w) for k, (w, j) in enumerate(zip(picked, joins, strict=False))]
    toks = tokenize(" ".join(words))
    first = recognizer().word_value(toks[0].text)
    if first is None:
        return
    parsed = read_words(words_table(), toks, 0, first[1], first[0])
    if parsed is not None:
        assert parsed.value > 0 and 1 <= parsed.end <= len(toks)

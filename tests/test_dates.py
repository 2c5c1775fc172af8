"""Tests for rasd.recognize.dates. Every Arabic sentence here was written for these tests."""

from __future__ import annotations

import dataclasses
import datetime
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.recognize.dates import DateMatch, DateRecognizer
from rasd.resources.datafiles import ResourceError, data_path
from rasd.text.normalize import normalize

PUB = datetime.date(2019, 5, 8)   # a Wednesday, in Ramadan 1440
GOLDEN = Path(__file__).parent / "golden" / "dates"


@pytest.fixture(scope="module")
def rec() -> DateRecognizer:
    return DateRecognizer.load()


def find(rec: DateRecognizer, text: str, pub: datetime.date | None = PUB) -> list[DateMatch]:
    norm = normalize(text).text
    matches = rec.find(norm, pub)
    for m in matches:
        assert norm[m.start:m.end] == m.text
    return matches


def one(rec: DateRecognizer, text: str, pub: datetime.date | None = PUB) -> DateMatch:
    matches = find(rec, text, pub)
    assert len(matches) == 1, matches
    return matches[0]


def dates(m: DateMatch) -> tuple[str | None, str | None, str]:
    return m.date_start, m.date_end, m.precision


# ------------------------------------------------------------------------------------ relative days

@pytest.mark.parametrize(("text", "expr", "day"), [
    ("وصل الوفد اليوم إلى العاصمة", "اليوم", "2019-05-08"),
    ("قال الناطق اليوم الأربعاء إن الهدوء عاد", "اليوم الاربعاء", "2019-05-08"),
    ("سقطت قذيفة أمس على الحي", "امس", "2019-05-07"),
    ("تجددت المواجهات أمس الثلاثاء في الضواحي", "امس الثلاثاء", "2019-05-07"),
    ("انفجرت عبوة يوم الأمس قرب الجسر", "يوم الامس", "2019-05-07"),
    ("وقع الكمين أول أمس على الطريق", "اول امس", "2019-05-06"),
    ("وقع الكمين أول من أمس على الطريق", "اول من امس", "2019-05-06"),
    ("وقع الكمين أمس الأول على الطريق", "امس الاول", "2019-05-06"),
    ("تبدأ المفاوضات غدا في جنيف", "غدا", "2019-05-09"),
    ("تبدأ المفاوضات يوم غد في جنيف", "يوم غد", "2019-05-09"),
    ("سمع دوي انفجارات الليلة الماضية", "الليله الماضيه", "2019-05-07"),
    ("اشتد القصف ليلة أمس على البلدة", "ليله امس", "2019-05-07"),
    ("عاد الهدوء صباح اليوم إلى المدينة", "صباح اليوم", "2019-05-08"),
    ("اندلع حريق مساء أمس في المستودع", "مساء امس", "2019-05-07"),
])
def test_dates_relative_days(rec: DateRecognizer, text: str, expr: str, day: str) -> None:
    m = one(rec, text)
    assert m.text == expr
    assert dates(m) == (day, day, "day")
    assert (m.anchor, m.relative, m.kind) == ("published", True, "point")


def test_dates_today_before_ordinal_is_not_today(rec: DateRecognizer) -> None:
    assert find(rec, "دخل الإضراب اليوم العاشر على التوالي") == []
    assert find(rec, "في اليوم الذي وصل فيه المبعوث") == []


def test_dates_clitic_is_outside_the_span(rec: DateRecognizer) -> None:
    m = one(rec, "والسبت شهد المعبر ازدحاما")
    assert m.text == "السبت" and m.start == 1
    m = one(rec, "تراجعت الهجمات مقارنة بالعام الماضي")
    assert m.text == "العام الماضي"
    assert dates(m) == ("2018-01-01", "2018-12-31", "year")


# ------------------------------------------------------------------------------------------ weekdays

@pytest.mark.parametrize(("text", "day"), [
    ("قتل جندي الأحد في هجوم", "2019-05-05"),
    ("قتل جندي الأربعاء في هجوم", "2019-05-08"),        # same weekday as the publication: that day
    ("قتل جندي الخميس في هجوم", "2019-05-02"),
    ("قتل جندي الأربعاء الماضي في هجوم", "2019-05-01"),  # الماضي: strictly before
    ("يصل الوفد الأربعاء المقبل", "2019-05-15"),          # المقبل: strictly after
    ("يصل الوفد الجمعة القادمة", "2019-05-10"),
    ("بدأ القصف فجر السبت على القرى", "2019-05-04"),
    ("بدأ القصف صباح يوم الاثنين على القرى", "2019-05-06"),
])
def test_dates_weekdays_resolve_to_most_recent(rec: DateRecognizer, text: str, day: str) -> None:
    m = one(rec, text)
    assert dates(m) == (day, day, "day")
    assert m.relative and m.anchor == "published"


def test_dates_weekday_in_names_is_not_a_date(rec: DateRecognizer) -> None:
    assert find(rec, "سقطت قذيفة على سوق الجمعة في المدينة") == []
    assert find(rec, "جرى اتفاق بين الاثنين على التهدئة") == []


def test_dates_weekday_with_explicit_date_is_explicit(rec: DateRecognizer) -> None:
    m = one(rec, "نشر البيان الأحد 12 مارس 2023 صباحا")
    assert m.text == "الاحد 12 مارس 2023"
    assert dates(m) == ("2023-03-12", "2023-03-12", "day") and m.anchor == "explicit"


# ----------------------------------------------------------------------------- منذ, قبل and periods

@pytest.mark.parametrize(("text", "start", "precision"), [
    ("تحاصر القوات البلدة منذ قرابة شهر", "2019-04-08", "month"),
    ("تحاصر القوات البلدة منذ أسبوعين", "2019-04-24", "week"),
    ("تحاصر القوات البلدة منذ ثلاثة أيام", "2019-05-05", "day"),
    ("تحاصر القوات البلدة منذ 10 أيام", "2019-04-28", "day"),
    ("تحاصر القوات البلدة منذ عامين", "2017-05-08", "year"),
    ("تحاصر القوات البلدة منذ أكثر من ستة أشهر", "2018-11-08", "month"),
])
def test_dates_since_durations(rec: DateRecognizer, text: str, start: str, precision: str) -> None:
    m = one(rec, text)
    assert m.kind == "duration" and m.relative
    assert dates(m) == (start, "2019-05-08", precision)


def test_dates_vague_duration_is_unresolved(rec: DateRecognizer) -> None:
    m = one(rec, "تتواصل المعارك منذ أيام في الريف")
    assert m.kind == "duration" and m.date_start is None and m.precision == "unknown"


def test_dates_since_a_point(rec: DateRecognizer) -> None:
    m = one(rec, "يستمر الهجوم منذ 4 أبريل على العاصمة")
    assert (m.text, m.kind) == ("منذ 4 ابريل", "since")
    assert dates(m) == ("2019-04-04", "2019-05-08", "day")
    m = one(rec, "تضاعف عدد النازحين منذ عام 2015")
    assert (m.kind, m.anchor) == ("since", "explicit")
    assert dates(m) == ("2015-01-01", "2019-05-08", "year")
    m = one(rec, "ارتفعت الحصيلة منذ بدء العملية العسكرية")
    assert (m.text, m.kind, m.date_start) == ("منذ بدء", "since", None)
    m = one(rec, "أعلن الجيش منذ قليل سيطرته على التلة")
    assert (m.kind, m.date_start) == ("point", "2019-05-08")


def test_dates_ago_is_a_point(rec: DateRecognizer) -> None:
    m = one(rec, "غادر المراقبون قبل يومين")
    assert (m.kind, *dates(m)) == ("point", "2019-05-06", "2019-05-06", "day")
    assert find(rec, "وقعت الحرب قبل عام 2011")[0].text == "عام 2011"


@pytest.mark.parametrize(("text", "start", "end", "precision"), [
    ("تصاعدت الهجمات الأسبوع الماضي", "2019-04-27", "2019-05-03", "week"),   # Saturday–Friday weeks
    ("تصاعدت الهجمات هذا الأسبوع", "2019-05-04", "2019-05-10", "week"),
    ("تصاعدت الهجمات الشهر الماضي", "2019-04-01", "2019-04-30", "month"),
    ("تصاعدت الهجمات العام الماضي", "2018-01-01", "2018-12-31", "year"),
    ("تصاعدت الهجمات خلال السنة الجارية", "2019-01-01", "2019-12-31", "year"),
    ("سجلت المنظمة 30 حالة خلال الـ24 ساعة الماضية", "2019-05-07", "2019-05-08", "day"),
    ("جرى التبادل في الرابع من الشهر الجاري", "2019-05-04", "2019-05-04", "day"),
    ("جرى التبادل يوم 11 من الشهر الماضي", "2019-04-11", "2019-04-11", "day"),
    ("جرى التبادل مطلع الشهر الجاري", "2019-05-01", "2019-05-31", "month"),
])
def test_dates_calendar_periods(rec: DateRecognizer, text: str, start: str, end: str, precision: str) -> None:
    assert dates(one(rec, text)) == (start, end, precision)


# ---------------------------------------------------------------------------------- explicit dates

@pytest.mark.parametrize(("text", "expr", "start", "end", "precision", "anchor"), [
    ("وقعت المجزرة في 14 نوفمبر 2023 شمال القطاع", "14 نوفمبر 2023", "2023-11-14", "2023-11-14", "day", "explicit"),
    ("وقعت المجزرة في 14 نوفمبر شمال القطاع", "14 نوفمبر", "2018-11-14", "2018-11-14", "day", "published"),
    ("عقد اللقاء في السابع من أكتوبر", "السابع من اكتوبر", "2018-10-07", "2018-10-07", "day", "published"),
    ("عقد اللقاء في الحادي والثلاثين من كانون الأول 2020", "الحادي والثلاثين من كانون الاول 2020",
     "2020-12-31", "2020-12-31", "day", "explicit"),
    ("عقد اللقاء في الثاني عشر من شباط 2016", "الثاني عشر من شباط 2016",
     "2016-02-12", "2016-02-12", "day", "explicit"),
    ("بدأت الحملة في 4 أبريل/نيسان", "4 ابريل/نيسان", "2019-04-04", "2019-04-04", "day", "published"),
    ("صدر القرار بتاريخ 2019/5/8 عن المجلس", "2019/5/8", "2019-05-08", "2019-05-08", "day", "explicit"),
    ("صدر القرار بتاريخ 8-5-2019 عن المجلس", "8-5-2019", "2019-05-08", "2019-05-08", "day", "explicit"),
    ("انتخب المجلس في مايو 2014 بعد تأجيل", "مايو 2014", "2014-05-01", "2014-05-31", "month", "explicit"),
    ("اندلعت الاحتجاجات في آذار من العام الماضي", "اذار من العام الماضي", "2018-03-01", "2018-03-31",
     "month", "published"),
    ("انسحبت القوات في أبريل الماضي", "ابريل الماضي", "2019-04-01", "2019-04-30", "month", "published"),
    ("انسحبت القوات في مايو الماضي", "مايو الماضي", "2018-05-01", "2018-05-31", "month", "published"),
    ("انسحبت القوات في يناير الماضي", "يناير الماضي", "2019-01-01", "2019-01-31", "month", "published"),
    ("تأسست الحركة عام 2011 في الجنوب", "عام 2011", "2011-01-01", "2011-12-31", "year", "explicit"),
    ("عادت الاشتباكات في 2016 إلى المنطقة", "2016", "2016-01-01", "2016-12-31", "year", "explicit"),
    ("صدر التقرير في يونيو 05, 2018 مساء", "يونيو 05, 2018", "2018-06-05", "2018-06-05", "day", "explicit"),
])
def test_dates_explicit(rec: DateRecognizer, text: str, expr: str, start: str, end: str, precision: str,
                        anchor: str) -> None:
    m = one(rec, text)
    assert m.text == expr
    assert dates(m) == (start, end, precision)
    assert m.anchor == anchor


def test_dates_invalid_numeric_dates_are_ignored(rec: DateRecognizer) -> None:
    assert find(rec, "الرقم المسجل 31/2/2019 في الدفتر") == []
    assert find(rec, "الرقم المسجل 2019/13/5 في الدفتر") == []


def test_dates_counts_are_not_years(rec: DateRecognizer) -> None:
    assert find(rec, "بلغ عدد المصابين 2243 جريحا في المستشفيات") == []
    assert find(rec, "سقط في 2015 قتيلا من الجنود") == []


# ----------------------------------------------------------------------------------- Hijri and risky

def test_dates_hijri(rec: DateRecognizer) -> None:
    m = one(rec, "تراجعت الهجمات خلال شهر رمضان")
    assert (m.text, *dates(m)) == ("شهر رمضان", "2019-05-06", "2019-06-03", "month")
    m = one(rec, "وقع الهجوم في 15 رمضان 1440 هـ")
    assert dates(m) == ("2019-05-20", "2019-05-20", "day") and m.anchor == "explicit"
    m = one(rec, "وقع الهجوم في شهر رمضان", datetime.date(2019, 4, 20))   # Sha'ban: the coming Ramadan
    assert m.date_start == "2019-05-06"
    m = one(rec, "وقع الهجوم في ذي الحجة 1439")
    assert dates(m) == ("2018-08-12", "2018-09-10", "month")   # Umm al-Qura


@pytest.mark.parametrize("text", [
    "سجلت المستشفيات صفر إصابات جديدة",
    "يجب أن يمارس المجتمع الدولي الضغط",
    "وقف الأب آب عند الباب",
    "التقى الرئيس رجب طيب أردوغان نظيره",
    "وصلت سيارة نيسان مسلحة إلى الحاجز",
    "قال المتحدث رمضان محمد إن الوضع هادئ",
])
def test_dates_risky_month_words_are_not_months(rec: DateRecognizer, text: str) -> None:
    assert find(rec, text) == []


@pytest.mark.parametrize(("text", "expr"), [
    ("دخلت القوات المدينة في 3 صفر 1441", "3 صفر 1441"),
    ("دخلت القوات المدينة في آب/أغسطس الماضي", "اب/اغسطس الماضي"),
    ("دخلت القوات المدينة في مارس", "مارس"),
    ("دخلت القوات المدينة في أواخر تموز", "اواخر تموز"),
    ("دخلت القوات المدينة خلال شهر رجب", "شهر رجب"),
])
def test_dates_risky_month_words_in_date_context(rec: DateRecognizer, text: str, expr: str) -> None:
    assert one(rec, text).text == expr


# ------------------------------------------------------------------------------ no publication date

@pytest.mark.parametrize("text", [
    "سقطت قذيفة أمس", "قتل جندي الأحد", "تحاصر القوات البلدة منذ قرابة شهر", "وقعت المجزرة في 14 نوفمبر",
    "تراجعت الهجمات خلال شهر رمضان", "تصاعدت الهجمات الأسبوع الماضي", "انسحبت القوات في أبريل الماضي",
])
def test_dates_without_published_relative_is_unknown(rec: DateRecognizer, text: str) -> None:
    m = one(rec, text, None)
    assert (m.date_start, m.date_end, m.precision, m.anchor) == (None, None, "unknown", "unknown")


def test_dates_without_published_explicit_still_resolves(rec: DateRecognizer) -> None:
    m = one(rec, "وقعت المجزرة في 14 نوفمبر 2023", None)
    assert (*dates(m), m.anchor) == ("2023-11-14", "2023-11-14", "day", "explicit")
    m = one(rec, "تتواصل المعارك حول المطار منذ الخامس من كانون الثاني للعام 2022م", None)
    assert (m.kind, *dates(m)) == ("since", "2022-01-05", "2022-01-05", "day")


def test_dates_accepts_datetime_published(rec: DateRecognizer) -> None:
    m = one(rec, "سقطت قذيفة أمس", datetime.datetime(2019, 5, 8, 14, 30))
    assert m.date_start == "2019-05-07"


# ------------------------------------------------------------------------------------------ loading

def test_dates_bad_resource_names_file_and_line(tmp_path: Path) -> None:
    text = data_path("dates.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "dates.yaml"
    bad.write_text(text.replace("  12: [ديسمبر", "  13: [ديسمبر"),
                   encoding="utf-8")
    with pytest.raises(ResourceError) as err:
        DateRecognizer.load(str(bad))
    assert str(bad) in str(err.value) and err.value.line is not None
    bad.write_text("gregorian_months: [\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        DateRecognizer.load(str(bad))


# ------------------------------------------------------------------------------------------- golden

@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.txt")))
def test_dates_golden(rec: DateRecognizer, name: str) -> None:
    expected = json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))
    norm = normalize((GOLDEN / f"{name}.txt").read_text(encoding="utf-8")).text
    got = rec.find(norm, datetime.date.fromisoformat(expected["published"]))
    assert [dataclasses.asdict(m) for m in got] == expected["matches"]


# ----------------------------------------------------------------------------------------- property

_PIECES = ["اليوم", "أمس", "أول", "من", "منذ", "قبل", "قرابة", "شهر", "أسبوعين", "أيام", "السبت", "الأحد",
           "الماضي", "المقبل", "الجاري", "صباح", "يوم", "14", "7", "31", "2019", "1440", "2243", "هـ", "م",
           "نوفمبر", "نيسان", "أبريل", "رمضان", "صفر", "آب", "عام", "العام", "السابع", "الحادي", "والعشرين",
           "عشر", "في", "/", "-", ",", "(", ")", "2019/5/8", "8-5-2019", "الأسبوع", "ال", "24", "ساعة",
           "بدء", "والسبت", "بالعام", "ذو", "الحجة", "شهرين", "قتيلا"]


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=14),
       seps=st.lists(st.sampled_from([" ", "", "\n", "، "]), min_size=14, max_size=14),
       pub=st.one_of(st.none(), st.dates(min_value=datetime.date(1930, 1, 1),
                                        max_value=datetime.date(2070, 12, 31))))
def test_dates_property_spans_and_ranges(rec: DateRecognizer, words: list[str], seps: list[str],
                                         pub: datetime.date | None) -> None:
    text = "".join(w + s for w, s in zip(words, seps, strict=False))
    norm = normalize(text).text
    matches = rec.find(norm, pub)
    last = 0
    for m in matches:
        assert 0 <= m.start < m.end <= len(norm)
        assert m.start >= last
        last = m.end
        assert norm[m.start:m.end] == m.text
        if m.date_start is not None and m.date_end is not None:
            assert m.date_start <= m.date_end
        if pub is None and m.anchor != "explicit":
            assert (m.date_start, m.date_end, m.precision, m.anchor) == (None, None, "unknown", "unknown")
        assert m.precision in ("day", "week", "month", "year", "unknown")
        assert m.anchor in ("published", "explicit", "unknown")
        assert m.kind in ("point", "since", "duration")


# ---------------------------------------------------------------- the weekday wins over اليوم/أمس (PUB: a Wednesday)
@pytest.mark.parametrize(("text", "day"), [
    ("قتل ثلاثة أشخاص اليوم الثلاثاء في قصف على البلدة.", "2019-05-07"),
    ("وقالت الوزارة مساء أمس الاثنين إن الهجوم فشل.", "2019-05-06"),
    ("وأصيب جنديان فجر اليوم الثلاثاء قرب الحاجز.", "2019-05-07"),
    ("وصل الوفد إلى المدينة اليوم الأربعاء.", "2019-05-08"),
])
def test_dates_the_weekday_wins_over_today(rec: DateRecognizer, text: str, day: str) -> None:
    assert one(rec, text).date_start == day


def test_dates_a_story_written_the_day_before_counts_from_its_own_day(rec: DateRecognizer) -> None:
    got = [(m.text, m.date_start) for m in find(rec, "اندلعت الاشتباكات صباح اليوم الثلاثاء، بعد غارات شنتها "
                                                      "الطائرات أمس على أطراف المدينة.")]
    assert got == [("صباح اليوم الثلاثاء", "2019-05-07"), ("امس", "2019-05-06")]
    assert find(rec, "وقتل جندي أمس الثلاثاء، وأصيب آخر اليوم.")[1].date_start == "2019-05-08"


def test_dates_a_weekday_before_an_explicit_date_takes_the_date(rec: DateRecognizer) -> None:
    m = one(rec, "أسفرت غارات يوم أمس الثلاثاء 19 تشرين الثاني 2024 عن قتلى.", None)
    assert (m.date_start, m.anchor) == ("2024-11-19", "explicit")


# ---------------------------------------------------------------- an event's date: its clause, its sentence, its paragraph
@pytest.mark.parametrize("text", [
    "شنت الطائرات الحربية غارات على بلدة الجديدة صباح الاثنين. وفي مدينة الزهراء، اعتقلت قوات الأمن عشرة أشخاص.",
    "تظاهر مئات الطلاب يوم الاثنين أمام مبنى المحافظة في مدينة البصرة. واعتقلت الشرطة خمسة منهم بعد مواجهات.",
    # (talks on how to stop the fighting are no fighting: the second event is a clash)
    "التقى وزير الخارجية نظيره التركي في أنقرة يوم الاثنين. واندلعت اشتباكات بين الجيش والمسلحين في الشمال.",
])
def test_dates_an_event_takes_the_date_of_its_paragraph(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, source="test", published=PUB.isoformat())
    assert len(rec.events) >= 2 and {e.date.start for e in rec.events} == {"2019-05-06"}


# the numeric-date patterns as written before their look-behind moved after the first digit (speed21)
_NUMERIC_REFERENCE = (
    r"(?<![0-9/.\-])([0-9]{4})([/\-.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[/\-.][0-9])",
    r"(?<![0-9/.\-])([0-9]{1,2})([/\-.])([0-9]{1,2})\2([0-9]{4})(?![0-9]|[/\-.][0-9])",
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="0123456789/.- aب\n", max_size=30))
def test_dates_numeric_patterns_match_as_with_the_look_behind_first(text: str) -> None:
    import re

    from rasd.recognize.dates import _NUMERIC
    for (rx, _order), reference in zip(_NUMERIC, _NUMERIC_REFERENCE, strict=True):
        assert [(m.span(), m.groups()) for m in rx.finditer(text)] \
            == [(m.span(), m.groups()) for m in re.finditer(reference, text)]

"""The one ISO date reader of every entry point (CLI flags, API filters and posts, ingest, batch, gold files)."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rasd.isodates import parse_published, strict_day


@given(st.dates(min_value=datetime.date(1, 1, 1)))
def test_isodates_strict_day_takes_every_calendar_day(day: datetime.date) -> None:
    assert strict_day(day.isoformat()) == day.isoformat()
    assert parse_published(day.isoformat()) == day.isoformat()


@pytest.mark.parametrize("value", ["20190509", "2019-W19-4", "2019-05-9", "2019-02-30", "2019-05-09 ", "09/05/2019", "٢٠١٩-٠٥-٠٩",
                                   "2019-05-09T10:00", "notadate", "", 20190509, None])
def test_isodates_strict_day_refuses_anything_else(value: object) -> None:
    with pytest.raises(ValueError):
        strict_day(value)


@given(st.text(max_size=12))
def test_isodates_strict_day_accepts_only_what_it_returns(value: str) -> None:
    try:
        day = strict_day(value)
    except ValueError:
        return
    assert day == value and len(day) == 10


@pytest.mark.parametrize(("value", "day"), [("2019-05-09T10:00:00Z", "2019-05-09"), (" 2019-05-09 ", "2019-05-09"),
                                            (datetime.datetime(2019, 5, 9, 23, 59), "2019-05-09"),
                                            (datetime.date(2019, 5, 9), "2019-05-09")])
def test_isodates_published_takes_a_documents_date_or_datetime(value: object, day: str) -> None:
    assert parse_published(value) == day


@pytest.mark.parametrize("value", ["2020-01-01garbage", "T99", 20190509, ["2019-05-09"]])
def test_isodates_published_refuses_what_is_no_date(value: object) -> None:
    with pytest.raises(ValueError):
        parse_published(value)

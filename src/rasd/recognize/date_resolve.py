"""Date references (what a date expression says) and their resolution to ISO day ranges."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from hijridate import Gregorian, Hijri

from rasd.recognize.date_lexicon import _Cal, _Unit

Precision = Literal["day", "week", "month", "year", "unknown"]
Anchor = Literal["published", "explicit", "unknown"]
_Mode = Literal["abs", "yoff", "nearest", "before", "after", "current"]

_DAY = datetime.timedelta(days=1)
_SOON_DAY = datetime.timedelta(days=31)     # how far ahead a day without a year may lie
_SOON_MONTH = datetime.timedelta(days=62)   # … and a month without a year

# ------------------------------------------------------------------------------------------ references

@dataclass(frozen=True, slots=True)
class _RelDay:
    offset: int
    weekday: int | None = None  # the weekday named with it (اليوم الأحد, أمس السبت)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class _Weekday:
    weekday: int
    mode: Literal["recent", "before", "after"]

    def __init__(self, weekday: int, mode: Literal["recent", "before", "after"]) -> None:
        object.__setattr__(self, "weekday", weekday)
        object.__setattr__(self, "mode", mode)


@dataclass(frozen=True, slots=True)
class _Period:
    unit: _Unit
    offset: int


@dataclass(frozen=True, slots=True)
class _Ago:
    unit: _Unit
    count: int | None          # None: vague (منذ أيام)
    point: bool                # قبل … (a point) rather than منذ … (a duration up to publication)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class _CalDate:
    """A day (day set) or a month (day None) of a calendar; the year by `mode`."""

    cal: _Cal
    month: int
    day: int | None
    mode: _Mode
    year: int = 0              # abs: the year; yoff: offset from the publication's year

    def __init__(self, cal: _Cal, month: int, day: int | None, mode: _Mode, year: int = 0) -> None:
        object.__setattr__(self, "cal", cal)
        object.__setattr__(self, "month", month)
        object.__setattr__(self, "day", day)
        object.__setattr__(self, "mode", mode)
        object.__setattr__(self, "year", year)


@dataclass(frozen=True, slots=True)
class _DayOfMonth:
    """الرابع من الشهر الجاري: a day of the month `offset` months from the publication's."""

    day: int
    offset: int


@dataclass(frozen=True, slots=True)
class _Year:
    cal: _Cal
    year: int


@dataclass(frozen=True, slots=True)
class _Unknown:
    pass


_Ref = _RelDay | _Weekday | _Period | _Ago | _CalDate | _DayOfMonth | _Year | _Unknown


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class _Resolved:
    start: datetime.date | None
    end: datetime.date | None
    precision: Precision
    anchor: Anchor

    def __init__(self, start: datetime.date | None, end: datetime.date | None, precision: Precision,
                 anchor: Anchor) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "anchor", anchor)


_UNRESOLVED = _Resolved(None, None, "unknown", "unknown")


def _needs_published(ref: _Ref) -> bool:
    if isinstance(ref, _CalDate):
        return ref.mode != "abs"
    return not isinstance(ref, _Year)


# --------------------------------------------------------------------------------------- calendar math

def _add_months(d: datetime.date, n: int) -> datetime.date:
    k = d.year * 12 + d.month - 1 + n
    y, m = divmod(k, 12)
    return datetime.date(y, m + 1, min(d.day, _month_len(y, m + 1)))


def _month_len(y: int, m: int) -> int:
    nxt = datetime.date(y + (m == 12), m % 12 + 1, 1)
    return (nxt - datetime.date(y, m, 1)).days


def _greg_month(y: int, m: int) -> tuple[datetime.date, datetime.date] | None:
    if not 1 <= y <= 9998:
        return None
    return datetime.date(y, m, 1), datetime.date(y, m, _month_len(y, m))


def _from_hijri(y: int, m: int, d: int) -> datetime.date | None:
    try:
        g = Hijri(y, m, d).to_gregorian()
    except (OverflowError, ValueError):
        return None
    return datetime.date(g.year, g.month, g.day)


def _hijri_month(y: int, m: int) -> tuple[datetime.date, datetime.date] | None:
    try:
        length = Hijri(y, m, 1).month_length()
    except (OverflowError, ValueError):
        return None
    first, last = _from_hijri(y, m, 1), _from_hijri(y, m, length)
    if first is None or last is None:
        return None
    return first, last


def _hijri_year_of(d: datetime.date) -> int | None:
    try:
        return Gregorian(d.year, d.month, d.day).to_hijri().year
    except (OverflowError, ValueError):
        return None


def _cal_range(ref: _CalDate, year: int) -> tuple[datetime.date, datetime.date] | None:
    if ref.cal == "gregorian":
        if ref.day is None:
            return _greg_month(year, ref.month)
        if not 1 <= year <= 9999 or ref.day > _month_len(year, ref.month):
            return None
        d = datetime.date(year, ref.month, ref.day)
        return d, d
    if ref.day is None:
        return _hijri_month(year, ref.month)
    h = _from_hijri(year, ref.month, ref.day)
    return (h, h) if h is not None else None


def _distance(r: tuple[datetime.date, datetime.date], d: datetime.date) -> int:
    if r[0] <= d <= r[1]:
        return 0
    return min(abs((r[0] - d).days), abs((r[1] - d).days))


# ------------------------------------------------------------------------------------------- resolving

def _resolve(ref: _Ref, pub: datetime.date | None) -> _Resolved:
    """What a reference means against the publication date `pub` (None: unknown, then only explicit dates
    resolve)."""
    if isinstance(ref, _Year):
        return _resolve_year(ref)
    if isinstance(ref, _CalDate) and ref.mode == "abs":
        r = _cal_range(ref, ref.year)
        if r is None:
            return _UNRESOLVED
        return _Resolved(r[0], r[1], "day" if ref.day is not None else "month", "explicit")
    if pub is None or isinstance(ref, _Unknown):
        return _UNRESOLVED
    if isinstance(ref, _RelDay):
        d = _weekday_wins(pub + ref.offset * _DAY, ref.weekday)
        return _Resolved(d, d, "day", "published")
    if isinstance(ref, _Weekday):
        return _resolve_weekday(ref, pub)
    if isinstance(ref, _Period):
        return _resolve_period(ref, pub)
    if isinstance(ref, _Ago):
        return _resolve_ago(ref, pub)
    if isinstance(ref, _DayOfMonth):
        return _resolve_day_of_month(ref, pub)
    return _resolve_caldate(ref, pub)


def _resolve_year(ref: _Year) -> _Resolved:
    """An explicit year: the whole Gregorian year, or the Hijri year's first to last day."""
    if ref.cal == "gregorian":
        if not 1 <= ref.year <= 9999:
            return _UNRESOLVED
        return _Resolved(datetime.date(ref.year, 1, 1), datetime.date(ref.year, 12, 31), "year", "explicit")
    first, last = _hijri_month(ref.year, 1), _hijri_month(ref.year, 12)
    if first is None or last is None:
        return _UNRESOLVED
    return _Resolved(first[0], last[1], "year", "explicit")


def _weekday_wins(d: datetime.date, weekday: int | None) -> datetime.date:
    """The day a relative day names when its weekday disagrees with it (اليوم السبت where today is Sunday): the
    nearest day of that weekday, up to three days back (else ahead)."""
    if weekday is None:
        return d
    behind = (d.weekday() - weekday) % 7
    return d - behind * _DAY if behind <= 3 else d + (7 - behind) * _DAY


def writing_day(refs: Iterable[_Ref], pub: datetime.date | None) -> datetime.date | None:
    """The day the story was written: the publication day, unless a relative day named with its weekday
    disagrees with it (اليوم الأحد in a report published on a Monday): the weekday wins, the story having been
    written a day or so before it was published. The first such day decides."""
    if pub is None:
        return None
    for ref in refs:
        if isinstance(ref, _RelDay) and ref.weekday is not None:
            return pub + (_weekday_wins(pub + ref.offset * _DAY, ref.weekday) - (pub + ref.offset * _DAY))
    return pub


def _resolve_weekday(ref: _Weekday, pub: datetime.date) -> _Resolved:
    """A weekday: the most recent on or before `pub` (strictly before with الماضي), or the next after it."""
    if ref.mode == "after":
        d = pub + ((ref.weekday - pub.weekday()) % 7 or 7) * _DAY
    else:
        delta = (pub.weekday() - ref.weekday) % 7
        if delta == 0 and ref.mode == "before":
            delta = 7
        d = pub - delta * _DAY
    return _Resolved(d, d, "day", "published")


def _resolve_day_of_month(ref: _DayOfMonth, pub: datetime.date) -> _Resolved:
    """A day of the publication's month (or of one `offset` months away); unresolved past the month's end."""
    month1 = _add_months(pub.replace(day=1), ref.offset)
    if ref.day > _month_len(month1.year, month1.month):
        return _UNRESOLVED
    d = month1.replace(day=ref.day)
    return _Resolved(d, d, "day", "published")


def _resolve_period(ref: _Period, pub: datetime.date) -> _Resolved:
    if ref.unit == "week":
        sat = pub - ((pub.weekday() - 5) % 7) * _DAY + 7 * ref.offset * _DAY
        return _Resolved(sat, sat + 6 * _DAY, "week", "published")
    if ref.unit == "month":
        first = _add_months(pub.replace(day=1), ref.offset)
        return _Resolved(first, first.replace(day=_month_len(first.year, first.month)), "month", "published")
    y = pub.year + ref.offset
    return _Resolved(datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year", "published")


def _resolve_ago(ref: _Ago, pub: datetime.date) -> _Resolved:
    n = ref.count
    if n is None:
        return _Resolved(None, pub if not ref.point else None, "unknown", "published")
    precision: Precision
    if ref.unit in ("hour", "day"):
        back = pub - (n * _DAY if ref.unit == "day" else ((n // 24) * _DAY))
        precision = "day"
        point = (back, back)
    elif ref.unit == "week":
        back = pub - 7 * n * _DAY
        precision = "week"
        point = (back - 3 * _DAY, min(back + 3 * _DAY, pub))
    elif ref.unit == "month":
        back = _add_months(pub, -n)
        precision = "month"
        point = (back.replace(day=1), min(back.replace(day=_month_len(back.year, back.month)), pub))
    else:
        back = _add_months(pub, -12 * n)
        precision = "year"
        point = (datetime.date(back.year, 1, 1), min(datetime.date(back.year, 12, 31), pub))
    if ref.point:
        return _Resolved(point[0], point[1], precision, "published")
    return _Resolved(back, pub, precision, "published")


def _resolve_caldate(ref: _CalDate, pub: datetime.date) -> _Resolved:
    base = pub.year if ref.cal == "gregorian" else _hijri_year_of(pub)
    if base is None:
        return _UNRESOLVED
    precision: Precision = "day" if ref.day is not None else "month"
    if ref.mode in ("yoff", "current"):
        r = _cal_range(ref, base + (ref.year if ref.mode == "yoff" else 0))
        return _Resolved(r[0], r[1], precision, "published") if r else _UNRESOLVED
    cands = [r for y in (base - 1, base, base + 1) if (r := _cal_range(ref, y)) is not None]
    chosen: tuple[datetime.date, datetime.date] | None = None
    if ref.mode == "before":
        before = [r for r in cands if r[1] < pub]
        chosen = before[-1] if before else None
    elif ref.mode == "after":
        after = [r for r in cands if r[0] > pub]
        chosen = after[0] if after else None
    elif cands:
        # the latest on or before the publication date, unless one starting soon after it is nearer
        past = [r for r in cands if r[0] <= pub]
        soon = [r for r in cands if pub < r[0] <= pub + (_SOON_DAY if ref.day is not None else _SOON_MONTH)]
        chosen = min(past[-1:] + soon, key=lambda r: (_distance(r, pub), r[0])) if past or soon else None
    if chosen is None:
        return _UNRESOLVED
    return _Resolved(chosen[0], chosen[1], precision, "published")


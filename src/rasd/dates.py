"""Date expressions in normalized Arabic text, resolved against the publication date (DESIGN §5).

`DateRecognizer.load().find(norm, published)` returns the date expressions of `norm` (the `.text` of
`rasd.normalize.normalize`) as `DateMatch`es, sorted and non-overlapping, each with a normalized span
(`norm[start:end] == text`) and its resolution to ISO dates.

Resolution rules (all documented here, tested in tests/test_dates.py):
- No publication date: anything that needs one (اليوم، أمس، السبت، منذ شهر، 14 نوفمبر without a year, شهر
  رمضان without a year) gets date_start = date_end = None, precision "unknown", anchor "unknown" — never a
  guess. A date whose year the text gives resolves anyway (anchor "explicit").
- اليوم = published; أمس/الأمس = published − 1; أول أمس/أمس الأول = published − 2; غدا = published + 1;
  الليلة الماضية/ليلة أمس = published − 1. "اليوم الاثنين"/"أمس الثلاثاء": the relative word wins.
- A bare weekday (السبت) is the most recent such day on or before the published date (the same weekday as
  the publication → the publication day itself: news says "الخميس" for today). With الماضي: strictly
  before (7 days back when it is the same weekday); with المقبل/القادم: strictly after.
- A weekday directly followed by an explicit date (الأحد 21 سبتمبر 2025) is that explicit date.
- Weeks run Saturday to Friday (the first day of the Arabic week): الأسبوع الماضي is the Saturday–Friday
  week before the one holding the publication date (precision week). الشهر/العام الماضي are calendar
  periods (precision month/year); هذا/الجاري/الحالي the current one, المقبل/القادم the next one.
- Day + month without a year (14 نوفمبر، السابع من أكتوبر): news mostly reports the past, so the latest
  such date on or before the publication date — unless the next one is at most 31 days ahead and nearer
  (ties → the earlier). With الماضي: the latest strictly before it; with المقبل: the first strictly after;
  with الجاري/الحالي: the publication's year (anchor "published", relative True).
- Month without a year (في مايو، شهر رمضان): the same over whole months — the latest month starting on or
  before the publication date (a month holding it wins: distance 0), unless the next one starts at most
  62 days ahead and is nearer (so شهر رمضان read three weeks before Ramadan is the coming one: "the
  Ramadan nearest before/around the publication date"); الماضي → the latest month ending before the
  publication date; المقبل → the first starting after it; الجاري → the publication's (Hijri) year.
- "الرابع من الشهر الجاري/الماضي": that day of the publication's (or the previous) month.
- Hijri dates are converted with hijridate (Umm al-Qura, 1343–1500 AH); outside it → unresolved.
- منذ + a number and unit (منذ قرابة شهر، منذ أسبوعين، منذ ثلاثة أيام، منذ عامين) → kind "duration":
  date_start = published − N units (precision day for hours and days, week, month or year by the unit),
  date_end = published. A vague count (منذ أيام، منذ عدة أشهر) stays unresolved.
  قبل + a number and unit (قبل يومين) → kind "point": the day (or the week/month/year) N units back.
  "ال24 ساعة الماضية" → a duration ending at publication.
- منذ + a point (منذ 4 أبريل، منذ عام 2014، منذ الشهر الماضي) → kind "since": date_start = the start of
  that point, date_end = published (or the point's own end when there is no publication date).
  منذ بدء/اندلاع/أن … → kind "since" with an unknown start (date_end = published when known).
- A bare four-digit number is a year only after عام/العام/سنة/في/منذ/حتى (1900–2100 after في/منذ/حتى, and
  then not before an accusative count noun, so "في 2000 قتيلا" is not a year) or next to a month name; "2243 جريحا" never is.
- Risky month names (صفر، آب، رجب …, see dates.yaml) need a day number, شهر, a year, a qualifier or a safe
  partner name (آب/أغسطس); the milder ones (مارس، نيسان، رمضان …) also accept a preceding preposition.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import yaml
from hijridate import Gregorian, Hijri

from rasd.datafiles import ResourceError, check_yaml_node, read_text
from rasd.normalize import normalize_name
from rasd.segment import Token, TokenIndex, tokenize

Precision = Literal["day", "week", "month", "year", "unknown"]
Anchor = Literal["published", "explicit", "unknown"]
Kind = Literal["point", "since", "duration"]
_Cal = Literal["gregorian", "hijri"]
_Unit = Literal["hour", "day", "week", "month", "year"]
_Mode = Literal["abs", "yoff", "nearest", "before", "after", "current"]

_DAY = datetime.timedelta(days=1)
_OFFSETS = {"before": -1, "current": 0, "next": 1}
_SOON_DAY = datetime.timedelta(days=31)     # how far ahead a day without a year may lie
_SOON_MONTH = datetime.timedelta(days=62)   # … and a month without a year


@dataclass(frozen=True, slots=True)
class DateMatch:
    """One date expression: its normalized span and what it resolves to."""

    start: int
    end: int
    text: str
    date_start: str | None
    date_end: str | None
    precision: str
    anchor: str
    relative: bool
    kind: str


# ---------------------------------------------------------------------------------------------- lexicon

@dataclass(frozen=True, slots=True)
class _Lexicon:
    months: dict[tuple[str, ...], tuple[_Cal, int]]
    month_risk: dict[tuple[str, ...], str]
    risky_context: frozenset[str]
    month_modifiers: frozenset[str]
    month_word: frozenset[str]
    weekdays: dict[str, int]
    weekday_blockers: frozenset[str]
    today: frozenset[str]
    not_today_after: frozenset[str]
    yesterday: frozenset[str]
    day_before_yesterday: frozenset[tuple[str, ...]]
    tomorrow: frozenset[str]
    tomorrow_after_day_word: frozenset[str]
    day_word: frozenset[str]
    last_night: frozenset[tuple[str, ...]]
    day_parts: frozenset[tuple[str, ...]]
    qualifiers: dict[str, str]
    this: frozenset[str]
    periods: dict[str, _Unit]
    year_words: frozenset[str]
    bare_year_context: frozenset[str]
    suffix_greg: frozenset[str]
    suffix_hijri: frozenset[str]
    since: frozenset[str]
    ago: frozenset[str]
    since_starts: frozenset[str]
    period_starts: frozenset[str]
    just_now: frozenset[str]
    approx: frozenset[tuple[str, ...]]
    units: dict[str, tuple[_Unit, int | None]]
    cardinals: dict[str, int]
    vague: frozenset[str]
    recent_end: frozenset[str]
    ordinals: dict[tuple[str, ...], int]
    month_index: dict[str, tuple[tuple[str, ...], ...]]
    ordinal_index: dict[str, tuple[tuple[str, ...], ...]]


def _index(phrases: Iterable[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by their first word, longest first."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        out.setdefault(p[0], []).append(p)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


class _Node:
    """A YAML node with its line, read with yaml.compose so errors can name the line."""

    def __init__(self, node: yaml.Node, file: str) -> None:
        self.node = node
        self.file = file
        self.line = node.start_mark.line + 1

    def error(self, problem: str) -> ResourceError:
        return ResourceError(self.file, problem, line=self.line)

    def mapping(self) -> list[tuple[_Node, _Node]]:
        if not isinstance(self.node, yaml.MappingNode):
            raise self.error("expected a mapping")
        return [(_Node(k, self.file), _Node(v, self.file)) for k, v in self.node.value]

    def get(self, key: str) -> _Node:
        for k, v in self.mapping():
            if k.scalar() == key:
                return v
        raise self.error(f"missing key {key!r}")

    def scalar(self) -> str:
        if not isinstance(self.node, yaml.ScalarNode):
            raise self.error("expected a single value")
        return str(self.node.value)

    def integer(self) -> int:
        try:
            return int(self.scalar())
        except ValueError:
            raise self.error(f"expected a whole number, got {self.scalar()!r}") from None

    def names(self) -> list[tuple[str, ...]]:
        """A list of Arabic entries, each normalized and split into words."""
        if not isinstance(self.node, yaml.SequenceNode):
            raise self.error("expected a list")
        out: list[tuple[str, ...]] = []
        for item in self.node.value:
            sub = _Node(item, self.file)
            words = tuple(normalize_name(sub.scalar()).split())
            if not words:
                raise sub.error("empty entry")
            out.append(words)
        if not out:
            raise self.error("empty list")
        return out

    def words(self) -> frozenset[str]:
        out = set()
        for words in self.names():
            if len(words) != 1:
                raise self.error(f"expected single words, got {' '.join(words)!r}")
            out.add(words[0])
        return frozenset(out)


def _numbered(node: _Node, lo: int, hi: int) -> list[tuple[int, list[tuple[str, ...]], _Node]]:
    out = []
    for k, v in node.mapping():
        n = k.integer()
        if not lo <= n <= hi:
            raise k.error(f"{n} is outside {lo}..{hi}")
        out.append((n, v.names(), v))
    return out


def _build_lexicon(root: _Node) -> _Lexicon:
    months: dict[tuple[str, ...], tuple[_Cal, int]] = {}
    cal: _Cal
    for cal, key in (("gregorian", "gregorian_months"), ("hijri", "hijri_months")):
        seen = set()
        for n, names, v in _numbered(root.get(key), 1, 12):
            seen.add(n)
            for name in names:
                if name in months and months[name] != (cal, n):
                    raise v.error(f"month name {' '.join(name)!r} given twice")
                months[name] = (cal, n)
        if seen != set(range(1, 13)):
            raise root.get(key).error(f"{key} must list months 1..12")
    risk: dict[tuple[str, ...], str] = {}
    risky = root.get("risky_months")
    for level in ("strict", "context"):
        for name in risky.get(level).names():
            if name not in months:
                raise risky.get(level).error(f"risky month {' '.join(name)!r} is not a month name")
            risk[name] = level
    weekdays: dict[str, int] = {}
    for n, names, v in _numbered(root.get("weekdays"), 0, 6):
        for name in names:
            if len(name) != 1:
                raise v.error("weekday names are single words")
            weekdays[name[0]] = n
    if sorted(set(weekdays.values())) != list(range(7)):
        raise root.get("weekdays").error("weekdays must list days 0..6")
    qualifiers: dict[str, str] = {}
    qnode = root.get("qualifiers")
    for label in ("before", "current", "next", "recent"):
        for w in qnode.get(label).words():
            qualifiers[w] = label
    periods: dict[str, _Unit] = {}
    pnode = root.get("periods")
    punit: _Unit
    for punit in ("week", "month", "year"):
        for w in pnode.get(punit).words():
            periods[w] = punit
    units: dict[str, tuple[_Unit, int | None]] = {}
    unode = root.get("duration_units")
    unit: _Unit
    for unit in ("hour", "day", "week", "month", "year"):
        sub = unode.get(unit)
        for form, count in (("one", 1), ("two", 2), ("many", None)):
            for w in sub.get(form).words():
                units[w] = (unit, count)
    cardinals: dict[str, int] = {}
    for n, names, v in _numbered(root.get("cardinals"), 1, 100):
        for name in names:
            if len(name) != 1:
                raise v.error("cardinals are single words")
            cardinals[name[0]] = n
    ordinals: dict[tuple[str, ...], int] = {}
    onode = root.get("ordinal_days")
    for n, names, _ in _numbered(onode.get("units"), 1, 9):
        for name in names:
            ordinals[name] = n
    for name in onode.get("ten").names():
        ordinals[name] = 10
    teen = onode.get("teen").words()
    tens = _numbered(onode.get("tens"), 20, 30)
    for n, names, _ in _numbered(onode.get("compound_units"), 1, 9):
        for name in names:
            for t in teen:
                ordinals[(*name, t)] = 10 + n
            for tn, tnames, _ in tens:
                if tn + n > 31:
                    continue
                for tname in tnames:
                    ordinals[(*name, "و" + tname[0], *tname[1:])] = tn + n
                    ordinals[(*name, "و", *tname)] = tn + n
    for tn, tnames, _ in tens:
        for tname in tnames:
            ordinals[tname] = tn
    return _Lexicon(
        months=months, month_risk=risk,
        risky_context=root.get("risky_month_context").words(),
        month_modifiers=root.get("month_modifiers").words(),
        month_word=root.get("month_word").words(),
        weekdays=weekdays, weekday_blockers=root.get("weekday_blockers").words(),
        today=root.get("today").words(), not_today_after=root.get("not_today_after").words(), yesterday=root.get("yesterday").words(),
        day_before_yesterday=frozenset(root.get("day_before_yesterday").names()),
        tomorrow=root.get("tomorrow").words(),
        tomorrow_after_day_word=root.get("tomorrow_after_day_word").words(),
        day_word=root.get("day_word").words(),
        last_night=frozenset(root.get("last_night").names()),
        day_parts=frozenset(root.get("day_parts").names()),
        qualifiers=qualifiers, this=root.get("this").words(), periods=periods,
        year_words=root.get("year_words").words(),
        bare_year_context=root.get("bare_year_context").words(),
        suffix_greg=root.get("year_suffix_gregorian").words(),
        suffix_hijri=root.get("year_suffix_hijri").words(),
        since=root.get("since").words(), ago=root.get("ago").words(),
        since_starts=root.get("since_starts").words(),
        period_starts=root.get("period_starts").words(),
        just_now=root.get("just_now").words(),
        approx=frozenset(root.get("approx").names()),
        units=units, cardinals=cardinals, vague=root.get("vague_cardinals").words(),
        recent_end=root.get("recent_period_end").words(),
        ordinals=ordinals, month_index=_index(months), ordinal_index=_index(ordinals),
    )


# ------------------------------------------------------------------------------------------ references

@dataclass(frozen=True, slots=True)
class _RelDay:
    offset: int


@dataclass(frozen=True, slots=True)
class _Weekday:
    weekday: int
    mode: Literal["recent", "before", "after"]


@dataclass(frozen=True, slots=True)
class _Period:
    unit: _Unit
    offset: int


@dataclass(frozen=True, slots=True)
class _Ago:
    unit: _Unit
    count: int | None          # None: vague (منذ أيام)
    point: bool                # قبل … (a point) rather than منذ … (a duration up to publication)


@dataclass(frozen=True, slots=True)
class _CalDate:
    """A day (day set) or a month (day None) of a calendar; the year by `mode`."""

    cal: _Cal
    month: int
    day: int | None
    mode: _Mode
    year: int = 0              # abs: the year; yoff: offset from the publication's year


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


@dataclass(frozen=True, slots=True)
class _Resolved:
    start: datetime.date | None
    end: datetime.date | None
    precision: Precision
    anchor: Anchor


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
    if isinstance(ref, _Year):
        if ref.cal == "gregorian":
            if not 1 <= ref.year <= 9999:
                return _UNRESOLVED
            return _Resolved(datetime.date(ref.year, 1, 1), datetime.date(ref.year, 12, 31), "year", "explicit")
        first, last = _hijri_month(ref.year, 1), _hijri_month(ref.year, 12)
        if first is None or last is None:
            return _UNRESOLVED
        return _Resolved(first[0], last[1], "year", "explicit")
    if isinstance(ref, _CalDate) and ref.mode == "abs":
        r = _cal_range(ref, ref.year)
        if r is None:
            return _UNRESOLVED
        return _Resolved(r[0], r[1], "day" if ref.day is not None else "month", "explicit")
    if pub is None or isinstance(ref, _Unknown):
        return _UNRESOLVED
    if isinstance(ref, _RelDay):
        d = pub + ref.offset * _DAY
        return _Resolved(d, d, "day", "published")
    if isinstance(ref, _Weekday):
        if ref.mode == "after":
            d = pub + ((ref.weekday - pub.weekday()) % 7 or 7) * _DAY
        else:
            delta = (pub.weekday() - ref.weekday) % 7
            if delta == 0 and ref.mode == "before":
                delta = 7
            d = pub - delta * _DAY
        return _Resolved(d, d, "day", "published")
    if isinstance(ref, _Period):
        return _resolve_period(ref, pub)
    if isinstance(ref, _Ago):
        return _resolve_ago(ref, pub)
    if isinstance(ref, _DayOfMonth):
        month1 = _add_months(pub.replace(day=1), ref.offset)
        if ref.day > _month_len(month1.year, month1.month):
            return _UNRESOLVED
        d = month1.replace(day=ref.day)
        return _Resolved(d, d, "day", "published")
    return _resolve_caldate(ref, pub)


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


# -------------------------------------------------------------------------------------------- tokens

def _num(t: str) -> bool:
    return t.isascii() and t.isdigit()


_CLITICS = ("وب", "فب", "و", "ف", "ب")   # ب only before ال (بالعام الماضي)
_NUMERIC = [
    (re.compile(r"(?<![0-9/.\-])([0-9]{4})([/\-.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[/\-.][0-9])"), ("y", "m", "d")),
    (re.compile(r"(?<![0-9/.\-])([0-9]{1,2})([/\-.])([0-9]{1,2})\2([0-9]{4})(?![0-9]|[/\-.][0-9])"), ("d", "m", "y")),
]


class _Toks(Sequence[Token]):
    """The token list with, optionally, one token replaced (a clitic و/ف stripped from the first word)."""

    def __init__(self, toks: Sequence[Token], at: int = -1, repl: Token | None = None) -> None:
        self._toks, self._at, self._repl = toks, at, repl

    def __len__(self) -> int:
        return len(self._toks)

    def __getitem__(self, i: int) -> Token:  # type: ignore[override]
        if i == self._at and self._repl is not None:
            return self._repl
        return self._toks[i]


@dataclass(frozen=True, slots=True)
class _Found:
    i: int                     # first token
    j: int                     # one past the last token
    ref: _Ref
    kind: Kind
    start: int | None = None   # character span when it is not the tokens' (numeric dates)
    end: int | None = None


class _Parser:
    def __init__(self, lex: _Lexicon, toks: Sequence[Token],
                 index: dict[int, dict[str, tuple[tuple[str, ...], ...]]] | None = None) -> None:
        self.lex = lex
        self.toks = toks
        self.index = index or {}
        self._n = len(toks)

    def w(self, i: int) -> str:
        return self.toks[i].text if 0 <= i < self._n else ""

    def seq(self, i: int, phrases: Iterable[tuple[str, ...]]) -> int | None:
        """End index of the longest phrase matching at i."""
        by_first = self.index.get(id(phrases))
        if by_first is not None:
            phrases = by_first.get(self.w(i), ())
        best: int | None = None
        for p in phrases:
            if all(self.w(i + k) == p[k] for k in range(len(p))) and (best is None or i + len(p) > best):
                best = i + len(p)
        return best

    # -- numbers -----------------------------------------------------------------------------------

    def year(self, i: int, lo: int, hi: int) -> tuple[int, int, _Cal | None] | None:
        """A year number at i with an optional م/هـ suffix: (end, year, calendar the suffix fixes)."""
        t = self.w(i)
        if not (_num(t) and len(t) == 4) or not lo <= int(t) <= hi:
            return None
        j = i + 1
        cal_: _Cal | None = None
        if self.w(j) in self.lex.suffix_greg:
            j, cal_ = j + 1, "gregorian"
        elif self.w(j) in self.lex.suffix_hijri:
            j, cal_ = j + 1, "hijri"
        return j, int(t), cal_

    def day_number(self, i: int) -> tuple[int, int] | None:
        """(end, day) for '14', '14 من', 'السابع من'."""
        t = self.w(i)
        if _num(t) and len(t) <= 2 and 1 <= int(t) <= 31:
            return (i + 2 if self.w(i + 1) == "من" else i + 1), int(t)
        for phrase in self.lex.ordinal_index.get(t, ()):
            if all(self.w(i + k) == phrase[k] for k in range(len(phrase))):
                if self.w(i + len(phrase)) == "من":
                    return i + len(phrase) + 1, self.lex.ordinals[phrase]
                return None
        return None

    # -- months ------------------------------------------------------------------------------------

    def month_name(self, i: int) -> tuple[int, _Cal, int, str] | None:
        for name in self.lex.month_index.get(self.w(i), ()):
            if all(self.w(i + k) == name[k] for k in range(len(name))):
                cal, m = self.lex.months[name]
                return i + len(name), cal, m, self.lex.month_risk.get(name, "none")
        return None

    def month_group(self, i: int) -> tuple[int, _Cal, int, str] | None:
        """A month name with optional partner names of the same month: أبريل/نيسان، نيسان - أبريل، (أكتوبر)."""
        first = self.month_name(i)
        if first is None:
            return None
        j, cal, m, risk = first
        while True:
            nxt = None
            if self.w(j) in ("/", "-"):
                nxt = self.month_name(j + 1)
            elif self.w(j) == "(":
                cand = self.month_name(j + 1)
                if cand is not None and self.w(cand[0]) == ")":
                    nxt = (cand[0] + 1, cand[1], cand[2], cand[3])
            else:
                nxt = self.month_name(j)
            if nxt is None or nxt[2] != m or nxt[1] != cal:
                return j, cal, m, risk
            j = nxt[0]
            if "none" in (risk, nxt[3]):
                risk = "none"
            elif "context" in (risk, nxt[3]):
                risk = "context"

    def month_tail(self, j: int, cal: _Cal) -> tuple[int, _Mode, int]:
        """After a month: a qualifier or a year. (end, mode, year or offset)."""
        q = self.lex.qualifiers.get(self.w(j))
        if q == "before":
            return j + 1, "before", 0
        if q == "current":
            return j + 1, "current", 0
        if q == "next":
            return j + 1, "after", 0
        lo, hi = (1300, 1500) if cal == "hijri" else (1000, 2200)
        k = j
        if self.w(k) in ("من", ","):
            k += 1
        if self.w(k) in self.lex.this and self.lex.periods.get(self.w(k + 1)) == "year":
            return k + 2, "yoff", 0
        if self.w(k) in self.lex.year_words:
            if self.lex.periods.get(self.w(k)) == "year":
                q = self.lex.qualifiers.get(self.w(k + 1))
                if q in ("before", "current", "next"):
                    return k + 2, "yoff", {"before": -1, "current": 0, "next": 1}[q]
            k += 1
        y = self.year(k, lo, hi)
        if y is not None and (y[2] is None or y[2] == cal):
            return y[0], "abs", y[1]
        return j, "nearest", 0

    def day_month(self, i: int) -> tuple[int, _Ref] | None:
        dn = self.day_number(i)
        if dn is not None:
            k, day = dn
            if self.lex.periods.get(self.w(k)) == "month" and self.w(k - 1) == "من":
                off = _OFFSETS.get(self.lex.qualifiers.get(self.w(k + 1), ""))
                if off is not None:
                    return k + 2, _DayOfMonth(day, off)
            mg = self.month_group(k)
            if mg is None:
                return None
            j, cal, m, _ = mg
            if day > (30 if cal == "hijri" else (29 if m == 2 else _month_len(2001, m))):
                return None
            j, mode, year = self.month_tail(j, cal)
            return j, _CalDate(cal, m, day, mode, year)
        # month-first: يناير 04, 2023
        mg = self.month_group(i)
        if mg is None:
            return None
        j, cal, m, _ = mg
        t = self.w(j)
        if _num(t) and len(t) <= 2 and 1 <= int(t) <= 31 and self.w(j + 1) == ",":
            y = self.year(j + 2, 1000, 2200)
            if y is not None and cal == "gregorian" and int(t) <= _month_len(2001 if m != 2 else 2000, m):
                return y[0], _CalDate(cal, m, int(t), "abs", y[1])
        return None

    def month_only(self, i: int, prev: str) -> tuple[int, _CalDate] | None:
        k = i
        context = prev in self.lex.risky_context
        strong = False
        if self.w(k) in self.lex.month_modifiers:
            context = context or self.w(k) in self.lex.risky_context
            k += 1
        if self.w(k) in self.lex.month_word:
            k += 1
            strong = True
        mg = self.month_group(k)
        if mg is None:
            return None
        j, cal, m, risk = mg
        j2, mode, year = self.month_tail(j, cal)
        if mode != "nearest":
            strong = True
        if risk == "strict" and not strong or risk == "context" and not (strong or context):
            return None
        return j2, _CalDate(cal, m, None, mode, year)

    # -- days --------------------------------------------------------------------------------------

    def weekday(self, i: int, prefixed: bool) -> tuple[int, _Ref] | None:
        wd = self.lex.weekdays.get(self.w(i))
        if wd is None:
            return None
        if not prefixed and self.w(i - 1) in self.lex.weekday_blockers:
            return None
        k = i + 1 + (self.w(i + 1) == ",")
        dm = self.day_month(k)
        if dm is not None:
            return dm
        q = self.lex.qualifiers.get(self.w(i + 1))
        if q == "before":
            return i + 2, _Weekday(wd, "before")
        if q == "next":
            return i + 2, _Weekday(wd, "after")
        return i + 1, _Weekday(wd, "recent")

    def relative_day(self, i: int, prefixed: bool) -> tuple[int, _Ref] | None:
        """اليوم، أمس، أول أمس، غدا (each optionally followed by its weekday)."""
        t = self.w(i)
        end: int | None = None
        offset = 0
        dby = self.seq(i, self.lex.day_before_yesterday)
        if dby is not None:
            end, offset = dby, -2
        elif t in self.lex.today:
            nxt = self.w(i + 1)
            if nxt in self.lex.not_today_after or nxt in self.lex.ordinal_index:
                return None   # اليوم العاشر، اليوم الذي: a day, not today
            end, offset = i + 1, 0
        elif t in self.lex.yesterday:
            end, offset = i + 1, -1
        elif t in self.lex.tomorrow or (prefixed and t in self.lex.tomorrow_after_day_word):
            end, offset = i + 1, 1
        if end is None:
            return None
        if self.w(end) in self.lex.weekdays:
            end += 1
        return end, _RelDay(offset)

    def core(self, i: int, prefixed: bool) -> tuple[int, _Ref] | None:
        return self.relative_day(i, prefixed) or self.weekday(i, prefixed) or self.day_month(i)

    def period(self, i: int) -> tuple[int, _Ref] | None:
        """الأسبوع الماضي، هذا العام، مطلع الشهر الجاري (the modifier is kept in the span)."""
        i += self.w(i) in self.lex.month_modifiers
        k = i + (self.w(i) in self.lex.this)
        unit = self.lex.periods.get(self.w(k))
        if unit is None:
            return None
        if k > i:
            return k + 1, _Period(unit, 0)
        q = self.lex.qualifiers.get(self.w(k + 1))
        if q in ("before", "current", "next"):
            return k + 2, _Period(unit, {"before": -1, "current": 0, "next": 1}[q])
        return None

    def year_phrase(self, i: int, prev: str) -> tuple[int, _Ref] | None:
        if self.w(i) in self.lex.year_words:
            y = self.year(i + 1, 1000, 2200)
            if y is None:
                return None
            j, year, cal = y
            if cal == "hijri" or (cal is None and 1300 <= year <= 1500 and self.w(j) in self.lex.suffix_hijri):
                return j, _Year("hijri", year)
            return j, _Year("gregorian", year)
        if prev in self.lex.bare_year_context:
            y = self.year(i, 1900, 2100)
            if y is None:
                return None
            j, year, cal = y
            nxt = self.w(j)
            if cal is None and len(nxt) > 2 and nxt.endswith("ا") and nxt[:1].isalpha():
                return None   # "في 2000 قتيلا": a count, not a year
            return j, _Year("hijri" if cal == "hijri" else "gregorian", year)
        return None

    def point(self, i: int, prev: str) -> tuple[int, _Ref] | None:
        """A point in time at i (without منذ/قبل)."""
        lex = self.lex
        ln = self.seq(i, lex.last_night)
        if ln is not None:
            return ln + (self.w(ln) in lex.weekdays), _RelDay(-1)
        dp = self.seq(i, lex.day_parts)
        if dp is not None:
            k = dp + (self.w(dp) in lex.day_word)
            found = self.core(k, True)
            if found is not None:
                return found
        if self.w(i) in lex.day_word:
            found = self.core(i + 1, True)
            if found is not None:
                return found
        return (self.core(i, False) or self.period(i) or self.month_only(i, prev)
                or self.year_phrase(i, prev))

    def amount(self, i: int) -> tuple[int, _Unit, int | None] | None:
        """[approx] [number] unit: (end, unit, count or None when vague)."""
        k = self.seq(i, self.lex.approx) or i
        t = self.w(k)
        count: int | None = None
        vague = False
        if _num(t) and len(t) <= 3:
            count, k = int(t), k + 1
        elif t in self.lex.cardinals:
            count, k = self.lex.cardinals[t], k + 1
        elif t in self.lex.vague:
            vague, k = True, k + 1
        u = self.lex.units.get(self.w(k))
        if u is None:
            # منذ شهر واحد
            return None
        unit, implied = u
        if count is None and not vague:
            count = implied
        elif count is not None and implied is not None and implied != count and not (implied == 1 and count > 10):
            return None
        k += 1
        if self.w(k) in self.lex.cardinals and self.lex.cardinals[self.w(k)] == 1 and implied == 1:
            k += 1
        if count == 0:
            return None
        return k, unit, count

    def since(self, i: int) -> _Found | None:
        lex = self.lex
        k = i + 1
        if self.w(k) in lex.just_now:
            return _Found(i, k + 1, _RelDay(0), "point")
        if self.w(k) in lex.period_starts and lex.periods.get(self.w(k + 1)):
            unit = lex.periods[self.w(k + 1)]
            q = lex.qualifiers.get(self.w(k + 2))
            off = {"before": -1, "current": 0, "next": 1}.get(q or "")
            end = k + 3 if off is not None else k + 2
            return _Found(i, end, _Period(unit, off or 0), "since")
        pt = self.point(k, self.w(i))
        if pt is not None:
            return _Found(i, pt[0], pt[1], "since")
        am = self.amount(k)
        if am is not None:
            return _Found(i, am[0], _Ago(am[1], am[2], point=False), "duration")
        if self.w(k) in lex.since_starts:
            return _Found(i, k + 1, _Unknown(), "since")
        return None

    def at(self, i: int) -> _Found | None:
        lex = self.lex
        t = self.w(i)
        prev = self.w(i - 1)
        if t in lex.since:
            return self.since(i)
        if t in lex.ago:
            am = self.amount(i + 1)
            if am is not None and self.year(am[0], 1000, 2200) is None:   # not "قبل عام 2011"
                return _Found(i, am[0], _Ago(am[1], am[2], point=True), "point")
            return None
        # ال 24 ساعة الماضية
        k = i + (t == "ال")
        am = self.amount(k)
        if am is not None and self.w(am[0]) in lex.recent_end and am[2] is not None \
                and (_num(self.w(k)) or self.w(k) in lex.cardinals):
            return _Found(i, am[0] + 1, _Ago(am[1], am[2], point=False), "duration")
        pt = self.point(i, prev)
        if pt is not None:
            return _Found(i, pt[0], pt[1], "point")
        return None


# ------------------------------------------------------------------------------------------ recognizer

# lexicon fields whose words are only ever looked at around an expression (before or after it), never where
# one begins: they do not make a word worth trying the parser at
_CONTEXT_FIELDS = frozenset({"risky_context", "weekday_blockers", "not_today_after", "bare_year_context",
                             "suffix_greg", "suffix_hijri", "since_starts", "just_now", "period_starts",
                             "recent_end", "vague", "units"})


class DateRecognizer:
    """Finds and resolves date expressions in normalized text. Build once with `load()`; thread-safe."""

    def __init__(self, lexicon: _Lexicon) -> None:
        self._lex = lexicon
        starters = set(lexicon.since | lexicon.ago | lexicon.today | lexicon.yesterday | lexicon.tomorrow)
        starters |= set(lexicon.weekdays) | set(lexicon.periods) | lexicon.day_word | lexicon.this
        starters |= {p[0] for p in lexicon.day_parts} | {p[0] for p in lexicon.last_night}
        starters |= {p[0] for p in lexicon.day_before_yesterday} | lexicon.month_modifiers | lexicon.month_word
        starters |= {p[0] for p in lexicon.months} | lexicon.year_words
        self._clitic_starters = frozenset(starters)
        # every word a date expression can begin with: the single words and the first words of the phrases the
        # lexicon knows, but for context words (plus numbers); the parser is only tried at such tokens
        words: set[str] = set()
        for f in dataclasses.fields(lexicon):
            if f.name in _CONTEXT_FIELDS:
                continue
            value = getattr(lexicon, f.name)
            items = value.keys() if isinstance(value, dict) else value
            for item in items if isinstance(items, Iterable) and not isinstance(items, str) else ():
                if isinstance(item, tuple):
                    words.add(item[0])  # a phrase is only ever matched from its first word
                elif isinstance(item, str):
                    words.add(item)
        words.add("ال")
        self._first_words = frozenset(words)
        self._first_forms = frozenset(c + w for w in words for c in ("", *_CLITICS))
        # the phrase sets the parser scans at every candidate word, indexed by their first word
        self._seq_index = {id(c): _index(c) for c in (lexicon.day_before_yesterday, lexicon.last_night,
                                                       lexicon.day_parts, lexicon.approx)}

    @classmethod
    def load(cls, path: str | None = None) -> DateRecognizer:
        text, shown = read_text(path if path is not None else "dates.yaml")
        try:
            node = yaml.compose(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise ResourceError(shown, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                                line=mark.line + 1 if mark is not None else None) from exc
        if node is None:
            raise ResourceError(shown, "empty file")
        check_yaml_node("dates", node, shown)
        return cls(_build_lexicon(_Node(node, shown)))

    def find(self, norm: str, published: datetime.date | None, index: TokenIndex | None = None) -> list[DateMatch]:
        """The date expressions in normalized text; `index` is the text's tokens when already made. Only digits
        and the words a date expression can begin with are looked at."""
        if isinstance(published, datetime.datetime):
            published = published.date()
        if index is None:
            index = TokenIndex(tokenize(norm))
        toks = index.toks
        numeric = self._numeric(norm, toks)
        out: list[DateMatch] = []
        parser = _Parser(self._lex, toks, self._seq_index)
        i = 0
        for k in index.numerals_and_words_in(self._first_forms):
            if k < i:
                continue
            i = k
            found = numeric.get(i)
            tok = toks[i]
            if found is None:
                found = parser.at(i)
            for clitic in _CLITICS if found is None else ():
                rest = tok.text[len(clitic):]
                if not tok.text.startswith(clitic) or rest not in self._clitic_starters \
                        or ("ب" in clitic and not rest.startswith("ال")):
                    continue
                stripped = Token(rest, tok.start + len(clitic), tok.end, "word")
                found = _Parser(self._lex, _Toks(toks, i, stripped), self._seq_index).at(i)
                if found is not None:
                    if found.start is None:
                        found = _Found(found.i, found.j, found.ref, found.kind, stripped.start,
                                       toks[found.j - 1].end)
                    break
            if found is None:
                i += 1
                continue
            start = found.start if found.start is not None else toks[found.i].start
            end = found.end if found.end is not None else toks[found.j - 1].end
            out.append(self._match(norm, start, end, found, published))
            i = max(found.j, i + 1)
        return out

    def _numeric(self, norm: str, toks: Sequence[Token]) -> dict[int, _Found]:
        """Numeric dates (2019/5/8, 8-5-2019), keyed by the index of their first token."""
        by_start: dict[int, int] = {}
        ends: dict[int, int] = {}
        out: dict[int, _Found] = {}
        for rx, order in _NUMERIC:
            for m in rx.finditer(norm):
                parts = dict(zip(order, (m.group(1), m.group(3), m.group(4)), strict=True))
                y, mo, d = int(parts["y"]), int(parts["m"]), int(parts["d"])
                if not (1900 <= y <= 2100 and 1 <= mo <= 12 and 1 <= d <= _month_len(y, mo)):
                    continue
                if not by_start:
                    by_start = {t.start: k for k, t in enumerate(toks)}
                    ends = {t.end: k for k, t in enumerate(toks)}
                i, j = by_start.get(m.start()), ends.get(m.end())
                if i is None or j is None or i in out:
                    continue
                out[i] = _Found(i, j + 1, _CalDate("gregorian", mo, d, "abs", y), "point", m.start(), m.end())
        return out

    def _match(self, norm: str, start: int, end: int, found: _Found,
               published: datetime.date | None) -> DateMatch:
        ref = found.ref
        try:
            res = _resolve(ref, published)
        except (OverflowError, ValueError):   # a publication date at the ends of the calendar
            res = _UNRESOLVED
        relative = _needs_published(ref) or found.kind == "duration"
        ds, de = res.start, res.end
        precision, anchor = res.precision, res.anchor
        if found.kind == "since":
            if isinstance(ref, _Unknown):
                de = published
                anchor = "published" if published is not None else "unknown"
            elif ds is not None and published is not None and published >= ds:
                de = published
        if ds is not None and de is not None and de < ds:
            de = ds
        return DateMatch(start=start, end=end, text=norm[start:end],
                         date_start=ds.isoformat() if ds else None, date_end=de.isoformat() if de else None,
                         precision=precision, anchor=anchor, relative=relative, kind=found.kind)

"""The date parser: reads one date expression from the tokens at a position and says what it refers to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from rasd.recognize.date_lexicon import _Cal, _Lexicon, _Unit
from rasd.recognize.date_resolve import (
    _Ago,
    _CalDate,
    _DayOfMonth,
    _Mode,
    _month_len,
    _Period,
    _Ref,
    _RelDay,
    _Unknown,
    _Weekday,
    _Year,
)
from rasd.text.segment import Token

Kind = Literal["point", "since", "duration"]
_OFFSETS = {"before": -1, "current": 0, "next": 1}

# -------------------------------------------------------------------------------------------- tokens

def _num(t: str) -> bool:
    return t.isascii() and t.isdigit()


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


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class _Found:
    i: int                     # first token
    j: int                     # one past the last token
    ref: _Ref
    kind: Kind
    start: int | None = None   # character span when it is not the tokens' (numeric dates)
    end: int | None = None

    def __init__(self, i: int, j: int, ref: _Ref, kind: Kind, start: int | None = None,
                 end: int | None = None) -> None:
        object.__setattr__(self, "i", i)
        object.__setattr__(self, "j", j)
        object.__setattr__(self, "ref", ref)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


class _CalendarParser:
    """Reads the calendar parts of a date expression at a token position: numbers, years, day numbers and
    month names with what follows them. Methods return (end token, what was read) or None."""

    def __init__(self, lex: _Lexicon, toks: Sequence[Token],
                 index: dict[int, dict[str, tuple[tuple[str, ...], ...]]] | None = None) -> None:
        self.lex = lex
        self.toks = toks
        self.index = index or {}
        self._n = len(toks)

    def w(self, i: int) -> str:
        """The text of token i ('' outside the text)."""
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
        """A month name at i: (end, calendar, month, risk level)."""
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
        """A day and month at i (14 نوفمبر 2023، السابع من الشهر الجاري, month-first يناير 04, 2023)."""
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
        """A month without a day (في مايو، شهر رمضان المقبل); risky names need the evidence dates.yaml asks for."""
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


class _Parser(_CalendarParser):
    """Reads one whole date expression at a token position (`at`): relative days, weekdays, periods, years,
    منذ/قبل phrases, on top of the calendar parts."""

    # -- days --------------------------------------------------------------------------------------

    def weekday(self, i: int, prefixed: bool) -> tuple[int, _Ref] | None:
        """A weekday at i, with its qualifier or the explicit date that follows it."""
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
        wd = self.lex.weekdays.get(self.w(end))
        if wd is not None:
            # أمس الثلاثاء 19 تشرين الثاني 2024: the explicit date says the day; اليوم الأحد: the weekday may say
            # the story's own day
            return self.day_month(end + 1 + (self.w(end + 1) == ",")) or (end + 1, _RelDay(offset, wd))
        return end, _RelDay(offset)

    def core(self, i: int, prefixed: bool) -> tuple[int, _Ref] | None:
        """A relative day, a weekday or a day and month at i."""
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
        """A year: after عام/سنة, or a bare 1900–2100 number after في/منذ/حتى that is not a count."""
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
        """منذ + a point, an amount of time, the start of a period or an unknown start (منذ اندلاع)."""
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
        """The date expression starting at token i, if any."""
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


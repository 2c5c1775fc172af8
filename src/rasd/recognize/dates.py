"""Date expressions in normalized Arabic text, resolved against the publication date (DESIGN §5).

`DateRecognizer.load().find(norm, published)` returns the date expressions of `norm` (the `.text` of
`rasd.text.normalize.normalize`) as `DateMatch`es, sorted and non-overlapping, each with a normalized span
(`norm[start:end] == text`) and its resolution to ISO dates. The parts: `date_lexicon` (dates.yaml's word
tables), `date_parser` (one expression at a token), `date_resolve` (its ISO dates); this module finds them.

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

import yaml

from rasd.recognize.date_lexicon import _build_lexicon, _index, _Lexicon, _Node
from rasd.recognize.date_parser import Kind, _Found, _Parser, _Toks
from rasd.recognize.date_resolve import (
    _UNRESOLVED,
    Anchor,
    Precision,
    _CalDate,
    _month_len,
    _needs_published,
    _resolve,
    _Unknown,
    writing_day,
)
from rasd.resources.datafiles import SAFE_LOADER, ResourceError, check_yaml_node, read_text
from rasd.text.segment import Token, TokenIndex, tokenize

__all__ = ["Anchor", "DateMatch", "DateRecognizer", "Kind", "Precision"]


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
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

    def __init__(self, start: int, end: int, text: str, date_start: str | None, date_end: str | None,
                 precision: str, anchor: str, relative: bool, kind: str) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "date_start", date_start)
        object.__setattr__(self, "date_end", date_end)
        object.__setattr__(self, "precision", precision)
        object.__setattr__(self, "anchor", anchor)
        object.__setattr__(self, "relative", relative)
        object.__setattr__(self, "kind", kind)


_CLITICS = ("وب", "فب", "و", "ف", "ب")   # ب only before ال (بالعام الماضي)
# (no digit, '/', '.' or '-' before the first digit: the look-behind stands after that digit, so that the pattern
# starts with a digit and the engine skips to the digits in C instead of trying the look-behind at every character)
_NUMERIC = [
    (re.compile(r"([0-9](?<![0-9/.\-][0-9])[0-9]{3})([/\-.])([0-9]{1,2})\2([0-9]{1,2})(?![0-9]|[/\-.][0-9])"),
     ("y", "m", "d")),
    (re.compile(r"([0-9](?<![0-9/.\-][0-9])[0-9]?)([/\-.])([0-9]{1,2})\2([0-9]{4})(?![0-9]|[/\-.][0-9])"),
     ("d", "m", "y")),
]


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
        """The recognizer of a dates.yaml (default: the packaged one); ResourceError names the bad line."""
        text, shown = read_text(path if path is not None else "dates.yaml")
        try:
            node = yaml.compose(text, Loader=SAFE_LOADER)
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
        spans: list[tuple[int, int, _Found]] = []
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
            spans.append((start, end, found))
            i = max(found.j, i + 1)
        # relative dates count from the day the story was written, which a weekday may set (اليوم الأحد)
        written = writing_day((f.ref for _, _, f in spans), published)
        return [self._match(norm, start, end, found, published, written) for start, end, found in spans]

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
               published: datetime.date | None, written: datetime.date | None = None) -> DateMatch:
        ref = found.ref
        try:
            res = _resolve(ref, written or published)
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

"""The number grammar over tokens: digit values, number words joined into one value, dates, qualifiers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum

from rasd.text.segment import Token

_INT_RE = re.compile(r"[0-9]+")
_COMMA_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_DOT_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_DECIMAL_RE = re.compile(r"[0-9]+[.,][0-9]+")


class Qualifier(Enum):
    """How exact a figure is; the value is the string a match records."""

    EXACT = "exact"
    APPROX = "approx"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    VAGUE = "vague"


QUALIFIER_KINDS = tuple(q.value for q in Qualifier)  # exact approx at_least at_most vague
_VAGUE = Qualifier.VAGUE.value
WORD_TYPES = ("unit", "ten", "tens", "hundred", "hundreds", "scale", "scale_plural", "scale_dual")


@dataclass(frozen=True, slots=True)
class NumberWord:
    """A number word of numbers.yaml: its value and its type (unit, ten, tens, hundred … scale_dual)."""

    value: int
    type: str
    teen_only: bool = False


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class Parsed:
    """A number read at a token: its value, the token after it and the proclitic length on its first token."""

    value: int
    end: int
    clitic: int = 0

    def __init__(self, value: int, end: int, clitic: int = 0) -> None:
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "clitic", clitic)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class WordParse:
    """A number being read word by word: the complete scale groups, the group below them and the last word."""

    total: int = 0
    group: int = 0
    last: str = ""  # type of the last atom: unit teen tens hundred hundreds scale
    last_scale: int = 0
    teen_pending: bool = False  # a teen-only word (احد, اثنا) waits for its عشر

    def __init__(self, total: int = 0, group: int = 0, last: str = "", last_scale: int = 0,
                 teen_pending: bool = False) -> None:
        object.__setattr__(self, "total", total)
        object.__setattr__(self, "group", group)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "last_scale", last_scale)
        object.__setattr__(self, "teen_pending", teen_pending)


@dataclass(frozen=True, slots=True)
class Calendar:
    """The words that make a number a date: year words, month names (with proclitics) and the year range."""

    year_words: frozenset[str]
    months: frozenset[str]
    proclitics: tuple[str, ...]
    year_range: tuple[int, int]

    def is_month(self, word: str) -> bool:
        """Whether `word` is a month name, maybe with a proclitic."""
        if word in self.months:
            return True
        return any(word.startswith(p) and word[len(p):] in self.months for p in self.proclitics)


# ------------------------------------------------------------------ digits
def digit_value(text: str, scale: int) -> int | None:
    """The value of a digit token, times `scale` (0: no scale word after it); None for a decimal alone."""
    integer: int | None = None
    decimal: float | None = None
    if _INT_RE.fullmatch(text):
        integer = int(text)
    elif _COMMA_THOUSANDS_RE.fullmatch(text):
        integer = int(text.replace(",", ""))
    elif _DOT_THOUSANDS_RE.fullmatch(text):
        integer = int(text.replace(".", ""))
        if text.count(".") == 1:
            decimal = float(text)  # 1.500 ألف: a decimal before a scale word, thousands without one
    elif _DECIMAL_RE.fullmatch(text):
        decimal = float(text.replace(",", "."))
    else:
        return None
    if scale:
        if decimal is not None:
            return round(decimal * scale)  # 2.5 مليون
        assert integer is not None
        return integer * scale
    return integer


def read_digits(words: dict[str, NumberWord], toks: Sequence[Token], i: int) -> Parsed | None:
    """A digit number at token `i`, with the scale word after it (12 ألف)."""
    scale = 0
    if i + 1 < len(toks) and toks[i + 1].kind == "word":
        e = words.get(toks[i + 1].text)
        if e is not None and e.type in ("scale", "scale_plural"):
            scale = e.value
    value = digit_value(toks[i].text, scale)
    if value is None:
        return None
    return Parsed(value, i + 2 if scale else i + 1)


def scale_of(words: dict[str, NumberWord], tok: Token) -> int:
    """The scale a number ends with when `tok`, its last token, is a scale word (ألفا: 1000; ألفان: 1000), else 0."""
    e = words.get(tok.text) if tok.kind == "word" else None
    if e is None or e.type not in ("scale", "scale_plural", "scale_dual"):
        return 0
    return e.value // 2 if e.type == "scale_dual" else e.value


def with_remainder(words: dict[str, NumberWord], toks: Sequence[Token], parsed: Parsed) -> Parsed:
    """A number that ends with a scale word and goes on with و and digits below that scale: 30 ألفا و534 is
    30,534; ألفان و300 is 2,300; مليون و200 ألف is 1,200,000 (each remainder smaller than the scale before it)."""
    scale = scale_of(words, toks[parsed.end - 1])
    while scale and parsed.end + 1 < len(toks) and toks[parsed.end].text == "و" \
            and toks[parsed.end + 1].kind == "number":
        rest = read_digits(words, toks, parsed.end + 1)
        if rest is None or rest.value >= scale:
            break
        parsed = Parsed(parsed.value + rest.value, rest.end, parsed.clitic)
        scale = scale_of(words, toks[rest.end - 1])
    return parsed


# ------------------------------------------------------------------ number words
def next_atom(words: dict[str, NumberWord], toks: Sequence[Token], j: int) -> tuple[NumberWord | None, bool, int]:
    """(number word, joined with و, tokens skipped) at token `j`: ثلاث, وعشرون or و + عشرون."""
    if j >= len(toks) or toks[j].kind != "word":
        return None, False, 0
    w = toks[j].text
    e = words.get(w)
    if e is not None:
        return e, False, 0
    if w.startswith("و") and len(w) > 2:
        e = words.get(w[1:])
        if e is not None:
            return e, True, 0
    if w == "و" and j + 1 < len(toks):
        e = words.get(toks[j + 1].text)
        if e is not None:
            return e, True, 1
    return None, False, 0


def read_words(words: dict[str, NumberWord], toks: Sequence[Token], i: int, first: NumberWord,
               clitic: int) -> Parsed | None:
    """A number written in words from token `i` (whose number word is `first`): the longest complete reading."""
    st = WordParse()
    best: Parsed | None = None
    j = i
    entry: NumberWord | None = first
    joined = False
    while entry is not None:
        nxt = add_word(st, entry, joined, j == i)
        if nxt is None:
            break
        st = nxt
        if not st.teen_pending:
            best = Parsed(st.total + st.group, j + 1, clitic)
        j += 1
        entry, joined, skip = next_atom(words, toks, j)
        j += skip
    if best is None or best.value <= 0:
        return None
    return best


def add_word(st: WordParse, e: NumberWord, joined: bool, first: bool) -> WordParse | None:
    """The parse after one more number word, or None when the word cannot continue the number."""
    t = e.type
    if st.teen_pending and not (t == "ten" and not joined):
        return None  # احد must be followed by عشر
    if first:
        return _first_word(e)
    after_scale = st.group == 0 and st.total > 0  # ثلاثة آلاف و…
    hundreds_only = st.group > 0 and st.last in ("hundred", "hundreds")  # ثلاثمئة و…
    if t == "unit":
        return _add_unit(st, e.value, joined, after_scale or hundreds_only)
    if t == "ten":
        return _add_ten(st, joined, after_scale or hundreds_only)
    if t == "tens":
        return _add_tens(st, e.value, joined, after_scale or hundreds_only)
    if t in ("hundred", "hundreds"):
        return _add_hundred(st, e, joined, after_scale)
    if t in ("scale", "scale_plural"):
        return _add_scale(st, e, joined, after_scale)
    if t == "scale_dual":
        # الفين after a larger scale: وألفين adds 2000 below a million
        if joined and after_scale and e.value // 2 < st.last_scale:
            return _step(st, total=st.total + e.value, last="scale", last_scale=e.value // 2)
        return None
    return None


def _step(st: WordParse, total: int = -1, group: int = -1, last: str = "", last_scale: int = -1,
          teen_pending: bool | None = None) -> WordParse:
    """`st` with the fields given changed (dataclasses.replace, without its cost)."""
    return WordParse(st.total if total < 0 else total, st.group if group < 0 else group, last or st.last,
                     st.last_scale if last_scale < 0 else last_scale,
                     st.teen_pending if teen_pending is None else teen_pending)


def _first_word(e: NumberWord) -> WordParse:
    if e.type in ("scale", "scale_dual"):
        # ألف, ألفان alone: a whole scale group (ألفان counts 2000, the scale below is 1000)
        return WordParse(total=e.value, last="scale",
                         last_scale=e.value // 2 if e.type == "scale_dual" else e.value)
    return WordParse(group=e.value, last="teen" if e.type == "ten" else e.type, teen_pending=e.teen_only)


def _add_unit(st: WordParse, v: int, joined: bool, open_group: bool) -> WordParse | None:
    # مئة وخمسة, ألف وثلاثة: a unit joins only after hundreds or a scale
    if joined and open_group:
        return _step(st, group=st.group + v, last="unit")
    return None


def _add_ten(st: WordParse, joined: bool, open_group: bool) -> WordParse | None:
    if not joined and st.last == "unit" and st.group % 100 < 10:
        return _step(st, group=st.group + 10, last="teen", teen_pending=False)  # خمسة عشر
    if joined and open_group:
        return _step(st, group=st.group + 10, last="teen")  # مئة وعشرة
    return None


def _add_tens(st: WordParse, v: int, joined: bool, open_group: bool) -> WordParse | None:
    # خمسة وعشرون, مئة وعشرون: tens join a unit, hundreds or a scale
    if joined and (st.last == "unit" or open_group) and st.group % 100 < 10:
        return _step(st, group=st.group + v, last="tens")
    return None


def _add_hundred(st: WordParse, e: NumberWord, joined: bool, after_scale: bool) -> WordParse | None:
    if e.type == "hundred" and not joined and st.last == "unit" and 0 < st.group < 10:
        return _step(st, group=st.group * 100, last="hundred")  # ثلاث مئة
    if joined and after_scale:
        return _step(st, group=e.value, last=e.type)  # ألف وثلاثمئة
    return None


def _add_scale(st: WordParse, e: NumberWord, joined: bool, after_scale: bool) -> WordParse | None:
    v = e.value
    if not joined and st.group > 0 and v > st.group and (st.last_scale == 0 or v < st.last_scale):
        # ثلاثة آلاف: the group so far times the scale, below any larger scale read before
        return _step(st, total=st.total + st.group * v, group=0, last="scale", last_scale=v)
    if e.type == "scale" and joined and after_scale and v < st.last_scale:
        return _step(st, total=st.total + v, last="scale", last_scale=v)  # مليون وألف
    return None


# ------------------------------------------------------------------ dates and qualifiers
def is_date_like(cal: Calendar, toks: Sequence[Token], i: int, j: int, value: int) -> bool:
    """Whether the digit number in tokens [i, j) is a year, a day of month or a clock time, not a count."""
    if j - i != 1 or not _INT_RE.fullmatch(toks[i].text):
        return False
    prev = toks[i - 1] if i > 0 else None
    nxt = toks[j] if j < len(toks) else None
    for nb, adjacent in ((prev, prev is not None and prev.end == toks[i].start),
                         (nxt, nxt is not None and nxt.start == toks[i].end)):
        if nb is not None and adjacent and nb.text in (":", "/"):
            return True  # 22:15, 4/1/2020
    if prev is not None and prev.text == "ال":
        return True  # الـ 25 (من الشهر): an ordinal or a day, not a quantity
    if nxt is not None and nxt.text == "من" and i + 2 < len(toks) and (
            toks[i + 2].text in ("الشهر", "شهر") or cal.is_month(toks[i + 2].text)):
        return True  # 3 من مايو
    low, high = cal.year_range
    is_year = len(toks[i].text) == 4 and low <= value <= high
    if is_year and prev is not None and (prev.text in cal.year_words or cal.is_month(prev.text)):
        return True  # عام 2019, مايو 2020
    if is_year and nxt is not None and nxt.text in ("م", "ه", "هـ"):
        return True
    if 1 <= value <= 31 and nxt is not None and nxt.kind == "word" and cal.is_month(nxt.text):
        return True  # 14 نوفمبر
    return is_year and nxt is not None and nxt.kind == "word" and cal.is_month(nxt.text)


def number_qualifier(own: str, before: str | None, after: str | None) -> str:
    """The qualifier of a number: a vague quantity stays vague; else one after it, else one before it."""
    if own == _VAGUE:
        return own  # عشرات على الأقل is still vague
    if after is not None:
        return after
    return before if before is not None else own

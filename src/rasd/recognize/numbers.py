"""Number expressions in normalized Arabic text: digits, number words, scales, qualifiers, vague quantities."""

# DESIGN.md §4, §4a. `NumberRecognizer.load()` reads `data/numbers.yaml`; `find(norm)` returns the number
# expressions of a normalized text (see `rasd.text.normalize`) as `NumberMatch`es, sorted and non-overlapping,
# with spans into the normalized text. The grammar itself is in rasd.recognize.number_grammar.

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.recognize.number_grammar import (
    QUALIFIER_KINDS,
    WORD_TYPES,
    Calendar,
    NumberWord,
    Parsed,
    is_date_like,
    number_qualifier,
    read_digits,
    read_words,
    with_remainder,
)
from rasd.resources.datafiles import ResourceError, data_path, load_yaml
from rasd.text.normalize import normalize_name
from rasd.text.segment import Token, TokenIndex, tokenize

__all__ = ["QUALIFIER_KINDS", "NumberMatch", "NumberRecognizer", "NumberWord"]

# The package data directory (data_path() needs rasd to be a regular package, with __init__.py).

_WORD_TYPES = WORD_TYPES  # rasd.resources.schemas reads the word types from here


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class NumberMatch:
    """A number expression in normalized text: its span, value, qualifier and the span of the value alone."""

    start: int  # normalized span of the whole expression, qualifier words included
    end: int
    value: int
    qualifier: str  # exact | approx | at_least | at_most | vague
    text: str  # norm[start:end]
    value_start: int  # span of the numeric part without the qualifier
    value_end: int
    date_like: bool = False  # a year or day of month (عام 2019, 14 نوفمبر) or a clock time: not a count
    high: int | None = None  # the upper end of a range (ما بين 5 و8: value 5, high 8)

    def __init__(self, start: int, end: int, value: int, qualifier: str, text: str, value_start: int,
                 value_end: int, date_like: bool = False, high: int | None = None) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "value_start", value_start)
        object.__setattr__(self, "value_end", value_end)
        object.__setattr__(self, "date_like", date_like)
        object.__setattr__(self, "high", high)


_RANGE_GLUE = frozenset({"و", "-", "الي", "او"})  # what joins the two ends of a range
_RANGE_OPENERS = frozenset({"بين", "وبين", "فبين"})  # what a range with و or الي needs before its low end


def join_ranges(norm: str, found: Sequence[NumberMatch]) -> list[NumberMatch]:
    """Two numbers that make a range (ما بين 5 و8, بين 250 و300 ألف, 5-8) as one match: its low end (at the
    high end's scale when only the high end has one: 250 و300 ألف is 250 thousand), qualifier at_least (the
    low end is the figure a reader can rely on) and `high`."""
    out: list[NumberMatch] = []
    k = 0
    while k < len(found):
        a = found[k]
        b = found[k + 1] if k + 1 < len(found) else None
        if b is None or a.date_like or b.date_like or a.high is not None or a.qualifier == "vague" \
                or b.qualifier == "vague":
            out.append(a)
            k += 1
            continue
        glue = norm[a.end:b.start].strip()
        before = norm[max(0, a.start - 12):a.start].split()
        opened = bool(before) and before[-1] in _RANGE_OPENERS
        if glue not in _RANGE_GLUE or not (glue == "-" or opened) or a.value >= b.value:
            out.append(a)
            k += 1
            continue
        low = a.value
        while " " in b.text and low * 1000 <= b.value:
            low *= 1000  # 250 و300 ألف: the low end at the high end's scale
        qualifier = "at_least" if a.qualifier == "exact" else a.qualifier
        out.append(NumberMatch(a.start, b.end, low, qualifier, norm[a.start:b.end], a.value_start, b.value_end,
                               high=b.value))
        k += 2
    return out


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    qualifier: str
    value: int = 0
    definite: bool = False


def _as_str_list(value: Any, shown: str, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ResourceError(shown, f"{what} must be a list of non-empty strings")
    return [str(v) for v in value]


class NumberRecognizer:
    """Finds number expressions in normalized text. Build with `load()`."""

    def __init__(self, words: dict[str, NumberWord], proclitics: Sequence[str],
                 before: Sequence[_Phrase], after: Sequence[_Phrase], vague: Sequence[_Phrase],
                 year_words: Iterable[str], months: Iterable[str], year_range: tuple[int, int]) -> None:
        self.words = dict(words)
        self.proclitics = tuple(sorted(set(proclitics), key=len, reverse=True))
        self.before = tuple(sorted(before, key=lambda p: -len(p.words)))
        self.after = tuple(sorted(after, key=lambda p: -len(p.words)))
        self.vague = tuple(sorted(vague, key=lambda p: -len(p.words)))
        self.year_words = frozenset(year_words)
        self.months = frozenset(months)
        self.year_range = year_range
        self._calendar = Calendar(self.year_words, self.months, self.proclitics, year_range)
        definite = ["ال"] + [p + "ال" for p in self.proclitics if not p.endswith("ل")] + ["لل", "ولل", "فلل"]
        self._definite_prefixes = tuple(sorted(set(definite), key=len, reverse=True))
        self._all_prefixes = tuple(sorted(set(self.proclitics) | set(definite), key=len, reverse=True))
        vague_first: dict[str, list[_Phrase]] = {}
        for ph in self.vague:
            vague_first.setdefault(ph.words[0], []).append(ph)
        self._vague_first = vague_first
        # every surface form (with any proclitic) a number word or a vague quantity can start with: one set
        # lookup rejects the other words of a text
        self._word_forms = frozenset(p + w for w in self.words for p in ("", *self.proclitics))
        self._vague_forms = frozenset(p + w for w in vague_first for p in ("", *self._all_prefixes))
        self._starters = self._word_forms | self._vague_forms
        # the words a post-number qualifier can start with (its first word may carry a proclitic)
        self._after_first = frozenset(p + ph.words[0] for ph in self.after for p in ("", *self.proclitics))
        # what the word right before a number must be for a qualifier phrase to end there
        self._before_last = frozenset(
            ph.words[-1] if len(ph.words) > 1 else p + ph.words[0]
            for ph in self.before for p in ("", *self.proclitics))

    # ------------------------------------------------------------------ loading
    @classmethod
    def load(cls, path: str | None = None) -> NumberRecognizer:
        """The recognizer of numbers.yaml (the packaged one by default); a bad file is a ResourceError."""
        data, shown = load_yaml(path or data_path("numbers.yaml"), schema="numbers")
        if not isinstance(data, dict):
            raise ResourceError(shown, "top level must be a mapping")
        for key in ("words", "proclitics", "qualifiers_before", "qualifiers_after", "vague", "year_words", "months"):
            if key not in data:
                raise ResourceError(shown, f"missing key {key!r}")
        lines = _line_finder(shown)
        words: dict[str, NumberWord] = {}
        if not isinstance(data["words"], list):
            raise ResourceError(shown, "words must be a list")
        for item in data["words"]:
            if not isinstance(item, dict) or not isinstance(item.get("w"), str):
                raise ResourceError(shown, f"bad word entry {item!r}", line=lines(str(item)))
            w = normalize_name(item["w"])
            v, t = item.get("v"), item.get("type")
            if not isinstance(v, int) or v <= 0 or t not in _WORD_TYPES:
                raise ResourceError(shown, f"word {item['w']!r}: need a positive int v and a type in {_WORD_TYPES}",
                                    line=lines(item["w"]))
            if w in words:
                raise ResourceError(shown, f"duplicate word {item['w']!r}", line=lines(item["w"]))
            words[w] = NumberWord(v, t, bool(item.get("teen_only", False)))
        proclitics = [normalize_name(p) for p in _as_str_list(data["proclitics"], shown, "proclitics")]
        before = cls._qualifier_phrases(data["qualifiers_before"], shown, "qualifiers_before")
        after = cls._qualifier_phrases(data["qualifiers_after"], shown, "qualifiers_after")
        vague: list[_Phrase] = []
        if not isinstance(data["vague"], list):
            raise ResourceError(shown, "vague must be a list")
        for item in data["vague"]:
            if not isinstance(item, dict) or not isinstance(item.get("w"), str) or not isinstance(item.get("v"), int):
                raise ResourceError(shown, f"bad vague entry {item!r}", line=lines(str(item.get("w", item))
                                                                                    if isinstance(item, dict) else str(item)))
            vague.append(_Phrase(tuple(normalize_name(item["w"]).split()), "vague", item["v"],
                                 bool(item.get("definite", False))))
        yr = data.get("year_range", [1900, 2100])
        if not (isinstance(yr, list) and len(yr) == 2 and all(isinstance(x, int) for x in yr)):
            raise ResourceError(shown, "year_range must be [low, high]", line=lines("year_range"))
        return cls(words, proclitics, before, after, vague,
                   [normalize_name(w) for w in _as_str_list(data["year_words"], shown, "year_words")],
                   [normalize_name(w) for w in _as_str_list(data["months"], shown, "months")],
                   (yr[0], yr[1]))

    @staticmethod
    def _qualifier_phrases(section: Any, shown: str, key: str) -> list[_Phrase]:
        if not isinstance(section, dict):
            raise ResourceError(shown, f"{key} must map a qualifier to a list of phrases")
        out: list[_Phrase] = []
        for q, phrases in section.items():
            if q not in QUALIFIER_KINDS or q in ("exact", "vague"):
                raise ResourceError(shown, f"{key}: unknown qualifier {q!r}", line=_line_finder(shown)(str(q)))
            for p in _as_str_list(phrases, shown, f"{key}.{q}"):
                out.append(_Phrase(tuple(normalize_name(p).split()), q))
        return out

    # ------------------------------------------------------------------ word lookups
    def word_value(self, word: str, clitics: bool = True) -> tuple[int, NumberWord] | None:
        """(length of the proclitic prefix, number word) when `word` is a number word, maybe with a clitic."""
        e = self.words.get(word)
        if e is not None:
            return 0, e
        if clitics and word in self._word_forms:
            for p in self.proclitics:
                if word.startswith(p) and len(word) > len(p) + 1:
                    e = self.words.get(word[len(p):])
                    if e is not None:
                        return len(p), e
        return None

    def is_month(self, word: str) -> bool:
        """Whether `word` is a month name, maybe with a proclitic."""
        return self._calendar.is_month(word)

    def _match_phrase(self, toks: Sequence[Token], i: int, words: tuple[str, ...], definite: bool = False) -> int:
        """Length of the clitic prefix when `words` match the tokens starting at `i`, else -1."""
        if i + len(words) > len(toks):
            return -1
        for k, w in enumerate(words[1:], start=1):
            if toks[i + k].text != w:
                return -1
        first = toks[i].text
        if first == words[0]:
            return 0
        prefixes = self._all_prefixes if definite else self.proclitics
        for p in prefixes:
            if first.startswith(p) and first[len(p):] == words[0]:
                if definite and p not in self.proclitics and p not in self._definite_prefixes:
                    continue
                return len(p)
        return -1

    def qualifier_after(self, toks: Sequence[Token], j: int) -> tuple[str, int] | None:
        """(qualifier, index after it) when a post-number qualifier (على الأقل) starts at token `j`."""
        if j >= len(toks) or toks[j].text not in self._after_first:
            return None
        for ph in self.after:
            if self._match_phrase(toks, j, ph.words) >= 0:
                return ph.qualifier, j + len(ph.words)
        return None

    def qualifier_before(self, toks: Sequence[Token], i: int, floor: int = 0) -> tuple[str, int, int] | None:
        """(qualifier, normalized start, first token index) when a qualifier phrase ends right before token `i`."""
        # the start leaves out a proclitic on its first word (بنحو → نحو)
        if i == 0 or toks[i - 1].text not in self._before_last:
            return None
        for ph in self.before:
            k = i - len(ph.words)
            if k >= floor:
                c = self._match_phrase(toks, k, ph.words)
                if c >= 0:
                    return ph.qualifier, toks[k].start + c, k
        return None

    # ------------------------------------------------------------------ parsing
    def _words(self, toks: Sequence[Token], i: int) -> Parsed | None:
        """A number written in words at token `i` (not one that opens with a plural scale: آلاف is vague)."""
        first = self.word_value(toks[i].text)
        if first is None or first[1].type == "scale_plural":
            return None
        return read_words(self.words, toks, i, first[1], first[0])

    def _vague_at(self, toks: Sequence[Token], i: int) -> Parsed | None:
        """A vague quantity at token `i` (عشرات, عدد من) and its conventional value."""
        w = toks[i].text
        if w not in self._vague_forms:
            return None
        cands = list(self._vague_first.get(w, ()))
        for p in self._all_prefixes:
            if w.startswith(p) and len(w) > len(p) + 1:
                cands.extend(self._vague_first.get(w[len(p):], ()))
        if not cands:
            return None
        for ph in sorted(cands, key=lambda ph: -len(ph.words)):
            c = self._match_phrase(toks, i, ph.words, ph.definite)
            if c >= 0:
                return Parsed(ph.value, i + len(ph.words), c)
        return None

    def find(self, norm: str) -> list[NumberMatch]:
        """The number expressions of a normalized text, sorted and not overlapping."""
        return self.find_tokens(norm, TokenIndex(tokenize(norm)))

    def find_tokens(self, norm: str, index: TokenIndex) -> list[NumberMatch]:
        """`find` over the tokens of `tokenize(norm)`, indexed."""
        # only digits and words that a number or a vague quantity may start with are looked at
        toks = index.toks
        out: list[NumberMatch] = []
        floor = 0  # first token index not used by an earlier match
        i = 0
        for k in index.numerals_and_words_in(self._starters):
            if k < i:
                continue
            i = k
            parsed, own = self._parse_at(toks, i)
            if parsed is None or parsed.value <= 0:
                i += 1
                continue
            m, j = self._match(norm, toks, i, floor, parsed, own)
            out.append(m)
            floor = j
            i = j
        return out

    def _parse_at(self, toks: Sequence[Token], i: int) -> tuple[Parsed | None, str]:
        """The number at token `i` (digits, number words or a vague quantity) and its own qualifier."""
        tok = toks[i]
        if tok.kind == "number":
            parsed = read_digits(self.words, toks, i)
            return (None if parsed is None else with_remainder(self.words, toks, parsed)), "exact"
        if tok.kind == "word":
            parsed = self._words(toks, i)
            if parsed is not None:
                return with_remainder(self.words, toks, parsed), "exact"
            return self._vague_at(toks, i), "vague"
        return None, "exact"

    def _match(self, norm: str, toks: Sequence[Token], i: int, floor: int, parsed: Parsed,
               own: str) -> tuple[NumberMatch, int]:
        """The match of a number read at token `i` with the qualifier phrases around it, and the token after."""
        tok = toks[i]
        j = parsed.end
        vstart, vend = tok.start + parsed.clitic, toks[j - 1].end
        start, end = vstart, vend
        date_like = tok.kind == "number" and is_date_like(self._calendar, toks, i, j, parsed.value)
        before: str | None = None
        after: str | None = None
        if parsed.clitic == 0 and not date_like:  # a number word with a proclitic (وخمسة) opens its own phrase
            qb = self.qualifier_before(toks, i, floor)
            if qb is not None:
                before, start = qb[0], qb[1]
        if not date_like:
            qa = self.qualifier_after(toks, j)
            if qa is not None:
                after, j = qa
                end = toks[j - 1].end
        qualifier = number_qualifier(own, before, after)
        return NumberMatch(start, end, parsed.value, qualifier, norm[start:end], vstart, vend, date_like), j


def _line_finder(shown: str) -> Any:
    """A function giving the 1-based line of the first line of file `shown` containing a string (or None)."""
    try:
        lines = Path(shown).read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []

    def find(needle: str) -> int | None:
        for k, ln in enumerate(lines, start=1):
            if needle and needle in ln:
                return k
        return None

    return find

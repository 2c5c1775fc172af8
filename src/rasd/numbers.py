"""Recognizing numbers in normalized Arabic text: digits, number words, scale words, qualifiers, vague
quantities (DESIGN.md §4, §4a).

`NumberRecognizer.load()` reads `data/numbers.yaml`; `find(norm)` returns the number expressions of a
normalized text (see `rasd.normalize`) as `NumberMatch`es, sorted and non-overlapping, with spans into the
normalized text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.datafiles import ResourceError, load_yaml
from rasd.normalize import normalize_name
from rasd.segment import Token, TokenIndex, tokenize

# The package data directory (data_path() needs rasd to be a regular package, with __init__.py).
_DATA_DIR = Path(__file__).resolve().parent / "data"

QUALIFIER_KINDS = ("exact", "approx", "at_least", "at_most", "vague")
_WORD_TYPES = ("unit", "ten", "tens", "hundred", "hundreds", "scale", "scale_plural", "scale_dual")

_INT_RE = re.compile(r"[0-9]+")
_COMMA_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:,[0-9]{3})+")
_DOT_THOUSANDS_RE = re.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+")
_DECIMAL_RE = re.compile(r"[0-9]+[.,][0-9]+")


@dataclass(frozen=True, slots=True)
class NumberMatch:
    start: int  # normalized span of the whole expression, qualifier words included
    end: int
    value: int
    qualifier: str  # exact | approx | at_least | at_most | vague
    text: str  # norm[start:end]
    value_start: int  # span of the numeric part without the qualifier
    value_end: int
    date_like: bool = False  # a year or day of month (عام 2019, 14 نوفمبر) or a clock time: not a count


@dataclass(frozen=True, slots=True)
class NumberWord:
    value: int
    type: str
    teen_only: bool = False


@dataclass(frozen=True, slots=True)
class _Phrase:
    words: tuple[str, ...]
    qualifier: str
    value: int = 0
    definite: bool = False


@dataclass(slots=True)
class _State:
    total: int = 0
    group: int = 0
    last: str = ""  # type of the last atom: unit teen tens hundred hundreds scale
    last_scale: int = 0
    teen_pending: bool = False


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
        data, shown = load_yaml(path or _DATA_DIR / "numbers.yaml", schema="numbers")
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
        if word in self.months:
            return True
        return any(word.startswith(p) and word[len(p):] in self.months for p in self.proclitics)

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
        """(qualifier, normalized start, first token index) when a qualifier phrase ends right before token `i`;
        the start leaves out a proclitic on its first word (بنحو → نحو)."""
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
    def _digits(self, toks: Sequence[Token], i: int) -> tuple[int, int] | None:
        """(value, index after) of a digit number at token `i`, with a scale word after it."""
        t = toks[i].text
        integer: int | None = None
        decimal: float | None = None
        if _INT_RE.fullmatch(t):
            integer = int(t)
        elif _COMMA_THOUSANDS_RE.fullmatch(t):
            integer = int(t.replace(",", ""))
        elif _DOT_THOUSANDS_RE.fullmatch(t):
            integer = int(t.replace(".", ""))
            if t.count(".") == 1:
                decimal = float(t)
        elif _DECIMAL_RE.fullmatch(t):
            decimal = float(t.replace(",", "."))
        else:
            return None
        if i + 1 < len(toks) and toks[i + 1].kind == "word":
            e = self.words.get(toks[i + 1].text)
            if e is not None and e.type in ("scale", "scale_plural"):
                if decimal is not None:
                    return round(decimal * e.value), i + 2
                assert integer is not None
                return integer * e.value, i + 2
        if integer is None:
            return None
        return integer, i + 1

    def _words(self, toks: Sequence[Token], i: int) -> tuple[int, int, int] | None:
        """(value, index after, clitic length of the first token) of a number written in words at `i`."""
        first = self.word_value(toks[i].text)
        if first is None:
            return None
        clitic, e = first
        if e.type == "scale_plural":
            return None
        st = _State()
        best: tuple[int, int] | None = None
        j = i
        entry: NumberWord | None = e
        joined = False
        while entry is not None:
            if not self._apply(st, entry, joined, j == i):
                break
            if not st.teen_pending:
                best = (st.total + st.group, j + 1)
            j += 1
            entry, joined, skip = self._next_atom(toks, j)
            j += skip
        if best is None or best[0] <= 0:
            return None
        return best[0], best[1], clitic

    def _next_atom(self, toks: Sequence[Token], j: int) -> tuple[NumberWord | None, bool, int]:
        if j >= len(toks) or toks[j].kind != "word":
            return None, False, 0
        w = toks[j].text
        e = self.words.get(w)
        if e is not None:
            return e, False, 0
        if w.startswith("و") and len(w) > 2:
            e = self.words.get(w[1:])
            if e is not None:
                return e, True, 0
        if w == "و" and j + 1 < len(toks):
            e = self.words.get(toks[j + 1].text)
            if e is not None:
                return e, True, 1
        return None, False, 0

    @staticmethod
    def _apply(st: _State, e: NumberWord, joined: bool, first: bool) -> bool:
        """Add one number word to the parse state; False when it cannot continue the number."""
        t, v = e.type, e.value
        after_scale = st.group == 0 and st.total > 0
        hundreds_only = st.group > 0 and st.last in ("hundred", "hundreds")
        if st.teen_pending and not (t == "ten" and not joined):
            return False
        if first:
            if t in ("scale", "scale_dual"):
                st.total, st.last = v, "scale"
                st.last_scale = v // 2 if t == "scale_dual" else v
            else:
                st.group, st.last = v, ("teen" if t == "ten" else t)
                st.teen_pending = e.teen_only
            return True
        if t == "unit":
            if joined and (after_scale or hundreds_only):
                st.group += v
                st.last = "unit"
                return True
            return False
        if t == "ten":
            if not joined and st.last == "unit" and st.group % 100 < 10:
                st.group += 10
                st.last, st.teen_pending = "teen", False
                return True
            if joined and (after_scale or hundreds_only):
                st.group += 10
                st.last = "teen"
                return True
            return False
        if t == "tens":
            if joined and (st.last == "unit" or after_scale or hundreds_only) and st.group % 100 < 10:
                st.group += v
                st.last = "tens"
                return True
            return False
        if t == "hundred":
            if not joined and st.last == "unit" and 0 < st.group < 10:
                st.group *= 100
                st.last = "hundred"
                return True
            if joined and after_scale:
                st.group, st.last = v, "hundred"
                return True
            return False
        if t == "hundreds":
            if joined and after_scale:
                st.group, st.last = v, "hundreds"
                return True
            return False
        # scales
        if t in ("scale", "scale_plural"):
            if not joined and st.group > 0 and v > st.group and (st.last_scale == 0 or v < st.last_scale):
                st.total += st.group * v
                st.group, st.last, st.last_scale = 0, "scale", v
                return True
            if t == "scale" and joined and after_scale and v < st.last_scale:
                st.total += v
                st.last, st.last_scale = "scale", v
                return True
            return False
        if t == "scale_dual":
            if joined and after_scale and v // 2 < st.last_scale:
                st.total += v
                st.last, st.last_scale = "scale", v // 2
                return True
            return False
        return False

    def _vague_at(self, toks: Sequence[Token], i: int) -> tuple[int, int, int] | None:
        """(value, index after, clitic length) of a vague quantity at token `i`."""
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
                return ph.value, i + len(ph.words), c
        return None

    def _date_like(self, toks: Sequence[Token], i: int, j: int, value: int) -> bool:
        if j - i != 1 or not _INT_RE.fullmatch(toks[i].text):
            return False
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[j] if j < len(toks) else None
        for nb, adjacent in ((prev, prev is not None and prev.end == toks[i].start),
                             (nxt, nxt is not None and nxt.start == toks[i].end)):
            if nb is not None and adjacent and nb.text in (":", "/"):
                return True
        if prev is not None and prev.text == "ال":
            return True  # الـ 25 (من الشهر): an ordinal or a day, not a quantity
        if nxt is not None and nxt.text == "من" and i + 2 < len(toks) and (
                toks[i + 2].text in ("الشهر", "شهر") or self.is_month(toks[i + 2].text)):
            return True
        low, high = self.year_range
        is_year = len(toks[i].text) == 4 and low <= value <= high
        if is_year and prev is not None and (prev.text in self.year_words or self.is_month(prev.text)):
            return True
        if is_year and nxt is not None and nxt.text in ("م", "ه", "هـ"):
            return True
        if 1 <= value <= 31 and nxt is not None and nxt.kind == "word" and self.is_month(nxt.text):
            return True
        return is_year and nxt is not None and nxt.kind == "word" and self.is_month(nxt.text)

    def find(self, norm: str) -> list[NumberMatch]:
        return self.find_tokens(norm, TokenIndex(tokenize(norm)))

    def find_tokens(self, norm: str, index: TokenIndex) -> list[NumberMatch]:
        """`find` over the tokens of `tokenize(norm)`, indexed: only digits and words that a number or a
        vague quantity may start with are looked at."""
        toks = index.toks
        out: list[NumberMatch] = []
        floor = 0  # first token index not used by an earlier match
        i = 0
        for k in index.numerals_and_words_in(self._starters):
            if k < i:
                continue
            i = k
            tok = toks[i]
            parsed: tuple[int, int, int] | None = None
            qualifier = "exact"
            if tok.kind == "number":
                d = self._digits(toks, i)
                if d is not None:
                    parsed = (d[0], d[1], 0)
            elif tok.kind == "word":
                parsed = self._words(toks, i)
                if parsed is None:
                    parsed = self._vague_at(toks, i)
                    if parsed is not None:
                        qualifier = "vague"
            if parsed is None or parsed[0] <= 0:
                i += 1
                continue
            value, j, clitic = parsed
            vstart, vend = tok.start + clitic, toks[j - 1].end
            start, end = vstart, vend
            date_like = tok.kind == "number" and self._date_like(toks, i, j, value)
            if clitic == 0 and not date_like:
                qb = self.qualifier_before(toks, i, floor)
                if qb is not None:
                    q, start, _ = qb
                    if qualifier != "vague":
                        qualifier = q
            if not date_like:
                qa = self.qualifier_after(toks, j)
                if qa is not None:
                    if qualifier != "vague":
                        qualifier = qa[0]
                    j = qa[1]
                    end = toks[j - 1].end
            out.append(NumberMatch(start, end, value, qualifier, norm[start:end], vstart, vend, date_like))
            floor = j
            i = j
        return out


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

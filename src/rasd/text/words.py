"""The words right before or after a position of a normalized text, as the rules read them (how many words,
never how many characters), and the tokens of a text with their index. A module of its own so that it is
compiled with the rules that call it ~500 times per article (text.segment, which is not compiled, re-exports
Token and TokenIndex: a compiled rule reads a TokenIndex's attributes and calls its methods directly, not
through a Python object's attribute look-up and frame); and a word's proclitic readings (`clitic_splits`, which
text.segment re-exports too)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final, NamedTuple

# characters per word a window read before a position starts with (words_before widens it when it holds fewer)
_WINDOW_PER_WORD: Final = 24

# The class of a character of normalized text, read from its code point (compiled: `ord(text[i])` reads the
# string's memory): "space" is str.isspace() (what \\s, \\S and str.split() read), "digit" str.isdecimal() (\\d),
# a word letter one of ARABIC_WORD_RANGES, Latin a-z and U+00C0-U+024F.
SPACE: Final = 0
DIGIT: Final = 1
WORD: Final = 2
LATIN: Final = 3
OTHER: Final = 4
# The code points of Arabic letters (the basic letters and the extended ones of Persian, Urdu, Sindhi …): the
# tokenizer's words, and the letters the phrase matcher counts as word characters.
ARABIC_WORD_RANGES: Final = ((0x0621, 0x064A), (0x0671, 0x06D3), (0x06FA, 0x06FF))
_ASCII_CLASS: Final = bytes(SPACE if chr(c).isspace() else DIGIT if chr(c).isdecimal() else LATIN if 97 <= c <= 122
                            else OTHER for c in range(128))


def char_class(text: str, i: int) -> int:
    """The class of text[i]: SPACE, DIGIT, WORD (an Arabic letter), LATIN or OTHER."""
    cp = ord(text[i])
    if cp < 128:
        return _ASCII_CLASS[cp]
    if 0x0621 <= cp <= 0x064A or 0x0671 <= cp <= 0x06D3 or 0x06FA <= cp <= 0x06FF:
        return WORD
    if 0xC0 <= cp <= 0x24F:
        return LATIN
    ch = text[i]  # (neither an Arabic letter nor Latin: rare in a normalized text)
    return SPACE if ch.isspace() else DIGIT if ch.isdecimal() else OTHER


def letter_runs(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """The spans of the runs of basic Arabic letters (U+0621-U+064A) in text[lo:hi] (a run cut by `lo` or `hi`
    is its part inside): the words a rule reads without their digits, marks and punctuation."""
    spans: list[tuple[int, int]] = []
    i = max(lo, 0)
    n = len(text) if hi is None else min(hi, len(text))
    while i < n:
        if 0x0621 <= ord(text[i]) <= 0x064A:
            j = i + 1
            while j < n and 0x0621 <= ord(text[j]) <= 0x064A:
                j += 1
            spans.append((i, j))
            i = j
        else:
            i += 1
    return spans


def word_spans_before(text: str, pos: int, k: int, lo: int = 0) -> list[tuple[int, int]]:
    """Spans of the last `k` space-separated words of text[lo:pos], in text order: the word window rules read
    before a position (how many words, never how many characters; a word cut by `lo` or `pos` is its part
    inside). Read backwards from `pos`, character by character."""
    spans: list[tuple[int, int]] = []
    i = min(pos, len(text))
    lo = max(lo, 0)
    while len(spans) < k:
        while i > lo and char_class(text, i - 1) == SPACE:
            i -= 1
        if i <= lo:
            break
        end = i
        while i > lo and char_class(text, i - 1) != SPACE:
            i -= 1
        spans.append((i, end))
    spans.reverse()
    return spans


def word_spans_after(text: str, pos: int, k: int, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of the first `k` space-separated words of text[pos:hi], in text order (a word cut by `pos` or `hi`
    is its part inside), read character by character."""
    spans: list[tuple[int, int]] = []
    n = len(text) if hi is None else min(hi, len(text))
    i = max(pos, 0)
    while len(spans) < k:
        while i < n and char_class(text, i) == SPACE:
            i += 1
        if i >= n:
            break
        start = i
        while i < n and char_class(text, i) != SPACE:
            i += 1
        spans.append((start, i))
    return spans


def words_before(text: str, pos: int, k: int, lo: int = 0) -> list[str]:
    """The last `k` space-separated words of text[lo:pos], in text order (the words of word_spans_before).
    str.rsplit in C over a window of about `k` words before `pos`, widened to text[lo:pos] when the window
    holds no more than `k` words (its first may be cut): it runs ~100,000 times per 300 articles."""
    if k <= 0:
        return []
    start = pos - _WINDOW_PER_WORD * (k + 1)
    if start > lo:
        parts = text[start:pos].rsplit(None, k)
        if len(parts) > k:  # (the first part is what stands before the last k words, whole)
            del parts[0]
            return parts
    parts = text[lo:pos].rsplit(None, k)
    if len(parts) > k:
        del parts[0]
    return parts


def words_after(text: str, pos: int, k: int, hi: int | None = None) -> list[str]:
    """The first `k` space-separated words of text[pos:hi], in text order."""
    return [text[s:e] for s, e in word_spans_after(text, pos, k, hi)]


class Token(NamedTuple):
    """A token of the normalized text: its text, span and kind (word, number, latin, punct). (Immutable; a named
    tuple rather than a frozen dataclass because ~450 are made per 4 KB article: made by tuple.__new__, a token
    costs a third of a dataclass's four field assignments.)"""
    text: str
    start: int
    end: int
    kind: str  # word | number | latin | punct


class TokenIndex:
    """The tokens of one text with, for each word, where it stands. A lexicon finds the tokens its phrases may
    start at by intersecting the forms they start with and the text's vocabulary, instead of testing every
    token; the answer is kept per set of forms for the life of this (one document's) index."""

    def __init__(self, toks: Sequence[Token]) -> None:
        self.toks = toks
        where: defaultdict[str, list[int]] = defaultdict(list)
        numerals: list[int] = []  # indices of the digit tokens
        for k, (text, _start, _end, kind) in enumerate(toks):  # (one pass, the token unpacked: no attribute look-ups)
            if kind == "word":
                where[text].append(k)
            elif kind == "number":
                numerals.append(k)
        self.numerals: tuple[int, ...] = tuple(numerals)
        self._where = where
        self._vocab = frozenset(where)
        self._memo: dict[frozenset[str], tuple[int, ...]] = {}

    def numerals_and_words_in(self, forms: frozenset[str]) -> list[int]:
        """Indices, in text order, of the digit tokens and of the word tokens whose text is one of `forms`:
        where a number or a date can begin. (Two sorted runs of distinct indices: sorted in C, where heapq.merge
        is a generator written in Python.)"""
        return sorted(self.numerals + self.words_in(forms))

    def words_in(self, forms: frozenset[str]) -> tuple[int, ...]:
        """Indices, in text order, of the word tokens whose text is one of `forms`."""
        found = self._memo.get(forms)
        if found is None:
            where = self._where
            found = tuple(sorted(k for w in forms & self._vocab for k in where[w]))
            self._memo[forms] = found
        return found


# the proclitics of a normalized word (clitic_splits, ~60 calls an article from the compiled rules)
CONJUNCTIONS = ("و", "ف")
PREPOSITIONS = ("ب", "ل", "ك")
ARTICLE = "ال"


def clitic_splits(word: str, min_stem: int = 2) -> list[tuple[str, str]]:
    """Possible (proclitics, stem) readings of a normalized word, the bare word first.

    Proclitics: an optional conjunction (و ف), an optional preposition (ب ل ك) or future marker (س),
    and an optional article (ال, which after ل is written لل). (The runs that start with the word's first
    letter, in the order of _proclitic_runs, tested by str.startswith: ~4,400 words an article's triggers.)
    """
    out: list[tuple[str, str]] = [("", word)]
    for prefix in _RUNS_BY_FIRST.get(word[:1], ()):
        if word.startswith(prefix) and len(word) - len(prefix) >= min_stem:
            out.append((prefix, word[len(prefix):]))
    return out


def _proclitic_runs() -> tuple[str, ...]:
    """Every run of proclitics (و ف, then ب ل ك س, then ال; لل for ل + ال), once each, in the order
    clitic_splits gives its readings: conjunction, then preposition, then the article."""
    runs: list[str] = []
    for conj in ("", *CONJUNCTIONS):
        for prep in ("", *PREPOSITIONS, "س"):
            for run in (conj + prep, conj + prep + ARTICLE if prep in ("", "ب", "ك") else "",
                        conj + "لل" if prep == "ل" else ""):
                if run and run not in runs:
                    runs.append(run)
    return tuple(runs)


# the runs of _proclitic_runs by their first letter, in that order
_RUNS_BY_FIRST: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {first: tuple(r for r in _proclitic_runs() if r[0] == first) for first in {r[0] for r in _proclitic_runs()}})


# every run of proclitics `clitic_splits` accepts
PROCLITIC_SEQUENCES = frozenset(_proclitic_runs())


def is_proclitic_sequence(prefix: str) -> bool:
    """True when `prefix` (normalized) is a valid run of proclitics before a name: و ف ب ل ك ال لل."""
    return prefix in PROCLITIC_SEQUENCES

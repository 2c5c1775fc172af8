"""Clitic-aware multi-phrase matching over normalized text with one Aho-Corasick automaton.

A phrase (already normalized) matches at a position when
- on its left, the characters between the start of the word and the match form a run of proclitics
  (و ف ب ل ك ال لل: "وبطرابلس", "للجيش") or nothing; and
- on its right, the word ends, or the rest of the word is one of the matcher's allowed suffixes
  (for triggers: pronoun suffixes such as ها/هم; for names: none).
Overlapping hits are resolved leftmost-longest.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence, Set
from typing import Any, Generic, TypeVar

import ahocorasick

from ..text.normalize import QUOTE_MARKS
from ..text.segment import ARABIC_WORD_RANGES, PROCLITIC_SEQUENCES
from ..text.words import words_before
from .hits import Hit as Hit

T = TypeVar("T")

# marks that may stand glued to a word without being part of it (normalized quotation marks, the original ones,
# brackets)
_QUOTES = QUOTE_MARKS + "«»“”„()[]{}"
# every run of proclitics ends with one of these letters and is at most this long: a match inside a word whose
# letter before it is none of them, or whose word starts further back, is no match
_PROCLITIC_LAST = frozenset(p[-1] for p in PROCLITIC_SEQUENCES)
_PROCLITIC_MAX = max(len(p) for p in PROCLITIC_SEQUENCES)


# the characters of the Arabic letter ranges that str.isalnum() does not count (two Sindhi signs, ۽ and ۾)
_WORD_NOT_ALNUM = frozenset(chr(cp) for lo, hi in ARABIC_WORD_RANGES for cp in range(lo, hi + 1)
                            if not chr(cp).isalnum())


def is_word_char(ch: str) -> bool:
    """A letter or digit of any script, or a character of the Arabic letter ranges."""
    return ch.isalnum() or ch in _WORD_NOT_ALNUM


def phrase_before(text: str, pos: int, phrases: Set[str], max_words: int, lo: int = 0, proclitics: str = "") -> bool:
    """Whether the last 1 … `max_words` space-separated words of text[lo:pos] are one of `phrases`; with
    `proclitics`, also once those letters are stripped from its front (وطائرات أردنية → طائرات). For the short
    word lists read right before a mention or a trigger (وقف القتال، بإسناد من، منذ)."""
    phrase = ""
    # (quotation marks and brackets around a word are no part of it: انتهاء "الهدنة)
    words = [bare for w in words_before(text, pos, max_words + 1, lo) if (bare := w.strip(_QUOTES))]
    for word in reversed(words[-max_words:]):
        phrase = word if not phrase else f"{word} {phrase}"
        if phrase in phrases or (proclitics and phrase.lstrip(proclitics) in phrases):
            return True
    return False


class PhraseMatcher(Generic[T]):
    """Finds normalized phrases in normalized text; each phrase carries one or more payloads."""

    def __init__(self, entries: Iterable[tuple[str, T]], suffixes: Sequence[str] = (),
                 names: bool = False, verbs: Set[str] = frozenset()) -> None:
        """`names=True` for proper names: the article ال never stands before a name written without it
        (الجدة is no Jeddah), and a name written with it also matches after ل, where the article's alef
        drops (للجيش الوطني = ل + الجيش الوطني). `verbs`: phrases that take no article and no preposition
        ب ك before them (a finite verb: الفرات is no ال + فر + ات); a shorter phrase inside may match instead."""
        self._names = names
        self._verbs = frozenset(verbs)
        table: dict[str, dict[T, None]] = {}  # (a dict per phrase: its payloads once each, in order, found by hash)
        for phrase, payload in entries:
            phrase = " ".join(phrase.split())
            if phrase:
                table.setdefault(phrase, {})[payload] = None
        self._payloads: dict[str, tuple[T, ...]] = {k: tuple(v) for k, v in table.items()}
        self._after_lam: frozenset[str] = frozenset()
        if names:
            extra = {"ل" + k[2:]: v for k, v in self._payloads.items()
                     if k.startswith("ال") and len(k) > 3 and "ل" + k[2:] not in self._payloads}
            self._after_lam = frozenset(extra)
            self._payloads.update(extra)
        self._suffixes = tuple(sorted(set(suffixes), key=len, reverse=True))
        # the last word of each phrase: a text that ends with none of them has no hit that ends where it ends
        self._last_words = tuple(sorted({phrase.rsplit(" ", 1)[-1] for phrase in self._payloads}))
        self._longest = max(map(len, self._payloads), default=0)
        # the automaton of _own_automaton once built (not a functools.cached_property: a compiled class has no
        # __dict__ to keep one in, and would build the automaton again on every find)
        self._lazy: Any = None

    def _own_automaton(self) -> Any:
        """This matcher's own automaton, built when `find` first needs it: a matcher read only through a
        PhraseScanner (the trigger forms, the gazetteer's names) never builds one, which keeps loading fast."""
        if self._lazy is None:
            self._lazy = _automaton({phrase: [(0, payloads, phrase in self._after_lam)]
                                     for phrase, payloads in self._payloads.items()})
        return self._lazy

    def __len__(self) -> int:
        return len(self._payloads)

    def _right_ok(self, text: str, end: int) -> int | None:
        """End of the word when the match may end at `end`, else None."""
        if end >= len(text) or not is_word_char(text[end]):
            return end
        for suf in self._suffixes:
            stop = end + len(suf)
            if text.startswith(suf, end) and (stop >= len(text) or not is_word_char(text[stop])):
                return stop
        return None

    def find(self, text: str) -> list[Hit[T]]:
        """The hits of this matcher's phrases in `text`, leftmost-longest."""
        if not self._payloads:
            return []
        return _scan(self._own_automaton(), (self,), text)[0]

    def find_spanning(self, text: str, points: Sequence[int]) -> list[Hit[T]]:
        """The hits of `find(text)` that span one of `points` (start < point < end), from a scan of windows
        around the points only. A hit that spans a point, and every hit leftmost-longest weighs before it, ends
        within `reach` of the point; a window opens at a space no phrase covers, where leftmost-longest starts
        afresh: its hits are the whole text's."""
        if not self._payloads or not points:
            return []
        automaton = self._own_automaton()
        reach = self._longest + _PROCLITIC_MAX + 1
        windows: list[tuple[int, int]] = []
        for c in sorted(points):
            lo, hi = self._fresh_start(automaton, text, c - reach), min(len(text), c + reach)
            while windows and lo <= windows[-1][1]:  # (overlapping windows make one)
                lo = min(lo, windows.pop()[0])
            windows.append((lo, hi))
        return [h for lo, hi in windows for h in _scan(automaton, (self,), text, lo, hi)[0]
                if any(h.start < c < h.end for c in points)]

    def _fresh_start(self, automaton: Any, text: str, pos: int) -> int:
        """The last space at or before `pos` that no phrase of this matcher covers (0 when there is none): no
        hit reaches across it."""
        longest = self._longest
        while pos > 0:
            pos = text.rfind(" ", 0, pos + 1)
            if pos <= 0:
                return 0
            # (an automaton entry's [1] is its phrase's length)
            covering = [last + 1 - entry[1] for last, entry in automaton.iter(text, max(0, pos - longest + 1),
                                                                                min(len(text), pos + longest))
                        if last + 1 - entry[1] <= pos <= last]
            if not covering:
                return pos
            pos = min(covering) - 1
        return 0

    def find_ending(self, text: str) -> list[Hit[T]]:
        """The hits of `find(text)` that end where the text ends (a phrase right before a position, the text
        being the words before it). A hit that ends there ends with its phrase's last word: a text that ends
        with no phrase's last word (str.endswith over them, in C) has none, and is not scanned."""
        if not text.endswith(self._last_words):
            return []
        return [h for h in self.find(text) if h.end == len(text)]


# what the automaton keeps for a phrase, ready for its hits: the phrase, its length, and for each matcher that
# has it: the matcher's index, the phrase's payloads there, whether it is a name's form after ل
_Entry = tuple[str, int, tuple[tuple[int, tuple[Any, ...], bool], ...]]


def _automaton(table: dict[str, list[tuple[int, tuple[Any, ...], bool]]]) -> Any:
    automaton = ahocorasick.Automaton()
    for phrase, owners in table.items():
        automaton.add_word(phrase, (phrase, len(phrase), tuple(owners)))
    if table:
        automaton.make_automaton()
    return automaton


def _scan(automaton: Any, matchers: Sequence[PhraseMatcher[Any]], text: str, lo: int = 0,
          hi: int = -1) -> list[list[Hit[Any]]]:
    """One pass of `automaton` over `text` (over the phrases inside text[lo:hi] when `hi` >= 0, the text
    around them read as it stands): the hits of each matcher, as its rules allow them (proclitics before,
    suffixes after, the article rules of names), leftmost-longest."""
    raw: list[list[tuple[int, int, int, int, str, str, tuple[Any, ...]]]] = [[] for _ in matchers]
    n = len(text)
    extra = _WORD_NOT_ALNUM
    entry: _Entry
    for last, entry in automaton.iter(text, lo, hi) if hi >= 0 else automaton.iter(text):
        phrase, length, owners = entry
        end = last + 1
        start = end - length
        ws = start
        prefix = ""
        if start > 0 and ((c := text[start - 1]).isalnum() or c in extra):  # inside a word
            if c not in _PROCLITIC_LAST:
                continue
            ws -= 1
            floor = max(0, start - _PROCLITIC_MAX)
            while ws > floor and is_word_char(text[ws - 1]):
                ws -= 1
            if ws > 0 and is_word_char(text[ws - 1]):
                continue
            prefix = text[ws:start]
            if prefix not in PROCLITIC_SEQUENCES:  # (is_proclitic_sequence, without a Python call)
                continue
        word_goes_on = end < n and ((c := text[end]).isalnum() or c in extra)
        for k, payloads, after_lam in owners:
            m = matchers[k]
            if prefix and m._verbs and phrase in m._verbs and _before_noun(prefix):
                continue
            if m._names:
                if after_lam:
                    if not prefix.endswith("ل"):
                        continue
                elif prefix.endswith("ال") or prefix.endswith("لل"):
                    continue
            if word_goes_on and m._right_ok(text, end) is None:
                continue
            raw[k].append((ws, start - end, start, end, prefix, phrase, payloads))
    return [_leftmost_longest(found) for found in raw]


def _before_noun(prefix: str) -> bool:
    """Whether a run of proclitics ends in one that stands only before a noun (the article, ب or ك)."""
    return prefix.endswith(("ال", "لل", "ب", "ك"))


def _leftmost_longest(found: list[tuple[int, int, int, int, str, str, tuple[Any, ...]]]) -> list[Hit[Any]]:
    """One matcher's raw matches (word start, -length, start, end, prefix, phrase, payloads) as hits that do
    not overlap: by word start, the longest first."""
    found.sort()
    hits: list[Hit[Any]] = []
    last_end = -1
    new = tuple.__new__  # (Hit's own __new__ is a Python function around this very call)
    for ws, _neg, start, end, prefix, phrase, payloads in found:
        if ws >= last_end:
            hits.append(new(Hit, (start, end, ws, prefix, phrase, payloads)))
            last_end = end
    return hits


class PhraseScanner:
    """Several phrase matchers in one automaton: one pass over a text gives each matcher's hits, the same as
    its own `find` would, for the price of one pass instead of one per lexicon."""

    def __init__(self, matchers: Sequence[PhraseMatcher[Any]]) -> None:
        self.matchers = tuple(matchers)
        table: dict[str, list[tuple[int, tuple[Any, ...], bool]]] = {}
        for k, m in enumerate(self.matchers):
            for phrase, payloads in m._payloads.items():
                table.setdefault(phrase, []).append((k, payloads, phrase in m._after_lam))
        self._automaton = _automaton(table)

    def scan(self, text: str) -> ScannedPhrases:
        """One pass over `text`: every matcher's hits."""
        found = _scan(self._automaton, self.matchers, text) if self.matchers else []
        return ScannedPhrases(text, {id(m): tuple(h) for m, h in zip(self.matchers, found, strict=True)})


class ScannedPhrases:
    """The hits of a scanner's matchers over one text."""

    __slots__ = ("text", "_hits")

    def __init__(self, text: str, hits: dict[int, tuple[Hit[Any], ...]]) -> None:
        self.text = text
        self._hits = hits

    def of(self, matcher: PhraseMatcher[T]) -> tuple[Hit[T], ...]:
        """The matcher's hits over the text (found now when the scanner did not hold it)."""
        found = self._hits.get(id(matcher))
        if found is None:
            found = tuple(matcher.find(self.text))
            self._hits[id(matcher)] = found
        return found


class SpanSet:
    """Spans [start, end) to test others against for overlap in O(log n): starts sorted, with the running
    maximum of the ends."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._max_end: list[int] = []
        top = -1
        for _, e in ordered:
            top = max(top, e)
            self._max_end.append(top)

    def overlaps(self, start: int, end: int) -> bool:
        """True when some span starts before `end` and ends after `start`."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._max_end[k - 1] > start


def not_qualified(text: str, end: int) -> bool:
    """No adjective right after a word that ends at `end` (القطاع الخاص، الباب الخلفي، الباب المفتوح: an everyday
    word that names a place is a noun there): the next word is not a definite nisba, participle or الخاص/العام."""
    nxt = text[end + 1:].split(maxsplit=1)[:1] if text[end:end + 1] == " " else []
    word = nxt[0].strip(".,،؛:\"»)") if nxt else ""
    return not (word.startswith("ال") and (word.endswith(("ي", "يه", "يين", "يون", "يات")) or word.startswith("الم")
                                            or word in ("الخاص", "العام")))

"""The layers of one text that every recognizer reads: the normalized text with its map back to the original
offsets (`normalize`), its sentences and tokens (`segment`).

Compiled with mypyc (the rules read them hundreds of times per article: a sentence's span, `sentence_at`,
`to_original`), while the modules that make them stay Python (normalize and segment ran no faster compiled);
those modules re-export these types. All spans are offsets into the *normalized* text; `Normalized.to_original`
maps them back.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from .words import Token


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text and, for each of its characters, the offset of the original character."""

    text: str
    index: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalized span [start, end) to the original text."""
        if end <= start:
            pos = self.index[start] if start < len(self.index) else self.original_length
            return pos, pos
        return self.index[start], self.index[end - 1] + 1

    def from_original(self, pos: int) -> int:
        """The first normalized offset whose original offset is at or after `pos`."""
        lo, hi = 0, len(self.index)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.index[mid] < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class Sentence:
    """A sentence of the normalized text: its index and span."""
    index: int
    start: int
    end: int

    def __init__(self, index: int, start: int, end: int) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


@dataclass(frozen=True, slots=True)
class Segmented:
    """Sentences and tokens of a normalized text. No token crosses a sentence's edge."""

    text: str
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)  # of the sentences, for sentence_at
    _token_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)  # of the tokens, for sentence_tokens

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple([s.start for s in self.sentences]))
        object.__setattr__(self, "_token_starts", tuple([t[1] for t in self.tokens]))

    def sentence_at(self, pos: int) -> Sentence:
        """The sentence holding normalized offset `pos` (the first one before its start, the last one when `pos`
        is past the end)."""
        return self.sentences[max(0, bisect_right(self._starts, pos) - 1)]

    def sentence_tokens(self, sentence: Sentence) -> tuple[Token, ...]:
        """The tokens of one sentence."""
        starts = self._token_starts
        return self.tokens[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]

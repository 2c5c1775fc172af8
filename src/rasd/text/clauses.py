"""The clause layer: each sentence cut into typed clauses, once per document, for every later rule to read.

A clause runs from its opener to the next opener or the sentence's end; an aside (a parenthesis, or a pair of
dashes) is a clause of its own, and what follows it goes on as the clause it interrupted. The partition is flat
(a relative clause is not nested inside the clause it qualifies): a rule asks "what kind of clause is this
position in" and "where does this clause end", which is what the event rules need.

What opens a clause (the words come from cues.yaml, the punctuation from the normalized text):
- MAIN: the start of a sentence;
- CONTINUES: a clause-break cue (… بنظيره، قبل أن يتوجه إلى …): another predicate of the same subject;
- COMMA: right after a comma, a comma-clause word (، فيما دعت …) or a known name written with ف (، فميناء …):
  a predicate with a subject of its own;
- RELATIVE: a relative pronoun (الذي، التي، الذين …) qualifying the noun before it;
- PURPOSE: a purpose opener (بهدف، من أجل، بغية …): what an action aims at, not a happening;
- SPEECH: the complementizer (إن/أن) or colon after a speech verb: what a speaker says;
- BACKGROUND: منذ and the like: a past happening told as background;
- ASIDE: an opening parenthesis, or a dash with a closing dash later in the sentence.

All offsets are into the normalized text (Normalized.to_original maps them back); token ranges index
Segmented.tokens.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from operator import attrgetter

from .segment import Segmented, Sentence, Token

# how many tokens after a speech verb its complementizer may stand (قال المتحدث باسم الجيش في بيان إن …)
SPEECH_REACH = 8
_START = attrgetter("start")
# (normalized: أن and إن are written ان)
COMPLEMENTIZERS = frozenset({"ان", "بان", "وان", "فان"})


class ClauseOpen(Enum):
    """How a clause opens (what kind of clause it is)."""

    MAIN = "main"
    CONTINUES = "continues"
    COMMA = "comma"
    RELATIVE = "relative"
    PURPOSE = "purpose"
    SPEECH = "speech"
    BACKGROUND = "background"
    ASIDE = "aside"


# Sets of kinds are tuples: `in` a tuple compares members by identity, while a frozenset calls Enum.__hash__,
# a Python function even in the compiled build.
ClauseKinds = tuple[ClauseOpen, ...]

# clauses whose predicate has the sentence's subject (the others name their own, or none)
_CARRIES_SUBJECT: ClauseKinds = (ClauseOpen.MAIN, ClauseOpen.CONTINUES, ClauseOpen.PURPOSE, ClauseOpen.ASIDE)


_BREAKS: ClauseKinds = (ClauseOpen.CONTINUES, ClauseOpen.COMMA)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class Clause:
    """One clause: its span, sentence, token range [first_token, end_token) and how it opens."""

    index: int
    sentence: int
    start: int
    end: int
    first_token: int
    end_token: int
    opens: ClauseOpen
    carries_subject: bool  # its predicate goes on with the sentence's subject
    resumes: bool = False  # the rest of a clause an aside interrupted (opened by no word of its own)

    def __init__(self, index: int, sentence: int, start: int, end: int, first_token: int, end_token: int,
                 opens: ClauseOpen, carries_subject: bool, resumes: bool = False) -> None:
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "first_token", first_token)
        object.__setattr__(self, "end_token", end_token)
        object.__setattr__(self, "opens", opens)
        object.__setattr__(self, "carries_subject", carries_subject)
        object.__setattr__(self, "resumes", resumes)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class Opener:
    """A position where a clause of kind `opens` starts (normalized offset); `until` ends an aside."""

    pos: int
    opens: ClauseOpen
    until: int | None = None

    def __init__(self, pos: int, opens: ClauseOpen, until: int | None = None) -> None:
        object.__setattr__(self, "pos", pos)
        object.__setattr__(self, "opens", opens)
        object.__setattr__(self, "until", until)


@dataclass(frozen=True, slots=True)
class Clauses:
    """The clauses of one document, in text order, with look-ups by position and by sentence."""

    items: tuple[Clause, ...]
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _by_sentence: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(c.start for c in self.items))
        ranges: dict[int, tuple[int, int]] = {}
        for k, c in enumerate(self.items):
            lo, _hi = ranges.get(c.sentence, (k, k))
            ranges[c.sentence] = (lo, k + 1)
        top = max(ranges, default=-1)
        object.__setattr__(self, "_by_sentence", tuple(ranges.get(i, (0, 0)) for i in range(top + 1)))

    def at(self, pos: int) -> Clause | None:
        """The clause holding normalized offset `pos` (None before the first one or in an empty document)."""
        k = bisect_right(self._starts, pos) - 1
        return self.items[k] if k >= 0 and pos < self.items[k].end else None

    def of_sentence(self, index: int) -> tuple[Clause, ...]:
        """The clauses of sentence `index`, in text order."""
        if index >= len(self._by_sentence):
            return ()
        lo, hi = self._by_sentence[index]
        return self.items[lo:hi]

    def breaks(self) -> list[tuple[int, bool]]:
        """Where a clause-break cue or a comma clause starts a clause, each with whether the clause goes on
        with the sentence's subject, in text order (what event drafting cuts a sentence at)."""
        return [(c.start, c.carries_subject) for c in self.items
                if c.opens in _BREAKS and not c.resumes]

    def starts_within(self, lo: int, hi: int, kinds: ClauseKinds) -> list[Clause]:
        """The clauses of the given kinds that start in [lo, hi)."""
        return [c for c in self.items[bisect_left(self._starts, lo):bisect_left(self._starts, hi)]
                if c.opens in kinds]


def build_clauses(seg: Segmented, openers: Iterable[Opener]) -> Clauses:
    """Cuts every sentence at its openers: each clause runs to the next opener, the end of an aside, or the
    sentence's end; after an aside the interrupted clause goes on. Of two openers at one place the one of
    lower _RANK wins (a comma clause's own subject over a clause break's)."""
    by_sentence: dict[int, list[Opener]] = {}
    for op in sorted(openers, key=lambda o: (o.pos, _RANK[o.opens._value_])):
        by_sentence.setdefault(seg.sentence_at(op.pos).index, []).append(op)
    toks = seg.tokens
    items: list[Clause] = []
    lo = 0
    for sent in seg.sentences:
        mine = by_sentence.get(sent.index)
        pieces = _Cutter(sent).cut(mine) if mine else [_Piece(sent.start, sent.end, ClauseOpen.MAIN, False)] \
            if sent.end > sent.start else []
        for piece in pieces:
            items.append(Clause(index=len(items), sentence=sent.index, start=piece.start, end=piece.end,
                                first_token=(lo := bisect_left(toks, piece.start, lo, key=_START)),
                                end_token=(lo := bisect_left(toks, piece.end, lo, key=_START)), opens=piece.opens,
                                carries_subject=piece.opens in _CARRIES_SUBJECT, resumes=piece.resumes))
    return Clauses(tuple(items))


# (keyed by the kind's value: an Enum's __hash__ runs as Python even in the compiled build)
_RANK = {kind._value_: k for k, kind in enumerate(ClauseOpen)}
_RANK[ClauseOpen.COMMA._value_] = -1


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class _Piece:
    start: int
    end: int
    opens: ClauseOpen
    resumes: bool

    def __init__(self, start: int, end: int, opens: ClauseOpen, resumes: bool) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "opens", opens)
        object.__setattr__(self, "resumes", resumes)


class _Cutter:
    """Cuts one sentence into pieces at its openers (sorted by position)."""

    def __init__(self, sent: Sentence) -> None:
        self.sent = sent
        self.pieces: list[_Piece] = []
        self.start, self.opens, self.resumes = sent.start, ClauseOpen.MAIN, False
        self.pending: list[tuple[int, ClauseOpen]] = []  # (where an aside ends, the kind that goes on after)

    def _close(self, at: int, opens: ClauseOpen, resumes: bool) -> None:
        if at > self.start:
            self.pieces.append(_Piece(self.start, at, self.opens, self.resumes))
        self.start, self.opens, self.resumes = at, opens, resumes

    def _resume_before(self, pos: int) -> None:
        while self.pending and self.pending[-1][0] <= pos:
            end, kind = self.pending.pop()
            self._close(end, kind, True)

    def cut(self, openers: Sequence[Opener]) -> list[_Piece]:
        """The pieces of the sentence, in order."""
        for op in openers:
            if not self.sent.start < op.pos < self.sent.end:
                continue
            self._resume_before(op.pos)
            if op.pos < self.start or (op.pos == self.start and not self.resumes):
                continue  # (a second opener at one place, or one inside a word already opened)
            interrupted = self.opens
            self._close(op.pos, op.opens, False)
            if op.until is not None and op.until < self.sent.end:
                self.pending.append((op.until, interrupted))
        self._resume_before(self.sent.end)
        self._close(self.sent.end, self.opens, self.resumes)
        return self.pieces


def after_comma(text: str, pos: int) -> bool:
    """Whether the word at `pos` comes right after a comma (spaces between)."""
    before = pos - 1
    while before >= 0 and text[before] == " ":
        before -= 1
    return before >= 0 and text[before] == ","


def speech_openers(tokens: Sequence[Token], verb_ends: Iterable[int]) -> list[Opener]:
    """The reported speech after each speech verb (ending at `verb_ends`): from its complementizer (إن/أن) or
    colon within SPEECH_REACH tokens, in the same sentence (no full stop between)."""
    out: list[Opener] = []
    for end in verb_ends:
        k = bisect_left(tokens, end, key=_START)
        for t in tokens[k:k + SPEECH_REACH]:
            if t.text in (".", "!", "?"):
                break
            if t.text == ":" or (t.kind == "word" and t.text in COMPLEMENTIZERS):
                out.append(Opener(t.end if t.text == ":" else t.start, ClauseOpen.SPEECH))
                break
    return out


def aside_openers(text: str, sentences: Sequence[Sentence]) -> list[Opener]:
    """The asides of the text: a parenthesis to its closing one, a dash to the next dash, within a sentence (a
    lone dash, as in a dateline, opens nothing). Found with str.find, not token by token."""
    out: list[Opener] = []
    for sent in sentences:
        pos = sent.start
        while True:
            found = [(k, ch) for ch in _ASIDE_MARKS if (k := text.find(ch, pos, sent.end)) >= 0]
            if not found:
                break
            k, ch = min(found)
            close = text.find(_CLOSER[ch], k + 1, sent.end)
            while ch == "-" and close >= 0 and not _spaced(text, close):
                close = text.find("-", close + 1, sent.end)
            if close < 0 or (ch == "-" and not _spaced(text, k)):  # (a hyphen inside a word is no dash)
                pos = k + 1
                continue
            out.append(Opener(k, ClauseOpen.ASIDE, until=close + 1))
            pos = close + 1
    return out


def _spaced(text: str, k: int) -> bool:
    """A dash with a space on one side at least (a hyphen joins two words: al-qaeda)."""
    return (k == 0 or text[k - 1].isspace()) or (k + 1 == len(text) or text[k + 1].isspace())


_CLOSER = {"(": ")", "[": "]", "{": "}", "-": "-"}
_ASIDE_MARKS = tuple(_CLOSER)

"""The count grammar's working records: a sentence as its decisions see it (`Frame`, with its triggers indexed
and its running-total cues), the candidates found in it, the cursor along it and the counts it gives.

Apart from count_grammar (which re-exports them) so that the types made several times an article write their
`__init__` out (rasd.records) within the size limits: the generated one runs as Python in the compiled build.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum

from rasd.recognize.count_phrases import Hit, Noun
from rasd.text.words import Token


class CountCue(Enum):
    """How a figure was found; the value is the cue a count records (before any KindSource suffix)."""

    NUMBER_NOUN = "number_noun"  # a number and the noun it counts (12 قتيلا, 30 مدنيا)
    NUMBER_OF_GROUP = "number_of_group"  # a number and من + a group (12 من العمال)
    BARE_NUMBER = "bare_number"  # a number alone, its kind from a trigger (بلغ عدد الجرحى 40)
    DUAL = "dual"  # a dual noun (جنديان = 2)
    SINGULAR = "singular"  # a singular beside a kill or wound word (مقتل صياد = 1)
    BARE_PLURAL = "bare_plural"  # a plural group after a trigger with no number (إصابة مزارعين = vague 3)


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class CountMatch:
    """A count found in normalized text, with its span, kind, value, qualifier, group, scope and nesting."""

    start: int  # normalized span covering number (+qualifier) and count noun
    end: int
    kind: str  # killed wounded displaced missing detained abducted sick affected
    value: int
    qualifier: str
    who: str  # total civilians children women men fighters medics journalists migrants police other
    scope: str  # incident | cumulative
    parent: int | None  # index into the returned list of the count this one is a subset of
    text: str  # norm[start:end]
    cue: str  # the rule that produced it
    goes_on: bool = False  # its sentence only goes on with the toll told before it (إضافة إلى 2243 جريحا)
    high: int | None = None  # the upper end of a range (ما بين 5 و8 قتلى: value 5, high 8)
    by_rise: bool = False  # cumulative only by a rise or "latest toll" cue: a restated incident toll may be one

    def __init__(self, start: int, end: int, kind: str, value: int, qualifier: str, who: str, scope: str,
                 parent: int | None, text: str, cue: str, goes_on: bool = False, high: int | None = None,
                 by_rise: bool = False) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "qualifier", qualifier)
        object.__setattr__(self, "who", who)
        object.__setattr__(self, "scope", scope)
        object.__setattr__(self, "parent", parent)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "cue", cue)
        object.__setattr__(self, "goes_on", goes_on)
        object.__setattr__(self, "high", high)
        object.__setattr__(self, "by_rise", by_rise)


@dataclass(slots=True, init=False)  # __init__ written out (rasd.records), ~20 an article
class Candidate:
    """A count candidate in one sentence (token indices are global): a value and what it counts."""

    # a working record, not frozen: a frozen dataclass costs several times more to build, and there is one per number

    i: int  # first token (number or qualifier)
    vi: int  # first token of the number itself / the noun for nounless candidates
    j: int  # token after the whole candidate (noun, من-phrase, post qualifier)
    nj: int  # token after the number and its noun (where an after-trigger may start)
    start: int
    end: int
    value: int
    qualifier: str
    noun: Noun | None
    who: str
    cue: CountCue
    bare: bool = False  # a number with no noun after it
    extra_kinds: tuple[str, ...] = ()
    date_like: bool = False
    high: int | None = None  # the upper end of a range
    members: tuple[tuple[int, int, str], ...] = ()  # (start, end, group) of the people a dual verb names
    partitive: bool = False  # "ثلاثة منهم مدنيون": a part of the count before it, of the group named after منهم

    def __init__(self, i: int, vi: int, j: int, nj: int, start: int, end: int, value: int, qualifier: str,
                 noun: Noun | None, who: str, cue: CountCue, bare: bool = False, extra_kinds: tuple[str, ...] = (),
                 date_like: bool = False, high: int | None = None, members: tuple[tuple[int, int, str], ...] = (),
                 partitive: bool = False) -> None:
        self.i = i
        self.vi = vi
        self.j = j
        self.nj = nj
        self.start = start
        self.end = end
        self.value = value
        self.qualifier = qualifier
        self.noun = noun
        self.who = who
        self.cue = cue
        self.bare = bare
        self.extra_kinds = extra_kinds
        self.date_like = date_like
        self.high = high
        self.members = members
        self.partitive = partitive


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class ScopeCues:
    """Where a sentence speaks of a running total: its cumulative clauses (token ranges) and its day windows."""

    clauses: tuple[tuple[int, int], ...] = ()  # [a, b) token ranges of the clauses with a running-total cue
    windows: tuple[int, ...] = ()  # tokens where a day window starts (خلال ال 24 ساعة)
    rise_only: tuple[tuple[int, int], ...] = ()  # those of `clauses` whose only cue is a rise (ارتفعت الحصيلة)
    one_day: bool = False  # the sentence dates what it tells to one day or one happening (اليوم, منذ منتصف الليل)

    def __init__(self, clauses: tuple[tuple[int, int], ...] = (), windows: tuple[int, ...] = (),
                 rise_only: tuple[tuple[int, int], ...] = (), one_day: bool = False) -> None:
        object.__setattr__(self, "clauses", clauses)
        object.__setattr__(self, "windows", windows)
        object.__setattr__(self, "rise_only", rise_only)
        object.__setattr__(self, "one_day", one_day)


NO_CUES = ScopeCues()


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class Frame:
    """One sentence as the decisions see it: its tokens [lo, hi), its triggers in order and its scope."""

    norm: str
    toks: Sequence[Token]
    lo: int
    hi: int
    triggers: list[Hit]
    scope: str  # the sentence's: cumulative when any of its clauses speaks of a running total
    cues: ScopeCues = NO_CUES  # where (empty: every figure takes `scope`)
    at: TriggerIndex = field(init=False)

    def __init__(self, norm: str, toks: Sequence[Token], lo: int, hi: int, triggers: list[Hit], scope: str,
                 cues: ScopeCues = NO_CUES) -> None:
        object.__setattr__(self, "norm", norm)
        object.__setattr__(self, "toks", toks)
        object.__setattr__(self, "lo", lo)
        object.__setattr__(self, "hi", hi)
        object.__setattr__(self, "triggers", triggers)
        object.__setattr__(self, "scope", scope)
        object.__setattr__(self, "cues", cues)
        object.__setattr__(self, "at", TriggerIndex(triggers))


class TriggerIndex:
    """A sentence's triggers (in order by (i, j)) indexed by where they start and end, so that the last trigger
    before a figure is found by bisection instead of a pass over all of them."""

    __slots__ = ("hits", "plain", "plain_starts", "by_end")

    def __init__(self, hits: list[Hit]) -> None:
        self.hits = hits
        # the triggers without "!" (list positions, and where they start); "!" ones count only where they end
        self.plain = [k for k, h in enumerate(hits) if not h.label.endswith("!")]
        self.plain_starts = [hits[k].i for k in self.plain]
        self.by_end: dict[int, list[int]] = {}  # token where a trigger ends -> list positions, in order
        for k, h in enumerate(hits):
            self.by_end.setdefault(h.j, []).append(k)

    def ending_at(self, j: int) -> list[Hit]:
        """The triggers ending at token j, in order."""
        return [self.hits[k] for k in self.by_end.get(j, ())]

    def last_before(self, pos: int, lo: int, bang_at: int) -> Hit | None:
        """The last trigger (in order) that ends at or before token pos and starts at or after lo: one without
        "!", or a "!" one that ends at token bang_at."""
        hits, best = self.hits, -1
        p = bisect_right(self.plain_starts, pos) - 1
        while p >= 0:  # back over the few triggers that start before pos but end after it
            h = hits[self.plain[p]]
            if h.i < lo:
                break
            if h.j <= pos:
                best = self.plain[p]
                break
            p -= 1
        for k in self.by_end.get(bang_at, ()):
            h = hits[k]
            if k > best and h.label.endswith("!") and h.i >= lo and h.j <= pos:
                best = k
        return hits[best] if best >= 0 else None


@dataclass(slots=True, init=False)  # __init__ written out (rasd.records)
class Before:
    """What the sentence said before a candidate: the last count emitted, its index, and the last break."""

    # a cursor moved along the sentence: one per sentence, updated in place

    prev: Candidate | None
    prev_idx: int  # -1 without a previous count
    prev_match: CountMatch | None
    last_break: int  # the token after the last break word

    def __init__(self, prev: Candidate | None, prev_idx: int, prev_match: CountMatch | None, last_break: int) -> None:
        self.prev = prev
        self.prev_idx = prev_idx
        self.prev_match = prev_match
        self.last_break = last_break

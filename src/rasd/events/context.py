"""What event assembly reads of one document (DocContext), the trigger hits and drafts it works on, and the
small text helpers every resolver shares."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple, TypeVar, cast

from ..recognize.counts import CountMatch
from ..recognize.dates import DateMatch
from ..recognize.linking import ActorMention, PlaceMention
from ..recognize.matcher import Hit, PhraseMatcher, ScannedPhrases
from ..records import ActorRef, LocationRef, MentionKind, is_unlinked
from ..resources.actors import Actor
from ..resources.gazetteer import Place
from ..resources.lexicon import Trigger
from ..text.clauses import Clauses
from ..text.normalize import Normalized
from ..text.segment import Segmented, Sentence

VIOLENT_FAMILIES = frozenset({"violence", "territory", "abduction", "siege", "arrest", "looting"})
PLACE_FALLBACK_FAMILIES = VIOLENT_FAMILIES | {"displacement", "protest", "agreement"}  # (a truce: the fighting's place)
REPORTER_KINDS = frozenset({"international_org", "media", "government"})
ARMED_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"})
CIVILIAN_WHO = frozenset({"civilians", "children", "women", "migrants", "journalists", "medics"})
SPECIFIC_FEATURES = {"district": 6, "facility": 6, "airport": 6, "port": 6, "base": 6, "camp": 6, "crossing": 6,
                     "village": 5, "town": 5, "city": 5, "admin2": 4, "admin1": 3, "region": 2, "country": 1}


T = TypeVar("T")


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class TriggerHit:
    """A trigger word of the lexicon found in the text (normalized and original offsets)."""

    nstart: int
    nend: int
    prefix: str
    phrase: str
    trigger: Trigger
    start: int  # original offsets
    end: int

    def __init__(self, nstart: int, nend: int, prefix: str, phrase: str, trigger: Trigger, start: int,
                 end: int) -> None:
        object.__setattr__(self, "nstart", nstart)
        object.__setattr__(self, "nend", nend)
        object.__setattr__(self, "prefix", prefix)
        object.__setattr__(self, "phrase", phrase)
        object.__setattr__(self, "trigger", trigger)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


class MentionRef(NamedTuple):
    """A mention of the document by its kind and its span in the original text; the pipeline numbers the
    mentions and maps each reference to the id of its mention (DocContext.mention_ids). A named tuple, not a
    dataclass: it is made and hashed for every mention an event names, and a tuple's hash and equality run
    in C (a frozen dataclass's cost 3-4 times as much in pure Python)."""

    kind: MentionKind
    start: int
    end: int


def mention_ref(kind: MentionKind, start: int, end: int) -> MentionRef:
    """MentionRef(kind, start, end), made by tuple.__new__: a named tuple's own __new__ is a Python function around
    this very call (~140 references an article, from compiled code)."""
    return tuple.__new__(MentionRef, (kind, start, end))


@dataclass(frozen=True, slots=True)
class DocContext:
    """Everything event assembly reads of one document, with range look-ups over each kind of mention."""

    text: str
    norm: Normalized
    seg: Segmented
    triggers: tuple[TriggerHit, ...]
    counts: tuple[CountMatch, ...]
    dates: tuple[DateMatch, ...]
    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    country: str | None
    published: str | None
    clauses: Clauses  # every sentence cut into typed clauses (rasd.text.clauses)
    phrases: ScannedPhrases | None = None  # the cue matchers' hits, when a scan of all the lexicons made them
    # the id of each actor, place and trigger mention (the first of its kind on its span), the kinds an event
    # names; without it, events name no mentions
    mention_ids: dict[MentionRef, str] | None = None
    # start offsets of each list (all are in text order), for range look-ups that keep assembly linear
    _actor_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _place_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _count_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _date_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _count_ends: tuple[tuple[int, int], ...] = field(init=False, repr=False, compare=False)  # (end, start)
    _triggers_by_start: tuple[TriggerHit, ...] = field(init=False, repr=False, compare=False)
    _trigger_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _paragraphs: tuple[int, ...] = field(init=False, repr=False, compare=False)  # per sentence
    # hits of the cue matchers over the whole text (the scan's, or found once per document when there was no
    # scan) with their word starts, keyed by matcher
    _phrases: ScannedPhrases = field(init=False, repr=False, compare=False)
    _cue_hits: dict[int, tuple[tuple[Hit[Any], ...], tuple[int, ...]]] = field(
        init=False, repr=False, compare=False)
    _memo: dict[str, Any] = field(init=False, repr=False, compare=False)  # what memo() has made

    def __post_init__(self) -> None:
        object.__setattr__(self, "_actor_starts", tuple(m.nstart for m in self.actors))
        object.__setattr__(self, "_place_starts", tuple(p.nstart for p in self.places))
        object.__setattr__(self, "_count_starts", tuple(c.start for c in self.counts))
        object.__setattr__(self, "_date_starts", tuple(d.start for d in self.dates))
        object.__setattr__(self, "_count_ends", tuple(sorted((c.end, c.start) for c in self.counts)))
        by_start = tuple(sorted(self.triggers, key=lambda th: th.nstart))
        object.__setattr__(self, "_triggers_by_start", by_start)
        object.__setattr__(self, "_trigger_starts", tuple(th.nstart for th in by_start))
        object.__setattr__(self, "_paragraphs", tuple(paragraph_ids(self.norm.text, self.seg.sentences)))
        object.__setattr__(self, "_phrases", self.phrases or ScannedPhrases(self.norm.text, {}))
        object.__setattr__(self, "_cue_hits", {})
        object.__setattr__(self, "_memo", {})

    def memo(self, key: str, make: Callable[[], T]) -> T:
        """What make() returns, made once per document (an index that a per-mention step reads)."""
        if key not in self._memo:
            self._memo[key] = make()
        return cast(T, self._memo[key])

    def hits_in(self, matcher: PhraseMatcher[Any], lo: int, hi: int) -> list[Hit[Any]]:
        """The matcher's hits over the whole text that lie in [lo, hi) (normalized offsets, absolute)."""
        found = self._cue_hits.get(id(matcher))
        if found is None:
            hits = self._phrases.of(matcher)
            found = (hits, tuple(h.word_start for h in hits))
            self._cue_hits[id(matcher)] = found
        hits, starts = found
        a = bisect_left(starts, lo)
        b = bisect_left(starts, hi, a)
        if a == b:  # (most look-ups: a window of a few words with no cue in it)
            return []
        return [h for h in hits[a:b] if h.end <= hi]

    def ids_of(self, refs: Iterable[MentionRef]) -> tuple[str, ...]:
        """The ids of the mentions referred to, in the order given (a reference to no mention gives none)."""
        ids = self.mention_ids
        if not ids:
            return ()
        out: list[str] = []
        for r in refs:
            mid = ids.get(r)
            if mid:
                out.append(mid)
        return tuple(out)

    def paragraph(self, sentence: Sentence) -> int:
        """Index of the paragraph (blocks of lines between line breaks) the sentence stands in."""
        return self._paragraphs[sentence.index]

    def paragraph_of(self, index: int) -> int:
        """Index of the paragraph of the sentence numbered `index`."""
        return self._paragraphs[index]

    def actors_in(self, lo: int, hi: int) -> tuple[ActorMention, ...]:
        """Actor mentions starting in [lo, hi) (normalized offsets)."""
        return self.actors[bisect_left(self._actor_starts, lo):bisect_left(self._actor_starts, hi)]

    def places_in(self, lo: int, hi: int) -> tuple[PlaceMention, ...]:
        """Place mentions starting in [lo, hi) (normalized offsets)."""
        return self.places[bisect_left(self._place_starts, lo):bisect_left(self._place_starts, hi)]

    def counts_in(self, lo: int, hi: int) -> tuple[CountMatch, ...]:
        """Counts starting in [lo, hi) (normalized offsets)."""
        return self.counts[bisect_left(self._count_starts, lo):bisect_left(self._count_starts, hi)]

    def counts_holding(self, pos: int) -> list[CountMatch]:
        """The counts whose span holds normalized offset `pos` (found among those starting at most the longest
        count's length before it)."""
        longest = self.memo("longest count", lambda: max((c.end - c.start for c in self.counts), default=0))
        return [c for c in self.counts_in(pos - longest, pos + 1) if c.start <= pos < c.end]

    def triggers_starting_in(self, lo: int, hi: int) -> tuple[TriggerHit, ...]:
        """Trigger hits starting in [lo, hi) (normalized offsets), in order of their start."""
        starts = self._trigger_starts
        return self._triggers_by_start[bisect_left(starts, lo):bisect_left(starts, hi)]

    def first_count_start(self, lo: int, hi: int) -> int | None:
        """Where the first count starting in [lo, hi) starts, or None."""
        k = bisect_left(self._count_starts, lo)
        return self._count_starts[k] if k < len(self._count_starts) and self._count_starts[k] < hi else None

    def last_count_end(self, lo: int, hi: int) -> int | None:
        """The last end of a count that lies in [lo, hi] (starts at or after lo, ends at or before hi), or None."""
        ends = self._count_ends
        k = bisect_left(ends, (hi + 1, -1)) - 1
        while k >= 0 and ends[k][0] > lo:  # back over the few counts that end here but start before lo
            if ends[k][1] >= lo:
                return ends[k][0]
            k -= 1
        return None

    def dates_in(self, lo: int, hi: int) -> tuple[DateMatch, ...]:
        """Date expressions starting in [lo, hi) (normalized offsets)."""
        return self.dates[bisect_left(self._date_starts, lo):bisect_left(self._date_starts, hi)]


@dataclass(slots=True, init=False)  # __init__ written out (rasd.records), ~20 an article
class Draft:
    """An event while it is being assembled (mutable inside the events package only)."""

    trigger: TriggerHit
    sentence: Sentence
    paragraph: int
    sentences: list[Sentence]
    rules: list[str]
    window: tuple[int, int] = (0, 0)  # normalized span whose actors belong to this event
    fallback: bool = False
    opens_clause: bool = False  # its trigger begins a clause after a clause break (قبل أن يتوجه)
    takes_subject: bool = True  # such a clause goes on with the sentence's subject (not a past one: منذ سقوطها)
    clause_start: int = -1  # where the clause its trigger opens begins (-1: at the trigger)
    count_ids: list[int] = field(default_factory=list, init=False)

    def __init__(self, trigger: TriggerHit, sentence: Sentence, paragraph: int, sentences: list[Sentence],
                 rules: list[str], window: tuple[int, int] = (0, 0), fallback: bool = False,
                 opens_clause: bool = False, takes_subject: bool = True, clause_start: int = -1) -> None:
        self.trigger = trigger
        self.sentence = sentence
        self.paragraph = paragraph
        self.sentences = sentences
        self.rules = rules
        self.window = window
        self.fallback = fallback
        self.opens_clause = opens_clause
        self.takes_subject = takes_subject
        self.clause_start = clause_start
        self.count_ids = []


def actor_ref(actor: Actor, mentions: tuple[str, ...]) -> ActorRef:
    """The event's reference to an actor of the dictionary, with the mentions that name it."""
    return ActorRef(id=actor.id, name_en=actor.name_en, name_ar=actor.name_ar, kind=actor.kind,
                    country=actor.country, affiliation=actor.affiliation, mentions=mentions)


def location_ref(p: Place, precision: int, mentions: tuple[str, ...]) -> LocationRef:
    """The event's reference to a place of the gazetteer, with its geo precision and the mentions naming it."""
    # (an unlinked place at its country's point says so by `country`: it is no part of the country as a place)
    within = (p.parent or "", p.variants_en[0], p.variants_ar[0]) \
        if is_unlinked(p.id) and p.parent != p.country.lower() else None
    return LocationRef(id=p.id, name_en=p.name_en, name_ar=p.name_ar, country=p.country, admin1=p.admin1,
                       lat=p.lat, lon=p.lon, geo_precision=precision, feature=p.feature, mentions=mentions,
                       within=within)


def within(starts: list[tuple[int, bool]], lo: int, hi: int) -> list[tuple[int, bool]]:
    """The clause starts in [lo, hi), from the document's sorted list."""
    return starts[bisect_left(starts, (lo, False)):bisect_left(starts, (hi, False))]


def words_from(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Spans of the first `limit` space-separated words of text[start:end], punctuation-trimmed; stops at a
    clause mark."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end and len(out) < limit:
        while i < end and text[i] == " ":
            i += 1
        if i >= end or text[i] in ",.;:\"()\n":
            break
        j = i
        while j < end and text[j] not in " ,.;:\"()\n":
            j += 1
        out.append((i, j))
        i = j
        if i < end and text[i] != " ":
            break
    return out


def word_start(text: str, pos: int) -> int:
    """Where the word holding `pos` begins (before its proclitics)."""
    while pos > 0 and not text[pos - 1].isspace() and text[pos - 1] not in "(\"«":
        pos -= 1
    return pos


def rstrip(text: str, start: int, end: int) -> int:
    """The end of text[start:end] without trailing spaces and sentence marks."""
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;"):
        end -= 1
    return end


def paragraph_ids(text: str, sentences: Sequence[Sentence]) -> list[int]:
    """The paragraph index of each sentence (paragraphs are counted by line breaks)."""
    out: list[int] = []
    para = 0
    last = 0
    for s in sentences:
        para += text.count("\n", last, s.start)
        last = s.start
        out.append(para)
    return out

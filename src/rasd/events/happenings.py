"""One event per happening: where one sentence tells two incidents of one kind (two strikes on two places), and
which of a sentence's events each figure belongs to. Restatements of one happening (a headline and its body, a
quote, a subset toll) are joined afterwards by merge.merge_same."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence

from ..recognize.counts import CountMatch
from ..recognize.linking import PlaceMention
from ..records import LocationRef
from ..text.segment import Sentence
from ..text.words import word_spans_before
from .background import OWN_SUBJECT
from .context import DocContext, Draft, TriggerHit, location_ref, mention_ref, word_start
from .place import PlaceDecision, geo_precision
from .rules import PlaceRule

# the families whose incidents are told one after another in a sentence, each with its own place
INCIDENT_FAMILIES = frozenset({"violence", "abduction", "arrest", "protest", "displacement"})


# a headline is a first line of at most this many words, with no full stop, that more text follows
HEADLINE_WORDS = 25


def headline_end(ctx: DocContext) -> int:
    """Where the report's headline ends (normalized offset; 0 when it has none)."""
    return ctx.memo("headline end", lambda: _headline_end(ctx.norm.text))


def _headline_end(text: str) -> int:
    end = text.find("\n")
    line = text[:end].strip() if end > 0 else ""
    if not line or line.endswith((".", ":")) or len(line.split()) > HEADLINE_WORDS or not text[end:].strip():
        return 0
    return end


def _place_after(ctx: DocContext, lo: int, hi: int) -> str | None:
    """The id of the first place named in [lo, hi) (normalized offsets), or None."""
    places = ctx.places_in(lo, hi)
    return places[0].place.id if places else None


def _comma_between(text: str, lo: int, hi: int) -> int | None:
    """Where the word after the last comma (or semicolon) in text[lo:hi] starts, or None."""
    k = max(text.rfind(",", lo, hi), text.rfind("،", lo, hi), text.rfind(";", lo, hi))
    if k < 0:
        return None
    k += 1
    while k < hi and text[k] == " ":
        k += 1
    return k


def incident_breaks(ctx: DocContext, sent: Sentence, hits: Sequence[TriggerHit]) -> list[tuple[int, bool]]:
    """Clause starts between two triggers of one family that a comma parts and that each name a place of their
    own (قتل شخصان في قصف على بلدة أ، وثلاثة آخرون في غارة على قرية ب): two incidents, each its own event.
    Each start goes on with the sentence's subject (True), as a clause-break cue's does."""
    text = ctx.norm.text
    ordered = sorted((h for h in hits if h.trigger.family in INCIDENT_FAMILIES), key=lambda h: h.nstart)
    out: list[tuple[int, bool]] = []
    for k in range(1, len(ordered)):
        a, b = ordered[k - 1], ordered[k]
        if a.trigger.family != b.trigger.family:
            continue
        cut = _comma_between(text, a.nend, b.nstart)
        if cut is None:
            continue
        nxt = ordered[k + 1].nstart if k + 1 < len(ordered) else sent.end
        place_a = _place_after(ctx, a.nend, cut)
        place_b = _place_after(ctx, b.nend, nxt)
        if place_a is not None and place_b is not None and place_a != place_b:
            out.append((cut, True))
    return out


def _holds(ctx: DocContext, d: Draft, cm: CountMatch) -> bool:
    """A figure that no happening of its sentence takes belongs to an accusation told before it in its clause
    that lists the crime it counts (اتهم … باحتجاز ما يزيد على مئتي شخص)."""
    if d.trigger.trigger.family != "accuse" or d.trigger.nend > cm.start \
            or ctx.clauses.starts_within(d.trigger.nend, cm.start, OWN_SUBJECT):
        return False
    return any(cm.kind in th.trigger.counts for th in ctx.triggers_starting_in(d.trigger.nend, cm.start))


def clause_of(starts: Sequence[int], pos: int) -> int:
    """The number of the clause (0 for the first) that `pos` stands in, given the sorted clause starts."""
    return bisect_right(starts, pos)


def owner_in_sentence(ctx: DocContext, drafts: Sequence[Draft], cm: CountMatch,
                      breaks: Sequence[tuple[int, bool]]) -> Draft | None:
    """The draft of the sentence that takes a figure of this kind: the one of the figure's own clause, else the
    first that accepts its kind (a figure told before the strike it belongs to is no other incident); else an
    accusation that holds it (_holds)."""
    first = next((d for d in drafts if cm.kind in d.trigger.trigger.counts), None)
    if first is None:
        return next((d for d in drafts if _holds(ctx, d, cm)), None)
    if not breaks or first.fallback:
        return first
    starts = [pos for pos, _ in breaks]
    own = clause_of(starts, cm.start)
    # (the drafts of the sentence's triggers come first, in text order, before those of its figures)
    for d in drafts:
        if d.fallback or clause_of(starts, d.trigger.nstart) > own:
            break
        if clause_of(starts, d.trigger.nstart) == own and cm.kind in d.trigger.trigger.counts:
            return d
    return first


# the words a bare number may stand apart from its place by (اثنان في رفح، و13 آخرين في مدينة غزة)
BREAKDOWN_GAP = frozenset({"في", "داخل", "اخرون", "اخرين", "اخران", "اخريان", "اخريين", "منهم", "منهن"})
BREAKDOWN_REACH = 5  # words from a place back to the figure of its incident
CLAUSE_MARKS = ",.;:()"


def _figure_before(ctx: DocContext, p: PlaceMention, lo: int, numbers: frozenset[str]) -> bool:
    """A figure tells the incident at this place: a count a few words before it, no clause mark between
    (قتلت امرأتان في قصف على مدينة حماة، قتل شخصان في مدينة الرمادي), or a bare number right before it, only a
    preposition or آخرون between (سبعة في بلدة الخيام، و13 آخرين في مدينة غزة); a year is none. `lo`: where
    the place named before it ends (a figure is never looked for beyond it)."""
    text = ctx.norm.text
    strict = True  # only the words a bare number may stand apart by, so far
    for s, e in reversed(word_spans_before(text, word_start(text, p.nstart), BREAKDOWN_REACH, lo)):
        word = text[s:e]
        if any(c in word for c in CLAUSE_MARKS):
            return False  # (a figure and its place are not parted by a clause mark)
        if any(c.end == e for c in ctx.counts_in(max(0, s - 60), e)):
            return True
        bare = word[1:] if word.startswith("و") and len(word) > 2 else word
        if strict and ((bare.isdigit() and not 1900 <= int(bare) <= 2100) or bare in numbers):
            return True
        strict = strict and word in BREAKDOWN_GAP
    return False


def breakdown_places(ctx: DocContext, d: Draft, lo: int, numbers: frozenset[str],
                     inside: Callable[[str, str], bool]) -> list[PlaceMention]:
    """The places of a toll broken down by place in the draft's clause (أصيب 15، اثنان في رفح و13 في مدينة
    غزة؛ قتل ثلاثة في إدلب واثنان في حلب): each place a figure is told at, when there are two or more once the
    places that hold another of them are left out (the total's region: أصيب 12 في جنوب لبنان، سبعة في الخيام
    وخمسة في كفركلا; a district told inside its town is one incident's detail); each is an incident's place."""
    if d.trigger.trigger.family not in INCIDENT_FAMILIES:
        return []
    told: list[PlaceMention] = []
    prev_end = lo
    for p in ctx.places_in(lo, d.window[1]):
        if all(q.place.id != p.place.id for q in told) and _figure_before(ctx, p, prev_end, numbers):
            told.append(p)
        prev_end = p.nend
    out = [p for p in told if not any(q is not p and inside(q.place.id, p.place.id) for q in told)]
    return out if len(out) >= 2 else []


def breakdown_at(ctx: DocContext, d: Draft, place: PlaceDecision, cumulative: bool, numbers: frozenset[str],
                 inside: Callable[[str, str], bool]) -> tuple[PlaceDecision, tuple[LocationRef, ...]]:
    """The event's place and the places of the other incidents its toll is broken down into (breakdown_places):
    the event takes the first of them (its first figure is that place's); a running toll is never broken down."""
    lo = d.sentence.start if d.window[0] == d.sentence.start else d.trigger.nstart
    spread = [] if cumulative else breakdown_places(ctx, d, lo, numbers, inside)
    if not spread:
        return place, ()
    decisions = [PlaceDecision(location_ref(m.place, geo_precision(m),
                                            ctx.ids_of([mention_ref("place", m.start, m.end)])),
                               PlaceRule.BREAKDOWN, (m.nstart, m.nend)) for m in spread]
    return decisions[0], tuple(x.value for x in decisions[1:] if x.value is not None)

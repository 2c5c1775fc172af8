"""The document's figures as Count records, each with its source, and which of them an event keeps."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from ..records import Count, Event, replaced
from .attribution import Attributor
from .context import CIVILIAN_WHO, DocContext


def document_counts(ctx: DocContext, attributor: Attributor) -> tuple[Count, ...]:
    """Every count of the document as a record, with the source that gives it."""
    sources = [count_source(ctx, k, attributor) for k in range(len(ctx.counts))]
    # a figure with no source of its own has the source of the figure before it in its sentence (a subset,
    # "إضافة إلى 2400 جريح"), or else of the one after it ("قتل 7 وأصيب 12، بحسب مصادر طبية")
    sentence = [ctx.seg.sentence_at(cm.start).index for cm in ctx.counts]
    for k in range(1, len(sources)):
        if sources[k] is None and sentence[k] == sentence[k - 1]:
            sources[k] = sources[k - 1]
    for k in range(len(sources) - 2, -1, -1):
        if sources[k] is None and sentence[k] == sentence[k + 1]:
            sources[k] = sources[k + 1]
    # … or, in a sentence that only goes on with the toll told before it (". إضافة إلى 85 جريحا"), the
    # source of the last figure before that sentence
    for k, cm in enumerate(ctx.counts):
        if sources[k] is None and cm.goes_on:
            before = next((j for j in range(k - 1, -1, -1) if sentence[j] < sentence[k]), None)
            if before is not None and sources[before] is not None:
                sources[k] = sources[before]
    out: list[Count] = []
    for cm, source in zip(ctx.counts, sources, strict=True):
        s, e = ctx.norm.to_original(cm.start, cm.end)
        out.append(Count(kind=cm.kind, value=cm.value, qualifier=cm.qualifier, who=cm.who, scope=cm.scope,
                         start=s, end=e, text=ctx.text[s:e], parent=cm.parent, source_attribution=source,
                         high=cm.high))
    return tuple(out)


def count_source(ctx: DocContext, k: int, attributor: Attributor) -> str | None:
    """Who gives this figure: an attribution right after it (… قتيلا، حسب مصادر طبية), else the speaker of
    the report it stands in (وقالت وزارة الصحة إن …), looked for between it and the figure before it. Two
    sources giving two tolls in one sentence each keep their own."""
    cm = ctx.counts[k]
    sent = ctx.seg.sentence_at(cm.start)
    later = ctx.first_count_start(cm.end, sent.end)
    after_end = later if later is not None else sent.end
    found = attributor.phrase(ctx, cm.end, after_end, introducers_only=True).value
    if found:
        return found
    earlier = ctx.last_count_end(sent.start, cm.start)
    lo = earlier if earlier is not None else sent.start
    return attributor.speaker(ctx, lo, cm.start)


def event_counts(counts: Sequence[Count], count_ids: Sequence[int]) -> tuple[Count, ...]:
    """The figures of one event, in document order; a vague quantity (عشرات القتلى) counts only when it is the
    event's only figure of that kind (ACLED's rule, FORMAT.md); the document's count list keeps it."""
    mine = tuple(counts[i] for i in sorted(set(count_ids)))
    exact_kinds = {c.kind for c in mine if c.qualifier != "vague"}
    return tuple(c for c in mine if c.qualifier != "vague" or c.kind not in exact_kinds)


def victims_civilian(counts: Sequence[Count]) -> bool:
    """The victims are civilians when the event's top-level figures of people killed or wounded say so
    (27 مدنيا بينهم 10 أطفال، وأصيب العشرات), not when civilians are only a part of a larger toll, nor when only
    a running total (a campaign's toll, not this happening's victims) names them."""
    top = [c for c in counts if c.parent is None and c.kind in ("killed", "wounded", "abducted", "missing")
           and c.scope == "incident"]
    told = [c for c in top if c.who == "total" and c.qualifier != "vague" and c.kind == "killed"]
    after = _subsets_after(counts) if told else {}
    civilian = [c for c in told if _told_as_civilians(after, c)]
    return (any(c.who in CIVILIAN_WHO for c in top) or bool(civilian)) \
        and not any(c.who in ("fighters", "police") for c in top) and len(civilian) == len(told)


_WOMEN_AND_CHILDREN = frozenset({"women", "children"})


def _subsets_after(counts: Sequence[Count]) -> dict[str, tuple[list[int], list[frozenset[str]]]]:
    """For each kind, the starts of its subset figures in order and, at each, the groups of the subsets from
    there on: one pass, so that every total reads its own in a look-up (linear in the figures, not quadratic)."""
    by_kind: dict[str, list[tuple[int, str]]] = {}
    for c in counts:
        if c.parent is not None:
            by_kind.setdefault(c.kind, []).append((c.start, c.who))
    out: dict[str, tuple[list[int], list[frozenset[str]]]] = {}
    for kind, subs in by_kind.items():
        subs.sort()
        suffix: list[frozenset[str]] = [frozenset()] * (len(subs) + 1)
        for k in range(len(subs) - 1, -1, -1):
            suffix[k] = suffix[k + 1] | {subs[k][1]} if subs[k][1] not in suffix[k + 1] else suffix[k + 1]
        out[kind] = ([start for start, _ in subs], suffix)
    return out


def _told_as_civilians(after: dict[str, tuple[list[int], list[frozenset[str]]]], total: Count) -> bool:
    """Whether a total toll of an incident is told as one of civilians: its subsets are women and children, both
    (18 قتيلا، بينهم 7 أطفال و4 نساء)."""
    if total.scope != "incident" or total.kind not in after:
        return False
    starts, suffix = after[total.kind]
    return suffix[bisect_right(starts, total.start)] == _WOMEN_AND_CHILDREN


def drop_vague_told_exactly(events: list[Event]) -> list[Event]:
    """The events without the vague figures that an exact figure of the same kind and scope, in an event of the
    same type, tells precisely."""
    # a vague figure (عشرات القتلى) stands only where the report gives no exact one of that kind for the same
    # kind of happening: the vague mention is then the same toll told loosely elsewhere in the text; a running
    # total (78 ألف مصاب منذ بدء الحرب) does not tell one incident's wounded (وأصيب العشرات)
    # (a displacement's scope says less: its figures run on whatever the clause says)
    exact = {_told(e, c) for e in events for c in e.counts if c.qualifier != "vague" and c.parent is None}
    return [replaced(e, counts=tuple(c for c in e.counts if c.qualifier != "vague" or _told(e, c) not in exact))
            if any(c.qualifier == "vague" and _told(e, c) in exact for c in e.counts) else e for e in events]


def _told(e: Event, c: Count) -> tuple[str | None, str, str]:
    """What an exact figure tells a vague one: the event type, the kind, and for the dead and wounded the scope."""
    return e.acled_event_type, c.kind, c.scope if c.kind in ("killed", "wounded") else ""

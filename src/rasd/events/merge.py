"""Within-document merging: events that tell the same happening become one (merge_same, _merge_two), and an
event placed only by the sentence before that goes on telling the one before it joins it (_continue)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import NamedTuple

from ..records import Event, LocationRef
from .kind import TERRITORY_SUBTYPES, territory_subtype
from .rules import MergeRule, PlaceRule


class MergeHint(NamedTuple):
    """What merging needs to know of an event beyond its record: whether it is told as another happening
    (غارة أخرى) and which rule placed it."""

    another: bool
    place_rule: PlaceRule | None


def _counts_clash(a: Event, b: Event) -> bool:
    """Both give an incident figure of the same kind and group, with different values, or one gives only
    incident figures and the other only running totals: two happenings (a day's clash, a campaign's toll)."""
    # a vague figure (عشرات القتلى) retells a toll loosely: it never tells two happenings apart
    inc_a = {(c.kind, c.who): c.value for c in a.counts
             if c.scope == "incident" and c.parent is None and c.qualifier != "vague"}
    inc_b = {(c.kind, c.who): c.value for c in b.counts
             if c.scope == "incident" and c.parent is None and c.qualifier != "vague"}
    if any(k in inc_b and inc_b[k] != v for k, v in inc_a.items()):
        return True
    scopes_a = {c.scope for c in a.counts}
    scopes_b = {c.scope for c in b.counts}
    return len(scopes_a) == 1 and len(scopes_b) == 1 and scopes_a != scopes_b


def _same_kind(a: Event, b: Event) -> bool:
    return (a.acled_event_type, a.acled_sub_event_type, a.plover, a.modality) == \
        (b.acled_event_type, b.acled_sub_event_type, b.plover, b.modality)


def _actors_agree(a: Event, b: Event) -> bool:
    ids_a = {x.id for x in (a.actor1, a.actor2) if x}
    ids_b = {x.id for x in (b.actor1, b.actor2) if x}
    return not ids_a or not ids_b or bool(ids_a & ids_b)


def _dates_agree(a: Event, b: Event) -> bool:
    return a.date.start is None or b.date.start is None or a.date.start == b.date.start


def _merge_two(prev: Event, ev: Event, location: LocationRef | None) -> Event:
    actor2 = prev.actor2
    if actor2 is None and ev.actor2 is not None and (prev.actor1 is None or ev.actor2.id != prev.actor1.id):
        actor2 = ev.actor2
    if actor2 is None and prev.actor1 is not None and ev.actor1 is not None and ev.actor1.id != prev.actor1.id:
        actor2 = ev.actor1
    return replace(
        prev,
        actor1=prev.actor1 or ev.actor1,
        actor2=actor2,
        location=location,
        date=prev.date if prev.date.start else ev.date,
        counts=prev.counts + tuple(c for c in ev.counts if c not in prev.counts),
        evidence=prev.evidence + tuple(s for s in ev.evidence if s not in prev.evidence),
        source_attribution=prev.source_attribution or ev.source_attribution,
        confidence=min(0.99, max(prev.confidence, ev.confidence) + 0.02),
        rules=prev.rules + (MergeRule.MERGED.value,),
    )


def _continues(prev: Event, ev: Event) -> bool:
    """`ev`, placed only by the sentence before, goes on telling `prev` (انسحبت القوات الحكومية … من غريان. وتفيد
    أنباء بأن البلدة باتت في قبضة خصومها): same kind of happening, actors that do not contradict."""
    if (prev.acled_event_type, prev.plover) != (ev.acled_event_type, ev.plover) or prev.acled_event_type is None:
        return False
    if prev.location is None or ev.location is None or prev.location.id != ev.location.id:
        return False
    if _counts_clash(prev, ev):
        return False
    a_prev = [x.id for x in (prev.actor1, prev.actor2) if x]
    return not (ev.actor1 and ev.actor1.id in a_prev[1:] and prev.actor1 and prev.actor1.id != ev.actor1.id)


MODALITY_STRENGTH = {"asserted": 0, "reported": 1, "planned": 2, "called_for": 2, "negated": 3, "denied": 3}


def _continue(prev: Event, ev: Event) -> Event:
    actor1 = prev.actor1 or ev.actor1
    actor2 = prev.actor2
    if prev.actor1 is None and ev.actor1 is not None and prev.actor2 is not None:
        actor1, actor2 = ev.actor1, prev.actor2
    elif actor2 is None and ev.actor1 is not None and (actor1 is None or ev.actor1.id != actor1.id):
        actor2 = ev.actor1
    sub = prev.acled_sub_event_type
    if sub in TERRITORY_SUBTYPES and actor1 is not None:
        sub = territory_subtype(actor1)
    modality = max(prev.modality, ev.modality, key=lambda m: MODALITY_STRENGTH.get(m, 0))
    return replace(prev, actor1=actor1, actor2=actor2, acled_sub_event_type=sub, modality=modality,
                   counts=prev.counts + tuple(c for c in ev.counts if c not in prev.counts),
                   evidence=prev.evidence + tuple(s for s in ev.evidence if s not in prev.evidence),
                   source_attribution=prev.source_attribution or ev.source_attribution,
                   rules=prev.rules + (MergeRule.CONTINUED.value,))


def merge_same(events: list[Event], hints: Sequence[MergeHint], related: Callable[[str, str], bool],
               merged_into: list[int] | None = None) -> list[Event]:
    """Merge events that tell the same happening: same type and modality, agreeing actors and dates, places
    that are the same or one inside the other (a district and its city; `related` decides), and counts that
    do not give two different incident figures of the same kind. A report names its battle many times. An
    event told as another one (غارة أخرى) merges into none before it. `merged_into`, when given, receives for
    each input event the index of the output event it became part of."""
    out: list[Event] = []
    where = merged_into if merged_into is not None else []
    for ev, hint in zip(events, hints, strict=True):
        if hint.another:
            out.append(ev)
            where.append(len(out) - 1)
            continue
        if out and hint.place_rule is PlaceRule.PREVIOUS_SENTENCE and _continues(out[-1], ev):
            out[-1] = _continue(out[-1], ev)
            where.append(len(out) - 1)
            continue
        target, loc = _same_happening(out, ev, related)
        if target is None:
            out.append(ev)
            where.append(len(out) - 1)
        else:
            out[target] = _merge_two(out[target], ev, loc)
            where.append(target)
    return out


def _same_happening(out: list[Event], ev: Event,
                    related: Callable[[str, str], bool]) -> tuple[int | None, LocationRef | None]:
    """The first event of `out` that tells the same happening as `ev`, and the place the two keep."""
    for i, prev in enumerate(out):
        if not _same_kind(prev, ev) or not _actors_agree(prev, ev) or not _dates_agree(prev, ev):
            continue
        if _counts_clash(prev, ev):
            continue
        if prev.location is None or ev.location is None:
            if prev.acled_event_type is None and (prev.location or ev.location):
                continue  # two meetings, one placed and one not, are not evidently one
            return i, prev.location or ev.location
        if prev.location.id == ev.location.id or related(ev.location.id, prev.location.id):
            return i, prev.location
        if related(prev.location.id, ev.location.id):
            return i, ev.location  # keep the more specific place
    return None, None

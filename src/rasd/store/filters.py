"""Query filters for events and tolls, and the SQL conditions and orderings they become."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, union_all

from rasd.store.pgschema import date_floor, has_actor_flag
from rasd.store.schema import Tables, is_canonical
from rasd.store.search import by_dialect, search_condition
from rasd.text.normalize import normalize_name

SortKey = Literal["date", "-date", "confidence", "-confidence", "fatalities", "-fatalities"]
SORT_KEYS: tuple[str, ...] = ("date", "-date", "confidence", "-confidence", "fatalities", "-fatalities")


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a query returns; every field left None matches everything."""

    date_from: str | None = None
    date_to: str | None = None
    country: str | None = None
    place: str | None = None
    actor: str | None = None
    acled_type: str | None = None
    plover: str | None = None
    modality: str | None = None
    min_confidence: float | None = None
    q: str | None = None
    document_id: str | None = None
    merged: bool = True  # one row per happening (its canonical event); False: every document's event


@dataclass(frozen=True, slots=True)
class TollFilter:
    """Which toll points a toll-series query returns; every field left None matches everything."""

    country: str | None = None
    place: str | None = None
    kind: str | None = None
    who: str | None = None
    campaign: str | None = None
    date_from: str | None = None
    date_to: str | None = None


def like_escape(value: str) -> str:
    """`value` with LIKE's wildcards escaped (escape character: backslash)."""
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def event_conditions(t: Tables, f: EventFilter, *, ordered: bool = False, text_scan: bool = False,
                     actor_probe: bool = False) -> list[ColumnElement[bool]]:
    """The WHERE conditions on `events` that select the events `f` asks for (`ordered`: for a sorted page,
    walked in its sort order's index, rather than a count; `text_scan`: test `q` on each row walked, not through
    the text index — cheaper for a page when most events match it; `actor_probe`: likewise look each walked row's
    actors up instead of listing the actor's events first)."""
    e = t.events
    cond: list[ColumnElement[bool]] = []
    if f.merged:
        cond.append(is_canonical(e))
    if f.date_from:
        cond.append(e.c.date_end >= f.date_from)
    if f.date_to:
        cond.append(e.c.date_start <= f.date_to)
    if f.date_from and f.date_to and f.merged and has_actor_flag(t.event_actors):  # PostgreSQL from version 11
        cond.append(e.c.date_start >= date_floor(f.date_from, f.country))  # (an unknown start fails `to` too)
    if f.country:
        cond.append(e.c.country == f.country.upper())
    if f.place:
        cond.append(_any_of(t, f, ordered, *place_alternatives(t, f.place)))
    if f.actor:
        cond.append(_actor_condition(t, f.actor.strip(), ordered=ordered, probe=actor_probe))
    if f.acled_type:
        cond.append(_acled_condition(t, f, ordered))
    return cond + _detail_conditions(t, f, text_scan)


def place_alternatives(t: Tables, place: str) -> tuple[ColumnElement[bool], ...]:
    """The tests of a place filter, any of which selects an event: its id, English (any case) or Arabic name."""
    e, p = t.events, place.strip()
    return e.c.location_id == p, func.lower(e.c.location_name_en) == p.lower(), e.c.location_name_ar == p


def acled_alternatives(t: Tables, acled_type: str) -> tuple[ColumnElement[bool], ...]:
    """The tests of an ACLED type filter, any of which selects an event: its type or sub-type ("none"/"null": the
    one test of having no type)."""
    e = t.events
    if acled_type.lower() in ("none", "null"):
        return (e.c.acled_event_type.is_(None),)
    return e.c.acled_event_type == acled_type, e.c.acled_sub_event_type == acled_type


def _any_of(t: Tables, f: EventFilter, ordered: bool, *alternatives: ColumnElement[bool]) -> ColumnElement[bool]:
    """An OR of `alternatives` (a place's id or names, an ACLED type or sub-type). For a count of canonical events
    each alternative repeats the canonical test: SQLite then counts the OR as one look-up per alternative in the
    canonical covering indexes (a place's count over 100,000 events: 156 -> 6 ms of CPU); it takes an OR
    without it as no use of a partial index. A sorted page keeps the plain OR: it walks its sort order's index."""
    e = t.events
    if f.merged and not ordered:
        return or_(*(and_(is_canonical(e), alt) for alt in alternatives))
    return or_(*alternatives)


def _actor_condition(t: Tables, a: str, *, ordered: bool = False, probe: bool = False) -> ColumnElement[bool]:
    """Events with an actor (any role) whose id, English or Arabic name is `a` (`probe`: a correlated EXISTS, one
    look-up of the row's actors in the primary key of `event_actors` per row walked)."""
    e, ea = t.events, t.event_actors
    names = actor_alternatives(t, a)
    if probe:
        # a page of a frequent actor walks few rows of its sort order to fill up, while listing every event of the
        # actor first costs the same at any depth (33,000 events: page at offset 0, 25 -> 1 ms; offset 2,000,
        # 36 -> 18 ms); reads.walk_is_cheaper decides
        return exists(select(ea.c.event_uid).where(ea.c.event_uid == e.c.uid, or_(*names)))
    # an uncorrelated IN over a UNION ALL: each branch is one covering-index look-up (an OR would read the rows);
    # IN tests membership, so a uid two branches give is no duplicate, and a UNION's own de-duplicating B-tree
    # was a second copy of the list (an actor with 33,000 events: count 72 -> 54 ms, a page 42 -> 19 ms).
    # For a sorted page, `uid || ''` keeps SQLite from driving the query by uid through that list (a look-up
    # and a sort of every match: 630 ms for an actor with 30,000 events, 39 ms so): it walks the sort order's
    # index and tests membership. A count is cheapest driven by the list.
    # PostgreSQL: one scan of event_actors with the three tests ORed (a BitmapOr of the same indexes), whose
    # uids the planner knows the number of; it takes a UNION ALL's for 200 and probes the canonical events' index
    # once per uid instead of hashing them (an actor with 33,000 events, CPU with the database's: count 148 -> 54 ms)
    uid = e.c.uid.concat("") if ordered else e.c.uid
    return by_dialect(uid.in_(union_all(*(select(ea.c.event_uid).where(n) for n in names))),
                      uid.in_(select(ea.c.event_uid).where(or_(*names))))


def actor_alternatives(t: Tables, a: str) -> tuple[ColumnElement[bool], ...]:
    """The tests of an actor filter on `event_actors`, any of which names the actor: its id, English name (any
    case) or Arabic name (`a` already stripped)."""
    ea = t.event_actors
    return ea.c.actor_id == a, func.lower(ea.c.name_en) == a.lower(), ea.c.name_ar == a


def _acled_condition(t: Tables, f: EventFilter, ordered: bool) -> ColumnElement[bool]:
    """Events of an ACLED type or sub-type; "none"/"null" selects events without one."""
    alternatives = acled_alternatives(t, f.acled_type or "")
    if len(alternatives) == 1:
        return alternatives[0]
    return _any_of(t, f, ordered, *alternatives)


def _detail_conditions(t: Tables, f: EventFilter, text_scan: bool = False) -> list[ColumnElement[bool]]:
    """The conditions for PLOVER code, modality, confidence, document and text search."""
    e = t.events
    cond: list[ColumnElement[bool]] = []
    if f.plover:
        cond.append(e.c.plover == f.plover.upper())
    if f.modality:
        cond.append(e.c.modality.in_([m.strip() for m in f.modality.split(",") if m.strip()]))
    if f.min_confidence is not None:
        cond.append(e.c.confidence >= f.min_confidence)
    if f.document_id:
        cond.append(e.c.document_id == f.document_id)
    if f.q:
        needle = normalize_name(f.q)
        if needle:
            cond.append(search_condition(e.c.uid, e.c.search_text, needle, f"%{like_escape(needle)}%",
                                         f.merged and not text_scan))
    return cond


def event_order(t: Tables, sort: str) -> list[Any]:
    """ORDER BY for a sort key (a SORT_KEYS member; "-" descending), ties broken by event uid."""
    e = t.events
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORT_KEYS)}")
    col = {"date": e.c.date_start, "confidence": e.c.confidence, "fatalities": e.c.fatalities}[sort.lstrip("-")]
    if sort.startswith("-"):
        return [col.desc().nulls_last(), e.c.uid]
    return [col.asc().nulls_last(), e.c.uid]


def toll_conditions(t: Tables, f: TollFilter) -> list[ColumnElement[bool]]:
    """The WHERE conditions on `tolls` that select the toll points `f` asks for."""
    tl = t.tolls
    cond: list[ColumnElement[bool]] = []
    if f.country:
        cond.append(tl.c.country == f.country.upper())
    if f.place:
        cond.append(or_(tl.c.place_id == f.place, func.lower(tl.c.place_name_en) == f.place.lower(),
                        tl.c.place_name_ar == f.place))
    if f.kind:
        cond.append(tl.c.kind == f.kind)
    if f.who:
        cond.append(tl.c.who == f.who)
    if f.campaign:
        cond.append(tl.c.campaign == f.campaign)
    if f.date_from:
        cond.append(tl.c.date >= f.date_from)
    if f.date_to:
        cond.append(tl.c.date <= f.date_to)
    return cond

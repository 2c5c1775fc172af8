"""Cross-document merging: events of different documents that report the same happening share one canonical event.

Same happening: same PLOVER and ACLED type, same place, dates within MERGE_WINDOW_DAYS, actors compatible
(one side's actors a subset of the other's), both asserted or reported. Each event's `merged_id` is the uid
of its happening's canonical event (the first stored); `event_sources` lists every report of a happening.

The look-up is an index range per span class (schema version 5): a mergeable event stores the class of its
date range's length (`merge_span`: at most 1, 7, 31 or 366 days, or longer), and the canonical events are
indexed by type, place, class and start date (`ix_events_merge`, covering). An event overlapping the window
[lo, hi] starts in [lo - width of its class, hi], so each class is one bounded range of that index: the rows
read are the stored events of that type and place within a few days (a year for year-long ranges), never
every earlier event of that type and place, and the cost per document does not grow with the store's span.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

from sqlalchemy import Connection, TextClause, insert, select, text

from rasd.records import DocumentInfo, Event
from rasd.store.schema import Tables

MERGE_WINDOW_DAYS = 1
MERGEABLE_MODALITIES = ("asserted", "reported")
SPAN_CLASSES = (1, 7, 31, 366)  # the widths (days from start to end) of the span classes; longer: the last class


def actor_set(ids: Sequence[str | None]) -> frozenset[str]:
    """The actor ids given, without the missing ones."""
    return frozenset(i for i in ids if i)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def merge_span(ev: Event) -> int | None:
    """The span class of a mergeable event (the first of SPAN_CLASSES its date range fits in, len(SPAN_CLASSES)
    beyond them); None for an event that never merges (no place, no date, not asserted or reported)."""
    if ev.location is None or ev.date.start is None or ev.modality not in MERGEABLE_MODALITIES:
        return None
    return span_class(ev.date.start, ev.date.end)


def span_class(start: str, end: str | None) -> int | None:
    """The span class of the date range start..end (None for a date that does not parse)."""
    try:
        days = (date.fromisoformat(end or start) - date.fromisoformat(start)).days
    except ValueError:
        return None
    return next((k for k, width in enumerate(SPAN_CLASSES) if days <= width), len(SPAN_CLASSES))


def backfill_spans(conn: Connection, t: Tables, batch: int = 1000) -> int:
    """Set the span class of every stored mergeable event that has none (a store made before version 5)."""
    e = t.events
    rows = conn.execute(select(e.c.uid, e.c.date_start, e.c.date_end).where(
        e.c.merge_span.is_(None), e.c.location_id.is_not(None), e.c.date_start.is_not(None),
        e.c.modality.in_(MERGEABLE_MODALITIES))).all()
    by_class: dict[int, list[str]] = {}
    for uid, start, end in rows:
        k = span_class(start, end)
        if k is not None:
            by_class.setdefault(k, []).append(uid)
    for k, uids in by_class.items():
        for i in range(0, len(uids), batch):
            conn.execute(e.update().where(e.c.uid.in_(uids[i:i + batch])).values(merge_span=k))
    return sum(map(len, by_class.values()))


def find_merge_target(conn: Connection, t: Tables, ev: Event, doc_id: str) -> str | None:
    """The canonical event of the same happening already stored from another document, if any: of the candidates
    (`merge_candidates`) from another document whose actors are compatible, the one sharing the most actors, then
    the nearest start date, then the lowest uid — chosen in SQL (`LIMIT 1`), so that a dense store's ~100
    candidates per event are compared inside the database instead of being fetched (`best_candidate` is the
    same rule in Python over every candidate; a test holds them equal). Ingest sends a document's look-ups
    together (`target_statement`, through `writes.look_up`)."""
    statement = target_statement(ev, doc_id, conn.dialect.name == "postgresql")
    if statement is None:
        return None
    found = conn.execute(*statement).scalar()
    return str(found) if found is not None else None


def target_statement(ev: Event, doc_id: str, postgres: bool) -> tuple[TextClause, dict[str, Any]] | None:
    """The statement of `find_merge_target` (one row, the target's uid, or none) and its bound values; None for
    an event that never merges. Its text is one of 12 (`_BEST_SQL`), so the driver prepares it."""
    if merge_span(ev) is None or ev.location is None or ev.date.start is None:
        return None
    start = ev.date.start
    try:
        lo, hi = _shift(start, -MERGE_WINDOW_DAYS), _shift(ev.date.end or start, MERGE_WINDOW_DAYS)
    except ValueError:
        return None
    mine = sorted(actor_set([ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None]))
    sql = _BEST_SQL[(postgres, ev.acled_event_type is not None, len(mine))]
    params = {**_candidate_params(ev.plover, ev.acled_event_type, ev.location.id, lo, hi), "doc": doc_id,
              "start": start, **{f"m{k}": m for k, m in enumerate(mine)}}
    return sql, params


def best_candidate(rows: Sequence[Any], ev: Event, doc_id: str) -> str | None:
    """The merge rule over candidate rows (uid, document_id, actor1_id, actor2_id, date_start) in Python: the
    reference `find_merge_target`'s SQL is tested against."""
    start = ev.date.start or ""
    mine = actor_set([ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None])
    best: tuple[int, int, str] | None = None
    for r in rows:
        theirs = actor_set([r.actor1_id, r.actor2_id])
        if r.document_id == doc_id or not (mine <= theirs or theirs <= mine):
            continue
        gap = abs((date.fromisoformat(r.date_start) - date.fromisoformat(start)).days)
        score = (-len(mine & theirs), gap, r.uid)
        if best is None or score < best:
            best = score
    return best[2] if best else None


def _best_sql(postgres: bool, acled_known: bool, n_mine: int) -> str:
    """The SQL of `find_merge_target` for `n_mine` actors (0-2; ids bound as :m0, :m1): the candidates from another
    document whose actors are a subset or a superset of the new event's (an event has at most two, actor1 and
    actor2), ordered by shared actors, date gap and uid (the C collation, as Python compares strings)."""
    mine = [f":m{k}" for k in range(n_mine)]
    shared = " + ".join(f"(CASE WHEN actor1_id = {m} OR actor2_id = {m} THEN 1 ELSE 0 END)" for m in mine)
    compatible = "1 = 1"
    if mine:
        members = ", ".join(mine)
        subset = f"(actor1_id IS NULL OR actor1_id IN ({members})) AND (actor2_id IS NULL OR actor2_id IN ({members}))"
        superset = " AND ".join(f"(actor1_id = {m} OR actor2_id = {m})" for m in mine)
        compatible = f"(({subset}) OR ({superset}))"
    if postgres:
        gap, uid = "abs(CAST(date_start AS date) - CAST(:start AS date))", 'uid COLLATE "C"'
    else:
        gap, uid = "abs(julianday(date_start) - julianday(:start))", "uid"
    order = ", ".join([*([f"{shared} DESC"] if mine else []), gap, uid])
    return (f"SELECT uid FROM ({_candidates_sql(acled_known)}) AS candidates "
            f"WHERE document_id <> :doc AND {compatible} ORDER BY {order} LIMIT 1")


def _candidates_sql(acled_known: bool) -> str:
    """The SQL of `merge_candidates` (one UNION ALL branch per span class), written once: building it with
    SQLAlchemy's expression language on every look-up cost more than running it."""
    acled = "acled_event_type = :acled" if acled_known else "acled_event_type IS NULL"
    branches = []
    for k in range(len(SPAN_CLASSES) + 1):
        since = f" AND date_start >= :since{k}" if k < len(SPAN_CLASSES) else ""
        branches.append("SELECT uid, document_id, actor1_id, actor2_id, date_start FROM events "
                        f"WHERE uid = merged_id AND plover = :plover AND {acled} AND location_id = :place "
                        f"AND merge_span = {k}{since} AND date_start <= :hi AND date_end >= :lo")
    return " UNION ALL ".join(branches)


_CANDIDATES_SQL = (_candidates_sql(False), _candidates_sql(True))  # by whether the ACLED type is known
# find_merge_target's SQL by (PostgreSQL, ACLED type known, number of actors)
_BEST_SQL = MappingProxyType({(pg, acled, n): text(_best_sql(pg, acled, n))
                              for pg in (False, True) for acled in (False, True) for n in range(3)})


def merge_candidates(t: Tables, plover: str, acled: str | None, place: str, lo: str, hi: str) -> TextClause:
    """The canonical events of this type and place whose date range overlaps [lo, hi]: one bounded range of
    `ix_events_merge` per span class (an event of class k starts at most SPAN_CLASSES[k] days before lo)."""
    return text(_CANDIDATES_SQL[acled is not None]).bindparams(**_candidate_params(plover, acled, place, lo, hi))


def _candidate_params(plover: str, acled: str | None, place: str, lo: str, hi: str) -> dict[str, Any]:
    """The bound values of `merge_candidates`' SQL."""
    params: dict[str, Any] = {"plover": plover, "place": place, "lo": lo, "hi": hi,
                              **{f"since{k}": _shift(lo, -width) for k, width in enumerate(SPAN_CLASSES)}}
    if acled is not None:
        params["acled"] = acled
    return params


def add_reports(conn: Connection, t: Tables, reports: Sequence[tuple[str, str]], info: DocumentInfo,
                reprint_of: str | None) -> None:
    """Record each (merged id, uid) of document `info` as event uid's report of happening merged id (one
    statement for the document)."""
    if reports:
        conn.execute(insert(t.event_sources), [{
            "merged_id": merged_id, "event_uid": uid, "document_id": info.id, "source": info.source,
            "published": info.published, "reprint_of": reprint_of} for merged_id, uid in reports])


def hand_over_happenings(conn: Connection, t: Tables, uids: Sequence[str]) -> None:
    """Before canonical events `uids` are deleted, make the next member of each happening its canonical event."""
    ev = t.events
    for uid in uids:
        members = conn.execute(select(ev.c.uid).where(
            ev.c.merged_id == uid, ev.c.uid != uid).order_by(ev.c.uid)).scalars().all()
        if members:
            new = members[0]
            conn.execute(ev.update().where(ev.c.merged_id == uid).values(merged_id=new))
            conn.execute(t.event_sources.update().where(t.event_sources.c.merged_id == uid).values(merged_id=new))

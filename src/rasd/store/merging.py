"""Cross-document merging: events of different documents that report the same happening share one canonical event.

Same happening: same PLOVER and ACLED type, same place, dates within MERGE_WINDOW_DAYS, actors compatible
(one side's actors a subset of the other's), both asserted or reported. Each event's `merged_id` is the uid
of its happening's canonical event (the first stored); `event_sources` lists every report of a happening.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from sqlalchemy import Connection, insert, select

from rasd.records import DocumentInfo, Event
from rasd.store.schema import Tables

MERGE_WINDOW_DAYS = 1
MERGEABLE_MODALITIES = ("asserted", "reported")


def actor_set(ids: Sequence[str | None]) -> frozenset[str]:
    """The actor ids given, without the missing ones."""
    return frozenset(i for i in ids if i)


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def find_merge_target(conn: Connection, t: Tables, ev: Event, doc_id: str) -> str | None:
    """The canonical event of the same happening already stored from another document, if any."""
    if ev.location is None or ev.date.start is None or ev.modality not in MERGEABLE_MODALITIES:
        return None
    e = t.events
    start = ev.date.start
    end = ev.date.end or start
    try:
        lo, hi = _shift(start, -MERGE_WINDOW_DAYS), _shift(end, MERGE_WINDOW_DAYS)
    except ValueError:
        return None
    acled = (e.c.acled_event_type.is_(None) if ev.acled_event_type is None
             else e.c.acled_event_type == ev.acled_event_type)
    rows = conn.execute(
        select(e.c.uid, e.c.actor1_id, e.c.actor2_id, e.c.date_start)
        .where(e.c.uid == e.c.merged_id, e.c.plover == ev.plover, acled, e.c.location_id == ev.location.id,
               e.c.document_id != doc_id, e.c.modality.in_(MERGEABLE_MODALITIES),
               e.c.date_start <= hi, e.c.date_end >= lo)
        .order_by(e.c.date_start, e.c.uid)).all()
    mine = actor_set([ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None])
    best: tuple[int, int, str] | None = None
    for r in rows:
        theirs = actor_set([r.actor1_id, r.actor2_id])
        if not (mine <= theirs or theirs <= mine):
            continue
        gap = abs((date.fromisoformat(r.date_start) - date.fromisoformat(start)).days)
        score = (-len(mine & theirs), gap, r.uid)
        if best is None or score < best:
            best = score
    return best[2] if best else None


def add_report(conn: Connection, t: Tables, merged_id: str, uid: str, info: DocumentInfo,
               reprint_of: str | None) -> None:
    """Record event `uid` of document `info` as a report of happening `merged_id`."""
    conn.execute(insert(t.event_sources).values(
        merged_id=merged_id, event_uid=uid, document_id=info.id, source=info.source,
        published=info.published, reprint_of=reprint_of))


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

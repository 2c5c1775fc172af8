"""Persistence: the rows one document record becomes, written (and deleted) inside the caller's transaction."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import Connection, TextClause, delete, insert, select
from sqlalchemy.exc import DBAPIError

from rasd.records import Count, DocumentRecord, Event
from rasd.store import changes, merging, reprints, tolls
from rasd.store.campaigns import CampaignAssigner
from rasd.store.schema import Tables
from rasd.text.normalize import normalize_name

CountKey = tuple[str, int, int, str]


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    """What ingesting one document did."""

    document_id: str
    status: Literal["ingested", "duplicate"]
    events: int = 0
    merged: int = 0  # events that joined a happening already in the store
    reprint_of: str | None = None
    changed: changes.Changed = field(default=changes.NOTHING, compare=False, repr=False)  # for the read caches


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class LookUp:
    """What ingest reads before writing a document: whether it is stored already, the document it reprints (with
    the similarity) and each event's merge target (None: a happening of its own)."""

    duplicate: bool
    reprint_of: str | None
    similarity: float | None
    targets: tuple[str | None, ...]


Statement = tuple[TextClause, dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Around:
    """What the caller's transaction sends with a document's own statements, saving their round trips: `first`
    before its look-ups, in their pipeline (the writers' lock: each statement sees what was committed before it
    started, so the look-ups still see every document written before the lock was granted), `last` with its
    rows, when it is written, with what the document changed (the generation's bump, `changes.record`)."""

    first: Statement | None = None
    last: Callable[[Connection, changes.Changed], None] | None = None


def look_up(conn: Connection, t: Tables, rec: DocumentRecord, sketch: reprints.Sketch | None,
            first: Statement | None = None) -> LookUp:
    """A document's look-ups: the duplicate check with the reprint candidates (one statement,
    `reprints.lookup_statement`) and each event's merge target (`merging.target_statement`), sent together
    (`read_together`: one round trip on PostgreSQL), after `first` if given. Each statement's text is one of a
    few, so the driver prepares it. A happening's canonical event is from another document, never one written
    with it, so all of them are looked up before any row is written."""
    info = rec.document
    postgres = conn.dialect.name == "postgresql"
    mergeable = [(i, merging.target_statement(ev, info.id, postgres)) for i, ev in enumerate(rec.events)]
    found = read_together(conn, [*([first] if first is not None else []), reprints.lookup_statement(info.id, sketch),
                                 *(statement for _, statement in mergeable if statement is not None)])
    found = found[1:] if first is not None else found
    targets: list[str | None] = [None] * len(rec.events)
    answers = iter(found[1:])
    for i, statement in mergeable:
        if statement is not None:
            rows = next(answers)
            targets[i] = str(rows[0][0]) if rows and rows[0][0] is not None else None
    duplicate = any(r[0] == "d" for r in found[0])
    reprint_of, similarity = (reprints.best_reprint(sketch, [(r[1], r[2], r[3]) for r in found[0] if r[0] == "c"])
                              if sketch is not None else (None, None))
    return LookUp(duplicate, reprint_of, similarity, tuple(targets))


_BIND = re.compile(r"(?<![:\w]):(\w+)")  # a bound parameter of a text() statement (psycopg writes %(name)s)


def read_together(conn: Connection, statements: Sequence[Statement]) -> list[list[Any]]:
    """The rows of each SELECT. On PostgreSQL (psycopg 3) they are sent in one pipeline on the connection's own
    driver connection, inside the caller's transaction, and read after one synchronisation: one round trip for
    all (SQLAlchemy reads a result's description as it executes, so a pipelined SELECT has to bypass it). An
    error is raised as SQLAlchemy's. Elsewhere: one after the other."""
    driver = getattr(conn.connection, "driver_connection", None)
    if conn.dialect.name != "postgresql" or getattr(driver, "pipeline", None) is None:
        return [list(conn.execute(sql, params).all()) for sql, params in statements]
    assert driver is not None
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        with driver.pipeline():
            cursors = []
            for sql, params in statements:
                cursor = driver.cursor()
                cursor.execute(_BIND.sub(r"%(\1)s", sql.text), params)
                cursors.append(cursor)
            return [list(cursor.fetchall()) for cursor in cursors]
    except dbapi_error as exc:  # raised by the driver, outside SQLAlchemy: the error SQLAlchemy would raise
        raise DBAPIError.instance(None, None, exc, dbapi_error, dialect=conn.dialect) from exc


def insert_record(conn: Connection, t: Tables, rec: DocumentRecord, external_id: str | None,
                  campaigns: Callable[[], CampaignAssigner], around: Around = Around()) -> IngestOutcome:
    """Write a new document with its sketch, mentions, counts and events (merged and tolled) unless it is stored
    already: the look-ups first (`look_up`, one round trip on PostgreSQL), then the rows, on PostgreSQL in one
    pipeline (`_pipelined`): two round trips a document (plus a toll's campaign look-up); `around`: the caller's
    statements sent with them."""
    info = rec.document
    sketch = reprints.sketch_of(rec.text)
    found = look_up(conn, t, rec, sketch, around.first)
    if found.duplicate:
        return IngestOutcome(info.id, "duplicate")
    reprint_of = found.reprint_of
    uids = [f"{info.id}/{ev.id}" for ev in rec.events]
    targets = [target or uid for target, uid in zip(found.targets, uids, strict=True)]
    changed = changes.of_events(zip(uids, targets, strict=True))
    with _pipelined(conn):
        conn.execute(insert(t.documents), document_row(rec, external_id, reprint_of, found.similarity))
        reprints.store_sketch(conn, t, info.id, sketch)
        if rec.mentions:
            conn.execute(insert(t.mentions), [
                {"document_id": info.id, "id": m.id, "kind": m.kind, "text": m.text, "start": m.start,
                 "end": m.end, "ref": m.ref, "framing": m.framing} for m in rec.mentions])
        insert_events(conn, t, rec, list(zip(uids, targets, strict=True)), reprint_of)
        if around.last is not None:
            around.last(conn, changed)
    for ev, uid in zip(rec.events, uids, strict=True):  # after the pipeline: a toll's campaign is looked up
        tolls.append_tolls(conn, t, rec, ev, uid, campaigns)
    merged = sum(merged_id != uid for uid, merged_id in zip(uids, targets, strict=True))
    return IngestOutcome(info.id, "ingested", events=len(rec.events), merged=merged, reprint_of=reprint_of,
                         changed=changed)


@contextmanager
def _pipelined(conn: Connection) -> Iterator[None]:
    """PostgreSQL (psycopg 3): the statements of the block sent in pipeline mode — each without waiting for the
    previous one's answer, the whole block one round trip unless a statement's rows are read (then that one waits).
    Under load every round trip waits for the server process to get a CPU and then for the writer to get one back:
    a concurrent ingest wrote ~17 statements a document one after the other and crawled. An error is raised at the
    block's end at the latest, inside the caller's transaction or savepoint. Only statements whose rows are not read
    belong in the block (SQLAlchemy sees a SELECT's rows as none there). Elsewhere: nothing."""
    pipeline = getattr(getattr(conn.connection, "driver_connection", None), "pipeline", None)
    if conn.dialect.name != "postgresql" or pipeline is None:
        yield
        return
    dbapi_error = conn.dialect.loaded_dbapi.Error
    try:
        with pipeline():
            yield
    except dbapi_error as exc:  # raised by the pipeline's end, outside SQLAlchemy: the error SQLAlchemy would raise
        raise DBAPIError.instance(None, None, exc, dbapi_error, dialect=conn.dialect) from exc


def document_row(rec: DocumentRecord, external_id: str | None, reprint_of: str | None,
                 similarity: float | None) -> dict[str, Any]:
    """The `documents` row of a record."""
    info = rec.document
    return dict(
        id=info.id, external_id=external_id, source=info.source, published=info.published,
        language=info.language, length=info.length, title=info.title, encoding=info.encoding,
        content_type=info.content_type, country=info.country, text=rec.text, record_schema=rec.schema,
        record_json=json.dumps(rec.to_json(), ensure_ascii=False), n_events=len(rec.events),
        n_mentions=len(rec.mentions), n_counts=len(rec.counts), reprint_of=reprint_of,
        reprint_similarity=similarity, ingested_at=_now())


def count_row(doc_id: str, event_uid: str | None, idx: int | None, c: Count) -> dict[str, Any]:
    """The `counts` row of a count (of the document when `event_uid` is None)."""
    return {"document_id": doc_id, "event_uid": event_uid, "idx": idx, "kind": c.kind, "value": int(c.value),
            "qualifier": c.qualifier, "who": c.who, "scope": c.scope, "parent": c.parent, "start": c.start,
            "end": c.end, "text": c.text, "source_attribution": c.source_attribution}


def insert_events(conn: Connection, t: Tables, rec: DocumentRecord, events: list[tuple[str, str]],
                  reprint_of: str | None) -> None:
    """Write a document's counts and its events (`events`: each one's uid and happening's canonical uid, in the
    record's order) with their actors, counts and reports: one INSERT per table for the document, nothing read
    (inside `_pipelined`)."""
    info = rec.document
    doc_count_idx = {(c.kind, c.start, c.end, c.who): i for i, c in enumerate(rec.counts)}
    count_rows = [count_row(info.id, None, i, c) for i, c in enumerate(rec.counts)]
    if rec.events:
        conn.execute(insert(t.events), [event_row(rec, ev, uid, merged_id)
                                        for ev, (uid, merged_id) in zip(rec.events, events, strict=True)])
    actor_rows = []
    for ev, (uid, _) in zip(rec.events, events, strict=True):
        actors = [("actor1", ev.actor1), ("actor2", ev.actor2)] + [("other", a) for a in ev.other_actors]
        actor_rows += [{"event_uid": uid, "position": i, "role": role, "actor_id": a.id, "name_en": a.name_en,
                        "name_ar": a.name_ar, "kind": a.kind} for i, (role, a) in enumerate(actors) if a is not None]
        count_rows += [count_row(info.id, uid, doc_count_idx.get((c.kind, c.start, c.end, c.who)), c)
                       for c in ev.counts]
    if actor_rows:
        conn.execute(insert(t.event_actors), actor_rows)
    if count_rows:
        conn.execute(insert(t.counts), count_rows)
    merging.add_reports(conn, t, [(merged_id, uid) for uid, merged_id in events], info, reprint_of)


def _search_text(rec: DocumentRecord, ev: Event, evidence: list[str]) -> str:
    """Normalized evidence and actor and place names of an event, for text search."""
    actors = [a for a in (ev.actor1, ev.actor2, *ev.other_actors) if a]
    names = [a.name_en for a in actors] + [a.name_ar for a in actors]
    if ev.location:
        names += [ev.location.name_en, ev.location.name_ar]
    return normalize_name(" | ".join([*evidence, *names]))


def _actor_columns(ev: Event) -> dict[str, Any]:
    """The actor1_* and actor2_* columns of an event row."""
    cols: dict[str, Any] = {}
    for n, a in (("actor1", ev.actor1), ("actor2", ev.actor2)):
        cols.update({f"{n}_id": a.id if a else None, f"{n}_name_en": a.name_en if a else None,
                     f"{n}_name_ar": a.name_ar if a else None, f"{n}_kind": a.kind if a else None})
    return cols


def event_row(rec: DocumentRecord, ev: Event, uid: str, merged_id: str) -> dict[str, Any]:
    """The `events` row of an event of a record."""
    loc = ev.location
    evidence = [rec.text[s.start:s.end] for s in ev.evidence]
    return dict(
        uid=uid, document_id=rec.document.id, event_id=ev.id, merged_id=merged_id,
        acled_event_type=ev.acled_event_type, acled_sub_event_type=ev.acled_sub_event_type, plover=ev.plover,
        **_actor_columns(ev),
        location_id=loc.id if loc else None, location_name_en=loc.name_en if loc else None,
        location_name_ar=loc.name_ar if loc else None,
        country=(loc.country if loc else None) or rec.document.country, admin1=loc.admin1 if loc else None,
        lat=loc.lat if loc else None, lon=loc.lon if loc else None,
        geo_precision=loc.geo_precision if loc else None,
        date_start=ev.date.start, date_end=ev.date.end or ev.date.start, date_precision=ev.date.precision,
        date_anchor=ev.date.anchor, modality=ev.modality, merge_span=merging.merge_span(ev),
        source_attribution=ev.source_attribution,
        confidence=float(ev.confidence), fatalities=tolls.incident_fatalities(ev.counts),
        cumulative_killed=tolls.cumulative_killed(ev.counts), search_text=_search_text(rec, ev, evidence),
        evidence_text=" … ".join(evidence),
        event_json=json.dumps(ev.to_json(), ensure_ascii=False, separators=(",", ":")))  # compact (version 12)


def delete_document_rows(conn: Connection, t: Tables, document_id: str) -> bool:
    """Remove a document and everything derived from it; its happenings pass to their next reports."""
    uids = conn.execute(select(t.events.c.uid).where(t.events.c.document_id == document_id)).scalars().all()
    merging.hand_over_happenings(conn, t, uids)
    for table in (t.tolls, t.counts, t.event_sources):
        conn.execute(delete(table).where(table.c.document_id == document_id))
    if uids:
        conn.execute(delete(t.event_actors).where(t.event_actors.c.event_uid.in_(uids)))
    for table in (t.events, t.mentions):
        conn.execute(delete(table).where(table.c.document_id == document_id))
    reprints.forget_sketch(conn, t, document_id)
    reprints.forget_reprints_of(conn, t, document_id)
    n = conn.execute(delete(t.documents).where(t.documents.c.id == document_id)).rowcount
    return bool(n)

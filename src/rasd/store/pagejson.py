"""A page of events as JSON text, assembled around each event's stored JSON without parsing it again.

An /api/events page parsed every event's `event_json` (`json.loads`), added the store's fields and rendered the
whole page again (`json.dumps`): over 100,000 events 2-4 ms of a request's CPU, on either store. From schema version
12 `event_json` is stored compact (no spaces: the separators the API renders with), so an item is the stored text
with its first key (`id`: the event's id in its document) given the store id, and the store's fields (`ITEM_FIELDS`,
none of which an event record has at its top level: a test checks it) appended. The bytes are those of rendering
the parsed item. A row stored otherwise (before version 12, or by another writer) is parsed and rendered as before.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

# the fields an item adds to the stored event record, in the order they are rendered (`id` is replaced in place)
ITEM_FIELDS = ("id", "event_id", "document_id", "merged_id", "canonical", "country", "evidence_text",
               "fatalities_reported", "fatalities", "fatalities_known", "fatalities_low", "fatalities_high",
               "cumulative_killed", "n_sources", "sources")
_BATCH = 2000  # rows compacted per statement by the migration (SQLite)
# PostgreSQL: the whitespace outside JSON strings removed (json.dumps puts none elsewhere: a test compares with
# `dumps`) by one rewrite of `events` (its indexes rebuilt): an UPDATE of every row left a copy of each behind
# (events 710 -> 1,029 MB over 100,000 events, reads slower until a VACUUM FULL); 28 s over 107,480 events
PG_COMPACT = ("ALTER TABLE events ALTER COLUMN event_json TYPE text USING "
              """regexp_replace(event_json, '("(?:[^"\\\\]|\\\\.)*")|\\s+', '\\1', 'g')""")
# SQLite (version 17): each report of a happening on a page gives its document's `ingested_at`, the last column of
# `documents`, stored after the document's text and record (tens of KB in overflow pages, a linked list SQLite
# walks to reach a later column). This index holds it beside the id: the look-up reads two index pages, not the
# chain (again after every commit of another process, which empties each reader's page cache).
SQLITE_INGESTED = "CREATE INDEX IF NOT EXISTS ix_documents_ingested ON documents (id, ingested_at)"
# one encoder, configured once and never changed (json.dumps with options built one per call: a third of the time)
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"))
# the C encoder `_ENCODER.encode` builds anew on every call, built once, without the check for circular references
# (an item's fields hold none): an item's fields rendered in about half the time. None without the C accelerator.
_MAKE_C_ENCODER: Any = getattr(json.encoder, "c_make_encoder", None)
_FIELDS_ENCODER: Any = None if _MAKE_C_ENCODER is None else _MAKE_C_ENCODER(
    None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", False, False, False)


def dumps(value: Any) -> str:
    """JSON text as the API renders it (UTF-8 characters kept, no spaces) and as `event_json` is stored."""
    return _ENCODER.encode(value)


def item_fields(r: Any, srcs: list[dict[str, Any]]) -> dict[str, Any]:
    """The store's fields of an event row (`ITEM_FIELDS`) given its happening's reports `srcs`."""
    reported = [s["fatalities"] for s in srcs if s["fatalities"] is not None]
    return {
        "id": r["uid"], "event_id": r["event_id"], "document_id": r["document_id"],
        "merged_id": r["merged_id"], "canonical": r["uid"] == r["merged_id"],
        "country": r["country"], "evidence_text": r["evidence_text"], "fatalities_reported": r["fatalities"],
        # ACLED's rule: when reports of one event differ, the most conservative figure
        "fatalities": min(reported) if reported else 0,
        "fatalities_known": bool(reported),
        "fatalities_low": min(reported) if reported else 0,
        "fatalities_high": max(reported) if reported else 0,
        "cumulative_killed": r["cumulative_killed"],
        "n_sources": len(srcs), "sources": srcs}


def item_json(r: Any, srcs: list[dict[str, Any]]) -> str:
    """The JSON text of an event row as an API item: the stored record, its `id` the store id, the store's fields
    after it; the same text as `dumps` of the parsed item."""
    stored: str = r["event_json"]
    fields = item_fields(r, srcs)
    head = '{"id":' + dumps(r["event_id"]) + ","
    if stored.startswith(head) and stored.endswith("}"):
        fields.pop("id")
        return '{"id":' + dumps(r["uid"]) + "," + stored[len(head):-1] + "," + _fields_json(fields)[1:]
    body = json.loads(stored)  # not stored compact: parsed, as before version 12
    body.update(fields)
    return dumps(body)


def _fields_json(fields: dict[str, Any]) -> str:
    """`dumps(fields)`, through the encoder made once when there is one."""
    return dumps(fields) if _FIELDS_ENCODER is None else "".join(_FIELDS_ENCODER(fields, 0))


def page_json(head: dict[str, Any], items: Sequence[str]) -> bytes:
    """The rendered page: the fields of `head` and then "items", the items' JSON texts in order."""
    return (dumps({**head, "items": []})[:-2] + ",".join(items) + "]}").encode()


def _compact(stored: str) -> str:
    """A stored event's JSON without spaces; as it is when it cannot be rendered so (a NaN figure)."""
    try:
        return dumps(json.loads(stored))
    except ValueError:
        return stored


def migration_12(conn: Connection, t: Any) -> None:
    """Schema version 12: every event's `event_json` (`t.events`) rewritten compact (the same JSON, no spaces).
    PostgreSQL: in one rewrite of the table (PG_COMPACT); SQLite: in batches by uid, rows already compact left
    alone."""
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(PG_COMPACT)
        conn.exec_driver_sql("ANALYZE events")
        return
    events, after = t.events, ""
    while True:
        rows = conn.execute(select(events.c.uid, events.c.event_json).where(events.c.uid > after)
                            .order_by(events.c.uid).limit(_BATCH)).all()
        if not rows:
            return
        after = rows[-1][0]
        changed = [{"u": uid, "j": compact} for uid, stored in rows if (compact := _compact(stored)) != stored]
        if changed:
            conn.execute(update(events).where(events.c.uid == bindparam("u"))
                         .values(event_json=bindparam("j")), changed)


def migration_17(conn: Connection, t: Any) -> None:
    """Schema version 17: SQLite: the documents' `ingested_at` beside their id (SQLITE_INGESTED). PostgreSQL:
    nothing (a document's text and record are TOASTed, out of its row)."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(SQLITE_INGESTED)

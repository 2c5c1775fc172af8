"""Document records → flat, typed rows: the one conversion both engines use.

Tables: documents, events, counts, mentions, errors. Every column has a fixed type (see `TABLES`); rows are
plain dicts in input order, so writing them twice gives the same bytes.
"""

from __future__ import annotations

from typing import Any

from ..records import ActorRef, Count, DocumentRecord, Event

ColumnType = str  # "string" | "int64" | "int32" | "float64"

DOCUMENT_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("doc_id", "string"), ("input", "string"), ("record", "string"), ("input_id", "string"),
    ("source", "string"), ("published", "string"), ("language", "string"), ("length", "int64"),
    ("encoding", "string"), ("content_type", "string"), ("title", "string"), ("country", "string"),
    ("n_mentions", "int32"), ("n_events", "int32"), ("n_counts", "int32"), ("text", "string"),
)
EVENT_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("doc_id", "string"), ("event_id", "string"), ("acled_event_type", "string"),
    ("acled_sub_event_type", "string"), ("plover", "string"),
    ("actor1_id", "string"), ("actor1_name_en", "string"), ("actor1_name_ar", "string"), ("actor1_kind", "string"),
    ("actor2_id", "string"), ("actor2_name_en", "string"), ("actor2_name_ar", "string"), ("actor2_kind", "string"),
    ("location_id", "string"), ("location_name_en", "string"), ("location_name_ar", "string"),
    ("country", "string"), ("admin1", "string"), ("lat", "float64"), ("lon", "float64"),
    ("geo_precision", "int32"), ("feature", "string"),
    ("date_start", "string"), ("date_end", "string"), ("date_precision", "string"), ("date_anchor", "string"),
    ("modality", "string"), ("source_attribution", "string"), ("confidence", "float64"),
    ("evidence_start", "int64"), ("evidence_end", "int64"), ("trigger_text", "string"), ("n_counts", "int32"),
)
COUNT_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("doc_id", "string"), ("event_id", "string"), ("count_index", "int32"), ("kind", "string"),
    ("value", "int64"), ("qualifier", "string"), ("who", "string"), ("scope", "string"),
    ("start", "int64"), ("end", "int64"), ("parent", "int32"), ("text", "string"),
    ("source_attribution", "string"),
)
MENTION_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("doc_id", "string"), ("mention_id", "string"), ("kind", "string"), ("text", "string"),
    ("start", "int64"), ("end", "int64"), ("ref", "string"), ("framing", "string"),
)
ERROR_COLUMNS: tuple[tuple[str, ColumnType], ...] = (
    ("input", "string"), ("record", "string"), ("input_id", "string"), ("reason", "string"),
)

TABLES: dict[str, tuple[tuple[str, ColumnType], ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "events": EVENT_COLUMNS,
    "counts": COUNT_COLUMNS,
    "mentions": MENTION_COLUMNS,
    "errors": ERROR_COLUMNS,
}
Row = dict[str, Any]


def _actor(prefix: str, ref: ActorRef | None) -> Row:
    return {f"{prefix}_id": ref.id if ref else None, f"{prefix}_name_en": ref.name_en if ref else None,
            f"{prefix}_name_ar": ref.name_ar if ref else None, f"{prefix}_kind": ref.kind if ref else None}


def document_row(rec: DocumentRecord, *, input: str, record: str, input_id: str | None) -> Row:
    """The documents-table row of one record."""
    d = rec.document
    return {"doc_id": d.id, "input": input, "record": record, "input_id": input_id, "source": d.source,
            "published": d.published, "language": d.language, "length": d.length, "encoding": d.encoding,
            "content_type": d.content_type, "title": d.title, "country": d.country,
            "n_mentions": len(rec.mentions), "n_events": len(rec.events), "n_counts": len(rec.counts),
            "text": rec.text}


def event_row(doc_id: str, ev: Event) -> Row:
    """The events-table row of one event of a record."""
    loc = ev.location
    row: Row = {"doc_id": doc_id, "event_id": ev.id, "acled_event_type": ev.acled_event_type,
                "acled_sub_event_type": ev.acled_sub_event_type, "plover": ev.plover}
    row.update(_actor("actor1", ev.actor1))
    row.update(_actor("actor2", ev.actor2))
    row.update({
        "location_id": loc.id if loc else None, "location_name_en": loc.name_en if loc else None,
        "location_name_ar": loc.name_ar if loc else None, "country": loc.country if loc else None,
        "admin1": loc.admin1 if loc else None, "lat": float(loc.lat) if loc else None,
        "lon": float(loc.lon) if loc else None, "geo_precision": loc.geo_precision if loc else None,
        "feature": loc.feature if loc else None,
        "date_start": ev.date.start, "date_end": ev.date.end, "date_precision": ev.date.precision,
        "date_anchor": ev.date.anchor, "modality": ev.modality, "source_attribution": ev.source_attribution,
        "confidence": round(float(ev.confidence), 3),
        # the span covering all the evidence (each span indexes the original text)
        "evidence_start": min((s.start for s in ev.evidence), default=None),
        "evidence_end": max((s.end for s in ev.evidence), default=None),
        "trigger_text": ev.trigger.text if ev.trigger else None, "n_counts": len(ev.counts),
    })
    return row


def count_row(doc_id: str, event_id: str | None, index: int, c: Count) -> Row:
    """The counts-table row of one count of an event."""
    return {"doc_id": doc_id, "event_id": event_id, "count_index": index, "kind": c.kind, "value": int(c.value),
            "qualifier": c.qualifier, "who": c.who, "scope": c.scope, "start": c.start, "end": c.end,
            "parent": c.parent, "text": c.text, "source_attribution": c.source_attribution}


def record_rows(rec: DocumentRecord, *, input: str, record: str, input_id: str | None) -> dict[str, list[Row]]:
    """All rows of one document: counts with a null event_id are the document's count list (their `parent`
    indexes it); the others are the counts an event cites, indexed within the event."""
    doc_id = rec.document.id
    counts = [count_row(doc_id, None, i, c) for i, c in enumerate(rec.counts)]
    for ev in rec.events:
        counts.extend(count_row(doc_id, ev.id, i, c) for i, c in enumerate(ev.counts))
    return {
        "documents": [document_row(rec, input=input, record=record, input_id=input_id)],
        "events": [event_row(doc_id, ev) for ev in rec.events],
        "counts": counts,
        "mentions": [{"doc_id": doc_id, "mention_id": m.id, "kind": m.kind, "text": m.text, "start": m.start,
                      "end": m.end, "ref": m.ref, "framing": m.framing} for m in rec.mentions],
        "errors": [],
    }


def error_row(*, input: str, record: str, input_id: str | None, reason: str) -> Row:
    """The errors-table row of an input that failed."""
    return {"input": input, "record": record, "input_id": input_id, "reason": reason}


def empty_tables() -> dict[str, list[Row]]:
    """One empty row list per output table."""
    return {name: [] for name in TABLES}

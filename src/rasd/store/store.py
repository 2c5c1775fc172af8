"""`Store`: documents, events, counts and tolls in SQLite or PostgreSQL (SQLAlchemy 2 Core).

- `Store.open(url)` connects and migrates: `sqlite:///rasd.db` (WAL, busy timeout, writes serialized with
  BEGIN IMMEDIATE so concurrent ingests wait instead of failing) or `postgresql://…` (psycopg 3; ingests
  serialized by a transaction-scoped advisory lock so cross-document merging sees every committed event).
- `ingest(record)` stores one document record in one transaction: idempotent by document id (the content
  hash), reprints linked, events merged across documents, cumulative tolls appended to their series.
- Queries return plain JSON-ready dicts; every value reaches SQL as a bound parameter.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Literal

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    Select,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    text,
)
from sqlalchemy.exc import IntegrityError

from rasd.normalize import normalize, normalize_name
from rasd.records import Count, DocumentRecord, Event
from rasd.store.schema import SCHEMA_VERSION, Tables, build_metadata, current_version, migrate

DEFAULT_URL = "sqlite:///rasd.db"
SHINGLE_SIZE = 5
SKETCH_SIZE = 32
REPRINT_THRESHOLD = 0.5
MERGE_WINDOW_DAYS = 1
MERGEABLE_MODALITIES = ("asserted", "reported")
_PG_LOCK_KEY = 0x7261_7364  # "rasd"

SortKey = Literal["date", "-date", "confidence", "-confidence", "fatalities", "-fatalities"]
SORT_KEYS: tuple[str, ...] = ("date", "-date", "confidence", "-confidence", "fatalities", "-fatalities")


def normalize_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` as psycopg 3 URLs; anything else is used as given."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def text_hash(text_: str) -> str:
    """The document id the pipeline gives a text: sha256 of its UTF-8 bytes."""
    return "sha256:" + hashlib.sha256(text_.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class IngestOutcome:
    document_id: str
    status: Literal["ingested", "duplicate"]
    events: int = 0
    merged: int = 0  # events that joined a happening already in the store
    reprint_of: str | None = None


@dataclass(frozen=True, slots=True)
class EventFilter:
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
    country: str | None = None
    place: str | None = None
    kind: str | None = None
    who: str | None = None
    campaign: str | None = None
    date_from: str | None = None
    date_to: str | None = None


# ---------------------------------------------------------------------------------------------- helpers

def _shingle_sketch(text_: str) -> list[int]:
    """Bottom-k sketch (k = SKETCH_SIZE) of the word 5-shingles of the normalized text, as signed int32."""
    words = normalize(text_).text.split()
    if len(words) < SHINGLE_SIZE:
        grams = {" ".join(words)} if words else set()
    else:
        grams = {" ".join(words[i:i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)}
    hashes = set()
    for g in grams:
        h = int.from_bytes(hashlib.blake2b(g.encode("utf-8"), digest_size=4).digest(), "big")
        hashes.add(h - (1 << 31))
    return sorted(hashes)[:SKETCH_SIZE]


def incident_fatalities(counts: Sequence[Count]) -> int | None:
    """ACLED-style fatalities of one report of an event: incident-scope killed counts only.

    A `total` figure wins (the largest when a report gives several, e.g. a first and an updated figure);
    without one, the top-level groups (soldiers + civilians) are added, never a subset with its parent.
    Cumulative tolls never count here. None when the report gives no killed figure at all.
    """
    killed = [c for c in counts if c.kind == "killed" and c.scope == "incident"]
    if not killed:
        return None
    totals = [c.value for c in killed if c.who == "total"]
    if totals:
        return max(totals)
    by_who: dict[str, int] = {}
    for c in killed:
        if c.parent is None:
            by_who[c.who] = max(by_who.get(c.who, 0), c.value)
    if by_who:
        return sum(by_who.values())
    return max(c.value for c in killed)


def _cumulative_killed(counts: Sequence[Count]) -> int | None:
    vals = [c.value for c in counts if c.kind == "killed" and c.scope == "cumulative" and c.who == "total"]
    return max(vals) if vals else None


def _shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


def _actor_set(ids: Sequence[str | None]) -> frozenset[str]:
    return frozenset(i for i in ids if i)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _campaign(ev: Event) -> str:
    ids = sorted(_actor_set([ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None]))
    if ids:
        return "+".join(ids)
    return "type:" + (ev.acled_event_type or ev.plover)


# ---------------------------------------------------------------------------------------------- the store

class Store:
    """A connection pool to one store plus the schema it uses. Open with `Store.open(url)`."""

    def __init__(self, engine: Engine, tables: Tables) -> None:
        self.engine = engine
        self.t = tables

    # -- opening --------------------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str = DEFAULT_URL, *, busy_timeout_s: float = 60.0) -> Store:
        url = normalize_url(url)
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": busy_timeout_s, "check_same_thread": False})
            timeout_ms = int(busy_timeout_s * 1000)

            def on_connect(dbapi_conn: Any, _record: Any) -> None:
                dbapi_conn.isolation_level = None  # let the "begin" hook below issue BEGIN itself
                cur = dbapi_conn.cursor()
                if ":memory:" not in url and url not in ("sqlite://", "sqlite:///"):
                    cur.execute("PRAGMA journal_mode=WAL")
                cur.execute(f"PRAGMA busy_timeout={timeout_ms}")
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA synchronous=NORMAL")
                cur.close()

            def on_begin(conn: Connection) -> None:
                conn.exec_driver_sql("BEGIN IMMEDIATE")

            event.listen(engine, "connect", on_connect)
            event.listen(engine, "begin", on_begin)
        else:
            engine = create_engine(url, pool_pre_ping=True)
        store = cls(engine, build_metadata())
        with engine.begin() as conn:
            store._lock(conn)
            migrate(conn, store.t)
        return store

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def _lock(self, conn: Connection) -> None:
        """Serialize writers on PostgreSQL (SQLite's BEGIN IMMEDIATE already does)."""
        if self.is_postgres:
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})

    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return current_version(conn, self.t)

    # -- writing --------------------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        d = self.t.documents
        with self.engine.connect() as conn:
            return conn.execute(select(d.c.id).where(d.c.id == document_id)).first() is not None

    def ingest(self, record: DocumentRecord, *, external_id: str | None = None) -> IngestOutcome:
        """Store one document record in one transaction; a document already stored is skipped."""
        doc_id = record.document.id
        try:
            with self.engine.begin() as conn:
                self._lock(conn)
                d = self.t.documents
                if conn.execute(select(d.c.id).where(d.c.id == doc_id)).first() is not None:
                    return IngestOutcome(doc_id, "duplicate")
                return self._insert_record(conn, record, external_id)
        except IntegrityError:
            # Another writer stored the same document between our check and our insert.
            if self.has_document(doc_id):
                return IngestOutcome(doc_id, "duplicate")
            raise

    def _insert_record(self, conn: Connection, rec: DocumentRecord, external_id: str | None) -> IngestOutcome:
        t = self.t
        info = rec.document
        sketch = _shingle_sketch(rec.text)
        reprint_of, similarity = self._find_reprint(conn, sketch)
        conn.execute(insert(t.documents).values(
            id=info.id, external_id=external_id, source=info.source, published=info.published,
            language=info.language, length=info.length, title=info.title, encoding=info.encoding,
            content_type=info.content_type, country=info.country, text=rec.text, record_schema=rec.schema,
            record_json=json.dumps(rec.to_json(), ensure_ascii=False), n_events=len(rec.events),
            n_mentions=len(rec.mentions), n_counts=len(rec.counts), reprint_of=reprint_of,
            reprint_similarity=similarity, ingested_at=_now()))
        if sketch:
            conn.execute(insert(t.doc_shingles), [{"document_id": info.id, "hash": h} for h in sketch])
        if rec.mentions:
            conn.execute(insert(t.mentions), [
                {"document_id": info.id, "id": m.id, "kind": m.kind, "text": m.text, "start": m.start,
                 "end": m.end, "ref": m.ref, "framing": m.framing} for m in rec.mentions])
        doc_count_idx = {(c.kind, c.start, c.end, c.who): i for i, c in enumerate(rec.counts)}
        if rec.counts:
            conn.execute(insert(t.counts), [self._count_row(info.id, None, i, c) for i, c in enumerate(rec.counts)])
        merged = 0
        for ev in rec.events:
            merged += self._insert_event(conn, rec, ev, doc_count_idx, reprint_of)
        return IngestOutcome(info.id, "ingested", events=len(rec.events), merged=merged, reprint_of=reprint_of)

    def _find_reprint(self, conn: Connection, sketch: list[int]) -> tuple[str | None, float | None]:
        if len(sketch) < 4:
            return None, None
        s = self.t.doc_shingles
        shared = func.count().label("shared")
        row = conn.execute(
            select(s.c.document_id, shared).where(s.c.hash.in_(sketch)).group_by(s.c.document_id)
            .order_by(shared.desc(), s.c.document_id).limit(1)).first()
        if row is None:
            return None, None
        similarity = row.shared / len(sketch)
        if similarity < REPRINT_THRESHOLD:
            return None, None
        d = self.t.documents
        first = conn.execute(select(d.c.reprint_of).where(d.c.id == row.document_id)).scalar_one_or_none()
        return (first or row.document_id), round(similarity, 3)

    @staticmethod
    def _count_row(doc_id: str, event_uid: str | None, idx: int | None, c: Count) -> dict[str, Any]:
        return {"document_id": doc_id, "event_uid": event_uid, "idx": idx, "kind": c.kind, "value": int(c.value),
                "qualifier": c.qualifier, "who": c.who, "scope": c.scope, "parent": c.parent, "start": c.start,
                "end": c.end, "text": c.text, "source_attribution": c.source_attribution}

    def _insert_event(self, conn: Connection, rec: DocumentRecord, ev: Event,
                      doc_count_idx: dict[tuple[str, int, int, str], int], reprint_of: str | None) -> int:
        t = self.t
        info = rec.document
        uid = f"{info.id}/{ev.id}"
        loc = ev.location
        a1, a2 = ev.actor1, ev.actor2
        names = [a.name_en for a in (a1, a2, *ev.other_actors) if a] + [a.name_ar for a in (a1, a2, *ev.other_actors) if a]
        if loc:
            names += [loc.name_en, loc.name_ar]
        evidence = [rec.text[s.start:s.end] for s in ev.evidence]
        search_text = normalize_name(" | ".join([*evidence, *names]))
        merged_id = self._find_merge_target(conn, ev, info.id) or uid
        conn.execute(insert(t.events).values(
            uid=uid, document_id=info.id, event_id=ev.id, merged_id=merged_id,
            acled_event_type=ev.acled_event_type, acled_sub_event_type=ev.acled_sub_event_type, plover=ev.plover,
            actor1_id=a1.id if a1 else None, actor1_name_en=a1.name_en if a1 else None,
            actor1_name_ar=a1.name_ar if a1 else None, actor1_kind=a1.kind if a1 else None,
            actor2_id=a2.id if a2 else None, actor2_name_en=a2.name_en if a2 else None,
            actor2_name_ar=a2.name_ar if a2 else None, actor2_kind=a2.kind if a2 else None,
            location_id=loc.id if loc else None, location_name_en=loc.name_en if loc else None,
            location_name_ar=loc.name_ar if loc else None,
            country=(loc.country if loc else None) or info.country, admin1=loc.admin1 if loc else None,
            lat=loc.lat if loc else None, lon=loc.lon if loc else None,
            geo_precision=loc.geo_precision if loc else None,
            date_start=ev.date.start, date_end=ev.date.end or ev.date.start, date_precision=ev.date.precision,
            date_anchor=ev.date.anchor, modality=ev.modality, source_attribution=ev.source_attribution,
            confidence=float(ev.confidence), fatalities=incident_fatalities(ev.counts),
            cumulative_killed=_cumulative_killed(ev.counts), search_text=search_text,
            evidence_text=" … ".join(evidence),
            event_json=json.dumps(ev.to_json(), ensure_ascii=False)))
        actors = [("actor1", a1), ("actor2", a2)] + [("other", a) for a in ev.other_actors]
        rows = [{"event_uid": uid, "position": i, "role": role, "actor_id": a.id, "name_en": a.name_en,
                 "name_ar": a.name_ar, "kind": a.kind} for i, (role, a) in enumerate(actors) if a is not None]
        if rows:
            conn.execute(insert(t.event_actors), rows)
        if ev.counts:
            conn.execute(insert(t.counts), [
                self._count_row(info.id, uid, doc_count_idx.get((c.kind, c.start, c.end, c.who)), c)
                for c in ev.counts])
        conn.execute(insert(t.event_sources).values(
            merged_id=merged_id, event_uid=uid, document_id=info.id, source=info.source,
            published=info.published, reprint_of=reprint_of))
        self._append_tolls(conn, rec, ev, uid)
        return int(merged_id != uid)

    def _find_merge_target(self, conn: Connection, ev: Event, doc_id: str) -> str | None:
        """The canonical event of the same happening already stored from another document, if any.

        Same happening: same PLOVER and ACLED type, same place, dates within MERGE_WINDOW_DAYS, actors
        compatible (one side's actors a subset of the other's), both asserted or reported.
        """
        if ev.location is None or ev.date.start is None or ev.modality not in MERGEABLE_MODALITIES:
            return None
        e = self.t.events
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
        mine = _actor_set([ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None])
        best: tuple[int, int, str] | None = None
        for r in rows:
            theirs = _actor_set([r.actor1_id, r.actor2_id])
            if not (mine <= theirs or theirs <= mine):
                continue
            gap = abs((date.fromisoformat(r.date_start) - date.fromisoformat(start)).days)
            score = (-len(mine & theirs), gap, r.uid)
            if best is None or score < best:
                best = score
        return best[2] if best else None

    def _append_tolls(self, conn: Connection, rec: DocumentRecord, ev: Event, uid: str) -> None:
        cumulative = [c for c in ev.counts if c.scope == "cumulative"]
        if not cumulative:
            return
        info = rec.document
        loc = ev.location
        country = (loc.country if loc else None) or info.country
        place_id = loc.id if loc else (country or "")
        as_of = info.published or ev.date.end or ev.date.start
        rows = []
        for c in cumulative:
            campaign = self._series_campaign(conn, _campaign(ev), place_id, c.kind, c.who)
            rows.append({
                "series": f"{campaign}|{place_id}|{c.kind}|{c.who}", "campaign": campaign, "place_id": place_id,
                "place_name_en": loc.name_en if loc else None, "place_name_ar": loc.name_ar if loc else None,
                "country": country, "kind": c.kind, "who": c.who, "value": int(c.value),
                "qualifier": c.qualifier, "date": as_of, "document_id": info.id, "event_uid": uid,
                "source": info.source, "source_attribution": c.source_attribution or ev.source_attribution,
                "start": c.start, "end": c.end})
        conn.execute(insert(self.t.tolls), rows)

    def _series_campaign(self, conn: Connection, campaign: str, place_id: str, kind: str, who: str) -> str:
        """Join an existing series of the same place whose campaign's actors are compatible with ours.

        A report naming only one side ("lna") continues the series of a report naming both ("gna+lna").
        """
        if campaign.startswith("type:"):
            return campaign
        tl = self.t.tolls
        known = conn.execute(select(tl.c.campaign).distinct().where(
            tl.c.place_id == place_id, tl.c.kind == kind, tl.c.who == who)).scalars().all()
        mine = frozenset(campaign.split("+"))
        best: tuple[int, str] | None = None
        for other in known:
            if other.startswith("type:"):
                continue
            theirs = frozenset(other.split("+"))
            if mine <= theirs or theirs <= mine:
                score = (-len(mine & theirs) - len(theirs), other)
                if best is None or score < best:
                    best = score
        return best[1] if best else campaign

    def delete_document(self, document_id: str) -> bool:
        """Remove a document and everything derived from it (events merged into its events are re-pointed)."""
        t = self.t
        with self.engine.begin() as conn:
            self._lock(conn)
            uids = conn.execute(select(t.events.c.uid).where(t.events.c.document_id == document_id)).scalars().all()
            for uid in uids:
                members = conn.execute(select(t.events.c.uid).where(
                    t.events.c.merged_id == uid, t.events.c.uid != uid).order_by(t.events.c.uid)).scalars().all()
                if members:
                    new = members[0]
                    conn.execute(t.events.update().where(t.events.c.merged_id == uid).values(merged_id=new))
                    conn.execute(t.event_sources.update().where(t.event_sources.c.merged_id == uid)
                                 .values(merged_id=new))
            for table in (t.tolls, t.counts, t.event_sources):
                conn.execute(delete(table).where(table.c.document_id == document_id))
            if uids:
                conn.execute(delete(t.event_actors).where(t.event_actors.c.event_uid.in_(uids)))
            for table in (t.events, t.mentions, t.doc_shingles):
                conn.execute(delete(table).where(table.c.document_id == document_id))
            conn.execute(t.documents.update().where(t.documents.c.reprint_of == document_id).values(reprint_of=None))
            n = conn.execute(delete(t.documents).where(t.documents.c.id == document_id)).rowcount
        return bool(n)

    # -- reading: events ------------------------------------------------------------------------------
    def _event_conditions(self, f: EventFilter) -> list[ColumnElement[bool]]:
        e, ea = self.t.events, self.t.event_actors
        cond: list[ColumnElement[bool]] = []
        if f.merged:
            cond.append(e.c.uid == e.c.merged_id)
        if f.date_from:
            cond.append(e.c.date_end >= f.date_from)
        if f.date_to:
            cond.append(e.c.date_start <= f.date_to)
        if f.country:
            cond.append(e.c.country == f.country.upper())
        if f.place:
            p = f.place.strip()
            cond.append(or_(e.c.location_id == p, func.lower(e.c.location_name_en) == p.lower(),
                            e.c.location_name_ar == p))
        if f.actor:
            a = f.actor.strip()
            cond.append(exists(select(literal(1)).where(
                ea.c.event_uid == e.c.uid,
                or_(ea.c.actor_id == a, func.lower(ea.c.name_en) == a.lower(), ea.c.name_ar == a))))
        if f.acled_type:
            if f.acled_type.lower() in ("none", "null"):
                cond.append(e.c.acled_event_type.is_(None))
            else:
                cond.append(or_(e.c.acled_event_type == f.acled_type, e.c.acled_sub_event_type == f.acled_type))
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
                cond.append(e.c.search_text.like(f"%{_like_escape(needle)}%", escape="\\"))
        return cond

    def _order(self, sort: str) -> list[Any]:
        e = self.t.events
        if sort not in SORT_KEYS:
            raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORT_KEYS)}")
        col = {"date": e.c.date_start, "confidence": e.c.confidence, "fatalities": e.c.fatalities}[sort.lstrip("-")]
        if sort.startswith("-"):
            return [col.desc().nulls_last(), e.c.uid]
        return [col.asc().nulls_last(), e.c.uid]

    def count_events(self, f: EventFilter = EventFilter()) -> int:
        e = self.t.events
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(e).where(*self._event_conditions(f))).scalar_one())

    def query_events(self, f: EventFilter = EventFilter(), *, limit: int = 50, offset: int = 0,
                     sort: str = "-date") -> dict[str, Any]:
        """A page of events: {"total", "limit", "offset", "items": [event dict, …]}."""
        e = self.t.events
        conds = self._event_conditions(f)
        q: Select[Any] = select(e).where(*conds).order_by(*self._order(sort)).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one())
            rows = conn.execute(q).mappings().all()
            items = self._event_items(conn, rows)
        return {"total": total, "limit": limit, "offset": offset, "sort": sort, "items": items}

    def iter_events(self, f: EventFilter = EventFilter(), *, batch: int = 1000, sort: str = "date") -> Iterator[dict[str, Any]]:
        """Every event matching the filter, in pages of `batch` (for exports)."""
        offset = 0
        while True:
            page = self.query_events(f, limit=batch, offset=offset, sort=sort)
            yield from page["items"]
            offset += batch
            if offset >= page["total"] or not page["items"]:
                return

    def _event_items(self, conn: Connection, rows: Sequence[Any]) -> list[dict[str, Any]]:
        if not rows:
            return []
        t = self.t
        merged_ids = sorted({r["merged_id"] for r in rows})
        src_rows = conn.execute(
            select(t.event_sources.c.merged_id, t.event_sources.c.event_uid, t.event_sources.c.document_id,
                   t.event_sources.c.source, t.event_sources.c.published, t.event_sources.c.reprint_of,
                   t.events.c.fatalities, t.events.c.cumulative_killed, t.events.c.source_attribution,
                   t.documents.c.ingested_at)
            .join(t.events, t.events.c.uid == t.event_sources.c.event_uid)
            .join(t.documents, t.documents.c.id == t.event_sources.c.document_id)
            .where(t.event_sources.c.merged_id.in_(merged_ids))
            .order_by(t.event_sources.c.published.asc().nulls_last(), t.event_sources.c.event_uid)).mappings().all()
        sources: dict[str, list[dict[str, Any]]] = {}
        for s in src_rows:
            sources.setdefault(s["merged_id"], []).append({
                "event_id": s["event_uid"], "document_id": s["document_id"], "source": s["source"],
                "published": s["published"], "reprint_of": s["reprint_of"], "fatalities": s["fatalities"],
                "cumulative_killed": s["cumulative_killed"], "source_attribution": s["source_attribution"],
                "ingested_at": s["ingested_at"]})
        items = []
        for r in rows:
            body = json.loads(r["event_json"])
            srcs = sources.get(r["merged_id"], [])
            reported = [s["fatalities"] for s in srcs if s["fatalities"] is not None]
            body.update({
                "id": r["uid"], "event_id": r["event_id"], "document_id": r["document_id"],
                "merged_id": r["merged_id"], "canonical": r["uid"] == r["merged_id"],
                "country": r["country"], "evidence_text": r["evidence_text"], "fatalities_reported": r["fatalities"],
                # ACLED's rule: when reports of one event differ, the most conservative figure
                "fatalities": min(reported) if reported else 0,
                "fatalities_known": bool(reported),
                "fatalities_low": min(reported) if reported else 0,
                "fatalities_high": max(reported) if reported else 0,
                "cumulative_killed": r["cumulative_killed"],
                "n_sources": len(srcs), "sources": srcs})
            items.append(body)
        return items

    def get_event(self, uid: str) -> dict[str, Any] | None:
        """One event with every report of its happening (counts per source, conflicting figures kept)."""
        e, d = self.t.events, self.t.documents
        with self.engine.connect() as conn:
            row = conn.execute(select(e).where(e.c.uid == uid)).mappings().first()
            if row is None:
                return None
            item = self._event_items(conn, [row])[0]
            members = conn.execute(select(e.c.uid, e.c.event_json, e.c.document_id, d.c.source, d.c.published,
                                          d.c.title)
                                   .join(d, d.c.id == e.c.document_id)
                                   .where(e.c.merged_id == row["merged_id"]).order_by(e.c.uid)).mappings().all()
            doc = conn.execute(select(d.c.title, d.c.source, d.c.published).where(
                d.c.id == row["document_id"])).mappings().first()
        reports = []
        for m in members:
            body = json.loads(m["event_json"])
            reports.append({"event_id": m["uid"], "document_id": m["document_id"], "source": m["source"],
                            "published": m["published"], "title": m["title"], "counts": body.get("counts", []),
                            "source_attribution": body.get("source_attribution"),
                            "modality": body.get("modality")})
        item["reports"] = reports
        item["document"] = dict(doc) if doc else None
        return item

    # -- reading: documents ---------------------------------------------------------------------------
    def get_document(self, document_id: str) -> dict[str, Any] | None:
        """The document text with its mentions, events (store ids) and counts; spans index `text`."""
        t = self.t
        d = t.documents
        with self.engine.connect() as conn:
            row = conn.execute(select(d).where(d.c.id == document_id)).mappings().first()
            if row is None:
                return None
            rec = json.loads(row["record_json"])
            reprints = conn.execute(select(d.c.id, d.c.source).where(d.c.reprint_of == document_id)
                                    .order_by(d.c.id)).mappings().all()
            ev_rows = conn.execute(select(t.events.c.uid, t.events.c.event_id, t.events.c.merged_id)
                                   .where(t.events.c.document_id == document_id)).mappings().all()
        by_event = {r["event_id"]: r for r in ev_rows}
        events = []
        for ev in rec.get("events", []):
            r = by_event.get(ev["id"])
            ev = dict(ev)
            if r is not None:
                ev["event_id"] = ev["id"]
                ev["id"] = r["uid"]
                ev["merged_id"] = r["merged_id"]
            events.append(ev)
        return {
            "schema": rec.get("schema"), "document": rec.get("document"), "text": row["text"],
            "mentions": rec.get("mentions", []), "events": events, "counts": rec.get("counts", []),
            "reprint_of": row["reprint_of"], "reprint_similarity": row["reprint_similarity"],
            "reprints": [dict(x) for x in reprints], "ingested_at": row["ingested_at"],
            "external_id": row["external_id"]}

    def list_documents(self, *, limit: int = 50, offset: int = 0) -> dict[str, Any]:
        d = self.t.documents
        with self.engine.connect() as conn:
            total = int(conn.execute(select(func.count()).select_from(d)).scalar_one())
            rows = conn.execute(select(d.c.id, d.c.source, d.c.published, d.c.title, d.c.length, d.c.n_events,
                                       d.c.reprint_of, d.c.ingested_at)
                                .order_by(d.c.published.desc().nulls_last(), d.c.id)
                                .limit(limit).offset(offset)).mappings().all()
        return {"total": total, "limit": limit, "offset": offset, "items": [dict(r) for r in rows]}

    # -- reading: tolls and stats ---------------------------------------------------------------------
    def tolls(self, f: TollFilter = TollFilter()) -> list[dict[str, Any]]:
        """Cumulative toll series (one per campaign, place, kind and who), each point with its source.

        Points are ordered by date; `delta` is the rise over the previous point of the series (a toll is a
        running total: aggregations use `latest`, never a sum of points).
        """
        tl = self.t.tolls
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
            cond.append(tl.c.campaign.like(f"%{_like_escape(f.campaign)}%", escape="\\"))
        if f.date_from:
            cond.append(tl.c.date >= f.date_from)
        if f.date_to:
            cond.append(tl.c.date <= f.date_to)
        with self.engine.connect() as conn:
            rows = conn.execute(select(tl).where(*cond).order_by(
                tl.c.series, tl.c.date.asc().nulls_first(), tl.c.value, tl.c.id)).mappings().all()
        series: dict[str, dict[str, Any]] = {}
        for r in rows:
            s = series.get(r["series"])
            if s is None:
                s = series[r["series"]] = {
                    "series": r["series"], "campaign": r["campaign"], "place_id": r["place_id"],
                    "place_name_en": r["place_name_en"], "place_name_ar": r["place_name_ar"],
                    "country": r["country"], "kind": r["kind"], "who": r["who"], "points": []}
            prev = s["points"][-1]["value"] if s["points"] else None
            s["points"].append({
                "date": r["date"], "value": r["value"], "qualifier": r["qualifier"],
                "delta": None if prev is None else r["value"] - prev, "source": r["source"],
                "source_attribution": r["source_attribution"], "document_id": r["document_id"],
                "event_id": r["event_uid"], "start": r["start"], "end": r["end"]})
        out = []
        for s in series.values():
            pts = s["points"]
            last_date = pts[-1]["date"]
            same_day = [p for p in pts if p["date"] == last_date]
            s["latest"] = max(same_day, key=lambda p: p["value"])  # a running total only rises
            out.append(s)
        return out

    def stats(self, f: EventFilter = EventFilter()) -> dict[str, Any]:
        t = self.t
        e = t.events
        conds = self._event_conditions(f)
        with self.engine.connect() as conn:
            n_docs = int(conn.execute(select(func.count()).select_from(t.documents)).scalar_one())
            n_reprints = int(conn.execute(select(func.count()).select_from(t.documents)
                                          .where(t.documents.c.reprint_of.is_not(None))).scalar_one())
            n_all = int(conn.execute(select(func.count()).select_from(e)).scalar_one())

            def group(col: Any) -> dict[str, int]:
                rows = conn.execute(select(col, func.count()).where(*conds).group_by(col).order_by(col)).all()
                return {str(k) if k is not None else "": int(n) for k, n in rows}

            n_events = int(conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one())
            by_acled = group(e.c.acled_event_type)
            by_plover = group(e.c.plover)
            by_country = group(e.c.country)
            by_modality = group(e.c.modality)
            date_rng = conn.execute(select(func.min(e.c.date_start), func.max(e.c.date_end)).where(*conds)).first()
            # merged fatalities: the most conservative report of each happening
            per_happening = (select(e.c.merged_id, func.min(e.c.fatalities).label("f"))
                             .where(e.c.fatalities.is_not(None)).group_by(e.c.merged_id).subquery())
            fat_rows = conn.execute(
                select(e.c.date_start, func.count(), func.coalesce(func.sum(per_happening.c.f), 0))
                .select_from(e.outerjoin(per_happening, per_happening.c.merged_id == e.c.uid))
                .where(*conds, e.c.date_start.is_not(None)).group_by(e.c.date_start).order_by(e.c.date_start)).all()
        timeline = [{"date": d_, "events": int(n), "fatalities": int(fat)} for d_, n, fat in fat_rows]
        tolls = self.tolls(TollFilter(country=f.country, date_from=f.date_from, date_to=f.date_to))
        latest_killed = sum(s["latest"]["value"] for s in tolls if s["kind"] == "killed" and s["who"] == "total")
        return {
            "schema_version": SCHEMA_VERSION, "documents": n_docs, "reprints": n_reprints, "events_stored": n_all,
            "events": n_events, "by_acled_type": by_acled, "by_plover": by_plover, "by_country": by_country,
            "by_modality": by_modality, "date_min": date_rng[0] if date_rng else None,
            "date_max": date_rng[1] if date_rng else None,
            "fatalities": sum(x["fatalities"] for x in timeline), "timeline": timeline,
            "toll_series": len(tolls), "cumulative_killed_latest": latest_killed}

    def check_integrity(self) -> list[str]:
        """Problems found: documents whose stored rows disagree with their record (none after any crash)."""
        t = self.t
        problems = []
        with self.engine.connect() as conn:
            ev_n: dict[str, int] = dict(conn.execute(select(t.events.c.document_id, func.count()).group_by(t.events.c.document_id)).all())
            me_n: dict[str, int] = dict(conn.execute(select(t.mentions.c.document_id, func.count()).group_by(t.mentions.c.document_id)).all())
            docs = conn.execute(select(t.documents.c.id, t.documents.c.n_events, t.documents.c.n_mentions)).all()
            for doc_id, n_events, n_mentions in docs:
                if ev_n.get(doc_id, 0) != n_events:
                    problems.append(f"{doc_id}: {ev_n.get(doc_id, 0)} events stored, record has {n_events}")
                if me_n.get(doc_id, 0) != n_mentions:
                    problems.append(f"{doc_id}: {me_n.get(doc_id, 0)} mentions stored, record has {n_mentions}")
            orphans = conn.execute(select(func.count()).select_from(t.events).where(
                ~exists(select(literal(1)).where(t.events.c.merged_id == t.event_sources.c.merged_id,
                                                 t.event_sources.c.event_uid == t.events.c.uid)))).scalar_one()
            if orphans:
                problems.append(f"{orphans} events without a source row")
        return problems


__all__ = ["DEFAULT_URL", "EventFilter", "IngestOutcome", "SORT_KEYS", "Store", "TollFilter",
           "incident_fatalities", "normalize_url", "text_hash"]

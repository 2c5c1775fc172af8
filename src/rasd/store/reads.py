"""Queries: events (one per happening, with every report), documents, statistics and an integrity check.

Every function reads through the connection it is given and returns plain JSON-ready dicts.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    TextClause,
    and_,
    bindparam,
    exists,
    func,
    literal,
    select,
    text,
    union,
)

from rasd.store import daycounts, doccounts, keyset, pagejson, pgschema, search
from rasd.store.filters import (
    EventFilter,
    TollFilter,
    acled_alternatives,
    actor_alternatives,
    event_conditions,
    event_order,
    like_escape,
    place_alternatives,
)
from rasd.store.schema import SCHEMA_VERSION, Tables, is_canonical
from rasd.store.tolls import headline_tolls, toll_series
from rasd.text.normalize import normalize_name


def count_events(conn: Connection, t: Tables, f: EventFilter, cap: int | None = None) -> int:
    """How many events match the filter (`cap`: counted no further than cap + 1, so a larger answer means "more
    than cap": a filter matching most of a large store costs no more than one matching cap + 1 events)."""
    return int(conn.execute(count_statement(t, f, conn.dialect.name, cap)).scalar_one())


# a capped count that no table keeps and that walks its matches is counted to this many at most (the API: total =
# BOUNDED_COUNT, total_exact = false, "at least"): PostgreSQL's text search (its trigram index's candidates
# rechecked row by row: 12-32 ms to 10,001 over 100,000 events), every document's events (merged=false: the kept
# counts hold the canonical events only) and two facets at once (place and actor, type and PLOVER code, …: the kept
# rows count each facet alone, and an intersection is not a sum of them)
BOUNDED_COUNT = 1_000


def counted_cap(f: EventFilter, dialect: str, cap: int | None) -> int | None:
    """The cap `f`'s count is counted to: `cap`, or BOUNDED_COUNT when lower for the counts that walk their matches
    and no table keeps — text search on PostgreSQL, every document's events, two facets at once — except where
    SQLite's page plan weighs the count (`page_drive`: a text search of the canonical events, an actor)."""
    if cap is None or cap <= BOUNDED_COUNT or daycounts.answers(f, dialect):
        return cap
    if dialect == "sqlite" and (f.actor or (f.q and f.merged)):
        return cap
    facets = sum(1 for v in (f.place, f.actor, f.acled_type, f.plover) if v)
    costly = not f.merged or facets >= 2 or (dialect == "postgresql" and bool(f.q))
    return BOUNDED_COUNT if costly else cap


def count_statement(t: Tables, f: EventFilter, dialect: str, cap: int | None = None) -> Select[Any]:
    """The query counting the events `f` selects, up to cap + 1 of them when `cap` is given (lowered for the costly
    counts: `counted_cap`; on SQLite a search of `q` alone is counted in `events_fts`)."""
    cap = counted_cap(f, dialect, cap)
    needle = normalize_name(f.q) if f.q else ""
    if dialect == "sqlite" and len(needle) >= search.MIN_TRIGRAM and f == EventFilter(q=f.q):
        return search.count_alone(needle, None if cap is None else cap + 1)
    if dialect == "postgresql" and len(needle) >= search.MIN_TRIGRAM and f == EventFilter(q=f.q):
        # version 9: counted in events_search alone
        return search.pg_count_alone(f"%{like_escape(needle)}%", None if cap is None else cap + 1)
    if daycounts.answers(f, dialect):  # SQLite, PostgreSQL: summed over event_day_counts (its facets: version 14)
        events = None  # an actor's count when two of its triples match: counted over the events
        if f.actor:
            alone = _actor_count(t, f, dialect, cap) if f == EventFilter(actor=f.actor) else None
            events = _events_count(t, f, cap) if alone is None else alone
        return daycounts.count(f, None if cap is None else cap + 1, dialect, events)
    if f.actor and f == EventFilter(actor=f.actor) and (alone := _actor_count(t, f, dialect, cap)) is not None:
        return alone
    if dialect == "postgresql" and f.merged and bool(f.place) != bool(f.acled_type) and not (f.actor or f.q):
        return _pg_union_count(t, f, cap)
    return _events_count(t, f, cap)


def _events_count(t: Tables, f: EventFilter, cap: int | None) -> Select[Any]:
    """The count of `f`'s events over `events` (up to cap + 1 of them)."""
    if cap is None:
        return select(func.count()).select_from(t.events).where(*event_conditions(t, f))
    matches = select(literal(1)).select_from(t.events).where(*event_conditions(t, f)).limit(cap + 1)
    return select(func.count()).select_from(matches.subquery("matches"))


def _actor_count(t: Tables, f: EventFilter, dialect: str, cap: int | None) -> Select[Any] | None:
    """The count of an actor's canonical events over the events (no other filter): PostgreSQL (version 9) in
    event_actors alone, SQLite merged from its three look-ups; None on another database."""
    if pgschema.has_actor_flag(t.event_actors):
        return pgschema.actor_count(t.event_actors, (f.actor or "").strip(), None if cap is None else cap + 1)
    if dialect == "sqlite":
        return _sqlite_actor_count(t, (f.actor or "").strip(), cap)
    return None


def _sqlite_actor_count(t: Tables, actor: str, cap: int | None) -> Select[Any]:
    """SQLite: the count of an actor's canonical events as a UNION of its three look-ups (id, English and Arabic
    name), each in `event_actors`' index ordered by event uid and joined to the canonical test: ordered by uid,
    SQLite merges the three streams (no de-duplicating B-tree) and stops at the cap. The IN over the actor's
    events listed every one of them first (33,000 for a frequent actor: 32 -> 9 ms of CPU at the cap)."""
    e, ea = t.events, t.event_actors
    joined = ea.join(e, and_(e.c.uid == ea.c.event_uid, is_canonical(e)))
    uids = union(*(select(ea.c.event_uid).select_from(joined).where(alt)
                   for alt in actor_alternatives(t, actor))).order_by("event_uid")
    if cap is not None:
        uids = uids.limit(cap + 1)
    return select(func.count()).select_from(uids.subquery("actor_events"))


def _pg_union_count(t: Tables, f: EventFilter, cap: int | None) -> Select[Any]:
    """PostgreSQL: the count of a place's or an ACLED type's canonical events as a UNION of one look-up per
    alternative (id, English and Arabic name; type, sub-type), each with the filter's other tests: each an
    index-only scan of its covering index (the English name's: `ix_events_canon_place_en`, version 9). The OR of
    them was a BitmapOr whose matches were each read from the wide rows of `events` (10,001 rows for a capped
    count: 6,500-7,400 pages)."""
    alternatives = place_alternatives(t, f.place) if f.place else acled_alternatives(t, f.acled_type or "")
    rest = event_conditions(t, replace(f, place=None, acled_type=None))
    branches = [select(t.events.c.uid).where(*rest, alt) for alt in alternatives]
    if cap is not None:  # each alternative counted alone first (pgschema.capped_union_count)
        return pgschema.capped_union_count(branches, cap)
    return select(func.count()).select_from(union(*branches).subquery("matches"))


@dataclass(frozen=True, slots=True)
class PageDrive:
    """How a page's keys are found (SQLite; `page_drive` chooses): `text_drive` starts from the text's rows in
    `events_fts` and sorts them; `actor_probe` walks the sort order looking each row's actors up."""

    text_drive: bool = False
    actor_probe: bool = False


def event_page_statements(t: Tables, f: EventFilter, *, limit: int, offset: int, sort: str, dialect: str = "",
                          drive: PageDrive = PageDrive()) -> tuple[Select[Any], Select[Any]]:
    """The two queries of a page of events: how many match, and the page's rows. A page walks its sort order's
    index testing each row (cheap when many events match), or, as `drive` says, starts from the filter's matches
    (cheap when few match; `query_events` chooses)."""
    e = t.events
    # the page's keys first, then its rows: skipping `offset` matches and sorting them touches only what the
    # filter and the sort need (from an index when they are in one), not every skipped event's row
    keys = (_keys_select(t, f, dialect, drive).order_by(*event_order(t, sort)).limit(limit).offset(offset)
            .subquery("page_keys"))
    page: Select[Any] = select(e).join(keys, keys.c.uid == e.c.uid).order_by(*event_order(t, sort))
    return count_statement(t, f, dialect), page


def _keys_select(t: Tables, f: EventFilter, dialect: str, drive: PageDrive) -> Select[Any]:
    """The uids of `f`'s events, unordered: from the text's rows in `events_fts` (`drive.text_drive`) or walked."""
    e = t.events
    if drive.text_drive and f.q:
        return (select(e.c.uid).select_from(search.FTS.join(e, e.c.uid == search.FTS.c.uid))
                .where(search.fts_match(normalize_name(f.q)),
                       *event_conditions(t, replace(f, q=None), ordered=True, actor_probe=drive.actor_probe)))
    # PostgreSQL (version 9): the text's uids from events_search, and the planner chooses between walking the
    # sort order testing membership and sorting the matches (the LIKE on each walked row read the wide rows of
    # events: a phrase's page at offset 2,000, ~200 ms)
    return select(e.c.uid).where(*event_conditions(t, f, ordered=True, text_scan=dialect != "postgresql",
                                                   actor_probe=drive.actor_probe))


def sort_column(t: Tables, sort: str) -> Any:
    """The column of `events` a sort key orders by."""
    return {"date": t.events.c.date_start, "confidence": t.events.c.confidence,
            "fatalities": t.events.c.fatalities}[sort.lstrip("-")]


def keyset_page_statements(t: Tables, f: EventFilter, *, limit: int, sort: str, after: keyset.Cursor,
                           dialect: str = "", drive: PageDrive = PageDrive()) -> list[Select[Any]]:
    """The queries of the uids after `after` (keyset paging): one a range of `keyset.ranges`, in the sort order,
    each asked for at most `limit` uids (`keyset_uids` runs them until the page is full)."""
    ranges = keyset.ranges(sort_column(t, sort), t.events.c.uid, sort.startswith("-"), after)
    keys = _keys_select(t, f, dialect, drive)
    return [keys.where(r).order_by(*event_order(t, sort)).limit(limit) for r in ranges]


def keyset_uids(conn: Connection, statements: list[Select[Any]], limit: int) -> list[str]:
    """The uids of a keyset page: each range's query in turn, until `limit` uids are found."""
    uids: list[str] = []
    for q in statements:
        uids += conn.execute(q.limit(limit - len(uids))).scalars().all()
        if len(uids) >= limit:
            break
    return uids


def query_events(conn: Connection, t: Tables, f: EventFilter, *, limit: int, offset: int,
                 sort: str, total: int | None = None, cap: int | None = None,
                 after: keyset.Cursor | None = None) -> dict[str, Any]:
    """A page of events: {"total", "total_exact", "limit", "offset", "sort", "next_cursor", "items": [event dict,
    …]}; `total` when the caller already knows it (a cached count of the same filter, counted with the same
    `cap`), else counted. With `cap`, a filter matching more than `cap` events has total = cap and total_exact =
    false. `after`: the page starts after that position (keyset paging; `offset` is then 0); `next_cursor` is the
    token of the page's last row (None after a short page)."""
    head, rows = _page_rows(conn, t, f, limit=limit, offset=offset, sort=sort, total=total, cap=cap, after=after)
    return {**head, "items": event_items(conn, t, rows)}


def query_events_json(conn: Connection, t: Tables, f: EventFilter, *, limit: int, offset: int,
                      sort: str, total: int | None = None, cap: int | None = None,
                      after: keyset.Cursor | None = None, happenings: list[str] | None = None) -> bytes:
    """`query_events` rendered as the API's JSON body, each item assembled around its stored JSON (`pagejson`);
    `happenings`: extended with each item's happening (its canonical uid)."""
    head, rows = _page_rows(conn, t, f, limit=limit, offset=offset, sort=sort, total=total, cap=cap, after=after)
    if happenings is not None:
        happenings.extend(r["merged_id"] for r in rows)
    return pagejson.page_json(head, event_items_json(conn, t, rows))


def _page_rows(conn: Connection, t: Tables, f: EventFilter, *, limit: int, offset: int, sort: str,
               total: int | None, cap: int | None,
               after: keyset.Cursor | None = None) -> tuple[dict[str, Any], Sequence[Any]]:
    """A page's fields besides its items ({"total", "total_exact", "limit", "offset", "sort", "next_cursor"}) and
    its rows."""
    dialect = conn.dialect.name
    if total is None:
        total = int(conn.execute(count_statement(t, f, dialect, cap)).scalar_one())
    cap = counted_cap(f, dialect, cap)
    exact = cap is None or total <= cap
    rows: Sequence[Any] = []
    if after is not None:  # keyset: as cheap as a first page at any depth
        uids = keyset_uids(conn, keyset_page_statements(t, f, limit=limit, sort=sort, after=after, dialect=dialect,
                                                        drive=page_drive(conn, f, total, limit)), limit)
        if uids:
            rows = conn.execute(select(t.events).where(t.events.c.uid.in_(uids))
                                .order_by(*event_order(t, sort))).mappings().all()
    elif offset < total or not exact:  # past the last match the page is empty: no query (a day's events at
        # offset 2,000 walked every earlier event of the date index looking for more: 7-8 ms of CPU)
        _, page_q = event_page_statements(t, f, limit=limit, offset=offset, sort=sort, dialect=dialect,
                                          drive=page_drive(conn, f, total, limit + offset))
        rows = conn.execute(page_q).mappings().all()
    last = rows[-1] if len(rows) >= limit else None
    token = None if last is None else keyset.encode("events", sort, last[sort_column(t, sort).name], last["uid"])
    return {"total": total if exact else cap, "total_exact": exact, "limit": limit, "offset": offset,
            "sort": sort, "next_cursor": token}, rows


def page_drive(conn: Connection, f: EventFilter, total: int, reach: int) -> PageDrive:
    """How a page reaching `reach` matches of `total` is cheapest found (SQLite). Walking the sort order reads
    about reach * N / total rows of the N canonical events, testing each (~2 us a row for the text, ~3 us for a
    look-up of its actors); starting from the matches costs about `total` (~8 us a text match looked up and
    sorted, ~0.75 us an actor's event listed). So walk when total**2 >= 4 * reach * N, else start from the
    matches: the text's rows in `events_fts` (whose few rows then look their actors up), or the actor's list."""
    if conn.dialect.name != "sqlite" or not (f.q or f.actor):
        return PageDrive()
    walk = total * total * 4 >= reach * search.indexed_rows(conn)
    needle = normalize_name(f.q) if f.q else ""
    text_drive = not walk and f.merged and len(needle) >= search.MIN_TRIGRAM
    return PageDrive(text_drive=text_drive, actor_probe=bool(f.actor) and (walk or text_drive))


# a page's happenings' reports, oldest first. SQLite reads each document's `ingested_at` from
# `ix_documents_ingested` (pagejson.SQLITE_INGESTED; without statistics its planner took the primary key's index
# and read the row, walking the text and record before `ingested_at`)
_SOURCES_SQL = """SELECT s.merged_id, s.event_uid, s.document_id, s.source, s.published, s.reprint_of, e.fatalities,
 e.cumulative_killed, e.source_attribution, d.ingested_at
FROM event_sources AS s JOIN events AS e ON e.uid = s.event_uid JOIN documents AS d{hint} ON d.id = s.document_id
WHERE s.merged_id IN :ids ORDER BY s.published ASC NULLS LAST, s.event_uid"""
_SOURCES = {dialect: text(_SOURCES_SQL.format(hint=hint)).bindparams(bindparam("ids", expanding=True))
            for dialect, hint in (("sqlite", " INDEXED BY ix_documents_ingested"), ("postgresql", ""))}


# an item's report: the statement's columns after merged_id, under these names, in this order
_SOURCE_KEYS = ("event_id", "document_id", "source", "published", "reprint_of", "fatalities", "cumulative_killed",
                "source_attribution", "ingested_at")


def sources_statement(dialect: str) -> TextClause:
    """The statement of `_sources` (its parameter `ids`: the happenings' canonical uids)."""
    return _SOURCES[dialect]


def _sources(conn: Connection, t: Tables, merged_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """The reports of each happening, oldest first: its source, document and the figures it gave."""
    sources: dict[str, list[dict[str, Any]]] = {}
    for merged_id, *fields in conn.execute(sources_statement(conn.dialect.name), {"ids": merged_ids}):
        sources.setdefault(merged_id, []).append(dict(zip(_SOURCE_KEYS, fields, strict=True)))
    return sources


def event_items(conn: Connection, t: Tables, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Event rows as API dicts: the stored event with its happening's reports and merged fatalities."""
    if not rows:
        return []
    sources = _sources(conn, t, sorted({r["merged_id"] for r in rows}))
    items = []
    for r in rows:
        body = json.loads(r["event_json"])
        body.update(pagejson.item_fields(r, sources.get(r["merged_id"], [])))
        items.append(body)
    return items


def event_items_json(conn: Connection, t: Tables, rows: Sequence[Any]) -> list[str]:
    """Event rows as the JSON texts of API items (`event_items` rendered, without parsing compact stored JSON)."""
    if not rows:
        return []
    sources = _sources(conn, t, sorted({r["merged_id"] for r in rows}))
    return [pagejson.item_json(r, sources.get(r["merged_id"], [])) for r in rows]


def get_event(conn: Connection, t: Tables, uid: str) -> dict[str, Any] | None:
    """One event with every report of its happening (counts per source, conflicting figures kept)."""
    e, d = t.events, t.documents
    row = conn.execute(select(e).where(e.c.uid == uid)).mappings().first()
    if row is None:
        return None
    item = event_items(conn, t, [row])[0]
    members = conn.execute(select(e.c.uid, e.c.event_json, e.c.document_id, d.c.source, d.c.published, d.c.title)
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


def get_document(conn: Connection, t: Tables, document_id: str) -> dict[str, Any] | None:
    """The document text with its mentions, events (store ids) and counts; spans index `text`."""
    d = t.documents
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


def list_documents(conn: Connection, t: Tables, *, limit: int, offset: int,
                   after: keyset.Cursor | None = None) -> dict[str, Any]:
    """A page of stored documents, newest first (`after`: the page starts after that position, keyset paging);
    `next_cursor` is the token of the page's last row (None after a short page)."""
    d = t.documents
    total = document_counts(conn, t)["documents"]
    q = (select(d.c.id, d.c.source, d.c.published, d.c.title, d.c.length, d.c.n_events, d.c.reprint_of,
                d.c.ingested_at).order_by(d.c.published.desc().nulls_last(), d.c.id))
    if after is None:
        rows = conn.execute(q.limit(limit).offset(offset)).mappings().all()
    else:
        rows = []
        for r in keyset.ranges(d.c.published, d.c.id, True, after):
            rows += conn.execute(q.where(r).limit(limit - len(rows))).mappings().all()
            if len(rows) >= limit:
                break
    last = rows[-1] if len(rows) >= limit else None
    token = None if last is None else keyset.encode("documents", "-published", last["published"], last["id"])
    return {"total": total, "limit": limit, "offset": offset, "next_cursor": token, "items": [dict(r) for r in rows]}


def document_counts(conn: Connection, t: Tables) -> dict[str, int]:
    """How many documents are stored, how many are reprints and how many undated: kept by the writes
    (`doccounts`, version 16), else counted."""
    found = doccounts.kept(conn, t.state)
    if found is not None:
        return found
    d = t.documents
    return {name: int(conn.execute(select(func.count()).select_from(d).where(*cond)).scalar_one())
            for name, cond in (("documents", []), ("reprints", [d.c.reprint_of.is_not(None)]),
                               ("undated", [d.c.published.is_(None)]))}


def _breakdowns(conn: Connection, t: Tables, conds: list[ColumnElement[bool]]) -> dict[str, Any]:
    """Matching events counted by ACLED type, PLOVER code, country and modality, and their date range."""
    e = t.events

    def group(col: Any) -> dict[str, int]:
        rows = conn.execute(select(col, func.count()).where(*conds).group_by(col).order_by(col)).all()
        return {str(k) if k is not None else "": int(n) for k, n in rows}

    out: dict[str, Any] = {
        "events": int(conn.execute(select(func.count()).select_from(e).where(*conds)).scalar_one()),
        "by_acled_type": group(e.c.acled_event_type), "by_plover": group(e.c.plover),
        "by_country": group(e.c.country), "by_modality": group(e.c.modality)}
    date_rng = conn.execute(select(func.min(e.c.date_start), func.max(e.c.date_end)).where(*conds)).first()
    out["date_min"] = date_rng[0] if date_rng else None
    out["date_max"] = date_rng[1] if date_rng else None
    return out


def _timeline(conn: Connection, t: Tables, conds: list[ColumnElement[bool]]) -> list[dict[str, Any]]:
    """Events and merged fatalities (the most conservative report of each happening) per day."""
    e = t.events
    m = t.events.alias("report")
    # each happening's figure looked up by its canonical event (one seek in ix_events_happening), not a
    # grouping of every stored event joined back (over 100,000 events: 288 -> 130 ms of CPU)
    happening = (select(func.min(m.c.fatalities)).where(m.c.merged_id == e.c.uid).scalar_subquery())
    fat_rows = conn.execute(
        select(e.c.date_start, func.count(), func.coalesce(func.sum(happening), 0))
        .where(*conds, e.c.date_start.is_not(None)).group_by(e.c.date_start).order_by(e.c.date_start)).all()
    return [{"date": d_, "events": int(n), "fatalities": int(fat)} for d_, n, fat in fat_rows]


def stats(conn: Connection, t: Tables, f: EventFilter) -> dict[str, Any]:
    """Totals, breakdowns, the events timeline and the latest killed toll of each campaign (one figure each)."""
    conds = event_conditions(t, f)
    docs = document_counts(conn, t)
    n_all = int(conn.execute(select(func.count()).select_from(t.events)).scalar_one())
    parts = _breakdowns(conn, t, conds)
    timeline = _timeline(conn, t, conds)
    tf = TollFilter(country=f.country, date_from=f.date_from, date_to=f.date_to)
    n_series = len(toll_series(conn, t, tf))
    return {
        "schema_version": SCHEMA_VERSION, "documents": docs["documents"], "reprints": docs["reprints"],
        "events_stored": n_all,
        "events": parts["events"], "by_acled_type": parts["by_acled_type"], "by_plover": parts["by_plover"],
        "by_country": parts["by_country"], "by_modality": parts["by_modality"], "date_min": parts["date_min"],
        "date_max": parts["date_max"], "fatalities": sum(x["fatalities"] for x in timeline), "timeline": timeline,
        "toll_series": n_series, "documents_undated": docs["undated"],
        "campaign_tolls": headline_tolls(conn, t, tf)}  # the latest killed toll of each campaign, never summed


def check_integrity(conn: Connection, t: Tables) -> list[str]:
    """Problems found: documents whose stored rows disagree with their record (none after any crash)."""
    problems = []
    ev_n: dict[str, int] = dict(conn.execute(
        select(t.events.c.document_id, func.count()).group_by(t.events.c.document_id)).all())
    me_n: dict[str, int] = dict(conn.execute(
        select(t.mentions.c.document_id, func.count()).group_by(t.mentions.c.document_id)).all())
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

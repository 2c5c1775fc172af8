"""Keyset paging (`cursor` / `next_cursor`, `store/keyset.py`) on both stores: pages walked by cursor give the same
rows as the reference order and as offset pages, stay stable when events or documents are stored between two
pages, reject tokens made for another sort, and each range a cursor page reads is an index range (EXPLAIN)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from store_fixtures import synthetic_record
from test_store_daycounts import NO_PLACE, UNDATED
from test_store_load import HOT_FILTERS, _reference_page

from rasd.store import EventFilter, Store, keyset
from rasd.store.filters import SORT_KEYS
from rasd.store.reads import keyset_page_statements

FILTERS = [*HOT_FILTERS, EventFilter(merged=False), EventFilter(place="tripoli", merged=False)]


def _fill(store: Store, n: int, seed: int = 3, first: int = 0) -> None:
    """`n` synthetic documents of two events each (through `ingest`: reprints and merges), numbered from `first`."""
    for i in range(first, first + n):
        store.ingest(synthetic_record(i % 50, events=2, seed=seed + i // 50))


def _rows(store: Store) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every stored event row and actor row."""
    from sqlalchemy import select

    with store.engine.connect() as conn:
        return ([dict(r) for r in conn.execute(select(store.t.events)).mappings()],
                [dict(r) for r in conn.execute(select(store.t.event_actors)).mappings()])


def _walk(store: Store, f: EventFilter, sort: str, limit: int, token: str | None = None) -> list[str]:
    """Every event id from the position `token` names (the start without one) to the end, page by page."""
    ids: list[str] = []
    while True:
        after = None if token is None else keyset.decode(token, "events", sort)
        page = store.query_events(f, limit=limit, sort=sort, after=after, cap=5)
        ids += [e["id"] for e in page["items"]]
        assert len(page["items"]) <= limit
        token = page["next_cursor"]
        if token is None:
            assert len(page["items"]) < limit  # only a short page has no next
            return ids


def test_store_keyset_pages_follow_the_sort_order(store_url: str) -> None:
    """Walked by cursor (7 a page), every hot filter in every sort gives the reference order — NULL dates and
    figures last, ties by uid — and the same rows as the offset pages."""
    with Store.open(store_url) as store:
        _fill(store, 70)
        store.ingest(UNDATED)  # an event without dates, and one without a place
        store.ingest(NO_PLACE)
        rows, actors = _rows(store)
        assert any(r["date_start"] is None for r in rows) and any(r["fatalities"] is None for r in rows)
        for f in FILTERS:
            for sort in SORT_KEYS:
                expected = _reference_page(rows, actors, f, sort)
                assert _walk(store, f, sort, 7) == expected, (f, sort)
                by_offset = store.query_events(f, limit=7, offset=14, sort=sort)
                assert [e["id"] for e in by_offset["items"]] == expected[14:21], (f, sort)
                if len(expected) >= 21:  # an offset page's cursor continues where it ends
                    assert _walk(store, f, sort, 7, by_offset["next_cursor"]) == expected[21:], (f, sort)


def test_store_keyset_pages_are_stable_under_inserts(store_url: str) -> None:
    """Events stored between two pages, before and after the position, move nothing: the next page by cursor is
    the reference order after the last row seen (no row repeated, none skipped), where an offset page repeats."""
    with Store.open(store_url) as store:
        _fill(store, 40)
        for sort in ("date", "-date", "-fatalities", "confidence"):
            f = EventFilter()
            first = store.query_events(f, limit=10, sort=sort)
            seen = [e["id"] for e in first["items"]]
            _fill(store, 6, seed=11 + SORT_KEYS.index(sort), first=200)  # new happenings, dates all over the year
            rows, actors = _rows(store)
            now = _reference_page(rows, actors, f, sort)
            rest = _walk(store, f, sort, 10, first["next_cursor"])
            assert rest == now[now.index(seen[-1]) + 1:], sort
            assert not set(rest) & set(seen), sort
        pos = now.index(seen[-1]) + 1
        assert now[:pos] != seen  # the inserts did land before the position: offset paging would have shifted


def test_store_keyset_documents_pages(store_url: str) -> None:
    """/api/documents' order (newest first, undated last, ties by id) walked by cursor equals the offset pages,
    and a document stored between two pages neither repeats a row nor pushes one out."""
    with Store.open(store_url) as store:
        _fill(store, 30)
        store.ingest(UNDATED)
        every = store.list_documents(limit=500)["items"]
        assert every[-1]["published"] is None
        walked, token = [], None
        while True:
            page = store.list_documents(limit=4, after=None if token is None else
                                        keyset.decode(token, "documents", "-published"))
            walked += page["items"]
            token = page["next_cursor"]
            if len(walked) == 8:
                store.ingest(synthetic_record(900, events=1, seed=1))  # stored mid-walk
            if token is None:
                break
        ids = [d["id"] for d in walked]
        assert len(ids) == len(set(ids))
        new = {d["id"] for d in store.list_documents(limit=500)["items"]} - {d["id"] for d in every}
        assert [i for i in ids if i not in new] == [d["id"] for d in every]


def test_store_keyset_tokens_are_checked() -> None:
    """A token reads back as it was made; one made for another sort or kind, garbled, too long or with a value of
    the wrong type is a ValueError (the API's 422)."""
    token = keyset.encode("events", "-fatalities", 12.0, "doc1:e2")
    assert keyset.decode(token, "events", "-fatalities") == keyset.Cursor(12, "doc1:e2")
    assert keyset.decode(keyset.encode("events", "date", None, "u"), "events", "date") == keyset.Cursor(None, "u")
    bad = [(token, "events", "fatalities"), (token, "documents", "-published"), ("%%%", "events", "date"),
           ("x" * (keyset.MAX_TOKEN + 1), "events", "date"),
           (keyset.encode("events", "date", 5, "u"), "events", "date"),
           (keyset.encode("events", "fatalities", 1.5, "u"), "events", "fatalities"),
           (keyset.encode("events", "confidence", "0.5", "u"), "events", "confidence"),
           (keyset.encode("events", "date", "2020-01-01", ""), "events", "date")]
    for tok, kind, sort in bad:
        with pytest.raises(ValueError):
            keyset.decode(tok, kind, sort)


def test_store_keyset_ranges_are_index_ranges(store_url: str) -> None:
    """EXPLAIN: each range of a cursor page (the tie group's rest, the values beyond, the NULLs) is a bounded
    search of an index — never a scan of `events` — bounded by the sort column (PostgreSQL: the tie group's rest may
    be bounded by uid alone, and a place's few events found by the place, on a store this small), for the canonical
    events and every event."""
    with Store.open(store_url) as store:
        _fill(store, 30)
        with store.engine.connect() as conn:
            if store.is_postgres:
                conn.exec_driver_sql("ANALYZE events")
            dialect = conn.dialect.name
            for f in (EventFilter(), EventFilter(merged=False), EventFilter(place="ly-tripoli")):
                for sort, value in [("-date", "2020-05-01"), ("date", "2020-05-01"), ("-fatalities", 3),
                                    ("fatalities", 3), ("confidence", 0.5), ("-confidence", 0.5)]:
                    for k, q in enumerate(keyset_page_statements(store.t, f, limit=50, sort=sort,
                                                                 after=keyset.Cursor(value, "x"), dialect=dialect)):
                        plan = _plan(conn, q, store.is_postgres)
                        col = {"date": "date_start"}.get(sort.lstrip("-"), sort.lstrip("-"))
                        if store.is_postgres:  # the tie group's rest: on a store this small maybe by uid alone;
                            # a place's few events: from its own indexes, then sorted
                            conds = [line for line in plan.splitlines() if "Index Cond:" in line]
                            assert conds and (k == 0 or f.place or col in conds[0]), (f, sort, plan)
                            assert "Seq Scan" not in plan, (f, sort, plan)
                        else:
                            assert "SEARCH events USING" in plan and f"({col}" in plan, (f, sort, plan)


def _plan(conn: Any, q: Any, postgres: bool) -> str:
    """The plan of statement `q` as one text (PostgreSQL with sequential scans penalised, as a store this small
    would otherwise read its few pages whole)."""
    sql = str(q.compile(conn, compile_kwargs={"literal_binds": True}))
    if postgres:
        conn.exec_driver_sql("SET enable_seqscan = off")
        try:
            return "\n".join(str(r[0]) for r in conn.exec_driver_sql("EXPLAIN " + sql))
        finally:
            conn.exec_driver_sql("RESET enable_seqscan")
    return "\n".join(str(r[-1]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql))


def test_api_cursor_pages(store_url: str, tmp_path: Path) -> None:
    """GET /api/events and /api/documents: `next_cursor` continues where `offset` would, for every sort; a cursor
    with an offset, for another sort, or garbled is a 422."""
    from fastapi.testclient import TestClient

    from rasd.api import Settings, create_app

    with Store.open(store_url) as store:
        _fill(store, 12)
    with TestClient(create_app(Settings(db_url=store_url))) as c:
        for sort in SORT_KEYS:
            one = c.get("/api/events", params={"limit": 5, "sort": sort}).json()
            two = c.get("/api/events", params={"limit": 5, "sort": sort, "cursor": one["next_cursor"]}).json()
            by_offset = c.get("/api/events", params={"limit": 5, "sort": sort, "offset": 5}).json()
            assert [e["id"] for e in two["items"]] == [e["id"] for e in by_offset["items"]], sort
            assert two["total"] == one["total"] and two["next_cursor"] == by_offset["next_cursor"], sort
        token = one["next_cursor"]
        for params in ({"cursor": token, "offset": 5, "sort": sort}, {"cursor": token, "sort": "date"},
                       {"cursor": "not-a-cursor", "sort": sort}):
            r = c.get("/api/events", params=params)
            assert r.status_code == 422 and r.json()["detail"].startswith("cursor:"), params
        docs = c.get("/api/documents", params={"limit": 3}).json()
        more = c.get("/api/documents", params={"limit": 3, "cursor": docs["next_cursor"]}).json()
        assert [d["id"] for d in more["items"]] == [
            d["id"] for d in c.get("/api/documents", params={"limit": 3, "offset": 3}).json()["items"]]
        assert c.get("/api/documents", params={"cursor": token}).status_code == 422


def test_store_keyset_documents_order_walks_an_index(store_url: str) -> None:
    """EXPLAIN: /api/documents' page (newest first, undated last) and a cursor's range walk an index in that order
    and sort no whole set (PostgreSQL from version 15: `ix_documents_published_desc`; SQLite: its ascending index
    walked backward, each date's few documents ordered by id)."""
    from sqlalchemy import select

    with Store.open(store_url) as store:
        _fill(store, 20)
        d = store.t.documents
        q = select(d.c.id).order_by(d.c.published.desc().nulls_last(), d.c.id)
        with store.engine.connect() as conn:
            if store.is_postgres:  # sorting penalised, as test_store_sorts does: a plan still sorting has no index
                conn.exec_driver_sql("ANALYZE documents")  # in that order (a store this small would sort 20 rows)
                conn.exec_driver_sql("SET enable_sort = off")
            for stmt in (q.limit(50).offset(500), q.where(d.c.published < "2020-06-01").limit(50)):
                plan = _plan(conn, stmt, store.is_postgres)
                if store.is_postgres:
                    assert "ix_documents_published_desc" in plan and "Sort" not in plan, plan
                else:
                    assert "ix_documents_published" in plan and "TEMP B-TREE FOR ORDER BY" not in plan, plan

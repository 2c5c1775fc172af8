"""A page of events assembled around each event's stored JSON (schema version 12, `store.pagejson`): the same bytes
as rendering the parsed items, on either store, before and after the migration that compacts stored JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("fastapi", reason=STORE_EXTRA)
from fastapi.testclient import TestClient
from sqlalchemy import delete, select, update
from store_fixtures import sample_records, synthetic_record

from rasd.api import Settings, create_app
from rasd.serve.cache import render
from rasd.store import EventFilter, Store, pagejson
from rasd.store.schema import SCHEMA_VERSION

FILTERS = [EventFilter(), EventFilter(country="LY"), EventFilter(merged=False), EventFilter(q="قصف"),
           EventFilter(acled_type="Battles"), EventFilter(date_from="2020-03-01", date_to="2020-12-31")]
SORTS = ["-date", "date", "-fatalities"]


def _fill(store: Store) -> None:
    for rec in sample_records():
        store.ingest(rec)
    for i in range(12):
        store.ingest(synthetic_record(i, events=2, seed=7))


def _pages(store: Store) -> list[bytes]:
    """Every page of FILTERS x SORTS (two pages each, the second past a small limit), as the API renders them."""
    out = []
    for f in FILTERS:
        for sort in SORTS:
            for offset in (0, 3):
                body = store.query_events_json(f, limit=3, offset=offset, sort=sort, cap=5)
                assert body == render(store.query_events(f, limit=3, offset=offset, sort=sort, cap=5))
                out.append(body)
    return out


def test_store_pagejson_page_is_the_rendered_page(store_url: str) -> None:
    with Store.open(store_url) as store:
        _fill(store)
        pages = _pages(store)
        assert any(json.loads(p)["items"] for p in pages)
        with store.engine.connect() as conn:  # stored compact: every item took the unparsed path
            stored = conn.execute(select(store.t.events.c.event_json)).scalars().all()
        assert stored and all(s == pagejson.dumps(json.loads(s)) for s in stored)


def test_store_pagejson_migration_12_compacts_a_version_11_store(store_url: str) -> None:
    """A store whose events were stored with spaces (version 11) renders the same pages before the migration (each
    item parsed) and after it (stored compact, unparsed); the migration leaves the JSON's content unchanged."""
    with Store.open(store_url) as store:
        _fill(store)
        ev = store.t.events
        with store.writer.begin() as conn:
            rows = conn.execute(select(ev.c.uid, ev.c.event_json)).all()
            spaced = {}
            for n, (uid, stored) in enumerate(rows):  # as version 11 stored them, some with awkward strings
                body = json.loads(stored)
                if n % 3 == 0:
                    body["rules"] = ['قال "نعم", ثم: لا', "a\\b \\\"c\\\" ,: d", "\t{ }\n"]
                spaced[uid] = json.dumps(body, ensure_ascii=False)
                conn.execute(update(ev).where(ev.c.uid == uid).values(event_json=spaced[uid]))
            conn.execute(delete(store.t.migrations).where(store.t.migrations.c.version >= 12))
        before = _pages(store)
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 12
        assert _pages(store) == before
        with store.engine.connect() as conn:
            after = dict(conn.execute(select(ev.c.uid, ev.c.event_json)).all())
    assert after == {uid: pagejson.dumps(json.loads(text)) for uid, text in spaced.items()}


def test_store_pagejson_item_fields_are_not_record_keys() -> None:
    """An item's store fields are appended to the stored record unparsed, so no event record has one at its top
    level but `id`, which it has first (the one replaced in place)."""
    for rec in sample_records() + [synthetic_record(i, events=3, seed=2) for i in range(5)]:
        for ev in rec.events:
            keys = list(ev.to_json())
            assert keys[0] == "id"
            assert set(keys) & set(pagejson.ITEM_FIELDS) == {"id"}


def test_store_pagejson_item_of_a_spaced_row_matches_a_compact_one() -> None:
    record = {"id": "e1", "date": {"start": "2020-01-02"}, "counts": [{"text": "قتل 3, منهم: طفل"}], "rules": []}
    row = {"uid": "doc:e1", "event_id": "e1", "document_id": "doc", "merged_id": "doc:e1", "country": "LY",
           "evidence_text": "نص", "fatalities": 3, "cumulative_killed": None}
    srcs = [{"event_id": "doc:e1", "fatalities": 3}]
    compact = pagejson.item_json({**row, "event_json": pagejson.dumps(record)}, srcs)
    spaced = pagejson.item_json({**row, "event_json": json.dumps(record, ensure_ascii=False)}, srcs)
    assert compact == spaced == pagejson.dumps({**record, **pagejson.item_fields(row, srcs)})
    assert json.loads(compact)["id"] == "doc:e1" and json.loads(compact)["event_id"] == "e1"


def test_store_pagejson_api_page_bytes(tmp_path: Path) -> None:
    """/api/events answers with the page as the store renders it, uncached and cached alike."""
    url = f"sqlite:///{tmp_path / 'api.db'}"
    with Store.open(url) as store:
        _fill(store)
        expected = render(store.query_events(EventFilter(country="LY"), limit=4, offset=1, sort="date",
                                             cap=10_000))
    for cache_seconds in (0.0, 2.0):
        with TestClient(create_app(Settings(db_url=url, cache_seconds=cache_seconds))) as c:
            for _ in range(2):
                r = c.get("/api/events", params={"country": "LY", "limit": 4, "offset": 1, "sort": "date"})
                assert r.status_code == 200 and r.content == expected
                assert r.headers["content-type"] == "application/json"


def test_store_pagejson_reports_read_ingested_at_beside_the_id(store_url: str) -> None:
    """Schema version 17: a page's reports give each document's `ingested_at` as stored; on SQLite read from
    `ix_documents_ingested` (never from the documents' rows, whose text and record come before it), also after
    migrating a store taken back to version 16; on PostgreSQL no such index is made (TOAST keeps the rows narrow)."""
    from sqlalchemy import bindparam, text

    from rasd.store import reads

    with Store.open(store_url) as store:
        _fill(store)
        with store.writer.begin() as conn:
            if not store.is_postgres:
                conn.exec_driver_sql("DROP INDEX ix_documents_ingested")
            conn.execute(delete(store.t.migrations).where(store.t.migrations.c.version >= 17))
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 17
        t = store.t
        with store.engine.connect() as conn:
            ingested = dict(conn.execute(select(t.documents.c.id, t.documents.c.ingested_at)).all())
            merged = sorted(conn.execute(select(t.event_sources.c.merged_id).distinct()).scalars().all())
            stmt = reads.sources_statement(conn.dialect.name)
            rows = conn.execute(stmt, {"ids": merged}).mappings().all()
            assert len(rows) >= len(merged) > 0
            assert all(r["ingested_at"] == ingested[r["document_id"]] for r in rows)
            if store.is_postgres:
                names = conn.execute(text("SELECT indexname FROM pg_indexes WHERE tablename = 'documents'"))
                assert "ix_documents_ingested" not in set(names.scalars())
            else:
                explain = text("EXPLAIN QUERY PLAN " + stmt.text).bindparams(bindparam("ids", expanding=True))
                plan = [str(r[-1]) for r in conn.execute(explain, {"ids": merged})]
                assert "SEARCH d USING COVERING INDEX ix_documents_ingested (id=?)" in plan, plan

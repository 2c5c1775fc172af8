"""Schema version 16: the documents, reprints and undated documents counted by the writes (`store/doccounts.py`,
kept in `store_state` by triggers on both stores); `/api/documents`' total and `/api/stats` read them instead of
counting every document."""

from __future__ import annotations

from typing import Any

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from store_fixtures import TEXT_A, doc_id, sample_records, synthetic_record
from test_store_daycounts import NO_PLACE, UNDATED

from rasd.store import Store, doccounts
from rasd.store.schema import SCHEMA_VERSION


def _counted(store: Store) -> dict[str, int]:
    """The documents, reprints and undated documents counted over the rows."""
    from sqlalchemy import func, select

    d = store.t.documents
    with store.engine.connect() as conn:
        return {name: int(conn.execute(select(func.count()).select_from(d).where(*cond)).scalar_one())
                for name, cond in (("documents", []), ("reprints", [d.c.reprint_of.is_not(None)]),
                                   ("undated", [d.c.published.is_(None)]))}


def _check(store: Store) -> dict[str, int]:
    """The kept counts equal the rows', and the documents' pages and the statistics give them."""
    expected = _counted(store)
    with store.engine.connect() as conn:
        assert doccounts.kept(conn, store.t.state) == expected
    assert store.list_documents(limit=2)["total"] == expected["documents"]
    stats = store.stats()
    assert (stats["documents"], stats["reprints"], stats["documents_undated"]) == tuple(expected.values())
    return expected


def _unmigrate(store: Store) -> None:
    """Take a store back before migration 16: no kept counts' columns, no triggers."""
    from sqlalchemy import text

    with store.writer.begin() as conn:
        if store.is_postgres:
            conn.execute(text(f"DROP TRIGGER {doccounts.PG_TRIGGER} ON documents"))
        else:
            for name in doccounts.SQLITE_TRIGGERS:
                conn.execute(text(f"DROP TRIGGER {name}"))
        for name in doccounts.KEPT:
            conn.execute(text(f"ALTER TABLE store_state DROP COLUMN {name}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 16"))


def test_store_doccounts_follow_ingests_reprints_deletes_and_migration(store_url: str) -> None:
    """The kept counts follow single and batched ingests, reprints, undated documents, duplicates and a deletion that turns a reprint into an original; a store of version 15 migrates to them."""
    with Store.open(store_url) as store:
        assert _check(store) == {"documents": 0, "reprints": 0, "undated": 0}
        for record in (*sample_records(), UNDATED, NO_PLACE):
            store.ingest(record)
        store.ingest(UNDATED)  # a duplicate: nothing stored
        outcomes = store.ingest_many([(synthetic_record(i, events=2), None) for i in range(4)])
        assert all(not isinstance(o, Exception) for o in outcomes)
        assert _check(store) == {"documents": 11, "reprints": 1, "undated": 1}
        assert store.delete_document(doc_id(TEXT_A))  # the reprint of it stays, as an original
        assert store.delete_document(UNDATED.document.id)
        assert _check(store) == {"documents": 9, "reprints": 0, "undated": 0}
        _unmigrate(store)
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert _check(store)["documents"] == 9
        store.ingest(UNDATED)
        store.ingest(sample_records()[0])  # the original again: now a reprint of its former reprint
        assert _check(store) == {"documents": 11, "reprints": 1, "undated": 1}


def test_store_doccounts_rolled_back_with_a_failed_document(store_url: str) -> None:
    """A document that fails inside a batch takes its counts with it (its savepoint is rolled back)."""
    from unittest import mock

    from rasd.store import writes

    with Store.open(store_url) as store:
        real = writes.insert_record
        calls: list[int] = []

        def failing(conn: Any, t: Any, record: Any, *args: Any, **kwargs: Any) -> Any:
            calls.append(1)
            out = real(conn, t, record, *args, **kwargs)
            if record.document.id == UNDATED.document.id:
                raise RuntimeError("a failure after the document's rows were written")
            return out

        with mock.patch.object(writes, "insert_record", failing):
            out = store.ingest_many([(synthetic_record(1, events=2), None), (UNDATED, None),
                                     (synthetic_record(2, events=2), None)])
        assert isinstance(out[1], RuntimeError) and not isinstance(out[0], Exception)
        assert _check(store) == {"documents": 2, "reprints": 0, "undated": 0}


def test_store_doccounts_documents_page_counts_no_rows(store_url: str) -> None:
    """A page of documents reads its total from store_state: no statement counts the documents table."""
    from sqlalchemy import event

    with Store.open(store_url) as store:
        for i in range(6):
            store.ingest(synthetic_record(i, events=1))
        seen: list[str] = []

        def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            seen.append(" ".join(statement.lower().split()))

        event.listen(store.engine, "before_cursor_execute", record)
        page = store.list_documents(limit=4)
        assert page["total"] == 6 and len(page["items"]) == 4
        assert any("store_state" in s for s in seen)
        assert not [s for s in seen if "count(" in s], seen

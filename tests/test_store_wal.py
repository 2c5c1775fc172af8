"""A SQLite store's WAL stays bounded under writes while readers come and go (PostgreSQL: the same writes, no WAL
file to bound)."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy", reason="needs the [store] extra: python -m pip install -e '.[store]'")
from store_fixtures import synthetic_record

from rasd.store import EventFilter, Store


def _batch(start: int, n: int = 4) -> list[tuple[object, None]]:
    return [(synthetic_record(start + k, events=2, seed=3), None) for k in range(n)]


def _wal_bytes(store: Store) -> int:
    path = store.engine.url.database
    return os.path.getsize(f"{path}-wal") if store.engine.dialect.name == "sqlite" else 0


def test_store_wal_truncated_past_its_limit(store_url: str) -> None:
    with Store.open(store_url) as store:
        store.wal_limit = 1  # every write finds the WAL past its limit
        reader = store.engine.connect()  # a reader between the writes, as the API's pool
        for k in range(3):
            outcomes = store.ingest_many(_batch(10 * k))  # type: ignore[arg-type]
            assert all(not isinstance(o, Exception) and o.status == "ingested" for o in outcomes)
            assert store.count_events() == 8 * (k + 1)
            assert reader.execute(store.t.events.select().limit(1)).first() is not None
            reader.rollback()
            assert _wal_bytes(store) == 0  # checkpointed and truncated after the commit
        store.ingest(synthetic_record(99, events=2, seed=3))
        assert _wal_bytes(store) == 0
        reader.close()
        assert store.count_events(EventFilter(merged=False)) >= store.count_events() == 26


def test_store_wal_kept_below_the_limit(tmp_path: Path) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        store.ingest_many(_batch(0))  # type: ignore[arg-type]
        assert 0 < _wal_bytes(store) < store.wal_limit  # no checkpoint below the limit: the WAL is left as it is


def test_store_wal_checkpoint_waits_briefly_for_an_old_snapshot(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    with Store.open(url) as store:
        store.ingest_many(_batch(0))  # type: ignore[arg-type]
        old = sqlite3.connect(str(tmp_path / "r.db"), isolation_level=None)
        old.execute("BEGIN")
        before = old.execute("SELECT count(*) FROM events").fetchone()[0]  # a snapshot in the WAL, held open
        store.wal_limit = 1
        store.ingest_many(_batch(100))  # type: ignore[arg-type]
        assert _wal_bytes(store) > 0  # not truncated under a reader of an older snapshot (given up after a wait)
        raw = store.writer.raw_connection()
        assert raw.driver_connection.execute("PRAGMA busy_timeout").fetchone()[0] == 60_000  # writes wait as before
        raw.close()
        assert old.execute("SELECT count(*) FROM events").fetchone()[0] == before  # its snapshot intact
        failed_at = _wal_bytes(store)
        assert store._wal_backoff == failed_at  # no new attempt before the WAL has grown by the limit again
        store.ingest_many(_batch(200))  # type: ignore[arg-type]
        assert _wal_bytes(store) > failed_at
        old.execute("COMMIT")
        old.close()
        store.wal_limit = 1
        store.ingest_many(_batch(300))  # type: ignore[arg-type]
        assert _wal_bytes(store) == 0  # the reader gone, the next write past its limit truncates it
        assert store.count_events() == 32
        assert store._wal_backoff == 0

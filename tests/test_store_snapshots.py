"""SQLite read snapshots kept across check-outs (store/snapshots.py): bounded by time, ended by this process's
writes and when idle, reported to the read cache. SQLite files only (PostgreSQL and `:memory:` keep none)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store_fixtures import synthetic_record

from rasd.serve.cache import ReadCache
from rasd.store import EventFilter, Store

ALL = EventFilter(merged=False)


def _url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'rasd.db'}"


def test_store_snapshots_reader_keeps_its_snapshot_while_young(tmp_path: Path) -> None:
    """Another process's commit is not seen by a kept snapshot (its page cache survives); the generation, read
    through its own connection, is; and the listener is told the snapshot's own generation."""
    url = _url(tmp_path)
    seen: list[int] = []
    with Store.open(url, snapshot_seconds=3600) as reader, Store.open(url) as other:
        other.ingest(synthetic_record(1, events=1))
        reader.observe_snapshots(lambda generation, _began: seen.append(generation))
        g1 = reader.generation()
        assert reader.count_events(ALL) == 1
        other.ingest(synthetic_record(2, events=1))
        assert reader.generation() == g1 + 1  # the probe reads the latest commit
        assert reader.count_events(ALL) == 1  # the kept snapshot: as of g1
        assert reader.query_events(ALL)["total"] == 1
        assert seen and set(seen) == {g1}


def test_store_snapshots_expired_snapshot_is_renewed(tmp_path: Path) -> None:
    url = _url(tmp_path)
    with Store.open(url, snapshot_seconds=3600) as reader, Store.open(url) as other:
        assert reader.count_events(ALL) == 0
        other.ingest(synthetic_record(1, events=1))
        assert reader.count_events(ALL) == 0
        assert reader._snapshots is not None
        reader._snapshots.hold = 0.0  # every kept snapshot is now too old
        assert reader.count_events(ALL) == 1


def test_store_snapshots_own_write_ends_kept_snapshots(tmp_path: Path) -> None:
    """Read your writes: a write through this store ends every snapshot kept before it."""
    url = _url(tmp_path)
    with Store.open(url, snapshot_seconds=3600) as store, Store.open(url) as other:
        assert store.count_events(ALL) == 0
        other.ingest(synthetic_record(1, events=1))
        store.ingest(synthetic_record(2, events=1))
        assert store.count_events(ALL) == 2
        assert store.get_document(synthetic_record(2, events=1).document.id) is not None


def test_store_snapshots_without_hold_every_read_is_fresh(tmp_path: Path) -> None:
    url = _url(tmp_path)
    with Store.open(url, snapshot_seconds=0) as reader, Store.open(url) as other:
        assert reader._snapshots is None
        assert reader.count_events(ALL) == 0
        other.ingest(synthetic_record(1, events=1))
        assert reader.count_events(ALL) == 1


def test_store_snapshots_idle_snapshot_is_swept_so_the_wal_checkpoints(tmp_path: Path) -> None:
    """An idle connection's expired snapshot is ended by the sweep: a full checkpoint is no longer blocked."""
    url = _url(tmp_path)
    with Store.open(url, snapshot_seconds=3600) as reader, Store.open(url) as other:
        assert reader.count_events(ALL) == 0  # the pooled connection now keeps a snapshot, idle
        other.ingest(synthetic_record(1, events=1))
        raw = sqlite3.connect(tmp_path / "rasd.db")
        try:
            busy, _, _ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            assert busy == 1  # the kept snapshot still needs the WAL
            assert reader._snapshots is not None
            reader._snapshots.hold = 0.0
            reader._snapshots.sweep()
            busy, _, _ = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            assert busy == 0
        finally:
            raw.close()
        assert reader.count_events(ALL) == 1


def test_store_snapshots_write_on_a_connection_with_a_snapshot(tmp_path: Path) -> None:
    """A connection that keeps a read snapshot can be taken for a write (the snapshot is ended first)."""
    url = _url(tmp_path)
    with Store.open(url, snapshot_seconds=3600, pool_size=1) as store:
        assert store.count_events(ALL) == 0
        store.ingest_many([(synthetic_record(k, events=1), None) for k in range(3)])
        assert store.count_events(ALL) == 3
        assert store.delete_document(synthetic_record(0, events=1).document.id)
        assert store.count_events(ALL) == 2


def test_store_snapshots_cache_stamps_a_body_as_old_as_its_snapshot(tmp_path: Path) -> None:
    """Through the read cache: a body computed from a kept snapshot of an older generation is stamped with that
    generation, so it is not taken for current once the cache sees the newer generation and its lag has passed."""
    url = _url(tmp_path)
    with Store.open(url, snapshot_seconds=3600) as reader, Store.open(url) as other:
        cache = ReadCache(reader.generation, stale_seconds=0.0, poll_seconds=0.0)
        reader.observe_snapshots(cache.note_input)
        assert cache.get("n", lambda: b"%d" % reader.count_events(ALL)) == b"0"
        other.ingest(synthetic_record(1, events=1))
        # the snapshot is kept: the body is of the old generation, so it is computed again at every request
        assert cache.get("n", lambda: b"%d" % reader.count_events(ALL)) == b"0"
        misses = cache.misses
        assert cache.get("n", lambda: b"%d" % reader.count_events(ALL)) == b"0"
        assert cache.misses == misses + 1
        assert reader._snapshots is not None
        reader._snapshots.hold = 0.0
        assert cache.get("n", lambda: b"%d" % reader.count_events(ALL)) == b"1"
        misses = cache.misses
        assert cache.get("n", lambda: b"%d" % reader.count_events(ALL)) == b"1"  # current now: a hit
        assert cache.misses == misses

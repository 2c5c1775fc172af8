"""Store under concurrent use: readers never wait for a writer, and the hot queries are served by indexes."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from sqlalchemy import Connection, Select
from store_fixtures import synthetic_record

from rasd.store import EventFilter, Store
from rasd.store.reads import event_page_statements

# The filters and sorts of /api/events and the dashboard (text search `q` is a substring search: a scan).
HOT_FILTERS = [EventFilter(), EventFilter(country="LY"), EventFilter(actor="lna"), EventFilter(place="ly-tripoli"),
               EventFilter(place="مصراتة"), EventFilter(date_from="2020-03-01", date_to="2020-05-31"),
               EventFilter(acled_type="Battles", min_confidence=0.5), EventFilter(plover="PROTEST", country="TN"),
               EventFilter(merged=False), EventFilter(country="LY", date_from="2020-06-01")]
HOT_SORTS = ["-date", "date", "-fatalities"]


def _plan(conn: Connection, q: Select[object]) -> list[str]:
    """The query plan's lines (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans off)."""
    sql = str(q.compile(conn, compile_kwargs={"literal_binds": True}))
    if conn.dialect.name == "sqlite":
        return [str(r[3]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()]
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")  # a seq scan left: no index can serve the query
    return [str(r[0]) for r in conn.exec_driver_sql("EXPLAIN " + sql).all()]


def _full_scans(plan: list[str]) -> list[str]:
    """Plan lines that read the whole events table (an index scan, covering or not, is not one)."""
    table_scan = re.compile(r"^SCAN events(?! USING)|Seq Scan on events\b")
    return [line for line in plan if table_scan.search(line.strip(" ->"))]


def test_store_load_hot_queries_never_scan_events(store_url: str) -> None:
    with Store.open(store_url) as store:
        for i in range(60):
            store.ingest(synthetic_record(i, events=2, seed=3))
        with store.engine.connect() as conn:
            for f in HOT_FILTERS:
                for sort in HOT_SORTS:
                    for q in event_page_statements(store.t, f, limit=50, offset=100, sort=sort):
                        plan = _plan(conn, q)
                        assert not _full_scans(plan), (f, sort, plan)


def test_store_load_reads_do_not_wait_for_a_writer(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rasd.db'}"
    with Store.open(url, busy_timeout_s=0.5) as store:
        store.ingest(synthetic_record(1, events=2))
        writer = store.writer.connect()
        try:
            writer.begin()
            writer.exec_driver_sql("UPDATE documents SET title = 'قيد الكتابة'")  # holds the write lock
            started = time.perf_counter()
            assert store.count_events(EventFilter(merged=False)) == 2
            assert store.query_events()["total"] >= 1
            assert store.stats()["documents"] == 1
            assert time.perf_counter() - started < 0.4  # no busy wait: the lock was never asked for
        finally:
            writer.rollback()
            writer.close()


def test_store_load_writers_still_take_the_write_lock_first(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'rasd.db'}"
    with Store.open(url, busy_timeout_s=0.3) as store:
        writer = store.writer.connect()
        try:
            writer.begin()
            writer.exec_driver_sql("UPDATE documents SET title = NULL")
            with pytest.raises(Exception, match="locked"):
                store.ingest(synthetic_record(2, events=1))
        finally:
            writer.rollback()
            writer.close()
        assert store.ingest(synthetic_record(2, events=1)).status == "ingested"


def test_store_load_merge_look_up_reads_bounded_index_ranges(store_url: str) -> None:
    """The cross-document merge look-up is served by `ix_events_merge` alone: one bounded range per span class,
    no scan of `events` and no open-ended date range (its cost does not grow with the store's span)."""
    from rasd.store.merging import SPAN_CLASSES, merge_candidates

    with Store.open(store_url) as store:
        for i in range(40):
            store.ingest(synthetic_record(i, events=2, seed=4))
        with store.engine.connect() as conn:
            for acled in ("Battles", None):
                q = merge_candidates(store.t, "ASSAULT", acled, "ly-misrata", "2020-03-01", "2020-03-03")
                plan = _plan(conn, q)  # type: ignore[arg-type]
                assert not _full_scans(plan), plan
                if conn.dialect.name == "sqlite":  # PostgreSQL's choice over a few rows follows its cost guesses
                    assert sum("ix_events_merge" in line for line in plan) == len(SPAN_CLASSES) + 1, plan


def test_store_load_merge_finds_long_and_short_ranges(store_url: str) -> None:
    """Every span class is looked up: a report of a day inside a stored month-long or year-long event joins it."""
    from dataclasses import replace

    from rasd.records import EventDate

    base = synthetic_record(7, events=1, seed=9)
    ev = base.events[0]
    with Store.open(store_url) as store:
        for k, (start, end) in enumerate([("2019-01-01", "2019-12-31"), ("2020-06-01", "2020-06-30")]):
            rec = synthetic_record(100 + k, events=1, seed=9)
            long_ev = replace(ev, date=EventDate(start, end, "month", "explicit"), actor1=None, actor2=None)
            stored = replace(rec, events=(replace(long_ev, evidence=rec.events[0].evidence,
                                                  counts=rec.events[0].counts),))
            assert store.ingest(stored).merged == 0
        for k, day in enumerate(["2019-07-15", "2020-06-20", "2020-07-01", "2021-03-01"]):
            rec = synthetic_record(200 + k, events=1, seed=9)
            probe = replace(rec, events=(replace(rec.events[0], date=EventDate(day, day, "day", "explicit"),
                                                 plover=ev.plover, acled_event_type=ev.acled_event_type,
                                                 acled_sub_event_type=ev.acled_sub_event_type,
                                                 location=ev.location),))
            # inside the year, inside the month, the day after the month (within a day), a year later: no
            assert store.ingest(probe).merged == (1 if k < 3 else 0), day

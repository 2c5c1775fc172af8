"""Store under concurrent use: readers never wait for a writer, and the hot queries are served by indexes."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from sqlalchemy import Connection, Select
from store_fixtures import synthetic_record

from rasd.store import EventFilter, Store
from rasd.store.filters import SORT_KEYS
from rasd.store.reads import event_page_statements
from rasd.text.normalize import normalize_name

# The filters and sorts of /api/events and the dashboard (text search `q` is a substring search: a scan).
HOT_FILTERS = [EventFilter(), EventFilter(country="LY"), EventFilter(actor="lna"), EventFilter(place="ly-tripoli"),
               EventFilter(place="مصراتة"), EventFilter(date_from="2020-03-01", date_to="2020-05-31"),
               EventFilter(acled_type="Battles", min_confidence=0.5), EventFilter(plover="PROTEST", country="TN"),
               EventFilter(merged=False), EventFilter(country="LY", date_from="2020-06-01")]
HOT_SORTS = ["-date", "date", "-fatalities"]
# the counts of the canonical events' filters (the random mix of scripts/bench_api.py), text search included
HOT_COUNTS = [f for f in HOT_FILTERS if f.merged] + [
    EventFilter(place="Benghazi"), EventFilter(acled_type="Air/drone strike", min_confidence=0.6), EventFilter(q="قصف"),
    EventFilter(country="TN", date_from="2020-02-01"), EventFilter(date_from="2020-04-04", date_to="2020-04-04")]


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


def test_store_load_hot_counts_read_no_event_rows(tmp_path: Path) -> None:
    """SQLite: each hot count is answered from the canonical covering indexes (schema version 6) — one look-up
    per alternative of a place or ACLED-type OR, an index scan for text search — never from the event rows."""
    with Store.open(f"sqlite:///{tmp_path / 'rasd.db'}") as store:
        for i in range(30):
            store.ingest(synthetic_record(i, events=2, seed=3))
        with store.engine.connect() as conn:
            for f in HOT_COUNTS:
                count_q, _ = event_page_statements(store.t, f, limit=50, offset=0, sort="-date")
                plan = [line for line in _plan(conn, count_q) if re.search(r"\bevents USING", line)]
                assert plan, (f, plan)
                for line in plan:
                    assert "COVERING INDEX" in line or "INDEX ix_events_cov_" in line, (f, plan)


def _reference_page(rows: list[dict[str, Any]], actors: list[dict[str, Any]], f: EventFilter,
                    sort: str) -> list[str]:
    """The uids a filter and sort select, computed in Python from every stored event row (the reference)."""

    def keep(r: dict[str, Any]) -> bool:
        checks = [not f.merged or r["uid"] == r["merged_id"],
                  not f.date_from or (r["date_end"] is not None and r["date_end"] >= f.date_from),
                  not f.date_to or (r["date_start"] is not None and r["date_start"] <= f.date_to),
                  not f.country or r["country"] == f.country.upper(),
                  not f.place or f.place in (r["location_id"], r["location_name_ar"])
                  or (r["location_name_en"] or "").lower() == f.place.lower(),
                  not f.actor or r["uid"] in {a["event_uid"] for a in actors if f.actor in (a["actor_id"], a["name_ar"])
                                              or (a["name_en"] or "").lower() == f.actor.lower()},
                  not f.acled_type or f.acled_type in (r["acled_event_type"], r["acled_sub_event_type"]),
                  not f.plover or r["plover"] == f.plover.upper(),
                  f.min_confidence is None or r["confidence"] >= f.min_confidence,
                  not f.q or normalize_name(f.q) in r["search_text"]]
        return all(checks)

    col = {"date": "date_start", "confidence": "confidence", "fatalities": "fatalities"}[sort.lstrip("-")]
    chosen = sorted((r for r in rows if keep(r)), key=lambda r: r["uid"])
    with_value = sorted((r for r in chosen if r[col] is not None), key=lambda r: r[col],
                        reverse=sort.startswith("-"))  # stable: ties stay in uid order
    return [r["uid"] for r in with_value] + [r["uid"] for r in chosen if r[col] is None]


def test_store_load_pages_and_counts_match_a_reference(store_url: str) -> None:
    """The covering indexes, the OR rewritten for counts and the page fetched by its keys first change no answer:
    every hot filter's total and pages (every sort, three offsets) equal a plain Python filter of the rows."""
    from sqlalchemy import select

    with Store.open(store_url) as store:
        for i in range(70):  # through `ingest`: reprints and cross-document merges as in a real store
            store.ingest(synthetic_record(i % 50, events=2, seed=3 + i // 50))
        with store.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(select(store.t.events)).mappings()]
            actors = [dict(r) for r in conn.execute(select(store.t.event_actors)).mappings()]
        assert any(r["uid"] != r["merged_id"] for r in rows)  # some events were merged into others
        for f in [*HOT_FILTERS, *HOT_COUNTS, EventFilter(place="tripoli", merged=False)]:
            for sort in SORT_KEYS:
                expected = _reference_page(rows, actors, f, sort)
                for offset in (0, 5, 40):
                    page = store.query_events(f, limit=7, offset=offset, sort=sort)
                    assert page["total"] == len(expected), (f, sort)
                    assert [e["id"] for e in page["items"]] == expected[offset:offset + 7], (f, sort, offset)


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

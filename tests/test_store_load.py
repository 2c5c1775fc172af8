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

from rasd.store import EventFilter, Store, daycounts
from rasd.store.filters import SORT_KEYS
from rasd.store.reads import PageDrive, event_page_statements
from rasd.store.schema import SCHEMA_VERSION
from rasd.text.normalize import normalize_name

# The filters and sorts of /api/events and the dashboard (text search through events_fts / ix_events_trgm).
HOT_FILTERS = [EventFilter(), EventFilter(country="LY"), EventFilter(actor="lna"), EventFilter(place="ly-tripoli"),
               EventFilter(place="مصراتة"), EventFilter(date_from="2020-03-01", date_to="2020-05-31"),
               EventFilter(acled_type="Battles", min_confidence=0.5), EventFilter(plover="PROTEST", country="TN"),
               EventFilter(merged=False), EventFilter(country="LY", date_from="2020-06-01"), EventFilter(q="قصف")]
HOT_SORTS = ["-date", "date", "-fatalities"]
# the counts of the canonical events' filters (the random mix of scripts/bench_api.py), text search included
HOT_COUNTS = [f for f in HOT_FILTERS if f.merged] + [
    EventFilter(place="Benghazi"), EventFilter(acled_type="Air/drone strike", min_confidence=0.6), EventFilter(q="قصف"),
    EventFilter(country="TN", date_from="2020-02-01"), EventFilter(date_from="2020-04-04", date_to="2020-04-04"),
    EventFilter(q="الحي السكني", country="LY"), EventFilter(q="شهود عيان")]


def _plan(conn: Connection, q: Select[object]) -> list[str]:
    """The query plan's lines (SQLite: EXPLAIN QUERY PLAN; PostgreSQL: EXPLAIN with sequential scans off)."""
    sql = str(q.compile(conn, compile_kwargs={"literal_binds": True}))
    if conn.dialect.name == "sqlite":
        return [str(r[3]) for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql).all()]
    conn.exec_driver_sql("SET LOCAL enable_seqscan = off")  # a seq scan left: no index can serve the query
    return [str(r[0]) for r in conn.exec_driver_sql("EXPLAIN " + sql).all()]


def _full_scans(plan: list[str]) -> list[str]:
    """Plan lines that read the whole events table (an index scan, covering or not, is not one)."""
    table_scan = re.compile(r"^SCAN events\b(?! USING)|Seq Scan on events\b")
    return [line for line in plan if table_scan.search(line.strip(" ->"))]


def test_store_load_hot_queries_never_scan_events(store_url: str) -> None:
    with Store.open(store_url) as store:
        for i in range(60):
            store.ingest(synthetic_record(i, events=2, seed=3))
        with store.engine.connect() as conn:
            for f in HOT_FILTERS:
                for sort in HOT_SORTS:
                    for q in event_page_statements(store.t, f, limit=50, offset=100, sort=sort,
                                                   dialect=conn.dialect.name):
                        plan = _plan(conn, q)
                        assert not _full_scans(plan), (f, sort, plan)


def test_store_load_hot_counts_read_no_event_rows(tmp_path: Path) -> None:
    """SQLite: each hot count is answered from the canonical covering indexes (schema version 6) — one look-up
    per alternative of a place or ACLED-type OR, an index scan for text search — never from the event rows; the
    API's capped counts (to 10,001) likewise."""
    from rasd.store.reads import count_statement

    with Store.open(f"sqlite:///{tmp_path / 'rasd.db'}") as store:
        for i in range(30):
            store.ingest(synthetic_record(i, events=2, seed=3))
        with store.engine.connect() as conn:
            for f, cap in [(f, cap) for f in HOT_COUNTS for cap in (None, 10_000)]:
                full = [line for line in _plan(conn, count_statement(store.t, f, "sqlite", cap))
                        if not line.startswith(("CO-ROUTINE", "SCAN matches"))]  # the capped count's subquery
                if f.q and f == EventFilter(q=f.q):  # text search alone: counted in events_fts (search.py)
                    assert full == ["SCAN events_fts VIRTUAL TABLE INDEX 0:M0"], full
                    continue
                if daycounts.answers(f, "sqlite"):  # summed in event_day_counts (v10; by facet: v14)
                    tables = {m for line in full for m in re.findall(r"^(?:SCAN|SEARCH) (\w+)", line)}
                    if f.actor:  # the count over the events only when two actor triples match
                        assert "event_day_counts" in tables, full
                    else:
                        assert tables <= {"event_day_counts", "CONSTANT"}, full
                    continue
                plan = [line for line in full if re.search(r"\bevents USING", line)]
                assert plan, (f, plan)
                if f.q:  # with other filters: the filter's index, and membership in the text's events_fts rows
                    assert any("events_fts VIRTUAL TABLE" in line for line in full), (f, full)
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
                assert store.count_events(f, cap=4) == min(len(expected), 5), f  # counted to cap + 1 at most
                for offset in (0, 5, 40):
                    page = store.query_events(f, limit=7, offset=offset, sort=sort)
                    assert page["total"] == len(expected), (f, sort)
                    assert [e["id"] for e in page["items"]] == expected[offset:offset + 7], (f, sort, offset)


def test_store_load_every_page_drive_gives_the_same_page(store_url: str) -> None:
    """However a page's keys are found (walking the sort order testing each row, looking each walked row's actors
    up, starting from the text's matches in events_fts), the page equals the Python reference."""
    from sqlalchemy import select

    filters = [EventFilter(actor="lna"), EventFilter(actor="Libyan National Army", country="LY"),
               EventFilter(actor="gna", q="قصف"), EventFilter(actor="حكومة الوفاق الوطني", merged=False),
               EventFilter(actor="lna", date_from="2020-03-01", date_to="2020-09-30"), EventFilter(q="الحي السكني")]
    drives = [PageDrive(), PageDrive(actor_probe=True), PageDrive(text_drive=True),
              PageDrive(text_drive=True, actor_probe=True)]
    with Store.open(store_url) as store:
        for i in range(70):
            store.ingest(synthetic_record(i % 50, events=2, seed=3 + i // 50))
        with store.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(select(store.t.events)).mappings()]
            actors = [dict(r) for r in conn.execute(select(store.t.event_actors)).mappings()]
            for f in filters:
                for sort in ("-date", "fatalities"):
                    expected = _reference_page(rows, actors, f, sort)
                    assert expected, f
                    for drive in drives if conn.dialect.name == "sqlite" else drives[:2]:  # events_fts: SQLite
                        for offset in (0, 9):
                            _, page_q = event_page_statements(store.t, f, limit=9, offset=offset, sort=sort,
                                                              dialect=conn.dialect.name, drive=drive)
                            got = [r["uid"] for r in conn.execute(page_q).mappings()]
                            assert got == expected[offset:offset + 9], (f, sort, drive, offset)


def test_store_load_actor_probe_looks_rows_up(tmp_path: Path) -> None:
    """SQLite: a page walking its sort order looks each row's actors up in event_actors' primary key (no list of
    the actor's events is built), and a frequent actor's page is found that way."""
    from rasd.store.reads import page_drive

    with Store.open(f"sqlite:///{tmp_path / 'rasd.db'}") as store:
        for i in range(40):
            store.ingest(synthetic_record(i, events=2, seed=3))
        with store.engine.connect() as conn:
            f = EventFilter(actor="lna")
            total = store.count_events(f)
            assert page_drive(conn, f, total, 10) == PageDrive(actor_probe=True)
            assert page_drive(conn, f, 1, 10) == PageDrive()  # a rare actor: its list first
            for sort in HOT_SORTS:
                _, page_q = event_page_statements(store.t, f, limit=10, offset=0, sort=sort, dialect="sqlite",
                                                  drive=PageDrive(actor_probe=True))
                plan = _plan(conn, page_q)
                assert not _full_scans(plan), plan
                assert any(re.search(r"SEARCH event_actors USING .*\(event_uid=\?\)", line) for line in plan), plan
                assert not any("LIST SUBQUERY" in line for line in plan), plan


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


def mapped_bytes(store: Store) -> int:
    """The `PRAGMA mmap_size` of a connection as the pool hands it out."""
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql("PRAGMA mmap_size").scalar_one())


def test_store_load_sqlite_reads_stop_mapping_the_file_while_others_write(tmp_path: Path) -> None:
    """Mapped reads while the store is quiet; once the generation is seen to change (another connection
    committed), connections are handed out unmapped until writes have stopped for a while."""
    url = f"sqlite:///{tmp_path / 'rasd.db'}"
    with Store.open(url) as reader, Store.open(url) as other:
        assert mapped_bytes(reader) > 0
        reader.generation()
        assert mapped_bytes(reader) > 0  # no change seen yet
        other.ingest(synthetic_record(1, events=1))
        reader.generation()
        assert mapped_bytes(reader) == 0
        assert reader.count_events(EventFilter(merged=False)) == 1  # reads the same rows unmapped
        assert reader._maps is not None
        reader._maps._changed -= 3600  # writes stopped long ago
        assert mapped_bytes(reader) > 0


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


def test_store_load_merge_choice_in_sql_equals_the_rule_over_every_candidate(store_url: str) -> None:
    """`find_merge_target` picks the candidate in SQL (LIMIT 1); on a dense store (many canonical events of one
    type and place a day, every combination of actors, one of them the new document's own) its choice equals the
    merge rule applied in Python to every candidate (`best_candidate`)."""
    import random
    from dataclasses import replace

    from store_fixtures import GNA, LNA, MISRATA, UN

    from rasd.records import EventDate
    from rasd.store import merging, writes

    rng = random.Random(4)
    actor_pairs = [(None, None), (LNA, None), (GNA, None), (LNA, GNA), (GNA, LNA), (UN, None), (LNA, LNA), (None, GNA)]

    def dense(i: int, day: str, pair: tuple[Any, Any], end: str | None = None) -> Any:
        rec = synthetic_record(i, events=1, seed=6)
        ev = replace(rec.events[0], plover="ASSAULT", acled_event_type="Battles", acled_sub_event_type="Armed clash",
                     date=EventDate(day, end or day, "day", "explicit"), actor1=pair[0], actor2=pair[1],
                     location=MISRATA, modality="asserted")
        return replace(rec, events=(ev,))

    with Store.open(store_url) as store:
        with store.writer.begin() as conn:  # every stored event canonical, as in the bench's bulk fill
            for i in range(240):
                day = f"2020-05-{rng.randint(10, 14):02d}"
                end = f"2020-05-{rng.randint(14, 28):02d}" if i % 9 == 0 else None
                writes.insert_record(conn, store.t, dense(i, day, rng.choice(actor_pairs), end), None,
                                     store.campaign_assigner)
            conn.execute(store.t.events.update().values(merged_id=store.t.events.c.uid))
        checked = found = 0
        with store.engine.connect() as conn:
            for i in range(240, 330):
                day = f"2020-05-{rng.randint(9, 15):02d}"
                probe = dense(i if i % 10 else i - 240, day, rng.choice(actor_pairs))  # some from a stored document
                ev = probe.events[0]
                lo, hi = merging._shift(day, -merging.MERGE_WINDOW_DAYS), merging._shift(day, merging.MERGE_WINDOW_DAYS)
                assert ev.location is not None
                rows = conn.execute(merging.merge_candidates(store.t, ev.plover, ev.acled_event_type, ev.location.id,
                                                             lo, hi)).all()
                expected = merging.best_candidate(rows, ev, probe.document.id)
                assert merging.find_merge_target(conn, store.t, ev, probe.document.id) == expected, (day, ev.actor1)
                checked += 1
                found += expected is not None
        assert checked == 90 and found > 60


def _merge_then_hand_over(store: Store) -> None:
    """Ingest documents some of whose events join stored happenings, then delete three documents whose canonical
    events have other reports (their happenings pass to the next report)."""
    from sqlalchemy import text

    for i in range(70):
        store.ingest(synthetic_record(i % 50, events=2, seed=3 + i // 50))
    with store.engine.connect() as conn:
        handed = conn.execute(text("SELECT DISTINCT document_id FROM events WHERE uid = merged_id AND uid IN "
                                   "(SELECT merged_id FROM events WHERE uid <> merged_id)")).scalars().all()
    assert handed
    for doc in handed[:3]:
        assert store.delete_document(doc)


def unmigrate(store: Store, version: int, table: str, triggers: tuple[str, ...]) -> None:
    """Take a SQLite store back before migration `version`: drop the table it made and the triggers keeping it."""
    from sqlalchemy import text

    with store.writer.begin() as conn:
        for name in triggers:
            conn.execute(text(f"DROP TRIGGER {name}"))
        conn.execute(text(f"DROP TABLE {table}"))
        conn.execute(text(f"DELETE FROM schema_migrations WHERE version >= {version}"))


def test_store_load_text_index_follows_merges_deletes_and_migration(store_url: str) -> None:
    """Text search through its index (SQLite: events_fts kept by triggers; PostgreSQL: pg_trgm) answers as the LIKE
    over every row does: after merges, after deleting documents whose canonical events pass their happening to
    another report, and after the index is built by the migration over a store that had none."""
    from sqlalchemy import select

    needles = ["قصف", "الحي السكني", "مصراته", "شهود", "قص", 'ا"ل', "Misrata", "misrata", "100%_"]

    def check(store: Store) -> None:
        with store.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(select(store.t.events)).mappings()]
        for needle in needles:
            for f in (EventFilter(q=needle), EventFilter(q=needle, country="LY"), EventFilter(q=needle, merged=False)):
                expected = _reference_page(rows, [], f, "-date")
                page = store.query_events(f, limit=500, sort="-date")
                assert (page["total"], [e["id"] for e in page["items"]]) == (len(expected), expected), f

    with Store.open(store_url) as store:
        _merge_then_hand_over(store)
        check(store)
        if store.is_postgres:
            return
        unmigrate(store, 7, "events_fts", ("events_fts_insert", "events_fts_delete", "events_fts_update"))
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        check(store)
        store.ingest(synthetic_record(77, events=2, seed=8))
        check(store)


def test_store_load_postgres_plans_know_the_canonical_events(store_url: str) -> None:
    """PostgreSQL (schema version 8): the canonical test is `events.canonical`, a column with statistics, so the
    planner's estimate of the canonical events is the count (it took `uid = merged_id` for 0.5 % of the rows and
    sorted every match of a page); every canonical partial index is over it; an actor's events are one scan of
    event_actors (SQLite: one covering look-up per name, a UNION ALL), and its count event_actors alone."""
    import json

    from sqlalchemy import text

    with Store.open(store_url) as store:
        for i in range(70):
            store.ingest(synthetic_record(i % 50, events=2, seed=3 + i // 50))
        count_q, page_q = event_page_statements(store.t, EventFilter(actor="lna"), limit=50, offset=0, sort="-date",
                                                dialect=store.engine.dialect.name)
        with store.engine.connect() as conn:
            sql = str(count_q.compile(conn)) + str(page_q.compile(conn))
            if not store.is_postgres:
                assert "UNION ALL" in sql and "canonical" not in sql
                return
            count_sql, page_sql = str(count_q.compile(conn)), str(page_q.compile(conn))
            assert "UNION" not in page_sql and "events.canonical" in page_sql
            # version 9: an actor's count reads event_actors alone (its canonical flag), not events
            assert "event_actors.canonical" in count_sql and "FROM events" not in count_sql, count_sql
            conn.exec_driver_sql("ANALYZE events")
            n = conn.execute(text("SELECT count(*) FROM events WHERE uid = merged_id")).scalar_one()
            plan = conn.exec_driver_sql("EXPLAIN (FORMAT JSON) " + str(
                event_page_statements(store.t, EventFilter(), limit=50, offset=0, sort="-date")[0].compile(
                    conn, compile_kwargs={"literal_binds": True}))).scalar_one()
            plan = plan if isinstance(plan, list) else json.loads(plan)
            estimate = plan[0]["Plan"]["Plans"][0]["Plan Rows"]
            assert n / 2 <= estimate <= n * 2, (n, estimate)
            defs = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'")).all())
        partial = {name: ddl for name, ddl in defs.items() if " WHERE " in ddl}
        assert {n for n, d in partial.items() if not d.endswith("WHERE canonical")} == {"ix_events_merge"}, partial
        assert {"ix_events_canon_uid", "ix_events_cov_date"} <= set(partial)
        assert "ix_events_trgm" not in defs  # version 9: the trigram index is over events_search


def test_store_load_migration_8_rebuilds_the_canonical_indexes(store_url: str) -> None:
    """A PostgreSQL store of version 7 (no `canonical` column, partial indexes over `uid = merged_id`) migrates to
    version 8: the column is added, those indexes are rebuilt over it, and the answers are unchanged. On SQLite
    migration 8 does nothing: re-run on a version-7 store, it adds no column and changes no answer."""
    from sqlalchemy import select, text

    filters = [EventFilter(q="قصف"), EventFilter(country="LY"), EventFilter(actor="lna"), EventFilter(place="مصراتة")]
    with Store.open(store_url) as store:
        for i in range(40):
            store.ingest(synthetic_record(i % 30, events=2, seed=3 + i // 30))
        expected = [[e["id"] for e in store.query_events(f, limit=500)["items"]] for f in filters]
        with store.writer.begin() as conn:  # back to version 7: the column (and the indexes over it) go
            if store.is_postgres:
                conn.execute(text("ALTER TABLE events DROP COLUMN canonical CASCADE"))
                conn.execute(text("CREATE INDEX ix_events_cov_date ON events (date_start, uid, date_end, merged_id) "
                                  "WHERE uid = merged_id"))
                conn.execute(text("CREATE INDEX ix_events_trgm ON events USING gin (search_text gin_trgm_ops) "
                                  "WHERE uid = merged_id"))
            conn.execute(text("DELETE FROM schema_migrations WHERE version >= 8"))
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        with store.engine.connect() as conn:
            if store.is_postgres:
                defs = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes "
                                              "WHERE tablename = 'events'")).all())
                assert conn.execute(select(store.t.events.c.canonical).limit(1)).first() is not None
                for name in ("ix_events_cov_date", "ix_events_cov_country", "ix_events_canon_uid"):
                    assert defs[name].endswith("WHERE canonical"), defs[name]
            else:
                assert "canonical" not in {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(events)")}
        assert [[e["id"] for e in store.query_events(f, limit=500)["items"]] for f in filters] == expected


def test_store_load_actor_flag_follows_merges_deletes_and_migration(store_url: str) -> None:
    """Schema version 9. PostgreSQL: `event_actors.canonical`, kept by triggers, equals its event's canonical test
    after merges and after deletions that hand a happening to another report, and an actor's count (read from
    event_actors alone) and a text search's (from events_search, kept by a trigger) equal the reference; a
    version-8 store (no column, no events_search, no triggers) migrates to the same flags and answers. SQLite: migration 9 does nothing — re-run, it adds no column and changes no answer."""
    from sqlalchemy import select, text

    actors_asked = ["lna", "gna", "Libyan National Army", "حكومة الوفاق الوطني", "LNA", "nobody"]
    needles = ["قصف", "الحي السكني", "شهود", "100%_", "Misrata"]

    def check(store: Store) -> None:
        with store.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(select(store.t.events)).mappings()]
            actors = [dict(r) for r in conn.execute(select(store.t.event_actors)).mappings()]
        if store.is_postgres:
            canonical = {r["uid"]: r["uid"] == r["merged_id"] for r in rows}
            assert all(a["canonical"] == canonical[a["event_uid"]] for a in actors)
            with store.engine.connect() as conn:
                searched = dict(conn.execute(text("SELECT uid, search_text FROM events_search")).all())
            assert searched == {r["uid"]: r["search_text"] for r in rows if canonical[r["uid"]]}
        else:
            assert all("canonical" not in a for a in actors)
        found = 0
        for f in [EventFilter(actor=name) for name in actors_asked] + [EventFilter(q=q) for q in needles]:
            expected = _reference_page(rows, actors, f, "-date")
            found += len(expected)
            assert store.count_events(f) == len(expected), f
            assert store.count_events(f, cap=3) == min(len(expected), 4), f
            page = store.query_events(f, limit=500)
            assert [e["id"] for e in page["items"]] == expected, f
        assert found > 40

    with Store.open(store_url) as store:
        _merge_then_hand_over(store)
        check(store)
        with store.writer.begin() as conn:  # back to version 8: no flag, no triggers, no indexes over it
            if store.is_postgres:
                conn.execute(text("DROP TRIGGER events_canonical_moved ON events"))
                conn.execute(text("DROP TRIGGER event_actors_canonical ON event_actors"))
                conn.execute(text("ALTER TABLE event_actors DROP COLUMN canonical CASCADE"))
                conn.execute(text("DROP TABLE events_search"))  # the trigram index back on events
                conn.execute(text("DROP TRIGGER events_search_sync ON events"))
                conn.execute(text("CREATE INDEX ix_events_trgm ON events USING gin (search_text gin_trgm_ops) "
                                  "WHERE canonical"))
            conn.execute(text("DELETE FROM schema_migrations WHERE version >= 9"))
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        check(store)
        store.ingest(synthetic_record(77, events=2, seed=3))  # a report of a stored happening, after the migration
        check(store)

"""Schema versions 10 and 11: counts of the canonical events by country and dates kept by the writes
(`event_day_counts`: SQLite's triggers, version 10; PostgreSQL's, version 11), and an actor's count merged from its
three look-ups; both answer as counting the events."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from store_fixtures import LNA, MISRATA, EventSpec, build_record, synthetic_record
from test_store_load import _merge_then_hand_over, _plan, _reference_page, unmigrate

from rasd.records import ActorRef, EventDate
from rasd.store import EventFilter, Store
from rasd.store.daycounts import PG_TRIGGERS
from rasd.store.facetcounts import TRIGGERS
from rasd.store.pgschema import ACTOR_NAME_EN
from rasd.store.reads import count_statement
from rasd.store.schema import SCHEMA_VERSION

DAY_FILTERS = [EventFilter(), EventFilter(country="LY"), EventFilter(country="tn"), EventFilter(country="EG"),
               EventFilter(date_from="2020-06-01"), EventFilter(date_to="2020-03-31"),
               EventFilter(date_from="2020-04-01", date_to="2020-08-31"),
               EventFilter(country="LY", date_from="2020-06-01"), EventFilter(country="TN", date_to="2020-05-01")]
# own sentences: events without a date, without a place (no country), and naming one actor twice
UNDATED = build_record("اندلعت اشتباكات عنيفة قرب الحدود الليلة الماضية بين مجموعتين مسلحتين.", "own/1", None,
                       [EventSpec("اندلعت اشتباكات عنيفة قرب الحدود", "ASSAULT", actor1=LNA)])
NO_PLACE = build_record("سقطت قذيفة على سوق شعبي يوم العاشر من مايو ولم تعرف الجهة التي أطلقتها.", "own/2",
                        "2020-05-10", [EventSpec("سقطت قذيفة على سوق شعبي", "ASSAULT", day="2020-05-10")])
TWICE = build_record("تبادلت وحدتان من القوات نفسها إطلاق النار في مصراتة يوم الثاني من يونيو.", "own/3",
                     "2020-06-02", [EventSpec("تبادلت وحدتان من القوات نفسها إطلاق النار", "ASSAULT", actor1=LNA,
                                              actor2=LNA, location=MISRATA, day="2020-06-02")])
# an event over a fortnight (its start before the windows that end inside it): the date bound of a page
_SPAN = build_record("استمرت الاشتباكات المتقطعة في مصراتة من أواخر مايو حتى مطلع يونيو دون توقف يذكر.", "own/5",
                     "2020-06-08", [EventSpec("استمرت الاشتباكات المتقطعة في مصراتة", "ASSAULT", location=MISRATA,
                                              day="2020-05-25")])
SPANNING = replace(_SPAN, events=(replace(_SPAN.events[0], date=EventDate("2020-05-25", "2020-06-05", "week",
                                                                            "explicit")),))
# an actor whose id is its lowered English name: one event matches two of the filter's look-ups
SAME_NAME = ActorRef("hamas", "Hamas", "حماس", "rebel_group")
TWO_WAYS = build_record("أعلنت حماس مسؤوليتها عن هجوم على موقع عسكري في مصراتة يوم الثالث من يونيو.", "own/4",
                        "2020-06-03", [EventSpec("أعلنت حماس مسؤوليتها عن هجوم", "ASSAULT", actor1=SAME_NAME,
                                                 location=MISRATA, day="2020-06-03")])


def _check(store: Store) -> None:
    """Every day filter's and actor's count (exact and capped) and page total equal a count of the rows, and
    `event_day_counts` equals the canonical events grouped by country and dates."""
    from sqlalchemy import select, text

    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(store.t.events)).mappings()]
        actors = [dict(r) for r in conn.execute(select(store.t.event_actors)).mappings()]
        kept = [((c, s, e), n) for c, s, e, n in conn.execute(text(
            "SELECT country, date_start, date_end, n FROM event_day_counts WHERE facet = ''")).all()]
        assert dict(kept) == Counter((r["country"], r["date_start"], r["date_end"]) for r in rows
                                     if r["uid"] == r["merged_id"])
        assert len(dict(kept)) == len(kept)  # one row a key (NULLs too)
    days = sorted({r["date_start"] for r in rows if r["date_start"]})
    windows = [EventFilter(date_from=d, date_to=d) for d in days[::7]] + [
        EventFilter(date_from="2020-06-01", date_to="2020-06-03"), EventFilter(date_from="2020-05-30", date_to="2020-05-30"),
        EventFilter(country="LY", date_from="2020-06-02", date_to="2020-06-30"),
        EventFilter(plover="ASSAULT", date_from="2020-06-01", date_to="2020-06-10")]
    for f in windows:  # a page of a window is bounded below by the kept counts (PostgreSQL, version 11)
        expected_page = _reference_page(rows, actors, f, "-date")
        assert [e["id"] for e in store.query_events(f, limit=500, cap=10_000)["items"]] == expected_page, f
    filters = DAY_FILTERS + windows + [
        EventFilter(actor=a) for a in ("lna", "LNA", "Libyan National Army", "حكومة الوفاق الوطني", "hamas", "x")]
    for f in filters:
        expected = len(_reference_page(rows, actors, f, "-date"))
        assert store.count_events(f) == expected, f
        assert store.count_events(f, cap=3) == min(expected, 4), f
        assert store.query_events(f, limit=5, cap=10_000)["total"] == expected, f


def _pg_unmigrate(store: Store) -> None:
    """Take a PostgreSQL store back before migration 11: drop `event_day_counts` and the triggers keeping it, and
    build the actor's English-name index as version 9 did (without `name_en` INCLUDEd)."""
    from sqlalchemy import text

    with store.writer.begin() as conn:
        for name in PG_TRIGGERS:
            conn.execute(text(f"DROP TRIGGER {name} ON events"))
        conn.execute(text("DROP TABLE event_day_counts"))
        conn.execute(text(f"DROP INDEX {ACTOR_NAME_EN}"))
        conn.execute(text(f"CREATE INDEX {ACTOR_NAME_EN} ON event_actors (lower(name_en), event_uid) WHERE canonical"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 11"))


def test_store_daycounts_follow_merges_deletes_and_migration(store_url: str) -> None:
    """The kept counts follow inserts, merges into stored happenings, deletions that hand a happening to another
    report and events without a date or a country; a store of version 9 migrates to the same rows."""

    with Store.open(store_url) as store:
        _merge_then_hand_over(store)
        for record in (UNDATED, NO_PLACE, TWICE, TWO_WAYS, SPANNING):
            store.ingest(record)
        _check(store)
        assert store.count_events(EventFilter(actor="hamas")) == 1  # two look-ups, one event
        assert store.delete_document(TWICE.document.id)
        _check(store)
        if store.is_postgres:  # back to version 10: no table, no triggers
            _pg_unmigrate(store)
        else:
            unmigrate(store, 10, "event_day_counts", TRIGGERS)  # back to version 9: no table, no triggers
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION
        _check(store)
        if store.is_postgres:  # version 11 rebuilt the English name's index with the name INCLUDEd (index-only)
            with store.engine.connect() as conn:
                ddl = conn.exec_driver_sql(f"SELECT indexdef FROM pg_indexes WHERE indexname = '{ACTOR_NAME_EN}'")
                assert ddl.scalar_one().endswith("INCLUDE (name_en) WHERE canonical")
        store.ingest(synthetic_record(77, events=2, seed=3))  # a report of a stored happening
        store.ingest(TWICE)
        _check(store)


def test_store_daycounts_counts_read_few_rows(store_url: str) -> None:
    """A country-and-dates count reads `event_day_counts` alone (SQLite, PostgreSQL); on SQLite an actor's count
    merges its three ordered look-ups (no list of the actor's events, no de-duplicating B-tree)."""
    with Store.open(store_url) as store:
        for i in range(30):
            store.ingest(synthetic_record(i, events=2, seed=3))
        if store.is_postgres:
            with store.engine.connect() as conn:
                for f in DAY_FILTERS:
                    statement = count_statement(store.t, f, "postgresql", 10_000)
                    sql = str(statement.compile(conn, compile_kwargs={"literal_binds": True}))
                    lines = [line for (line,) in conn.exec_driver_sql("EXPLAIN " + sql)]
                    assert any("on event_day_counts" in line for line in lines), (f, lines)
                    assert not any(" on events" in line for line in lines), (f, lines)
            return
        with store.engine.connect() as conn:
            for f in DAY_FILTERS:
                plan = _plan(conn, count_statement(store.t, f, "sqlite", 10_000))
                assert [line.split(" USING")[0] for line in plan] in (
                    ["SCAN event_day_counts"], ["SEARCH event_day_counts"]), (f, plan)
            for cap in (None, 10_000):
                plan = _plan(conn, count_statement(store.t, EventFilter(actor="lna"), "sqlite", cap))
                assert any("MERGE (UNION)" in line for line in plan), plan
                assert not any("TEMP B-TREE" in line or "LIST SUBQUERY" in line for line in plan), plan


def test_store_daycounts_newest_first_pages_walk_the_descending_index(store_url: str) -> None:
    """SQLite (version 10): a date window's page in the default order (`-date`, ties by uid) walks
    `ix_events_cov_date_desc` without sorting each date's events (the ascending index made SQLite walk the whole
    range before the window); the page equals the reference."""
    from sqlalchemy import select

    from rasd.store.reads import event_page_statements

    with Store.open(store_url) as store:
        for i in range(40):
            store.ingest(synthetic_record(i, events=2, seed=5))
        with store.engine.connect() as conn:
            rows = [dict(r) for r in conn.execute(select(store.t.events)).mappings()]
            day = sorted(r["date_start"] for r in rows)[len(rows) // 2]
            f = EventFilter(date_from=day, date_to=day)
            if not store.is_postgres:
                _, page = event_page_statements(store.t, f, limit=5, offset=1, sort="-date", dialect="sqlite")
                plan = _plan(conn, page)
                assert any("ix_events_cov_date_desc" in line for line in plan), plan
                assert not any("RIGHT PART OF ORDER BY" in line for line in plan), plan
        expected = _reference_page(rows, [], f, "-date")
        assert [e["id"] for e in store.query_events(f, limit=5, offset=1)["items"]] == expected[1:6]

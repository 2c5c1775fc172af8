"""Schema version 13 (PostgreSQL): the pages sorted by confidence, highest first, walk an index (every event's and
the canonical events'), as the other sorts do, and the canonical events' sort indexes INCLUDE the columns the filters
test, so a page walking one reads no row it skips; migrating a version-12 store builds them and changes no page."""

from __future__ import annotations

import re

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from sqlalchemy import text
from store_fixtures import synthetic_record

from rasd.store import EventFilter, Store
from rasd.store.filters import SORT_KEYS
from rasd.store.pgschema import SORT_WALKED
from rasd.store.reads import event_page_statements
from rasd.store.schema import SCHEMA_VERSION

CONFIDENCE_DESC = ("ix_events_canon_confidence_desc", "ix_events_confidence_desc")
# every event's page (merged=false) and the canonical events' by place: the two kinds of the API that sort by
# `-confidence` without another index serving their filter
FILTERS = [EventFilter(merged=False), EventFilter(place="ly-tripoli"), EventFilter(), EventFilter(country="LY")]


def _pages(store: Store) -> list[bytes]:
    """Every filter's page bodies, every sort, two offsets (the API's bytes)."""
    return [store.query_events_json(f, limit=9, offset=offset, sort=sort)
            for f in FILTERS for sort in SORT_KEYS for offset in (0, 12)]


def _page_plan(store: Store, f: EventFilter, sort: str = "-confidence") -> str:
    """PostgreSQL: the plan of `f`'s page in `sort` order with sorting penalised (a plan still sorting its keys has
    no index in that order)."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("SET LOCAL enable_sort = off")
        _, page = event_page_statements(store.t, f, limit=50, offset=20, sort=sort, dialect="postgresql")
        sql = str(page.compile(conn, compile_kwargs={"literal_binds": True}))
        return "\n".join(str(r[0]) for r in conn.exec_driver_sql("EXPLAIN " + sql))


def _index_names(store: Store) -> set[str]:
    """The names of the indexes of `events`."""
    with store.engine.connect() as conn:
        if store.is_postgres:
            q = "SELECT indexname FROM pg_indexes WHERE tablename = 'events'"
        else:
            q = "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'events'"
        return {str(n) for n in conn.execute(text(q)).scalars()}


def test_store_sorts_descending_confidence_walks_its_index(store_url: str) -> None:
    with Store.open(store_url) as store:
        for i in range(40):
            store.ingest(synthetic_record(i % 30, events=2, seed=3 + i // 30))
        names = _index_names(store)
        if not store.is_postgres:  # SQLite: a descending walk needs no index of its own (nothing added)
            assert not names & set(CONFIDENCE_DESC)
            return
        assert set(CONFIDENCE_DESC) <= names
        with store.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE events")  # index-only walks need the visibility map
        every, place = _page_plan(store, EventFilter(merged=False)), _page_plan(store, EventFilter(place="ly-tripoli"))
        # a place, an ACLED type, a country's window: tested inside the sort index, no row read (INCLUDE)
        walks = {sort: _page_plan(store, f, sort) for f, sort in (
            (EventFilter(place="Misrata", min_confidence=0.3), "-fatalities"), (EventFilter(place="مصراتة"), "date"),
            (EventFilter(acled_type="Battles", country="ly"), "-date"), (EventFilter(place="ly-tripoli"), "confidence"),
            (EventFilter(country="LY", date_from="2020-03-01", plover="ASSAULT"), "fatalities"))}
    assert "ix_events_confidence_desc" in every and "Seq Scan on events" not in every, every
    assert "Index Only Scan using ix_events_canon_confidence_desc" in place, place
    walked = {"-fatalities": "ix_events_canon_fatalities_desc", "date": "ix_events_cov_date",
              "-date": "ix_events_canon_date_start_desc", "confidence": "ix_events_canon_confidence",
              "fatalities": "ix_events_canon_fatalities"}
    for sort, plan in walks.items():
        assert re.search(rf"Index Only Scan using {walked[sort]} on events events_1\b", plan), (sort, plan)


def test_store_sorts_migration_13_adds_the_indexes_and_changes_no_page(store_url: str) -> None:
    """A store taken back to version 12 (PostgreSQL: without the two indexes) migrates to 13: the indexes are back
    (PostgreSQL; SQLite: nothing is added) and every page of every sort is the same bytes as before."""
    with Store.open(store_url) as store:
        for i in range(40):
            store.ingest(synthetic_record(i % 30, events=2, seed=5 + i // 30))
        before = _pages(store)
        with store.writer.begin() as conn:
            if store.is_postgres:  # version 12's indexes: no descending confidence, no INCLUDE
                for name in CONFIDENCE_DESC:
                    conn.execute(text(f"DROP INDEX {name}"))
                for name in set(SORT_WALKED) - set(CONFIDENCE_DESC):
                    ddl = conn.execute(text(f"SELECT indexdef FROM pg_indexes WHERE indexname = '{name}'")).scalar_one()
                    conn.execute(text(f"DROP INDEX {name}"))
                    conn.execute(text(re.sub(r" INCLUDE \([^)]*\)", "", ddl)))
            conn.execute(text("DELETE FROM schema_migrations WHERE version >= 13"))
        assert store.schema_version() == 12
        assert not _index_names(store) & set(CONFIDENCE_DESC)
        assert _pages(store) == before
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION >= 13
        assert (_index_names(store) & set(CONFIDENCE_DESC)) == (set(CONFIDENCE_DESC) if store.is_postgres else set())
        if store.is_postgres:
            with store.engine.connect() as conn:
                defs = dict(conn.execute(text("SELECT indexname, indexdef FROM pg_indexes")).all())
            assert all(" INCLUDE (country, " in defs[name] for name in SORT_WALKED), defs
        assert _pages(store) == before

"""Counts of the canonical events by country and dates, kept by the writes (SQLite: schema version 10;
PostgreSQL: version 11), and from version 14 by place, actor, ACLED type (with confidence) and PLOVER code too
(`facetcounts` keeps those rows; `answers` and `count` read every facet).

The API's most frequent uncached counts filter the canonical events (one row per happening) by country and a date
window alone: `country` + `from`, one day (`from` = `to`), a country, everything. Over 100,000 events such a count
walked an index range up to the 10,001 cap (`date_end >= from` is one bound of a range, walked to the end of the
store): 4-6 ms of CPU a count, twice that when another connection's commit had emptied the page cache. Now:

- `event_day_counts` holds, for each (country, date_start, date_end) of the canonical events, how many there are
  (a few hundred rows for a year of events). Triggers on `events` keep it inside the transaction that writes the
  events (an event inserted canonical adds one, a canonical event deleted takes one away, an update that changes
  an event's happening, country or dates moves it), as `events_fts`'s triggers do; the write code does nothing.
  A row whose count falls to 0 is removed. NULL countries and dates are rows of their own (compared with IS).
- A count of such a filter is the sum of the matching rows, capped as the API caps (`count`): the same answer
  as counting the events (`date_end >= from` and `date_start <= to` exclude an unknown date as the events'
  test does), from a table of a few pages.

PostgreSQL (version 11) has the same table, kept by a plpgsql trigger on `events` in the writing transaction (a
canonical event inserted or deleted, an update moving one), keyed by a unique index over the coalesced key so one
`INSERT … ON CONFLICT DO UPDATE` adds an event. Its range test walked `ix_events_cov_date` from the start of the
data to the day (`date_start <= d AND date_end >= d` has no bound on the other side): 5-8 ms of CPU a count.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Select, case, func, or_, select

from rasd.store.filters import EventFilter
from rasd.store.pgschema import DAY_COUNTS
from rasd.store.search import sqlite_build

TABLE = DAY_COUNTS
_KEY = "country IS {x}.country AND date_start IS {x}.date_start AND date_end IS {x}.date_end"


def _add(x: str, when: str) -> str:
    """Trigger statements adding one event of row `x` ("new") when `when` holds."""
    return (f"UPDATE event_day_counts SET n = n + 1 WHERE {when} AND {_KEY.format(x=x)}; "
            f"INSERT INTO event_day_counts (country, date_start, date_end, n) "
            f"SELECT {x}.country, {x}.date_start, {x}.date_end, 1 WHERE {when} AND changes() = 0; ")


def _remove(x: str, when: str) -> str:
    """Trigger statements taking one event of row `x` ("old") away when `when` holds (a row at 0 goes)."""
    return (f"UPDATE event_day_counts SET n = n - 1 WHERE {when} AND {_KEY.format(x=x)}; "
            f"DELETE FROM event_day_counts WHERE {when} AND n <= 0 AND {_KEY.format(x=x)}; ")


_NEW, _OLD = "new.uid = new.merged_id", "old.uid = old.merged_id"
_SQLITE_DDL = (
    "CREATE TABLE IF NOT EXISTS event_day_counts (country TEXT, date_start TEXT, date_end TEXT, "
    "n INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS ix_event_day_counts ON event_day_counts (country, date_start, date_end)",
    f"CREATE TRIGGER IF NOT EXISTS event_day_counts_insert AFTER INSERT ON events WHEN {_NEW} BEGIN "
    f"{_add('new', '1')}END",
    f"CREATE TRIGGER IF NOT EXISTS event_day_counts_delete AFTER DELETE ON events WHEN {_OLD} BEGIN "
    f"{_remove('old', '1')}END",
    "CREATE TRIGGER IF NOT EXISTS event_day_counts_update AFTER UPDATE OF uid, merged_id, country, date_start, "
    f"date_end ON events BEGIN {_remove('old', _OLD)}{_add('new', _NEW)}END",
)
TRIGGERS = ("event_day_counts_insert", "event_day_counts_delete", "event_day_counts_update")


_PG_KEY = "coalesce(country, '') = coalesce({x}.country, '') AND coalesce(date_start, '') = coalesce({x}.date_start, '') " \
    "AND coalesce(date_end, '') = coalesce({x}.date_end, '')"
_PG_DDL = (
    "CREATE TABLE IF NOT EXISTS event_day_counts (country varchar(4), date_start varchar(10), date_end varchar(10), "
    "n integer NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS ux_event_day_counts ON event_day_counts "
    "((coalesce(country, '')), (coalesce(date_start, '')), (coalesce(date_end, '')))",
    # a canonical event going takes one away (a row at 0 goes); one coming adds one, its row made if new
    "CREATE OR REPLACE FUNCTION rasd_event_day_counts() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "DECLARE left_n integer; BEGIN "
    "IF TG_OP <> 'INSERT' AND OLD.uid = OLD.merged_id THEN "
    f"UPDATE event_day_counts SET n = n - 1 WHERE {_PG_KEY.format(x='OLD')} RETURNING n INTO left_n; "
    f"IF left_n <= 0 THEN DELETE FROM event_day_counts WHERE {_PG_KEY.format(x='OLD')}; END IF; END IF; "
    "IF TG_OP <> 'DELETE' AND NEW.uid = NEW.merged_id THEN "
    "INSERT INTO event_day_counts (country, date_start, date_end, n) "
    "VALUES (NEW.country, NEW.date_start, NEW.date_end, 1) ON CONFLICT "
    "((coalesce(country, '')), (coalesce(date_start, '')), (coalesce(date_end, ''))) "
    "DO UPDATE SET n = event_day_counts.n + 1; END IF; "
    "RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS event_day_counts_sync ON events",
    "CREATE TRIGGER event_day_counts_sync AFTER INSERT OR DELETE ON events FOR EACH ROW "
    "EXECUTE FUNCTION rasd_event_day_counts()",
    "DROP TRIGGER IF EXISTS event_day_counts_moved ON events",
    "CREATE TRIGGER event_day_counts_moved AFTER UPDATE OF uid, merged_id, country, date_start, date_end ON events "
    "FOR EACH ROW WHEN (OLD.uid IS DISTINCT FROM NEW.uid OR OLD.merged_id IS DISTINCT FROM NEW.merged_id "
    "OR OLD.country IS DISTINCT FROM NEW.country OR OLD.date_start IS DISTINCT FROM NEW.date_start "
    "OR OLD.date_end IS DISTINCT FROM NEW.date_end) EXECUTE FUNCTION rasd_event_day_counts()",
)
PG_TRIGGERS = ("event_day_counts_sync", "event_day_counts_moved")
_FILL = ("INSERT INTO event_day_counts (country, date_start, date_end, n) "
         "SELECT country, date_start, date_end, count(*) FROM events WHERE uid = merged_id "
         "GROUP BY country, date_start, date_end")


def create_postgres(conn: Connection) -> None:
    """PostgreSQL (version 11): the table, its unique index and triggers, filled from the stored canonical events
    when the table is new (a store that has it keeps its rows). SQLite: nothing (version 10 made it)."""
    if conn.dialect.name != "postgresql":
        return
    fresh = conn.exec_driver_sql("SELECT to_regclass('event_day_counts') IS NULL").scalar_one()
    for ddl in _PG_DDL:
        conn.exec_driver_sql(ddl)
    if fresh:
        conn.exec_driver_sql(_FILL)
    conn.exec_driver_sql("ANALYZE event_day_counts")


def create(conn: Connection) -> None:
    """SQLite (version 10): the table, its index and triggers, filled from the stored canonical events (a store
    that has the table keeps its rows). PostgreSQL: nothing."""
    if conn.dialect.name == "sqlite":
        sqlite_build(conn, "event_day_counts", _SQLITE_DDL, _FILL)


def _facet(f: EventFilter) -> tuple[str, list[Any]] | None:
    """The facet of `event_day_counts` (version 14, `facetcounts`) that counts `f`'s canonical events, and the tests
    of its rows besides country and dates; None when no facet does."""
    c, core = TABLE.c, replace(f, country=None, date_from=None, date_to=None)
    if core == EventFilter():
        return "", [c.k1 == "", c.k2 == "", c.k3 == "", c.conf.is_(None)]
    one = replace(core, place=None, acled_type=None, plover=None, actor=None, min_confidence=None)
    if one != EventFilter():
        return None
    place, actor, kind = (core.place or "").strip(), (core.actor or "").strip(), core.acled_type or ""
    if place and core == EventFilter(place=core.place):
        return "place", [or_(c.k1 == place, c.k2 == place.lower(), c.k3 == place)]
    if actor and core == EventFilter(actor=core.actor):
        return "actor", [or_(c.k1 == actor, c.k2 == actor.lower(), c.k3 == actor)]
    if core.plover and core == EventFilter(plover=core.plover):
        return "plover", [c.k1 == core.plover.upper()]
    if not kind or kind.lower() in ("none", "null"):
        return None
    if core == EventFilter(acled_type=kind):
        return "acled", [or_(c.k1 == kind, c.k2 == kind)]
    if core == EventFilter(acled_type=kind, min_confidence=core.min_confidence) and not (f.date_from or f.date_to):
        return "acled_conf", [or_(c.k1 == kind, c.k2 == kind), c.conf >= core.min_confidence]
    return None


def answers(f: EventFilter, dialect: str) -> bool:
    """Whether the count of `f` can be read from `event_day_counts`: SQLite or PostgreSQL, the canonical events,
    filtered by country and dates and at most one of a place, an actor, a PLOVER code, an ACLED type (with a
    minimum confidence when no dates are given)."""
    return dialect in ("sqlite", "postgresql") and _facet(f) is not None


def count(f: EventFilter, limit: int | None = None, dialect: str = "sqlite",
          events: Select[Any] | None = None) -> Select[Any]:
    """The number of canonical events of `f` (`limit`: at most that), summed over the rows of its facet. An actor's
    rows are summed only when one actor triple matches (an event naming two matching triples would count twice):
    else `events` (the count over the events) answers."""
    facet = _facet(f)
    assert facet is not None, f
    name, cond = facet
    if f.country:
        cond.append(TABLE.c.country == f.country.upper())
    if f.date_from:
        cond.append(TABLE.c.date_end >= f.date_from)
    if f.date_to:
        cond.append(TABLE.c.date_start <= f.date_to)
    total = func.coalesce(func.sum(TABLE.c.n), 0)
    smaller = func.least if dialect == "postgresql" else func.min  # SQLite's min of two values
    kept = select(total if limit is None else smaller(total, limit)).select_from(TABLE).where(
        TABLE.c.facet == name, *cond)
    if name != "actor" or events is None:
        return kept
    c = TABLE.c
    triples = select(c.k1, c.k2, c.k3).where(c.facet == "actor", cond[0]).distinct().limit(2).subquery("triples")
    one = select(func.count()).select_from(triples).scalar_subquery() <= 1
    return select(case((one, kept.scalar_subquery()), else_=events.scalar_subquery()))

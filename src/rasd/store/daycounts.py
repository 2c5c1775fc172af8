"""Counts of the canonical events by country and dates, kept by the writes (SQLite, schema version 10).

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

PostgreSQL has no such table (its counts keep the covering indexes; its shared buffers survive other
connections' commits, SQLite's page caches do not).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy import Connection, Select, column, func, select, table

from rasd.store.filters import EventFilter
from rasd.store.search import sqlite_build

TABLE = table("event_day_counts", column("country"), column("date_start"), column("date_end"), column("n"))
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


def create(conn: Connection) -> None:
    """SQLite (version 10): the table, its index and triggers, filled from the stored canonical events (a store
    that has the table keeps its rows). PostgreSQL: nothing."""
    if conn.dialect.name == "sqlite":
        sqlite_build(conn, "event_day_counts", _SQLITE_DDL,
                     "INSERT INTO event_day_counts (country, date_start, date_end, n) "
                     "SELECT country, date_start, date_end, count(*) FROM events WHERE uid = merged_id "
                     "GROUP BY country, date_start, date_end")


def answers(f: EventFilter, dialect: str) -> bool:
    """Whether the count of `f` can be read from `event_day_counts`: SQLite, the canonical events, filtered by
    nothing but country and dates."""
    return dialect == "sqlite" and replace(f, country=None, date_from=None, date_to=None) == EventFilter()


def count(f: EventFilter, limit: int | None = None) -> Select[Any]:
    """The number of canonical events of `f`'s country and dates (`limit`: at most that), summed over the rows."""
    cond = []
    if f.country:
        cond.append(TABLE.c.country == f.country.upper())
    if f.date_from:
        cond.append(TABLE.c.date_end >= f.date_from)
    if f.date_to:
        cond.append(TABLE.c.date_start <= f.date_to)
    total = func.coalesce(func.sum(TABLE.c.n), 0)
    return select(total if limit is None else func.min(total, limit)).select_from(TABLE).where(*cond)

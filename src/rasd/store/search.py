"""Text search (`q`) through an index instead of a scan of every search text (schema version 7).

`q` is a substring of an event's normalized search text (`events.search_text`). A LIKE '%x%' reads every
search text; over 100,000 events a count took 55-90 ms of CPU. Now:

- SQLite: `events_fts`, an FTS5 table with the trigram tokenizer (a phrase query is a substring match) holding
  the search text and uid of every *canonical* event (`uid = merged_id`, one row per happening: what the API and
  dashboard ask for by default). Triggers on `events` keep it: an event inserted canonical is added, a canonical
  event deleted is removed, an update that makes an event canonical or not (a happening handed over when its
  canonical event is deleted) moves it; the write code does nothing. A canonical event's condition is
  `uid IN (SELECT uid FROM events_fts WHERE search_text MATCH '"x"')`, and a filter of `q` alone is counted
  in `events_fts` without reading `events`.
- PostgreSQL: a GIN `pg_trgm` index over the canonical events' search texts (`ix_events_trgm`), which serves
  the LIKE itself (skipped, with the LIKE scanning as before, where the extension cannot be created); from
  schema version 8 its predicate is `events.canonical` (`schema.PG_CANONICAL`), as the other partial indexes'.
  From schema version 9 the texts and that index are in a table of their own, `events_search` (uid, search
  text of every canonical event; `ix_events_search_trgm`), kept by a trigger on `events` as SQLite's
  `events_fts`: the index's candidates are rechecked in its narrow rows instead of the events' wide ones (a
  two-word phrase's 18,500 candidates read 13,554 pages of `events`), and a filter of `q` alone is counted
  there without reading `events`.

Needles shorter than three characters (trigrams need three) and searches over every document's events
(`merged=false`) keep the LIKE. The trigram tokenizer folds case; search texts are normalized Arabic and
lower-cased Latin names, so the answers equal the LIKE's (a test compares them).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, ColumnElement, Connection, column, inspect, select, table, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.visitors import InternalTraversal

FTS = table("events_fts", column("search_text"), column("uid"))
MIN_TRIGRAM = 3  # characters a trigram index needs in a needle

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(search_text, uid UNINDEXED, tokenize='trigram')",
    "CREATE TRIGGER IF NOT EXISTS events_fts_insert AFTER INSERT ON events WHEN new.uid = new.merged_id BEGIN "
    "INSERT INTO events_fts(search_text, uid) VALUES (new.search_text, new.uid); END",
    "CREATE TRIGGER IF NOT EXISTS events_fts_delete AFTER DELETE ON events WHEN old.uid = old.merged_id BEGIN "
    "DELETE FROM events_fts WHERE uid = old.uid; END",
    "CREATE TRIGGER IF NOT EXISTS events_fts_update AFTER UPDATE OF merged_id, search_text ON events BEGIN "
    "DELETE FROM events_fts WHERE old.uid = old.merged_id AND uid = old.uid; "
    "INSERT INTO events_fts(search_text, uid) SELECT new.search_text, new.uid WHERE new.uid = new.merged_id; END",
)
_PG_INDEX = "CREATE INDEX IF NOT EXISTS ix_events_trgm ON events USING gin (search_text gin_trgm_ops) WHERE {}"
PG_TABLE = table("events_search", column("uid"), column("search_text"))  # PostgreSQL, version 9
_PG_TABLE_DDL = (
    "CREATE TABLE IF NOT EXISTS events_search (uid varchar(130) PRIMARY KEY, search_text text NOT NULL)",
    "INSERT INTO events_search (uid, search_text) SELECT uid, search_text FROM events WHERE uid = merged_id "
    "ON CONFLICT (uid) DO NOTHING",
    "CREATE OR REPLACE FUNCTION rasd_events_search() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP <> 'INSERT' THEN DELETE FROM events_search WHERE uid = OLD.uid; END IF; "
    "IF TG_OP <> 'DELETE' AND NEW.uid = NEW.merged_id THEN "
    "INSERT INTO events_search (uid, search_text) VALUES (NEW.uid, NEW.search_text); END IF; "
    "RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS events_search_sync ON events",
    "CREATE TRIGGER events_search_sync AFTER INSERT OR DELETE OR UPDATE OF merged_id, search_text ON events "
    "FOR EACH ROW EXECUTE FUNCTION rasd_events_search()",
)
_PG_TABLE_INDEX = "CREATE INDEX IF NOT EXISTS ix_events_search_trgm ON events_search USING gin (search_text gin_trgm_ops)"


def create_table(conn: Connection) -> None:
    """PostgreSQL (version 9): the table of the canonical events' search texts, filled from the stored events and
    kept by a trigger, with its trigram index (where pg_trgm can be created); `ix_events_trgm` goes."""
    for ddl in _PG_TABLE_DDL:
        conn.exec_driver_sql(ddl)
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except DBAPIError:
        return  # no pg_trgm here: the table's rows are scanned
    conn.exec_driver_sql(_PG_TABLE_INDEX)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_trgm")
    conn.exec_driver_sql("ANALYZE events_search")


def sqlite_build(conn: Connection, name: str, ddl: tuple[str, ...], fill: str) -> None:
    """SQLite: run `ddl` (a table kept by triggers: CREATE … IF NOT EXISTS) and, when table `name` did not exist
    before, `fill` it from the stored events (a store that has it keeps its rows)."""
    fresh = conn.exec_driver_sql(f"SELECT count(*) FROM sqlite_master WHERE name = '{name}'").scalar_one() == 0
    for statement in ddl:
        conn.exec_driver_sql(statement)
    if fresh:
        conn.exec_driver_sql(fill)


def create_index(conn: Connection, *, rebuild: bool = False) -> None:
    """Build the text-search index of the store's dialect and fill it from the stored canonical events
    (`rebuild`, PostgreSQL from schema version 8: over `events.canonical`, replacing one over `uid = merged_id`)."""
    if conn.dialect.name == "sqlite":
        sqlite_build(conn, "events_fts", _SQLITE_DDL, "INSERT INTO events_fts(search_text, uid) "
                                                       "SELECT search_text, uid FROM events WHERE uid = merged_id")
    elif conn.dialect.name == "postgresql":
        try:
            with conn.begin_nested():
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        except DBAPIError:
            return  # no pg_trgm here: text search keeps its scan
        columns = {c["name"] for c in inspect(conn).get_columns("events")}
        where = "canonical" if "canonical" in columns else "uid = merged_id"
        if rebuild:
            conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_trgm")
        conn.exec_driver_sql(_PG_INDEX.format(where))


def fts_phrase(needle: str) -> str:
    """An FTS5 phrase query matching `needle` as a substring (trigram tokenizer; quotes doubled)."""
    return '"' + needle.replace('"', '""') + '"'


class TextSearch(ColumnElement[bool]):
    """`search_text` contains the needle: on SQLite a look-up in `events_fts` (canonical events only), on
    PostgreSQL one in `events_search` (`postgres`; version 9), elsewhere the LIKE."""

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [("scan", InternalTraversal.dp_clauseelement),
                           ("indexed", InternalTraversal.dp_clauseelement),
                           ("postgres", InternalTraversal.dp_clauseelement)]

    def __init__(self, scan: ColumnElement[bool], indexed: ColumnElement[bool],
                 postgres: ColumnElement[bool] | None = None) -> None:
        self.scan = scan
        self.indexed = indexed
        self.postgres = scan if postgres is None else postgres


@compiles(TextSearch)
def _compile_like(element: TextSearch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.scan, **kw))


@compiles(TextSearch, "postgresql")
def _compile_pg(element: TextSearch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.postgres, **kw))


@compiles(TextSearch, "sqlite")
def _compile_fts(element: TextSearch, compiler: Any, **kw: Any) -> str:
    return str(compiler.process(element.indexed, **kw))


def by_dialect(sqlite: ColumnElement[bool], other: ColumnElement[bool]) -> ColumnElement[bool]:
    """A condition written one way for SQLite and another for PostgreSQL, chosen when the statement is compiled
    (the same construct as text search's: `other` by default, `sqlite` there)."""
    return TextSearch(other, sqlite)


def search_condition(uid: Any, search_text: Any, needle: str, like_pattern: str,
                     canonical: bool) -> ColumnElement[bool]:
    """The condition "the event's search text contains `needle`" (`like_pattern`: its escaped LIKE pattern;
    `canonical`: the query asks for canonical events only, which `events_fts` holds)."""
    like = search_text.like(like_pattern, escape="\\")
    if not canonical or len(needle) < MIN_TRIGRAM:
        return like
    return TextSearch(like, uid.in_(select(FTS.c.uid).where(fts_match(needle))),
                      uid.in_(select(PG_TABLE.c.uid).where(pg_like(like_pattern))))


def pg_like(like_pattern: str) -> ColumnElement[bool]:
    """PostgreSQL: the `events_search` rows whose search text matches `like_pattern` (escaped)."""
    return PG_TABLE.c.search_text.like(like_pattern, escape="\\")


def pg_count_alone(like_pattern: str, limit: int | None = None) -> Any:
    """PostgreSQL: the count of the canonical events matching `like_pattern`, from `events_search` alone."""
    matches = select(text("1")).select_from(PG_TABLE).where(pg_like(like_pattern))
    if limit is None:
        return select(text("count(*)")).select_from(PG_TABLE).where(pg_like(like_pattern))
    return select(text("count(*)")).select_from(matches.limit(limit).subquery("matches"))


def fts_match(needle: str) -> ColumnElement[bool]:
    """SQLite: the `events_fts` rows whose search text contains `needle`."""
    return FTS.c.search_text.match(fts_phrase(needle))


def count_alone(needle: str, limit: int | None = None) -> Any:
    """SQLite: the count of the canonical events containing `needle`, from `events_fts` alone (`limit`: at most)."""
    if limit is None:
        return select(text("count(*)")).select_from(FTS).where(fts_match(needle))
    matches = select(text("1")).select_from(FTS).where(fts_match(needle)).limit(limit).subquery("matches")
    return select(text("count(*)")).select_from(matches)


def indexed_rows(conn: Connection) -> int:
    """SQLite: about how many canonical events `events_fts` holds (its largest rowid: one read)."""
    return int(conn.exec_driver_sql("SELECT max(rowid) FROM events_fts").scalar() or 0)

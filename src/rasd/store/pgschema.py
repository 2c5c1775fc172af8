"""PostgreSQL-only parts of the schema from version 9: the canonical flag of `event_actors`.

An actor's count over the canonical events (`/api/events?actor=…`, the API's default `merged=true`) listed the
actor's event uids from `event_actors` and probed the canonical events' index once per uid (33,000 probes for a
frequent actor over 100,000 events). From version 9 a PostgreSQL store keeps on each `event_actors` row whether its
event is canonical (`event_actors.canonical`), and three partial indexes over the canonical rows answer the count
from `event_actors` alone, index-only. Triggers keep the flag, so the write code does nothing: a row inserted takes
its event's flag (the event is written first: a foreign key), and an update of an event's `merged_id` (a happening
handed over when its canonical event is deleted) passes the new flag to the event's actors. SQLite has no such
column: its count of an actor goes through covering indexes of `events` (`filters._actor_condition`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Index,
    Select,
    case,
    column,
    func,
    inspect,
    or_,
    select,
    table,
    text,
    union,
)
from sqlalchemy.schema import CreateIndex

ACTOR_CANONICAL = "canonical"  # the column of `event_actors` (PostgreSQL, version 9)
# an actor's canonical events by lowered English name (version 9); from version 11 with `name_en` INCLUDEd, so the
# look-up is index-only (PostgreSQL reads an expression index's rows unless the columns it reads are in it): a
# frequent name's capped count read 10,038 pages, 8,226 of them rows of `event_actors`
ACTOR_NAME_EN = "ix_event_actors_canon_name_en"

_FUNCTIONS = (
    # a row inserted takes its event's flag (an event without a row cannot have actors: the foreign key)
    "CREATE OR REPLACE FUNCTION rasd_event_actors_canonical() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.canonical := coalesce((SELECT e.uid = e.merged_id FROM events e WHERE e.uid = NEW.event_uid), false); "
    "RETURN NEW; END $$",
    # an event whose happening changed hands passes its new flag to its actors' rows
    "CREATE OR REPLACE FUNCTION rasd_events_canonical_moved() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "UPDATE event_actors SET canonical = (NEW.uid = NEW.merged_id) WHERE event_uid = NEW.uid "
    "AND canonical IS DISTINCT FROM (NEW.uid = NEW.merged_id); RETURN NULL; END $$",
)
_TRIGGERS = (
    ("event_actors_canonical", "event_actors",
     "BEFORE INSERT OR UPDATE OF event_uid ON event_actors FOR EACH ROW "
     "EXECUTE FUNCTION rasd_event_actors_canonical()"),
    ("events_canonical_moved", "events",
     "AFTER UPDATE OF merged_id ON events FOR EACH ROW WHEN (OLD.merged_id IS DISTINCT FROM NEW.merged_id) "
     "EXECUTE FUNCTION rasd_events_canonical_moved()"),
)


# the canonical events counted by country and dates, kept by triggers (SQLite: version 10; PostgreSQL: 11; `daycounts`)
DAY_COUNTS = table("event_day_counts", column("facet"), column("k1"), column("k2"), column("k3"), column("conf"),
                   column("country"), column("date_start"), column("date_end"), column("n"))  # facets: version 14


def date_floor(date_from: str, country: str | None) -> Any:
    """PostgreSQL (version 11): the earliest start of a canonical event (of `country`) ending on or after
    `date_from`, from `event_day_counts`: a lower bound on `date_start` that the overlap test lacks (`date_end >=
    from AND date_start <= to` walked `ix_events_cov_date` from the start of the data to `to`: one day's page, 310
    matches, read 1,587 pages). NULL (no such event) bounds everything out, as the overlap test would."""
    c = DAY_COUNTS.c
    cond = [c.facet == "", c.date_end >= date_from] + ([c.country == country.upper()] if country else [])
    return select(func.min(c.date_start)).where(*cond).scalar_subquery()


def actor_columns(postgres: bool) -> list[Column[Any]]:
    """The columns `event_actors` has on PostgreSQL only (version 9): the canonical flag, kept by triggers."""
    if not postgres:
        return []
    return [Column(ACTOR_CANONICAL, Boolean, nullable=False, server_default=text("false"))]


def actor_indexes(postgres: bool) -> list[Index]:
    """PostgreSQL (version 9): the actor filter's three look-ups over the canonical events' actors, covering (the
    English name's from version 11: ACTOR_NAME_EN)."""
    if not postgres:
        return []
    return [Index("ix_event_actors_canon_actor", "actor_id", "event_uid", postgresql_where=text(ACTOR_CANONICAL)),
            Index(ACTOR_NAME_EN, func.lower(text("name_en")), "event_uid", postgresql_include=["name_en"],
                  postgresql_where=text(ACTOR_CANONICAL)),
            Index("ix_event_actors_canon_name_ar", "name_ar", "event_uid", postgresql_where=text(ACTOR_CANONICAL))]


def event_indexes(postgres: bool) -> list[Index]:
    """PostgreSQL (version 9): the canonical events by lowered English place name with the name itself INCLUDEd,
    so a place's count is index-only (PostgreSQL scans an index over an expression index-only only when the
    columns the expression reads are in it too; `ix_events_cov_place_en` is not)."""
    if not postgres:
        return []
    return [Index("ix_events_canon_place_en", func.lower(text("location_name_en")), "uid",
                  postgresql_include=["location_name_en"], postgresql_where=text("canonical"))]


# the columns with a descending index (`desc_index`) over every event and over the canonical ones; `confidence` from
# version 13: `-confidence` was the one sort of the API without one, so its page sorted every match — every event's
# page (merged=false) a scan of the whole table, 80-290 ms over 100,000 events at any offset; a place's 47-65 ms
DESC_SORTS = ("date_start", "fatalities", "confidence")


# the canonical events' indexes a page walks in its sort order (version 13): each INCLUDEs the columns the API's
# filters test (but text, actor and the canonical flag), so the walk tests a place, an ACLED type, a country or a
# date window in the index and reads no row it skips — `place=Benghazi&sort=-fatalities&offset=2000` read 8,600
# pages of `events` (39-90 ms), 425 with them (7.8 ms); `acled_type=Battles` at offset 2,000 10,080 -> 586
SORT_WALKED = ("ix_events_cov_date", "ix_events_canon_date_start_desc", "ix_events_canon_fatalities",
               "ix_events_canon_fatalities_desc", "ix_events_canon_confidence", "ix_events_canon_confidence_desc")
FILTERED = ("country", "date_end", "location_id", "location_name_en", "location_name_ar", "acled_event_type",
            "acled_sub_event_type", "confidence", "plover")


def include(name: str, keys: Sequence[Any]) -> list[str]:
    """The INCLUDE columns of index `name` whose key columns are `keys`: FILTERED but its keys for SORT_WALKED."""
    return [c for c in FILTERED if c not in keys] if name in SORT_WALKED else []


def desc_index(name: str, col: str, where: str | None) -> Index:
    """PostgreSQL only: `col DESC NULLS LAST, uid` (partial: `where`), the order of the descending sorts (SQLite's
    NULLs sort low)."""
    index = Index(name, text(f"{col} DESC NULLS LAST"), "uid", postgresql_include=include(name, (col,)),
                  postgresql_where=None if where is None else text(where))
    index.ddl_if(dialect="postgresql")
    return index


def add_actor_flag(conn: Connection) -> None:
    """PostgreSQL: add `event_actors.canonical` where it is missing, set it from the events, and create the
    triggers that keep it (idempotent: a store built at version 9 has the column and gets the triggers)."""
    if ACTOR_CANONICAL not in {c["name"] for c in inspect(conn).get_columns("event_actors")}:
        conn.execute(text(f"ALTER TABLE event_actors ADD COLUMN {ACTOR_CANONICAL} boolean NOT NULL DEFAULT false"))
    conn.execute(text("UPDATE event_actors ea SET canonical = true FROM events e "
                      "WHERE e.uid = ea.event_uid AND e.uid = e.merged_id AND NOT ea.canonical"))
    for ddl in _FUNCTIONS:
        conn.exec_driver_sql(ddl)
    for name, on, body in _TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name} ON {on}")
        conn.exec_driver_sql(f"CREATE TRIGGER {name} {body}")


def version_11(conn: Connection, t: Any) -> None:
    """PostgreSQL (version 11): `event_day_counts` kept by a trigger (`daycounts.create_postgres`), and the actor's
    English-name index rebuilt with `name_en` INCLUDEd where it lacks it (ACTOR_NAME_EN). SQLite: nothing."""
    event_actors = t.event_actors
    from rasd.store import daycounts

    if conn.dialect.name != "postgresql":
        return
    daycounts.create_postgres(conn)
    ddl = conn.exec_driver_sql(f"SELECT indexdef FROM pg_indexes WHERE indexname = '{ACTOR_NAME_EN}'").scalar()
    if ddl is not None and "INCLUDE" not in ddl:
        conn.exec_driver_sql(f"DROP INDEX {ACTOR_NAME_EN}")
    conn.execute(CreateIndex(next(i for i in event_actors.indexes if i.name == ACTOR_NAME_EN), if_not_exists=True))
    conn.exec_driver_sql("ANALYZE event_actors")


def has_actor_flag(event_actors: Any) -> bool:
    """Whether this store's `event_actors` table has the canonical flag (a PostgreSQL store's metadata)."""
    return ACTOR_CANONICAL in event_actors.c


def actor_count(event_actors: Any, actor: str, limit: int | None = None) -> Select[Any]:
    """PostgreSQL: the count of the canonical events with actor `actor` (id, English or Arabic name), from
    `event_actors` alone (`limit`: at most): a UNION of the three look-ups in the partial indexes, index-only; an
    event naming the actor twice is counted once (`capped_union_count` when limited)."""
    ea = event_actors
    flag = ea.c[ACTOR_CANONICAL]
    names = (ea.c.actor_id == actor, func.lower(ea.c.name_en) == actor.lower(), ea.c.name_ar == actor)
    branches = [select(ea.c.event_uid).where(flag, n) for n in names]
    if limit is not None:
        return capped_union_count(branches, limit - 1, distinct=True)
    return select(func.count()).select_from(union(*branches).subquery("actor_events"))


def capped_union_count(branches: Sequence[Select[Any]], cap: int, *, distinct: bool = False) -> Select[Any]:
    """PostgreSQL: how many rows the UNION of `branches` (one-column SELECTs) has, counted up to cap + 1. A UNION
    hashes every row of every branch before a LIMIT applies (a place's 25,000 events, an actor's 33,000, for an
    answer of 10,001), so each branch is first counted alone, up to cap + 1 (`distinct`: its distinct values;
    an index in the value's order makes it a streaming Unique): one over the cap answers cap + 1, and when at most
    one branch has rows its count is the answer; only otherwise is the UNION counted. The branches' counts are
    CTEs (each computed once, and only when the CASE reaches it: PostgreSQL evaluates them lazily), so the common
    case reads at most cap + 1 index entries of one branch and nothing of the others but their first."""
    if len(branches) == 1:
        only = branches[0].distinct() if distinct else branches[0]
        return select(func.count()).select_from(only.limit(cap + 1).subquery("matches"))
    counted = [select(func.count().label("n")).select_from((b.distinct() if distinct else b).limit(cap + 1)
                                                          .subquery(f"part{k}")).cte(f"branch{k}")
               for k, b in enumerate(branches)]
    n = [select(c.c.n).scalar_subquery() for c in counted]
    whole = select(func.count()).select_from(union(*branches).limit(cap + 1).subquery("matches")).scalar_subquery()
    nonempty = sum((case((x > 0, 1), else_=0) for x in n[1:]), case((n[0] > 0, 1), else_=0))
    return select(case((or_(*(x > cap for x in n)), cap + 1), (nonempty <= 1, sum(n[1:], n[0])), else_=whole))


def version_13(conn: Connection, t: Any) -> None:
    """PostgreSQL (version 13): the descending confidence indexes (DESC_SORTS), and the canonical sort indexes
    (SORT_WALKED) rebuilt with their INCLUDE columns where they lack them. SQLite: nothing (its indexes serve a
    descending walk as they are; no INCLUDE). Run `VACUUM ANALYZE` after: index-only walks need the visibility map."""
    if conn.dialect.name != "postgresql":
        return
    sql = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'events'"
    have: dict[str, str] = dict(conn.exec_driver_sql(sql).all())
    for index in sorted(t.events.indexes, key=lambda i: str(i.name)):
        name = str(index.name)
        if name in SORT_WALKED and name in have and "INCLUDE" not in have[name]:
            conn.exec_driver_sql(f"DROP INDEX {name}")
        if name in SORT_WALKED or name.endswith("confidence_desc"):
            conn.execute(CreateIndex(index, if_not_exists=True))


# /api/documents' order, newest first with the undated last (version 15): PostgreSQL's ascending
# `ix_documents_published` walked backward gives NULLs first, so every page sorted every document (53,740 documents
# beside 100,000 events: a page at offset 500 79 ms, a Parallel Seq Scan and a top-N sort); this index is walked
DOCUMENTS_ORDER = "ix_documents_published_desc"


def documents_order_index() -> Index:
    """PostgreSQL only: `published DESC NULLS LAST, id`, the order of /api/documents (SQLite's NULLs sort low, so its
    `ix_documents_published` walked backward serves it)."""
    index = Index(DOCUMENTS_ORDER, text("published DESC NULLS LAST"), "id")
    index.ddl_if(dialect="postgresql")
    return index


def version_15(conn: Connection, t: Any) -> None:
    """PostgreSQL (version 15): the documents' order index (DOCUMENTS_ORDER). SQLite: nothing."""
    if conn.dialect.name != "postgresql":
        return
    conn.execute(CreateIndex(next(i for i in t.documents.indexes if i.name == DOCUMENTS_ORDER), if_not_exists=True))

"""`event_day_counts` from schema version 14: the canonical events counted by a facet of the frequent filters as
well as by country and dates (`daycounts` answers the counts; this module keeps the rows).

Every row is keyed by (facet, k1, k2, k3, conf, country, date_start, date_end) and holds how many canonical events
have that key; the facet says what k1-k3 and conf hold (never NULL: an absent value is ''):

- '' (the rows of versions 10/11): nothing; the events by country and dates;
- 'place': the event's place id, lowered English name, Arabic name (a place filter tests any of the three);
- 'acled': its ACLED type and sub-type (the filter tests either);
- 'acled_conf': its ACLED type, sub-type and confidence, by country but not by dates (dates NULL: the filter
  "type + min_confidence" is answered without a date window; by date its rows would be one an event);
- 'plover': its PLOVER code;
- 'actor': an actor's id, lowered English name and Arabic name; an event counts once per distinct triple of its
  actors (an event naming one actor twice counts once; `daycounts.count` sums an actor's rows only when a single
  triple matches the filter, else it counts the events).

SQLite keeps the rows with triggers on `events` (each facet's row of the old and new row moved when an event is
written, merged or deleted) and on `event_actors` (an actor row added or removed, the first or last of its triple
in a canonical event); PostgreSQL with a plpgsql row trigger on `events` and statement triggers with transition
tables on `event_actors` (rows of one statement see each other). Both in the writing transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection

# facet -> (k1, k2, k3, conf) over a row of `events` named {x}; dated: keyed by the event's dates too
FACETS: dict[str, tuple[str, str, str, str, bool]] = {
    "": ("''", "''", "''", "NULL", True),
    "place": ("coalesce({x}.location_id, '')", "coalesce(lower({x}.location_name_en), '')",
              "coalesce({x}.location_name_ar, '')", "NULL", True),
    "acled": ("coalesce({x}.acled_event_type, '')", "coalesce({x}.acled_sub_event_type, '')", "''", "NULL", True),
    "acled_conf": ("coalesce({x}.acled_event_type, '')", "coalesce({x}.acled_sub_event_type, '')", "''",
                   "{x}.confidence", False),
    "plover": ("coalesce({x}.plover, '')", "''", "''", "NULL", True),
}
COLUMNS = "facet, k1, k2, k3, conf, country, date_start, date_end"
_TRIPLE = ("coalesce({a}.actor_id, '')", "coalesce(lower({a}.name_en), '')", "coalesce({a}.name_ar, '')")
def _triple(a: str) -> list[str]:
    """An actor row `a`'s triple (id, lowered English name, Arabic name; '' for none)."""
    return [v.format(a=a) for v in _TRIPLE]


def _triple_as(a: str) -> str:
    """An actor row `a`'s triple as columns k1, k2, k3."""
    return ", ".join(f"{v} AS k{i + 1}" for i, v in enumerate(_triple(a)))


_MOVED = ("uid", "merged_id", "country", "date_start", "date_end", "location_id", "location_name_en",
          "location_name_ar", "acled_event_type", "acled_sub_event_type", "plover", "confidence")


def _values(facet: str, x: str) -> list[str]:
    """The key of facet `facet` of events row `x` ("new"/"old"), in COLUMNS' order."""
    k1, k2, k3, conf, dated = FACETS[facet]
    dates = [f"{x}.date_start", f"{x}.date_end"] if dated else ["NULL", "NULL"]
    return [f"'{facet}'", *(v.format(x=x) for v in (k1, k2, k3, conf)), f"{x}.country", *dates]


def _match(values: list[str], pg: bool = False, prefix: str = "") -> str:
    """The test that a row of event_day_counts has the key `values` (SQLite: IS for the nullable columns;
    PostgreSQL: the unique index's coalesced expressions)."""
    names = COLUMNS.split(", ")
    out = []
    for k, (name, v) in enumerate(zip(names, values, strict=True)):
        if k < 4:
            out.append(f"{prefix}{name} = {v}")
        elif pg:
            blank = "-1" if name == "conf" else "''"
            out.append(f"coalesce({prefix}{name}, {blank}) = coalesce({v}, {blank})")
        else:
            out.append(f"{prefix}{name} IS {v}")
    return " AND ".join(out)


def _sqlite_add(values: list[str], when: str) -> str:
    return (f"UPDATE event_day_counts SET n = n + 1 WHERE {when} AND {_match(values)}; "
            f"INSERT INTO event_day_counts ({COLUMNS}, n) SELECT {', '.join(values)}, 1 "
            f"WHERE {when} AND changes() = 0; ")


def _sqlite_remove(values: list[str], when: str) -> str:
    return (f"UPDATE event_day_counts SET n = n - 1 WHERE {when} AND {_match(values)}; "
            f"DELETE FROM event_day_counts WHERE {when} AND n <= 0 AND {_match(values)}; ")


def _actor_key(x: str, pg: bool = False) -> str:
    """The actor rows of events row `x`'s country and dates (event_day_counts named c)."""
    return _match(["'actor'", "a.k1", "a.k2", "a.k3", "NULL", f"{x}.country", f"{x}.date_start",
                   f"{x}.date_end"], pg, "c.")


def _sqlite_actors_moved(x: str, when: str, sign: str) -> str:
    """SQLite: the actor rows of every distinct actor triple of event row `x` moved by one (`sign` + or -)."""
    triples = f"SELECT DISTINCT {_triple_as('ea')} FROM event_actors ea WHERE ea.event_uid = {x}.uid"
    key = f"facet = 'actor' AND conf IS NULL AND country IS {x}.country AND date_start IS {x}.date_start " \
          f"AND date_end IS {x}.date_end"
    moved = (f"UPDATE event_day_counts SET n = n {sign} 1 WHERE {when} AND {key} AND (k1, k2, k3) IN ({triples}); ")
    if sign == "-":
        return moved + f"DELETE FROM event_day_counts WHERE {when} AND n <= 0 AND {key}; "
    return moved + (f"INSERT INTO event_day_counts ({COLUMNS}, n) SELECT 'actor', a.k1, a.k2, a.k3, NULL, "
                    f"{x}.country, {x}.date_start, {x}.date_end, 1 FROM ({triples}) a WHERE {when} AND NOT EXISTS "
                    f"(SELECT 1 FROM event_day_counts c WHERE {_actor_key(x)}); ")


_NEW, _OLD = "new.uid = new.merged_id", "old.uid = old.merged_id"
_SAME = " AND ".join(f"{s} = {x}" for s, x in zip(_triple("s"), _triple("{x}"), strict=True))


def _sqlite_actor_trigger(op: str) -> str:
    """SQLite: the trigger moving an actor row when the first (insert) or last (delete) actor row of its triple
    in a canonical event comes or goes."""
    x = "new" if op == "INSERT" else "old"
    event = f"(SELECT e.{{c}} FROM events e WHERE e.uid = {x}.event_uid)"
    values = ["'actor'", *_triple(x), "NULL",
              *(event.format(c=c) for c in ("country", "date_start", "date_end"))]
    same = f"(SELECT count(*) FROM event_actors s WHERE s.event_uid = {x}.event_uid AND {_SAME.format(x=x)})"
    when = (f"EXISTS (SELECT 1 FROM events e WHERE e.uid = {x}.event_uid AND e.uid = e.merged_id) AND "
            f"{same} = {1 if op == 'INSERT' else 0}")
    body = _sqlite_add(values, "1") if op == "INSERT" else _sqlite_remove(values, "1")
    return (f"CREATE TRIGGER IF NOT EXISTS event_day_counts_actor_{op.lower()} AFTER {op} ON event_actors "
            f"WHEN {when} BEGIN {body}END")


def _sqlite_ddl() -> tuple[str, ...]:
    """SQLite (version 14): the triggers of every facet, on events and event_actors."""
    add_new = "".join(_sqlite_add(_values(f, "new"), _NEW) for f in FACETS)
    remove_old = "".join(_sqlite_remove(_values(f, "old"), _OLD) for f in FACETS)
    # an insert or delete of a report (not canonical) runs nothing: the test is the trigger's, once
    inserted = "".join(_sqlite_add(_values(f, "new"), "1") for f in FACETS)
    deleted = "".join(_sqlite_remove(_values(f, "old"), "1") for f in FACETS)
    return (
        "DROP INDEX IF EXISTS ix_event_day_counts",
        f"CREATE INDEX IF NOT EXISTS ix_event_day_counts_key ON event_day_counts ({COLUMNS})",
        *(f"DROP TRIGGER IF EXISTS {name}" for name in TRIGGERS),
        f"CREATE TRIGGER event_day_counts_insert AFTER INSERT ON events WHEN {_NEW} BEGIN {inserted}END",
        f"CREATE TRIGGER event_day_counts_delete AFTER DELETE ON events WHEN {_OLD} BEGIN {deleted}"
        f"{_sqlite_actors_moved('old', '1', '-')}END",
        f"CREATE TRIGGER event_day_counts_update AFTER UPDATE OF {', '.join(_MOVED)} ON events BEGIN "
        f"{remove_old}{_sqlite_actors_moved('old', _OLD, '-')}{add_new}{_sqlite_actors_moved('new', _NEW, '+')}END",
        _sqlite_actor_trigger("INSERT"),
        _sqlite_actor_trigger("DELETE"),
    )


TRIGGERS = ("event_day_counts_insert", "event_day_counts_delete", "event_day_counts_update",
            "event_day_counts_actor_insert", "event_day_counts_actor_delete")
_CONFLICT = ("ON CONFLICT (facet, k1, k2, k3, (coalesce(conf, -1)), (coalesce(country, '')), "
             "(coalesce(date_start, '')), (coalesce(date_end, '')))")


def _pg_event_function() -> str:
    """PostgreSQL (version 14): the row trigger's function on events (each facet's row of OLD taken away, NEW's
    added; the actor rows of the event's distinct actor triples likewise)."""
    triples = "SELECT DISTINCT " + _triple_as("ea") + " FROM event_actors ea WHERE ea.event_uid = {x}.uid"
    take = "".join(f"UPDATE event_day_counts SET n = n - 1 WHERE {_match(_values(f, 'OLD'), True)} "
                   f"RETURNING n INTO left_n; IF left_n <= 0 THEN DELETE FROM event_day_counts WHERE "
                   f"{_match(_values(f, 'OLD'), True)}; END IF; " for f in FACETS)
    at_old = _match(["c.facet", "c.k1", "c.k2", "c.k3", "NULL", "OLD.country", "OLD.date_start", "OLD.date_end"],
                    True, "c.")
    take += (f"UPDATE event_day_counts c SET n = c.n - 1 FROM ({triples.format(x='OLD')}) a WHERE "
             f"{_actor_key('OLD', True)}; DELETE FROM event_day_counts c WHERE c.n <= 0 AND c.facet = 'actor' AND "
             f"{at_old}; ")
    give = "".join(f"INSERT INTO event_day_counts ({COLUMNS}, n) VALUES ({', '.join(_values(f, 'NEW'))}, 1) "
                   f"{_CONFLICT} DO UPDATE SET n = event_day_counts.n + 1; " for f in FACETS)
    give += (f"INSERT INTO event_day_counts ({COLUMNS}, n) SELECT 'actor', a.k1, a.k2, a.k3, NULL, NEW.country, "
             f"NEW.date_start, NEW.date_end, 1 FROM ({triples.format(x='NEW')}) a "
             f"{_CONFLICT} DO UPDATE SET n = event_day_counts.n + 1; ")
    return ("CREATE OR REPLACE FUNCTION rasd_event_day_counts() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "DECLARE left_n integer; BEGIN "
            f"IF TG_OP <> 'INSERT' AND OLD.uid = OLD.merged_id THEN {take}END IF; "
            f"IF TG_OP <> 'DELETE' AND NEW.uid = NEW.merged_id THEN {give}END IF; "
            "RETURN NULL; END $$")


def _pg_actor_function() -> str:
    """PostgreSQL: the statement trigger's function on event_actors: the distinct (event, triple) pairs of the
    statement's rows whose event is canonical and has no other actor row of that triple, added or taken away."""
    pairs = "SELECT DISTINCT r.event_uid, " + _triple_as("r") + " FROM {rows} r"
    same = " AND ".join(f"{v} = p.k{i + 1}" for i, v in enumerate(_triple("s")))
    other = ("EXISTS (SELECT 1 FROM event_actors s WHERE s.event_uid = p.event_uid AND " + same
             + " AND NOT EXISTS (SELECT 1 FROM {rows} r WHERE r.event_uid = s.event_uid AND r.position = s.position))")
    grouped = ("SELECT p.k1, p.k2, p.k3, e.country, e.date_start, e.date_end, count(*) AS n FROM ({pairs}) p "
               "JOIN events e ON e.uid = p.event_uid AND e.uid = e.merged_id WHERE NOT {other} "
               "GROUP BY p.k1, p.k2, p.k3, e.country, e.date_start, e.date_end")
    added = grouped.format(pairs=pairs.format(rows="new_rows"), other=other.format(rows="new_rows"))
    gone = grouped.format(pairs=pairs.format(rows="old_rows"), other=other.format(rows="old_rows"))
    at_gone = _match(["c.facet", "a.k1", "a.k2", "a.k3", "NULL", "a.country", "a.date_start", "a.date_end"], True, "c.")
    return ("CREATE OR REPLACE FUNCTION rasd_event_day_counts_actors() RETURNS trigger LANGUAGE plpgsql AS $$ "
            "BEGIN IF TG_OP = 'INSERT' THEN "
            f"INSERT INTO event_day_counts ({COLUMNS}, n) SELECT 'actor', g.k1, g.k2, g.k3, NULL, g.country, "
            f"g.date_start, g.date_end, g.n FROM ({added}) g {_CONFLICT} DO UPDATE SET n = event_day_counts.n + "
            "EXCLUDED.n; ELSE "
            f"UPDATE event_day_counts c SET n = c.n - a.n FROM ({gone}) a WHERE {at_gone}"
            " AND c.facet = 'actor'; DELETE FROM event_day_counts WHERE facet = 'actor' AND n <= 0; END IF; "
            "RETURN NULL; END $$")


PG_TRIGGERS = ("event_day_counts_sync", "event_day_counts_moved")
_PG_ACTOR_TRIGGERS = ("event_day_counts_actor_insert", "event_day_counts_actor_delete")


def _pg_ddl() -> tuple[str, ...]:
    """PostgreSQL (version 14): the key's columns, the unique index over the whole key, the functions, triggers."""
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in _MOVED)
    return (
        "DROP INDEX IF EXISTS ux_event_day_counts",
        "CREATE UNIQUE INDEX ux_event_day_counts ON event_day_counts (facet, k1, k2, k3, (coalesce(conf, -1)), "
        "(coalesce(country, '')), (coalesce(date_start, '')), (coalesce(date_end, '')))",
        _pg_event_function(), _pg_actor_function(),
        *(f"DROP TRIGGER IF EXISTS {name} ON events" for name in PG_TRIGGERS),
        *(f"DROP TRIGGER IF EXISTS {name} ON event_actors" for name in _PG_ACTOR_TRIGGERS),
        "CREATE TRIGGER event_day_counts_sync AFTER INSERT OR DELETE ON events FOR EACH ROW "
        "EXECUTE FUNCTION rasd_event_day_counts()",
        f"CREATE TRIGGER event_day_counts_moved AFTER UPDATE OF {', '.join(_MOVED)} ON events FOR EACH ROW "
        f"WHEN ({changed}) EXECUTE FUNCTION rasd_event_day_counts()",
        "CREATE TRIGGER event_day_counts_actor_insert AFTER INSERT ON event_actors REFERENCING NEW TABLE AS "
        "new_rows FOR EACH STATEMENT EXECUTE FUNCTION rasd_event_day_counts_actors()",
        "CREATE TRIGGER event_day_counts_actor_delete AFTER DELETE ON event_actors REFERENCING OLD TABLE AS "
        "old_rows FOR EACH STATEMENT EXECUTE FUNCTION rasd_event_day_counts_actors()",
    )


def _fill() -> list[str]:
    """The facets' rows (all but '', which versions 10/11 filled) from the stored canonical events."""
    out = []
    for facet in FACETS:
        if facet:
            values = _values(facet, "events")
            keys = [v for v in values if not v.startswith("'") and v != "NULL"]  # no constants (PostgreSQL)
            out.append(f"INSERT INTO event_day_counts ({COLUMNS}, n) SELECT {', '.join(values)}, count(*) FROM "
                       f"events WHERE uid = merged_id GROUP BY {', '.join(keys)}")
    triple = _triple_as("a")
    out.append(f"INSERT INTO event_day_counts ({COLUMNS}, n) SELECT 'actor', k1, k2, k3, NULL, country, date_start, "
               f"date_end, count(*) FROM (SELECT DISTINCT a.event_uid, {triple}, e.country, e.date_start, "
               "e.date_end FROM event_actors a JOIN events e ON e.uid = a.event_uid AND e.uid = e.merged_id) p "
               "GROUP BY k1, k2, k3, country, date_start, date_end")
    return out


def migration_14(conn: Connection, t: object) -> None:
    """Version 14: event_day_counts keyed by facet too (the facets' rows filled from the stored events), its
    triggers replaced by ones keeping every facet, on both stores."""
    pg = conn.dialect.name == "postgresql"
    if pg:
        have = {r[0] for r in conn.exec_driver_sql(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'event_day_counts'")}
    else:
        have = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(event_day_counts)")}
    fresh = "facet" not in have
    if fresh:
        for name in ("facet", "k1", "k2", "k3"):
            conn.exec_driver_sql(f"ALTER TABLE event_day_counts ADD COLUMN {name} "
                                 f"{'varchar(130)' if pg and name == 'facet' else 'TEXT'} NOT NULL DEFAULT ''")
        conn.exec_driver_sql(f"ALTER TABLE event_day_counts ADD COLUMN conf {'double precision' if pg else 'REAL'}")
    for ddl in _pg_ddl() if pg else _sqlite_ddl():
        conn.exec_driver_sql(ddl)
    if fresh:
        for fill in _fill():
            conn.exec_driver_sql(fill)
    conn.exec_driver_sql("ANALYZE event_day_counts")

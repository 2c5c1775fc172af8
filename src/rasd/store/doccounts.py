"""The documents counted by the writes (schema version 16): how many are stored, how many are reprints, how many
have no publication date, kept in the one row of `store_state` beside the generation.

`/api/documents` gave its `total` as a `count(*)` of every document on every request (no read cache: an
index-only scan of 53,740 entries on PostgreSQL, most of a cursor page's cost), and `/api/stats` counted the
documents three times. As `event_day_counts` keeps the events' counts, triggers keep these in the writing
transaction: SQLite row triggers on `documents` (insert, delete, an update of `reprint_of` or `published`),
PostgreSQL one plpgsql row trigger. Every write already updates that row (the generation), so the triggers add no
lock a write did not take.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import BigInteger, Column, Connection, Table, inspect, select

KEPT = ("documents", "reprints", "undated")  # the columns of store_state, in this order
# what a documents row `x` adds to each of them (SQLite and PostgreSQL alike: a boolean as 0/1)
_ADDS = {"documents": "1", "reprints": "CASE WHEN {x}.reprint_of IS NULL THEN 0 ELSE 1 END",
         "undated": "CASE WHEN {x}.published IS NULL THEN 1 ELSE 0 END"}
SQLITE_TRIGGERS = ("store_state_documents_insert", "store_state_documents_delete", "store_state_documents_update")
PG_TRIGGER = "store_state_documents"


def state_columns() -> list[Column[Any]]:
    """The kept counts' columns of `store_state` (a store made before version 16 gets them from the migration)."""
    return [Column(name, BigInteger, nullable=False, server_default="0") for name in KEPT]


def _moved(sign: str, x: str) -> str:
    """`name = name ± (what row x adds)` for each kept count."""
    return ", ".join(f"{name} = {name} {sign} {_ADDS[name].format(x=x)}" for name in KEPT)


def _sqlite_ddl() -> tuple[str, ...]:
    """SQLite: a row trigger for each way a documents row changes what is counted."""
    both = ", ".join(f"{name} = {name} - {_ADDS[name].format(x='old')} + {_ADDS[name].format(x='new')}"
                     for name in KEPT[1:])
    return (
        *(f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_TRIGGERS),
        f"CREATE TRIGGER {SQLITE_TRIGGERS[0]} AFTER INSERT ON documents BEGIN "
        f"UPDATE store_state SET {_moved('+', 'new')} WHERE id = 1; END",
        f"CREATE TRIGGER {SQLITE_TRIGGERS[1]} AFTER DELETE ON documents BEGIN "
        f"UPDATE store_state SET {_moved('-', 'old')} WHERE id = 1; END",
        f"CREATE TRIGGER {SQLITE_TRIGGERS[2]} AFTER UPDATE OF reprint_of, published ON documents BEGIN "
        f"UPDATE store_state SET {both} WHERE id = 1; END",
    )


def _pg_ddl() -> tuple[str, ...]:
    """PostgreSQL: one plpgsql row trigger (OLD taken away, NEW added)."""
    return (
        "CREATE OR REPLACE FUNCTION rasd_store_state_documents() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF TG_OP <> 'INSERT' THEN UPDATE store_state SET {_moved('-', 'OLD')} WHERE id = 1; END IF; "
        f"IF TG_OP <> 'DELETE' THEN UPDATE store_state SET {_moved('+', 'NEW')} WHERE id = 1; END IF; "
        "RETURN NULL; END $$",
        f"DROP TRIGGER IF EXISTS {PG_TRIGGER} ON documents",
        f"CREATE TRIGGER {PG_TRIGGER} AFTER INSERT OR DELETE OR UPDATE OF reprint_of, published ON documents "
        "FOR EACH ROW EXECUTE FUNCTION rasd_store_state_documents()",
    )


def migration_16(conn: Connection, t: Any) -> None:
    """Version 16: the kept document counts (columns of store_state where missing, filled from the stored
    documents) and the triggers keeping them, on both stores."""
    pg = conn.dialect.name == "postgresql"
    have = {c["name"] for c in inspect(conn).get_columns("store_state")}
    for name in KEPT:
        if name not in have:
            conn.exec_driver_sql(f"ALTER TABLE store_state ADD COLUMN {name} BIGINT NOT NULL DEFAULT 0")
    for ddl in _pg_ddl() if pg else _sqlite_ddl():
        conn.exec_driver_sql(ddl)
    sums = ", ".join(f"{name} = (SELECT coalesce(sum({_ADDS[name].format(x='d')}), 0) FROM documents d)"
                     for name in KEPT)
    conn.exec_driver_sql(f"UPDATE store_state SET {sums} WHERE id = 1")


def kept(conn: Connection, state: Table) -> dict[str, int] | None:
    """The kept counts ({"documents", "reprints", "undated"}), None when the store has no state row."""
    row = conn.execute(select(*(state.c[name] for name in KEPT)).where(state.c.id == 1)).first()
    return None if row is None else {name: int(v) for name, v in zip(KEPT, row, strict=True)}

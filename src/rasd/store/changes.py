"""What a write changed, recorded for the API's read cache (schema version 18).

Every write transaction raises the store's generation (`store_state.generation`), and the read cache compared
every entry with it: under a concurrent ingest each commit made every count and page a miss (hits .73 quiet,
.43-.52 with an ingest). Most commits change far less than that. A document whose events all join happenings
already stored (the load bench's synthetic stream does only that) changes no happening's canonical event, so no
count of canonical events (`merged=true`: every filter tests the canonical event's own row and actors) and no
page's membership or order; it changes the items of the happenings it reports (their reports and merged
figures). So the writes record, in the same transaction and without triggers:

- `store_state.canonical_generation`: the generation of the last write that changed the set of canonical events
  (a new happening, a deletion, a hand-over) — a count of canonical events made at a generation not below it is
  still exact;
- `happening_changes (generation, merged_id)`: each happening that got a report, with the generation of the write.
  A page of canonical events made at generation g is still exact while the canonical set has not changed since g
  and none of its happenings is logged after g. Rows older than `RETAINED` generations are dropped by the writes;
  a reader further behind than half of that treats every page as changed (`Seen.complete`).

A write that says nothing of what it changed (`EVERYTHING`: deletions, anything new) moves the canonical generation
too, so the default is the old rule. Filters over every document's events (`merged=false`), `/api/stats` and
everything else stay valid only at their generation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import BigInteger, Column, Connection, inspect, text

CANONICAL = "canonical_generation"  # the column of store_state
LOG = "happening_changes"
RETAINED = 2000  # generations of happening_changes kept

_LOG_DDL = (f"CREATE TABLE IF NOT EXISTS {LOG} (generation BIGINT NOT NULL, merged_id VARCHAR(130) NOT NULL, "
            "PRIMARY KEY (generation, merged_id))")
_BUMP = text("UPDATE store_state SET generation = generation + 1 WHERE id = 1")
_BUMP_CANONICAL = text(f"UPDATE store_state SET generation = generation + 1, {CANONICAL} = generation + 1 "
                       "WHERE id = 1")
_LOG = text(f"INSERT INTO {LOG} (generation, merged_id) SELECT generation, :m FROM store_state WHERE id = 1")
_PRUNE = text(f"DELETE FROM {LOG} WHERE generation < (SELECT generation FROM store_state WHERE id = 1) - :keep")
_STATE = text(f"SELECT generation, {CANONICAL} FROM store_state WHERE id = 1")
_SINCE = text(f"SELECT merged_id, generation FROM {LOG} WHERE generation > :g")


@dataclass(frozen=True, slots=True)
class Changed:
    """What a write transaction changed: whether the set of canonical events (`canonical`), and which happenings
    got a report (their canonical uids)."""

    canonical: bool
    happenings: frozenset[str] = frozenset()

    def __or__(self, other: Changed) -> Changed:
        return Changed(self.canonical or other.canonical, self.happenings | other.happenings)


EVERYTHING = Changed(True)
NOTHING = Changed(False)


def of_events(events: Iterable[tuple[str, str]]) -> Changed:
    """What writing events (uid, canonical uid of its happening) changes: a happening of its own changes the
    canonical set; one joining a stored happening changes that happening."""
    canonical, happenings = False, set()
    for uid, merged_id in events:
        if uid == merged_id:
            canonical = True
        else:
            happenings.add(merged_id)
    return Changed(canonical, frozenset(happenings))


def record(conn: Connection, changed: Changed) -> None:
    """Raise the generation (and the canonical one when the canonical set changed) and log the happenings changed,
    inside the caller's write transaction; nothing is read back (PostgreSQL: pipelined with the rows)."""
    conn.execute(_BUMP_CANONICAL if changed.canonical else _BUMP)
    if changed.happenings:
        conn.execute(_LOG, [{"m": m} for m in sorted(changed.happenings)])
        conn.execute(_PRUNE, {"keep": RETAINED})


@dataclass(frozen=True, slots=True)
class Seen:
    """What a reader sees of the writes: the generation, the generation of the last change of the canonical set,
    and the happenings changed after the generation it asked from (each with its generation's); `complete`: false
    when the log no longer reaches back that far (every page then counts as changed)."""

    generation: int
    canonical: int
    happenings: tuple[tuple[str, int], ...] = ()
    complete: bool = True


def seen(conn: Connection, since: int | None) -> Seen:
    """The writes as seen now (`since`: the generation the reader saw last; None: none yet). The state is read
    before the log: a write committed in between is logged twice over two polls, never missed."""
    row = conn.execute(_STATE).first()
    generation, canonical = (int(row[0]), int(row[1])) if row is not None else (0, 0)
    if since is None or since >= generation:
        return Seen(generation, canonical, complete=since is not None)
    if generation - since > RETAINED // 2:
        return Seen(generation, canonical, complete=False)
    rows = conn.execute(_SINCE, {"g": since}).all()
    return Seen(generation, canonical, tuple((str(m), int(g)) for m, g in rows))


def state_columns() -> list[Column[Any]]:
    """store_state's column of the canonical generation (a store made before version 18 gets it by migration)."""
    return [Column(CANONICAL, BigInteger, nullable=False, server_default="0")]


def migration_18(conn: Connection, t: Any) -> None:
    """Version 18: store_state's canonical generation (set to the generation: every entry older than now counts as
    changed) and the log of changed happenings, on both stores."""
    if CANONICAL not in {c["name"] for c in inspect(conn).get_columns("store_state")}:
        conn.exec_driver_sql(f"ALTER TABLE store_state ADD COLUMN {CANONICAL} BIGINT NOT NULL DEFAULT 0")
    conn.exec_driver_sql(f"UPDATE store_state SET {CANONICAL} = generation WHERE id = 1")
    conn.exec_driver_sql(_LOG_DDL)

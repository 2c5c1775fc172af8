"""CPU per uncached /api/events request, per kind of the random mix (not a test): in-process, on a filled store.

    python scripts/bench_kinds.py --db sqlite:////dev/shm/b.db [--samples 50] [--seed 16] [--writer] [--json F]
    python scripts/bench_kinds.py --db postgresql+psycopg://…/rasd_bench [--samples 50] [--seed 16] [--writer]

For each kind of `bench_api.py`'s random mix, `--samples` queries of that kind (random values, `--seed`) are
answered as the server answers a cache miss — the filter's count, the page's rows, its items (sources, JSON)
and the rendering — each part timed with `time.process_time` (CPU of this process: SQLite runs in it, so the
count and page figures are SQL time) after one unmeasured pass over the same queries. Prints the median and
the 99th percentile (nearest rank) of each part per kind, in ms. `--writer`: another process ingests synthetic
documents (one transaction each, as the load benchmark's concurrent ingest) while the queries run, so that each
read meets the effects of other connections' commits. On a shared machine CPU time is the steadier figure than
wall-clock latency. On PostgreSQL each part also counts the CPU of the connection's backend process
(`/proc/PID/schedstat`: the database's own work), so a part is "this process + the database" on either store, and
the `db` column is the backend's share of the whole request (0 on SQLite, which runs in this process). This script
replaces `bench_kinds_pg.py` (round 7), which timed the count and the page alone on PostgreSQL.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_api import RANDOM_KINDS, pct, random_query, start_ingest  # noqa: E402

PARTS = ("count", "page", "items", "render", "total", "sys", "db")


def query_args(q: dict[str, str]) -> tuple[Any, int, int, str]:
    """The store's filter, limit, offset and sort for an /api/events query string (as `serve.params` reads it)."""
    from rasd.store import EventFilter

    names = {"from": "date_from", "to": "date_to"}
    fields: dict[str, Any] = {names.get(k, k): v for k, v in q.items() if k not in ("limit", "offset", "sort")}
    if "merged" in fields:
        fields["merged"] = fields["merged"] != "false"
    if "min_confidence" in fields:
        fields["min_confidence"] = float(fields["min_confidence"])
    return EventFilter(**fields), int(q.get("limit", 50)), int(q.get("offset", 0)), q.get("sort", "-date")


def backend_ns(pid: int | None) -> int:
    """CPU nanoseconds the process `pid` (a PostgreSQL backend) has run; 0 without one (SQLite)."""
    if pid is None:
        return 0
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


def backend_pid(conn: Any) -> int | None:
    """The PostgreSQL backend serving `conn` (None on SQLite)."""
    from sqlalchemy import text

    if conn.dialect.name != "postgresql":
        return None
    pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one())
    conn.commit()
    return pid


def cursor_of(store: Any, q: dict[str, str]) -> Any:
    """The keyset position of `q`'s page (the row before its offset; None at offset 0): `--paging cursor` asks
    for the same rows as the offset does, through the `next_cursor` a client paging there would hold."""
    from rasd.store import keyset

    f, _, offset, sort = query_args(q)
    if offset == 0:
        return None
    token = store.query_events(f, limit=1, offset=offset - 1, sort=sort, cap=0)["next_cursor"]
    return None if token is None else keyset.decode(token, "events", sort)


def time_request(store: Any, q: dict[str, str], cap: int | None = None, after: Any = None) -> dict[str, float]:
    """CPU ms (this process + the PostgreSQL backend's) of each part of one uncached /api/events request (count up
    to `cap` + 1 as the server counts, page rows, items, rendering), this process's system time (`sys`: page
    reads and faults) and the backend's share (`db`). `after`: the page asked by that cursor, not by offset."""
    from sqlalchemy import select

    from rasd.store import pagejson, reads
    from rasd.store.filters import event_order

    f, limit, offset, sort = query_args(q)
    offset = 0 if after is not None else offset
    out: dict[str, float] = {}
    with store.engine.connect() as conn:
        pid = backend_pid(conn)

        def clock() -> float:
            return time.process_time() + backend_ns(pid) / 1e9

        b0 = backend_ns(pid)
        s0 = resource.getrusage(resource.RUSAGE_SELF).ru_stime
        c0 = clock()
        total = reads.count_events(conn, store.t, f, cap) if cap else reads.count_events(conn, store.t, f)
        c1 = clock()
        rows: list[Any] = []
        if after is not None:  # as reads.query_events with a cursor: the ranges after it, then the rows
            uids = reads.keyset_uids(conn, reads.keyset_page_statements(
                store.t, f, limit=limit, sort=sort, after=after, dialect=conn.dialect.name,
                drive=reads.page_drive(conn, f, total, limit)), limit)
            rows = list(conn.execute(select(store.t.events).where(store.t.events.c.uid.in_(uids))
                                     .order_by(*event_order(store.t, sort))).mappings().all()) if uids else []
        elif offset < total or total > (reads.counted_cap(f, conn.dialect.name, cap) or total):  # as reads.query_events
            _, page_q = reads.event_page_statements(
                store.t, f, limit=limit, offset=offset, sort=sort, dialect=conn.dialect.name,
                drive=reads.page_drive(conn, f, total, limit + offset))
            rows = list(conn.execute(page_q).mappings().all())
        c2 = clock()
        items = reads.event_items_json(conn, store.t, rows)  # as the server: assembled around the stored JSON
        c3 = clock()
        pagejson.page_json({"total": total, "limit": limit, "offset": offset, "sort": sort}, items)
        c4 = clock()
        db = (backend_ns(pid) - b0) / 1e9
        sys_s = resource.getrusage(resource.RUSAGE_SELF).ru_stime - s0
        conn.commit()  # end the read transaction (PostgreSQL: a fresh snapshot for the next request)
    out.update(count=c1 - c0, page=c2 - c1, items=c3 - c2, render=c4 - c3, total=c4 - c0, sys=sys_s, db=db)
    return {k: v * 1000 for k, v in out.items()}


def measure(url: str, samples: int, seed: int, cap: int | None = None,
            paging: str = "offset") -> dict[str, dict[str, dict[str, float]]]:
    """Per kind and part: the median and p99 CPU ms over `samples` queries of the kind (`paging` "cursor": the
    deep pages asked by the cursor of the row before them, found untimed first)."""
    from rasd.store import Store

    rng = random.Random(seed)
    queries = {kind: [random_query(rng, i) for _ in range(samples)] for i, kind in enumerate(RANDOM_KINDS)}
    figures: dict[str, dict[str, dict[str, float]]] = {}
    with Store.open(url, pool_size=1) as store:
        afters = {id(q): cursor_of(store, q) if paging == "cursor" else None for qs in queries.values() for q in qs}
        for qs in queries.values():  # warm the page cache and the compiled-statement cache
            for q in qs:
                time_request(store, q, cap, afters[id(q)])
        for kind, qs in queries.items():
            runs = []
            for q in qs:
                store.generation()  # as the server's read cache polls it (SQLite: unmapped reads while others write)
                runs.append(time_request(store, q, cap, afters[id(q)]))
            figures[kind] = {part: {"p50": round(pct([r[part] for r in runs], 50), 2),
                                    "p99": round(pct([r[part] for r in runs], 99), 2),
                                    "mean": round(sum(r[part] for r in runs) / len(runs), 2)} for part in PARTS}
    return figures


def print_table(figures: dict[str, dict[str, dict[str, float]]]) -> None:
    """The per-kind table: median (p99) CPU ms of each part."""
    print("CPU ms, this process + the database's backend: median (p99)")
    print(f"{'kind':26s}" + "".join(f"{p:>18s}" for p in PARTS))
    for kind, parts in figures.items():
        print(f"{kind:26s}" + "".join(f"{parts[p]['p50']:9.2f} ({parts[p]['p99']:6.2f})" for p in PARTS))
    mean = sum(parts["total"]["p50"] for parts in figures.values()) / max(len(figures), 1)
    print(f"mean of the medians (total): {mean:.2f} ms")
    means = sum(parts["total"]["mean"] for parts in figures.values()) / max(len(figures), 1)
    pages = sum(parts["page"]["mean"] for parts in figures.values()) / max(len(figures), 1)
    print(f"mean of the means: total {means:.2f} ms, page {pages:.2f} ms")


def main() -> None:
    """Parse the options, measure (with a concurrent writer if asked) and print the table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="a filled store, SQLite or PostgreSQL (bench_api.py --fill-only)")
    ap.add_argument("--samples", type=int, default=50)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--cap", type=int, default=10_000, help="count cap, as rasd serve's (0: exact counts)")
    ap.add_argument("--writer", action="store_true", help="another process ingests while the queries run")
    ap.add_argument("--writer-batch", type=int, default=1, help="documents per write transaction of the writer")
    ap.add_argument("--paging", choices=("offset", "cursor"), default="offset",
                    help="ask the deep pages (offset > 0) by offset, or by the cursor of the row before them")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = ap.parse_args()
    writer = start_ingest(args.db, 30_000_000 + int(time.time()) % 1_000_000 * 100, 3600,
                          args.writer_batch) if args.writer else None
    try:
        if writer is not None:
            time.sleep(3)  # the writer's imports and first commits
        figures = measure(args.db, args.samples, args.seed, args.cap or None, args.paging)
    finally:
        if writer is not None:
            writer.terminate()
            writer.wait(timeout=30)
    print_table(figures)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

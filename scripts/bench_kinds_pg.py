"""Per-kind query cost (not a test): each request kind of `bench_api.py`'s random mix, timed in-process.

    python scripts/bench_kinds_pg.py --db postgresql://…/rasd_bench [--samples 50] [--seed 16] [--json FILE]

For each of the 8 kinds of `bench_api.random_query`, `--samples` queries of that kind (drawn with `--seed`) run
once to warm the caches, then once measured: the filter's count and the page (its keys, rows and items, with the
count given, as the API's read cache does). Each is timed as wall ms, this process's CPU ms and, on PostgreSQL,
the CPU ms of the connection's backend process (`/proc/PID/schedstat`, nanoseconds: the database's own work,
which wall-clock time on a shared machine does not isolate). Prints the median and p99 of each per kind.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

KINDS = ("country + from", "actor", "text search q", "one day", "place + sort", "ACLED type + confidence",
         "PLOVER + country", "every document's events")


def kind_of(q: dict[str, str]) -> int:
    """Which of the random mix's kinds a query is (the order of `bench_api.random_query`)."""
    for k, key in enumerate(("country", "actor", "q", "to", "place", "acled_type", "plover", "merged")):
        if key in q and not (key == "country" and "plover" in q):
            return k
    raise ValueError(q)


def samples(seed: int, n: int) -> list[list[dict[str, str]]]:
    """`n` queries of each kind, in the order the random mix draws them."""
    from bench_api import random_query

    rng = random.Random(seed)
    out: list[list[dict[str, str]]] = [[] for _ in KINDS]
    while min(len(x) for x in out) < n:
        q = random_query(rng)
        bucket = out[kind_of(q)]
        if len(bucket) < n:
            bucket.append(q)
    return out


def to_filter(q: dict[str, str]) -> tuple[Any, int, int, str]:
    """The EventFilter, limit, offset and sort the API makes of a query string."""
    from rasd.store import EventFilter

    f = EventFilter(date_from=q.get("from"), date_to=q.get("to"), country=q.get("country"), place=q.get("place"),
                    actor=q.get("actor"), acled_type=q.get("acled_type"), plover=q.get("plover"),
                    min_confidence=float(q["min_confidence"]) if "min_confidence" in q else None,
                    q=q.get("q"), merged=q.get("merged", "true") != "false")
    return f, int(q.get("limit", 50)), int(q.get("offset", 0)), q.get("sort", "-date")


def backend_ns(pid: int | None) -> int:
    """CPU nanoseconds the process `pid` has run (0 without one)."""
    if pid is None:
        return 0
    return int(Path(f"/proc/{pid}/schedstat").read_text().split()[0])


def timed(fn: Callable[[], Any], pid: int | None) -> tuple[Any, tuple[float, ...]]:
    """`fn()` and its wall ms, this process's CPU ms, the backend's CPU ms and the two CPU figures' sum."""
    w, c, b = time.perf_counter(), time.process_time(), backend_ns(pid)
    out = fn()
    cpu, db = (time.process_time() - c) * 1000, (backend_ns(pid) - b) / 1e6
    return out, ((time.perf_counter() - w) * 1000, cpu, db, cpu + db)


def measure(url: str, n: int, seed: int) -> dict[str, Any]:
    """The figures of each kind: count and page, wall / CPU / backend CPU, median and p99."""
    from sqlalchemy import text

    from rasd.store import Store, reads

    figures: dict[str, Any] = {}
    with Store.open(url, pool_size=1) as store, store.engine.connect() as conn:
        pid = int(conn.execute(text("SELECT pg_backend_pid()")).scalar_one()) if store.is_postgres else None
        conn.commit()
        for name, qs in zip(KINDS, samples(seed, n), strict=True):
            rows: dict[str, list[tuple[float, ...]]] = {"count": [], "page": []}
            for rnd in range(2):
                for q in qs:
                    f, limit, offset, sort = to_filter(q)
                    total, tc = timed(lambda f=f: reads.count_events(conn, store.t, f), pid)
                    _, tp = timed(lambda f=f, limit=limit, offset=offset, sort=sort, total=total: reads.query_events(
                        conn, store.t, f, limit=limit, offset=offset, sort=sort, total=total), pid)
                    conn.commit()
                    if rnd:
                        rows["count"].append(tc)
                        rows["page"].append(tp)
            figures[name] = {part: {what: _stats([x[i] for x in xs]) for i, what in enumerate(("wall", "cpu", "db", "cpu+db"))}
                             for part, xs in rows.items()}
    return figures


def _stats(xs: list[float]) -> dict[str, float]:
    """Median and p99 (nearest rank) of `xs`."""
    s = sorted(xs)
    return {"p50": round(statistics.median(s), 2), "p99": round(s[min(len(s) - 1, round(0.99 * (len(s) - 1)))], 2)}


def main() -> None:
    """Measure and print the per-kind table."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True)
    ap.add_argument("--samples", type=int, default=50)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    figures = measure(args.db, args.samples, args.seed)
    print(f"{'kind':26s} | count db+cpu p50 (p99) | count wall p50 (p99) | page db+cpu p50 (p99) | page wall p50 (p99)")
    for name, fig in figures.items():
        cells = []
        for part in ("count", "page"):
            both = fig[part]["cpu+db"]
            cells.append(f"{both['p50']:8.1f} ({both['p99']:7.1f})")
            cells.append(f"{fig[part]['wall']['p50']:8.1f} ({fig[part]['wall']['p99']:7.1f})")
        print(f"{name:26s} | " + " | ".join(cells), flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Benchmark (not a test): p50/p99 latency of GET /api/events over 10,000 stored synthetic events.

    python scripts/bench_api.py [--db sqlite:///bench.db | postgresql://…] [--events 10000] [--requests 500]

Fills the store with synthetic documents (tests/store_fixtures.py; 2 events each) unless it already holds
enough events, reports ingest throughput, then serves the app with uvicorn on 127.0.0.1 and times a mix of
/api/events queries (no filter, country, actor, text search, date range, sort by fatalities, deep pages)
over HTTP with one keep-alive client.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

QUERIES = [
    {},
    {"country": "LY"},
    {"actor": "lna"},
    {"q": "مصراتة"},
    {"from": "2020-03-01", "to": "2020-05-31"},
    {"sort": "-fatalities"},
    {"acled_type": "Battles", "min_confidence": "0.5"},
    {"offset": "5000"},
    {"merged": "false", "limit": "100"},
]


def fill(url: str, n_events: int, per_doc: int = 2) -> None:
    from store_fixtures import synthetic_record

    from rasd.store import EventFilter, Store

    store = Store.open(url)
    have = store.count_events(EventFilter(merged=False))
    if have >= n_events:
        print(f"store already holds {have} events")
        store.close()
        return
    docs = (n_events - have + per_doc - 1) // per_doc
    start = have // per_doc
    t0 = time.perf_counter()
    for i in range(start, start + docs):
        store.ingest(synthetic_record(i, events=per_doc, seed=7))
    dt = time.perf_counter() - t0
    total = store.count_events(EventFilter(merged=False))
    merged = store.count_events()
    print(f"ingested {docs} documents ({docs * per_doc} events) in {dt:.1f} s: {docs / dt:.0f} docs/s "
          f"(store-only; the pipeline's extraction time is not included); {total} events stored, "
          f"{merged} happenings after cross-document merging")
    store.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=None, help="store URL (default: a temporary SQLite file)")
    ap.add_argument("--events", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=500)
    args = ap.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    fill(url, args.events)

    import httpx
    import uvicorn

    from rasd.api import Settings, create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(Settings(db_url=url)), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    rng = random.Random(1)
    per_query: dict[str, list[float]] = {}
    timings: list[float] = []
    with httpx.Client(base_url=f"http://127.0.0.1:{port}") as client:
        for q in QUERIES:  # warm up
            client.get("/api/events", params=q).raise_for_status()
        for _ in range(args.requests):
            q = rng.choice(QUERIES)
            t0 = time.perf_counter()
            r = client.get("/api/events", params=q)
            dt = (time.perf_counter() - t0) * 1000
            r.raise_for_status()
            timings.append(dt)
            per_query.setdefault(str(q), []).append(dt)
    server.should_exit = True
    thread.join(timeout=10)

    def pct(xs: list[float], p: float) -> float:
        xs = sorted(xs)
        return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

    print(f"GET /api/events over {args.requests} requests ({url.split(':')[0]}): "
          f"p50 {statistics.median(timings):.1f} ms, p99 {pct(timings, 99):.1f} ms, max {max(timings):.1f} ms")
    for label, xs in sorted(per_query.items()):
        print(f"  {label:55s} n={len(xs):4d} p50 {statistics.median(xs):7.1f} ms  p99 {pct(xs, 99):7.1f} ms")


if __name__ == "__main__":
    main()

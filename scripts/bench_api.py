"""Load benchmark (not a test): GET /api/events under 1 and 50 keep-alive clients, with and without an ingest.

    python scripts/bench_api.py [--db sqlite:///bench.db | postgresql://…] [--events 100000] [--seconds 60]
                                [--clients 1,50] [--ingest-clients 50] [--fill-only] [--db-pid PID]
    python scripts/bench_api.py --ingest-rate [--db …] [--at 1000,10000,100000] [--sample 300]
    python scripts/bench_api.py --ingest-rate --db 'sqlite:////tmp/rate-{n}.db' --rounds 3   # one store per size
    python scripts/bench_api.py --ingest-rate --db 'sqlite:////tmp/rate-{n}.db' --rounds 7 --reset --sample 1000
    python scripts/bench_api.py --ingest-rate --db 'postgresql+psycopg://…/rate_{n}' --rounds 5 --reset

Fills the store with synthetic documents (tests/store_fixtures.py; 2 events each) in bulk (one transaction
per 1,000 documents) unless it already holds enough events, then serves the app with uvicorn on 127.0.0.1 in
a subprocess and, for each client count, runs that many keep-alive clients for `--seconds` over a mix of
/api/events queries (no filter, country, actor, text search, date range, sort by fatalities, deep pages,
unmerged): p50/p95/p99, requests/s and errors. `--ingest-clients N` adds a run with N clients while another
process ingests synthetic documents one transaction each (its documents/s are reported). Each run reports the
server's CPU milliseconds per request (uvicorn processes; with `--db-pid`, the PostgreSQL postmaster's tree
too): on a shared machine the steadier figure than wall-clock latency. Traffic goes to
127.0.0.1 only. The clients are plain asyncio sockets by default (`--client httpx`: httpx.AsyncClient, whose
1.5 ms of CPU per request made the load generator the bottleneck on a 2-core machine). `--copy-from URL` fills
an empty store with another store's rows (PostgreSQL from SQLite). `--ingest-rate` measures store-only ingest (documents/s over `--sample` documents) when the
store holds each of the `--at` document counts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

SORTS = ["date", "-date", "confidence", "-confidence", "fatalities", "-fatalities"]
QUERIES: list[dict[str, str]] = [
    {},
    {"country": "LY"},
    {"actor": "lna"},
    {"q": "مصراتة"},
    {"from": "2020-03-01", "to": "2020-05-31"},
    {"sort": "-fatalities"},
    {"acled_type": "Battles", "min_confidence": "0.5"},
    {"offset": "5000"},
    {"merged": "false", "limit": "100"},
    {"place": "ly-tripoli", "sort": "date"},
    {"plover": "PROTEST", "country": "TN"},
]
PER_DOC = 2
FILL_BATCH = 1000


def stored_documents(url: str) -> int:
    """How many documents the store at `url` holds."""
    from sqlalchemy import func, select

    from rasd.store import Store

    with Store.open(url) as store, store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(store.t.documents)).scalar_one())


def fill_documents(url: str, n_docs: int, seed: int = 7) -> None:
    """Store synthetic documents until the store holds `n_docs`, FILL_BATCH documents per transaction.

    The fill skips the reprint and merge look-ups (their sketches are stored; every filled event is its own
    happening), so a 100,000-event store takes minutes with any version of the store; the timed runs
    (`ingest_rate`, the concurrent ingest) go through `Store.ingest` with every look-up.
    """
    from unittest import mock

    from store_fixtures import synthetic_record

    from rasd.store import Store, writes

    have = stored_documents(url)
    if have >= n_docs:
        return
    t0 = time.perf_counter()
    def no_look_up(conn: Any, t: Any, rec: Any, sketch: Any, first: Any = None) -> writes.LookUp:
        return writes.LookUp(False, None, None, (None,) * len(rec.events))

    with Store.open(url) as store, mock.patch.object(writes, "look_up", no_look_up):
        for lo in range(have, n_docs, FILL_BATCH):
            with store.engine.begin() as conn:
                store._lock(conn)
                for i in range(lo, min(n_docs, lo + FILL_BATCH)):
                    writes.insert_record(conn, store.t, synthetic_record(i, events=PER_DOC, seed=seed), None,
                                         store.campaign_assigner)
    dt = time.perf_counter() - t0
    print(f"filled {n_docs - have} documents ({(n_docs - have) * PER_DOC} events) in {dt:.0f} s "
          f"({(n_docs - have) / dt:.0f} docs/s, bulk)", flush=True)


def copy_store(src_url: str, dst_url: str, batch: int = 5000) -> None:
    """Copy every row of the store at `src_url` into the empty store at `dst_url` (a PostgreSQL store the size
    of a SQLite one in minutes; a fill there is slower). Serial ids (counts, tolls) are left to the target."""
    from sqlalchemy import insert, select, text

    from rasd.store import Store

    if stored_documents(dst_url):
        return
    t0 = time.perf_counter()
    with Store.open(src_url) as src, Store.open(dst_url) as dst:
        with src.engine.connect() as sc, dst.engine.begin() as dc:
            for table in src.t.metadata.sorted_tables:
                if table.name in ("schema_migrations", "store_state"):
                    continue
                cols = [c for c in table.columns if not (c.name == "id" and c.autoincrement is True)]
                target = dst.t.metadata.tables[table.name]
                for part in sc.execute(select(*cols)).partitions(batch):
                    dc.execute(insert(target), [dict(r._mapping) for r in part])
        if dst.is_postgres:
            with dst.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as dc:
                # VACUUM too: a store just copied has no visibility map, so its index-only scans read every row
                # (a country's count 22 -> 8 ms); autovacuum would set it only later
                dc.execute(text("VACUUM (ANALYZE)"))
    print(f"copied {stored_documents(dst_url)} documents in {time.perf_counter() - t0:.0f} s", flush=True)


def backend_cpu_seconds(pids: set[int]) -> float:
    """CPU seconds of the PostgreSQL backends `pids` (on this machine), from /proc/PID/schedstat."""
    total = 0.0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
        except (OSError, ValueError, IndexError):
            pass
    return total


def ingest_rate(url: str, n: int, start: int, seed: int = 11) -> tuple[float, float, float]:
    """Documents per second, per CPU-second (this process, where SQLite runs, plus on PostgreSQL the backends
    it used: on a shared machine the CPU figure is the steadier one) and the backends' share of that CPU, of
    `Store.ingest`, one transaction per document, over `n` new synthetic documents."""
    from sqlalchemy import event
    from store_fixtures import synthetic_record

    from rasd.store import Store

    records = [synthetic_record(i, events=PER_DOC, seed=seed) for i in range(start, start + n)]
    pids: set[int] = set()
    with Store.open(url) as store:
        def seen(dbapi_conn: Any, record: Any, proxy: Any) -> None:
            pid = getattr(getattr(dbapi_conn, "info", None), "backend_pid", None)
            if pid:
                pids.add(int(pid))
        event.listen(store.engine, "checkout", seen)
        with store.engine.connect():  # the backend's pid is known before the clock starts
            pass
        b0 = backend_cpu_seconds(pids)
        t0, c0 = time.perf_counter(), time.process_time()
        for rec in records:
            store.ingest(rec)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        db = backend_cpu_seconds(pids) - b0
        return n / wall, n / max(cpu + db, 1e-9), db / max(cpu + db, 1e-9)


def reset_store(url: str) -> None:
    """Bring the store of `url` back to the state saved beside it, saving it first if unsaved: a SQLite file's
    copy `FILE.orig`, a PostgreSQL database's template `NAME_orig`."""
    if url.startswith("postgresql"):
        reset_database(url)
        return
    path = Path(url.split("sqlite:///", 1)[1])
    orig = path.with_name(path.name + ".orig")
    if not orig.exists():
        shutil.copyfile(path, orig)
        return
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    shutil.copyfile(orig, path)


def reset_database(url: str) -> None:
    """PostgreSQL: save the database of `url` as `NAME_orig` (first call), else recreate it from that copy."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    u = make_url(url)
    name, orig = u.database, f"{u.database}_orig"
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        if conn.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": orig}).first() is None:
            conn.execute(text(f'CREATE DATABASE "{orig}" TEMPLATE "{name}"'))
        else:
            conn.execute(text(f'DROP DATABASE "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{orig}"'))
    admin.dispose()


def measure_ingest_rates(url: str, sizes: list[int], sample: int, rounds: int = 1,
                         reset: bool = False) -> dict[int, list[dict[str, float]]]:
    """Store-only ingest rates at each store size. With `{n}` in `url`, one store per size (filled once) and
    `rounds` rounds over the sizes in turn, so that each size meets the same spells of a shared machine's load;
    else one store grown from size to size. `reset`: every round starts from the filled store (a SQLite file's
    copy, a PostgreSQL template database)."""
    rates: dict[int, list[dict[str, float]]] = {n: [] for n in sizes}
    for _ in range(rounds if "{n}" in url else 1):
        for n in sizes:
            at = url.replace("{n}", str(n))
            fill_documents(at, n)
            if reset:
                reset_store(at)
            # new documents each time: numbered after the store's size (a rerun at one size is not duplicates)
            stored = stored_documents(at)
            wall, cpu, db_share = ingest_rate(at, sample, 20_000_000 + stored * 10)
            rates[n].append({"stored": stored, "docs_per_s": round(wall, 1), "docs_per_cpu_s": round(cpu, 1),
                             "db_cpu_share": round(db_share, 3), "load_avg_1m": round(os.getloadavg()[0], 2)})
            print(f"store-only ingest at {n} ({stored}) stored documents: {wall:.1f} docs/s, {cpu:.1f} "
                  f"docs/CPU-s (client + db; db {db_share:.0%}) (load {os.getloadavg()[0]:.1f})", flush=True)
    return rates


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(url: str, port: int, workers: int = 1, cache_seconds: float = 2.0,
                 threads: int = 40) -> subprocess.Popen[bytes]:
    """`rasd serve` (`workers` processes) in a subprocess on 127.0.0.1:`port`; returns once /api/health answers."""
    import httpx

    log = open(Path(tempfile.gettempdir()) / f"rasd-bench-server-{port}.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", url, "--port", str(port), "-q",
                             "--workers", str(workers), "--cache-seconds", str(cache_seconds)]
                            + (["--threads", str(threads)] if threads != 40 else []), stderr=log)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("the server did not start")


def tree_cpu_seconds(pid: int, part: str = "both") -> float:
    """CPU seconds (user + system, or `part` "sys" alone) used so far by process `pid` and its descendants
    (Linux /proc)."""
    parents: dict[int, int] = {}
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = (int(fields[12]) + (int(fields[11]) if part == "both" else 0)) / tick
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        total += cpu.get(p, 0.0)
        todo.extend(c for c, parent in parents.items() if parent == p)
    return total


def pct(xs: list[float], p: float) -> float:
    """The p-th percentile of `xs` (nearest rank)."""
    if not xs:
        return float("nan")
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


RANDOM_KINDS = ("country + from", "actor", "text search q", "one day", "place + sort", "ACLED type + confidence",
                "PLOVER + country", "every document's events")


def random_query(rng: random.Random, kind: int | None = None) -> dict[str, str]:
    """A query of the random mix: the fixed mix's kinds with random values (dates, places, actors, words, pages),
    so that most requests miss any cache (`kind`: that kind of RANDOM_KINDS, else one at random)."""
    day = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    kind = rng.randrange(8) if kind is None else kind
    q: dict[str, str] = [
        {"country": rng.choice(["LY", "TN"]), "from": day},
        {"actor": rng.choice(["lna", "gna", "Libyan National Army", "حكومة الوفاق الوطني"])},
        {"q": rng.choice(["مصراتة", "قصف", "الحي السكني", "شهود عيان", "غارة"])},
        {"from": day, "to": day},
        {"place": rng.choice(["ly-tripoli", "ly-misrata", "Benghazi", "صفاقس"]), "sort": rng.choice(SORTS)},
        {"acled_type": rng.choice(["Battles", "Protests", "Air/drone strike"]),
         "min_confidence": str(rng.choice([0.4, 0.5, 0.6, 0.7, 0.8]))},
        {"plover": rng.choice(["PROTEST", "ASSAULT", "CONSULT"]), "country": rng.choice(["LY", "TN"])},
        {"merged": "false", "limit": "100", "sort": rng.choice(SORTS)},
    ][kind]
    q["offset"] = str(rng.choice([0, 0, 0, 50, 100, 500, 2000]))
    return q


def draw(rng: random.Random, mix: str) -> dict[str, str]:
    """A query of `mix`: fixed, random, or cursor (random, its deep pages asked by cursor: bench_cursors.py)."""
    if mix == "fixed":
        return rng.choice(QUERIES)
    from bench_cursors import cursor_query

    return random_query(rng) if mix == "random" else cursor_query(random_query(rng))


async def _client(base: str, seconds: float, seed: int, timings: list[float], errors: list[str],
                  mix: str = "fixed") -> None:
    """One keep-alive client: queries of the mix, back to back, for `seconds`."""
    import httpx

    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            q = draw(rng, mix)
            t0 = time.perf_counter()
            try:
                r = await client.get("/api/events", params=q)
                ok = r.status_code == 200
                why = str(r.status_code)
            except httpx.HTTPError as exc:
                ok, why = False, type(exc).__name__
            timings.append((time.perf_counter() - t0) * 1000)
            if not ok:
                errors.append(why)


async def _raw_get(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, target: str) -> tuple[int, bool]:
    """One keep-alive HTTP/1.1 GET over an open connection; the status and whether the server answered from its
    read cache (`X-Rasd-Cache: hit`; the body is read and dropped)."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next((int(v) for k, _, v in (h.partition(":") for h in lines[1:]) if k.lower() == "content-length"),
                   None)
    if length is None:
        raise ValueError("no content-length")
    await reader.readexactly(length)
    return int(lines[0].split()[1]), any(h.lower().startswith("x-rasd-cache: hit") for h in lines[1:])


async def _raw_client(base: str, seconds: float, seed: int, timings: list[float], errors: list[str],
                      mix: str = "fixed", hits: list[bool] | None = None) -> None:
    """One keep-alive client over a plain asyncio socket (a fraction of httpx's CPU per request, which on a
    2-core machine is CPU the server gets): queries of the mix, back to back, for `seconds`."""
    from urllib.parse import urlencode

    rng = random.Random(seed)
    port = int(base.rsplit(":", 1)[1])
    conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        q = draw(rng, mix)
        target = "/api/events" + ("?" + urlencode(q) if q else "")
        t0 = time.perf_counter()
        try:
            if conn is None:
                conn = await asyncio.open_connection("127.0.0.1", port)
            status, hit = await asyncio.wait_for(_raw_get(*conn, target), timeout=60)
            ok, why = status == 200, str(status)
            if hits is not None:
                hits.append(hit)
        except (TimeoutError, OSError, ValueError, asyncio.IncompleteReadError, asyncio.LimitOverrunError) as exc:
            ok, why = False, type(exc).__name__
            if conn is not None:
                conn[1].close()
            conn = None
        timings.append((time.perf_counter() - t0) * 1000)
        if not ok:
            errors.append(why)
    if conn is not None:
        conn[1].close()


def run_load(port: int, clients: int, seconds: float, mix: str = "fixed",
             server_pid: int | None = None, db_pid: int | None = None, client: str = "raw",
             seed: int = 0) -> dict[str, Any]:
    """Figures of `clients` keep-alive clients over `seconds`: p50/p95/p99 ms, requests/s, errors, the load
    average at the end and the server's CPU milliseconds per request (and the database server's, `db_pid`: the
    PostgreSQL postmaster, whose backends are its children)."""
    timings: list[float] = []
    errors: list[str] = []
    hits: list[bool] = []

    async def clients_run() -> None:
        base = f"http://127.0.0.1:{port}"
        if client == "raw":
            await asyncio.gather(*(_raw_client(base, seconds, seed * 1000 + k, timings, errors, mix, hits)
                                   for k in range(clients)))
        else:
            await asyncio.gather(*(_client(base, seconds, seed * 1000 + k, timings, errors, mix)
                                   for k in range(clients)))

    cpu0 = tree_cpu_seconds(server_pid) if server_pid else 0.0
    sys0 = tree_cpu_seconds(server_pid, "sys") if server_pid else 0.0
    db0 = tree_cpu_seconds(db_pid) if db_pid else 0.0
    t0, c0 = time.perf_counter(), time.process_time()
    asyncio.run(clients_run())
    wall, client_cpu = time.perf_counter() - t0, time.process_time() - c0
    cpu = tree_cpu_seconds(server_pid) - cpu0 if server_pid else 0.0
    sys_cpu = tree_cpu_seconds(server_pid, "sys") - sys0 if server_pid else 0.0
    db_cpu = tree_cpu_seconds(db_pid) - db0 if db_pid else 0.0
    return {"clients": clients, "mix": mix, "requests": len(timings), "rps": round(len(timings) / wall, 1),
            "p50": round(pct(timings, 50), 1), "p95": round(pct(timings, 95), 1),
            "p99": round(pct(timings, 99), 1), "errors": len(errors),
            "error_kinds": sorted(set(errors))[:5], "load_avg_1m": round(os.getloadavg()[0], 2),
            "server_cpu_ms_per_request": round(cpu * 1000 / max(len(timings), 1), 2),
            "server_sys_ms_per_request": round(sys_cpu * 1000 / max(len(timings), 1), 2),
            "client_cpu_ms_per_request": round(client_cpu * 1000 / max(len(timings), 1), 2), "client": client,
            "cache_hits": round(sum(hits) / len(hits), 3) if hits else None,
            "db_cpu_ms_per_request": round(db_cpu * 1000 / max(len(timings), 1), 2) if db_pid else None}


def start_ingest(url: str, start: int, seconds: float, batch: int = 1, nice: int = 0) -> subprocess.Popen[bytes]:
    """Another process ingesting synthetic documents for `seconds`: one transaction each (`Store.ingest`), or
    `batch` documents a transaction (`Store.ingest_many`, as `rasd ingest` writes), at CPU priority `nice` (as
    `rasd ingest --nice`). It prints how many documents it stored and its CPU seconds."""
    write = (f"s.ingest(synthetic_record(i, events={PER_DOC}, seed=5)); i += 1" if batch <= 1 else
             f"s.ingest_many([(synthetic_record(i + k, events={PER_DOC}, seed=5), None) for k in range({batch})]); "
             f"i += {batch}")
    code = (f"import sys, time; sys.path.insert(0, {str(ROOT / 'tests')!r}); "
            "from store_fixtures import synthetic_record; from rasd.store import Store; import os; "
            f"os.nice({nice}); s = Store.open({url!r}); end = time.perf_counter() + {seconds}; i = {start}\n"
            "while time.perf_counter() < end:\n"
            f"    {write}\n"
            f"print(i - {start}, time.process_time())")
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)


def rasd_ingest_run(url: str, corpus: Path, nice: int, run: Callable[[], dict[str, Any]],
                    warm: Callable[[], object]) -> tuple[dict[str, Any], int, float]:
    """`rasd ingest CORPUS` itself as the concurrent ingest: extraction, reprint detection and its own write
    batches (`rasd.store.ingest.BATCH_DOCS` documents or `BATCH_SECONDS`, whichever comes first), as a user
    runs it beside `rasd serve`. Started first (`warm` runs while it loads its pipeline, until its first batch is
    stored), then `run` is measured; documents and CPU seconds are counted within that window only; then it is
    interrupted (SIGINT; a batch not yet written is lost, as on any interruption). Its errors go to stderr."""
    cmd = [sys.executable, "-m", "rasd", "ingest", str(corpus), "--db", url, "--quiet", "--nice", str(nice)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
    try:
        first = stored_documents(url)
        while stored_documents(url) == first:
            if proc.poll() is not None:
                raise SystemExit(f"rasd ingest {corpus} stopped before storing a document (exit {proc.returncode})")
            warm()
        docs, cpu = stored_documents(url), tree_cpu_seconds(proc.pid)
        row = run()
        if proc.poll() is not None:
            raise SystemExit(f"rasd ingest {corpus} ended during the run: a larger corpus is needed")
        cpu = tree_cpu_seconds(proc.pid) - cpu
        docs = stored_documents(url) - docs
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    row["ingest_with"] = f"rasd ingest {corpus.name}"
    return row, docs, cpu


def print_row(label: str, row: dict[str, Any]) -> None:
    """One line of the load table."""
    extra = (f", ingest {row['ingest_docs_s']} docs/s ({row['ingest_cpu_ms_per_doc']} CPU-ms/doc)"
             if "ingest_docs_s" in row else "")
    print(f"{label:28s} clients {row['clients']:3d}  p50 {row['p50']:7.1f}  p95 {row['p95']:7.1f}  "
          f"p99 {row['p99']:7.1f} ms  {row['rps']:6.1f} req/s  errors {row['errors']}  "
          f"server {row['server_cpu_ms_per_request']} CPU-ms/req (sys {row.get('server_sys_ms_per_request')})"
          f"{'' if row.get('db_cpu_ms_per_request') is None else ' + db ' + str(row['db_cpu_ms_per_request'])}"
          f"  client {row['client_cpu_ms_per_request']}  hits {row.get('cache_hits')}  load {row['load_avg_1m']}{extra}"
          f"{'  ' + str(row['error_kinds']) if row['errors'] else ''}", flush=True)


def load_table(url: str, clients: list[int], ingest_clients: int, seconds: float, *, workers: int = 1,
               mix: str = "fixed", cache_seconds: float = 2.0, warmup: float = 0,
               db_pid: int | None = None, client: str = "raw", seed: int = 0,
               ingest_batch: int = 1, ingest_nice: int = 0, threads: int = 40,
               ingest_corpus: Path | None = None) -> list[dict[str, Any]]:
    """The load runs against a server over the store at `url` (each after `warmup` unmeasured seconds of the
    same clients: every worker process has its own cache and its own connections to fill)."""
    port = free_port()
    server = start_server(url, port, workers, cache_seconds, threads)
    rows = []
    try:
        run_load(port, 1, 2, mix, client=client)  # warm up
        for n in clients:
            if warmup:
                run_load(port, n, warmup, mix, client=client)
            rows.append(run_load(port, n, seconds, mix, server.pid, db_pid, client, seed))
            print_row(f"events ({mix})", rows[-1])
        if ingest_clients:
            if ingest_corpus is not None:
                row, docs, ing_cpu = rasd_ingest_run(
                    url, ingest_corpus, ingest_nice,
                    lambda: run_load(port, ingest_clients, seconds, mix, server.pid, db_pid, client, seed),
                    lambda: run_load(port, ingest_clients, max(warmup, 1.0), mix, client=client))
            else:
                if warmup:
                    run_load(port, ingest_clients, warmup, mix, client=client)
                ing = start_ingest(url, 10_000_000 + int(time.time()) % 1_000_000 * 100, seconds, ingest_batch,
                                   ingest_nice)
                row = run_load(port, ingest_clients, seconds, mix, server.pid, db_pid, client, seed)
                out, _ = ing.communicate(timeout=seconds + 120)
                docs, ing_cpu = (out.decode().split() + ["0", "0"])[:2]
            row["ingest_docs_s"] = round(int(docs) / seconds, 1)
            row["ingest_cpu_ms_per_doc"] = round(float(ing_cpu) * 1000 / max(int(docs), 1), 2)
            row["ingest_batch"] = ingest_batch
            row["ingest_nice"] = ingest_nice
            rows.append(row)
            print_row(f"events ({mix}) + ingest", row)
    finally:
        server.terminate()
        server.wait(timeout=30)
    for row in rows:
        row.update(workers=workers, cache_seconds=cache_seconds, warmup_s=warmup, threads=threads)
    return rows


def main() -> None:
    """Parse the options and run the fill, the load table or the ingest-rate measurement."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", default=None, help="store URL (default: a temporary SQLite file)")
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--clients", default="1,50", help="client counts, comma-separated")
    ap.add_argument("--ingest-clients", type=int, default=50, help="clients during the ingest run (0: none)")
    ap.add_argument("--ingest-batch", type=int, default=1,
                    help="documents per write transaction of the concurrent ingest (1: Store.ingest each)")
    ap.add_argument("--ingest-nice", type=int, default=0,
                    help="CPU priority (nice increment) of the concurrent ingest, as `rasd ingest --nice`")
    ap.add_argument("--ingest-corpus", type=Path, default=None,
                    help="run `rasd ingest` on this corpus (benchmarks/generate_corpus.py JSON Lines) as the "
                         "concurrent ingest, instead of the synthetic store-only stream of --ingest-batch")
    ap.add_argument("--threads", type=int, default=40, help="rasd serve --threads (worker threads per process)")
    ap.add_argument("--fill-only", action="store_true")
    ap.add_argument("--workers", type=int, default=1, help="server processes (rasd serve --workers)")
    ap.add_argument("--cursors", default=None, help="--mix cursor: the deep pages' cursors (bench_cursors.py)")
    ap.add_argument("--mix", choices=["fixed", "random", "cursor"], default="fixed",
                    help="fixed: the 11 queries above; random: the same kinds with random values; cursor: random, "
                         "its deep pages asked by cursor (--cursors)")
    ap.add_argument("--cache-seconds", type=float, default=2.0, help="rasd serve --cache-seconds (0: no cache)")
    ap.add_argument("--warmup", type=float, default=0, help="unmeasured seconds of the same clients before each run")
    ap.add_argument("--db-pid", type=int, default=None,
                    help="also report the CPU of this process tree per request (the PostgreSQL postmaster)")
    ap.add_argument("--client", choices=["raw", "httpx"], default="raw",
                    help="load generator: raw asyncio sockets (default) or httpx.AsyncClient (more client CPU)")
    ap.add_argument("--copy-from", default=None, help="fill an empty store by copying this store's rows")
    ap.add_argument("--ingest-rate", action="store_true")
    ap.add_argument("--at", default="1000,10000,100000", help="store sizes (documents) for --ingest-rate")
    ap.add_argument("--sample", type=int, default=300, help="documents timed at each size")
    ap.add_argument("--rounds", type=int, default=1,
                    help="--ingest-rate with {n} in --db (one store per size): rounds over the sizes in turn")
    ap.add_argument("--reset", action="store_true",
                    help="--ingest-rate: start every round from the filled store (saved as FILE.orig or database NAME_orig)")
    ap.add_argument("--seed", type=int, default=0, help="seed of the clients' query sequences (client k: seed*1000+k)")
    ap.add_argument("--json", default=None, help="also write the figures to this JSON file")
    args = ap.parse_args()
    if args.cursors:
        os.environ["RASD_BENCH_CURSORS"] = str(Path(args.cursors).resolve())  # the servers' clients read it
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.db'}"
    figures: dict[str, Any] = {"url": url.split(":")[0], "cpus": os.cpu_count()}
    if args.ingest_rate:
        figures["ingest_rate"] = measure_ingest_rates(url, [int(x) for x in args.at.split(",")], args.sample,
                                                      args.rounds, args.reset)
    else:
        if args.copy_from:
            copy_store(args.copy_from, url)
        fill_documents(url, (args.events + PER_DOC - 1) // PER_DOC)
        if not args.fill_only:
            clients = [int(x) for x in args.clients.split(",") if x]
            figures["load"] = load_table(url, clients, args.ingest_clients, args.seconds, workers=args.workers,
                                         mix=args.mix, cache_seconds=args.cache_seconds, warmup=args.warmup,
                                         db_pid=args.db_pid, client=args.client, seed=args.seed,
                                         ingest_batch=args.ingest_batch, ingest_nice=args.ingest_nice,
                                         threads=args.threads, ingest_corpus=args.ingest_corpus)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

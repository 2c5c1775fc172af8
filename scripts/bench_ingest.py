"""Store-only ingest into a store: documents/s, CPU per document (this process and, on PostgreSQL, the backends it
used) and round trips to the database per document.

    python scripts/bench_ingest.py --db postgresql+psycopg://postgres@127.0.0.1:55419/ing --template rasd_bench \
        --docs 400 --batch 20
    python scripts/bench_ingest.py --db sqlite:////tmp/rate.db --docs 400 --batch 1

`--template NAME` (PostgreSQL) first recreates the database of `--db` as a copy of NAME, so that runs start from
the same store. The documents are synthetic (`tests/store_fixtures.synthetic_record`, 2 events each), numbered
after the store's size, written `--batch` a transaction (`Store.ingest_many`; 1: `Store.ingest`). Round trips
are counted on the driver side: each statement sent outside a pipeline, each pipeline (one sync), each BEGIN and
each COMMIT (psycopg sends BEGIN before a transaction's first statement and waits for it, in a pipeline too).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))


def recreate(url: str, template: str) -> None:
    """Drop the database of `url` and create it again as a copy of `template` (PostgreSQL)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    u = make_url(url)
    admin = create_engine(u.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{u.database}"'))
        conn.execute(text(f'CREATE DATABASE "{u.database}" TEMPLATE "{template}"'))
    admin.dispose()


class Meter:
    """Round trips and backend pids seen on an engine's connections."""

    def __init__(self, engine: Any) -> None:
        from sqlalchemy import event

        self.statements = self.pipelines = self.commits = self.begins = 0
        self.pids: set[int] = set()
        self._was_pipelined = False
        event.listen(engine, "before_cursor_execute", self._statement)
        event.listen(engine, "commit", self._commit)
        event.listen(engine, "begin", self._begin)
        event.listen(engine, "checkout", self._checkout)
        self.reads = 0  # writes.read_together's pipelines (their statements bypass SQLAlchemy)
        from rasd.store import writes

        real = getattr(writes, "read_together", None)
        if real is not None:
            def counted(conn: Any, statements: Any) -> Any:
                self.reads += 1
                self._was_pipelined = False
                return real(conn, statements)
            writes.read_together = counted  # type: ignore[attr-defined]

    def _checkout(self, dbapi_conn: Any, record: Any, proxy: Any) -> None:
        pid = getattr(getattr(dbapi_conn, "info", None), "backend_pid", None)
        if pid:
            self.pids.add(int(pid))

    def _statement(self, conn: Any, cursor: Any, statement: str, params: Any, context: Any, many: bool) -> None:
        pipelined = getattr(conn.connection.driver_connection, "_pipeline", None) is not None
        if not pipelined:
            self.statements += 1
        elif not self._was_pipelined:  # the first statement of a pipeline (one sync at its end)
            self.pipelines += 1
        self._was_pipelined = pipelined

    def _commit(self, conn: Any) -> None:
        self.commits += 1

    def _begin(self, conn: Any) -> None:
        self.begins += 1  # psycopg sends BEGIN before the transaction's first statement, and waits for it

    def round_trips(self, postgres: bool) -> int:
        return self.statements + self.pipelines + self.reads + self.commits + (self.begins if postgres else 0)

    def backend_cpu(self) -> float:
        """CPU seconds of the backends seen (PostgreSQL on this machine), from /proc/PID/schedstat."""
        total = 0.0
        for pid in self.pids:
            try:
                total += int(Path(f"/proc/{pid}/schedstat").read_text().split()[0]) / 1e9
            except (OSError, ValueError, IndexError):
                pass
        return total


def main() -> None:
    """Parse the options, ingest and print one line of figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", required=True)
    ap.add_argument("--template", default=None, help="PostgreSQL: recreate --db as a copy of this database first")
    ap.add_argument("--docs", type=int, default=400)
    ap.add_argument("--batch", type=int, default=20)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--label", default="")
    args = ap.parse_args()
    from sqlalchemy import func, select
    from store_fixtures import synthetic_record

    from rasd.store import Store

    if args.template:
        recreate(args.db, args.template)
    with Store.open(args.db) as store:
        with store.engine.connect() as conn:
            start = 30_000_000 + int(conn.execute(select(func.count()).select_from(store.t.documents)).scalar_one())
        records = [(synthetic_record(i, events=2, seed=args.seed), None) for i in range(start, start + args.docs)]
        meter = Meter(store.engine)
        with store.engine.connect():  # the backend's pid is known before the clock starts
            pass
        b0 = meter.backend_cpu()
        t0, c0 = time.perf_counter(), time.process_time()
        for lo in range(0, len(records), args.batch):
            part = records[lo:lo + args.batch]
            if args.batch == 1:
                store.ingest(part[0][0])
            else:
                out = store.ingest_many(part)
                bad = [o for o in out if isinstance(o, Exception)]
                if bad:
                    raise bad[0]
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        db = meter.backend_cpu() - b0
        n = args.docs
        print(f"{args.label} docs={n} batch={args.batch} {n / wall:.1f} docs/s; CPU ms/doc: client "
              f"{cpu / n * 1e3:.2f} + db {db / n * 1e3:.2f}; round trips/doc "
              f"{meter.round_trips(store.is_postgres) / n:.2f} (statements {meter.statements}, pipelines "
              f"{meter.pipelines}, read pipelines {meter.reads}, commits {meter.commits}); load {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()

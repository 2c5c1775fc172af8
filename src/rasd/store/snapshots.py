"""SQLite read snapshots kept for a bounded time (`HeldSnapshots`), so that a reader's page cache survives other
processes' commits.

In WAL mode a read transaction that starts after another connection's commit empties the connection's page cache
(and, when the file is mapped, unmaps it): every page the read touches is copied in again. Under a concurrent
ingest (several commits a second) nearly every uncached API read paid for that. A pooled connection therefore keeps
its read transaction open across check-outs for up to `hold` seconds: the reads it serves meanwhile see one
snapshot and keep its cache. What bounds the lag:

- a snapshot older than `hold` is ended before the next read on its connection, and an idle connection's at the
  next check-in of any connection or by a sweeping thread (every `hold` seconds), so that an idle connection
  does not pin the WAL (a checkpoint cannot copy back the frames a reader's snapshot may need);
- a write through this process ends every kept snapshot (`epoch`): reads after it see it;
- each new snapshot's generation (the `store_state` row, read inside it) and start are reported to `listener`
  (the API's read cache stamps what it computes with the oldest snapshot a computation read, so a body is never
  taken for newer than its data).

A write (BEGIN IMMEDIATE) on a connection holding a snapshot ends the snapshot first. `:memory:` stores and the
PostgreSQL store do not use this (PostgreSQL's shared buffers survive commits).
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, event

_HELD = "rasd_snapshot"  # connection-record info: (began monotonic, epoch) of the read transaction kept open
_GENERATION_SQL = "SELECT generation FROM store_state WHERE id = 1"


class HeldSnapshots:
    """Read transactions kept open across check-outs of one SQLite engine's pooled connections (see the module)."""

    def __init__(self, hold: float, listener: Callable[[int, float], None] | None = None) -> None:
        self.hold = hold
        self.listener = listener  # called with (generation, began) of each snapshot a read uses
        self._lock = threading.Lock()
        self._epoch = 0  # raised by every write of this process
        self._idle: dict[int, tuple[Any, Any]] = {}  # id(record) -> (record, DBAPI connection), checked in
        self._closed = threading.Event()
        self._sweeper: threading.Thread | None = None

    def install(self, engine: Engine) -> None:
        """Hook the engine: rollbacks and commits of a kept read transaction are skipped, idle ones swept."""
        dialect = engine.dialect
        rollback, commit = dialect.do_rollback, dialect.do_commit

        def do_rollback(dbapi_conn: Any) -> None:
            if not _kept(dbapi_conn):
                rollback(dbapi_conn)

        def do_commit(dbapi_conn: Any) -> None:
            if not _kept(dbapi_conn):
                commit(dbapi_conn)
                with self._lock:
                    self._epoch += 1  # a write: snapshots taken before it are not kept
        setattr(dialect, "do_rollback", do_rollback)  # noqa: B010 - an instance's method, this engine only
        setattr(dialect, "do_commit", do_commit)  # noqa: B010
        event.listen(engine, "checkout", self._checkout)
        event.listen(engine, "checkin", self._checkin)
        for closing in ("close", "invalidate", "soft_invalidate", "detach"):  # e.g. an overflow connection closed
            event.listen(engine, closing, self._forget)

    def close(self) -> None:
        """Stop the sweeping thread (the engine's connections are closed by its disposal)."""
        self._closed.set()

    def begin_read(self, dbapi_conn: Any, info: dict[str, Any]) -> bool:
        """Before a read on `dbapi_conn` (`info`: its record's): True when its kept snapshot is still valid (no
        BEGIN needed); else any old snapshot is ended and False returned (the caller begins, then `began`)."""
        held = info.get(_HELD)
        now = time.monotonic()
        if held is not None and dbapi_conn.in_transaction and now - held[0] < self.hold and held[1] == self._epoch:
            if self.listener is not None:
                self.listener(held[2], held[0])
            return True
        self.end(dbapi_conn, info)
        return False

    def began(self, dbapi_conn: Any, info: dict[str, Any]) -> None:
        """A read transaction was just begun on `dbapi_conn`: keep it, with its generation."""
        began, epoch = time.monotonic(), self._epoch
        generation = self._generation(dbapi_conn) if self.listener is not None else -1
        info[_HELD] = (began, epoch, generation)
        if self._sweeper is None:
            with self._lock:
                if self._sweeper is None:
                    self._sweeper = threading.Thread(target=self._sweep_every_hold, daemon=True,
                                                     name="rasd-snapshot-sweeper")
                    self._sweeper.start()
        if self.listener is not None:
            self.listener(generation, began)

    def end(self, dbapi_conn: Any, info: dict[str, Any]) -> None:
        """End the snapshot kept on `dbapi_conn`, if any (before a write, a fresh read or when swept)."""
        if info.pop(_HELD, None) is None:
            return
        try:
            if dbapi_conn.in_transaction:
                dbapi_conn.rollback()
        except sqlite3.ProgrammingError:  # closed meanwhile: nothing is kept
            pass

    @staticmethod
    def _generation(dbapi_conn: Any) -> int:
        """The store's generation as the current read transaction sees it (-1 before the schema exists)."""
        cur = dbapi_conn.cursor()
        try:
            row = cur.execute(_GENERATION_SQL).fetchone()
        except sqlite3.OperationalError:
            return -1
        finally:
            cur.close()
        return int(row[0]) if row else -1

    def _checkout(self, dbapi_conn: Any, record: Any, _proxy: Any) -> None:
        with self._lock:  # waits for a sweep that is ending this connection's snapshot
            self._idle.pop(id(record), None)

    def _forget(self, dbapi_conn: Any, record: Any, *_args: Any) -> None:
        """A connection is being closed or invalidated: it is no longer idle with a snapshot."""
        with self._lock:
            if record is not None:
                self._idle.pop(id(record), None)
                record.info.pop(_HELD, None)

    def _checkin(self, dbapi_conn: Any, record: Any) -> None:
        """Note `record` idle (when it keeps a snapshot) and end the idle snapshots that are too old."""
        if dbapi_conn is not None and _HELD in record.info:
            with self._lock:
                self._idle[id(record)] = (record, dbapi_conn)
        self.sweep()

    def sweep(self) -> None:
        """End the snapshots of idle connections that are older than `hold` or older than a write of this
        process."""
        now = time.monotonic()
        with self._lock:
            for key, (rec, conn) in list(self._idle.items()):
                held = rec.info.get(_HELD)
                if held is None or now - held[0] >= self.hold or held[1] != self._epoch:
                    del self._idle[key]
                    self.end(conn, rec.info)

    def _sweep_every_hold(self) -> None:
        while not self._closed.wait(self.hold):
            self.sweep()


def _kept(proxied: Any) -> bool:
    """Whether the pooled connection `proxied` keeps a read snapshot (one without a pool record never does)."""
    try:
        return _HELD in proxied.info
    except (AttributeError, NotImplementedError):  # the dialect's first connect: an ad hoc proxy, no record
        return False

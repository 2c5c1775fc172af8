"""`Store`: documents, events, counts and tolls in SQLite or PostgreSQL (SQLAlchemy 2 Core).

- `Store.open(url)` connects and migrates: `sqlite:///rasd.db` (WAL, busy timeout; writes serialized with
  BEGIN IMMEDIATE so concurrent ingests wait instead of failing, reads in deferred transactions so WAL lets
  them run while a write is under way) or `postgresql://…` (psycopg 3; ingests serialized by a
  transaction-scoped advisory lock so cross-document merging sees every committed event). The connection
  pool holds `pool_size` connections (the API sizes it for its worker threads).
- `ingest(record)` stores one document record in one transaction: idempotent by document id (the content
  hash), reprints linked (`reprints`), events merged across documents (`merging`), cumulative tolls appended
  to their series (`tolls`); the rows are written by `writes`.
- Queries (`reads`, `filters`) return plain JSON-ready dicts; every value reaches SQL as a bound parameter.
"""

from __future__ import annotations

import functools
import hashlib
import operator
import threading
import time
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, select, text
from sqlalchemy.exc import IntegrityError

from rasd.records import DocumentRecord
from rasd.store import DEFAULT_URL, changes, keyset, reads, writes
from rasd.store.campaigns import CampaignAssigner
from rasd.store.filters import SORT_KEYS, EventFilter, SortKey, TollFilter
from rasd.store.keyset import Cursor
from rasd.store.schema import Tables, build_metadata, current_version, migrate
from rasd.store.tolls import campaigns, incident_fatalities, toll_series
from rasd.store.writes import IngestOutcome

DEFAULT_POOL_SIZE = 5
_WRITE = "rasd_write"  # execution option marking a connection that writes (SQLite: BEGIN IMMEDIATE)
_PG_LOCK_KEY = 0x7261_7364  # "rasd"
_SQLITE_CACHE_KIB = 32_768  # page cache per connection (SQLite's default is 2 MiB)
# memory-mapped reads (SQLite caps it at its compile-time limit, 2 GiB by default): a page outside the page cache
# is read from the OS's cache without a read() system call and a copy. Counts and pages over 100,000 events spent
# as much CPU in those calls as in SQL (a text search's count: 305 -> 151 ms of CPU)
_SQLITE_MMAP_BYTES = 1 << 31
# ... but only while no other connection commits: in WAL mode a reader that finds the database changed at the start
# of a read transaction unmaps the whole file besides emptying its page cache, and faults every page back in.
# Under a concurrent ingest (a commit or two a second) that cost more system time than the map saved: in-process,
# 300 random-mix reads during an ingest of 20 documents a transaction, 13.6 -> 5.3 ms of system CPU a read with
# the map off (1.8 -> 5.7 with it off and no writer). So reads stop mapping while writes are seen (_MapPolicy)
_SQLITE_MAP_QUIET_SECONDS = 30.0
# PostgreSQL: connections per process. Each is a server process; the API's 40 threads (× workers) holding one
# each put 80 backends on 2 cores, so the pool stays small and a thread waits for a free connection instead
_PG_MAX_POOL = 8
# PostgreSQL session settings (each connection's startup options): the store is read from memory (random reads
# cost about what sequential ones do, so the planner walks indexes rather than scan), sorts and the hashes of an
# actor's 33,000 uids stay in memory, no JIT compilation (its ~50 ms start-up is more than these queries take), and
# a custom plan for every execution of a prepared statement (psycopg prepares a query run 5 times; a generic plan
# ignores how many events a country, actor or place has); no parallel workers (the server runs many queries at once
# on few cores: a worker's start-up is CPU another request needed)
_PG_OPTIONS = ("-c random_page_cost=1.1 -c work_mem=32MB -c jit=off -c plan_cache_mode=force_custom_plan "
               "-c max_parallel_workers_per_gather=0")
# ... but within a write transaction (SET LOCAL) the planner's default: ingest's look-ups (the duplicate and reprint
# candidates, a merge target per event: a dozen statement texts, prepared by psycopg) have one good plan whatever
# the values (index ranges), and planning them again at every execution was most of their cost — 2.3 -> 0.4 ms
# of the backend's CPU a document (2 events) over 100,000 events
_PG_WRITE_PLANS = "auto"
_PG_LOCK = text("SELECT pg_advisory_xact_lock(:k), set_config('plan_cache_mode', :mode, true)")
ALL_EVENTS = EventFilter()  # the default filters: every event, every toll (frozen, so safe as defaults)
ALL_TOLLS = TollFilter()


def normalize_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` as psycopg 3 URLs; anything else is used as given."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def text_hash(text_: str) -> str:
    """The document id the pipeline gives a text: sha256 of its UTF-8 bytes."""
    return "sha256:" + hashlib.sha256(text_.encode("utf-8")).hexdigest()


class _MapPolicy:
    """Whether a SQLite reader maps the file: yes unless the store's generation was seen to change (another
    connection committed) within the last `quiet` seconds. Checked at each connection's check-out from the pool
    (a `PRAGMA mmap_size` only when the answer changed). Races between threads only delay a switch."""

    def __init__(self, quiet: float = _SQLITE_MAP_QUIET_SECONDS) -> None:
        self._quiet = quiet
        self._generation: int | None = None
        self._changed = float("-inf")  # time.monotonic() of the last change seen

    def saw_generation(self, generation: int) -> None:
        """Note the store's generation as just read."""
        if self._generation is not None and generation != self._generation:
            self._changed = time.monotonic()
        self._generation = generation

    def mmap_size(self) -> int:
        """The `PRAGMA mmap_size` a reader should use now."""
        return 0 if time.monotonic() - self._changed < self._quiet else _SQLITE_MMAP_BYTES


def _sqlite_engine(url: str, busy_timeout_s: float, pool_size: int, maps: _MapPolicy | None = None) -> Engine:
    """A SQLite engine: WAL (on files), busy timeout, foreign keys; BEGIN IMMEDIATE to write, BEGIN to read;
    memory-mapped reads as `maps` says (always on without one)."""
    memory = ":memory:" in url or url in ("sqlite://", "sqlite:///")
    # last in, first out: the connections in use are the most recently used ones, whose page caches are warm;
    # first in, first out (SQLAlchemy's default) rotated every read through all `pool_size` connections, each
    # filling its own cache from the file (and, after any commit, emptying it again)
    pool_args: dict[str, Any] = {} if memory else {"pool_size": pool_size, "max_overflow": pool_size,
                                                    "pool_use_lifo": True}
    engine = create_engine(url, connect_args={"timeout": busy_timeout_s, "check_same_thread": False},
                           **pool_args)
    timeout_ms = int(busy_timeout_s * 1000)

    def mapped(dbapi_conn: Any, record: Any) -> None:
        want = maps.mmap_size() if maps is not None else _SQLITE_MMAP_BYTES
        if record.info.get("mmap_size") != want:
            cur = dbapi_conn.cursor()
            cur.execute(f"PRAGMA mmap_size={want}")
            cur.close()
            record.info["mmap_size"] = want

    def on_connect(dbapi_conn: Any, record: Any) -> None:
        dbapi_conn.isolation_level = None  # let the "begin" hook below issue BEGIN itself
        cur = dbapi_conn.cursor()
        if not memory:
            cur.execute("PRAGMA journal_mode=WAL")
            mapped(dbapi_conn, record)
        cur.execute(f"PRAGMA busy_timeout={timeout_ms}")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA cache_size=-{_SQLITE_CACHE_KIB}")
        cur.close()

    def on_begin(conn: Connection) -> None:
        # a reader's deferred BEGIN takes no lock: under WAL it reads a snapshot while one writer writes
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(_WRITE) else "BEGIN")

    event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    if not memory and maps is not None:
        event.listen(engine, "checkout", lambda dbapi_conn, record, _proxy: mapped(dbapi_conn, record))
    return engine


class Store:
    """A connection pool to one store plus the schema it uses. Open with `Store.open(url)`."""

    def __init__(self, engine: Engine, tables: Tables, campaigns: CampaignAssigner | None = None) -> None:
        self.engine = engine  # reads: deferred transactions
        self.writer = engine.execution_options(**{_WRITE: True})  # writes: the same pool, BEGIN IMMEDIATE
        self.t = tables
        self._campaigns = [campaigns] if campaigns is not None else []  # loaded by the first cumulative toll
        self._campaigns_lock = threading.Lock()
        self._maps: _MapPolicy | None = None  # SQLite files: mapped reads while no other connection writes

    def campaign_assigner(self) -> CampaignAssigner:
        """The known campaigns and their matcher, loaded on first use (campaigns.yaml, gazetteer, dates)."""
        with self._campaigns_lock:
            if not self._campaigns:
                self._campaigns.append(CampaignAssigner.load())
            return self._campaigns[0]

    # -- opening --------------------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str = DEFAULT_URL, *, busy_timeout_s: float = 60.0,
             pool_size: int = DEFAULT_POOL_SIZE, campaigns: CampaignAssigner | None = None) -> Store:
        """Connect to the store at `url` (a pool of `pool_size` connections) and bring its schema up to date."""
        url = normalize_url(url)
        maps = _MapPolicy() if url.startswith("sqlite") else None
        if maps is not None:
            engine = _sqlite_engine(url, busy_timeout_s, pool_size, maps)
        else:
            size = min(pool_size, _PG_MAX_POOL)
            engine = create_engine(url, pool_pre_ping=True, pool_size=size, max_overflow=0, pool_timeout=600,
                                   connect_args={"options": _PG_OPTIONS})
        store = cls(engine, build_metadata(engine.dialect.name), campaigns)
        store._maps = maps
        with store.writer.begin() as conn:
            store._lock(conn)
            migrate(conn, store.t)
        return store

    def close(self) -> None:
        """Close every pooled connection."""
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def is_postgres(self) -> bool:
        """Whether the store is a PostgreSQL database (else SQLite)."""
        return self.engine.dialect.name == "postgresql"

    def _lock(self, conn: Connection) -> None:
        """Serialize writers on PostgreSQL (SQLite's BEGIN IMMEDIATE already does), and let the write transaction's
        prepared statements keep a generic plan (`_PG_WRITE_PLANS`)."""
        statement = self._lock_statement()
        if statement is not None:
            conn.execute(*statement)

    def _lock_statement(self) -> writes.Statement | None:
        """`_lock`'s statement (None on SQLite)."""
        if not self.is_postgres:
            return None
        return _PG_LOCK, {"k": _PG_LOCK_KEY, "mode": _PG_WRITE_PLANS}

    def schema_version(self) -> int:
        """The schema version the store is at."""
        with self.engine.connect() as conn:
            return current_version(conn, self.t)

    # -- writing --------------------------------------------------------------------------------------
    def has_document(self, document_id: str) -> bool:
        """Whether a document with this id is stored."""
        d = self.t.documents
        with self.engine.connect() as conn:
            return conn.execute(select(d.c.id).where(d.c.id == document_id)).first() is not None

    def ingest(self, record: DocumentRecord, *, external_id: str | None = None) -> IngestOutcome:
        """Store one document record in one transaction; a document already stored is skipped."""
        doc_id = record.document.id
        try:
            with self.writer.begin() as conn:
                # the lock sent with the look-ups, the bump with the rows: BEGIN, 2 round trips, COMMIT
                return writes.insert_record(conn, self.t, record, external_id, self.campaign_assigner,
                                            writes.Around(self._lock_statement(), self._bump))
        except IntegrityError:
            # Another writer stored the same document between our check and our insert.
            if self.has_document(doc_id):
                return IngestOutcome(doc_id, "duplicate")
            raise

    def ingest_many(self, records: Sequence[tuple[DocumentRecord, str | None]]) -> list[IngestOutcome | Exception]:
        """Store several (record, external id) pairs in one write transaction, each document whole or not at all:
        a document that fails is rolled back alone (its exception takes its place in the answer) and the others
        are committed together, so readers see one commit (one new generation, one emptying of SQLite's page
        caches) for the lot instead of one per document. The batch is first written without savepoints (each one
        and its release are two more round trips a document on PostgreSQL); only when a document fails is the
        transaction rolled back and the batch written again with a savepoint per document."""
        if len(records) > 1:
            try:
                return self._write_batch(records, savepoints=False)
            except Exception:  # noqa: BLE001 - some document failed: again, each one in its own savepoint
                pass
        return self._write_batch(records, savepoints=True)

    def _write_batch(self, records: Sequence[tuple[DocumentRecord, str | None]],
                     savepoints: bool) -> list[IngestOutcome | Exception]:
        """`ingest_many`'s transaction: without `savepoints`, any document's failure is raised (nothing is
        committed); with them, it is rolled back alone and answered in its place."""
        out: list[IngestOutcome | Exception] = []
        with self.writer.begin() as conn:
            if savepoints:  # the lock before the first savepoint; else sent with the first document's look-ups
                self._lock(conn)
            for k, (record, external_id) in enumerate(records):
                if not savepoints:
                    around = writes.Around(self._lock_statement() if k == 0 else None)
                    out.append(writes.insert_record(conn, self.t, record, external_id, self.campaign_assigner, around))
                    continue
                try:
                    with conn.begin_nested():
                        out.append(self._insert(conn, record, external_id))
                except Exception as exc:  # noqa: BLE001 - one bad document never stops the others
                    out.append(exc)
            stored = [o for o in out if isinstance(o, IngestOutcome) and o.status == "ingested"]
            if stored:
                self._bump(conn, functools.reduce(operator.or_, (o.changed for o in stored)))
        return out

    def _insert(self, conn: Connection, record: DocumentRecord, external_id: str | None) -> IngestOutcome:
        """Write one document in the caller's write transaction unless it is stored already."""
        return writes.insert_record(conn, self.t, record, external_id, self.campaign_assigner)

    def delete_document(self, document_id: str) -> bool:
        """Remove a document and everything derived from it (events merged into its events are re-pointed)."""
        with self.writer.begin() as conn:
            self._lock(conn)
            self._bump(conn)
            return writes.delete_document_rows(conn, self.t, document_id)

    def _bump(self, conn: Connection, changed: changes.Changed = changes.EVERYTHING) -> None:
        """Raise the store's generation inside a write transaction (read caches see that the data changed) and
        record what changed (`changes`: by default the canonical set, so every cached count and page is old)."""
        changes.record(conn, changed)

    def changes_since(self, since: int | None) -> changes.Seen:
        """The writes as a read cache sees them: the generation, the canonical set's, and the happenings changed
        after generation `since` (`changes.seen`)."""
        with self.engine.connect() as conn:
            found = changes.seen(conn, since)
        if self._maps is not None:
            self._maps.saw_generation(found.generation)
        return found

    def generation(self) -> int:
        """The store's generation: it changes with every committed write, from this process or any other."""
        st = self.t.state
        with self.engine.connect() as conn:
            value = int(conn.execute(select(st.c.generation).where(st.c.id == 1)).scalar_one_or_none() or 0)
        if self._maps is not None:
            self._maps.saw_generation(value)
        return value

    # -- reading --------------------------------------------------------------------------------------
    def count_events(self, f: EventFilter = ALL_EVENTS, cap: int | None = None) -> int:
        """How many events match the filter (`cap`: counted up to cap + 1 at most)."""
        with self.engine.connect() as conn:
            return reads.count_events(conn, self.t, f, cap)

    def query_events(self, f: EventFilter = ALL_EVENTS, *, limit: int = 50, offset: int = 0,
                     sort: str = "-date", total: int | None = None, cap: int | None = None,
                     after: Cursor | None = None) -> dict[str, Any]:
        """A page of events: {"total", "total_exact", "limit", "offset", "sort", "next_cursor", "items": [event
        dict, …]} (`total`: the filter's count when the caller knows it already; `cap`: a total above it is given
        as `cap`, total_exact false; `after`: the page after that position, `keyset.decode` of a `next_cursor`)."""
        with self.engine.connect() as conn:
            return reads.query_events(conn, self.t, f, limit=limit, offset=offset, sort=sort, total=total, cap=cap,
                                      after=after)

    def query_events_json(self, f: EventFilter = ALL_EVENTS, *, limit: int = 50, offset: int = 0,
                          sort: str = "-date", total: int | None = None, cap: int | None = None,
                          after: Cursor | None = None, happenings: list[str] | None = None) -> bytes:
        """`query_events` as the API's JSON body, assembled around the stored JSON of each event (`pagejson`);
        `happenings`: extended with the canonical uid of each item's happening."""
        with self.engine.connect() as conn:
            return reads.query_events_json(conn, self.t, f, limit=limit, offset=offset, sort=sort, total=total,
                                           cap=cap, after=after, happenings=happenings)

    def iter_events(self, f: EventFilter = ALL_EVENTS, *, batch: int = 1000,
                    sort: str = "date") -> Iterator[dict[str, Any]]:
        """Every event matching the filter, in pages of `batch` (for exports), each after the last row of the
        page before (keyset paging: a page costs the same at any depth, and events stored meanwhile before the
        position neither repeat nor push a row out)."""
        after: Cursor | None = None
        while True:
            page = self.query_events(f, limit=batch, sort=sort, cap=0, after=after)
            yield from page["items"]
            if page["next_cursor"] is None:
                return
            after = keyset.decode(page["next_cursor"], "events", sort)

    def get_event(self, uid: str) -> dict[str, Any] | None:
        """One event with every report of its happening (counts per source, conflicting figures kept)."""
        with self.engine.connect() as conn:
            return reads.get_event(conn, self.t, uid)

    def get_document(self, document_id: str) -> dict[str, Any] | None:
        """The document text with its mentions, events (store ids) and counts; spans index `text`."""
        with self.engine.connect() as conn:
            return reads.get_document(conn, self.t, document_id)

    def list_documents(self, *, limit: int = 50, offset: int = 0, after: Cursor | None = None) -> dict[str, Any]:
        """A page of stored documents, newest first (`after`: the page after that position, keyset paging)."""
        with self.engine.connect() as conn:
            return reads.list_documents(conn, self.t, limit=limit, offset=offset, after=after)

    def tolls(self, f: TollFilter = ALL_TOLLS) -> list[dict[str, Any]]:
        """Cumulative toll series (one per campaign, place, kind and who), each point with its source."""
        with self.engine.connect() as conn:
            return toll_series(conn, self.t, f)

    def campaigns(self, f: TollFilter = ALL_TOLLS) -> list[dict[str, Any]]:
        """The campaigns with their sources and the latest figure of each series (never a sum)."""
        with self.engine.connect() as conn:
            return campaigns(conn, self.t, f)

    def campaign(self, campaign_id: str) -> dict[str, Any] | None:
        """One campaign with every series of its tolls (one per kind, group and source), None when unknown."""
        with self.engine.connect() as conn:
            found = campaigns(conn, self.t, ALL_TOLLS, campaign_id)
            if not found:
                return None
            return {"campaign": found[0], "series": toll_series(conn, self.t, TollFilter(campaign=campaign_id))}

    def stats(self, f: EventFilter = ALL_EVENTS) -> dict[str, Any]:
        """Totals, breakdowns, the events timeline and the latest cumulative tolls."""
        with self.engine.connect() as conn:
            return reads.stats(conn, self.t, f)

    def check_integrity(self) -> list[str]:
        """Problems found: documents whose stored rows disagree with their record (none after any crash)."""
        with self.engine.connect() as conn:
            return reads.check_integrity(conn, self.t)


__all__ = ["DEFAULT_URL", "EventFilter", "IngestOutcome", "SORT_KEYS", "SortKey", "Store", "TollFilter",
           "incident_fatalities", "normalize_url", "text_hash"]

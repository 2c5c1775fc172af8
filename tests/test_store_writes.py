"""Ingest's writes (`rasd.store.writes`, `Store.ingest_many`): a document's look-ups sent together, a batch written
without savepoints unless a document fails, the write transaction's plans. Each test runs on SQLite and, when
RASD_TEST_PG_URL names a PostgreSQL server, on PostgreSQL."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="needs the [store] extra: python -m pip install -e '.[store]'")
from sqlalchemy import event, text
from sqlalchemy.exc import DBAPIError
from store_fixtures import sample_records, synthetic_record

from rasd.store import Store, merging, reprints, writes


def _statements(store: Store) -> list[str]:
    """The SQL statements SQLAlchemy sends from now on (a list that grows)."""
    seen: list[str] = []

    def record(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(store.engine, "before_cursor_execute", record)
    return seen


def test_store_writes_look_up_equals_the_separate_look_ups(store_url: str) -> None:
    """`look_up` (the duplicate check with the reprint candidates in one statement, the merge targets with it; on
    PostgreSQL one pipeline) answers as the separate look-ups do: stored or not, the reprint's original and its
    similarity, each event's merge target — for stored documents, reprints and new documents alike."""
    records = sample_records()
    with Store.open(store_url) as store:
        for rec in records[:3]:
            store.ingest(rec)
        for i in range(30):
            store.ingest(synthetic_record(i, events=3, seed=2))
        probes = [*records, *(synthetic_record(i, events=3, seed=2 + i % 2) for i in range(20, 50))]
        merged = reprinted = 0
        with store.writer.begin() as conn:
            store._lock(conn)
            for rec in probes:
                sketch = reprints.sketch_of(rec.text)
                found = writes.look_up(conn, store.t, rec, sketch)
                assert found.duplicate == store.has_document(rec.document.id)
                assert (found.reprint_of, found.similarity) == reprints.find_reprint(conn, store.t, sketch)
                assert found.targets == tuple(merging.find_merge_target(conn, store.t, ev, rec.document.id)
                                              for ev in rec.events)
                merged += sum(x is not None for x in found.targets)
                reprinted += found.reprint_of is not None
            conn.rollback()
    assert merged >= 3 and reprinted >= 1, (merged, reprinted)


def test_store_writes_batch_without_failure_takes_no_savepoint(store_url: str) -> None:
    """A batch whose documents all go in is written without a savepoint (each one and its release were two more
    round trips a document on PostgreSQL); when one fails, the batch is written again with a savepoint per
    document, and only the failing one is missing."""
    records = [synthetic_record(i, events=2, seed=8) for i in range(6)]
    with Store.open(store_url) as store:
        seen = _statements(store)
        out = store.ingest_many([(rec, None) for rec in records[:3]] + [(records[0], None)])
        assert [o.status for o in out if not isinstance(o, Exception)] == ["ingested"] * 3 + ["duplicate"]
        assert not any("SAVEPOINT" in s.upper() for s in seen)

        real = writes.event_row
        bad = records[4].document.id

        def broken(rec: Any, ev: Any, uid: str, merged_id: str) -> dict[str, Any]:
            row = real(rec, ev, uid, merged_id)
            if rec.document.id == bad:
                row["uid"] = None  # NOT NULL: the database refuses the document's events
            return row

        seen.clear()
        writes.event_row = broken  # type: ignore[assignment]
        try:
            out = store.ingest_many([(rec, None) for rec in records[3:]])
        finally:
            writes.event_row = real  # type: ignore[assignment]
        assert isinstance(out[1], DBAPIError)
        assert [getattr(o, "status", None) for o in out] == ["ingested", None, "ingested"]
        assert any("SAVEPOINT" in s.upper() for s in seen)
        assert not store.has_document(bad) and store.has_document(records[5].document.id)
        assert store.check_integrity() == []


def test_store_writes_read_together_answers_in_order_and_fails_as_sqlalchemy(store_url: str) -> None:
    """`read_together` gives each statement's rows in order (on PostgreSQL from one pipeline); a statement the
    database refuses raises SQLAlchemy's error, and the transaction rolls back cleanly."""
    with Store.open(store_url) as store:
        store.ingest(synthetic_record(1, events=1, seed=1))
        with store.writer.begin() as conn:
            store._lock(conn)
            rows = writes.read_together(conn, [
                (text("SELECT id FROM documents WHERE id = :x"), {"x": "nothing"}),
                (text("SELECT count(*) FROM events WHERE document_id <> :x"), {"x": "nothing"}),
                (text("SELECT :a || :b"), {"a": "ab", "b": "c"})])
            assert rows == [[], [(1,)], [("abc",)]]
        with pytest.raises(DBAPIError), store.writer.begin() as conn:
            store._lock(conn)
            writes.read_together(conn, [(text("SELECT 1"), {}), (text("SELECT no_such_column FROM events"), {})])
        assert store.ingest(synthetic_record(2, events=1, seed=1)).status == "ingested"


def test_store_writes_plan_generic_in_writes_custom_in_reads(store_url: str) -> None:
    """PostgreSQL: a write transaction lets its prepared statements keep a generic plan (ingest's look-ups, a
    dozen texts, planned again at every execution cost more than running them), reads keep a custom plan each
    time (the number of events a country or actor has changes the plan); the setting ends with the transaction.
    SQLite has no such setting."""
    with Store.open(store_url) as store:
        if not store.is_postgres:
            assert store.ingest(synthetic_record(1, events=1, seed=1)).status == "ingested"
            return
        show = text("SELECT current_setting('plan_cache_mode')")
        with store.writer.begin() as conn:
            store._lock(conn)
            assert conn.execute(show).scalar() == "auto"
        with store.engine.connect() as conn:
            assert conn.execute(show).scalar() == "force_custom_plan"


def test_store_writes_capped_counts_of_alternatives_are_exact(store_url: str) -> None:
    """A capped count of a place, an ACLED type or an actor (on PostgreSQL each alternative counted alone first,
    `pgschema.capped_union_count`) is min(exact count, cap + 1) for every cap: one alternative over the cap, one
    alone under it, several with shared events (an event whose type is one value and another's sub-type the same;
    an Arabic name equal to another place's English name; an actor named twice in one event)."""
    from dataclasses import replace

    from store_fixtures import LNA

    from rasd.records import ActorRef, LocationRef
    from rasd.store import EventFilter

    odd_place = LocationRef("xx-odd", "Odd", "Tripoli", "LY", "Odd", 32.0, 13.0, 1, "city")
    twin = ActorRef("lna-twin", "lna", "lna", "state_forces", "LY")
    with Store.open(store_url) as store:
        for i in range(40):
            rec = synthetic_record(i, events=2, seed=12)
            events = list(rec.events)
            if i % 5 == 0:  # a sub-type named as another event's type; an Arabic place name as another's English
                events[0] = replace(events[0], acled_event_type="Explosions/Remote violence",
                                    acled_sub_event_type="Battles", location=odd_place)
            if i % 7 == 0:  # an actor named twice, once by id and once by an English and Arabic name equal to it
                events[1] = replace(events[1], actor1=LNA, actor2=twin)
            store.ingest(replace(rec, events=tuple(events)))
        filters = [EventFilter(place="Tripoli"), EventFilter(place="ly-misrata"), EventFilter(place="Odd"),
                   EventFilter(acled_type="Battles"), EventFilter(acled_type="Battles", min_confidence=0.6),
                   EventFilter(acled_type="Air/drone strike"), EventFilter(acled_type="none"),
                   EventFilter(actor="lna"), EventFilter(actor="GNA"), EventFilter(actor="nobody")]
        for f in filters:
            exact = store.count_events(f)
            for cap in (0, 1, 2, 3, 5, 8, 13, exact - 1, exact, exact + 1, 10_000):
                if cap >= 0:
                    assert store.count_events(f, cap=cap) == min(exact, cap + 1), (f, cap, exact)
        assert store.count_events(EventFilter(place="Tripoli")) > store.count_events(EventFilter(place="ly-tripoli"))
        assert store.count_events(EventFilter(acled_type="Battles")) > 8

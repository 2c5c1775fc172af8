"""Schema version 18: what each write changed, recorded for the read caches (`store/changes.py`): the canonical
set's generation moves only when a happening is added or removed; a report added to a stored happening is logged
with the generation of its write; a store of version 17 migrates to it."""

from __future__ import annotations

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from store_fixtures import (
    LNA,
    MISRATA,
    TEXT_A,
    TEXT_B,
    EventSpec,
    build_record,
    count,
    doc_id,
    sample_records,
)

from rasd.records import DocumentRecord
from rasd.store import Store, changes
from rasd.store.schema import SCHEMA_VERSION


def _unmigrate(store: Store) -> None:
    """Take a store back before migration 18: no canonical generation, no log."""
    from sqlalchemy import text

    with store.writer.begin() as conn:
        conn.execute(text(f"ALTER TABLE store_state DROP COLUMN {changes.CANONICAL}"))
        conn.execute(text(f"DROP TABLE {changes.LOG}"))
        conn.execute(text("DELETE FROM schema_migrations WHERE version >= 18"))


def test_store_changes_record_reports_happenings_and_deletions(store_url: str) -> None:
    a, b, c, d, e = sample_records()
    with Store.open(store_url) as store:
        store.ingest(a)
        g = store.generation()
        seen = store.changes_since(g)
        assert (seen.generation, seen.canonical, seen.happenings, seen.complete) == (g, g, (), True)
        shelling = f"{a.document.id}/{a.events[0].id}"
        assert store.ingest(b).merged == 1  # a report of a's happening: the canonical set is unchanged
        seen = store.changes_since(g)
        assert (seen.generation, seen.canonical, seen.happenings) == (g + 1, g, ((shelling, g + 1),))
        outcomes = store.ingest_many([(c, None), (d, None)])  # c reports a's happening, d is one of its own
        assert [o.merged for o in outcomes if not isinstance(o, Exception)] == [1, 0]
        seen = store.changes_since(g + 1)
        assert (seen.generation, seen.canonical, seen.happenings) == (g + 2, g + 2, ((shelling, g + 2),))
        store.ingest(d)  # a duplicate writes nothing
        assert store.changes_since(g + 2) == changes.Seen(g + 2, g + 2)
        store.delete_document(doc_id(TEXT_A))  # a's happening passes to its next report: the canonical set moves
        seen = store.changes_since(g + 2)
        assert (seen.generation, seen.canonical) == (g + 3, g + 3)
        assert not store.changes_since(None).complete  # a reader that saw nothing yet cannot know what changed
        store.ingest(e)
        assert store.changes_since(g + 3).canonical == g + 4


def _report_of_a(i: int) -> DocumentRecord:
    """Another outlet's report (number `i`) of sample a's shelling: joins a's happening."""
    text = f"{TEXT_B} ({i})"
    return build_record(text, f"outlet-{i}", "2021-03-03", [EventSpec(
        evidence="قذائف سقطت على منطقة مأهولة يوم الثلاثاء وأدت إلى مقتل 10 أشخاص", plover="ASSAULT",
        acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"), actor1=LNA, location=MISRATA,
        day="2021-03-02", counts=[count(text, "مقتل 10 أشخاص", "killed", 10)])], country="LY")


def test_store_changes_log_is_pruned_and_a_reader_too_far_behind_is_told(store_url: str,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import column, func, select, table

    monkeypatch.setattr(changes, "RETAINED", 4)
    a = sample_records()[0]
    with Store.open(store_url) as store:
        store.ingest(a)
        g = store.generation()
        for i in range(8):  # eight reports of a's happening, each its own write
            assert store.ingest(_report_of_a(i)).merged == 1
        with store.engine.connect() as conn:
            oldest = conn.execute(select(func.min(table(changes.LOG, column("generation")).c.generation))).scalar()
        assert oldest == g + 8 - 4  # older than RETAINED generations: dropped by the writes
        assert not store.changes_since(g).complete  # further behind than half of it
        recent = store.changes_since(g + 6)
        assert recent.complete and sorted(gen for _, gen in recent.happenings) == [g + 7, g + 8]


def test_store_changes_migration_from_17(store_url: str) -> None:
    a, b, *_ = sample_records()
    with Store.open(store_url) as store:
        store.ingest(a)
        _unmigrate(store)
    with Store.open(store_url) as store:
        assert store.schema_version() == SCHEMA_VERSION == 18
        g = store.generation()
        assert store.changes_since(g) == changes.Seen(g, g)  # everything cached before counts as changed
        store.ingest(b)
        assert store.changes_since(g).happenings == ((f"{a.document.id}/{a.events[0].id}", g + 1),)

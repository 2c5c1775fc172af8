"""Bounded counts (`reads.counted_cap`) on both stores: a capped count that no table keeps and that walks its
matches — every document's events (merged=false), two facets at once, text search on PostgreSQL — is counted to
`BOUNDED_COUNT` at most and answered as "at least" (total_exact false); the kept and uncapped counts stay exact, and
the pages past the bound still come in order."""

from __future__ import annotations

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from store_fixtures import synthetic_record
from test_store_keyset import _rows
from test_store_load import _reference_page

from rasd.store import EventFilter, Store, reads

BOUND = 3
CAP = 10


def _bounded(f: EventFilter, postgres: bool) -> bool:
    """Whether `f`'s capped count is bounded (the rule of `counted_cap`, restated)."""
    two = sum(1 for v in (f.place, f.actor, f.acled_type, f.plover) if v) >= 2
    if not postgres and (f.actor or (f.q and f.merged)):
        return False
    return not f.merged or two or (postgres and bool(f.q))


def test_store_bounded_counts_are_lower_bounds(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the bound at 3 and the cap at 10: the bounded filters' counts stop at 4 and their pages say total 3,
    not exact; every other filter's count is as before (exact to 10, then 10 and not exact); without a cap every
    count is exact; the pages (by offset and by cursor) are the reference order either way."""
    monkeypatch.setattr(reads, "BOUNDED_COUNT", BOUND)
    filters = [EventFilter(merged=False), EventFilter(merged=False, country="LY"),
               EventFilter(place="ly-tripoli", acled_type="Battles"), EventFilter(plover="ASSAULT", place="مصراتة"),
               EventFilter(q="قصف"), EventFilter(q="قصف", country="LY"), EventFilter(actor="lna", place="ly-tripoli"),
               EventFilter(), EventFilter(place="ly-tripoli"), EventFilter(country="LY", date_from="2020-03-01")]
    with Store.open(store_url) as store:
        for i in range(40):
            store.ingest(synthetic_record(i, events=2, seed=8))
        rows, actors = _rows(store)
        seen_bounded = 0
        for f in filters:
            expected = _reference_page(rows, actors, f, "-date")
            assert store.count_events(f) == len(expected), f
            page = store.query_events(f, limit=4, offset=4, sort="-date", cap=CAP)
            assert [e["id"] for e in page["items"]] == expected[4:8], f
            if _bounded(f, store.is_postgres) and len(expected) > BOUND:
                seen_bounded += 1
                assert store.count_events(f, cap=CAP) == BOUND + 1, f
                assert (page["total"], page["total_exact"]) == (BOUND, False), f
            else:
                assert store.count_events(f, cap=CAP) == min(len(expected), CAP + 1), f
                assert (page["total"], page["total_exact"]) == (min(len(expected), CAP), len(expected) <= CAP), f
        assert seen_bounded >= (5 if store.is_postgres else 3)


def test_api_bounded_count(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """GET /api/events?merged=false over more events than the bound: total is the bound, total_exact false (the
    dashboard shows "3+"), and `/api/health` still counts every event exactly."""
    from fastapi.testclient import TestClient

    from rasd.api import Settings, create_app

    monkeypatch.setattr(reads, "BOUNDED_COUNT", BOUND)
    with Store.open(store_url) as store:
        for i in range(6):
            store.ingest(synthetic_record(i, events=2, seed=8))
    with TestClient(create_app(Settings(db_url=store_url, count_cap=CAP))) as c:
        page = c.get("/api/events", params={"merged": "false", "limit": 2}).json()
        assert (page["total"], page["total_exact"], len(page["items"])) == (BOUND, False, 2)
        assert c.get("/api/health").json()["events"] == 12

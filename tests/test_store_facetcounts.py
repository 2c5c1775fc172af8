"""Schema version 14: `event_day_counts` kept by facet (place, actor, ACLED type, ACLED type + confidence,
PLOVER) as well as by country and dates, on both stores; the kept rows equal the stored events regrouped, and
every count they answer equals counting the events, after mixed writes (merges, hand-overs, deletions, reprints of
stored happenings, concurrent writers)."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("sqlalchemy", reason=STORE_EXTRA)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_fixtures import synthetic_record
from test_store_daycounts import NO_PLACE, SAME_NAME, TWICE, TWO_WAYS, UNDATED
from test_store_load import _merge_then_hand_over, _reference_page

from rasd.store import EventFilter, Store
from rasd.store.daycounts import answers
from rasd.store.facetcounts import FACETS

FACET_FILTERS = [
    *(EventFilter(place=p) for p in ("ly-tripoli", "ly-misrata", "Benghazi", "benghazi", "صفاقس")),
    *(EventFilter(actor=a) for a in ("lna", "gna", "LNA", "Libyan National Army", "حكومة الوفاق الوطني", "hamas")),
    *(EventFilter(acled_type=a) for a in ("Battles", "Protests", "Air/drone strike", "Riots")),
    *(EventFilter(acled_type=a, min_confidence=c) for a in ("Battles", "Protests", "Air/drone strike")
      for c in (0.4, 0.55, 0.7, 0.9)),
    EventFilter(acled_type="Battles", min_confidence=0.5, country="LY"),
    *(EventFilter(plover=p, country=c) for p in ("PROTEST", "assault", "CONSULT") for c in ("LY", "TN")),
    EventFilter(plover="ASSAULT"), EventFilter(place="ly-tripoli", date_from="2020-03-01", date_to="2020-03-31"),
    EventFilter(actor="lna", date_from="2020-06-01"), EventFilter(actor="gna", country="LY", date_to="2020-05-01"),
    EventFilter(acled_type="Battles", date_from="2020-02-01", date_to="2020-02-01"),
    EventFilter(plover="PROTEST", country="TN", date_from="2020-04-01", date_to="2020-09-30"),
]


def _key(facet: str, r: dict[str, Any]) -> tuple[Any, ...]:
    """The key of event row `r` in facet `facet` (the reference of the triggers)."""
    low = (r["location_name_en"] or "").lower()
    ks = {"": ("", "", "", None), "place": (r["location_id"] or "", low, r["location_name_ar"] or "", None),
          "acled": (r["acled_event_type"] or "", r["acled_sub_event_type"] or "", "", None),
          "acled_conf": (r["acled_event_type"] or "", r["acled_sub_event_type"] or "", "", r["confidence"]),
          "plover": (r["plover"] or "", "", "", None)}[facet]
    dates = (None, None) if facet == "acled_conf" else (r["date_start"], r["date_end"])
    return (facet, *ks, r["country"], *dates)


def check_kept(store: Store) -> None:
    """The kept rows equal the canonical events regrouped by every facet, one row a key; every facet filter's
    count (exact and capped) and page total equal a count of the rows."""
    from sqlalchemy import select, text

    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(store.t.events)).mappings()]
        actors = [dict(r) for r in conn.execute(select(store.t.event_actors)).mappings()]
        kept = [(tuple(k), n) for *k, n in conn.execute(text(
            "SELECT facet, k1, k2, k3, conf, country, date_start, date_end, n FROM event_day_counts")).all()]
    canonical = {r["uid"]: r for r in rows if r["uid"] == r["merged_id"]}
    expected = Counter(_key(f, r) for f in FACETS for r in canonical.values())
    triples = {(a["event_uid"], a["actor_id"] or "", (a["name_en"] or "").lower(), a["name_ar"] or "")
               for a in actors if a["event_uid"] in canonical}
    for uid, *triple in triples:
        r = canonical[uid]
        expected[("actor", *triple, None, r["country"], r["date_start"], r["date_end"])] += 1
    assert len(dict(kept)) == len(kept)
    assert dict(kept) == dict(expected)
    for f in FACET_FILTERS:
        assert answers(f, store.engine.dialect.name), f
        n = len(_reference_page(rows, actors, f, "-date"))
        assert store.count_events(f) == n, f
        assert store.count_events(f, cap=3) == min(n, 4), f
        assert store.query_events(f, limit=5, cap=10_000)["total"] == n, f


def test_store_facetcounts_follow_mixed_writes(store_url: str) -> None:
    """Inserts, merges into stored happenings, hand-overs on deletion, undated and placeless events, an actor named
    twice, an actor matching two look-ups, reprints (the same document again under another id) and deletions."""
    with Store.open(store_url) as store:
        _merge_then_hand_over(store)
        for record in (UNDATED, NO_PLACE, TWICE, TWO_WAYS):
            store.ingest(record)
        check_kept(store)
        for i in range(5):  # reports of stored happenings (another seed: other wording of the same events)
            store.ingest(synthetic_record(100 + i, events=3, seed=9))
            store.ingest(synthetic_record(100 + i, events=3, seed=10))
        assert store.delete_document(TWICE.document.id)
        assert store.delete_document(synthetic_record(100, events=3, seed=9).document.id)
        check_kept(store)
        assert store.count_events(EventFilter(actor=SAME_NAME.id)) == 1


def test_store_facetcounts_two_actor_triples_count_the_events(store_url: str) -> None:
    """An actor id stored under two Arabic names (two triples) in one event: the kept rows would count the event
    twice, so the count falls back to the events (and still equals the reference)."""
    from dataclasses import replace

    with Store.open(store_url) as store:
        rec = TWICE
        ev = rec.events[0]
        other = replace(ev.actor2, name_ar="الجيش الليبي") if ev.actor2 else None
        store.ingest(replace(rec, events=(replace(ev, actor2=other),)))
        for i in range(6):
            store.ingest(synthetic_record(i, events=2, seed=4))
        check_kept(store)
        assert store.count_events(EventFilter(actor=ev.actor1.id if ev.actor1 else "")) >= 1


def test_store_facetcounts_concurrent_writers(store_url: str) -> None:
    """Three processes ingesting at once (overlapping happenings): the kept rows equal the events regrouped."""
    fixtures = Path(__file__).with_name("store_fixtures.py")
    with Store.open(store_url) as store:
        store.ingest(synthetic_record(0, events=3))
    procs = [subprocess.Popen([sys.executable, str(fixtures), store_url, str(a), str(a + 12)])
             for a in (0, 8, 16)]
    assert all(p.wait(timeout=300) == 0 for p in procs)
    with Store.open(store_url) as store:
        check_kept(store)


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.booleans(), st.integers(0, 25), st.integers(1, 4)), min_size=1, max_size=8))
def test_store_facetcounts_hypothesis_any_write_sequence(store_url: str, ops: list[tuple[bool, int, int]]) -> None:
    """Any sequence of ingests (documents of several seeds: new events and reports of stored ones) and deletions
    leaves the kept rows equal to the events regrouped."""
    with Store.open(store_url) as store:
        for add, i, seed in ops:
            record = synthetic_record(i, events=2, seed=seed)
            if add:
                store.ingest(record)
            else:
                store.delete_document(record.document.id)
        check_kept(store)


def test_store_facetcounts_counts_read_the_kept_rows_alone(store_url: str) -> None:
    """Every facet filter but an actor's is counted from `event_day_counts` alone (no plan node on `events` or
    `event_actors`); an actor's count reads the kept rows and keeps the count over the events as its fallback."""
    import re

    from rasd.store.reads import count_statement

    with Store.open(store_url) as store:
        for i in range(20):
            store.ingest(synthetic_record(i, events=2, seed=3))
        dialect = store.engine.dialect.name
        with store.engine.connect() as conn:
            for f in FACET_FILTERS:
                sql = str(count_statement(store.t, f, dialect, 10_000).compile(
                    conn, compile_kwargs={"literal_binds": True}))
                prefix = "EXPLAIN " if store.is_postgres else "EXPLAIN QUERY PLAN "
                plan = " | ".join(str(row[-1]) for row in conn.exec_driver_sql(prefix + sql))
                tables = set(re.findall(r"(?:on|SCAN|SEARCH) (event_day_counts|events|event_actors)\b", plan))
                assert "event_day_counts" in tables, (f, plan)
                assert f.actor or tables == {"event_day_counts"}, (f, plan)

"""The API's read cache: bodies valid while the store's generation holds, a bounded lag for other processes'
writes, none for this process's, one computation per cold key; and `rasd serve --workers N`."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

STORE_EXTRA = "needs the [store] extra: python -m pip install -e '.[store]'"
pytest.importorskip("fastapi", reason=STORE_EXTRA)
from fastapi.testclient import TestClient
from store_fixtures import FakeExtractor, sample_records, synthetic_record

import rasd
from rasd.api import Settings, create_app
from rasd.serve.cache import CANONICAL, HAPPENINGS, ReadCache
from rasd.store import Store
from rasd.store.changes import Seen

TOKEN = "cache-token"


class Counter:
    """A body maker that counts its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> bytes:
        self.calls += 1
        return str(self.calls).encode()


def test_cache_serves_an_entry_while_the_generation_holds() -> None:
    gen = [1]
    cache = ReadCache(lambda: gen[0], stale_seconds=0, poll_seconds=0)
    make = Counter()
    assert cache.get("k", make) == b"1" and cache.get("k", make) == b"1"
    gen[0] = 2  # a write somewhere: the entry is recomputed
    assert cache.get("k", make) == b"2" and make.calls == 2
    assert cache.get("other", make) == b"3"


def test_cache_lag_for_another_process_is_bounded_by_stale_seconds() -> None:
    gen = [1]
    cache = ReadCache(lambda: gen[0], stale_seconds=0.2, poll_seconds=0)
    make = Counter()
    cache.get("k", make)
    gen[0] = 2
    assert cache.get("k", make) == b"1"  # younger than stale_seconds: still served
    time.sleep(0.25)
    assert cache.get("k", make) == b"1"  # up to twice stale_seconds: served while refreshed in the background
    deadline = time.monotonic() + 5
    while make.calls < 2 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert cache.get("k", make) == b"2"
    gen[0] = 3
    time.sleep(0.45)  # older than twice stale_seconds: recomputed before it is served
    assert cache.get("k", make) == b"3"
    cache.clear()  # a write through this process: seen at once
    assert cache.get("k", make) == b"4"


def test_cache_strict_entry_is_valid_only_at_its_generation() -> None:
    gen = [1]
    cache = ReadCache(lambda: gen[0], stale_seconds=10, poll_seconds=0)
    make = Counter()
    assert cache.get("count", make, strict=True) == b"1"
    assert cache.get("count", make) == b"1"
    gen[0] = 2
    assert cache.get("count", make) == b"1"  # young enough for a lenient read
    assert cache.get("count", make, strict=True) == b"2"  # not for a strict one


def test_cache_entry_built_on_an_older_entry_is_stamped_as_old() -> None:
    """A page built on a cached count of an older generation is as old as that count: it is not served as fresh
    at the new generation, and within twice stale_seconds its next computation reads a new count."""
    gen = [1]
    cache = ReadCache(lambda: gen[0], stale_seconds=0.2, poll_seconds=0)
    count = Counter()
    cache.get("count", count)
    gen[0] = 2  # a write by another process; no more writes after it
    page = Counter()

    def make_page() -> bytes:
        return b"page " + page() + b" of total " + cache.get("count", count)

    assert cache.get("page", make_page) == b"page 1 of total 1"  # the count is young enough to be shared
    assert cache.get("page", make_page) == b"page 1 of total 1"
    time.sleep(0.45)  # older than twice stale_seconds, though the generation has not changed since it was made
    assert cache.get("page", make_page) == b"page 2 of total 2"
    assert cache.get("page", make_page) == b"page 2 of total 2"  # now current: kept while the generation holds


def wait_for(calls: Counter, n: int) -> None:
    """Until `calls` has been called `n` times (a background refresh), at most 5 s."""
    deadline = time.monotonic() + 5
    while calls.calls < n and time.monotonic() < deadline:
        time.sleep(0.01)


def test_cache_peek_serves_a_stale_entry_while_refreshing_it_in_the_background() -> None:
    """Between stale_seconds and twice that, `peek` (the event loop's path) answers with the entry and starts
    its refresh itself, as `get` would; past twice stale_seconds it answers nothing (the route recomputes)."""
    gen = [1]
    cache = ReadCache(lambda: gen[0], stale_seconds=0.2, poll_seconds=0.05)
    make = Counter()
    cache.get("k", make)
    gen[0] = 2
    time.sleep(0.25)
    cache.generation()  # the generation as the event loop sees it (read at most every poll_seconds)
    assert cache.peek("k") == b"1"  # stale, within twice stale_seconds: served, refresh started
    wait_for(make, 2)
    assert make.calls == 2 and cache.peek("k") == b"2"
    assert cache.peek("k") == b"2" and make.calls == 2  # one refresh, not one per peek
    gen[0] = 3
    time.sleep(0.45)
    cache.generation()
    assert cache.peek("k") is None and make.calls == 2  # too old: left to the route


def test_cache_fresh_read_waits_for_a_young_entry() -> None:
    """`fresh`: an entry older than stale_seconds at an older generation is recomputed before it is returned
    (never handed out while refreshed), so a page built on it is not stale as soon as it is made."""
    gen = [1]
    cache = ReadCache(lambda: gen[0], stale_seconds=0.2, poll_seconds=0)
    count = Counter()
    assert cache.get("count", count, fresh=True) == b"1"
    gen[0] = 2
    assert cache.get("count", count, fresh=True) == b"1"  # young enough
    time.sleep(0.25)
    assert cache.get("count", count, fresh=True) == b"2"  # stale: computed now, not in the background
    assert count.calls == 2


def test_cache_cold_key_is_computed_once_for_concurrent_requests() -> None:
    cache = ReadCache(lambda: 1)
    calls = []

    def slow() -> bytes:
        calls.append(1)
        time.sleep(0.2)
        return b"body"

    out: list[bytes] = []
    threads = [threading.Thread(target=lambda: out.append(cache.get("k", slow))) for _ in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert out == [b"body"] * 8 and len(calls) == 1


def test_cache_keeps_at_most_max_entries() -> None:
    cache = ReadCache(lambda: 1, max_entries=3)
    make = Counter()
    for k in range(5):
        cache.get(k, make)
    cache.get(0, make)  # evicted: recomputed
    assert make.calls == 6


def test_api_cache_reads_own_writes_and_sees_others_within_the_bound(store_url: str) -> None:
    url = store_url
    with Store.open(url) as s:
        for rec in sample_records():
            s.ingest(rec)
    app = create_app(Settings(db_url=url, api_token=TOKEN, extractor_factory=FakeExtractor, cache_seconds=0.3))
    with TestClient(app) as client:
        total = client.get("/api/events").json()["total"]
        assert client.get("/api/events").json()["total"] == total  # from the cache
        r = client.post("/api/documents", json={"text": "اشتباكات في مصراتة اليوم. وقتل ثلاثة.",
                                                "published": "2021-04-01"},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201
        assert client.get("/api/events").json()["total"] == total + 1  # this process's write: at once
        with Store.open(url) as other:  # another writer (another process's store)
            other.ingest(synthetic_record(1, events=1))
        time.sleep(0.9)  # stale_seconds 0.3 + the generation poll 0.5
        assert client.get("/api/events").json()["total"] == total + 2
        assert app.state.read_cache.hits >= 1


def test_api_cache_answers_a_validated_request_before_routing_as_the_route_does(store_url: str) -> None:
    with Store.open(store_url) as s:
        for rec in sample_records():
            s.ingest(rec)
    app = create_app(Settings(db_url=store_url, api_token=TOKEN, extractor_factory=FakeExtractor))
    cache = app.state.read_cache
    with TestClient(app) as client:
        for path in ("/api/events?country=LY&sort=date", "/api/stats?country=LY"):
            first = client.get(path)
            hits = cache.hits
            cache.generation()  # polled just now: on a slow machine the first request may outlast the poll interval
            again = client.get(path)  # CachedReads: no routing, no validation
            assert cache.hits == hits + 1
            assert again.status_code == first.status_code == 200
            assert again.content == first.content
            # the same headers but one: X-Rasd-Cache says the body came from the cache
            assert again.headers["x-rasd-cache"] == "hit" and "x-rasd-cache" not in first.headers
            assert {k: v for k, v in again.headers.items() if k != "x-rasd-cache"} == dict(first.headers.items())
        spec = client.get("/openapi.json").json()["paths"]
        for path in ("/api/events", "/api/stats"):  # the header is part of the documented contract
            assert "X-Rasd-Cache" in spec[path]["get"]["responses"]["200"]["headers"]
        total = client.get("/api/events").json()["total"]
        r = client.post("/api/documents", json={"text": "اشتباكات في مصراتة اليوم. وقتل ثلاثة.",
                                                "published": "2021-04-01"},
                        headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 201
        assert client.get("/api/events").json()["total"] == total + 1  # a write makes the next read fresh
        for bad in ("/api/events?limit=0", "/api/events?sort=nope"):  # never validated: never answered early
            assert client.get(bad).status_code == 422
            assert client.get(bad).status_code == 422


def test_store_generation_rises_with_each_write(store_url: str) -> None:
    with Store.open(store_url) as s:
        g0 = s.generation()
        rec = synthetic_record(3, events=1)
        s.ingest(rec)
        g1 = s.generation()
        s.ingest(rec)  # a duplicate writes nothing
        assert g1 == g0 + 1 and s.generation() == g1
        s.delete_document(rec.document.id)
        assert s.generation() == g1 + 1


def test_serve_workers_serve_one_sqlite_store(tmp_path: Path) -> None:
    import httpx

    url = f"sqlite:///{tmp_path / 'w.db'}"
    with Store.open(url) as s:
        for rec in sample_records():
            s.ingest(rec)
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(Path(rasd.__file__).resolve().parents[1])}
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", url, "--port", str(port), "-q",
                             "--workers", "2", "--cache-seconds", "0.3", "--threads", "4"], env=env,
                            stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                assert time.monotonic() < deadline, "the workers did not start"
                time.sleep(0.2)
        with httpx.Client(base_url=base) as client:
            totals = {client.get("/api/events", params={"country": "LY"}).json()["total"] for _ in range(10)}
            assert totals == {3}
            before = {client.get("/api/events").json()["total"] for _ in range(10)}
            with Store.open(url) as other:  # another process's write: every worker sees it within the bound
                other.ingest(synthetic_record(2, events=1))
            time.sleep(0.9)  # --cache-seconds 0.3 + the generation poll 0.5
            after = {client.get("/api/events").json()["total"] for _ in range(10)}
            assert len(before) == 1 and after == {min(before) + 1}
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_api_cache_worker_processes_freeze_their_startup_objects(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`rasd serve --workers N`'s processes (app_from_environment) move the objects made at startup out of the
    garbage collector's full passes (gc.freeze) when the app starts; an app built directly does not."""
    import gc
    import json

    from rasd.serve.app import SETTINGS_ENV, app_from_environment

    url = f"sqlite:///{tmp_path / 'rasd.db'}"
    gc.unfreeze()
    try:
        with TestClient(create_app(Settings(db_url=url))) as client:
            assert client.get("/api/events").status_code == 200
            assert gc.get_freeze_count() == 0
        monkeypatch.setenv(SETTINGS_ENV, json.dumps({"db_url": url}))
        with TestClient(app_from_environment()) as client:
            assert client.get("/api/events").status_code == 200
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


class Writes:
    """A stand-in for `Store.changes_since`: the generation, the canonical set's, the happenings' log."""

    def __init__(self) -> None:
        self.generation = 1
        self.canonical = 1
        self.log: list[tuple[str, int]] = []
        self.retained = 100

    def write(self, *happenings: str, canonical: bool = False) -> None:
        self.generation += 1
        if canonical:
            self.canonical = self.generation
        self.log += [(h, self.generation) for h in happenings]

    def __call__(self, since: int | None) -> Seen:
        if since is None or self.generation - since > self.retained:
            return Seen(self.generation, self.canonical, complete=False)
        return Seen(self.generation, self.canonical, tuple((h, g) for h, g in self.log if g > since))


def _page(cache: ReadCache, shows: tuple[str, ...], make: Counter) -> Callable[[], bytes]:
    def compute() -> bytes:
        cache.note_happenings(shows)
        return make()
    return compute


def test_cache_count_and_page_hold_while_what_they_show_is_unchanged() -> None:
    """A count of canonical events holds across writes that only add reports; a page holds while none of its
    happenings got one; a new happening (the canonical set changed) makes both old; an ANY_WRITE entry is old
    after any write."""
    writes = Writes()
    cache = ReadCache(lambda: writes.generation, changes=writes, stale_seconds=0, poll_seconds=0)
    count, page_a, page_b, stats = Counter(), Counter(), Counter(), Counter()

    def read_all() -> tuple[bytes, ...]:
        return (cache.get("count", count, scope=CANONICAL), cache.get("a", _page(cache, ("h1", "h2"), page_a),
                                                                      scope=HAPPENINGS),
                cache.get("b", _page(cache, ("h3",), page_b), scope=HAPPENINGS), cache.get("stats", stats))

    assert read_all() == (b"1", b"1", b"1", b"1")
    writes.write("h2")  # a report added to page a's second happening
    assert read_all() == (b"1", b"2", b"1", b"2")
    writes.write("h9")  # a happening on no cached page
    assert read_all() == (b"1", b"2", b"1", b"3")
    writes.write(canonical=True)  # a new happening
    assert read_all() == (b"2", b"3", b"2", b"4")
    writes.write("h3")
    writes.write("h1")
    assert read_all() == (b"2", b"4", b"3", b"5")


def test_cache_page_counts_as_changed_when_the_log_no_longer_reaches_back() -> None:
    writes = Writes()
    writes.retained = 2
    cache = ReadCache(lambda: writes.generation, changes=writes, stale_seconds=0, poll_seconds=0)
    page, count = Counter(), Counter()
    assert cache.get("p", _page(cache, ("h1",), page), scope=HAPPENINGS) == b"1"
    cache.get("count", count, scope=CANONICAL)
    for _ in range(3):  # more writes than the log keeps, none of them to h1
        writes.write("h2")
    assert cache.get("p", _page(cache, ("h1",), page), scope=HAPPENINGS) == b"2"
    assert cache.get("count", count, scope=CANONICAL) == b"1"  # the canonical generation says it all
    writes.write("h2")
    assert cache.get("p", _page(cache, ("h1",), page), scope=HAPPENINGS) == b"2"  # caught up again


def test_api_cache_split_refreshes_what_a_report_or_a_happening_changed(store_url: str) -> None:
    """Through the API, another process's writes: a report added to a cached page's happening refreshes that page
    (its count stays cached); a page whose happenings got nothing stays a hit; a new happening refreshes counts; a
    page over every document's events refreshes on any write."""
    a, b, _, d, e = sample_records()
    with Store.open(store_url) as s:
        for rec in (a, d, e):
            s.ingest(rec)
    app = create_app(Settings(db_url=store_url, api_token=TOKEN, extractor_factory=FakeExtractor, cache_seconds=0.2))
    cache = app.state.read_cache
    with TestClient(app) as client:
        def get(path: str) -> dict[str, Any]:
            return dict(client.get(path).json())

        libya, tunisia, every = get("/api/events?country=LY"), get("/api/events?country=TN"), get("/api/events")
        unmerged = get("/api/events?merged=false")
        shelling = next(i for i in libya["items"] if i["location"]["id"] == a.events[0].location.id)
        assert shelling["n_sources"] == 1
        with Store.open(store_url) as other:
            assert other.ingest(b).merged == 1  # b reports a's happening: a report, no new happening
        time.sleep(0.7)  # twice stale_seconds + the poll
        misses = cache.misses
        after = get("/api/events?country=LY")
        assert cache.misses == misses + 1  # the page; its count held
        assert after["total"] == libya["total"]
        assert next(i for i in after["items"] if i["id"] == shelling["id"])["n_sources"] == 2
        assert get("/api/events?country=TN") == tunisia and cache.misses == misses + 1  # untouched: a hit
        assert get("/api/events?merged=false")["total"] == unmerged["total"] + 1  # every event: any write
        with Store.open(store_url) as other:
            other.ingest(synthetic_record(7, events=1))  # a happening of its own
        time.sleep(0.7)
        misses = cache.misses
        assert get("/api/events")["total"] == every["total"] + 1
        assert cache.misses == misses + 2  # the count and the page

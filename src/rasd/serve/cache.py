"""A read cache for the API's GET responses: rendered JSON bodies keyed by request, checked against the store's
generation.

An entry holds the body, the store generation it was computed at and when. It is served while the generation is
unchanged, and for `stale_seconds` after it was made whatever the generation (so that a stream of writes from
another process cannot make every read a miss); from `stale_seconds` to twice that, it is still served while one
background thread recomputes it (so no request waits for the refresh of a key in steady use); past that, it is
recomputed before it is served. A cold key is computed once: concurrent requests for it wait for that one
computation. The generation is read from the store at most every `poll_seconds`; a write made through this
process (`clear()`) is seen at once. So a response never lags a write of this process, and lags a write of
another process by at most twice `stale_seconds` plus one computation. An entry computed from other cached entries (a page
from its filter's count) is stamped with the generation and time of the oldest of them, so the bound holds for it
too.

A route also records which request (exact path and query string) its key came from (`alias`): `CachedReads`
answers the next such request with a valid body before routing and parameter validation, which cost more than
the hit itself; anything else (a miss, a stale entry, a request no route has validated) goes to the route.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from rasd.serve.security import ASGIApp, Receive, Scope, Send

CACHE_HIT_HEADER = (b"x-rasd-cache", b"hit")  # a body answered from the read cache before routing


def render(content: Any) -> bytes:
    """A JSON body as Starlette's JSONResponse renders it (UTF-8, no spaces)."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class _Entry:
    body: bytes
    generation: int
    made: float
    compute: Callable[[], bytes] | None = None  # how it was made: `peek` refreshes it with this


class ReadCache:
    """Rendered GET bodies, at most `max_entries` (least recently used evicted), valid as described above."""

    def __init__(self, generation: Callable[[], int], *, max_entries: int = 1024, stale_seconds: float = 2.0,
                 poll_seconds: float = 0.5) -> None:
        self._read_generation = generation
        self._max = max_entries
        self._stale = stale_seconds
        self._poll = poll_seconds
        self._lock = threading.Lock()
        self._poll_lock = threading.Lock()
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._inflight: dict[Hashable, threading.Event] = {}
        self._aliases: OrderedDict[Hashable, Hashable] = OrderedDict()  # a validated request -> its key
        self._generation = (0, float("-inf"))  # (value, when read)
        self._epoch = 0  # raised by clear(): a computation begun before it is not kept
        self._inputs = threading.local()  # per thread: the oldest (generation, made) a computation has read
        self.hits = 0
        self.misses = 0

    def generation(self) -> int:
        """The store's generation as last read (read again when older than `poll_seconds`)."""
        value, when = self._generation
        now = time.monotonic()
        if now - when < self._poll:
            return value
        with self._poll_lock:
            value, when = self._generation
            if now - when >= self._poll:
                value = self._read_generation()
                self._generation = (value, time.monotonic())
            return value

    def clear(self) -> None:
        """Forget every entry and the generation (after a write through this process)."""
        with self._lock:
            self._entries.clear()
            self._epoch += 1
            self._generation = (0, float("-inf"))

    def peek(self, key: Hashable) -> bytes | None:
        """The body for `key` when it can be served without the store (valid as `get` would find it, with the
        generation read less than `poll_seconds` ago); None when `get` is needed. Cheap enough for the event
        loop: a cache hit then never waits for a worker thread. An entry between `stale_seconds` and twice that
        old, of an older generation, is served too while a background thread recomputes it, as `get` does."""
        gen, when = self._generation
        now = time.monotonic()
        if now - when >= self._poll:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            refresh = None
            if not (entry.generation == gen or now - entry.made < self._stale or key in self._inflight):
                if entry.compute is None or now - entry.made >= 2 * self._stale:
                    return None
                refresh = self._begin(key)
            self._entries.move_to_end(key)
            self.hits += 1
        if refresh is not None and entry.compute is not None:
            threading.Thread(target=self._compute, args=(key, entry.compute, gen, *refresh), daemon=True).start()
        return entry.body

    def _begin(self, key: Hashable) -> tuple[int, threading.Event]:
        """Mark `key` as being computed (the caller holds the lock): the epoch and the event its waiters wait on."""
        done = self._inflight[key] = threading.Event()
        self.misses += 1
        return self._epoch, done

    def alias(self, request: Hashable, key: Hashable) -> None:
        """Record that `request` (a route's validated path and query string) is answered by `key`."""
        with self._lock:
            self._aliases[request] = key
            self._aliases.move_to_end(request)
            while len(self._aliases) > self._max:
                self._aliases.popitem(last=False)

    def peek_request(self, request: Hashable) -> bytes | None:
        """`peek` for the key a route recorded for `request`; None when there is none."""
        key = self._aliases.get(request)
        return None if key is None else self.peek(key)

    def get(self, key: Hashable, compute: Callable[[], bytes], *, strict: bool = False,
            fresh: bool = False) -> bytes:
        """The body for `key`: cached if still valid, else computed by `compute` (once for concurrent callers).

        An entry between `stale_seconds` and twice that old, of an older generation, is returned as it is while
        one background thread recomputes it (no request waits for the refresh of a key in steady use); older
        than that it is recomputed before it is returned. `strict`: valid only at the current generation, and
        never returned while being recomputed. `fresh`: valid at the current generation or younger than
        `stale_seconds`, never returned stale while being recomputed (a count a page is built from: a page is
        stamped as old as its count, so a stale count would make a page that is stale as soon as it is made)."""
        gen = self.generation()
        while True:
            with self._lock:
                entry = self._entries.get(key)
                age = time.monotonic() - entry.made if entry is not None else float("inf")
                valid = entry is not None and (entry.generation == gen or (not strict and age < self._stale))
                waiting = self._inflight.get(key)
                if entry is not None and (valid or (waiting is not None and not (strict or fresh))):
                    self._entries.move_to_end(key)
                    self.hits += 1
                    self._read(entry)
                    return entry.body
                if waiting is None:
                    epoch, done = self._begin(key)
                    break
            waiting.wait()  # being computed by another request: take its result
        if entry is not None and not (strict or fresh) and age < 2 * self._stale:
            threading.Thread(target=self._compute, args=(key, compute, gen, epoch, done), daemon=True).start()
            self._read(entry)
            return entry.body
        return self._compute(key, compute, gen, epoch, done)

    def _read(self, entry: _Entry) -> None:
        """Note that the computation under way in this thread (if any) used `entry`: what it makes is no newer."""
        oldest = getattr(self._inputs, "oldest", None)
        if oldest is not None:
            self._inputs.oldest = (min(oldest[0], entry.generation), min(oldest[1], entry.made))

    def _compute(self, key: Hashable, compute: Callable[[], bytes], gen: int, epoch: int,
                 done: threading.Event) -> bytes:
        """Compute the body for `key` at generation `gen` and keep it (unless cleared meanwhile), stamped with the
        generation and time of the oldest entry it read (a page built on a cached count is as old as the count)."""
        outer = getattr(self._inputs, "oldest", None)
        self._inputs.oldest = (gen, time.monotonic())
        try:
            body = compute()
            made_gen, made = self._inputs.oldest
            with self._lock:
                if epoch == self._epoch:
                    self._entries[key] = _Entry(body, made_gen, made, compute)
                    self._entries.move_to_end(key)
                    while len(self._entries) > self._max:
                        self._entries.popitem(last=False)
            return body
        finally:
            inner = self._inputs.oldest
            self._inputs.oldest = None if outer is None else (min(outer[0], inner[0]), min(outer[1], inner[1]))
            with self._lock:
                del self._inflight[key]
            done.set()


def cached(cache: ReadCache | None, key: Hashable, compute: Callable[[], Any]) -> bytes:
    """The rendered body of `compute()`, through `cache` when there is one."""
    if cache is None:
        return render(compute())
    return cache.get(key, lambda: render(compute()))


class CachedReads:
    """ASGI middleware: a GET whose path and query string a route has validated (`ReadCache.alias`) and whose
    body is valid in the cache is answered here, as the route would answer it (200, application/json)."""

    def __init__(self, app: ASGIApp, cache: ReadCache) -> None:
        self.app = app
        self.cache = cache

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "GET":
            body = self.cache.peek_request((scope["path"], scope["query_string"]))
            if body is not None:
                await send({"type": "http.response.start", "status": 200,
                            "headers": [(b"content-length", b"%d" % len(body)),
                                        (b"content-type", b"application/json"), CACHE_HIT_HEADER]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)

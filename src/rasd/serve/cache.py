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

What an entry depends on (`scope`, schema version 18, `rasd.store.changes`): `ANY_WRITE` (the default) holds only
at its generation; `CANONICAL` (a count of canonical events) holds while the set of canonical events has not
changed since its generation, whatever reports were added; `HAPPENINGS` (a page of canonical events) holds while
that set has not changed and none of the happenings it showed (`note_happenings`) got a report. With `changes`
the cache polls, besides the generation, the canonical set's generation and the happenings changed since its last
poll, kept as happening -> generation of its last change (reset, with every page older than the reset counting as
changed, when the store's log no longer reaches back or the map grows past `_MAX_CHANGED`). An entry kept across
writes counts as made at the start of the last poll it was found to hold at (no write that made it old can have
been committed before that), so the lag bound above holds for it too.
"""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import Any

from rasd.serve.security import ASGIApp, Receive, Scope, Send
from rasd.store.changes import Seen

CACHE_HIT_HEADER = (b"x-rasd-cache", b"hit")  # a body answered from the read cache before routing
ANY_WRITE, CANONICAL, HAPPENINGS = "any write", "canonical set", "happenings"  # what an entry depends on
_MAX_CHANGED = 200_000  # happenings remembered as changed (then forgotten, every older page counting as changed)


def render(content: Any) -> bytes:
    """A JSON body as Starlette's JSONResponse renders it (UTF-8, no spaces)."""
    return json.dumps(content, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")).encode()


@dataclass(frozen=True, slots=True)
class _Entry:
    body: bytes
    generation: int
    made: float
    compute: Callable[[], bytes] | None = None  # how it was made: `peek` refreshes it with this
    scope: str = ANY_WRITE
    happenings: frozenset[str] = frozenset()  # HAPPENINGS: the happenings it showed


@dataclass(frozen=True, slots=True)
class _State:
    """The writes as last polled: the generation, the canonical set's generation, when it was read."""

    generation: int
    canonical: int
    when: float


_NEVER = _State(0, 0, float("-inf"))


class ReadCache:
    """Rendered GET bodies, at most `max_entries` (least recently used evicted), valid as described above.
    `generation`: the store's generation; `changes`: what the writes changed since a generation (`Store.changes_since`;
    without it every write changes everything)."""

    def __init__(self, generation: Callable[[], int], *, max_entries: int = 1024, stale_seconds: float = 2.0,
                 poll_seconds: float = 0.5, changes: Callable[[int | None], Seen] | None = None) -> None:
        self._read_generation = generation
        self._read_changes = changes
        self._max = max_entries
        self._stale = stale_seconds
        self._poll = poll_seconds
        self._lock = threading.Lock()
        self._poll_lock = threading.Lock()
        self._entries: OrderedDict[Hashable, _Entry] = OrderedDict()
        self._inflight: dict[Hashable, threading.Event] = {}
        self._aliases: OrderedDict[Hashable, Hashable] = OrderedDict()  # a validated request -> its key
        self._state = _NEVER
        self._verified: dict[Hashable, float] = {}  # key -> start of the last poll its entry was found to hold at
        self._changed: dict[str, int] = {}  # happening -> generation of its last change seen
        self._floor = 0  # a page made before this generation counts as changed (the map was reset)
        self._epoch = 0  # raised by clear(): a computation begun before it is not kept
        self._inputs = threading.local()  # per thread: the oldest (generation, made) a computation has read
        self.hits = 0
        self.misses = 0

    def generation(self) -> int:
        """The store's generation as last read (read again, with what changed, when older than `poll_seconds`)."""
        state = self._state
        now = time.monotonic()
        if now - state.when < self._poll:
            return state.generation
        with self._poll_lock:
            state = self._state
            if now - state.when >= self._poll:
                started = time.monotonic()
                if self._read_changes is not None:
                    seen = self._read_changes(None if state is _NEVER else state.generation)
                else:  # every write changes everything
                    seen = Seen(g := self._read_generation(), g)
                self._learn(seen, started)
            return self._state.generation

    def _learn(self, seen: Seen, started: float) -> None:
        """Take in the answer of a poll begun at `started`: the happenings changed, the generations (under the
        entries' lock)."""
        with self._lock:
            if not seen.complete or len(self._changed) + len(seen.happenings) > _MAX_CHANGED:
                self._changed.clear()
                self._floor = seen.generation
            else:
                changed = self._changed
                for happening, gen in seen.happenings:
                    if gen > changed.get(happening, -1):
                        changed[happening] = gen
            self._state = _State(seen.generation, seen.canonical, started)

    def _check(self, key: Hashable, entry: _Entry, state: _State) -> tuple[bool, float]:
        """Whether `entry` (of `key`) holds at `state`, and since when it counts as made: when it was made, or, when
        it held at a later poll, that poll's start (no write that makes it old can have been committed before it, so
        the lag bound holds for an entry kept across many writes). The caller holds the lock."""
        if self._valid(entry, state):
            self._verified[key] = state.when
            return True, max(entry.made, state.when)
        return False, max(entry.made, self._verified.get(key, entry.made))

    def _valid(self, entry: _Entry, state: _State) -> bool:
        """Whether `entry` holds at `state` (the caller holds the lock): its generation, or what it depends on
        unchanged since."""
        if entry.generation == state.generation or entry.scope == ANY_WRITE:
            return entry.generation == state.generation
        if state.canonical > entry.generation:
            return False
        if entry.scope == CANONICAL:
            return True
        if entry.generation < self._floor:
            return False
        changed = self._changed
        return not any(changed.get(h, -1) > entry.generation for h in entry.happenings)

    def clear(self) -> None:
        """Forget every entry and the generation (after a write through this process)."""
        with self._lock:
            self._entries.clear()
            self._verified.clear()
            self._epoch += 1
            self._state = _NEVER

    def peek(self, key: Hashable) -> bytes | None:
        """The body for `key` when it can be served without the store (valid as `get` would find it, with the
        generation read less than `poll_seconds` ago); None when `get` is needed. Cheap enough for the event
        loop: a cache hit then never waits for a worker thread. An entry between `stale_seconds` and twice that
        old, no longer valid, is served too while a background thread recomputes it, as `get` does."""
        state = self._state
        now = time.monotonic()
        if now - state.when >= self._poll:
            return None
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            refresh = None
            holds, since = self._check(key, entry, state)
            if not (holds or now - since < self._stale or key in self._inflight):
                if entry.compute is None or now - since >= 2 * self._stale:
                    return None
                refresh = self._begin(key)
            self._entries.move_to_end(key)
            self.hits += 1
        if refresh is not None and entry.compute is not None:
            threading.Thread(target=self._compute, args=(key, entry.compute, state.generation, *refresh, entry.scope),
                             daemon=True).start()
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
            fresh: bool = False, scope: str = ANY_WRITE) -> bytes:
        """The body for `key`: cached if still valid, else computed by `compute` (once for concurrent callers).

        An entry between `stale_seconds` and twice that old, no longer valid, is returned as it is while one
        background thread recomputes it (no request waits for the refresh of a key in steady use); older than
        that it is recomputed before it is returned. `strict`: valid only while what it depends on holds, and
        never returned while being recomputed. `fresh`: valid, or younger than `stale_seconds`, never returned
        stale while being recomputed (a count a page is built from: a page is stamped as old as a count it read
        stale, so a stale count would make a page that is stale as soon as it is made). `scope`: what the entry
        depends on (ANY_WRITE, CANONICAL, HAPPENINGS: see the module)."""
        gen = self.generation()
        while True:
            with self._lock:
                entry = self._entries.get(key)
                holds, since = self._check(key, entry, self._state) if entry is not None else (False, float("-inf"))
                age = time.monotonic() - since
                valid = holds or (entry is not None and not strict and age < self._stale)
                waiting = self._inflight.get(key)
                if entry is not None and (valid or (waiting is not None and not (strict or fresh))):
                    self._entries.move_to_end(key)
                    self.hits += 1
                    self._read(entry, holds, since)
                    return entry.body
                if waiting is None:
                    epoch, done = self._begin(key)
                    break
            waiting.wait()  # being computed by another request: take its result
        if entry is not None and not (strict or fresh) and age < 2 * self._stale:
            threading.Thread(target=self._compute, args=(key, compute, gen, epoch, done, scope), daemon=True).start()
            self._read(entry, False, since)
            return entry.body
        return self._compute(key, compute, gen, epoch, done, scope)

    def note_happenings(self, happenings: Iterable[str]) -> None:
        """Record, from inside a HAPPENINGS computation, the happenings (canonical uids) its body shows."""
        self._inputs.happenings = frozenset(happenings)

    def _read(self, entry: _Entry, holds: bool, since: float) -> None:
        """Note that the computation under way in this thread (if any) used `entry` (counting as made at `since`):
        what it makes is no newer, unless the entry still holds (then it is as good as one made now)."""
        oldest = getattr(self._inputs, "oldest", None)
        if oldest is not None and not holds:
            self._inputs.oldest = (min(oldest[0], entry.generation), min(oldest[1], since))

    def _compute(self, key: Hashable, compute: Callable[[], bytes], gen: int, epoch: int,
                 done: threading.Event, scope: str = ANY_WRITE) -> bytes:
        """Compute the body for `key` at generation `gen` and keep it (unless cleared meanwhile), stamped with the
        generation and time of the oldest entry it read stale (a page built on a stale count is as old as the
        count), with what it depends on (`scope`; a HAPPENINGS body without `note_happenings` is kept as ANY_WRITE)."""
        outer = getattr(self._inputs, "oldest", None), getattr(self._inputs, "happenings", None)
        self._inputs.oldest = (gen, time.monotonic())
        self._inputs.happenings = None
        try:
            body = compute()
            made_gen, made = self._inputs.oldest
            happenings = self._inputs.happenings
            if scope == HAPPENINGS and happenings is None:
                scope = ANY_WRITE
            with self._lock:
                if epoch == self._epoch:
                    self._entries[key] = _Entry(body, made_gen, made, compute, scope, happenings or frozenset())
                    self._entries.move_to_end(key)
                    self._verified.pop(key, None)
                    while len(self._entries) > self._max:
                        self._verified.pop(self._entries.popitem(last=False)[0], None)
            return body
        finally:
            inner = self._inputs.oldest
            self._inputs.oldest = None if outer[0] is None else (min(outer[0][0], inner[0]), min(outer[0][1], inner[1]))
            self._inputs.happenings = outer[1]
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

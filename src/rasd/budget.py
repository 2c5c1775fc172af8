"""A per-document time budget: the pipeline sets a deadline for the document it works on, and checks it between
stages and inside the loops that grow with the document (sentences, drafts, merges); past it, extraction stops
with TimeBudgetExceeded instead of running on (a runaway document fails alone, the process goes on)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# (deadline on time.monotonic(), the budget in seconds) of the document being extracted, or None
_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("rasd_deadline", default=None)

# the default budget of `rasd extract`: seconds per 100 KB of text, and at least MIN_SECONDS
SECONDS_PER_100KB = 5.0
MIN_SECONDS = 5.0


class TimeBudgetExceeded(RuntimeError):
    """Extraction of one document took longer than its time budget."""

    def __init__(self, budget: float, where: str) -> None:
        super().__init__(f"extraction over its time budget of {budget:g} s (stopped in {where})")
        self.budget = budget
        self.where = where


def default_budget(n_chars: int) -> float:
    """The default budget for a text of n_chars characters: SECONDS_PER_100KB per 100 KB, at least MIN_SECONDS."""
    return max(MIN_SECONDS, SECONDS_PER_100KB * n_chars / 100_000)


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Extraction inside the block stops with TimeBudgetExceeded after `seconds` (None: no budget)."""
    if seconds is None:
        yield
        return
    token = _DEADLINE.set((time.monotonic() + seconds, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check(where: str) -> None:
    """Raises TimeBudgetExceeded when the current document's budget is spent."""
    d = _DEADLINE.get()
    if d is not None and time.monotonic() > d[0]:
        raise TimeBudgetExceeded(d[1], where)

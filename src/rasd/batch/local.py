"""The local engine: a multiprocessing pool on one machine, no Java.

Each worker (a spawned process) loads the pipeline once, in the pool initializer; units go out in order through `imap`
(one unit per message: a unit is already a batch of documents), results come back in input order.
One worker runs in this process, without a pool.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Any

from .work import Task, UnitStats, load_pipeline, run_unit


def _init_worker(factory: str) -> None:
    load_pipeline(factory)


def _context() -> Any:
    """spawn: workers start clean (no locks forked from the caller's threads, such as a progress bar's) and
    load the pipeline themselves. spawn cannot re-run a main script that is not a file (`python - <<EOF`):
    fork then."""
    path = getattr(sys.modules.get("__main__"), "__file__", None)
    if path is not None and not os.path.exists(path) and "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def run_local(tasks: Sequence[Task], workers: int = 1) -> Iterator[UnitStats]:
    """Run the tasks on `workers` processes; yields each unit's stats in unit order."""
    if workers < 1:
        raise ValueError("workers must be at least 1")
    if not tasks:
        return
    factory = tasks[0].factory
    if workers == 1:
        pipe = load_pipeline(factory)
        for task in tasks:
            yield run_unit(task, pipe)
        return
    with _context().Pool(min(workers, len(tasks)), initializer=_init_worker, initargs=(factory,)) as pool:
        yield from pool.imap(run_unit, tasks, chunksize=1)

"""The local engine: a multiprocessing pool on one machine, no Java.

Each worker (a spawned process) loads the pipeline once, in the pool initializer; units go out in order through `imap`
(one unit per message: a unit is already a batch of documents), results come back in input order.
One worker runs in this process, without a pool.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

from .work import Task, UnitStats, load_pipeline, run_unit


def _init_worker(factory: str) -> None:
    load_pipeline(factory)


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
    # spawn: workers start clean (no forked locks from the caller's threads) and load the pipeline themselves
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(min(workers, len(tasks)), initializer=_init_worker, initargs=(factory,)) as pool:
        yield from pool.imap(run_unit, tasks, chunksize=1)

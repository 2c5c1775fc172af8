"""The Spark engine: the same units and the same `run_unit` as the local engine, in Spark tasks.

Units are parallelized in order into partitions; `mapPartitions` runs each partition's units in a Python
worker, which loads the pipeline once (cached per worker process, and Spark reuses its Python workers),
never per row. Each task writes its units' part files straight to OUTPUT through pyarrow's filesystems
(a local path, or an s3://, hdfs://, gs:// URI that every executor can reach) and returns only small
statistics, so the driver never holds documents. The output is the same, byte for byte, as the local
engine's: part files are named by unit, not by partition or attempt.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from .work import Task, UnitStats, load_pipeline, run_unit

DEFAULT_MASTER = "local[*]"


def _run_partition(tasks: Iterable[Task]) -> Iterator[UnitStats]:
    pipe = None
    for task in tasks:
        if pipe is None:
            pipe = load_pipeline(task.factory)
        yield run_unit(task, pipe)


def spark_session(master: str = DEFAULT_MASTER, app_name: str = "rasd batch", conf: dict[str, str] | None = None) -> Any:
    """A local Spark session for the batch job (its own logging quietened)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName(app_name)
    settings = {"spark.ui.showConsoleProgress": "false"}
    if master.startswith("local"):
        # the Python workers must be this interpreter (with rasd installed), not whatever `python3` is
        settings.update({"spark.pyspark.python": os.environ.get("PYSPARK_PYTHON", sys.executable),
                         "spark.ui.enabled": "false"})
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    return session


def run_spark(tasks: Sequence[Task], *, master: str = DEFAULT_MASTER, partitions: int | None = None,
              session: Any = None) -> list[UnitStats]:
    """Run the tasks as one Spark job; returns the units' stats in unit order.

    `partitions` defaults to twice the cluster's cores (fewer, longer tasks cost less to schedule), and more
    when needed to keep a task at no more than 20 units.
    A given `session` is used and left running; otherwise one is started on `master` and stopped.
    """
    if not tasks:
        return []
    own = session is None
    spark = spark_session(master) if own else session
    try:
        sc = spark.sparkContext
        default = max(2 * sc.defaultParallelism, -(-len(tasks) // 20))
        n = max(1, min(partitions or default, len(tasks)))
        stats: list[UnitStats] = sc.parallelize(list(tasks), numSlices=n).mapPartitions(_run_partition).collect()
    finally:
        if own:
            spark.stop()
    return sorted(stats, key=lambda s: s.index)

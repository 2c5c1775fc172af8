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
from pathlib import Path
from typing import Any

from .work import Task, UnitStats, load_pipeline, run_unit

DEFAULT_MASTER = "local[*]"
# log4j 2 configuration of the driver JVM: Spark's own logging at the level of the system property
# rasd.spark.level (WARN unless `rasd batch --verbose`), so that a small job does not print pages of INFO
LOG4J2_CONFIG = Path(__file__).with_name("log4j2.properties")


def _run_partition(tasks: Iterable[Task]) -> Iterator[UnitStats]:
    pipe = None
    for task in tasks:
        if pipe is None:
            pipe = load_pipeline(task.factory)
        yield run_unit(task, pipe)


def spark_session(master: str = DEFAULT_MASTER, app_name: str = "rasd batch", conf: dict[str, str] | None = None,
                  log_level: str = "WARN") -> Any:
    """A Spark session on `master` whose own logging is at `log_level` (WARN: warnings and errors only)."""
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.master(master).appName(app_name)
    java_options = f"-Dlog4j2.configurationFile={LOG4J2_CONFIG.as_uri()} -Drasd.spark.level={log_level}"
    settings = {"spark.ui.showConsoleProgress": "false", "spark.driver.extraJavaOptions": java_options,
                "spark.executor.extraJavaOptions": java_options}
    if master.startswith("local"):
        # the Python workers must be this interpreter (with rasd installed), not whatever `python3` is
        settings.update({"spark.pyspark.python": os.environ.get("PYSPARK_PYTHON", sys.executable),
                         "spark.ui.enabled": "false"})
    settings.update(conf or {})
    for key, value in settings.items():
        builder = builder.config(key, value)
    session = builder.getOrCreate()
    session.sparkContext.setLogLevel(log_level)
    return session


def run_spark(tasks: Sequence[Task], *, master: str = DEFAULT_MASTER, partitions: int | None = None,
              session: Any = None, log_level: str = "WARN") -> list[UnitStats]:
    """Run the tasks as one Spark job; returns the units' stats in unit order.

    `partitions` defaults to twice the cluster's cores (fewer, longer tasks cost less to schedule), and more
    when needed to keep a task at no more than 20 units.
    A given `session` is used and left running; otherwise one is started on `master` and stopped.
    """
    if not tasks:
        return []
    own = session is None
    spark = spark_session(master, log_level=log_level) if own else session
    try:
        sc = spark.sparkContext
        default = max(2 * sc.defaultParallelism, -(-len(tasks) // 20))
        n = max(1, min(partitions or default, len(tasks)))
        stats: list[UnitStats] = sc.parallelize(list(tasks), numSlices=n).mapPartitions(_run_partition).collect()
    finally:
        if own:
            spark.stop()
    return sorted(stats, key=lambda s: s.index)

"""`rasd batch`: the pipeline over large inputs, on a local process pool or on Apache Spark (DESIGN.md §7).

Needs pyarrow (and pyspark for the Spark engine, warcio for WARC inputs): `pip install rasd[spark]`.
"""

from __future__ import annotations

from .inputs import BatchInputError, Fields, Item, Unit, plan_units, read_unit
from .job import BatchOptions, BatchResult, run_batch
from .output import OutputError, OutputSpec, read_table
from .rows import TABLES, record_rows
from .work import Task, UnitStats, load_pipeline, run_unit

__all__ = [
    "TABLES", "BatchInputError", "BatchOptions", "BatchResult", "Fields", "Item", "OutputError", "OutputSpec",
    "Task", "Unit", "UnitStats", "load_pipeline", "plan_units", "read_table", "read_unit", "record_rows",
    "run_batch", "run_unit",
]

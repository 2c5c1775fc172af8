"""`run_batch`: plan the units, run them on an engine, write the manifest."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from .inputs import DEFAULT_UNIT_SIZE, Fields, InputKind, plan_units, resolve
from .output import MANIFEST_SCHEMA, OutputFormat, part_name, prepare_output, write_manifest
from .work import DEFAULT_FACTORY, Task, UnitStats

Engine = Literal["local", "spark"]
ENGINES: tuple[str, ...] = ("local", "spark")
STAT_FIELDS = ("items", "documents", "events", "counts", "mentions", "errors", "bytes")


@dataclass(frozen=True, slots=True)
class BatchOptions:
    """What a batch run reads, writes and how it cuts the work (engine, unit size, overwrite, limits)."""
    input: str
    output: str
    engine: Engine = "local"
    format: OutputFormat = "parquet"
    input_kind: InputKind | None = None
    workers: int = 1
    master: str = "local[*]"
    partitions: int | None = None
    unit_size: int = DEFAULT_UNIT_SIZE
    fields: Fields = Fields()
    overwrite: bool = False
    factory: str = DEFAULT_FACTORY


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a batch run did: units, documents, events, errors and where it wrote them."""
    output: str
    units: int
    totals: dict[str, int]
    manifest: dict[str, Any]


def run_batch(opts: BatchOptions, progress: Callable[[UnitStats, int], None] | None = None,
              spark_session: Any = None) -> BatchResult:
    """Run a batch job. Raises BatchInputError / OutputError for an unusable input or output; bad records
    only ever become rows of the errors table."""
    units = plan_units(opts.input, opts.input_kind, opts.unit_size)
    spec = prepare_output(opts.output, opts.format, overwrite=opts.overwrite)
    tasks = [Task(unit=u, output=spec, fields=opts.fields, factory=opts.factory) for u in units]
    stats: list[UnitStats] = []
    if opts.engine == "spark":
        from .spark import run_spark

        stats = run_spark(tasks, master=opts.master, partitions=opts.partitions, session=spark_session)
        if progress:
            for s in stats:
                progress(s, len(tasks))
    else:
        from .local import run_local

        for s in run_local(tasks, opts.workers):
            stats.append(s)
            if progress:
                progress(s, len(tasks))
    totals = {f: sum(getattr(s, f) for s in stats) for f in STAT_FIELDS}
    manifest = {
        "schema": MANIFEST_SCHEMA,
        "input": resolve(opts.input),
        "input_kind": units[0].kind if units else opts.input_kind,
        "format": opts.format,
        "unit_size": opts.unit_size,
        "fields": {"text": opts.fields.text, "id": opts.fields.id, "source": opts.fields.source,
                   "published": opts.fields.published},
        "tables": list(spec.tables),
        "totals": totals,
        "parts": [{"part": part_name(s.index, opts.format), **{f: getattr(s, f) for f in STAT_FIELDS}}
                  for s in stats],
    }
    write_manifest(spec, manifest)
    return BatchResult(output=spec.uri, units=len(units), totals=totals, manifest=manifest)

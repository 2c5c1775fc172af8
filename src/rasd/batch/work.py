"""Processing one unit: read its items, extract each with the pipeline, write the unit's part files.

Both engines call `run_unit`; only how units reach a process differs. The pipeline is loaded once per
process by `load_pipeline` (a cached factory call): by the pool initializer of the local engine, by the
first task a Spark Python worker runs.
"""

from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass
from typing import Any

from ..budget import TimeBudgetExceeded, default_budget
from ..records import with_decode_errors
from .inputs import Fields, Item, Unit, _one_line, read_unit
from .output import OutputSpec, write_jsonl_part, write_parquet_part
from .rows import Row, empty_tables, error_row, record_rows

DEFAULT_FACTORY = "rasd.pipeline:load_for_process"
MAX_TEXT_BYTES = 16_000_000


@dataclass(frozen=True, slots=True)
class UnitStats:
    """What one unit of a batch run held and produced."""
    index: int
    items: int
    documents: int
    events: int
    counts: int
    mentions: int
    errors: int
    bytes: int  # UTF-8 bytes of the texts extracted
    warnings: tuple[str, ...] = ()  # "input record: invalid UTF-8 …" of documents processed despite it


@dataclass(frozen=True, slots=True)
class Task:
    """Everything a process needs to run one unit (small and picklable)."""

    unit: Unit
    output: OutputSpec
    fields: Fields = Fields()
    factory: str = DEFAULT_FACTORY
    max_seconds: float | None = None  # time budget per document (None: budget.default_budget of its length)


def _resolve_factory(spec: str) -> Any:
    module, _, attr = spec.partition(":")
    obj: Any = importlib.import_module(module)
    for part in attr.split("."):
        obj = getattr(obj, part)
    return obj


@functools.lru_cache(maxsize=2)
def load_pipeline(factory: str = DEFAULT_FACTORY) -> Any:
    """The pipeline of this process, loaded on first use (one per process, never per row)."""
    return _resolve_factory(factory)()


@dataclass(frozen=True, slots=True)
class Extracted:
    """One item's outcome: its record, or why it failed; and a warning when it was processed despite a problem."""

    record: Any | None
    reason: str | None = None
    warning: str | None = None


def extract_item(pipe: Any, item: Item, max_seconds: float | None = None) -> Extracted:
    """The item's record or the reason it failed (a bad item never raises); extraction stops past the time
    budget (`max_seconds`, default budget.default_budget of the text's length). Bytes with invalid UTF-8 are
    extracted with each bad sequence replaced, the record noting `decode_errors` and a warning naming them."""
    if item.error is not None:
        return Extracted(None, item.error)
    try:
        if item.text is not None:
            if len(item.text) * 4 > MAX_TEXT_BYTES and len(item.text.encode("utf-8")) > MAX_TEXT_BYTES:
                return Extracted(None, f"text exceeds {MAX_TEXT_BYTES:,} bytes")
            return Extracted(pipe.extract_text(item.text, source=item.source, published=item.published,
                                               max_seconds=max_seconds or default_budget(len(item.text))))
        from ..text.decode import InputError, decode_bytes, describe_offsets

        try:
            decoded = decode_bytes(item.data or b"", item.source, max_bytes=MAX_TEXT_BYTES)
        except InputError as exc:
            return Extracted(None, exc.problem)
        rec = pipe.extract_decoded(decoded, source=item.source, published=item.published,
                                   max_seconds=max_seconds or default_budget(len(decoded.text)))
        warning = None
        if decoded.decode_errors:
            where = item.input if item.record in ("", item.input) else f"{item.input} {item.record}"
            warning = f"{where}: {describe_offsets(decoded.decode_errors)} (each replaced by U+FFFD)"
        return Extracted(with_decode_errors(rec, len(decoded.decode_errors)), warning=warning)
    except TimeBudgetExceeded as exc:
        return Extracted(None, f"{exc}; skipped (--max-seconds sets the budget)")
    except Exception as exc:  # one document's failure is recorded, the job goes on
        return Extracted(None, f"extraction failed: {type(exc).__name__}: {_one_line(str(exc))}")


def run_unit(task: Task, pipe: Any | None = None) -> UnitStats:
    """Extract every item of the unit and write its part files; returns what was written."""
    pipe = pipe if pipe is not None else load_pipeline(task.factory)
    jsonl = task.output.format == "jsonl"
    tables = empty_tables()
    records: list[dict[str, Any]] = []
    errors: list[Row] = tables["errors"]
    items = docs = nbytes = 0
    warnings: list[str] = []
    for item in read_unit(task.unit, task.fields):
        items += 1
        out = extract_item(pipe, item, task.max_seconds)
        rec, reason = out.record, out.reason
        if out.warning is not None:
            warnings.append(out.warning)
        if rec is None:
            errors.append(error_row(input=item.input, record=item.record, input_id=item.input_id,
                                    reason=reason or "unknown error"))
            continue
        docs += 1
        nbytes += len(rec.text.encode("utf-8"))
        rows = record_rows(rec, input=item.input, record=item.record, input_id=item.input_id)
        for name in ("documents", "events", "counts", "mentions"):
            tables[name].extend(rows[name])
        if jsonl:
            obj = rec.to_json()
            obj["input"] = {"input": item.input, "record": item.record, "id": item.input_id}
            records.append(obj)
    if jsonl:
        write_jsonl_part(task.output, task.unit.index, records, errors)
    else:
        write_parquet_part(task.output, task.unit.index, tables)
    return UnitStats(index=task.unit.index, items=items, documents=docs, events=len(tables["events"]),
                     counts=len(tables["counts"]), mentions=len(tables["mentions"]), errors=len(errors),
                     bytes=nbytes, warnings=tuple(warnings))

"""Batch inputs: planning work units on the driver and reading their items on a worker.

An input is cut into *units* (contiguous slices of JSON Lines, row ranges of Parquet, groups of files of a
directory, whole WARC files). Units are planned from the input alone, so the same input always gives the
same units, whatever the engine or the number of workers; a worker reads a unit's items itself (only the
small `Unit` travels to it). Items carry either text, raw bytes to decode, or the reason they are unusable.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from rasd.isodates import parse_published
from rasd.text.decode import replace_surrogates, shown_name

InputKind = Literal["jsonl", "parquet", "files", "warc"]
INPUT_KINDS: tuple[str, ...] = ("jsonl", "parquet", "files", "warc")

DEFAULT_UNIT_SIZE = 100  # items per unit: small enough to balance two workers on a few thousand articles
DOCUMENT_SUFFIXES = (".txt", ".html", ".htm")
_SCAN_BLOCK = 1 << 22


class BatchInputError(Exception):
    """The input as a whole cannot be read (missing, unknown kind); bad *records* never raise this."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A slice of the input that one task reads and processes; `index` orders the output."""

    index: int
    kind: InputKind
    path: str  # a local absolute path or a filesystem URI (s3://, hdfs://, gs://, file://)
    start: int = 0  # jsonl: byte offset; parquet: first row
    stop: int = 0  # jsonl: byte offset; parquet: row after the last
    first: int = 1  # jsonl: number of the first line
    names: tuple[str, ...] = ()  # files: paths relative to `path`


@dataclass(frozen=True, slots=True)
class Item:
    """One input record: text to extract, bytes to decode first, or an error to report."""

    input: str
    record: str
    source: str
    input_id: str | None = None
    published: str | None = None
    text: str | None = None
    data: bytes | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Fields:
    """The field names of an input table's text, id, source and published date."""
    text: str = "text"
    id: str = "id"
    source: str = "source"
    published: str = "published"


def _filesystem(uri: str) -> tuple[Any, str]:
    from pyarrow import fs as pafs

    if "://" in uri:
        return pafs.FileSystem.from_uri(uri)
    return pafs.LocalFileSystem(), os.path.abspath(uri)


def resolve(uri: str) -> str:
    """A location every worker can use: local paths become absolute, URIs stay as they are."""
    return uri if "://" in uri else os.path.abspath(uri)


def _check_regular(uri: str) -> None:
    """A local input that is neither a regular file nor a directory (a FIFO, socket, device) would block or
    never end: refuse it in one line before anything opens it."""
    if "://" in uri:
        return
    try:
        mode = os.stat(uri).st_mode
    except OSError:
        return  # missing: detect_kind says so
    if not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
        raise BatchInputError(f"{shown_name(uri)}: not a regular file (a FIFO, socket or device): skipped")


def detect_kind(uri: str) -> InputKind:
    """The kind of input at `uri` (JSON Lines, Parquet, WARC, a text file or a directory of them), or InputError."""
    _check_regular(uri)
    fs, path = _filesystem(uri)
    from pyarrow import fs as pafs

    info = fs.get_file_info(path)
    if info.type == pafs.FileType.NotFound:
        raise BatchInputError(f"{uri}: no such file or directory")
    if info.type == pafs.FileType.Directory:
        return "files"
    low = path.lower()
    if low.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    if low.endswith((".parquet", ".pq")):
        return "parquet"
    if low.endswith((".warc", ".warc.gz")):
        return "warc"
    raise BatchInputError(f"{uri}: unknown input kind (expected .jsonl, .parquet, .warc[.gz] or a directory; "
                          "or give --input-format)")


def plan_units(uri: str, kind: InputKind | None = None, unit_size: int = DEFAULT_UNIT_SIZE) -> list[Unit]:
    """Cut the input into units of at most `unit_size` items (WARC files: one unit each)."""
    if unit_size < 1:
        raise ValueError("unit_size must be at least 1")
    _check_regular(uri)
    kind = kind or detect_kind(uri)
    where = resolve(uri)
    try:
        if kind == "jsonl":
            return _plan_jsonl(where, unit_size)
        if kind == "parquet":
            return _plan_parquet(where, unit_size)
        if kind == "files":
            return _plan_files(where, unit_size)
        return [Unit(index=0, kind="warc", path=where)]
    except (OSError, ValueError) as exc:  # pyarrow's ArrowInvalid (a corrupt Parquet file) is a ValueError
        raise BatchInputError(f"{uri}: cannot read as {kind}: {_one_line(str(exc))}") from None


def _plan_jsonl(where: str, unit_size: int) -> list[Unit]:
    fs, path = _filesystem(where)
    units: list[Unit] = []
    start, line, first, in_unit, pos = 0, 1, 1, 0, 0
    tail_open = False  # the last byte read was not a newline
    with fs.open_input_stream(path) as fh:
        while True:
            block = fh.read(_SCAN_BLOCK)
            if not block:
                break
            cut = -1
            while True:
                cut = block.find(b"\n", cut + 1)
                if cut < 0:
                    break
                line += 1
                in_unit += 1
                if in_unit == unit_size:
                    end = pos + cut + 1
                    units.append(Unit(index=len(units), kind="jsonl", path=where, start=start, stop=end, first=first))
                    start, first, in_unit = end, line, 0
            pos += len(block)
            tail_open = not block.endswith(b"\n")
    if pos > start and (in_unit or tail_open):
        units.append(Unit(index=len(units), kind="jsonl", path=where, start=start, stop=pos, first=first))
    return units


def _plan_parquet(where: str, unit_size: int) -> list[Unit]:
    import pyarrow.parquet as pq

    fs, path = _filesystem(where)
    rows = pq.ParquetFile(path, filesystem=fs).metadata.num_rows
    return [Unit(index=i, kind="parquet", path=where, start=s, stop=min(s + unit_size, rows))
            for i, s in enumerate(range(0, rows, unit_size))]


def _plan_files(where: str, unit_size: int) -> list[Unit]:
    from pyarrow import fs as pafs

    fs, path = _filesystem(where)
    infos = fs.get_file_info(pafs.FileSelector(path, recursive=True))
    # a FIFO, socket or device (type Unknown) is listed too: reading it reports it, never opens it
    names = sorted(os.path.relpath(i.path, path) for i in infos
                   if i.type in (pafs.FileType.File, pafs.FileType.Unknown)
                   and i.path.lower().endswith(DOCUMENT_SUFFIXES))
    return [Unit(index=i, kind="files", path=where, names=tuple(names[s:s + unit_size]))
            for i, s in enumerate(range(0, len(names), unit_size))]


# ---- reading a unit's items (on a worker) ----------------------------------------------------------------

def read_unit(unit: Unit, fields: Fields = Fields()) -> Iterator[Item]:
    """The unit's items in input order; a failure to read the rest of the unit becomes one error item."""
    reader = {"jsonl": _read_jsonl, "parquet": _read_parquet, "files": _read_files, "warc": _read_warc}[unit.kind]
    name = os.path.basename(unit.path.rstrip("/")) or unit.path
    done = 0
    try:
        for item in reader(unit, fields, name):
            done += 1
            yield item
    except Exception as exc:  # a truncated or corrupt file must not stop the job
        yield Item(input=unit.path, record=f"unit {unit.index} after {done} records", source=name,
                   error=f"cannot read input: {type(exc).__name__}: {_one_line(str(exc))}")


def _one_line(message: str, limit: int = 300) -> str:
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _scalar_str(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, bool | int | float):
        return json.dumps(value)
    return str(value)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string" if isinstance(value, str) else type(value).__name__


def item_from_mapping(obj: Any, fields: Fields, *, input: str, record: str, name: str) -> Item:
    """An item from one JSON object or Parquet row; an error item when it is unusable."""
    if not isinstance(obj, dict):
        return Item(input=input, record=record, source=name,
                    error=f"record is not a JSON object ({_json_type(obj)})")
    raw_id, source = obj.get(fields.id), obj.get(fields.source)
    input_id = _scalar_str(raw_id) if isinstance(raw_id, str | int | float) and not isinstance(raw_id, bool) else None
    shown_source = replace_surrogates(source) if isinstance(source, str) and source.strip() else None
    source = shown_source or (f"{name}#{input_id}" if input_id is not None else f"{name}:{record}")

    def bad(reason: str) -> Item:
        return Item(input=input, record=record, source=source, input_id=input_id, error=reason)

    if raw_id is not None and input_id is None:  # never stored as a Python repr
        return bad(f"{fields.id!r} is not a string or a number (JSON {_json_type(raw_id)})")
    if obj.get(fields.source) is not None and not isinstance(obj.get(fields.source), str):
        return bad(f"{fields.source!r} is not a string (JSON {_json_type(obj.get(fields.source))})")

    published = None
    raw_pub = obj.get(fields.published)
    if raw_pub is not None and raw_pub != "":
        try:
            published = parse_published(raw_pub)
        except ValueError as exc:
            return bad(str(exc))
    if fields.text not in obj:
        return bad(f"no {fields.text!r} field")
    if obj[fields.text] is None:
        return bad(f"{fields.text!r} is null")
    text = obj[fields.text]
    if not isinstance(text, str):
        return bad(f"{fields.text!r} is not a string (JSON {_json_type(text)})")
    if not text.strip():
        return bad(f"empty {fields.text!r}")
    return Item(input=input, record=record, source=source, input_id=None if input_id is None
                else replace_surrogates(input_id), published=published, text=replace_surrogates(text))


def _read_jsonl(unit: Unit, fields: Fields, name: str) -> Iterator[Item]:
    fs, path = _filesystem(unit.path)
    with fs.open_input_file(path) as fh:
        fh.seek(unit.start)
        data = fh.read(unit.stop - unit.start)
    for n, raw in enumerate(data.split(b"\n"), start=unit.first):
        if not raw.strip():
            continue
        record = f"line {n}"
        try:
            obj = json.loads(raw)
        except UnicodeDecodeError as exc:
            yield Item(input=unit.path, record=record, source=f"{name}:{record}",
                       error=f"invalid UTF-8 at byte {exc.start} of the line")
            continue
        except json.JSONDecodeError as exc:
            yield Item(input=unit.path, record=record, source=f"{name}:{record}",
                       error=f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        yield item_from_mapping(obj, fields, input=unit.path, record=record, name=name)


def _read_parquet(unit: Unit, fields: Fields, name: str) -> Iterator[Item]:
    import pyarrow.parquet as pq

    fs, path = _filesystem(unit.path)
    pf = pq.ParquetFile(path, filesystem=fs)
    present = set(pf.schema_arrow.names)
    cols = [c for c in dict.fromkeys((fields.text, fields.id, fields.source, fields.published)) if c in present]
    meta = pf.metadata
    row0 = 0
    for rg in range(meta.num_row_groups):
        n = meta.row_group(rg).num_rows
        lo, hi = max(unit.start, row0), min(unit.stop, row0 + n)
        if lo < hi:
            table = pf.read_row_group(rg, columns=cols).slice(lo - row0, hi - lo)
            for i, row in enumerate(table.to_pylist(), start=lo):
                yield item_from_mapping(row, fields, input=unit.path, record=f"row {i}", name=name)
        row0 += n
        if row0 >= unit.stop:
            break


def _read_files(unit: Unit, fields: Fields, name: str) -> Iterator[Item]:
    fs, root = _filesystem(unit.path)
    from pyarrow import fs as pafs

    for rel in unit.names:
        if fs.get_file_info(f"{root}/{rel}").type != pafs.FileType.File:
            yield Item(input=unit.path, record=rel, source=rel,
                       error="not a regular file (a FIFO, socket or device): skipped")
            continue
        try:
            with fs.open_input_stream(f"{root}/{rel}") as fh:
                data = fh.read()
        except OSError as exc:
            yield Item(input=unit.path, record=rel, source=rel, error=f"cannot read: {_one_line(str(exc))}")
            continue
        yield Item(input=unit.path, record=rel, source=rel, data=data)


def _read_warc(unit: Unit, fields: Fields, name: str) -> Iterator[Item]:
    from warcio.archiveiterator import ArchiveIterator

    fs, path = _filesystem(unit.path)
    typed = 0
    with fs.open_input_stream(path) as fh:
        for n, rec in enumerate(ArchiveIterator(fh), start=1):
            typed += rec.rec_type is not None
            if rec.rec_type != "response":
                continue
            uri = rec.rec_headers.get_header("WARC-Target-URI") or f"{name}:record {n}"
            record = rec.rec_headers.get_header("WARC-Record-ID") or f"record {n}"
            http = rec.http_headers
            if http is not None:
                status = http.get_statuscode()
                ctype = (http.get_header("Content-Type") or "").lower()
                if status != "200" or not (ctype.startswith("text/html") or ctype.startswith("text/plain")
                                           or "xhtml" in ctype):
                    continue  # not an article (redirect, image, script): skipped, not an error
            yield Item(input=unit.path, record=record, source=uri, data=rec.content_stream().read())
    if not typed:
        yield Item(input=unit.path, record="", source=name, error="no WARC record found (not a WARC file?)")

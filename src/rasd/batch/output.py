"""The output directory: one part file per unit and table, and a manifest.

Layout (Parquet): OUTPUT/{documents,events,counts,mentions,errors}/part-NNNNN.parquet; with `--format jsonl`:
OUTPUT/records/part-NNNNN.jsonl (rasd.document/1 records, one a line) and OUTPUT/errors/part-NNNNN.jsonl.
Part numbers are unit numbers, so the files do not depend on the engine or on the number of workers, and
nothing in them depends on time: a second run over the same input writes the same bytes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

from .inputs import _filesystem, resolve
from .rows import TABLES, Row

OutputFormat = Literal["parquet", "jsonl"]
OUTPUT_FORMATS: tuple[str, ...] = ("parquet", "jsonl")
MANIFEST = "_rasd_batch.json"
MANIFEST_SCHEMA = "rasd.batch/1"
PARQUET_COMPRESSION = "zstd"


class OutputError(Exception):
    """The output location cannot be used."""


@dataclass(frozen=True, slots=True)
class OutputSpec:
    """Where a batch run writes and in which format (Parquet tables or JSON Lines)."""
    uri: str
    format: OutputFormat = "parquet"

    @property
    def tables(self) -> tuple[str, ...]:
        """The tables this output writes."""
        return tuple(TABLES) if self.format == "parquet" else ("records", "errors")


def prepare_output(uri: str, fmt: OutputFormat, *, overwrite: bool) -> OutputSpec:
    """Create the output directory; refuse a non-empty one unless `overwrite` (which clears rasd's tables)."""
    from pyarrow import fs as pafs

    spec = OutputSpec(uri=resolve(uri), format=fmt)
    fs, path = _filesystem(spec.uri)
    info = fs.get_file_info(path)
    if info.type == pafs.FileType.File:
        raise OutputError(f"{uri}: exists and is a file, not a directory")
    if info.type == pafs.FileType.Directory:
        entries = fs.get_file_info(pafs.FileSelector(path, recursive=False))
        if entries and not overwrite:
            raise OutputError(f"{uri}: exists and is not empty (give --overwrite to replace rasd's tables in it)")
        ours = set(TABLES) | {"records", MANIFEST}
        for e in entries:
            if e.base_name in ours:
                if e.type == pafs.FileType.Directory:
                    fs.delete_dir(e.path)
                else:
                    fs.delete_file(e.path)
    fs.create_dir(path, recursive=True)
    for table in spec.tables:
        fs.create_dir(f"{path}/{table}", recursive=True)
    return spec


def part_name(unit_index: int, fmt: OutputFormat) -> str:
    """The file name of one unit's part of a table."""
    return f"part-{unit_index:05d}.{'parquet' if fmt == 'parquet' else 'jsonl'}"


def arrow_schema(table: str) -> Any:
    """The Arrow schema of one output table."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "int32": pa.int32(), "float64": pa.float64()}
    return pa.schema([pa.field(name, types[t]) for name, t in TABLES[table]])


def write_parquet_part(spec: OutputSpec, unit_index: int, tables: dict[str, list[Row]]) -> None:
    """Writes one unit's rows of one table as a Parquet part file (atomically)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, path = _filesystem(spec.uri)
    for table in TABLES:
        data = pa.Table.from_pylist(tables.get(table, []), schema=arrow_schema(table))
        pq.write_table(data, f"{path}/{table}/{part_name(unit_index, 'parquet')}", filesystem=fs,
                       compression=PARQUET_COMPRESSION)


def write_jsonl_part(spec: OutputSpec, unit_index: int, records: list[dict[str, Any]], errors: list[Row]) -> None:
    """Writes one unit's rows of one table as a JSON Lines part file (atomically)."""
    fs, path = _filesystem(spec.uri)
    for table, rows in (("records", records), ("errors", errors)):
        body = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows).encode("utf-8")
        with fs.open_output_stream(f"{path}/{table}/{part_name(unit_index, 'jsonl')}") as fh:
            fh.write(body)


def write_manifest(spec: OutputSpec, manifest: dict[str, Any]) -> None:
    """Writes the run's manifest (schema, counts, parts) next to its tables."""
    fs, path = _filesystem(spec.uri)
    body = (json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    with fs.open_output_stream(f"{path}/{MANIFEST}") as fh:
        fh.write(body)


def read_table(uri: str, table: str) -> Any:
    """A table of a batch output as one pyarrow Table, rows in input order (for tests and users)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    fs, path = _filesystem(resolve(uri))
    from pyarrow import fs as pafs

    infos = fs.get_file_info(pafs.FileSelector(f"{path}/{table}", recursive=False))
    parts = sorted(i.path for i in infos if i.base_name.endswith(".parquet"))
    if not parts:
        return arrow_schema(table).empty_table()
    return pa.concat_tables(pq.read_table(p, filesystem=fs, schema=arrow_schema(table)) for p in parts)

"""Reading the package's language-resource data files (YAML, TSV) with errors that name file and line."""

from __future__ import annotations

import csv
import io
from importlib import resources
from pathlib import Path
from typing import Any

import yaml


class ResourceError(ValueError):
    """A data file is missing, malformed or inconsistent; the message names the file and the problem."""

    def __init__(self, file: str, problem: str, line: int | None = None) -> None:
        where = f"{file}:{line}" if line is not None else file
        super().__init__(f"{where}: {problem}")
        self.file = file
        self.line = line
        self.problem = problem


def data_path(name: str) -> Path:
    """Path of a packaged data file (src/rasd/resources/data/NAME)."""
    return Path(str(resources.files("rasd.resources").joinpath("data").joinpath(name)))


def read_text(name_or_path: str | Path) -> tuple[str, str]:
    """(text, display name) of a packaged data file name or of an explicit path."""
    path = Path(name_or_path)
    if not path.is_absolute() and not path.exists():
        path = data_path(str(name_or_path))
    try:
        return path.read_text(encoding="utf-8"), str(path)
    except OSError as exc:
        raise ResourceError(str(path), f"cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ResourceError(str(path), f"not UTF-8: {exc.reason}") from exc


class UniqueKeyLoader(yaml.SafeLoader):
    """yaml.SafeLoader that refuses a key given twice in one mapping (SafeLoader keeps the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """A mapping of the YAML node; a key given twice is an error naming its lines."""
        if isinstance(node, yaml.MappingNode):
            self.flatten_mapping(node)
            first: dict[tuple[str, str], int] = {}
            for key, _value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    line = first.setdefault((key.tag, key.value), key.start_mark.line + 1)
                    if line != key.start_mark.line + 1:
                        raise yaml.constructor.ConstructorError(
                            None, None, f"key {key.value!r} given twice (first on line {line})", key.start_mark)
        return super().construct_mapping(node, deep=deep)


def load_yaml(name_or_path: str | Path, schema: str | None = None) -> tuple[Any, str]:
    """(data, display name) of a YAML file; with `schema` (a file kind of rasd.resources.schemas) the data must match
    that schema: an unknown key, a misspelled category, a wrong type or a key given twice is a ResourceError."""
    text, shown = read_text(name_or_path)
    try:
        data = yaml.load(text, Loader=UniqueKeyLoader) if schema is not None else yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ResourceError(shown, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                            line=mark.line + 1 if mark is not None else None) from exc
    if schema is not None:
        from rasd.resources.schemas import check  # imports pydantic: only when a resource file is read

        check(schema, data, shown, text=text)
    return data, shown


def check_yaml_node(schema: str, node: yaml.Node, shown: str) -> None:
    """The schema check of `load_yaml` for a file read with yaml.compose (whose nodes keep their lines)."""
    from rasd.resources.schemas import check_node

    check_node(schema, node, shown)


def read_tsv_table(name_or_path: str | Path) -> tuple[list[str], int, list[tuple[int, dict[str, str]]], str]:
    """(columns, line of the header, rows as (line number, row) pairs, display name) of a TSV file. Lines
    starting with '#' are comments (the header with provenance); the first other line names the columns."""
    text, shown = read_text(name_or_path)
    lines = [(i + 1, ln) for i, ln in enumerate(text.splitlines()) if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ResourceError(shown, "no header line")
    header_line, header = lines[0][0], lines[0][1].split("\t")
    twice = sorted({c for c in header if header.count(c) > 1})
    if twice:
        raise ResourceError(shown, f"columns named twice: {', '.join(twice)}", line=header_line)
    rows: list[tuple[int, dict[str, str]]] = []
    for lineno, ln in lines[1:]:
        cells = next(csv.reader(io.StringIO(ln), delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise ResourceError(shown, f"{len(cells)} cells, header has {len(header)}", line=lineno)
        rows.append((lineno, dict(zip(header, cells, strict=True))))
    return header, header_line, rows, shown


def read_tsv(name_or_path: str | Path, required: tuple[str, ...],
             schema: str | None = None) -> tuple[list[tuple[int, dict[str, str]]], str]:
    """Rows of a TSV file as (line number, row) pairs (see `read_tsv_table`); the columns must include
    `required`. With `schema` (a file kind of rasd.resources.schemas) every column must be one the schema knows and
    every cell must match it (numbers in numeric columns, known categories)."""
    header, header_line, rows, shown = read_tsv_table(name_or_path)
    missing = [c for c in required if c not in header]
    if missing:
        raise ResourceError(shown, f"missing columns: {', '.join(missing)}", line=header_line)
    if schema is not None:
        from rasd.resources.schemas import check_table  # imports pydantic: only when a resource file is read

        check_table(schema, header, header_line, rows, shown)
    return rows, shown

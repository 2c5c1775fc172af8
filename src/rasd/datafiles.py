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
    """Path of a packaged data file (src/rasd/data/NAME)."""
    return Path(str(resources.files("rasd").joinpath("data").joinpath(name)))


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


def load_yaml(name_or_path: str | Path) -> tuple[Any, str]:
    text, shown = read_text(name_or_path)
    try:
        return yaml.safe_load(text), shown
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ResourceError(shown, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                            line=mark.line + 1 if mark is not None else None) from exc


def read_tsv(name_or_path: str | Path, required: tuple[str, ...]) -> tuple[list[tuple[int, dict[str, str]]], str]:
    """Rows of a TSV file as (line number, row) pairs. Lines starting with '#' are comments (the header
    with provenance); the first other line names the columns, which must include `required`."""
    text, shown = read_text(name_or_path)
    lines = [(i + 1, ln) for i, ln in enumerate(text.splitlines()) if ln.strip() and not ln.startswith("#")]
    if not lines:
        raise ResourceError(shown, "no header line")
    header = lines[0][1].split("\t")
    missing = [c for c in required if c not in header]
    if missing:
        raise ResourceError(shown, f"missing columns: {', '.join(missing)}", line=lines[0][0])
    rows: list[tuple[int, dict[str, str]]] = []
    for lineno, ln in lines[1:]:
        cells = next(csv.reader(io.StringIO(ln), delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) != len(header):
            raise ResourceError(shown, f"{len(cells)} cells, header has {len(header)}", line=lineno)
        rows.append((lineno, dict(zip(header, cells, strict=True))))
    return rows, shown

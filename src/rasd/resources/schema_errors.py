"""Schema violations explained: pydantic's errors turned into one line each, naming the line and key path."""

from __future__ import annotations

import difflib
import types
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from rasd.resources.datafiles import ResourceError


@dataclass(frozen=True, slots=True)
class Problem:
    """One schema violation: where (line, key path) and what."""

    line: int | None
    path: str
    problem: str
    rank: int = 2  # which problem of a file to report first: unknown keys, then bad values, then missing keys

    def error(self, shown: str, more: int = 0) -> ResourceError:
        """This problem as a ResourceError of file `shown` (with how many more there are)."""
        text = f"{self.path}: {self.problem}" if self.path else self.problem
        return ResourceError(shown, text + (f" (+{more} more)" if more else ""), line=self.line)


_EXPECTED = {"string_type": "expected text", "int_type": "expected a whole number", "int_parsing":
             "expected a whole number", "int_from_float": "expected a whole number", "float_type":
             "expected a number", "float_parsing": "expected a number", "finite_number": "expected a finite number",
             "bool_type": "expected true or false", "bool_parsing": "expected true or false",
             "list_type": "expected a list", "tuple_type": "expected a list", "dict_type": "expected a mapping",
             "model_type": "expected a mapping", "model_attributes_type": "expected a mapping",
             "none_required": "expected null"}
_BOUNDS = {"greater_than": ("gt", "more than"), "greater_than_equal": ("ge", "at least"),
           "less_than": ("lt", "less than"), "less_than_equal": ("le", "at most")}


def _describe(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)}"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "…"


def _message(err: Any) -> str:
    """The problem of one pydantic error (not an unknown key or value) in words."""
    etype, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    if etype in _EXPECTED:
        return f"{_EXPECTED[etype]}, got {_describe(value)}"
    if etype in _BOUNDS:
        key, words = _BOUNDS[etype]
        return f"must be {words} {ctx.get(key)}, got {_describe(value)}"
    if etype == "too_short":
        return f"expected at least {ctx.get('min_length')} entries, got {ctx.get('actual_length')}"
    if etype == "too_long":
        return f"expected at most {ctx.get('max_length')} entries, got {ctx.get('actual_length')}"
    if etype == "value_error":
        return str(err["msg"]).removeprefix("Value error, ")
    msg = str(err["msg"])
    return f"{msg[:1].lower()}{msg[1:]}, got {_describe(value)}"


def _expected(bad: Any, allowed: Sequence[Any]) -> str:
    names = [str(a) for a in allowed]
    close = difflib.get_close_matches(str(bad), names, n=1, cutoff=0.6)
    hint = f", did you mean {close[0]!r}?" if close else ""
    return f"{hint} (expected one of {', '.join(names)})"


def _unwrap(tp: Any) -> Any:
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin is Union or origin is types.UnionType:
            rest = [a for a in get_args(tp) if a is not type(None)]
            if len(rest) != 1:
                return tp
            tp = rest[0]
        else:
            return tp


def _field(model: type[BaseModel], key: Any) -> Any:
    for name, f in model.model_fields.items():
        if (f.alias or name) == key:
            return f.annotation
    return None


def _keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _type_at(tp: Any, loc: Sequence[Any]) -> Any:
    """The declared type at a pydantic error location (None when it cannot be followed)."""
    for i, part in enumerate(loc):
        tp = _unwrap(tp)
        if part == "[key]":
            continue
        origin = get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            tp = _field(tp, part)
        elif origin in (list, tuple) and get_args(tp):
            args = get_args(tp)
            tp = args[part] if origin is tuple and isinstance(part, int) and part < len(args) else args[0]
        elif origin is dict:
            tp = get_args(tp)[0 if i + 1 < len(loc) and loc[i + 1] == "[key]" else 1]
        else:
            return None
        if tp is None:
            return None
    return _unwrap(tp)


def _path(data: Any, loc: Sequence[Any]) -> str:
    out = ""
    cur = data
    for part in loc:
        if part == "[key]":
            continue
        if isinstance(cur, list) and isinstance(part, int):
            out += f"[{part}]"
            cur = cur[part] if part < len(cur) else None
        else:
            out += f".{part}" if out else str(part)
            cur = cur.get(part) if isinstance(cur, dict) else None
    return out


def _explain(model: Any, errors: Iterable[Any], line_of: Callable[[Sequence[Any]], int | None],
             path_of: Callable[[Sequence[Any]], str]) -> list[Problem]:
    found: list[tuple[Problem, tuple[Any, ...], str | None]] = []
    for err in errors:
        loc = tuple(err["loc"])
        etype = err["type"]
        value = err.get("input")
        path = path_of(loc)
        suggestion: str | None = None
        if etype == "extra_forbidden":
            parent = _type_at(model, loc[:-1])
            keys = _keys(parent) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
            text = "unknown key" + (_expected(loc[-1], keys) if keys else "")
            close = difflib.get_close_matches(str(loc[-1]), keys, n=1, cutoff=0.6)
            suggestion = close[0] if close else None
            prob = Problem(line_of(loc), path, text, rank=0)
        elif etype == "literal_error":
            lit = _type_at(model, loc)
            allowed = get_args(lit) if get_origin(lit) is Literal else ()
            text = "unknown key" if loc and loc[-1] == "[key]" else f"unknown value {value!r}"
            text += _expected(value, allowed) if allowed else f" ({err['msg']})"
            prob = Problem(line_of(loc), path, text, rank=1)
        elif etype == "missing":
            # the line of the mapping the key is missing from (none for the top level)
            prob = Problem(line_of(loc[:-1]) if len(loc) > 1 else None, path, "missing key", rank=3)
        else:
            text = _message(err)
            prob = Problem(line_of(loc), path, f"key {text}" if loc and loc[-1] == "[key]" else text, rank=1)
        found.append((prob, loc, suggestion))
    # a misspelled key is one mistake, not an unknown key and a missing one
    meant = {(loc[:-1], s) for p, loc, s in found if s is not None}
    kept = [p for p, loc, _ in found if not (p.rank == 3 and (loc[:-1], loc[-1]) in meant)]
    kept.sort(key=lambda p: (p.rank, p.line if p.line is not None else 1 << 30))
    return kept


def _compose(path: str | None, text: str | None) -> yaml.Node | None:
    try:
        if text is None and path is not None:
            text = Path(path).read_text(encoding="utf-8")
        return yaml.compose(text) if text is not None else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return None


def _yaml_line(node: yaml.Node | None, loc: Sequence[Any]) -> int | None:
    """Line (1-based) of the key (in a mapping) or item (in a list) at `loc`; the deepest one found."""
    line: int | None = None
    for part in loc:
        if part == "[key]" or node is None:
            break
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                if isinstance(k, yaml.ScalarNode) and k.value == str(part):
                    line, node = k.start_mark.line + 1, v
                    break
            else:
                break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            line = node.start_mark.line + 1
        else:
            break
    return line


def check_dir(directory: str | Path | None = None, per_file: int = 10) -> list[ResourceError]:
    """Every schema violation of every resource file of a data directory (at most `per_file` a file)."""
    from rasd.resources.datafiles import read_text, read_tsv_table
    from rasd.resources.schemas import _construct, problems, resource_files, table_problems

    out: list[ResourceError] = []
    files, _ = resource_files(directory)
    for kind, path in files:
        try:
            if kind.startswith("gazetteer_"):
                header, header_line, rows, shown = read_tsv_table(path)
                found = table_problems(kind, header, header_line, rows)
            else:
                text, shown = read_text(path)
                try:  # libyaml when there is one: the loaders, which read the files again after this, use PyYAML
                    node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
                except yaml.YAMLError as exc:
                    mark = getattr(exc, "problem_mark", None)
                    raise ResourceError(shown, f"invalid YAML: {getattr(exc, 'problem', exc)}",
                                        line=mark.line + 1 if mark is not None else None) from exc
                data = _construct(node, shown) if node is not None else None
                found = problems(kind, data, shown, node=node)
        except ResourceError as exc:
            out.append(exc)
            continue
        out += [p.error(shown) for p in sorted(found[:per_file], key=lambda p: p.line or 0)]
        if len(found) > per_file:  # the problems of a file no schema can make sense of
            out.append(ResourceError(shown, f"… and {len(found) - per_file} more problems"))
    return out

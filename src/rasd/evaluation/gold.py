"""Gold annotation files (../shared/eval/FORMAT.md): read and checked into typed gold documents."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.isodates import strict_day
from rasd.resources.datafiles import ResourceError

GOLD_KINDS: tuple[str, ...] = ("killed", "wounded", "displaced", "missing", "detained", "abducted", "affected")
GOLD_WHO: tuple[str, ...] = ("total", "civilians", "children", "women", "men", "fighters", "medics",
                             "journalists", "migrants", "police", "other")
GOLD_QUALIFIERS: tuple[str, ...] = ("exact", "approx", "at_least", "at_most", "vague")
GOLD_SCOPES: tuple[str, ...] = ("incident", "cumulative")
GOLD_MODALITIES: tuple[str, ...] = ("asserted", "reported", "planned", "called_for", "negated", "denied")


class GoldError(ResourceError):
    """A gold file is missing, not JSON, or not in FORMAT.md's shape; the message names file and field."""


@dataclass(frozen=True, slots=True)
class GoldCount:
    """A count of a gold event (FORMAT.md)."""
    kind: str
    value: int
    who: str
    qualifier: str
    scope: str


@dataclass(frozen=True, slots=True)
class GoldEvent:
    """A gold event: types, actors, place, date and counts (FORMAT.md)."""
    acled_event_type: str | None
    acled_sub_event_type: str | None
    plover: str
    actors: tuple[tuple[str, ...], ...]
    location: tuple[str, ...] | None
    country: str | None
    date: str | None
    counts: tuple[GoldCount, ...]
    modality: str
    evidence: str | None


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """A gold file: the article's id, publication date and events."""
    id: str
    published: str | None
    events: tuple[GoldEvent, ...]
    path: str | None = None


def _need(cond: bool, file: str, where: str, problem: str) -> None:
    if not cond:
        raise GoldError(file, f"{where}: {problem}" if where else problem)


def _opt_str(d: Mapping[str, Any], key: str, file: str, where: str) -> str | None:
    v = d.get(key)
    _need(v is None or (isinstance(v, str) and v.strip() != ""), file, f"{where}.{key}",
          f"expected a non-empty string or null, got {v!r}")
    return v


def _iso_date(v: Any, file: str, where: str) -> str | None:
    if v is None:
        return None
    try:
        return strict_day(v)
    except ValueError:
        raise GoldError(file, f"{where}: expected an ISO date (YYYY-MM-DD) or null, got {v!r}") from None


def _one_of(v: Any, allowed: tuple[str, ...], file: str, where: str) -> str:
    _need(v in allowed, file, where, f"{v!r} is not one of {', '.join(allowed)}")
    return str(v)


def _names(v: Any, file: str, where: str) -> tuple[str, ...]:
    _need(isinstance(v, list) and len(v) > 0, file, where, "expected a non-empty list of names")
    for i, n in enumerate(v):
        _need(isinstance(n, str) and n.strip() != "", file, f"{where}[{i}]", f"expected a name, got {n!r}")
    return tuple(v)


def _gold_count(c: Any, file: str, where: str) -> GoldCount:
    _need(isinstance(c, dict), file, where, "expected an object")
    value = c.get("value")
    _need(isinstance(value, int) and not isinstance(value, bool) and value >= 0, file, f"{where}.value",
          f"expected a non-negative integer, got {value!r}")
    return GoldCount(kind=_one_of(c.get("kind"), GOLD_KINDS, file, f"{where}.kind"), value=value,
                     who=_one_of(c.get("who", "total"), GOLD_WHO, file, f"{where}.who"),
                     qualifier=_one_of(c.get("qualifier", "exact"), GOLD_QUALIFIERS, file, f"{where}.qualifier"),
                     scope=_one_of(c.get("scope", "incident"), GOLD_SCOPES, file, f"{where}.scope"))


def _gold_event(e: Any, file: str, where: str) -> GoldEvent:
    _need(isinstance(e, dict), file, where, "expected an object")
    plover = e.get("plover")
    _need(isinstance(plover, str) and plover.strip() != "", file, f"{where}.plover",
          f"expected a PLOVER type (always set), got {plover!r}")
    acled = _opt_str(e, "acled_event_type", file, where)
    sub = _opt_str(e, "acled_sub_event_type", file, where)
    actors = e.get("actors", [])
    _need(isinstance(actors, list), file, f"{where}.actors", "expected a list of name lists")
    loc = e.get("location")
    counts = e.get("counts", [])
    _need(isinstance(counts, list), file, f"{where}.counts", "expected a list")
    return GoldEvent(
        acled_event_type=acled, acled_sub_event_type=sub, plover=plover,
        actors=tuple(_names(a, file, f"{where}.actors[{i}]") for i, a in enumerate(actors)),
        location=None if loc is None else _names(loc, file, f"{where}.location"),
        country=_opt_str(e, "country", file, where),
        date=_iso_date(e.get("date"), file, f"{where}.date"),
        counts=tuple(_gold_count(c, file, f"{where}.counts[{i}]") for i, c in enumerate(counts)),
        modality=_one_of(e.get("modality", "asserted"), GOLD_MODALITIES, file, f"{where}.modality"),
        evidence=_opt_str(e, "evidence", file, where))


def gold_from_json(data: Any, file: str = "<gold>") -> GoldDocument:
    """Validate a parsed gold file (FORMAT.md) and build its GoldDocument."""
    _need(isinstance(data, dict), file, "", "expected a JSON object")
    gid = data.get("id")
    _need(isinstance(gid, str) and gid.strip() != "", file, "id", f"expected a non-empty string, got {gid!r}")
    events = data.get("events")
    _need(isinstance(events, list), file, "events", "expected a list")
    return GoldDocument(id=gid, published=_iso_date(data.get("published"), file, "published"),
                        events=tuple(_gold_event(e, file, f"events[{i}]") for i, e in enumerate(events)),
                        path=None if file == "<gold>" else file)


def load_gold(path: str | Path) -> GoldDocument:
    """Read and validate one `<article id>.gold.json` file; GoldError names the file and the field.

    Missing optional keys take defaults: count who "total", qualifier "exact", scope "incident"; event
    modality "asserted", actors [], counts [], location/country/date/evidence null. Unknown keys are ignored."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise GoldError(shown, f"cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise GoldError(shown, f"not UTF-8: {exc.reason}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GoldError(shown, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    return gold_from_json(data, shown)


def article_path(gold_path: str | Path) -> Path | None:
    """The article text next to a gold file: `<id>.gold.json` → `<id>.txt` (or .html), when it exists."""
    p = Path(gold_path)
    stem = p.name[: -len(".gold.json")] if p.name.endswith(".gold.json") else p.stem
    for ext in (".txt", ".html", ".htm"):
        cand = p.with_name(stem + ext)
        if cand.is_file():
            return cand
    return None


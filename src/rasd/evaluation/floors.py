"""CI floors: pinned minimum scores for one gold corpus, checked and raised.

A floors file is JSON, {"corpus_hash": "sha256:…", "floors": {"counts": {"f1": 0.41}, …}}, pinned to one gold
corpus; `floors_check` lists what is below its floor, `raise_floors` only ever raises floors unless told
to lower them.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Iterable, Sequence
from pathlib import Path

from rasd.evaluation.report import FIELDS, METRICS, EvalReport
from rasd.resources.datafiles import ResourceError


def corpus_hash(paths: Iterable[str | Path]) -> str:
    """sha256 over the sorted (file name, contents) of the given files (directories: every file under them).

    Names are base names (relative paths inside a given directory), so the hash does not depend on where
    the corpus is checked out."""
    entries: list[tuple[str, bytes]] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file():
                    entries.append((f.relative_to(path).as_posix(), f.read_bytes()))
        else:
            entries.append((path.name, path.read_bytes()))
    h = hashlib.sha256()
    for name, content in sorted(entries):
        raw = name.encode("utf-8")
        h.update(len(raw).to_bytes(8, "big") + raw + len(content).to_bytes(8, "big") + content)
    return f"sha256:{h.hexdigest()}"


FLOOR_STEP = 0.005  # floors are pinned at the measured score rounded down to this step


def _read_floors(floors_file: Path, *, complete: bool = True) -> tuple[str, dict[str, dict[str, float]]]:
    """The pinned corpus hash and floors of a floors file. Every field the evaluator reports must have an
    F1 floor and the corpus hash must be there: a file that lacks one is an error, never a check quietly
    skipped (`complete=False` reads what there is, for re-pinning an incomplete file)."""
    shown = str(floors_file)
    try:
        data = json.loads(Path(floors_file).read_text(encoding="utf-8"))
    except OSError as exc:
        raise ResourceError(shown, f"cannot read: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ResourceError(shown, f"invalid JSON: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("floors"), dict):
        raise ResourceError(shown, 'expected {"corpus_hash": ..., "floors": {field: {metric: value}}}')
    unknown_keys = sorted(set(data) - {"corpus_hash", "floors"})
    if unknown_keys:
        raise ResourceError(shown, f"unknown key {unknown_keys[0]!r}; expected corpus_hash and floors")
    pinned = data.get("corpus_hash")
    if not isinstance(pinned, str) or not pinned.startswith("sha256:"):
        if not complete:
            pinned = ""
        else:
            raise ResourceError(shown, "corpus_hash: expected the 'sha256:…' hash of the corpus the floors were pinned on")
    floors: dict[str, dict[str, float]] = {}
    for field, metrics in data["floors"].items():
        if field not in FIELDS:
            raise ResourceError(shown, f"unknown field {field!r}; expected one of {', '.join(FIELDS)}")
        if not isinstance(metrics, dict):
            raise ResourceError(shown, f"floors.{field}: expected {{metric: value}}")
        for metric, value in metrics.items():
            if metric not in METRICS:
                raise ResourceError(shown, f"floors.{field}: unknown metric {metric!r}")
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ResourceError(shown, f"floors.{field}.{metric}: expected a number in [0, 1]")
        floors[field] = {m: float(v) for m, v in metrics.items()}
    missing = [f for f in FIELDS if "f1" not in floors.get(f, {})]
    if missing and complete:
        raise ResourceError(shown, f"no f1 floor for {', '.join(missing)}: every field the evaluator reports "
                                   "needs one (pin it with rasd eval … --update-floors)")
    return pinned, floors


def floors_check(report: EvalReport, floors_file: Path, corpus_hash: str) -> list[str]:
    """Problems with the report against pinned floors: fields below a floor, and a corpus that differs
    from the one the floors were pinned on. An empty list means the floors hold."""
    pinned, floors = _read_floors(floors_file)
    problems: list[str] = []
    if pinned != corpus_hash:
        problems.append(f"floors in {floors_file} are pinned to corpus {pinned}, this corpus is {corpus_hash}: "
                        "re-pin them (raise floors) for this corpus")
    for field, metrics in floors.items():
        fs = report.field(field)
        for metric, floor in sorted(metrics.items()):
            got = fs.metric(metric)
            if got < floor - 1e-9:
                problems.append(f"{field} {metric} {got:.3f} is below its floor {floor:.3f}")
    return problems


def _floor_of(value: float, margin: float) -> float:
    """`value` less `margin`, rounded down to FLOOR_STEP (0.5 points)."""
    steps = math.floor((value - margin) / FLOOR_STEP + 1e-6)
    return max(0.0, round(steps * FLOOR_STEP, 3))


def raise_floors(report: EvalReport, floors_file: Path, corpus_hash: str, *, allow_lower: bool = False,
                 margin: float = 0.0, metrics: Sequence[str] = ("f1",)) -> list[str]:
    """Pin floors at the report's scores (less `margin`, rounded down to FLOOR_STEP) for `corpus_hash`.

    Floors only ever go up: a floor above today's score is kept unless `allow_lower` (the CLI's --lower),
    the explicit act to lower it. Metrics already floored in the file are updated too. Writes the file and
    returns one line per field saying what changed or was kept."""
    for m in metrics:
        if m not in METRICS:
            raise ValueError(f"unknown metric {m!r}; expected one of {', '.join(METRICS)}")
    floors_file = Path(floors_file)
    old: dict[str, dict[str, float]] = {}
    if floors_file.exists():
        _, old = _read_floors(floors_file, complete=False)  # an incomplete file is completed
    new: dict[str, dict[str, float]] = {}
    lines: list[str] = []
    for fs in report.fields:
        wanted = set(metrics) | set(old.get(fs.field, {}))
        new[fs.field] = {}
        for metric in (m for m in METRICS if m in wanted):
            measured = _floor_of(fs.metric(metric), margin)
            before = old.get(fs.field, {}).get(metric)
            if before is None:
                value = measured
                lines.append(f"{fs.field} {metric}: set {value:.3f}")
            elif measured >= before or allow_lower:
                value = measured
                verb = "raised" if measured > before else ("lowered" if measured < before else "unchanged")
                lines.append(f"{fs.field} {metric}: {verb} {before:.3f} -> {value:.3f}")
            else:
                value = before
                lines.append(f"{fs.field} {metric}: kept {before:.3f} (measured {fs.metric(metric):.3f}; "
                             "lowering needs --lower)")
            new[fs.field][metric] = value
    payload = {"corpus_hash": corpus_hash, "floors": new}
    floors_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = floors_file.with_name(floors_file.name + ".tmp")
    tmp.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    tmp.replace(floors_file)
    return lines

"""The `rasd` command line: thin wrappers over importable functions."""

from __future__ import annotations

import datetime
import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from ..budget import MIN_SECONDS, SECONDS_PER_100KB, TimeBudgetExceeded, default_budget
from ..records import DocumentRecord, with_decode_errors
from ..resources.datafiles import ResourceError
from ..text.decode import DecodedText, InputError, describe_offsets, read_input, shown_name

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="rasd (رصد): Arabic conflict reports in, sourced event records out.")
resources_app = typer.Typer(no_args_is_help=True, help="Inspect and check the language resources.")
app.add_typer(resources_app, name="resources")

DEFAULT_MAX_BYTES = 16_000_000


def _err(console: Console, message: str) -> None:
    console.print(f"rasd: error: {message}", markup=False, highlight=False, soft_wrap=True)


def _load_pipeline(stderr: Console) -> Any:
    from ..pipeline import Pipeline

    try:
        return Pipeline.load()
    except ResourceError as exc:
        _err(stderr, f"language resource: {exc}")
        raise typer.Exit(2) from exc


def warn_decode_errors(console: Console, name: str, decoded: DecodedText) -> None:
    """One warning line when the input had invalid UTF-8 (replaced by U+FFFD, the file still processed)."""
    if decoded.decode_errors:
        console.print(f"rasd: warning: {shown_name(name)}: {describe_offsets(decoded.decode_errors)} "
                      "(each replaced by U+FFFD)", markup=False, highlight=False, soft_wrap=True)


def _check_max_bytes(stderr: Console, max_bytes: int) -> None:
    if max_bytes < 1:
        _err(stderr, f"--max-bytes {max_bytes}: must be a positive number of bytes")
        raise typer.Exit(2)


def _check_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc


@app.command()
def extract(
    files: Annotated[list[str], typer.Argument(help="Text or HTML files; '-' reads standard input.")],
    published: Annotated[str | None, typer.Option(help="Publication date YYYY-MM-DD; relative dates resolve against it.")] = None,
    source: Annotated[str | None, typer.Option(help="Source name recorded in the output (default: the file name).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="json (one file), jsonl, or table.")] = "json",
    max_bytes: Annotated[int, typer.Option(help="Refuse inputs larger than this many bytes.")] = DEFAULT_MAX_BYTES,
    max_seconds: Annotated[float | None, typer.Option(
        help="Time budget per input in seconds; an input over it fails alone "
             f"(default: {SECONDS_PER_100KB:g} s per 100 KB of text, at least {MIN_SECONDS:g} s).")] = None,
) -> None:
    """Read Arabic conflict reports into rasd.document/1 records."""
    stderr = Console(stderr=True)
    _check_max_bytes(stderr, max_bytes)
    published = _check_date(published)
    if max_seconds is not None and not max_seconds > 0:
        raise typer.BadParameter(f"--max-seconds must be a positive number of seconds, not {max_seconds:g}")
    if fmt not in ("json", "jsonl", "table"):
        raise typer.BadParameter("--format must be json, jsonl or table")
    if fmt == "json" and len(files) > 1:
        fmt = "jsonl"
    pipe = _load_pipeline(stderr)
    failed: list[str] = []
    out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    for name in files:
        try:
            decoded = read_input(name, max_bytes=max_bytes)
            warn_decode_errors(stderr, name, decoded)
            budget = max_seconds if max_seconds is not None else default_budget(len(decoded.text))
            rec = pipe.extract_decoded(decoded, source=source or name, published=published, max_seconds=budget)
            rec = with_decode_errors(rec, len(decoded.decode_errors))
        except InputError as exc:
            _err(stderr, str(exc))
            failed.append(name)
            continue
        except TimeBudgetExceeded as exc:
            _err(stderr, f"{shown_name(name)}: {exc}; skipped (--max-seconds sets the budget)")
            failed.append(name)
            continue
        except Exception as exc:  # a bug must not cost the other files: report it in one line and go on
            _err(stderr, f"{shown_name(name)}: internal error while extracting: {type(exc).__name__}: {exc}")
            failed.append(name)
            continue
        if fmt == "json":
            sys.stdout.write(json.dumps(rec.to_json(), ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            sys.stdout.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
        else:
            print_table(out, rec)
    sys.stdout.flush()
    if failed:
        _err(stderr, f"{len(failed)} of {len(files)} inputs failed: {', '.join(map(shown_name, failed))}")
        raise typer.Exit(1)


_QUAL = {"exact": "", "approx": "~", "at_least": "≥", "at_most": "≤", "vague": "vague "}


def _fmt_count(c: Any, counts: Any) -> str:
    sub = ""
    if c.parent is not None and 0 <= c.parent < len(counts):
        sub = f" (of the {counts[c.parent].value})"
    per = f" — per {c.source_attribution}" if c.source_attribution else ""
    return f"{c.kind} {_QUAL.get(c.qualifier, '')}{c.value} {c.who}, {c.scope}{sub}{per}"


def print_table(console: Console, rec: DocumentRecord) -> None:
    """A readable summary of one record for a person at a terminal: one block per event, then the counts,
    places and actors the text names."""
    d = rec.document
    console.print(f"[bold]{d.source}[/]  {d.id[:19]}…  language={d.language}  length={d.length}  "
                  f"published={d.published or 'unknown'}  country={d.country or '?'}  events={len(rec.events)}",
                  highlight=False)
    for ev in rec.events:
        typ = f"{ev.acled_event_type} / {ev.acled_sub_event_type}" if ev.acled_event_type else "(outside ACLED)"
        console.print(f"\n[bold]{ev.id}[/] {typ} · {ev.plover} · [italic]{ev.modality}[/] · confidence "
                      f"{ev.confidence:.2f}", highlight=False)
        who = (f"{ev.actor1.name_en if ev.actor1 else '(unnamed)'}"
               + (f" × {ev.actor2.name_en}" if ev.actor2 else "")) if ev.actor1 or ev.actor2 else "no actor named"
        place = (f"{ev.location.name_en} ({ev.location.country}, precision {ev.location.geo_precision})"
                 if ev.location else "no place")
        date = ev.date.start or "date unknown"
        if ev.date.start and ev.date.end and ev.date.end != ev.date.start:
            date += f"…{ev.date.end}"
        if ev.date.start:
            date += f" ({ev.date.precision})"
        line = f"   {who} · {place} · {date}"
        if ev.source_attribution:
            line += f" · per {ev.source_attribution}"
        console.print(line, markup=False, highlight=False)
        for c in ev.counts:
            console.print(f"   - {_fmt_count(c, rec.counts)}", markup=False, highlight=False)
    if rec.counts:
        t = Table(title="counts in the text", box=box.SIMPLE)
        for col in ("#", "kind", "value", "qualifier", "who", "scope", "subset of", "text"):
            t.add_column(col)
        for i, c in enumerate(rec.counts):
            t.add_row(str(i + 1), c.kind, str(c.value), c.qualifier, c.who, c.scope,
                      f"#{c.parent + 1}" if c.parent is not None else "", c.text)
        console.print(t)
    places = sorted({(m.ref or "", m.text) for m in rec.mentions if m.kind == "place"})
    actors = sorted({(m.ref or "", m.text) for m in rec.mentions if m.kind == "actor"})
    console.print("places: " + ("; ".join(f"{t} → {r}" for r, t in places) or "—"), markup=False)
    console.print("actors: " + ("; ".join(f"{t} → {r}" for r, t in actors) or "—"), markup=False)


@resources_app.command("stats")
def resources_stats() -> None:
    """Entries per country and kind in the gazetteer and the actor dictionary."""
    from ..resources.actors import ActorDictionary, format_stats
    from ..resources.gazetteer import Gazetteer

    print(format_stats(Gazetteer.load(), ActorDictionary.load()))


@resources_app.command("find")
def resources_find(name: str) -> None:
    """Look a name up: the candidate places and actors, and why one would win."""
    from ..resources.actors import ActorDictionary, explain_find
    from ..resources.gazetteer import Gazetteer

    print(explain_find(Gazetteer.load(), ActorDictionary.load(), name))


@resources_app.command("suggest")
def resources_suggest(
    path: Annotated[Path, typer.Argument(help="Records (.json, .jsonl, or a directory of them), or a gold "
                                              "directory (*.gold.json beside the texts), which rasd extracts first.")],
    limit: Annotated[int, typer.Option(help="List at most this many names (0: all).")] = 0,
) -> None:
    """List the unlinked names (places and actors no entry resolves) by frequency, to add as entries."""
    from ..resources.suggest import format_suggestions, read_records, suggestions

    stderr = Console(stderr=True)
    if not path.exists():
        _err(stderr, f"{path}: no such file or directory")
        raise typer.Exit(2)
    if path.is_dir() and any(path.glob("*.gold.json")):
        from .evaluate import find_articles, run_records

        records = run_records(find_articles(path), _load_pipeline(stderr))
    else:
        records = list(read_records(path))
    found = suggestions(records)
    print(format_suggestions(found[:limit] if limit > 0 else found))


@resources_app.command("validate")
def resources_validate(
    directory: Annotated[Path | None, typer.Argument(help="A data directory to check instead of the packaged one.")] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list INFO lines (shared names and how they resolve).")] = False,
) -> None:
    """Check every resource file against its schema, load it and check it; exit 1 on any ERROR."""
    from ..pipeline import Resources
    from ..resources.actors import validate_all
    from ..resources.schemas import check_dir, resource_files

    stderr = Console(stderr=True)
    if directory is not None and not directory.is_dir():
        _err(stderr, f"{directory}: not a directory")
        raise typer.Exit(1)
    # every unknown key, misspelled category and wrong type of every file, one line each
    bad = check_dir(directory)
    for exc in bad:
        _err(stderr, str(exc))
    if bad:
        if len(bad) > 1:
            _err(stderr, f"{len(bad)} errors")
        raise typer.Exit(1)
    try:
        res = Resources.load(directory)
    except ResourceError as exc:
        _err(stderr, str(exc))
        raise typer.Exit(1) from exc
    lines = validate_all(res.gazetteer, res.actors)
    lines += [f"WARN {p}: not a file rasd reads (a misnamed resource file?)" for p in resource_files(directory)[1]]
    errors = [ln for ln in lines if " ERROR " in f" {ln} "]
    warnings = [ln for ln in lines if " WARN " in f" {ln} "]
    for ln in lines:
        if ln in errors or ln in warnings or verbose:
            stderr.print(ln, markup=False, highlight=False, soft_wrap=True)
    if errors:
        _err(stderr, f"{len(errors)} errors")
        raise typer.Exit(1)
    print(f"ok: {len(res.gazetteer.places)} places, {len(res.actors.actors)} actors, "
          f"{len(res.triggers.triggers)} trigger entries; {len(warnings)} warnings, "
          f"{len(lines) - len(errors) - len(warnings)} notes (--verbose lists them)")


# modules whose commands need an optional extra: (module, its commands, the extra to install)
_OPTIONAL = (("store", ("ingest", "serve", "export"), "store"),
             ("evaluate", ("eval", "eval-ner"), None),
             ("batch", ("batch",), "spark"))


def _missing_extra(command: str, extra: str | None, reason: str) -> None:
    def run(args: Annotated[list[str] | None, typer.Argument(hidden=True)] = None) -> None:
        hint = f"; install it with: pip install 'rasd[{extra}]'" if extra else ""
        _err(Console(stderr=True), f"{command} is not available ({reason}){hint}")
        raise typer.Exit(2)

    app.command(command, help=f"(needs the '{extra}' extra)" if extra else "(not available)",
                context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(run)


def _register_optional() -> None:
    """Commands whose modules need the optional extras register themselves when importable; otherwise each
    says in one line which extra to install."""
    for module, commands, extra in _OPTIONAL:
        try:
            mod = __import__(f"rasd.cli.{module}", fromlist=["register"])
        except ImportError as exc:
            for command in commands:
                _missing_extra(command, extra, f"missing module {exc.name}")
            continue
        mod.register(app)


def main() -> None:
    _register_optional()
    app()


if __name__ == "__main__":
    main()

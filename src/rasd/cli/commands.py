"""The `rasd` command line: thin wrappers over importable functions."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import __version__
from ..budget import MIN_SECONDS, SECONDS_PER_100KB, TimeBudgetExceeded, default_budget
from .options import QuietOption, VerboseOption, Verbosity, iso_date, verbosity

if TYPE_CHECKING:  # imported when a command runs, not when `rasd --help` starts
    from rich.console import Console

    from ..records import DocumentRecord
    from ..text.decode import DecodedText

# rich_markup_mode=None: click's plain help, which needs no rich import (`rasd --help` starts in a third of the time)
app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                  help="rasd (رصد): Arabic conflict reports in, sourced event records out.")
resources_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                            help="Inspect and check the language resources.")
app.add_typer(resources_app, name="resources")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"rasd {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print rasd's version and exit.")] = False,
) -> None:
    """rasd (رصد): Arabic conflict reports in, sourced event records out."""

DEFAULT_MAX_BYTES = 16_000_000


def _err(console: Console, message: str) -> None:
    """`rasd: error: message` on the console, one line."""
    console.print(f"rasd: error: {message}", markup=False, highlight=False, soft_wrap=True)


def _load_pipeline(stderr: Console) -> Any:
    from ..pipeline import load_for_process
    from ..resources.datafiles import ResourceError

    try:
        return load_for_process()
    except ResourceError as exc:
        _err(stderr, f"language resource: {exc}")
        raise typer.Exit(2) from exc


def warn_decode_errors(console: Console, name: str, decoded: DecodedText) -> None:
    """One warning line when the input had invalid UTF-8 (replaced by U+FFFD, the file still processed)."""
    from ..text.decode import describe_offsets, shown_name

    if decoded.decode_errors:
        console.print(f"rasd: warning: {shown_name(name)}: {describe_offsets(decoded.decode_errors)} "
                      "(each replaced by U+FFFD)", markup=False, highlight=False, soft_wrap=True)


def _check_options(stderr: Console, max_bytes: int, max_seconds: float | None, fmt: str) -> None:
    """Reject a non-positive --max-bytes or --max-seconds and an unknown --format: one line, exit 2."""
    problem = None
    if max_bytes < 1:
        problem = f"--max-bytes {max_bytes}: must be a positive number of bytes"
    elif max_seconds is not None and not max_seconds > 0:
        problem = f"--max-seconds must be a positive number of seconds, not {max_seconds:g}"
    elif fmt not in ("json", "jsonl", "table"):
        problem = f"--format must be json, jsonl or table, not {fmt}"
    if problem:
        _err(stderr, problem)
        raise typer.Exit(2)


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
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Read Arabic conflict reports into rasd.document/1 records."""
    from rich.console import Console

    say = verbosity(quiet, verbose)
    stderr = Console(stderr=True)
    published = iso_date(published, "--published")
    _check_options(stderr, max_bytes, max_seconds, fmt)
    if fmt == "json" and len(files) > 1:
        fmt = "jsonl"
    pipe = _load_pipeline(stderr)
    failed: list[str] = []
    out = Console(highlight=False, width=None if sys.stdout.isatty() else 160)
    for name in files:
        rec = _extract_one(pipe, name, stderr, say, source=source, published=published, max_bytes=max_bytes,
                           max_seconds=max_seconds)
        if rec is None:
            failed.append(name)
        elif fmt == "json":
            sys.stdout.write(json.dumps(rec.to_json(), ensure_ascii=False, indent=2) + "\n")
        elif fmt == "jsonl":
            sys.stdout.write(json.dumps(rec.to_json(), ensure_ascii=False) + "\n")
        else:
            print_table(out, rec)
    sys.stdout.flush()
    if failed:
        from ..text.decode import shown_name

        _err(stderr, f"{len(failed)} of {len(files)} inputs failed: {', '.join(map(shown_name, failed))}")
        raise typer.Exit(1)


def _extract_one(pipe: Any, name: str, stderr: Console, say: Verbosity, *, source: str | None,
                 published: str | None, max_bytes: int, max_seconds: float | None) -> DocumentRecord | None:
    """The record of one input, or None after a one-line error (the other inputs go on)."""
    from ..records import with_decode_errors
    from ..text.decode import InputError, read_input, shown_name

    started = time.perf_counter()
    try:
        decoded = read_input(name, max_bytes=max_bytes)
        warn_decode_errors(stderr, name, decoded)  # a warning: shown even with --quiet
        budget = max_seconds if max_seconds is not None else default_budget(len(decoded.text))
        rec = pipe.extract_decoded(decoded, source=source or name, published=published, max_seconds=budget)
        rec = with_decode_errors(rec, len(decoded.decode_errors))
    except InputError as exc:
        _err(stderr, str(exc))
        return None
    except TimeBudgetExceeded as exc:
        _err(stderr, f"{shown_name(name)}: {exc}; skipped (--max-seconds sets the budget)")
        return None
    except Exception as exc:  # a bug must not cost the other files: report it in one line and go on
        _err(stderr, f"{shown_name(name)}: internal error while extracting: {type(exc).__name__}: {exc}")
        return None
    say.detail(f"rasd: {shown_name(name)}: {len(decoded.text)} characters, {len(rec.events)} events, "
               f"{time.perf_counter() - started:.2f} s")
    return rec


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
    from rich import box
    from rich.table import Table

    d = rec.document
    console.print(f"[bold]{d.source}[/]  {d.id[:19]}…  language={d.language}  length={d.length}  "
                  f"published={d.published or 'unknown'}  country={d.country or '?'}  events={len(rec.events)}",
                  highlight=False)
    for ev in rec.events:
        typ = f"{ev.acled_event_type} / {ev.acled_sub_event_type}" if ev.acled_event_type else "(outside ACLED)"
        console.print(f"\n[bold]{ev.id}[/] {typ} · {ev.plover} · [italic]{ev.modality}[/] · confidence "
                      f"{ev.confidence:.2f}", highlight=False)
        who = (f"{(ev.actor1.name_en or ev.actor1.name_ar) if ev.actor1 else '(unnamed)'}"  # (unlinked: Arabic only)
               + (f" × {ev.actor2.name_en or ev.actor2.name_ar}" if ev.actor2 else "")) \
            if ev.actor1 or ev.actor2 else "no actor named"
        place = (f"{ev.location.name_en or ev.location.name_ar} ({ev.location.country}, "
                 f"precision {ev.location.geo_precision})"
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
    console.print("places: " + ("; ".join(f"{t} → {r or '(unlinked)'}" for r, t in places) or "—"), markup=False)
    console.print("actors: " + ("; ".join(f"{t} → {r or '(unlinked)'}" for r, t in actors) or "—"), markup=False)


@resources_app.command("stats")
def resources_stats(quiet: QuietOption = False, verbose: VerboseOption = False) -> None:
    """Entries per country and kind in the gazetteer and the actor dictionary; the trigger lexicon's size."""
    verbosity(quiet, verbose)
    from ..resources.actors import ActorDictionary, format_stats
    from ..resources.gazetteer import Gazetteer
    from ..resources.lexicon import TriggerLexicon

    print(format_stats(Gazetteer.load(), ActorDictionary.load()))
    print(TriggerLexicon.load().stats())


@resources_app.command("find")
def resources_find(name: str, quiet: QuietOption = False, verbose: VerboseOption = False) -> None:
    """Look a name or a word up: the candidate places and actors, and why one would win; the trigger entries,
    lemmas and generated forms the word matches."""
    verbosity(quiet, verbose)
    from ..resources.actors import ActorDictionary, explain_find
    from ..resources.gazetteer import Gazetteer
    from ..resources.lexicon import TriggerLexicon

    print(explain_find(Gazetteer.load(), ActorDictionary.load(), name))
    for line in TriggerLexicon.load().explain(name) or ["triggers: none"]:
        print(line)


@resources_app.command("suggest")
def resources_suggest(
    path: Annotated[Path, typer.Argument(help="Records (.json, .jsonl, or a directory of them), or a gold "
                                              "directory (*.gold.json beside the texts), which rasd extracts first.")],
    limit: Annotated[int, typer.Option(help="List at most this many names (0: all).")] = 0,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """List the unlinked names (places and actors no entry resolves) by frequency, to add as entries."""
    from ..resources.suggest import format_suggestions, read_records, suggestions

    stderr = verbosity(quiet, verbose).console()
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
    quiet: QuietOption = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Also list INFO lines (shared names and how they resolve).")] = False,
) -> None:
    """Check every resource file against its schema, load it and check it; exit 1 on any ERROR."""
    from rich.console import Console

    from ..pipeline import Resources
    from ..resources.actors import validate_all
    from ..resources.datafiles import ResourceError
    from ..resources.schemas import check_dir, resource_files

    verbosity(quiet, verbose)
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


# modules whose commands need an optional extra: (module, its commands, the extra to install, the packages it
# needs: looked for without importing them, so that `rasd --help` stays fast)
_OPTIONAL = (("store", ("ingest", "serve", "export"), "store", ("sqlalchemy", "fastapi", "uvicorn")),
             ("evaluate", ("eval", "eval-ner"), None, ()),
             ("batch", ("batch",), "spark", ()))


def _missing_extra(target: typer.Typer, command: str, extra: str | None, reason: str) -> None:
    def run(args: Annotated[list[str] | None, typer.Argument(hidden=True)] = None) -> None:
        from .options import fail

        hint = f"; install it with: pip install 'rasd[{extra}]'" if extra else ""
        raise fail(f"{command} is not available ({reason}){hint}")

    target.command(command, help=f"(needs the '{extra}' extra)" if extra else "(not available)",
                context_settings={"allow_extra_args": True, "ignore_unknown_options": True})(run)


def register_optional(target: typer.Typer = app) -> None:
    """Commands whose modules need the optional extras register themselves on `target` when importable;
    otherwise each says in one line which extra to install."""
    from importlib.util import find_spec

    for module, commands, extra, needs in _OPTIONAL:
        missing = next((name for name in needs if find_spec(name) is None), None)
        try:
            if missing is not None:
                raise ModuleNotFoundError(name=missing)
            mod = __import__(f"rasd.cli.{module}", fromlist=["register"])
        except ImportError as exc:
            for command in commands:
                _missing_extra(target, command, extra, f"missing module {exc.name}")
            continue
        mod.register(target)


def main() -> None:
    """Run the `rasd` command line (all commands registered); a usage error (a bad option value, a missing
    argument) is one line on stderr, exit 2."""
    # the click Typer runs on (Typer vendors its own): the base class of its usage errors
    usage_error: type[Exception] = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
    register_optional(app)
    try:
        code = app(standalone_mode=False)
    except usage_error as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":  # `rasd` alone: the help
            exc.show()  # type: ignore[attr-defined]
        else:
            from ..text.decode import shown_name

            ctx = getattr(exc, "ctx", None)
            where = f"rasd {ctx.info_name}" if ctx is not None and ctx.parent is not None else "rasd"
            message = " ".join(exc.format_message().split())  # type: ignore[attr-defined]
            sys.stderr.write(f"{where}: error: {shown_name(message)}\n")
        code = getattr(exc, "exit_code", 2)
    except typer.Abort:
        sys.stderr.write("rasd: aborted\n")
        code = 1
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()

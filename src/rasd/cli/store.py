"""`rasd ingest`, `rasd serve`, `rasd export`: thin Typer wrappers over the store, API and exports.

`register(app)` adds the three commands to the main `rasd` Typer app; `python -m rasd.cli.store` runs them
on their own.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from rasd.cli.options import (
    MaxSecondsOption,
    QuietOption,
    VerboseOption,
    Verbosity,
    fail,
    iso_date,
    verbosity,
)
from rasd.store import DEFAULT_URL  # the package alone: SQLAlchemy is imported when a command runs

if TYPE_CHECKING:
    from rasd.store.store import EventFilter, Store

DbOption = Annotated[str, typer.Option("--db", help="Store URL: sqlite:///rasd.db (default) or postgresql://…",
                                       envvar="RASD_DB")]
HEALTHCHECK_SECONDS = 60  # rasd serve --workers N: how long a worker may take to answer uvicorn's health check


def _first_line(exc: BaseException) -> str:
    """What went wrong, in one line: the driver's own message when SQLAlchemy wraps one."""
    inner = getattr(exc, "orig", None) or exc
    if isinstance(inner, ModuleNotFoundError):
        return f"missing database driver ({inner.name}): install rasd's [store] extra"
    text = str(inner).strip().splitlines()
    return text[0] if text else type(inner).__name__


def _shown_url(db: str) -> str:
    """The store URL with any password masked."""
    try:
        from sqlalchemy.engine import make_url

        return make_url(db).render_as_string(hide_password=True)
    except Exception:
        return db


def _sqlite_file(db: str) -> Path | None:
    """The file a sqlite:/// URL names; None for any other URL and for an in-memory database."""
    try:
        from sqlalchemy.engine import make_url

        url = make_url(db)
    except Exception:
        return None
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:" \
            or url.database.startswith("file:"):
        return None
    return Path(url.database)


def open_store(db: str, *, existing: bool = False) -> Store:
    """The store at `db`; a bad URL, a missing driver or an unreachable server exit 2 with one line.
    `existing` (the read-only commands): a SQLite file that does not exist exits 1 instead of being created."""
    from rasd.store.store import Store

    path = _sqlite_file(db) if existing else None
    if path is not None and not path.is_file():
        raise fail(f"no store at {path} (rasd ingest creates one; --db or $RASD_DB names another)", 1)
    try:
        return Store.open(db)
    except Exception as exc:
        raise fail(f"cannot open the store {_shown_url(db)}: {_first_line(exc)}") from None


def load_extractor() -> Any:
    """The pipeline, loaded once (all language resources)."""
    from rasd.pipeline import load_for_process

    return load_for_process()


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, directories, JSON Lines, saved RSS/Atom feeds, HTML")],
    db: DbOption = DEFAULT_URL,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout")] = False,
    max_seconds: MaxSecondsOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
    published: Annotated[str | None, typer.Option(
        "--published", help="Publication date (YYYY-MM-DD) of the plain-text and HTML files; HTML pages "
                            "otherwise give their own, JSON Lines rows and feed entries always do")] = None,
    nice: Annotated[int, typer.Option(
        "--nice", min=0, max=19, help="Lower this process's CPU priority by this much (os.nice): beside a busy "
                                      "`rasd serve` on few cores, the server's reads go first")] = 0,
    batch_seconds: Annotated[float, typer.Option(
        "--batch-seconds", min=0, help="Write the extracted documents together at least this often (at most 50 a "
                                       "transaction; each document whole or not at all): fewer commits cost a "
                                       "server's readers less; 0 writes each document in its own transaction, "
                                       "visible at once")] = 5.0,
) -> None:
    """Extract and store documents; exits 1 when any input failed (each failure is listed with its reason)."""
    import json

    from rasd.store.ingest import ingest_paths, render_summary

    if nice:
        os.nice(nice)
    published = iso_date(published, "--published")
    say = verbosity(quiet, verbose)
    console = say.console()
    store = open_store(db)
    try:
        extractor = load_extractor()
        summary = ingest_paths(store, extractor, paths, progress=say.progress, console=console,
                               on_item=_item_logger(say), max_seconds=max_seconds, published=published,
                               batch_seconds=batch_seconds)
    finally:
        store.close()
    render_summary(summary, console, quiet=say.quiet)
    if json_summary:
        sys.stdout.write(json.dumps(summary.to_json(), ensure_ascii=False) + "\n")
    if summary.failed:
        raise typer.Exit(1)


def _item_logger(say: Verbosity) -> Any:
    """With --verbose, a function printing each document's outcome as it is stored; else None."""
    if not say.verbose:
        return None
    return lambda where, status: say.detail(f"rasd: {where}: {status}")


def serve_command(
    db: DbOption = DEFAULT_URL,
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port")] = 8000,
    max_body: Annotated[int, typer.Option("--max-body", help="Largest request body accepted, bytes")] = 2_000_000,
    max_seconds: MaxSecondsOption = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Server processes (a file or PostgreSQL "
                                                                           "store; each has its own pool)")] = 1,
    cache_seconds: Annotated[float, typer.Option(
        "--cache-seconds", min=0, help="GET /api/events and /api/stats: a write by another process goes unseen "
                                       "for at most twice this (0: no read cache)")] = 2.0,
    threads: Annotated[int, typer.Option(
        "--threads", min=1, max=200, help="Requests each process computes at once (worker threads; the store's "
                                          "pool holds as many connections)")] = 40,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Serve the API and the dashboard over an existing store. POST /api/documents needs the bearer token in
    $RASD_API_TOKEN."""
    say = verbosity(quiet, verbose)
    # a missing SQLite file: exit 1; a bad URL, a missing driver or an unreachable server: one line, exit 2
    open_store(db, existing=True).close()
    if workers > 1 and _sqlite_file(db) is None and db.startswith("sqlite"):
        raise fail("--workers: an in-memory SQLite store cannot be shared by several processes")
    import uvicorn

    from rasd.api import Settings, create_app
    from rasd.serve.app import SETTINGS_ENV, settings_to_env

    settings = Settings(db_url=db, api_token=os.environ.get("RASD_API_TOKEN") or None, max_body_bytes=max_body,
                        max_seconds=max_seconds, cache_seconds=cache_seconds, threads=threads)
    level = "warning" if say.quiet else "debug" if say.verbose else "info"
    if workers == 1:
        uvicorn.run(create_app(settings), host=host, port=port, log_level=level)
        return
    os.environ[SETTINGS_ENV] = settings_to_env(settings)  # each worker process builds its app from it
    # uvicorn's supervisor kills a worker that does not answer its health check in time (5 s by default): on a
    # saturated machine a busy worker's answering thread waited longer for the GIL, and the killed worker's open
    # requests failed (connections reset during a 50-client load with an ingest, load average 27)
    uvicorn.run("rasd.serve.app:app_from_environment", factory=True, workers=workers, host=host, port=port,
                log_level=level, timeout_worker_healthcheck=HEALTHCHECK_SECONDS)


def export_command(
    format: Annotated[str, typer.Option("--format", "-f", help="acled-csv | geojson | jsonl | parquet")],
    db: DbOption = DEFAULT_URL,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default: stdout)")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Events on or after this date, YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Events on or before this date, YYYY-MM-DD")] = None,
    country: Annotated[str | None, typer.Option(help="ISO 3166 alpha-2 country code")] = None,
    place: Annotated[str | None, typer.Option(help="Place id or name")] = None,
    actor: Annotated[str | None, typer.Option(help="Actor id or name")] = None,
    acled_type: Annotated[str | None, typer.Option("--acled-type", help="ACLED event or sub-event type")] = None,
    plover: Annotated[str | None, typer.Option(help="PLOVER event type")] = None,
    modality: Annotated[str | None, typer.Option(help="Modalities, comma-separated")] = None,
    min_confidence: Annotated[float | None, typer.Option("--min-confidence")] = None,
    q: Annotated[str | None, typer.Option("--q", help="Text search")] = None,
    all_reports: Annotated[bool, typer.Option("--all-reports", help="One row per document's event, unmerged")] = False,
    excel: Annotated[bool, typer.Option("--excel", help="acled-csv: begin with a UTF-8 byte order mark, so that "
                                                         "Excel reads the Arabic right")] = False,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Export stored events (one row per happening unless --all-reports) from an existing store."""
    from rasd.exports import FORMATS

    say = verbosity(quiet, verbose)
    if format not in FORMATS:
        raise fail(f"--format {format}: one of {', '.join(FORMATS)}")
    if excel and format != "acled-csv":
        raise fail("--excel is for --format acled-csv only")
    date_from, date_to = iso_date(date_from, "--from"), iso_date(date_to, "--to")
    if date_from and date_to and date_from > date_to:
        raise fail(f"--from {date_from} is after --to {date_to}")
    from rasd.store.store import EventFilter

    f = EventFilter(date_from=date_from, date_to=date_to, country=country, place=place, actor=actor,
                    acled_type=acled_type, plover=plover, modality=modality, min_confidence=min_confidence, q=q,
                    merged=not all_reports)
    say.detail(f"rasd: export filter {f}")
    store = open_store(db, existing=True)
    try:
        n = _export(store, format, output, f, bom=excel)
    except OSError as exc:
        raise fail(f"cannot write {output or 'stdout'}: {exc.strerror or exc}", 1) from None
    finally:
        store.close()
    say.info(f"exported {n} events ({format})")
    if format == "acled-csv" and not say.quiet:
        _say_left_out(db, f)


def _say_left_out(db: str, f: EventFilter) -> None:
    """On stderr: how many stored events the ACLED export left out, and why."""
    from rasd.exports import acled_left_out

    store = open_store(db)
    try:
        reasons = acled_left_out(store.iter_events(f, sort="date"))
    finally:
        store.close()
    if reasons:
        why = ", ".join(f"{reason} {n}" for reason, n in reasons.items())
        typer.echo(f"left out {sum(reasons.values())} stored events: {why}", err=True)


def _export(store: Store, format: str, output: Path | None, f: EventFilter, *, bom: bool = False) -> int:
    """Export to `output` atomically (temporary file renamed into place), else to stdout."""
    from rasd.exports import export_events, export_to_file

    if output is not None:
        return export_to_file(store, format, output, f, bom=bom)
    if format == "parquet":
        import io

        buf = io.BytesIO()
        n = export_events(store, format, buf, f)
        sys.stdout.buffer.write(buf.getvalue())
        return n
    return export_events(store, format, sys.stdout, f, bom=bom)


def register(app: typer.Typer) -> None:
    """Add `ingest`, `serve` and `export` to the rasd CLI."""
    app.command("ingest")(ingest_command)
    app.command("serve")(serve_command)
    app.command("export")(export_command)


def main() -> None:
    """Run the store commands (ingest, serve, export) as their own CLI."""
    app = typer.Typer(no_args_is_help=True, add_completion=False, rich_markup_mode=None)
    register(app)
    app()


if __name__ == "__main__":
    main()

__all__ = ["export_command", "fail", "ingest_command", "main", "register", "serve_command"]

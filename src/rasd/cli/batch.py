"""`rasd batch`: the pipeline over JSON Lines, Parquet, directories of files and WARC archives."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Annotated

import typer

from .options import MaxSecondsOption, QuietOption, Verbosity, verbosity

if TYPE_CHECKING:
    from rich.console import Console

    from ..batch import BatchOptions, BatchResult


def register(app: typer.Typer) -> None:
    """Add the `batch` command to the rasd CLI (pyarrow/pyspark are imported only when it runs)."""
    app.command("batch")(batch)


def batch(
    input: Annotated[str, typer.Argument(
        help="JSON Lines (.jsonl), Parquet (.parquet), WARC (.warc, .warc.gz), or a directory of .txt/.html files; "
             "a local path or an s3://, hdfs://, gs:// URI.")],
    output: Annotated[str, typer.Argument(help="Output directory (created; must be empty unless --overwrite).")],
    engine: Annotated[str, typer.Option(help="local (process pool, no Java) or spark.")] = "local",
    master: Annotated[str, typer.Option(help="Spark master URL (spark engine).")] = "local[*]",
    partitions: Annotated[int | None, typer.Option(min=1, help="Spark partitions (default: 2 per core, at most 20 units each).")] = None,
    workers: Annotated[int | None, typer.Option(min=1, help="Worker processes (local engine; default: one per CPU).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="parquet (tables) or jsonl (document records).")] = "parquet",
    input_format: Annotated[str | None, typer.Option(help="jsonl, parquet, files or warc (default: from the name).")] = None,
    published_field: Annotated[str, typer.Option(help="JSONL/Parquet field holding the publication date.")] = "published",
    text_field: Annotated[str, typer.Option(help="JSONL/Parquet field holding the text.")] = "text",
    id_field: Annotated[str, typer.Option(help="JSONL/Parquet field holding the record id.")] = "id",
    source_field: Annotated[str, typer.Option(help="JSONL/Parquet field holding the source name.")] = "source",
    unit_size: Annotated[int, typer.Option(min=1, help="Records per unit of work (one part file per unit).")] = 100,
    overwrite: Annotated[bool, typer.Option(help="Replace rasd's tables in an existing output directory.")] = False,
    max_seconds: MaxSecondsOption = None,
    quiet: QuietOption = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="More on stderr: Spark's own INFO logs (else "
                                                                   "warnings and errors only).")] = False,
) -> None:
    """Extract events from many documents into Parquet tables (documents, events, counts, mentions, errors)
    or JSON Lines records. Bad records go to the errors table and never stop the job."""
    say = verbosity(quiet, verbose)
    stderr = say.console()
    _check_options(engine, fmt, input_format)
    missing = _missing_extra(engine)
    if missing is not None:
        raise _fail(stderr, missing)

    from ..batch import BatchOptions, Fields

    opts = BatchOptions(input=input, output=output, engine=engine, format=fmt,  # type: ignore[arg-type]
                        input_kind=input_format, workers=workers or os.cpu_count() or 1, master=master,  # type: ignore[arg-type]
                        partitions=partitions, unit_size=unit_size, overwrite=overwrite, max_seconds=max_seconds,
                        log_level="INFO" if verbose else "WARN",
                        fields=Fields(text=text_field, id=id_field, source=source_field, published=published_field))
    result = _run(opts, stderr, say)
    from ..text.decode import shown_name

    for w in result.warnings:
        stderr.print(f"rasd: warning: {shown_name(w)}", markup=False, highlight=False, soft_wrap=True)
    t = result.totals
    if not quiet:
        stderr.print(f"rasd batch: {t['documents']} documents, {t['events']} events, {t['counts']} counts, "
                     f"{t['mentions']} mentions, {t['errors']} errors in {result.units} units → {result.output}",
                     markup=False, highlight=False, soft_wrap=True)


def _fail(stderr: Console, message: str, code: int = 2) -> typer.Exit:
    """Print `rasd: error: message` and return the exit to raise."""
    stderr.print(f"rasd: error: {message}", markup=False, highlight=False, soft_wrap=True)
    return typer.Exit(code)


def _check_options(engine: str, fmt: str, input_format: str | None) -> None:
    """Reject an unknown engine, output format or input format (a usage error)."""
    if engine not in ("local", "spark"):
        raise typer.BadParameter("--engine must be local or spark")
    if fmt not in ("parquet", "jsonl"):
        raise typer.BadParameter("--format must be parquet or jsonl")
    if input_format is not None and input_format not in ("jsonl", "parquet", "files", "warc"):
        raise typer.BadParameter("--input-format must be jsonl, parquet, files or warc")


def _missing_extra(engine: str) -> str | None:
    """The install hint when pyarrow (or, for the spark engine, pyspark) is missing; None when both are there."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return "rasd batch needs pyarrow: pip install 'rasd[spark]'"
    if engine == "spark":
        try:
            import pyspark  # noqa: F401
        except ImportError:
            return "the spark engine needs pyspark: pip install 'rasd[spark]' (or use --engine local)"
    return None


def _run(opts: BatchOptions, stderr: Console, say: Verbosity) -> BatchResult:
    """Run the batch with a progress bar of its units; input, output and resource errors exit 2."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from ..batch import BatchInputError, OutputError, UnitStats, run_batch
    from ..resources.datafiles import ResourceError

    with Progress(TextColumn("rasd batch"), BarColumn(), MofNCompleteColumn(), TextColumn("units"),
                  TimeRemainingColumn(), console=stderr, transient=True, disable=not stderr.is_terminal or say.quiet) as bar:
        job = bar.add_task("units", total=None)

        def tick(_stats: UnitStats, total: int) -> None:
            bar.update(job, total=total, advance=1)

        try:
            return run_batch(opts, progress=tick)
        except (BatchInputError, OutputError) as exc:
            raise _fail(stderr, str(exc)) from None
        except ResourceError as exc:
            raise _fail(stderr, f"language resource: {exc}") from None

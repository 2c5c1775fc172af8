"""What every rasd command shares: --quiet and --verbose, ISO date options, one-line errors.

Kept free of heavy imports (no rich, no rasd internals): `rasd --help` imports this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated

import typer

from ..budget import MIN_SECONDS, SECONDS_PER_100KB
from ..isodates import strict_day

if TYPE_CHECKING:
    from rich.console import Console

QuietOption = Annotated[bool, typer.Option(
    "--quiet", "-q", help="Only errors and warnings on stderr: no progress bar, no summary.")]
VerboseOption = Annotated[bool, typer.Option(
    "--verbose", "-v", help="More on stderr: each input as it is done, timings, the libraries' own logs.")]


@dataclass(frozen=True, slots=True)
class Verbosity:
    """How much a command says on stderr: quiet (errors and warnings), normal, or verbose."""

    quiet: bool = False
    verbose: bool = False

    @property
    def progress(self) -> bool:
        """Whether to draw a progress bar (not with --quiet)."""
        return not self.quiet

    def console(self) -> Console:
        """A rich console on stderr (rich is imported here, not when the CLI starts)."""
        from rich.console import Console

        return Console(stderr=True)

    def info(self, message: str) -> None:
        """A line on stderr unless --quiet."""
        if not self.quiet:
            typer.echo(message, err=True)

    def detail(self, message: str) -> None:
        """A line on stderr with --verbose only."""
        if self.verbose:
            typer.echo(message, err=True)


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print `rasd: error: message` as one line on stderr and return the exit to raise."""
    typer.echo(f"rasd: error: {' '.join(message.split())}", err=True)
    return typer.Exit(code)


def verbosity(quiet: bool, verbose: bool) -> Verbosity:
    """The verbosity the two options ask for; both at once is a usage error (one line, exit 2)."""
    if quiet and verbose:
        raise fail("--quiet and --verbose exclude each other")
    return Verbosity(quiet=quiet, verbose=verbose)


def iso_date(value: str | None, option: str) -> str | None:
    """`value` as a YYYY-MM-DD date, or a one-line error and exit 2 (never compared as a string)."""
    if value is None:
        return None
    try:
        return strict_day(value)
    except ValueError:
        raise fail(f"{option} {value!r}: not a date in YYYY-MM-DD form") from None


def positive_seconds(value: float | None) -> float | None:
    """--max-seconds must be a positive number (a usage error otherwise)."""
    if value is not None and not value > 0:
        raise typer.BadParameter(f"--max-seconds must be a positive number of seconds, not {value:g}")
    return value


MaxSecondsOption = Annotated[float | None, typer.Option(
    "--max-seconds", callback=positive_seconds,
    help="Time budget per document in seconds; a document over it fails alone "
         f"(default: {SECONDS_PER_100KB:g} s per 100 KB of text, at least {MIN_SECONDS:g} s).")]

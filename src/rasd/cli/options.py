"""Options shared by several `rasd` commands."""

from __future__ import annotations

import datetime
from typing import Annotated

import typer

from ..budget import MIN_SECONDS, SECONDS_PER_100KB


def iso_date(value: str | None) -> str | None:
    """A date option must be YYYY-MM-DD (a usage error otherwise)."""
    if value is None:
        return None
    try:
        return datetime.date.fromisoformat(value).isoformat() if len(value) == 10 else _bad_date(value)
    except ValueError:
        return _bad_date(value)


def _bad_date(value: str) -> str:
    raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form")


def positive_seconds(value: float | None) -> float | None:
    """--max-seconds must be a positive number (a usage error otherwise)."""
    if value is not None and not value > 0:
        raise typer.BadParameter(f"--max-seconds must be a positive number of seconds, not {value:g}")
    return value


MaxSecondsOption = Annotated[float | None, typer.Option(
    "--max-seconds", callback=positive_seconds,
    help="Time budget per document in seconds; a document over it fails alone "
         f"(default: {SECONDS_PER_100KB:g} s per 100 KB of text, at least {MIN_SECONDS:g} s).")]

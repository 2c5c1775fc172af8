"""ISO dates as every entry point reads them: one strict reader for dates a person types (a filter, a flag, a gold
file) and one lenient reader for the publication dates documents carry (a date, a date/time, a datetime object).

The CLI, the API, ingest, batch and the evaluator call these, so a date is accepted or refused the same way
everywhere; each caller words its own error (an exit 2, a 422, a failed record) around the ValueError.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

_DAY_RE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")  # what fromisoformat also takes (20190509, 2019-W19-4) is refused


def strict_day(value: object) -> str:
    """`value` if it is a YYYY-MM-DD string naming a real calendar day; ValueError otherwise."""
    if not isinstance(value, str) or not _DAY_RE.fullmatch(value):
        raise ValueError(f"{value!r} is not a YYYY-MM-DD date")
    return datetime.date.fromisoformat(value).isoformat()


def parse_published(value: Any) -> str:
    """YYYY-MM-DD from a date, a datetime, or an ISO date/datetime string; ValueError otherwise."""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str):
        s = value.strip()
        try:
            return datetime.date.fromisoformat(s).isoformat()
        except ValueError:
            pass
        try:
            return datetime.datetime.fromisoformat(s.replace("Z", "+00:00")).date().isoformat()
        except ValueError:
            raise ValueError(f"published {value!r} is not a YYYY-MM-DD date") from None
    raise ValueError(f"published is a {type(value).__name__}, not a date")

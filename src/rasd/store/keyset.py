"""Keyset paging: a page that starts after the last row of the page before, not after `offset` skipped rows.

A page at offset N walks N matches in its sort order before its first row (over 100,000 events a miss at offset
2,000 cost 13-48 ms, kept25), and rows inserted meanwhile shift every later page. A cursor names the position
instead: the sort value and the unique key (event uid, document id) of the last row returned. The next page is the
rows after that position in the sort order — `value` NULLS LAST, ties broken by the key ascending — found in up
to three index ranges, each walked from its start and left as soon as the page is full:

1. the rest of the last row's tie group: `col = value AND key > last` (none when the value is NULL);
2. the rows beyond it: `col > value` (ascending) or `col < value` (descending), which excludes NULLs;
3. the rows without a value: `col IS NULL` (when the value is NULL: `col IS NULL AND key > last` alone).

So a page costs what a first page costs, at any depth, and a row inserted before the position moves nothing
after it. A token is the URL-safe base64 of the JSON `[kind, sort, value, key]`: opaque to clients, checked
when read (its kind and sort must be the request's, its value of the sort column's type); every part reaches SQL
as a bound parameter.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_

MAX_TOKEN = 600  # characters of a cursor token (a key is at most 130 characters, a value a date or a number)
_KINDS: dict[str, dict[str, type]] = {"events": {"date": str, "confidence": float, "fatalities": int}, "documents": {"published": str}}


@dataclass(frozen=True, slots=True)
class Cursor:
    """The position after which a page starts: the last row's sort value (None: NULL) and unique key."""

    value: str | int | float | None
    key: str


def encode(kind: str, sort: str, value: Any, key: str) -> str:
    """The token of the position after a row of sort value `value` and key `key` (`kind`: "events"/"documents")."""
    if isinstance(value, float) and value.is_integer() and _KINDS[kind].get(sort.lstrip("-")) is int:
        value = int(value)
    raw = json.dumps([kind, sort, value, key], ensure_ascii=False, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(token: str, kind: str, sort: str) -> Cursor:
    """The position a token names; ValueError when it is malformed or was made for another kind or sort."""
    if len(token) > MAX_TOKEN:
        raise ValueError("cursor too long")
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        got = json.loads(raw.decode())
    except (binascii.Error, UnicodeDecodeError, ValueError):
        raise ValueError("malformed cursor") from None
    if not (isinstance(got, list) and len(got) == 4 and got[0] == kind and got[1] == sort):
        raise ValueError(f"not a cursor of this {kind} sort ({sort})")
    value, key = got[2], got[3]
    want = _KINDS[kind][sort.lstrip("-")]
    if not isinstance(key, str) or not key:
        raise ValueError("malformed cursor")
    if value is not None and (isinstance(value, bool) or not isinstance(value, (str, int, float))
                              or (want is str) != isinstance(value, str)):
        raise ValueError("malformed cursor")
    if want is int and isinstance(value, float):
        raise ValueError("malformed cursor")
    return Cursor(value=value, key=key)


def ranges(col: Any, key: Any, descending: bool, cursor: Cursor) -> list[ColumnElement[bool]]:
    """The index ranges holding the rows after `cursor`, in the sort order (`col` NULLS LAST, then `key`); no NULL
    range for a column declared NOT NULL (SQLite plans `confidence IS NULL` as a scan of the whole index)."""
    if cursor.value is None:
        return [and_(col.is_(None), key > cursor.key)]
    beyond = col < cursor.value if descending else col > cursor.value
    tail = [col.is_(None)] if getattr(col, "nullable", True) else []
    return [and_(col == cursor.value, key > cursor.key), beyond, *tail]

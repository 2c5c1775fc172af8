"""`rasd resources suggest`: the unlinked names of many records, by frequency, for an analyst to add as entries.

An unlinked entity (id null) is a place or an actor rasd found after a descriptor or a title (قرية X، لواء X،
وزير الخارجية X) that no gazetteer place or dictionary actor resolves. Listed most frequent first, each with its
kind (the place's feature, the actor's kind), the number of mentions and documents, and the country its place
was put in, so that the frequent ones can become gazetteer or dictionary entries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One unlinked name: how often the records use it."""

    what: str       # place | actor
    name_ar: str
    kind: str       # the place's feature or the actor's kind
    country: str | None
    mentions: int
    documents: int
    example: str    # a document that names it


def _entities(record: Mapping[str, Any]) -> Iterator[tuple[str, Mapping[str, Any]]]:
    for ev in record.get("events") or []:
        if ev.get("location"):
            yield "place", ev["location"]
        for key in ("actor1", "actor2"):
            if ev.get(key):
                yield "actor", ev[key]
        for a in ev.get("actors") or []:
            yield "actor", a


def suggestions(records: Iterable[Mapping[str, Any]]) -> list[Suggestion]:
    """The unlinked places and actors of the records' events, most mentioned first."""
    tally: dict[tuple[str, str, str], tuple[set[str], set[str], str | None]] = {}
    for rec in records:
        doc = str((rec.get("document") or {}).get("source") or (rec.get("document") or {}).get("id") or "-")
        for what, ent in _entities(rec):
            if ent.get("id") is not None or not ent.get("name_ar"):
                continue
            key = (what, str(ent["name_ar"]), str(ent.get("feature") or ent.get("kind") or ""))
            mids, docs, country = tally.setdefault(key, (set(), set(), ent.get("country")))
            mids |= {f"{doc}#{m}" for m in ent.get("mentions") or [doc]}
            docs.add(doc)
    out = [Suggestion(what, name, kind, country, len(mids), len(docs), sorted(docs)[0])
           for (what, name, kind), (mids, docs, country) in tally.items()]
    return sorted(out, key=lambda s: (-s.mentions, -s.documents, s.what, s.name_ar))


def read_records(path: Path) -> Iterator[dict[str, Any]]:
    """Document records from a .json file (one record), a .jsonl file (one a line) or a directory of them."""
    files = sorted(p for p in path.rglob("*") if p.suffix in (".json", ".jsonl")) if path.is_dir() else [path]
    for f in files:
        text = f.read_text(encoding="utf-8")
        rows = [json.loads(line) for line in text.splitlines() if line.strip()] if f.suffix == ".jsonl" \
            else [json.loads(text)]
        yield from (r for r in rows if isinstance(r, dict) and "events" in r)


def format_suggestions(items: Iterable[Suggestion]) -> str:
    """A table: mentions, documents, what, kind, country, Arabic name, an example document."""
    lines = [f"{'mentions':>8} {'docs':>5}  {'what':<6} {'kind':<18} {'country':<7} name_ar  (example)"]
    for s in items:
        lines.append(f"{s.mentions:8d} {s.documents:5d}  {s.what:<6} {s.kind:<18} {s.country or '-':<7} "
                     f"{s.name_ar}  ({s.example})")
    return "\n".join(lines)

"""`rasd ingest`: read files, directories, JSON Lines, saved RSS/Atom feeds and HTML pages into the store.

Each input document is extracted by the pipeline and stored whole or not at all: the extracted documents are
written together, one transaction (a savepoint each) per second or per 50 documents; a document whose text is
already stored is skipped before extraction. Failures are collected with their reasons, never fatal to
the run: the caller exits non-zero when any input failed.
"""

from __future__ import annotations

import html
import json
import os
import re
import stat
import time
from collections.abc import Callable, Container, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from rasd.budget import TimeBudgetExceeded, default_budget
from rasd.isodates import parse_published
from rasd.records import DocumentRecord, with_decode_errors
from rasd.store.store import Store, text_hash
from rasd.store.writes import IngestOutcome
from rasd.text.decode import describe_offsets, replace_surrogates, shown_name

FEED_SUFFIXES = frozenset({".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
# what a directory walk picks up (a file named on the command line is always tried)
DIR_SUFFIXES = frozenset({".txt", ".text", ".md", ".html", ".htm", ".xhtml", ".xml", ".rss", ".atom", ".jsonl",
                          ".ndjson"})
MAX_LINE_CHARS = 16_000_000
# an extracted document waits at most this long (plus one extraction) to be written. Each commit starts a new
# generation (every read cache entry then lives 2-4 s more at most) and, on SQLite, empties every reader
# connection's page cache: beside `rasd serve` under 50 clients, 5 s instead of 1 s cut the readers' CPU a request
# by about a fifth on SQLite (docs/store.md, "load27")
BATCH_SECONDS = 5.0
BATCH_DOCS = 50  # documents written in one transaction at most
_FEED_SNIFF = re.compile(rb"<(rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_BLOCK = re.compile(r"</?(?:p|div|br|li|h[1-6]|tr|blockquote|section|article)\b[^>]*>", re.IGNORECASE)
_DROP = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)


class Extractor(Protocol):
    """What ingest needs from the pipeline (`rasd.pipeline.Pipeline` provides it)."""

    def extract_text(self, text: str, *, source: str, published: str | None = None,
                     max_seconds: float | None = None) -> DocumentRecord:
        """Extract the record of a plain text (TimeBudgetExceeded past `max_seconds`)."""
        ...

    def extract_decoded(self, decoded: Any, *, source: str, published: str | None = None,
                        max_seconds: float | None = None) -> DocumentRecord:
        """Extract the record of a decoded input (HTML page, feed entry …)."""
        ...


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be ingested, and why."""

    where: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestSummary:
    """What an ingest run did: counts, failures and the time taken."""

    ingested: int
    duplicates: int
    failed: tuple[Failure, ...]
    events: int
    merged: int
    reprints: int
    seconds: float
    warnings: tuple[Failure, ...] = ()  # inputs processed despite a problem (invalid UTF-8 replaced)

    @property
    def ok(self) -> bool:
        """Whether no input failed."""
        return not self.failed

    def to_json(self) -> dict[str, Any]:
        """The summary as a JSON-ready dict."""
        return {"ingested": self.ingested, "duplicates": self.duplicates, "events": self.events,
                "merged": self.merged, "reprints": self.reprints, "seconds": round(self.seconds, 3),
                "failed": [{"where": f.where, "reason": f.reason} for f in self.failed],
                **({"warnings": [{"where": w.where, "reason": w.reason} for w in self.warnings]}
                   if self.warnings else {})}


@dataclass(frozen=True, slots=True)
class Item:
    """One document to extract: either raw text (JSON Lines, feed entries) or a file to decode."""

    where: str
    source: str
    published: str | None = None
    text: str | None = None
    path: Path | None = None
    external_id: str | None = None
    title: str | None = None


@dataclass
class _Tally:
    ingested: int = 0
    duplicates: int = 0
    events: int = 0
    merged: int = 0
    reprints: int = 0
    failed: list[Failure] = field(default_factory=list)
    warnings: list[Failure] = field(default_factory=list)

    def count(self, outcome: IngestOutcome) -> None:
        """Count one stored or skipped document."""
        if outcome.status == "duplicate":
            self.duplicates += 1
            return
        self.ingested += 1
        self.events += outcome.events
        self.merged += outcome.merged
        self.reprints += int(outcome.reprint_of is not None)


# ---------------------------------------------------------------------------------------- input discovery

def expand_paths(paths: Sequence[str | Path]) -> tuple[list[Path], list[Failure]]:
    """Files to read: named files as given, directories walked (sorted, hidden entries skipped)."""
    files: list[Path] = []
    failed: list[Failure] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            for f in sorted(p.rglob("*")):
                rel = f.relative_to(p)
                if any(part.startswith(".") for part in rel.parts) or f.is_dir() or f.suffix.lower() not in DIR_SUFFIXES:
                    continue
                if _is_regular(f):
                    files.append(f)
                else:
                    failed.append(Failure(str(f), "not a regular file (a FIFO, socket or device): skipped"))
        elif _is_regular(p):
            files.append(p)
        elif p.exists():  # a FIFO, socket or device: opening it could block the whole run
            failed.append(Failure(str(p), "not a regular file (a FIFO, socket or device): skipped"))
        else:
            failed.append(Failure(str(p), "no such file or directory"))
    return files, failed


def _is_regular(p: Path) -> bool:
    """Whether a path is a regular file (following links), never opening it."""
    try:
        return stat.S_ISREG(os.stat(p).st_mode)
    except OSError:
        return False


def iso_day(value: Any) -> str | None:
    """'2019-05-09' from an ISO date or date/time string; None for empty; ValueError for anything else
    ('2020-01-01garbage', a number). The same reading as `rasd batch` (isodates.parse_published), for
    the strings JSON gives."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be a date string, not {type(value).__name__}")
    return parse_published(value)


def is_feed(path: Path) -> bool:
    """Whether a file is an RSS/Atom feed, by its suffix or by sniffing its start."""
    if path.suffix.lower() in FEED_SUFFIXES:
        return True
    if path.suffix.lower() not in (".xml", ""):
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    return _FEED_SNIFF.search(head) is not None


def html_to_text(fragment: str) -> str:
    """Plain text of a feed entry's HTML content (paragraphs kept as lines)."""
    body = _DROP.sub(" ", fragment)
    body = _BLOCK.sub("\n", body)
    body = _TAG.sub(" ", body)
    body = html.unescape(body)
    lines = (" ".join(line.split()) for line in body.splitlines())
    return "\n".join(line for line in lines if line)


def jsonl_lines(path: Path, consumed: Callable[[int], None] | None = None) -> Iterator[tuple[int, str | None, str | None]]:
    """(line number, text, problem) of each line, decoded one line at a time: a bad byte fails its line only.
    `consumed` is told each line's length in bytes as it is read (the progress bar's bytes)."""
    try:
        fh = path.open("rb")
    except OSError as exc:
        yield 0, None, f"cannot read: {exc.strerror or exc}"
        return
    with fh:
        for lineno, raw in enumerate(fh, start=1):
            if consumed is not None:
                consumed(len(raw))
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if len(raw) > MAX_LINE_CHARS * 4:
                yield lineno, None, "line too long"
                continue
            try:
                yield lineno, raw.decode("utf-8"), None
            except UnicodeDecodeError as exc:
                yield lineno, None, f"not UTF-8 at byte {exc.start}: {exc.reason}"


_JSON_TYPES = {dict: "object", list: "array", int: "number", float: "number", bool: "boolean"}


def jsonl_item(path: Path, lineno: int, line: str) -> Item | Failure | None:
    """The item one JSON Lines line holds {"text", "source"?, "published"?, "id"?}; None for a blank line."""
    where = f"{path}:{lineno}"
    if not line.strip():
        return None
    if len(line) > MAX_LINE_CHARS:
        return Failure(where, "line too long")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return Failure(where, f"invalid JSON: {exc.msg}")
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
        return Failure(where, 'expected an object with a non-empty "text" string')
    try:
        published = iso_day(obj.get("published"))
    except ValueError:
        return Failure(where, f"published is not an ISO date: {obj.get('published')!r}")
    ext, source, title = obj.get("id"), obj.get("source"), obj.get("title")
    for key, value in (("id", ext), ("source", source)):
        if value is not None and not isinstance(value, str):
            return Failure(where, f'"{key}" must be a string, not a JSON {_JSON_TYPES.get(type(value), "value")}')
    ext = None if ext is None else replace_surrogates(ext)
    return Item(where=where, source=replace_surrogates(source) if source else f"{path.name}:{ext or lineno}",
                published=published, text=replace_surrogates(obj["text"]), external_id=ext,
                title=replace_surrogates(title) if isinstance(title, str) else None)


def jsonl_items(path: Path, consumed: Callable[[int], None] | None = None) -> Iterator[Item | Failure]:
    """One item per line; a line that is not UTF-8 or not valid JSON fails alone, with its line number."""
    for lineno, line, problem in jsonl_lines(path, consumed):
        if problem is not None:
            yield Failure(f"{path}:{lineno}" if lineno else str(path), problem)
            continue
        assert line is not None
        item = jsonl_item(path, lineno, line)
        if item is not None:
            yield item


def feed_items(path: Path) -> Iterator[Item | Failure]:
    """One item per RSS/Atom entry: its content (else its summary) as text, its link as source."""
    import feedparser

    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Failure(str(path), f"cannot read: {exc.strerror or exc}")
        return
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = str(parsed.get("bozo_exception") or "no entries")
        yield Failure(str(path), f"not a readable RSS/Atom feed: {reason.splitlines()[0] if reason else ''}")
        return
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"{path}#{i}"
        body = ""
        for c in entry.get("content") or []:
            if c.get("value"):
                body = c["value"]
                break
        body = body or entry.get("summary") or entry.get("description") or ""
        text_ = html_to_text(body) if "<" in body else body.strip()
        title = entry.get("title")
        if title and text_ and not text_.startswith(title):
            text_ = f"{title}\n{text_}"
        if not text_.strip():
            yield Failure(where, "entry without content or summary")
            continue
        published = None
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        if stamp:
            published = f"{stamp.tm_year:04d}-{stamp.tm_mon:02d}-{stamp.tm_mday:02d}"
        yield Item(where=where, source=entry.get("link") or entry.get("id") or where, published=published,
                   text=text_, external_id=entry.get("id"), title=title)


def items_for(path: Path, consumed: Callable[[int], None] | None = None,
              published: str | None = None) -> Iterator[Item | Failure]:
    """The documents one input file holds (JSON Lines rows, feed entries or the file itself), or failures.
    `consumed` hears of the bytes of a JSON Lines file as its lines are read; `published` dates a plain-text or
    HTML file (JSON Lines rows and feed entries carry their own dates)."""
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from jsonl_items(path, consumed)
    elif is_feed(path):
        yield from feed_items(path)
    else:
        yield Item(where=str(path), source=str(path), path=path, published=published)


def page_date(hint: str | None) -> str | None:
    """The publication date an HTML page's metadata gives (trafilatura's date), None when absent or unreadable."""
    try:
        return iso_day(hint)
    except ValueError:
        return None


# ---------------------------------------------------------------------------------------- running

def ingest_item(store: Store, extractor: Extractor, item: Item, warnings: list[Failure] | None = None,
                max_seconds: float | None = None) -> tuple[str, int, int, bool]:
    """Extract and store one item: (status, events, merged, is_reprint). Raises on failure (TimeBudgetExceeded
    past `max_seconds`, default: budget.default_budget of its length). A file with invalid UTF-8 is still
    ingested (each bad sequence one U+FFFD); it is noted in `warnings` and in its record."""
    record = extract_item(store, extractor, item, warnings, max_seconds)
    if record is None:
        return "duplicate", 0, 0, False
    outcome = store.ingest(record, external_id=item.external_id)
    return outcome.status, outcome.events, outcome.merged, outcome.reprint_of is not None


def extract_item(store: Store, extractor: Extractor, item: Item, warnings: list[Failure] | None = None,
                 max_seconds: float | None = None, pending: Container[str] = ()) -> DocumentRecord | None:
    """The record of one item, None when its text is stored already or `pending` (document ids extracted and not
    yet written) holds it (checked before extraction)."""
    if item.text is not None:
        if text_hash(item.text) in pending or store.has_document(text_hash(item.text)):
            return None
        return extractor.extract_text(item.text, source=item.source, published=item.published,
                                      max_seconds=max_seconds or default_budget(len(item.text)))
    from rasd.text.decode import read_input

    assert item.path is not None
    decoded = read_input(str(item.path))
    if decoded.decode_errors and warnings is not None:
        warnings.append(Failure(item.where, f"{describe_offsets(decoded.decode_errors)} (each replaced by U+FFFD)"))
    if text_hash(decoded.text) in pending or store.has_document(text_hash(decoded.text)):
        return None
    published = item.published or page_date(decoded.published_hint)
    record = extractor.extract_decoded(decoded, source=item.source, published=published,
                                       max_seconds=max_seconds or default_budget(len(decoded.text)))
    return with_decode_errors(record, len(decoded.decode_errors))


def failure_reason(exc: Exception) -> str:
    """One line saying why a document failed (the exception's type too, unless it is a known user error)."""
    msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if isinstance(exc, TimeBudgetExceeded):
        return f"{msg}; skipped (--max-seconds sets the budget)"
    return msg if type(exc).__name__ == "InputError" else f"{type(exc).__name__}: {msg}"


def ingest_paths(store: Store, extractor: Extractor, paths: Sequence[str | Path], *, progress: bool = True,
                 console: Any = None, on_item: Callable[[str, str], None] | None = None,
                 max_seconds: float | None = None, published: str | None = None,
                 batch_seconds: float = BATCH_SECONDS, batch_docs: int = BATCH_DOCS) -> IngestSummary:
    """Ingest every document under `paths`; with `progress`, a rich progress bar of the bytes read and the
    documents done, with their rates and the time left (a large JSON Lines file moves it line by line); each
    document's extraction within `max_seconds` (default: budget.default_budget of its length). `published`
    dates the plain-text and HTML files (else an HTML page's own metadata date; else they are undated). The
    extracted documents are written together (`_Batch`) once `batch_docs` wait or the first has waited
    `batch_seconds` (0: each document in its own transaction, as soon as it is extracted)."""
    started = time.perf_counter()
    files, missing = expand_paths(paths)
    tally = _Tally(failed=list(missing))
    batch = _Batch(store, tally, on_item, batch_seconds, batch_docs)

    def run_file(path: Path, meter: _Meter) -> None:
        jsonl = path.suffix.lower() in JSONL_SUFFIXES
        for it in items_for(path, meter.read if jsonl else None, published):
            if isinstance(it, Failure):
                tally.failed.append(it)
                continue
            try:
                record = extract_item(store, extractor, it, tally.warnings, max_seconds, batch.ids)
            except Exception as exc:  # one bad document never stops the run
                tally.failed.append(Failure(it.where, failure_reason(exc)))
                continue
            finally:
                meter.document()
            batch.add(it, record)
        if not jsonl:
            meter.read(_size(path))

    with _meter(console if progress else None, sum(map(_size, files))) as meter:
        for f in files:
            meter.file(f)
            run_file(f, meter)
        batch.flush()
    return IngestSummary(tally.ingested, tally.duplicates, tuple(tally.failed), tally.events, tally.merged,
                         tally.reprints, time.perf_counter() - started, tuple(tally.warnings))


class _Batch:
    """Extracted documents waiting to be written together (`Store.ingest_many`: one transaction, a savepoint per
    document, so each is stored whole or not at all). Fewer, larger write transactions: on SQLite every commit
    empties the page cache of every reader connection, and a server's read cache recomputes after each new
    generation. A document waits at most `seconds` plus one extraction; a run killed meanwhile loses only the
    documents not yet written, which a rerun ingests (the others are skipped as duplicates)."""

    def __init__(self, store: Store, tally: _Tally, on_item: Callable[[str, str], None] | None,
                 seconds: float, docs: int) -> None:
        self.store, self.tally, self.on_item = store, tally, on_item
        self.seconds, self.docs = seconds, max(docs, 1)
        self.pending: list[tuple[Item, DocumentRecord | None]] = []  # None: stored already (reported in order)
        self.ids: set[str] = set()  # the pending records' document ids: a repeat is not extracted again
        self.opened = 0.0

    def add(self, item: Item, record: DocumentRecord | None) -> None:
        """Queue one item's record (None: a duplicate); write the batch when it is full or old enough."""
        if not self.pending:
            self.opened = time.monotonic()
        self.pending.append((item, record))
        if record is not None:
            self.ids.add(record.document.id)
        if len(self.pending) >= self.docs or time.monotonic() - self.opened >= self.seconds:
            self.flush()

    def flush(self) -> None:
        """Write the queued records in one transaction and count what became of each item, in input order."""
        todo = [(rec, it.external_id) for it, rec in self.pending if rec is not None]
        outcomes = iter(self.store.ingest_many(todo) if todo else [])
        for it, rec in self.pending:
            out = next(outcomes) if rec is not None else IngestOutcome("", "duplicate")
            if isinstance(out, Exception):
                self.tally.failed.append(Failure(it.where, failure_reason(out)))
                continue
            self.tally.count(out)
            if self.on_item is not None:
                self.on_item(it.where, out.status)
        self.pending.clear()
        self.ids.clear()


def _size(path: Path) -> int:
    """The size of a file in bytes (0 when it cannot be read: it fails later, with its reason)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


class _Meter:
    """The progress of an ingest run: documents done and bytes read, shown on a rich progress bar if given."""

    def __init__(self, bar: Any = None, task: Any = None) -> None:
        self.bar, self.task = bar, task
        self.docs = 0
        self.started = time.perf_counter()

    def document(self) -> None:
        """One more document done (stored, skipped or failed)."""
        self.docs += 1
        if self.bar is not None:
            rate = self.docs / max(time.perf_counter() - self.started, 1e-6)
            self.bar.update(self.task, docs=self.docs, rate=rate)

    def read(self, n: int) -> None:
        """`n` more bytes of input read."""
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def file(self, path: Path) -> None:
        """The file now being read."""
        if self.bar is not None:
            self.bar.update(self.task, description=path.name[-40:])


@contextmanager
def _meter(console: Any, total_bytes: int) -> Iterator[_Meter]:
    """A meter drawing on `console` (None: a meter that draws nothing)."""
    if console is None:
        yield _Meter()
        return
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    with Progress(TextColumn("[bold]ingest[/]"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
                  TextColumn("{task.fields[docs]} docs ({task.fields[rate]:.1f}/s) · elapsed"), TimeElapsedColumn(),
                  TextColumn("· left"), TimeRemainingColumn(), TextColumn("{task.description}"),
                  console=console, transient=False) as bar:
        yield _Meter(bar, bar.add_task("", total=total_bytes, docs=0, rate=0.0))


def render_summary(summary: IngestSummary, console: Any, *, quiet: bool = False) -> None:
    """Print the end-of-run summary (counts, throughput; not when `quiet`), each warning and each failure with
    its reason."""
    from rich.markup import escape

    docs = summary.ingested + summary.duplicates
    rate = docs / summary.seconds if summary.seconds > 0 else 0.0
    if not quiet:
        console.print(f"[bold]ingested[/] {summary.ingested} · [bold]duplicates skipped[/] {summary.duplicates} · "
                      f"[bold]failed[/] {len(summary.failed)} · events {summary.events} "
                      f"(merged into earlier happenings: {summary.merged}) · reprints {summary.reprints} · "
                      f"{summary.seconds:.1f} s ({rate:.1f} docs/s)", soft_wrap=True)
    for w in summary.warnings:
        console.print(f"  [yellow]warning[/] {escape(shown_name(w.where))}: {escape(shown_name(w.reason))}", soft_wrap=True)
    for f in summary.failed:
        console.print(f"  [red]failed[/] {escape(shown_name(f.where))}: {escape(shown_name(f.reason))}", soft_wrap=True)

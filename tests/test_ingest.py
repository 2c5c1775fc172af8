"""`rasd ingest` inputs: JSON Lines read line by line, so one bad line never costs its neighbours."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("sqlalchemy", reason="needs the [store] extra: python -m pip install -e '.[store]'")
from store_fixtures import FakeExtractor

from rasd.store import Store
from rasd.store.ingest import ingest_paths, jsonl_items


def _line(i: int) -> bytes:
    text = f"أفاد سكان محليون بسقوط قذيفة رقم {i} قرب سوق الخضار في مصراتة. ولم ترد أنباء عن إصابات."
    return json.dumps({"id": f"n{i}", "text": text, "published": "2022-07-14"}, ensure_ascii=False).encode() + b"\n"


def _jsonl_with_bad_lines(path: Path) -> None:
    lines = [_line(i) for i in range(1, 31)]
    lines[6] = lines[6].replace("قذيفة".encode(), b"\xff\xfe" + "قذيفة".encode())  # line 7: invalid bytes
    cut = lines[14].index("سوق".encode()) + 1
    lines[14] = lines[14][:cut] + lines[14][cut + 1:]  # line 15: a two-byte character cut in half
    lines[19] = b'{"text": "\xd9\x86\xd8\xb5 \n'  # line 20: unterminated JSON
    path.write_bytes(b"\xef\xbb\xbf" + b"".join(lines))


def test_ingest_jsonl_bad_bytes_fail_their_line_alone(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    _jsonl_with_bad_lines(src)
    items = list(jsonl_items(src))
    failed = {i.where.rsplit(":", 1)[1]: i.reason for i in items if not hasattr(i, "text")}
    assert set(failed) == {"7", "15", "20"}
    assert "not UTF-8" in failed["7"] and "not UTF-8" in failed["15"] and "invalid JSON" in failed["20"]
    assert sum(1 for i in items if hasattr(i, "text")) == 27


def test_ingest_jsonl_stores_every_valid_line_around_a_bad_one(tmp_path: Path) -> None:
    src = tmp_path / "news.jsonl"
    _jsonl_with_bad_lines(src)
    with Store.open(f"sqlite:///{tmp_path / 'rasd.db'}") as store:
        summary = ingest_paths(store, FakeExtractor(), [src], progress=False)
        assert summary.ingested == 27
        assert sorted(f.where for f in summary.failed) == [f"{src}:15", f"{src}:20", f"{src}:7"]
        assert store.list_documents(limit=50)["total"] == 27


def test_ingest_progress_counts_documents_and_bytes_of_one_jsonl_file(tmp_path: Path) -> None:
    from rich.console import Console

    src = tmp_path / "big.jsonl"
    src.write_bytes(b"".join(_line(i) for i in range(1, 41)))
    console = Console(file=open(tmp_path / "progress.txt", "w", encoding="utf-8"), force_terminal=True, width=200)
    with Store.open(f"sqlite:///{tmp_path / 's.db'}") as store:
        summary = ingest_paths(store, FakeExtractor(), [src], progress=True, console=console)
    console.file.close()
    assert summary.ingested == 40
    shown = (tmp_path / "progress.txt").read_text(encoding="utf-8")
    size_kb = f"{src.stat().st_size / 1000:.1f}"
    assert f"{size_kb}/{size_kb} kB" in shown  # bytes read of the bytes there are, not files
    assert "40 docs (" in shown and "/s)" in shown and "B/s" in shown  # documents with their rate, bytes/s
    assert "left" in shown  # and the time left


def test_ingest_writes_documents_in_batches_reported_in_order(tmp_path: Path) -> None:
    """Extracted documents are written a batch a transaction (one new generation each); every item is reported in
    input order, a repeat within a batch as a duplicate, a line stored by an earlier run as one too."""
    src = tmp_path / "news.jsonl"
    lines = [_line(i) for i in range(1, 8)]
    src.write_bytes(b"".join([*lines[:3], lines[1], *lines[3:]]))  # line 4 repeats line 2
    seen: list[tuple[str, str]] = []
    with Store.open(f"sqlite:///{tmp_path / 'rasd.db'}") as store:
        before = store.generation()
        summary = ingest_paths(store, FakeExtractor(), [src], progress=False, batch_docs=3, batch_seconds=60,
                               on_item=lambda where, status: seen.append((where.rsplit(":", 1)[1], status)))
        assert (summary.ingested, summary.duplicates, summary.failed) == (7, 1, ())
        assert store.generation() == before + 3  # 8 items: batches of 3, 3 and 2
        assert seen == [(str(n), "duplicate" if n == 4 else "ingested") for n in range(1, 9)]
        again = ingest_paths(store, FakeExtractor(), [src], progress=False)
        assert (again.ingested, again.duplicates) == (0, 8)
        assert store.check_integrity() == []


def test_ingest_batch_seconds_zero_commits_each_document_whole(store_url: str, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """`rasd ingest --batch-seconds 0`: each document in its own transaction (one new generation each), and a
    document that fails after writing its rows leaves nothing behind, its neighbours whole; the option's default is
    the library's `BATCH_SECONDS`, a negative value a usage error."""
    import inspect

    import typer
    from store_fixtures import fail_after_writing
    from typer.testing import CliRunner

    from rasd.cli import store as cli_store
    from rasd.store import ingest

    src = tmp_path / "news.jsonl"
    src.write_bytes(b"".join(_line(i) for i in range(1, 6)))
    bad = FakeExtractor().extract_text(json.loads(_line(3))["text"], source="", published="2022-07-14").document.id
    monkeypatch.setattr(cli_store, "load_extractor", FakeExtractor)
    fail_after_writing(bad, monkeypatch)
    app = typer.Typer()
    cli_store.register(app)
    with Store.open(store_url) as store:
        before = store.generation()
    res = CliRunner().invoke(app, ["ingest", str(src), "--db", store_url, "--batch-seconds", "0", "--json"])
    assert res.exit_code == 1, res.output  # the failed document is listed, the run exits 1
    assert '"ingested": 4' in res.output and "disk on fire" in res.output
    monkeypatch.undo()
    with Store.open(store_url) as store:
        assert store.generation() == before + 4  # a commit per stored document (the failed one commits nothing)
        assert not store.has_document(bad) and store.stats()["documents"] == 4
        assert store.check_integrity() == []
    default = inspect.signature(cli_store.ingest_command).parameters["batch_seconds"].default
    assert default == ingest.BATCH_SECONDS
    assert CliRunner().invoke(app, ["ingest", str(src), "--db", store_url, "--batch-seconds", "-1"]).exit_code == 2

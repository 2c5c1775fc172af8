"""Issue 17 (items 4 and 7): bad inputs fail alone in one line and never with a traceback; lone surrogates and
invalid UTF-8 are replaced (same length, spans kept) at every entry point. Texts written for these tests."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import rasd
from rasd.batch.inputs import Fields, item_from_mapping

# Sentences written for these tests.
GOOD = "قتل أربعة مدنيين في قصف مدفعي استهدف بلدة الحمرا صباح الجمعة.\n"
OTHER = "أصيب سبعة جنود في هجوم على نقطة تفتيش قرب مدينة درعا.\n"
SURROGATE_TEXT = "قتل رجلان في انفجار عبوة ناسفة \ud800 وسط المدينة."

SRC = str(Path(rasd.__file__).resolve().parents[1])
ESC = "\x1b[31m"  # a terminal escape code in a file name


def _run(*args: str, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC, "COLUMNS": "80"}
    return subprocess.run([sys.executable, "-m", "rasd.cli", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


@dataclass(frozen=True)
class Case:
    name: str  # the input as named on the command line (or "file:line" for a JSON Lines record)
    problem: str  # a piece of the one line that must name the problem
    shown: str | None = None  # how the name appears when it is escaped


def _extract_inputs(d: Path) -> list[Case]:
    """Bad inputs for `rasd extract`, written into `d`."""
    (d / "empty.txt").write_bytes(b"")
    (d / "blank.txt").write_bytes(b" \n\t\n")
    (d / "nul.txt").write_bytes(GOOD.encode() + b"\x00\x00")
    (d / "controls.txt").write_bytes(b"\x01\x02\x03\x04\x05\x06\x07\x08" * 20 + GOOD.encode())
    (d / "latin1.txt").write_bytes("Un été très chaud à Genève.".encode("latin-1"))
    os.mkfifo(d / "fifo.txt")
    (d / "adir").mkdir()
    (d / f"e{ESC}vil.txt").write_bytes(b"")
    (d / "big.txt").write_bytes(GOOD.encode() * 30)
    (d / "notext.html").write_bytes(b"<!doctype html><html><head><title>t</title></head><body></body></html>")
    (d / "utf16.txt").write_bytes(b"\xff\xfe" + b"\x00\xd8" + b"a\x00")
    return [Case("empty.txt", "empty file"), Case("blank.txt", "empty file"),
            Case("nul.txt", "binary file (NUL bytes)"), Case("controls.txt", "binary file (control characters)"),
            Case("latin1.txt", "invalid UTF-8 at byte 3 and not Windows-1256"),
            Case("fifo.txt", "not a regular file"), Case("adir", "is a directory"),
            Case("missing.txt", "cannot read: No such file or directory"),
            Case(f"e{ESC}vil.txt", "empty file", shown="e\\x1b[31mvil.txt"),
            Case("big.txt", "exceed the 1,000-byte limit"), Case("notext.html", "HTML page without text"),
            Case("utf16.txt", "invalid UTF-16")]


def _ingest_inputs(d: Path) -> list[Case]:
    """Bad inputs for `rasd ingest`: records of one JSON Lines file, and files."""
    lines = [json.dumps({"text": GOOD, "id": "good-1"}),
             "{not json",
             json.dumps(["قصف"]),
             json.dumps({"text": OTHER, "published": "2020-01-01garbage"}),
             json.dumps({"text": OTHER, "id": {"n": 1}}),
             json.dumps({"text": OTHER, "source": 17}),
             json.dumps({"text": "   "}),
             json.dumps({"text": SURROGATE_TEXT, "id": "surrogate"})]
    data = "\n".join(lines).encode() + b'\n{"text": "\xff\xfe bad"}\n'
    (d / "feed.jsonl").write_bytes(data)
    os.mkfifo(d / "pipe.txt")
    (d / f"x{ESC}.txt").write_bytes(b"\x00\x01")
    (d / "walk").mkdir()
    (d / "walk" / "good.txt").write_text(OTHER, encoding="utf-8")
    os.mkfifo(d / "walk" / "queue.txt")  # a FIFO met in a directory walk: skipped with a message
    (d / "walk" / "dated.jsonl").write_text(json.dumps({"text": GOOD + OTHER, "published": "2021-02-30"}) + "\n",
                                            encoding="utf-8")
    return [Case("walk/queue.txt", "not a regular file"),
            Case("walk/dated.jsonl:1", "published is not an ISO date: '2021-02-30'"),
            Case("feed.jsonl:2", "invalid JSON"), Case("feed.jsonl:3", "expected an object"),
            Case("feed.jsonl:4", "published is not an ISO date: '2020-01-01garbage'"),
            Case("feed.jsonl:5", '"id" must be a string, not a JSON object'),
            Case("feed.jsonl:6", '"source" must be a string, not a JSON number'),
            Case("feed.jsonl:7", 'non-empty "text"'), Case("feed.jsonl:9", "not UTF-8 at byte"),
            Case("pipe.txt", "not a regular file"), Case("nowhere.txt", "no such file or directory"),
            Case(f"x{ESC}.txt", "binary file", shown="x\\x1b[31m.txt")]


def _assert_one_line_each(stderr: str, cases: list[Case], prefix: str) -> None:
    assert "Traceback" not in stderr
    lines = [ln for ln in stderr.splitlines() if ln.strip().startswith(prefix)]
    assert ESC not in stderr
    for case in cases:
        shown = case.shown or case.name
        mine = [ln for ln in lines if f"{shown}:" in ln and case.problem in ln]
        assert len(mine) == 1, (case, stderr)


def test_cli_catalogue_of_bad_inputs_fails_each_alone(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    bad_byte = GOOD.encode()
    (tmp_path / "onebad.txt").write_bytes(bad_byte[:7] + b"\xff" + bad_byte[7:])
    extract_cases = _extract_inputs(tmp_path)
    names = ["good.txt", "onebad.txt", *(c.name for c in extract_cases)]
    r = _run("extract", "--format", "jsonl", "--max-bytes", "1000", *names, cwd=tmp_path)
    assert r.returncode == 1
    _assert_one_line_each(r.stderr, extract_cases, "rasd: error:")
    assert f"{len(extract_cases)} of {len(names)} inputs failed" in r.stderr
    records = [json.loads(ln) for ln in r.stdout.splitlines()]
    assert [rec["document"]["source"] for rec in records] == ["good.txt", "onebad.txt"]
    assert records[0]["events"] and "decode_errors" not in records[0]["document"]
    # the one-bad-byte file: a warning with the offset, still UTF-8, still extracted, the record notes it
    assert "rasd: warning: onebad.txt: 1 invalid UTF-8 sequence at byte 7 (each replaced by U+FFFD)" in r.stderr
    assert records[1]["document"]["decode_errors"] == 1 and records[1]["document"]["encoding"] == "utf-8"
    assert records[1]["events"] and "\ufffd" in records[1]["text"]

    ingest_cases = _ingest_inputs(tmp_path)
    r = _run("ingest", "--db", f"sqlite:///{tmp_path / 's.db'}", "-q", "--json", "feed.jsonl", "pipe.txt",
             "nowhere.txt", f"x{ESC}.txt", "onebad.txt", "walk", cwd=tmp_path)
    assert r.returncode == 1
    _assert_one_line_each(r.stderr, ingest_cases, "failed")
    summary = json.loads(r.stdout)
    assert summary["ingested"] == 4 and len(summary["failed"]) == len(ingest_cases)
    assert "warning onebad.txt: 1 invalid UTF-8 sequence at byte 7" in r.stderr
    assert len(extract_cases) + len(ingest_cases) + len(COMMAND_CASES) + len(BATCH_CASES) >= 40


PG_DOWN = "postgresql://rasd@127.0.0.1:1/rasd"  # nothing listens on port 1
# (arguments, exit code, a piece of the one line on stderr): every user error of every command
COMMAND_CASES: list[tuple[tuple[str, ...], int, str]] = [
    (("extract", "--max-bytes", "-5", "good.txt"), 2, "--max-bytes -5: must be a positive number of bytes"),
    (("extract", "--max-bytes", "0", "good.txt"), 2, "--max-bytes 0: must be a positive number of bytes"),
    (("extract", "--max-seconds", "-2", "good.txt"), 2, "--max-seconds must be a positive number"),
    (("extract", "--published", "2020-13-45", "good.txt"), 2, "--published '2020-13-45': not a date"),
    (("extract", "--format", "xml", "good.txt"), 2, "--format must be json, jsonl or table"),
    (("extract",), 2, "Missing argument 'files'"),
    (("batch", "fifo.jsonl", "out"), 2, "fifo.jsonl: not a regular file"),
    (("batch", "nothing.jsonl", "out"), 2, "nothing.jsonl: no such file or directory"),
    (("batch", "corrupt.parquet", "out"), 2, "corrupt.parquet: cannot read as parquet"),
    (("batch", "table.csv", "out"), 2, "table.csv: unknown input kind"),
    (("batch", "good.jsonl", "good.txt/out"), 2, "good.txt/out: cannot create the output directory"),
    (("batch", "good.jsonl", "full"), 2, "full: exists and is not empty"),
    (("batch", "good.jsonl", "out", "--unit-size", "-5"), 2, "'--unit-size'"),
    (("batch", "good.jsonl", "out", "--workers", "0"), 2, "'--workers'"),
    (("batch", "good.jsonl", "out", "--max-seconds", "0"), 2, "--max-seconds must be a positive number"),
    (("ingest", "--db", "nosuchdb://x", "good.txt"), 2, "cannot open the store"),
    (("ingest", "--db", "mysql://u@localhost/x", "good.txt"), 2, "missing database driver"),
    (("ingest", "--db", PG_DOWN, "good.txt"), 2, "cannot open the store postgresql://rasd@127.0.0.1:1/rasd"),
    (("ingest", "--db", "sqlite:////no/such/dir/r.db", "good.txt"), 2, "unable to open database file"),
    (("ingest", "--max-seconds", "-1", "good.txt"), 2, "--max-seconds must be a positive number"),
    (("export", "-f", "jsonl", "--db", "sqlite:///s.db", "-o", "no/such/dir/x.jsonl"), 1,
     "cannot write no/such/dir/x.jsonl: No such file or directory"),
    (("export", "-f", "jsonl", "--db", "sqlite:///s.db", "-o", "full"), 1, "cannot write full: Is a directory"),
    (("export", "-f", "jsonl", "--db", "sqlite:///s.db", "--from", "2020-99-99"), 2,
     "--from '2020-99-99': not a date"),
    (("export", "-f", "jsonl", "--db", "sqlite:///s.db", "--to", "2021-02-30"), 2,
     "--to '2021-02-30': not a date"),
    (("export", "-f", "xml", "--db", "sqlite:///s.db"), 2, "--format xml: one of acled-csv"),
    (("export", "-f", "jsonl", "--db", "mysql://u@localhost/x"), 2, "missing database driver"),
    (("serve", "--db", PG_DOWN), 2, "cannot open the store"),
    (("serve", "--max-seconds", "0"), 2, "--max-seconds must be a positive number"),
    (("serve", "--db", "sqlite://", "--workers", "2"), 2, "--workers: an in-memory SQLite store cannot be shared"),
    (("serve", "--workers", "0"), 2, "Invalid value for '--workers'"),
    (("serve", "--cache-seconds", "-1"), 2, "Invalid value for '--cache-seconds'"),
    (("serve", "--threads", "0"), 2, "Invalid value for '--threads'"),
    (("ingest", "--nice", "20", "good.txt"), 2, "Invalid value for '--nice'"),
    (("nosuchcommand",), 2, "No such command 'nosuchcommand'"),
]


@pytest.mark.parametrize(("args", "code", "problem"), COMMAND_CASES, ids=[" ".join(c[0]) for c in COMMAND_CASES])
def test_cli_bad_options_and_inputs_one_line(tmp_path: Path, args: tuple[str, ...], code: int, problem: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "good.jsonl").write_text(json.dumps({"text": GOOD}) + "\n", encoding="utf-8")
    (tmp_path / "corrupt.parquet").write_bytes(b"PAR1" + b"\x07" * 40 + b"PAR1")
    (tmp_path / "table.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "note.txt").write_text("x", encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.jsonl")
    if args[0] == "export" and "sqlite:///s.db" in args:
        _run("ingest", "-q", "--db", "sqlite:///s.db", "good.txt", cwd=tmp_path)
    r = _run(*args, cwd=tmp_path, timeout=60)
    assert r.returncode == code, r.stderr
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0], r.stderr
    assert r.stdout == ""


# `rasd batch` over a directory: (file, a piece of its error row's reason) — the other files are processed
BATCH_CASES: list[tuple[str, str]] = [
    ("queue.txt", "not a regular file (a FIFO, socket or device): skipped"),
    ("empty.txt", "empty file"),
    ("nul.txt", "binary file"),
]


def test_batch_directory_bad_files_are_error_rows_and_bad_bytes_warned(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    raw = OTHER.encode()
    (d / "onebad.txt").write_bytes(raw[:9] + b"\xfe" + raw[9:])
    os.mkfifo(d / "queue.txt")
    (d / "empty.txt").write_bytes(b"")
    (d / "nul.txt").write_bytes(b"\x00\x00" + raw)
    (tmp_path / "junk.warc").write_bytes(b"WARC/1.0\r\nnothing here\r\n\r\n")
    r = _run("batch", "in", "out", "--format", "jsonl", "--workers", "1", cwd=tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    warning = [ln for ln in r.stderr.splitlines() if ln.startswith("rasd: warning:")]
    assert len(warning) == 1 and "onebad.txt: 1 invalid UTF-8 sequence at byte 9" in warning[0], r.stderr
    errors = {e["record"]: e["reason"] for f in sorted((tmp_path / "out" / "errors").iterdir())
              for e in map(json.loads, f.read_text(encoding="utf-8").splitlines())}
    for name, problem in BATCH_CASES:
        assert problem in errors[name], errors
    records = {rec["document"]["source"]: rec for f in sorted((tmp_path / "out" / "records").iterdir())
               for rec in map(json.loads, f.read_text(encoding="utf-8").splitlines())}
    assert set(records) == {"good.txt", "onebad.txt"} and records["onebad.txt"]["document"]["decode_errors"] == 1
    r = _run("batch", "junk.warc", "wout", "--format", "jsonl", "--workers", "1", cwd=tmp_path)
    assert r.returncode == 0 and "1 errors" in r.stderr
    errs = [json.loads(ln) for f in (tmp_path / "wout" / "errors").iterdir()
            for ln in f.read_text(encoding="utf-8").splitlines()]
    assert [e["reason"] for e in errs] == ["no WARC record found (not a WARC file?)"]


def test_batch_bad_records_are_error_rows_and_surrogates_replaced(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    rows = [{"text": GOOD, "id": "g"}, {"text": OTHER, "published": "2020-01-01garbage"},
            {"text": OTHER, "id": {"n": 1}}, {"text": OTHER, "id": True}, {"text": OTHER, "source": ["a"]},
            {"text": SURROGATE_TEXT, "id": "s\udc00", "source": "src\ud800"}]
    (tmp_path / "in.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    r = _run("batch", "in.jsonl", "out", "--format", "jsonl", "--workers", "1", cwd=tmp_path)
    assert r.returncode == 0 and "Traceback" not in r.stderr
    errors = [json.loads(ln) for f in sorted((tmp_path / "out" / "errors").iterdir())
              for ln in f.read_text(encoding="utf-8").splitlines()]
    assert [(e["record"], e["reason"]) for e in errors] == [
        ("line 2", "published '2020-01-01garbage' is not a YYYY-MM-DD date"),
        ("line 3", "'id' is not a string or a number (JSON object)"),
        ("line 4", "'id' is not a string or a number (JSON boolean)"),
        ("line 5", "'source' is not a string (JSON array)")]
    records = [json.loads(ln) for f in sorted((tmp_path / "out" / "records").iterdir())
               for ln in f.read_text(encoding="utf-8").splitlines()]
    texts = {rec["document"]["source"]: rec["text"] for rec in records}
    assert texts["src\ufffd"] == SURROGATE_TEXT.replace("\ud800", "\ufffd")


def test_inputs_item_from_mapping_replaces_lone_surrogates() -> None:
    item = item_from_mapping({"text": SURROGATE_TEXT, "id": "a\ud800", "source": "\udfffs"}, Fields(),
                             input="in.jsonl", record="line 1", name="in.jsonl")
    assert item.error is None and item.text is not None
    assert len(item.text) == len(SURROGATE_TEXT) and "\ufffd" in item.text
    assert (item.input_id, item.source) == ("a\ufffd", "\ufffds")


def test_ingest_jsonl_lone_surrogate_is_stored_with_offsets_kept(tmp_path: Path) -> None:
    pytest.importorskip("sqlalchemy")
    from rasd.pipeline import Pipeline
    from rasd.store import Store
    from rasd.store.ingest import ingest_paths

    (tmp_path / "s.jsonl").write_text(json.dumps({"text": SURROGATE_TEXT, "id": "x\ud800"}) + "\n",
                                      encoding="utf-8")
    store = Store.open(f"sqlite:///{tmp_path / 's.db'}")
    try:
        summary = ingest_paths(store, Pipeline.load(), [tmp_path / "s.jsonl"], progress=False)
        assert summary.ingested == 1 and not summary.failed
        stored = store.list_documents(limit=5)
    finally:
        store.close()
    assert "\ud800" not in json.dumps(stored, ensure_ascii=False)


def test_ingest_iso_day_rejects_trailing_garbage() -> None:
    from rasd.store.ingest import iso_day

    assert iso_day("2020-01-01") == "2020-01-01"
    assert iso_day("2020-01-01T08:30:00Z") == "2020-01-01"
    assert iso_day("2020-01-01 08:30") == "2020-01-01"
    for bad in ("2020-01-01garbage", "2020-01-01T99", "2020-01-01 x"):
        with pytest.raises(ValueError):
            iso_day(bad)


def test_api_post_lone_surrogate_is_replaced_not_a_500(tmp_path: Path) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from rasd.api import Settings, create_app

    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'api.db'}", api_token="t0k"))
    auth = {"Authorization": "Bearer t0k", "Content-Type": "application/json"}
    body = json.dumps({"text": SURROGATE_TEXT, "source": "wire\ud800", "id": "n\udfff"})  # "\\ud800" escapes
    assert "\\ud800" in body
    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.post("/api/documents", content=body.encode(), headers=auth)
        assert r.status_code == 201, r.text
        doc = client.get(f"/api/documents/{r.json()['document_id']}").json()
        expected = SURROGATE_TEXT.replace("\ud800", "\ufffd")
        assert doc["text"] == expected and len(doc["text"]) == len(SURROGATE_TEXT)
        for m in doc.get("mentions", []):
            assert doc["text"][m["start"]:m["end"]] == m["text"]
        garbage = client.post("/api/documents", json={"text": OTHER, "published": "2020-01-01garbage"},
                              headers=auth)
        assert garbage.status_code == 422
        assert client.post("/api/documents", json={"text": OTHER, "id": 5}, headers=auth).status_code == 422
        assert client.post("/api/documents", json={"text": OTHER, "source": {"a": 1}},
                           headers=auth).status_code == 422
        bad_date = json.dumps({"text": OTHER, "published": "\ud800"})
        assert client.post("/api/documents", content=bad_date.encode(), headers=auth).status_code == 422

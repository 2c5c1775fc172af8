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
    return [Case("feed.jsonl:2", "invalid JSON"), Case("feed.jsonl:3", "expected an object"),
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
             "nowhere.txt", f"x{ESC}.txt", "onebad.txt", cwd=tmp_path)
    assert r.returncode == 1
    _assert_one_line_each(r.stderr, ingest_cases, "failed")
    summary = json.loads(r.stdout)
    assert summary["ingested"] == 3 and len(summary["failed"]) == len(ingest_cases)
    assert "warning onebad.txt: 1 invalid UTF-8 sequence at byte 7" in r.stderr
    assert len(extract_cases) + len(ingest_cases) >= 20


@pytest.mark.parametrize(("args", "problem"), [
    (("extract", "--max-bytes", "-5", "good.txt"), "--max-bytes -5: must be a positive number of bytes"),
    (("extract", "--max-bytes", "0", "good.txt"), "--max-bytes 0: must be a positive number of bytes"),
    (("batch", "fifo.jsonl", "out"), "fifo.jsonl: not a regular file"),
    (("batch", "nothing.jsonl", "out"), "nothing.jsonl: no such file or directory"),
    (("ingest", "--db", "nosuchdb://x", "good.txt"), "cannot open the store"),
])
def test_cli_bad_options_and_inputs_one_line_exit_2(tmp_path: Path, args: tuple[str, ...], problem: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(tmp_path / "fifo.jsonl")
    r = _run(*args, cwd=tmp_path, timeout=60)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and problem in lines[0], r.stderr
    assert r.stdout == ""


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

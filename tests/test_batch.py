"""rasd batch: input units, bad records, the local engine on 1 and 2 workers, a real Spark local[2] job."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

SPARK_EXTRA = "needs the [spark] extra: python -m pip install -e '.[spark]'"
pa = pytest.importorskip("pyarrow", reason=SPARK_EXTRA)
pq = pytest.importorskip("pyarrow.parquet", reason=SPARK_EXTRA)

from rasd.batch import (  # noqa: E402
    TABLES,
    BatchInputError,
    BatchOptions,
    Fields,
    OutputError,
    plan_units,
    read_table,
    read_unit,
    run_batch,
)
from rasd.isodates import parse_published  # noqa: E402

# Short reports written for these tests.
REPORTS: list[dict[str, Any]] = [
    {"id": "r1", "source": "وكالة تجريبية", "published": "2020-03-17",
     "text": "أفادت مصادر طبية في مدينة مصراتة بمقتل سبعة مدنيين بينهم طفلان وإصابة اثني عشر آخرين، "
             "جراء قصف مدفعي استهدف حيا سكنيا مساء الاثنين. واتهمت حكومة الوفاق قوات حفتر بالوقوف وراء القصف."},
    {"id": "r2", "published": "2021-08-02T09:30:00Z",
     "text": "شنت طائرات مسيرة غارات على مواقع في محيط مدينة سرت فجر اليوم، ما أسفر عن مقتل خمسة مقاتلين "
             "على الأقل، بحسب ما أعلن متحدث عسكري."},
    {"id": "bad-number", "text": 42},
    {"id": "r3",
     "text": "تظاهر مئات من سكان بنغازي أمس للمطالبة بوقف إطلاق النار، ورفع المحتجون لافتات تدعو إلى حماية المدنيين."},
    {"id": "bad-empty", "text": "   \n"},
    {"id": "r4", "source": "نشرة محلية", "published": "2019-11-05",
     "text": "نزحت نحو ثلاثمئة عائلة من البلدات الواقعة جنوب طرابلس خلال الأسبوع الماضي بسبب تجدد الاشتباكات، "
             "وفق ما ذكرت منظمة إغاثية محلية."},
    {"id": "bad-date", "published": "الأسبوع الماضي", "text": "قتل جندي في انفجار عبوة ناسفة قرب الحدود."},
]
GOOD = [r for r in REPORTS if not str(r["id"]).startswith("bad")]


def _write_jsonl(path: Path, extra_lines: tuple[str, ...] = ("{not json",)) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in REPORTS]
    lines[3:3] = list(extra_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _rows(out: Path, table: str) -> list[dict[str, Any]]:
    return list(read_table(str(out), table).to_pylist())


# ---- input layer (no pipeline) --------------------------------------------------------------------------

def test_batch_plan_units_cuts_jsonl_by_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"text": f"نص {i}"}, ensure_ascii=False) + "\n" for i in range(5))
                   + '{"text": "بلا سطر أخير"}', encoding="utf-8")
    units = plan_units(str(src), unit_size=2)
    assert [u.first for u in units] == [1, 3, 5]
    records = [it.record for u in units for it in read_unit(u)]
    assert records == [f"line {n}" for n in range(1, 7)]
    assert [it.text for it in read_unit(units[-1])] == ["نص 4", "بلا سطر أخير"]
    assert plan_units(str(src), unit_size=2) == units  # planning is deterministic


def test_batch_read_unit_turns_bad_records_into_errors(tmp_path: Path) -> None:
    src = _write_jsonl(tmp_path / "in.jsonl", ("{not json", "[1, 2]"))
    items = [it for u in plan_units(str(src)) for it in read_unit(u)]
    errors = {it.record: it.error for it in items if it.error}
    assert errors == {
        "line 3": "'text' is not a string (JSON number)",
        "line 4": "invalid JSON: Expecting property name enclosed in double quotes at column 2",
        "line 5": "record is not a JSON object (array)",
        "line 7": "empty 'text'",
        "line 9": "published 'الأسبوع الماضي' is not a YYYY-MM-DD date",
    }
    good = [it for it in items if not it.error]
    assert [it.input_id for it in good] == ["r1", "r2", "r3", "r4"]
    assert [it.published for it in good] == ["2020-03-17", "2021-08-02", None, "2019-11-05"]
    assert good[0].source == "وكالة تجريبية" and good[2].source == "in.jsonl#r3"


def test_batch_published_field_and_parse(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"text": "نص", "date": "2018-01-02"}) + "\n", encoding="utf-8")
    [unit] = plan_units(str(src))
    [item] = read_unit(unit, Fields(published="date"))
    assert item.published == "2018-01-02"
    assert parse_published("2019-05-09 10:00:00") == "2019-05-09"
    with pytest.raises(ValueError):
        parse_published(20190509)


def test_batch_plan_units_rejects_missing_and_unknown_inputs(tmp_path: Path) -> None:
    with pytest.raises(BatchInputError, match="no such file"):
        plan_units(str(tmp_path / "absent.jsonl"))
    (tmp_path / "x.csv").write_text("a,b\n")
    with pytest.raises(BatchInputError, match="unknown input kind"):
        plan_units(str(tmp_path / "x.csv"))


# ---- engines (the real pipeline) ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def local_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The JSONL corpus through the local engine on one worker (in process); units of 2 records."""
    base = tmp_path_factory.mktemp("batch")
    src = _write_jsonl(base / "reports.jsonl")
    out = base / "out1"
    result = run_batch(BatchOptions(input=str(src), output=str(out), workers=1, unit_size=2))
    assert result.units == 4
    assert result.totals["documents"] == len(GOOD) and result.totals["errors"] == 4
    return src, out


def test_batch_local_tables_are_flat_typed_and_in_input_order(local_run: tuple[Path, Path], pipeline: Any) -> None:
    src, out = local_run
    for table in TABLES:
        schema = pq.read_schema(next((out / table).glob("part-*.parquet")))
        assert schema.names == [name for name, _ in TABLES[table]]
    docs = _rows(out, "documents")
    assert [d["input_id"] for d in docs] == [r["id"] for r in GOOD]
    assert [d["published"] for d in docs] == ["2020-03-17", "2021-08-02", None, "2019-11-05"]
    errors = _rows(out, "errors")
    assert [e["record"] for e in errors] == ["line 3", "line 4", "line 6", "line 8"]
    assert all(e["reason"] and e["input"] == str(src) for e in errors)
    # the rows are the pipeline's record, flattened
    expected = pipeline.extract_text(GOOD[0]["text"], source=GOOD[0]["source"], published="2020-03-17")
    assert docs[0]["doc_id"] == expected.document.id and docs[0]["text"] == GOOD[0]["text"]
    events = [e for e in _rows(out, "events") if e["doc_id"] == expected.document.id]
    assert [e["event_id"] for e in events] == [e.id for e in expected.events]
    assert docs[0]["n_events"] == len(expected.events) and docs[0]["n_mentions"] == len(expected.mentions)
    texts = {d["doc_id"]: d["text"] for d in docs}
    assert _rows(out, "events"), "the reports should give events"
    for e in _rows(out, "events"):
        if e["evidence_start"] is not None:
            assert 0 <= e["evidence_start"] < e["evidence_end"] <= len(texts[e["doc_id"]])
    for m in _rows(out, "mentions"):
        assert texts[m["doc_id"]][m["start"]:m["end"]] == m["text"]
    for c in _rows(out, "counts"):
        assert texts[c["doc_id"]][c["start"]:c["end"]] == c["text"] and isinstance(c["value"], int)


def test_batch_local_two_workers_and_rerun_give_identical_bytes(local_run: tuple[Path, Path], tmp_path: Path) -> None:
    src, out1 = local_run
    out2 = tmp_path / "out2"
    run_batch(BatchOptions(input=str(src), output=str(out2), workers=2, unit_size=2))
    assert _tree(out2) == _tree(out1)
    run_batch(BatchOptions(input=str(src), output=str(out2), workers=1, unit_size=2, overwrite=True))
    assert _tree(out2) == _tree(out1)


def test_batch_refuses_non_empty_output_without_overwrite(local_run: tuple[Path, Path]) -> None:
    src, out = local_run
    with pytest.raises(OutputError, match="not empty"):
        run_batch(BatchOptions(input=str(src), output=str(out)))


def test_batch_jsonl_output_is_document_records(local_run: tuple[Path, Path], tmp_path: Path, pipeline: Any) -> None:
    src, _ = local_run
    out = tmp_path / "jl"
    run_batch(BatchOptions(input=str(src), output=str(out), format="jsonl", unit_size=3))
    lines = [json.loads(line) for p in sorted((out / "records").glob("*.jsonl"))
             for line in p.read_text(encoding="utf-8").splitlines()]
    assert [rec["input"]["id"] for rec in lines] == [r["id"] for r in GOOD]
    r4 = GOOD[3]
    expected = pipeline.extract_text(r4["text"], source=r4["source"], published=r4["published"]).to_json()
    got = dict(lines[3])
    got.pop("input")
    assert got == expected and got["schema"] == "rasd.document/1"
    errors = [json.loads(line) for p in sorted((out / "errors").glob("*.jsonl"))
              for line in p.read_text(encoding="utf-8").splitlines()]
    assert [e["record"] for e in errors] == ["line 3", "line 4", "line 6", "line 8"]


def test_batch_parquet_and_directory_inputs(local_run: tuple[Path, Path], tmp_path: Path) -> None:
    _, out_jsonl = local_run
    # Parquet with the same columns gives the same documents as JSON Lines
    table = pa.table({"id": [r["id"] for r in GOOD], "text": [r["text"] for r in GOOD],
                      "source": [r.get("source") for r in GOOD], "published": [r.get("published") for r in GOOD]})
    pq.write_table(table, tmp_path / "in.parquet", row_group_size=3)
    run_batch(BatchOptions(input=str(tmp_path / "in.parquet"), output=str(tmp_path / "o_pq"), unit_size=2))
    ids = [d["doc_id"] for d in _rows(tmp_path / "o_pq", "documents")]
    assert ids == [d["doc_id"] for d in _rows(out_jsonl, "documents")]
    assert [d["record"] for d in _rows(tmp_path / "o_pq", "documents")] == ["row 0", "row 1", "row 2", "row 3"]
    # a directory of .txt and .html files; an empty file and a binary one become errors
    docs = tmp_path / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text(GOOD[0]["text"], encoding="utf-8")
    page = f"<html><head><title>خبر</title></head><body><article><p>{GOOD[1]['text']}</p></article></body></html>"
    (docs / "sub" / "b.html").write_text(page, encoding="utf-8")
    (docs / "c.txt").write_bytes(b"")
    (docs / "d.txt").write_bytes(bytes(range(256)) * 4)
    (docs / "notes.md").write_text("ignored")
    run_batch(BatchOptions(input=str(docs), output=str(tmp_path / "o_dir"), unit_size=2))
    drows = _rows(tmp_path / "o_dir", "documents")
    assert [(d["record"], d["content_type"]) for d in drows] == [("a.txt", "text/plain"), ("sub/b.html", "text/html")]
    assert "سرت" in drows[1]["text"] and "<p>" not in drows[1]["text"]
    assert [e["record"] for e in _rows(tmp_path / "o_dir", "errors")] == ["c.txt", "d.txt"]


def test_batch_warc_input_reads_html_and_text_responses(local_run: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("warcio", reason=SPARK_EXTRA)
    _, out_jsonl = local_run
    page = f"<html><head><title>خبر</title></head><body><article><p>{GOOD[1]['text']}</p></article></body></html>"
    # a WARC: HTML responses are read, other records skipped
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(tmp_path / "crawl.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for uri, ctype, body in (("http://example.org/a", "text/html; charset=utf-8", page.encode()),
                                 ("http://example.org/logo.png", "image/png", b"\x89PNG\r\n"),
                                 ("http://example.org/b", "text/plain", GOOD[3]["text"].encode())):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
    run_batch(BatchOptions(input=str(tmp_path / "crawl.warc.gz"), output=str(tmp_path / "o_warc")))
    wrows = _rows(tmp_path / "o_warc", "documents")
    assert [d["source"] for d in wrows] == ["http://example.org/a", "http://example.org/b"]
    assert wrows[1]["doc_id"] == _rows(out_jsonl, "documents")[3]["doc_id"]


def test_batch_cli_command(local_run: tuple[Path, Path], tmp_path: Path) -> None:
    import typer
    from typer.testing import CliRunner

    from rasd.cli.batch import register

    app = typer.Typer()
    register(app)

    @app.callback()
    def _root() -> None:  # keeps `batch` a subcommand
        pass

    src, out1 = local_run
    out = tmp_path / "cli"
    res = CliRunner().invoke(app, ["batch", str(src), str(out), "--workers", "2", "--unit-size", "2"])
    assert res.exit_code == 0, res.output
    assert "4 documents" in res.output and "4 errors" in res.output
    assert _tree(out) == _tree(out1)
    res = CliRunner().invoke(app, ["batch", str(src), str(out)])
    assert res.exit_code == 2 and "not empty" in res.output


def test_batch_spark_logging_is_warnings_only_unless_verbose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import typer
    from typer.testing import CliRunner

    import rasd.batch
    from rasd.batch.spark import LOG4J2_CONFIG
    from rasd.cli.batch import register

    config = LOG4J2_CONFIG.read_text(encoding="utf-8")  # packaged beside the engine, the JVM reads it
    assert "rootLogger.level = ${sys:rasd.spark.level:-WARN}" in config
    seen: list[str] = []

    def fake_run(opts: BatchOptions, progress: Any = None) -> Any:
        seen.append(opts.log_level)
        return type("R", (), {"totals": dict.fromkeys(("documents", "events", "counts", "mentions", "errors"), 0),
                              "units": 0, "output": opts.output, "warnings": ()})()

    monkeypatch.setattr(rasd.batch, "run_batch", fake_run)
    app = typer.Typer()
    register(app)
    app.callback()(lambda: None)
    src = tmp_path / "in.jsonl"
    src.write_text("", encoding="utf-8")
    for flags in ([], ["--verbose"], ["--quiet"]):
        res = CliRunner().invoke(app, ["batch", str(src), str(tmp_path / "out"), *flags])
        assert res.exit_code == 0, res.output
        assert ("rasd batch: 0 documents" in res.stderr) is (flags != ["--quiet"])
    assert seen == ["WARN", "INFO", "WARN"]


def test_batch_spark_local2_matches_local_engine(local_run: tuple[Path, Path], tmp_path: Path) -> None:
    pytest.importorskip("pyspark", reason=SPARK_EXTRA)
    src, out1 = local_run
    out = tmp_path / "spark"
    result = run_batch(BatchOptions(input=str(src), output=str(out), engine="spark", master="local[2]",
                                    partitions=2, unit_size=2))
    assert result.totals["documents"] == len(GOOD)
    assert _tree(out) == _tree(out1)

"""The `rasd extract` command: formats, several inputs, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from rasd.cli.commands import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "report_tripoli.txt"
runner = CliRunner()


def test_cli_extract_one_file_prints_one_json_record() -> None:
    res = runner.invoke(app, ["extract", str(EXAMPLE), "--published", "2019-05-09"])
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout)
    assert rec["schema"] == "rasd.document/1"
    assert rec["document"]["published"] == "2019-05-09"
    assert rec["events"]


def test_cli_extract_several_files_give_json_lines_in_order(tmp_path: Path) -> None:
    second = tmp_path / "b.txt"
    second.write_text("قتل مدني في قصف على مدينة حلب أمس.", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(EXAMPLE), str(second)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert [x["document"]["source"] for x in lines] == [str(EXAMPLE), str(second)]


def test_cli_extract_reads_stdin() -> None:
    res = runner.invoke(app, ["extract", "-", "--source", "wire"], input="اندلعت اشتباكات في مدينة سرت.".encode())
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout)["document"]["source"] == "wire"


def test_cli_extract_table_format_summarises_events() -> None:
    res = runner.invoke(app, ["extract", str(EXAMPLE), "--published", "2019-05-09", "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "events" in res.stdout and "Battles" in res.stdout and "killed" in res.stdout


def test_cli_extract_bad_inputs_are_reported_and_the_rest_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "blob.bin"
    binary.write_bytes(bytes(range(256)) * 4)
    missing = tmp_path / "missing.txt"
    res = runner.invoke(app, ["extract", str(empty), str(EXAMPLE), str(binary), str(missing)])
    assert res.exit_code == 1
    records = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(records) == 1
    err_lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert any("empty.txt" in x and "empty" in x for x in err_lines)
    assert any("blob.bin" in x and "binary" in x for x in err_lines)
    assert any("missing.txt" in x for x in err_lines)
    assert "Traceback" not in res.output


def test_cli_extract_rejects_a_malformed_published_date() -> None:
    res = runner.invoke(app, ["extract", str(EXAMPLE), "--published", "9/5/2019"])
    assert res.exit_code == 2
    assert "YYYY-MM-DD" in res.output


def test_cli_extract_an_internal_error_costs_one_file_not_the_batch(tmp_path: Path, monkeypatch: Any) -> None:
    from rasd.pipeline import Pipeline

    real = Pipeline.extract_decoded

    def flaky(self: Pipeline, decoded: Any, *, source: str, published: str | None = None, **kw: Any) -> Any:
        if source.endswith("bad.txt"):
            raise RuntimeError("simulated bug")
        return real(self, decoded, source=source, published=published, **kw)

    monkeypatch.setattr(Pipeline, "extract_decoded", flaky)
    bad = tmp_path / "bad.txt"
    bad.write_text("اندلعت اشتباكات في مدينة سرت.", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(bad), str(EXAMPLE)])
    assert res.exit_code == 1
    assert len([x for x in res.stdout.splitlines() if x.strip()]) == 1
    assert "bad.txt: internal error while extracting: RuntimeError: simulated bug" in res.stderr
    assert "Traceback" not in res.output


def test_cli_runs_as_python_module() -> None:
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "rasd", "--help"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "python -m rasd" in done.stdout and "extract" in done.stdout

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


def test_cli_extract_table_shows_unlinked_places_by_their_arabic_name(tmp_path: Path) -> None:
    """A place no entry resolves has no English name: the table shows its Arabic name, never a blank."""
    own = tmp_path / "own.txt"
    own.write_text("قتل ثمانية مدنيين في قصف مدفعي على قرية في ولاية راخين غربي ميانمار أمس.", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(own), "--published", "2024-03-05", "--format", "table"])
    assert res.exit_code == 0, res.output
    assert "راخين (MM, precision" in res.stdout and "→ (unlinked)" in res.stdout, res.stdout


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


def test_cli_version_prints_the_package_version() -> None:
    from rasd import __version__

    res = runner.invoke(app, ["--version"])
    assert res.exit_code == 0 and res.stdout.strip() == f"rasd {__version__}"


def _rasd_script(tmp_path: Path) -> Path:
    """A `rasd` launcher over this tree (the installed console script may point at another checkout)."""
    import sys

    script = tmp_path / "bin" / "rasd"
    script.parent.mkdir()
    script.write_text(f"#!{sys.executable}\nfrom rasd.cli.commands import main\nmain()\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_cli_install_completion_installs_a_working_bash_completion(tmp_path: Path) -> None:
    import os
    import subprocess

    rasd = _rasd_script(tmp_path)
    # the shell is named, not detected from the parent process (under nohup or a job runner there is none)
    env = {**os.environ, "HOME": str(tmp_path), "PYTHONPATH": str(ROOT / "src"),
           "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    done = subprocess.run([str(rasd), "--install-completion", "bash"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    script = (tmp_path / ".bash_completions" / "rasd.sh").read_text(encoding="utf-8")
    assert "_RASD_COMPLETE" in script and "rasd.sh" in (tmp_path / ".bashrc").read_text(encoding="utf-8")
    done = subprocess.run([str(rasd)], capture_output=True, text=True, timeout=60,
                          env={**env, "_RASD_COMPLETE": "complete_bash", "COMP_WORDS": "rasd ex", "COMP_CWORD": "1"})
    assert "extract" in done.stdout.split() and "export" in done.stdout.split(), done.stdout


def _all_commands() -> dict[str, Any]:
    """Every leaf command of the full CLI (the optional extras' commands registered), by its path."""
    import typer

    from rasd.cli.commands import register_optional

    full = typer.Typer()
    full.registered_commands = list(app.registered_commands)
    full.registered_groups = list(app.registered_groups)
    register_optional(full)
    out: dict[str, Any] = {}
    for name, cmd in typer.main.get_command(full).commands.items():  # type: ignore[attr-defined]
        subs = cmd.commands.items() if hasattr(cmd, "commands") else [(None, cmd)]
        for sub, leaf in subs:
            out[f"{name} {sub}" if sub else name] = leaf
    return out


def test_cli_every_command_takes_quiet_and_verbose() -> None:
    commands = _all_commands()
    assert {"extract", "ingest", "serve", "export", "eval", "eval-ner", "batch", "resources validate"} <= set(commands)
    for name, cmd in commands.items():
        opts = {o for p in cmd.params for o in p.opts}
        assert {"--quiet", "-q", "--verbose", "-v"} <= opts, name


def test_cli_quiet_with_verbose_is_one_line_exit_2() -> None:
    res = runner.invoke(app, ["extract", str(EXAMPLE), "-q", "-v"])
    assert res.exit_code == 2
    assert res.stderr.strip() == "rasd: error: --quiet and --verbose exclude each other"


def test_cli_extract_verbose_says_what_each_file_gave(tmp_path: Path) -> None:
    res = runner.invoke(app, ["extract", str(EXAMPLE), "--verbose"])
    assert res.exit_code == 0, res.output
    assert any(ln.startswith("rasd: ") and " events, " in ln and ln.endswith(" s") for ln in res.stderr.splitlines())
    quiet = runner.invoke(app, ["extract", str(EXAMPLE), "--quiet"])
    assert quiet.exit_code == 0 and quiet.stderr == ""


def test_cli_extract_published_date_is_one_line_exit_2() -> None:
    for bad in ("9/5/2019", "20190509", "2019-5-9", "notadate"):
        res = runner.invoke(app, ["extract", str(EXAMPLE), "--published", bad])
        assert res.exit_code == 2
        assert res.stderr.strip() == f"rasd: error: --published {bad!r}: not a date in YYYY-MM-DD form"


def test_cli_help_imports_no_heavy_module() -> None:
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['rasd', '--help']\nfrom rasd.cli.commands import main\ntry:\n    main()\n"
            "except SystemExit:\n    pass\n"
            "heavy = [m for m in ('sqlalchemy', 'rich', 'yaml', 'pydantic', 'rasd.pipeline', 'rasd.records', "
            "'rasd.evaluation.score', 'rasd.text.decode', 'fastapi') if m in sys.modules]\n"
            "assert not heavy, heavy")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr

"""Extraction time grows linearly on figure-dense text, and a per-document time budget stops a runaway one
(issue 17 item 1; benchmarks/adversarial.py measures the slope up to 1 MB)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rasd.budget import TimeBudgetExceeded, default_budget
from rasd.cli import commands as cli
from rasd.cli.commands import app

UNITS = ("قتل ٥ ", "قتل 5 أشخاص. ", "قتل 3 مدنيين وأصيب 7 آخرون في غارة على خان يونس. ")


def _text(unit: str, kb: int) -> str:
    return unit * (kb * 1024 // len(unit.encode("utf-8")))


def _best_of(pipeline: Any, text: str, runs: int = 3) -> float:
    """The least CPU time of `runs` extractions: this process's CPU clock, not the wall clock, so that other
    processes on a busy machine (which only delay the extraction) do not move the ratio."""
    best = float("inf")
    for _ in range(runs):
        t0 = time.process_time()
        pipeline.extract_text(text)
        best = min(best, time.process_time() - t0)
    return best


@pytest.mark.parametrize("unit", UNITS)
def test_time_grows_linearly_on_repeated_figures(pipeline: Any, unit: str) -> None:
    # 4 times the text: a quadratic part would take ~16 times as long; linear work takes ~4 times
    small, large = _best_of(pipeline, _text(unit, 4)), _best_of(pipeline, _text(unit, 16))
    assert large / small < 8, f"{unit!r}: 4 KB {small:.3f} s, 16 KB {large:.3f} s ({large / small:.1f}x)"


def test_a_tiny_budget_stops_a_long_text(pipeline: Any) -> None:
    with pytest.raises(TimeBudgetExceeded, match=r"time budget of 0\.001 s"):
        pipeline.extract_text(_text("قتل 5 أشخاص. ", 200), max_seconds=0.001)
    # the budget is per call: the next document runs without it
    assert pipeline.extract_text("قتل 5 أشخاص في غزة.").events


def test_a_normal_budget_changes_nothing(pipeline: Any) -> None:
    text = "قتل 5 أشخاص في غارة على غزة أمس."
    assert pipeline.extract_text(text, max_seconds=60).to_json() == pipeline.extract_text(text).to_json()


def test_default_budget_grows_with_the_text() -> None:
    assert default_budget(1_000) == default_budget(0) > 0
    assert default_budget(1_000_000) == 10 * default_budget(100_000)


def test_cli_extract_fails_the_runaway_file_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the default budget, made tiny for the long text only: the short one is extracted
    monkeypatch.setattr(cli, "default_budget", lambda n: 0.001 if n > 10_000 else 60.0)
    big = tmp_path / "big.txt"
    big.write_text(_text("قتل 5 أشخاص. ", 300), encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("قتل 5 أشخاص في غارة على غزة أمس.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--format", "jsonl", str(big), str(small)])
    assert result.exit_code == 1
    assert "big.txt: extraction over its time budget of 0.001 s" in result.output
    assert "Traceback" not in result.output
    assert '"source"' in result.output and "small.txt" in result.output  # the other file was extracted


def test_cli_extract_rejects_a_budget_that_is_not_positive(tmp_path: Path) -> None:
    small = tmp_path / "small.txt"
    small.write_text("قتل 5 أشخاص في غزة.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", "--max-seconds", "0", str(small)])
    assert result.exit_code == 2
    assert "--max-seconds must be a positive number" in result.output

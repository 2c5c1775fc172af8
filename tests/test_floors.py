"""The accuracy floors of tests/floors/, checked by the suite itself, so that `python -m pytest` alone shows a
regression (`.ci/run` checks them again with `rasd eval … --floors`, which prints the scores).

Marked `floors`: `python -m pytest -m "not floors"` leaves them out while iterating on a change."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from rasd.cli.evaluate import find_articles, run_eval
from rasd.evaluation.score import floors_check

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "floors"
DEV = ROOT.parent / "shared" / "dev"

pytestmark = pytest.mark.floors


def _problems(gold_dir: Path, floors: Path, pipeline: Any) -> list[str]:
    run = run_eval(find_articles(gold_dir), pipeline)
    failed = [f"{f.id} failed: {f.reason}" for f in run.failures]
    return failed + floors_check(run.report, floors, run.corpus_hash)


def test_floors_own_gold_set_holds(pipeline: Any) -> None:
    problems = _problems(ROOT / "tests" / "gold", FLOORS / "own.json", pipeline)
    assert not problems, "\n".join(problems)


def test_floors_dev_set_holds(pipeline: Any) -> None:
    if not DEV.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{DEV} is absent: CI must check the dev floors (tests/floors/dev.json); "
                        "the run needs ../shared beside the checkout")
        pytest.skip("../shared/dev is absent (real texts are kept outside the repository)")
    problems = _problems(DEV, FLOORS / "dev.json", pipeline)
    assert not problems, "\n".join(problems)

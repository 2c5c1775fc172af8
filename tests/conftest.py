"""Shared fixtures: the pipeline (loaded once per session), golden-file comparison, ../shared location."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from the current output instead of comparing")


@pytest.fixture(scope="session")
def pipeline() -> Any:
    from rasd.pipeline import Pipeline

    return Pipeline.load()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (real texts are kept outside the repository)")
    return SHARED


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, Any], None]:
    """golden("stage/name.json", data): compare data with the golden file (or rewrite it with --update-golden)."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, data: Any) -> None:
        path = GOLDEN / name
        text = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        if update or not path.exists():
            if not update:
                pytest.fail(f"golden file {path} missing; run pytest --update-golden and review it")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            return
        expected = json.loads(path.read_text(encoding="utf-8"))
        assert json.loads(text) == expected, f"output differs from {path} (review, then --update-golden)"

    return check

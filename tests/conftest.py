"""Shared fixtures: the pipeline (loaded once per session), golden-file comparison, ../shared location."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true",
                     help="rewrite golden files from the current output instead of comparing")


FORBID_SKIPS = "RASD_FORBID_SKIPS"  # .ci/run sets it: there every extra and service is installed


def _skipped(config: pytest.Config) -> int:
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    return len(reporter.stats.get("skipped", [])) if reporter is not None else 0


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With RASD_FORBID_SKIPS=1 a skipped test fails the run: in CI nothing may be left out quietly."""
    if os.environ.get(FORBID_SKIPS) == "1" and _skipped(session.config) and exitstatus == 0:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    if os.environ.get(FORBID_SKIPS) == "1":
        n = _skipped(config)
        terminalreporter.write_line(f"skipped: {n}" + (f" — {FORBID_SKIPS}=1: a skipped test fails this run "
                                                       "(see the reasons with -rs)" if n else ""))


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


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A store URL for each database rasd supports: a fresh SQLite file, and the PostgreSQL test database
    RASD_TEST_PG_URL names (emptied before and after), skipped without it."""
    from store_fixtures import PG_ENV, reset_postgres

    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'rasd.db'}"
        return
    url = os.environ.get(PG_ENV)
    if not url:
        pytest.skip(f"{PG_ENV} not set: no PostgreSQL server to test against")
    reset_postgres(url)
    yield url
    reset_postgres(url)

"""The compiled build (setup.py, mypyc): which modules it compiles, and that a compiled install runs them."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _compiled() -> list[str]:
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return list(tomllib.load(fh)["tool"]["rasd"]["compiled"])


def test_build_compiled_modules_are_modules_of_the_package() -> None:
    names = _compiled()
    assert names and len(set(names)) == len(names)
    for name in names:
        assert (ROOT / "src" / "rasd" / f"{name}.py").is_file(), name


@pytest.mark.skipif(os.environ.get("RASD_EXPECT_COMPILED") != "1",
                    reason="set RASD_EXPECT_COMPILED=1 when the suite runs on a compiled install (.ci/run does)")
def test_build_compiled_install_runs_the_extensions() -> None:
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for name in _compiled():
        module = importlib.import_module(f"rasd.{name}")
        assert str(module.__file__).endswith(suffixes), f"rasd.{name} runs from {module.__file__}"

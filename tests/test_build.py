"""The compiled build (setup.py, mypyc): which modules it compiles, and that a compiled install runs them."""

from __future__ import annotations

import importlib
import importlib.machinery
import os
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _compiled() -> list[str]:
    """The compiled modules as pyproject.toml names them: a path under src/rasd without .py ("events/roles")."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return list(tomllib.load(fh)["tool"]["rasd"]["compiled"])


def _module(name: str) -> str:
    """The import name of a compiled module ("events/roles" → rasd.events.roles)."""
    return "rasd." + name.replace("/", ".")


def test_build_compiled_modules_are_modules_of_the_package() -> None:
    names = _compiled()
    assert names and len(set(names)) == len(names)
    for name in names:
        assert (ROOT / "src" / "rasd" / f"{name}.py").is_file(), name
        assert "." not in name and not name.endswith("__init__"), name


def test_build_install_runs_all_extensions_or_none() -> None:
    """RASD_EXPECT_COMPILED=1: every compiled module runs as an extension (.ci/run's second pass, on the
    wheel); =0: every one runs from its Python source (an editable install, .ci/run's first pass); unset: one
    or the other, never a mix (a half-compiled install would mix two builds of the rule modules)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    where = {name: str(importlib.import_module(_module(name)).__file__) for name in _compiled()}
    as_extension = {name for name, path in where.items() if path.endswith(suffixes)}
    expected = os.environ.get("RASD_EXPECT_COMPILED")
    if expected == "1":
        assert as_extension == set(where), f"not compiled: {sorted(set(where) - as_extension)}"
    elif expected == "0":
        assert not as_extension, f"compiled, though a pure-Python install was expected: {sorted(as_extension)}"
    else:
        assert as_extension in (set(), set(where)), f"a mixed install: only {sorted(as_extension)} compiled"


def test_build_compiles_every_module_of_the_events_package() -> None:
    """A module added to rasd/events is compiled with the rest of it (its __init__ only re-exports)."""
    names = set(_compiled())
    for path in sorted((ROOT / "src" / "rasd" / "events").glob("*.py")):
        if path.stem != "__init__":
            assert f"events/{path.stem}" in names, path.name

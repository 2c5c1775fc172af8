"""Build of rasd: the metadata is in pyproject.toml; this file only adds the compiled modules.

The rule modules (recognizers, linking, event assembly) are compiled to C extensions with mypyc when a wheel
is built (`pip install .`, `pip wheel .`): the same source, type-checked and compiled, taking 23-29% less
time per article (benchmarks/README.md). Their Python source ships beside them and is what runs when the
extensions cannot be built.

- Editable installs (`pip install -e .`) are always pure Python, so that an edit takes effect without a
  rebuild (an extension beside its source would shadow it).
- `RASD_COMPILE=0` builds pure Python; `RASD_COMPILE=1` requires the compiled build (a failure stops the
  install instead of falling back).
- Without a C compiler (or when mypyc fails), the install goes on in pure Python and says so.

The modules compiled are listed in pyproject.toml, [tool.rasd] compiled, each by its path under src/rasd
without ".py": "counts" is src/rasd/counts.py, "events/roles" src/rasd/events/roles.py.
"""

from __future__ import annotations

import os
import sys
import tomllib
from typing import Any

from setuptools import setup
from setuptools.command.build_ext import build_ext

with open("pyproject.toml", "rb") as fh:
    COMPILED: list[str] = tomllib.load(fh)["tool"]["rasd"]["compiled"]


def module_path(name: str) -> str:
    """The source file of a compiled module named as in [tool.rasd] compiled ("events/roles" or "events.roles")."""
    return "src/rasd/" + name.replace(".", "/") + ".py"


class OptionalBuildExt(build_ext):
    """Builds the extensions all together or not at all: a module whose extension failed would import a
    shared library that is not there, so on any failure every built extension is removed again."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # compiler missing or failing: pure Python, unless the compiled build was asked for
            if os.environ.get("RASD_COMPILE") == "1":
                raise
            for path in self.get_outputs():
                if os.path.exists(path):
                    os.remove(path)
            print(f"rasd: the compiled modules could not be built ({type(exc).__name__}: the C compiler is missing "
                  "or failed); installing pure Python (RASD_COMPILE=1 stops with the compiler's error)",
                  file=sys.stderr)


def _extensions() -> list[Any]:
    wanted = os.environ.get("RASD_COMPILE", "")
    editable = any(cmd in sys.argv for cmd in ("editable_wheel", "develop"))
    building = any(cmd in sys.argv for cmd in ("bdist_wheel", "build", "build_ext", "install"))
    if wanted == "0" or editable or not building:  # metadata queries (egg_info, dist_info, sdist) need no C
        return []
    try:
        from mypyc.build import mypycify

        return list(mypycify(["--config-file", "pyproject.toml", *(module_path(m) for m in COMPILED)],
                             opt_level="3"))
    except (Exception, SystemExit) as exc:  # mypy missing, or it found an error (mypyc exits)
        if wanted == "1":
            raise
        print(f"rasd: mypyc could not compile the rule modules ({exc}); installing pure Python", file=sys.stderr)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})

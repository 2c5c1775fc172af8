"""Size limits of rasd's own code (issue "The house"): small functions, classes and modules keep each rule
findable and testable alone. Complexity (ruff's C901, max 15) is checked by ruff itself (pyproject.toml)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "rasd"
MAX_FUNCTION_LINES = 60
MAX_CLASS_LINES = 300
MAX_MODULE_LINES = 600


def _too_big(path: Path, shown: str) -> list[str]:
    """Functions, classes and the module itself in `path` (named `shown`) that exceed their limit."""
    text = path.read_text(encoding="utf-8")
    found = []
    lines = len(text.splitlines())
    if lines > MAX_MODULE_LINES:
        found.append(f"{shown}: module of {lines} lines (limit {MAX_MODULE_LINES})")
    for node in ast.walk(ast.parse(text)):
        limit = (MAX_FUNCTION_LINES if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                 else MAX_CLASS_LINES if isinstance(node, ast.ClassDef) else None)
        if limit is None:
            continue
        size = (node.end_lineno or node.lineno) - node.lineno + 1
        if size > limit:
            found.append(f"{shown}:{node.lineno}: {node.name} has {size} lines (limit {limit})")
    return found


def test_codebase_functions_classes_and_modules_stay_small() -> None:
    found = [problem for path in sorted(SRC.rglob("*.py"))
             for problem in _too_big(path, path.relative_to(SRC.parent).as_posix())]
    assert not found, "\n".join(found)


def test_codebase_size_check_sees_long_functions_classes_and_modules(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    body = "\n".join(f"    x{i} = {i}" for i in range(MAX_FUNCTION_LINES))
    sample.write_text(f"def long_one() -> None:\n{body}\n", encoding="utf-8")
    assert [p for p in _too_big(sample, "sample.py") if "long_one has 61 lines" in p]
    methods = "\n".join(f"    def m{i}(self) -> None:\n        pass\n" for i in range(MAX_CLASS_LINES // 3 + 1))
    sample.write_text(f"class Big:\n{methods}", encoding="utf-8")
    assert [p for p in _too_big(sample, "sample.py") if "Big has" in p]
    sample.write_text("x = 1\n" * (MAX_MODULE_LINES + 1), encoding="utf-8")
    assert [p for p in _too_big(sample, "sample.py") if "module of 601 lines" in p]
    sample.write_text("def short_one() -> None:\n    pass\n", encoding="utf-8")
    assert _too_big(sample, "sample.py") == []

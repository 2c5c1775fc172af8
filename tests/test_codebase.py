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


def _undocumented(path: Path, shown: str) -> list[str]:
    """The module itself and every public class, function and method of it (not the functions nested inside
    a function) that has no docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = [] if ast.get_docstring(tree) else [f"{shown}: module"]

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                if not child.name.startswith("_") and not ast.get_docstring(child):
                    out.append(f"{shown}:{child.lineno}: {child.name}")
                if isinstance(child, ast.ClassDef):
                    visit(child)

    visit(tree)
    return out


def test_codebase_every_module_and_public_function_says_its_job() -> None:
    found = [m for p in sorted(SRC.rglob("*.py")) for m in _undocumented(p, str(p.relative_to(SRC)))]
    assert not found, "without a one-line docstring:\n" + "\n".join(found)


def test_codebase_docstring_check_sees_what_lacks_one(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def job():\n    return 1\n\n\nclass Box:\n    def open(self):\n        def _inner():\n"
                   "            pass\n\n    def _private(self):\n        pass\n", encoding="utf-8")
    assert _undocumented(bad, "bad.py") == ["bad.py: module", "bad.py:1: job", "bad.py:5: Box", "bad.py:6: open"]

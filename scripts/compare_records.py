"""Proves that a change of code leaves rasd's records as they were: extracts every text we have with two versions
of rasd and diffs the records, corpus by corpus.

    python scripts/compare_records.py BEFORE [AFTER]

BEFORE and AFTER are git revisions (a commit, a branch, HEAD~3); AFTER defaults to the working tree as it is,
uncommitted edits included. Each version runs in its own process with its own source tree on PYTHONPATH (a
revision is checked out into a temporary git worktree), so neither sees the other's modules or data files.

Corpora: our own gold set (tests/gold), the examples, ../shared/dev and ../shared/samples where ../shared
exists (real texts, read in place and never copied), and a synthetic benchmark corpus
(benchmarks/generate_corpus.py, seeded; --bench N articles, 0 to leave it out). Publication dates come from
the gold or metadata files, as `rasd eval` reads them.

Prints one line per corpus (texts, identical, differing, failed) and, for each differing text, the first
paths into the record where the two versions differ; exits 1 when any record differs or fails.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SHOWN_PATHS = 5  # differing paths shown per text
SHOWN_TEXTS = 10  # differing texts shown per corpus


@dataclass(frozen=True, slots=True)
class Text:
    corpus: str
    id: str
    text: str
    published: str | None


def _published(meta: Path) -> str | None:
    """The publication day from a gold or metadata JSON file, when it names one."""
    if not meta.is_file():
        return None
    try:
        value = json.loads(meta.read_text(encoding="utf-8")).get("published")
    except (OSError, ValueError, AttributeError):
        return None
    return value[:10] if isinstance(value, str) and len(value) >= 10 else None


def _folder(corpus: str, folder: Path) -> Iterator[Text]:
    for path in sorted(folder.glob("*.txt")):
        stem = path.name[: -len(".txt")]
        published = _published(folder / f"{stem}.gold.json") or _published(folder / f"{stem}.json")
        yield Text(corpus, path.name, path.read_text(encoding="utf-8"), published)


def _jsonl(corpus: str, path: Path) -> Iterator[Text]:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            row = json.loads(line)
            yield Text(corpus, str(row.get("id") or f"line {n}"), row["text"], row.get("published"))


def gather(bench: int, work: Path) -> list[Text]:
    """Every text of every corpus that exists here."""
    texts = list(_folder("own-gold", ROOT / "tests" / "gold"))
    texts += _folder("examples", ROOT / "examples")
    texts += _jsonl("examples", ROOT / "examples" / "reports.jsonl")
    for name in ("dev", "samples"):
        if (SHARED / name).is_dir():
            texts += _folder(f"shared-{name}", SHARED / name)
    if bench > 0:
        out = work / "bench.jsonl"
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), "--n", str(bench),
                        "--out", str(out)], check=True, capture_output=True)
        texts += _jsonl("benchmark", out)
    return texts


# ------------------------------------------------------------------------------------------ one version

WORKER = """
import json, sys
import rasd
from rasd.pipeline import Pipeline
src = sys.argv[1]
assert rasd.__file__.startswith(src), f"rasd imported from {rasd.__file__}, not from {src}"
pipe = Pipeline.load()
with open(sys.argv[2], encoding="utf-8") as inp, open(sys.argv[3], "w", encoding="utf-8") as out:
    for line in inp:
        t = json.loads(line)
        try:
            rec = pipe.extract_text(t["text"], source=t["id"], published=t["published"]).to_json()
            row = {"record": rec}
        except Exception as exc:  # a failure is a result to compare too
            row = {"error": f"{type(exc).__name__}: {exc}"}
        out.write(json.dumps(row, ensure_ascii=False, sort_keys=True) + "\\n")
"""


def extract(src: Path, texts: list[Text], work: Path, label: str) -> list[dict[str, Any]]:
    """Records of every text by the rasd whose source tree is `src` (its own process)."""
    inp, out = work / f"{label}.in.jsonl", work / f"{label}.out.jsonl"
    with inp.open("w", encoding="utf-8") as fh:
        for t in texts:
            fh.write(json.dumps({"id": t.id, "text": t.text, "published": t.published}, ensure_ascii=False) + "\n")
    env = {**os.environ, "PYTHONPATH": str(src)}
    subprocess.run([sys.executable, "-c", WORKER, str(src), str(inp), str(out)], check=True, env=env, cwd=work)
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def source_tree(rev: str | None, work: Path) -> Path:
    """The src/ folder of a revision (checked out into a temporary worktree), or of the working tree."""
    if rev is None:
        return ROOT / "src"
    dest = work / f"tree-{len(list(work.glob('tree-*')))}"
    subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", "--quiet", str(dest), rev], check=True)
    return dest / "src"


# ------------------------------------------------------------------------------------------ the diff

def differences(a: Any, b: Any, path: str = "") -> Iterator[str]:
    """Paths (record.events[2].counts[0].value …) at which two JSON values differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in sorted(set(a) | set(b)):
            if key not in a or key not in b:
                yield f"{path}.{key} ({'added' if key not in a else 'removed'})"
            else:
                yield from differences(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            yield f"{path} (length {len(a)} -> {len(b)})"
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            yield from differences(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: {json.dumps(a, ensure_ascii=False)[:80]} -> {json.dumps(b, ensure_ascii=False)[:80]}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("before", help="git revision of the old code")
    ap.add_argument("after", nargs="?", default=None, help="git revision of the new code (default: working tree)")
    ap.add_argument("--bench", type=int, default=400, help="synthetic benchmark articles (default 400; 0: none)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="rasd-compare-") as tmp:
        work = Path(tmp)
        try:
            texts = gather(args.bench, work)
            old = extract(source_tree(args.before, work), texts, work, "before")
            new = extract(source_tree(args.after, work), texts, work, "after")
        finally:
            for tree in work.glob("tree-*"):
                subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], check=False)
    bad = 0
    for corpus in dict.fromkeys(t.corpus for t in texts):
        rows = [(t, o, n) for t, o, n in zip(texts, old, new, strict=True) if t.corpus == corpus]
        differing = [(t, list(differences(o, n))) for t, o, n in rows if o != n]
        failed = sum(1 for _, o, n in rows if "error" in o or "error" in n)
        print(f"{corpus}: {len(rows)} texts, {len(rows) - len(differing)} identical, {len(differing)} differing, "
              f"{failed} failed")
        for t, paths in differing[:SHOWN_TEXTS]:
            print(f"  {t.id}: " + "; ".join(paths[:SHOWN_PATHS]) + (" …" if len(paths) > SHOWN_PATHS else ""))
        bad += len(differing) + failed
    print("identical records" if not bad else f"{bad} texts differ or failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())

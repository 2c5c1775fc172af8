"""Our tests use our own words: no text the project keeps shares a long run of words with the real articles.

Real reports (../shared/dev, ../shared/samples) are for evaluation only. Every git-tracked text file of the
project (tests, fixtures, golden files, our own gold set, examples, docs, code comments, the lexicons) is read
as a stream of words normalized by rasd's own normalizer (diacritics, alef/ya/ta-marbuta variants, digits),
and no run of RUN words in it may also stand in a shared text. The name dictionaries (actors/, gazetteer/) are
exempt: a long official name is a fact, not a borrowed sentence.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pytest

from rasd.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]
RUN = 8
EXEMPT = ("src/rasd/resources/data/actors/", "src/rasd/resources/data/gazetteer/")
_WORD = re.compile(r"[^\W_]+")  # a run of letters and digits (Arabic or Latin) after normalization


def words(text: str) -> list[tuple[str, int]]:
    """The normalized words of `text`, each with the offset in `text` where it starts."""
    norm = normalize(text)
    return [(m.group(), norm.index[m.start()]) for m in _WORD.finditer(norm.text)]


def shingles(tokens: list[str], n: int = RUN) -> Iterator[tuple[int, int]]:
    """(position, hash) of every run of `n` consecutive words."""
    for i in range(len(tokens) - n + 1):
        yield i, hash(tuple(tokens[i:i + n]))


def shingle_table(texts: Iterable[tuple[str, str]], n: int = RUN) -> dict[int, str]:
    """hash of each n-word run → the name of the first text it stands in."""
    table: dict[int, str] = {}
    for name, text in texts:
        for _, h in shingles([w for w, _ in words(text)], n):
            table.setdefault(h, name)
    return table


def shared_runs(text: str, table: Mapping[int, str], n: int = RUN) -> list[tuple[int, str, str]]:
    """(line, run, shared text) for each passage of `text` made of overlapping n-word windows found in `table`:
    the line where it starts, its normalized words and the shared text its first window stands in."""
    ws = words(text)
    tokens = [w for w, _ in ws]
    found: list[tuple[int, str, str]] = []
    run_start = run_end = -1  # the current run covers tokens[run_start:run_end]
    source = ""

    def close() -> None:
        if run_start >= 0:
            line = text.count("\n", 0, ws[run_start][1]) + 1
            found.append((line, " ".join(tokens[run_start:run_end]), source))

    for i, h in shingles(tokens, n):
        name = table.get(h)
        if name is None:
            continue
        if i < run_end:
            run_end = i + n  # this window overlaps the run: one passage
            continue
        close()
        run_start, run_end, source = i, i + n, name
    close()
    return found


def tracked_text_files(root: Path) -> list[tuple[str, str]]:
    """(path, text) of every UTF-8 text file git tracks, or would track once added (untracked and not ignored:
    a new file is checked before its first commit), outside the exempt name dictionaries."""
    try:
        out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root,
                             capture_output=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: the tracked files cannot be listed")
    files: list[tuple[str, str]] = []
    for rel in sorted({p for p in out.decode("utf-8").split("\0") if p and not p.startswith(EXEMPT)}):
        path = root / rel
        if not path.is_file():
            continue  # deleted in the work tree, not yet in the index
        data = path.read_bytes()
        if b"\0" in data:
            continue
        try:
            files.append((rel, data.decode("utf-8-sig")))
        except UnicodeDecodeError:
            continue  # binary (images)
    return files


def overlaps(root: Path, shared: Path, n: int = RUN) -> dict[str, list[tuple[int, str, str]]]:
    """Every tracked file sharing a run of `n` words with ../shared/dev or ../shared/samples, with its runs."""
    texts = sorted([*(shared / "dev").glob("*.txt"), *(shared / "samples").glob("*.txt")])
    table = shingle_table((f"{p.parent.name}/{p.name}", p.read_text(encoding="utf-8-sig")) for p in texts)
    result: dict[str, list[tuple[int, str, str]]] = {}
    for rel, text in tracked_text_files(root):
        runs = shared_runs(text, table, n)
        if runs:
            result[rel] = runs
    return result


def test_originality_no_tracked_file_shares_a_run_with_the_shared_texts(shared_dir: Path) -> None:
    found = overlaps(ROOT, shared_dir)
    report = [f"{rel}:{line}: «{run}» (../shared/{source})"
              for rel, runs in found.items() for line, run, source in runs]
    if report:
        pytest.fail(f"{len(found)} file(s) share runs of {RUN} or more normalized words with real texts in "
                    "../shared; rewrite them in our own words:\n" + "\n".join(report), pytrace=False)


# ------------------------------------------------------------------------------------ the helpers themselves

_SHARED = ("غادر الوفد مدينة الساحل صباح الخميس بعد أن أنهى محادثات طويلة مع وجهاء القبائل حول تبادل الأسرى.\n"
           "وقالت اللجنة إن 14 أسيرا أفرج عنهم.")


def test_originality_finds_a_run_written_with_other_spellings() -> None:
    table = shingle_table([("ours.txt", _SHARED)])
    # eight shared words on line 2, spelled with other hamza, ta marbuta, ya and diacritics; line 3 shares
    # only seven (with Arabic-Indic digits)
    text = ("مقدمة لا صلة لها.\nوذكر مراسلنا أن الوفد غادر مدينه الساحل صَباح الخميس بعد ان انهى محادثات قصيرة.\n"
            "وقالت اللجنة إن ١٤ أسيرا أفرج عنهم أمس.")
    assert shared_runs(text, table) == [(2, "مدينه الساحل صباح الخميس بعد ان انهي محادثات", "ours.txt")]


def test_originality_reports_one_longest_run_per_passage() -> None:
    table = shingle_table([("ours.txt", _SHARED)])
    text = "قال شاهد: " + _SHARED.replace("\n", " ") + " وانتهى الخبر."
    [(line, run, source)] = shared_runs(text, table)
    assert (line, source) == (1, "ours.txt") and len(run.split()) == len(words(_SHARED))


def test_originality_ignores_a_shorter_run_and_reordered_words() -> None:
    table = shingle_table([("ours.txt", _SHARED)])
    seven = "غادر الوفد مدينة الساحل صباح الخميس بعد ظهر اليوم."  # 7 shared words, then others
    reordered = "صباح الخميس غادر الوفد مدينة الساحل بعد أن أنهى محادثات طويلة."
    assert shared_runs(seven, table) == []
    assert shared_runs(reordered, table) == []
    assert shared_runs(seven, shingle_table([("ours.txt", _SHARED)], n=7), n=7) != []


def test_originality_skips_the_name_dictionaries_and_binary_files() -> None:
    names = [rel for rel, _ in tracked_text_files(ROOT)]
    if not names:
        pytest.skip("no tracked files")
    assert not any(rel.startswith(EXEMPT) for rel in names)
    assert "src/rasd/resources/data/cues.yaml" in names and "tests/test_originality.py" in names
    assert "tests/golden/counts/toll_city.txt" in names
    assert not any(rel.endswith(".png") for rel in names)

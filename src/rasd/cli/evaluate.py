"""`rasd eval` and `rasd eval-ner`: how far to trust rasd, measured (DESIGN.md §7, eval/FORMAT.md).

`rasd eval GOLD_DIR` runs the pipeline (loaded once) on the article of every `<id>.gold.json` and scores the
records with `rasd.evaluation.score.score`. An article whose text is missing or unreadable, or that the pipeline
fails on, counts as an empty prediction and is listed. `--floors FILE` checks the scores against pinned
floors (exit 1, one line per problem); `--update-floors` raises them (never lowers them without `--lower`).

`rasd eval-ner FILE` scores the dictionary recognizer against CoNLL BIO data (`rasd.evaluation.ner`).
"""

from __future__ import annotations

import datetime
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .commands import _err
from .options import QuietOption, VerboseOption, Verbosity, verbosity

if TYPE_CHECKING:  # the scorer, rich and the decoder are imported when a command runs (`rasd --help` is fast)
    from rich.console import Console
    from rich.progress import Progress

    from ..evaluation.score import EvalReport, GoldDocument, Mismatch

GOLD_SUFFIX = ".gold.json"
DEFAULT_MARGIN = 0.0
TOP_ERRORS = 10


# ------------------------------------------------------------------------------------------ the work

@dataclass(frozen=True, slots=True)
class Article:
    """One gold file and what goes with it."""

    id: str
    gold_path: Path
    gold: GoldDocument
    text_path: Path | None
    meta_path: Path | None
    published: str | None


@dataclass(frozen=True, slots=True)
class Failure:
    """An article the evaluator could not score, and why."""
    id: str
    reason: str


@dataclass(frozen=True, slots=True)
class EvalRun:
    """One evaluation: the report, the corpus hash, the articles scored and the failures."""
    report: EvalReport
    corpus_hash: str
    articles: tuple[Article, ...]
    failures: tuple[Failure, ...]


def _iso_day(value: Any) -> str | None:
    """An ISO day from a metadata value ("2019-05-08", "2019-05-08T10:00:00"); None when not a date."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _metadata(path: Path | None) -> dict[str, Any]:
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return {}
    return data if isinstance(data, dict) else {}


def _first_file(*candidates: Path | None) -> Path | None:
    for c in candidates:
        if c is not None and c.is_file():
            return c
    return None


def find_articles(gold_dir: Path, texts_dir: Path | None = None) -> list[Article]:
    """Every `<id>.gold.json` in gold_dir (sorted by id), with its text, metadata and publication date.

    Text: `texts_dir/<id>.txt` when --texts is given and it exists, else the file next to the gold file
    (`article_path`). Published: the gold file's "published", else the metadata `<id>.json` (next to the
    text or the gold file) "published" or "publication_date". Raises GoldError for a broken gold file."""
    from ..evaluation.score import article_path, load_gold

    out: list[Article] = []
    for gp in sorted(gold_dir.glob("*" + GOLD_SUFFIX)):
        aid = gp.name[: -len(GOLD_SUFFIX)]
        gold = load_gold(gp)
        text = _first_file(texts_dir / f"{aid}.txt" if texts_dir else None, texts_dir / f"{aid}.html"
                           if texts_dir else None) or article_path(gp)
        meta = _first_file(texts_dir / f"{aid}.json" if texts_dir else None, gp.with_name(f"{aid}.json"))
        published = gold.published
        if published is None:
            md = _metadata(meta)
            published = _iso_day(md.get("published")) or _iso_day(md.get("publication_date"))
        out.append(Article(id=aid, gold_path=gp, gold=gold, text_path=text, meta_path=meta, published=published))
    return out


def extract_article(art: Article, pipeline: Any) -> tuple[dict[str, Any] | None, str, Failure | None]:
    """(record as JSON, text, failure) of one article; a failure leaves no record."""
    from ..text.decode import InputError, read_input

    if art.text_path is None:
        return None, "", Failure(art.id, "no article text found")
    text = ""
    try:
        decoded = read_input(str(art.text_path))
        text = decoded.text
        record = pipeline.extract_decoded(decoded, source=art.text_path.name, published=art.published).to_json()
    except InputError as exc:
        return None, text, Failure(art.id, str(exc))
    except Exception as exc:  # a pipeline bug on one article must not stop the evaluation
        return None, text, Failure(art.id, f"pipeline failed: {type(exc).__name__}: {exc}")
    return record, text, None


def run_records(articles: Sequence[Article], pipeline: Any) -> list[dict[str, Any]]:
    """The records of the articles rasd could read (for `rasd resources suggest` on a gold directory)."""
    return [rec for art in articles if (rec := extract_article(art, pipeline)[0]) is not None]


def run_eval(articles: Sequence[Article], pipeline: Any,
             progress: Callable[[str], None] | None = None) -> EvalRun:
    """Run the pipeline on every article and score it; failures count as empty predictions."""
    from ..evaluation.score import corpus_hash, score

    pairs: list[tuple[GoldDocument, dict[str, Any] | None, str]] = []
    failures: list[Failure] = []
    for art in articles:
        record, text, failure = extract_article(art, pipeline)
        if failure is not None:
            failures.append(failure)
        pairs.append((art.gold, record, text))
        if progress is not None:
            progress(art.id)
    files: list[Path] = []
    for art in articles:
        files.append(art.gold_path)
        if art.text_path is not None:
            files.append(art.text_path)
        if art.meta_path is not None:
            files.append(art.meta_path)
    return EvalRun(report=score(pairs), corpus_hash=corpus_hash(files), articles=tuple(articles),
                   failures=tuple(failures))


# ----------------------------------------------------------------------------------- kinds of error

def error_category(m: Mismatch) -> str:
    """A short category for a mismatch: the count kind (and who), the event type, or the field's own."""
    if m.field == "counts":
        return m.item.split(" ", 1)[0]
    if m.field == "counts_who":
        parts = m.item.split(" ")
        return f"{parts[0]}/{parts[-1]}" if len(parts) >= 3 else parts[0]
    if m.field in ("acled_types", "plover_types"):
        return m.item
    if m.field == "events":
        typ, sep, _ = m.item.partition(" @ ")
        return f"{typ} {'with place' if sep else 'no place'}"
    return ""


def error_kind(m: Mismatch) -> str:
    """field + miss/false_alarm + category, e.g. "counts miss killed", "events false_alarm Battles no place"."""
    cat = error_category(m)
    return f"{m.field} {m.kind}" + (f" {cat}" if cat else "")


def top_errors(report: EvalReport, n: int = TOP_ERRORS) -> list[tuple[str, int]]:
    """The n most frequent kinds of error with their counts (ties in name order)."""
    counts = Counter(error_kind(m) for m in report.mismatches)
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def report_json(run: EvalRun, gold_dir: Path) -> dict[str, Any]:
    """The evaluation as the JSON object `--report` writes."""
    r = run.report
    return {
        "schema": "rasd.eval/1",
        "gold_dir": str(gold_dir),
        "articles": r.articles,
        "corpus_hash": run.corpus_hash,
        "fields": {f.field: {"precision": round(f.precision, 4), "recall": round(f.recall, 4),
                             "f1": round(f.f1, 4), "tp": f.tp, "predicted": f.predicted, "gold": f.gold}
                   for f in r.fields},
        "failed": [{"id": f.id, "reason": f.reason} for f in run.failures],
        "top_errors": [{"kind": k, "count": c} for k, c in top_errors(r)],
        "errors": [{"article": m.article, "field": m.field, "type": m.kind, "kind": error_kind(m),
                    "item": m.item, "context": m.context} for m in r.mismatches],
    }


def format_errors(report: EvalReport) -> str:
    """Every miss and false alarm, one per line with its article and context."""
    lines = []
    for m in report.mismatches:
        ctx = f"  | {m.context}" if m.context else ""
        lines.append(f"{m.article}\t{m.field}\t{m.kind}\t{m.item}{ctx}")
    return "\n".join(lines)


def format_top_errors(report: EvalReport, n: int = TOP_ERRORS) -> str:
    """The most frequent kinds of error, with their numbers."""
    top = top_errors(report, n)
    if not top:
        return "no errors"
    return "\n".join([f"most frequent kinds of error (of {len(report.mismatches)}):"]
                     + [f"  {c:5d}  {k}" for k, c in top])


# ---------------------------------------------------------------------------------------------- CLI

def load_pipeline() -> Any:
    """The pipeline, loaded once per command (tests replace this function)."""
    from ..pipeline import load_for_process

    return load_for_process()


def _pipeline_or_exit(stderr: Console) -> Any:
    """The pipeline, or a one-line error naming the bad resource file and exit code 2."""
    from ..resources.datafiles import ResourceError

    try:
        return load_pipeline()
    except ResourceError as exc:
        _err(stderr, f"language resource: {exc}")
        raise typer.Exit(2) from exc


def _progress(stderr: Console, say: Verbosity) -> Progress:
    """A progress bar on stderr (drawn on a terminal, and not with --quiet)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                    console=stderr, transient=True, disable=not stderr.is_terminal or say.quiet)


def eval_command(
    gold_dir: Annotated[Path, typer.Argument(help="Directory of <id>.gold.json files (eval/FORMAT.md).")],
    texts: Annotated[Path | None, typer.Option(help="Directory of <id>.txt article texts (default: next to the gold files).")] = None,
    report: Annotated[Path | None, typer.Option(help="Write a JSON report (scores, corpus hash, failures, errors) here.")] = None,
    errors: Annotated[bool, typer.Option("--errors", help="Print every miss and false alarm with its article and context.")] = False,
    floors: Annotated[Path | None, typer.Option(help="Floors file: exit 1 when a score is below its floor or the corpus differs.")] = None,
    update_floors: Annotated[bool, typer.Option("--update-floors", help="Raise the floors in --floors to today's scores less --margin.")] = False,
    lower: Annotated[bool, typer.Option("--lower", help="With --update-floors: also lower floors (an explicit act).")] = False,
    margin: Annotated[float, typer.Option(help="With --update-floors: pin floors this far below the measured score.")] = DEFAULT_MARGIN,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Score rasd against gold annotations: P/R/F1 per field (eval/FORMAT.md)."""
    from ..evaluation.score import GoldError

    say = verbosity(quiet, verbose)
    stderr = say.console()
    problem = _option_problem(gold_dir, texts, floors, update_floors, lower, margin)
    if problem is not None:
        _err(stderr, problem)
        raise typer.Exit(2)
    try:
        articles = find_articles(gold_dir, texts)
    except GoldError as exc:
        _err(stderr, f"gold file {exc}")
        raise typer.Exit(2) from exc
    if not articles:
        _err(stderr, f"{gold_dir}: no *{GOLD_SUFFIX} files")
        raise typer.Exit(2)
    pipe = _pipeline_or_exit(stderr)

    with _progress(stderr, say) as prog:
        task = prog.add_task("scoring", total=len(articles))

        def scored(article_id: str) -> None:
            prog.advance(task)
            say.detail(f"rasd: scored {article_id}")

        run = run_eval(articles, pipe, progress=scored)

    _write_scores(run, errors)
    if report is not None:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text(json.dumps(report_json(run, gold_dir), ensure_ascii=False, indent=2) + "\n",
                          encoding="utf-8")
    if floors is not None:
        _floors(run, floors, update_floors=update_floors, lower=lower, margin=margin, stderr=stderr)


def _option_problem(gold_dir: Path, texts: Path | None, floors: Path | None, update_floors: bool, lower: bool,
                    margin: float) -> str | None:
    """What is wrong with `rasd eval`'s arguments, before anything is loaded; None when nothing is."""
    if not gold_dir.is_dir():
        return f"{gold_dir}: not a directory"
    if texts is not None and not texts.is_dir():
        return f"{texts}: not a directory"
    if (update_floors or lower) and floors is None:
        return "--update-floors and --lower need --floors FILE"
    if lower and not update_floors:
        return "--lower only makes sense with --update-floors"
    if not 0 <= margin < 1:
        return "--margin must be in [0, 1)"
    if floors is not None and not update_floors and not floors.is_file():
        return f"{floors}: no such floors file (create it with --update-floors)"
    return None


def _write_scores(run: EvalRun, errors: bool) -> None:
    """The score table (after every error with --errors), the failed articles, the top errors, the corpus."""
    from ..evaluation.score import format_table

    out = sys.stdout
    if errors:
        out.write(format_errors(run.report) + "\n\n")
    out.write(format_table(run.report) + "\n")
    for f in run.failures:
        out.write(f"failed: {f.id}: {f.reason}\n")
    out.write(format_top_errors(run.report) + "\n")
    out.write(f"corpus {run.corpus_hash}\n")
    out.flush()


def _floors(run: EvalRun, floors: Path, *, update_floors: bool, lower: bool, margin: float,
            stderr: Console) -> None:
    """--update-floors: raise (with --lower, also lower) the floors; else check them (exit 1 below one)."""
    from ..evaluation.score import floors_check, raise_floors
    from ..resources.datafiles import ResourceError

    out = sys.stdout
    try:
        if update_floors:
            for line in raise_floors(run.report, floors, run.corpus_hash, allow_lower=lower, margin=margin,
                                     metrics=("f1",)):
                out.write(f"floors: {line}\n")
            out.write(f"floors written to {floors}\n")
            return
        problems = floors_check(run.report, floors, run.corpus_hash)
    except ResourceError as exc:
        _err(stderr, f"floors file {exc}")
        raise typer.Exit(2) from exc
    if problems:
        for p in problems:
            _err(stderr, p)
        raise typer.Exit(1)
    out.write(f"floors hold ({floors})\n")


def eval_ner_command(
    file: Annotated[Path, typer.Argument(help="CoNLL file: 'token TAG' per line, blank line between sentences.")],
    scheme: Annotated[str, typer.Option(help="Tag scheme: BIO or BIOES.")] = "BIO",
    report: Annotated[Path | None, typer.Option(help="Write the scores as JSON here.")] = None,
    recognizer: Annotated[str, typer.Option(help="crf (the learned recognizer) or dictionary (the linkers).")]
    = "crf",
    window: Annotated[int, typer.Option(help="crf: sentences either side whose names a sentence remembers "
                                             "(the file's sentences read as running text); 0: each alone.")] = 0,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Score rasd's name recognizer (the CRF, or the dictionaries) against NER data (PERS/LOC/ORG; MISC
    ignored)."""
    from ..evaluation import ner as ner_eval

    say = verbosity(quiet, verbose)
    stderr = say.console()
    scheme = scheme.upper()
    if scheme not in ner_eval.SCHEMES:
        _err(stderr, f"--scheme must be one of {', '.join(ner_eval.SCHEMES)}")
        raise typer.Exit(2)
    if recognizer not in ner_eval.RECOGNIZERS:
        _err(stderr, f"--recognizer must be one of {', '.join(ner_eval.RECOGNIZERS)}")
        raise typer.Exit(2)
    try:
        sentences = ner_eval.read_conll(file)
    except ner_eval.ConllError as exc:
        _err(stderr, str(exc))
        raise typer.Exit(2) from exc
    pipe = _pipeline_or_exit(stderr)
    with _progress(stderr, say) as prog:
        task = prog.add_task("recognizing", total=len(sentences))
        make = ner_eval.crf_recognizer if recognizer == "crf" else ner_eval.rasd_recognizer
        document = ner_eval.crf_document_recognizer(pipe.resources, window) \
            if recognizer == "crf" and window > 0 else None
        result = ner_eval.score_ner(sentences, None if document else make(pipe.resources), scheme=scheme,
                                    progress=lambda n: prog.advance(task, n), document=document)
    sys.stdout.write(ner_eval.format_ner_table(result) + "\n")
    if report is not None:
        report.write_text(json.dumps(ner_eval.report_json(result), indent=2) + "\n", encoding="utf-8")


def register(app: typer.Typer) -> None:
    """Add `eval` and `eval-ner` to the rasd command line."""
    app.command("eval")(eval_command)
    app.command("eval-ner")(eval_ner_command)


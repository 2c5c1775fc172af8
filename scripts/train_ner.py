"""Train the learned name recognizer (`rasd.recognize.names`): a CRF over ANERcorp's train split and the
Wojood sample, written to src/rasd/resources/data/ner/model.crfsuite, with vocab.tsv beside it (the stems seen
at least twice in the training text, with their frequency band: a feature of the model), persons.tsv and, when
the model reads word classes (`--classes`: C word clusters over unlabeled text — the training text and our own
tests/gold reports, never a test split or ../shared/dev —, L the packaged name lists), classes.tsv.

    python scripts/train_ner.py [--ner-dir ../shared/ner] [--no-wojood] [--classes LC] [--iterations N]
                                [--wordfreq wordfreq.tsv.gz] [--out PATH]
    python scripts/train_ner.py --dev 0.15 --c1 0.1 --c2 0.02 --out /tmp/dev/model.crfsuite   # tuning

`--wordfreq PATH` copies general-corpus word frequencies (scripts/build_wordfreq.py) beside the model, which then
reads them (`rasd.recognize.names.corpus_codes`); the shipped model reads none (they did not gain, README.md).
`--dev F` holds out the last F of ANERcorp's train split (whole documents, as the test split is), trains on the
rest and prints the held-out scores sentence by sentence and with the document memory: parameters and features
are chosen on it, never on the test split. Give it an `--out` outside the package.

The data stays outside the repository (../shared/ner/, see its SOURCES.md); only the trained model ships.
Wojood's nested tags are flattened to their outermost one; GPE and LOC become LOC, PERS and ORG stay, every
other type is O. Features come from rasd's normalization, clitic analysis and the packaged dictionaries, so
retrain after a large change to the gazetteer or the actor dictionary.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from rasd.evaluation.ner import CharSpan, NerReport, Sentence, format_ner_table, read_conll, score_ner
from rasd.pipeline import Resources
from rasd.recognize.names import (
    CLASSES_NAME,
    PERSONS_NAME,
    VOCAB_NAME,
    WORDFREQ_NAME,
    NameTagger,
    _stem,
    cue_words,
    decode_bio,
    dictionary_marks,
    frequency_band,
    model_path,
    person_stems,
    read_wordfreq,
    token_features,
)
from rasd.text.normalize import normalize_name

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_NER = ROOT.parent / "shared" / "ner"
WOJOOD_TYPES = {"GPE": "LOC", "LOC": "LOC", "PERS": "PERS", "ORG": "ORG"}
GOLD_TEXTS = ROOT / "tests" / "gold"  # our own reports: unlabeled text for the clusters
CLUSTER_KS = (32, 128, 512)  # k-means granularities of the word clusters
CLUSTER_DIM, CLUSTER_CONTEXTS, CLUSTER_MIN = 100, 3000, 3  # SVD rank, context stems, least count clustered
_WORD = re.compile(r"[\u0621-\u064a\u0640\u064b-\u0652]+|\d+|[^\s\w]")
WORDFREQ = ""  # the general-corpus frequencies the shipped model reads ("" none; "wordfreq.tsv.gz" the packaged file)
CLASSES = ""  # the word classes the shipped model reads ("" none: neither kind gained enough, see README.md)
PARAMS = {"c1": 0.1, "c2": 0.02, "max_iterations": 200, "feature.possible_transitions": True}


def normalized_words(tokens: tuple[str, ...]) -> list[str]:
    """Each token normalized as rasd normalizes text (the token itself when nothing is left)."""
    return [normalize_name(t) or t for t in tokens]


def wojood(path: Path) -> list[Sentence]:
    """Wojood sentences with flat tags: the outermost tag of each token, mapped to PERS/LOC/ORG."""
    out: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if not parts:
            if tokens:
                out.append(Sentence(tuple(tokens), tuple(tags)))
            tokens, tags = [], []
            continue
        head, _, typ = (parts[1] if len(parts) > 1 else "O").partition("-")
        tokens.append(parts[0])
        tags.append(f"{head}-{WOJOOD_TYPES[typ]}" if typ in WOJOOD_TYPES else "O")
    return out


def _persons(sentences: list[Sentence]) -> dict[str, str]:
    """The person stems (`person_stems`) of some training sentences."""
    return person_stems((_stem(w)[1], tag) for sent in sentences
                        for w, tag in zip(normalized_words(sent.tokens), sent.tags, strict=True))


def _gold_sentences() -> list[list[str]]:
    """Our own reports' lines (tests/gold/*.txt) as stems: unlabeled text for the clusters."""
    out = []
    for path in sorted(GOLD_TEXTS.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            words = [w for w in (normalize_name(t) for t in _WORD.findall(line)) if w]
            if words:
                out.append([_stem(w)[1] for w in words])
    return out


def clusters(sentences: list[list[str]]) -> dict[str, tuple[str, ...]]:
    """Word clusters of the stems seen CLUSTER_MIN times or more: each stem's positive PMI with the
    CLUSTER_CONTEXTS most frequent stems one and two words either side, reduced by a truncated SVD to
    CLUSTER_DIM dimensions and clustered by k-means at each of CLUSTER_KS ("c0=…", "c1=…", "c2=…")."""
    import numpy as np
    from scipy.sparse import coo_matrix
    from scipy.sparse.linalg import svds
    from sklearn.cluster import KMeans

    count = Counter(w for s in sentences for w in s)
    words = sorted(w for w, n in count.items() if n >= CLUSTER_MIN)
    index = {w: i for i, w in enumerate(words)}
    contexts = {w: i for i, (w, _) in enumerate(sorted(count.items(), key=lambda x: (-x[1], x[0]))[:CLUSTER_CONTEXTS])}
    rows, cols = [], []
    for s in sentences:
        for i, w in enumerate(s):
            for k, d in enumerate((-2, -1, 1, 2)):
                c = s[i + d] if w in index and 0 <= i + d < len(s) else "<edge>"
                if w in index and c in contexts:
                    rows.append(index[w])
                    cols.append(contexts[c] * 4 + k)
    m = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(words), len(contexts) * 4)).tocsr().tocoo()
    total, by_row, by_col = m.sum(), np.asarray(m.sum(1)).ravel(), np.asarray(m.sum(0)).ravel()
    pmi = np.log(m.data * total / (by_row[m.row] * by_col[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    u, sv, _ = svds(ppmi, k=CLUSTER_DIM, v0=np.ones(min(ppmi.shape)) / np.sqrt(min(ppmi.shape)))
    x = u * np.sqrt(sv)
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-9
    labels = [KMeans(n_clusters=k, n_init=1, random_state=0).fit_predict(x) for k in CLUSTER_KS]
    return {w: tuple(f"c{g}={int(lab[i])}" for g, lab in enumerate(labels)) for i, w in enumerate(words)}


def name_lists(res: Resources) -> dict[str, tuple[str, ...]]:
    """The name lists each stem (three letters or more) is a word of: a gazetteer place name, any of its
    Arabic names and variants ("lx=…g…"), a person's name in the actor dictionary ("p"), another actor's
    ("o"); descriptive names left out."""
    seen: dict[str, set[str]] = {}

    def add(name: str, flag: str) -> None:
        for w in normalize_name(name).split():
            st = _stem(w)[1]
            if len(st) >= 3:
                seen.setdefault(st, set()).add(flag)

    for name, _ in res.place_linker.gazetteer.names():
        add(name, "g")
    actors = res.actor_linker.actors
    for an in actors.names():
        if not an.descriptive:
            add(an.text, "p" if actors.get(an.actor_id).kind == "person" else "o")
    return {st: (f"lx={''.join(sorted(flags))}",) for st, flags in seen.items()}


def word_classes(train: list[Sentence], res: Resources, kinds: str) -> dict[str, tuple[str, ...]]:
    """The word classes of `kinds` ("C" clusters over the training text and our own reports, "L" name
    lists), merged per stem."""
    out: dict[str, tuple[str, ...]] = {}
    parts = []
    if "C" in kinds:
        parts.append(clusters([[_stem(w)[1] for w in normalized_words(s.tokens)] for s in train]
                              + _gold_sentences()))
    if "L" in kinds:
        parts.append(name_lists(res))
    for part in parts:
        for st, cs in part.items():
            out[st] = out.get(st, ()) + cs
    return out


def write_classes(path: Path, kinds: str, classes: dict[str, tuple[str, ...]]) -> None:
    """Write classes.tsv (a versioned header, then `stem<TAB>classes`); none when the model reads no classes."""
    if not kinds:
        path.unlink(missing_ok=True)
        return
    path.write_text(f"# rasd word classes v1, kinds {kinds} (scripts/train_ner.py; see README.md)\n"
                    + "".join(f"{st}\t{' '.join(cs)}\n" for st, cs in sorted(classes.items())), encoding="utf-8")


def place_wordfreq(source: str, target: Path) -> dict[str, int]:
    """Put the general-corpus frequencies `source` (a path, or a name beside the packaged model) at `target`,
    beside the model, and read them; with no source, remove any file there (the model reads none)."""
    if not source:
        target.unlink(missing_ok=True)
        return {}
    path = Path(source) if Path(source).is_file() else model_path().with_name(source)
    if path.resolve() != target.resolve():
        target.write_bytes(path.read_bytes())
    return read_wordfreq(target)


def held_out(path: Path, res: Resources, dev: list[Sentence], window: int) -> NerReport:
    """The scores of the model at `path` on held-out sentences read in order (`window`: the document memory's
    reach, 0 sentence by sentence)."""
    tagger = NameTagger(path)
    words = [normalized_words(s.tokens) for s in dev]
    marks = [dictionary_marks(w, res.actor_linker, res.place_linker) for w in words]
    spans = []
    for sent, tags in zip(dev, tagger.tag_document(words, marks, window), strict=True):
        offsets = sent.offsets
        spans.append([CharSpan(offsets[n.first][0], offsets[n.last - 1][1], n.type) for n in decode_bio(tags)])
    return score_ner(dev, None, document=lambda _texts: spans)


def main(argv: list[str] | None = None) -> int:
    """Train and write the model."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ner-dir", type=Path, default=DEFAULT_NER)
    ap.add_argument("--no-wojood", action="store_true", help="ANERcorp's train split only")
    ap.add_argument("--iterations", type=int, default=PARAMS["max_iterations"], help="L-BFGS iterations")
    ap.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 penalty")
    ap.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 penalty")
    ap.add_argument("--dev", type=float, default=0.0, help="hold out this last fraction of ANERcorp train and score it")
    ap.add_argument("--classes", default=CLASSES, help="word classes: C clusters, L name lists, '' none")
    ap.add_argument("--wordfreq", default=WORDFREQ,
                    help="general-corpus frequencies (scripts/build_wordfreq.py) copied beside the model, '' none")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "rasd" / "resources" / "data" / "ner" / "model.crfsuite")
    args = ap.parse_args(argv)
    train = read_conll(args.ner_dir / "anercorp" / "ANERCorp_CamelLab_train.txt")
    cut = len(train) - int(len(train) * args.dev)
    train, dev = train[:cut], train[cut:]
    if not args.no_wojood:
        for part in ("train.txt", "val.txt", "test.txt"):
            train += wojood(args.ner_dir / "wojood-sample" / part)
    res = Resources.load()
    trainer = pycrfsuite.Trainer(verbose=False)
    t0 = time.perf_counter()
    counts = Counter(_stem(w)[1] for sent in train for w in normalized_words(sent.tokens))
    vocab = {st: frequency_band(n) for st, n in counts.items() if n >= 2}
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_name(VOCAB_NAME).write_text("".join(f"{st}\t{b}\n" for st, b in sorted(vocab.items())),
                                              encoding="utf-8")
    persons = _persons(train)
    args.out.with_name(PERSONS_NAME).write_text("".join(f"{st}\t{b}\n" for st, b in sorted(persons.items())),
                                                encoding="utf-8")
    # (each half of the training text reads the person stems of the other half: no sentence sees its own tags)
    halves = (_persons(train[1::2]), _persons(train[0::2]))
    cues = cue_words()
    classes = word_classes(train, res, args.classes)
    write_classes(args.out.with_name(CLASSES_NAME), args.classes, classes)
    corpus = place_wordfreq(args.wordfreq, args.out.with_name(WORDFREQ_NAME))
    for i, sent in enumerate(train):
        words = normalized_words(sent.tokens)
        trainer.append(token_features(words, dictionary_marks(words, res.actor_linker, res.place_linker), vocab,
                                      cues, halves[i % 2], classes, corpus), list(sent.tags))
    trainer.set_params({**PARAMS, "max_iterations": args.iterations, "c1": args.c1, "c2": args.c2})
    print(f"{len(train)} sentences, features in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    trainer.train(str(args.out))
    print(f"model: {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.perf_counter() - t0:.1f} s; "
          f"packaged at {model_path()}", file=sys.stderr)
    for window in (0, 30) if dev else ():
        print(f"held out: last {len(dev)} sentences of ANERcorp train, window {window}\n"
              + format_ner_table(held_out(args.out, res, dev, window)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

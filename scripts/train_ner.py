"""Train the learned name recognizer (`rasd.recognize.names`): a CRF over ANERcorp's train split and the
Wojood sample, written to src/rasd/resources/data/ner/model.crfsuite, with vocab.tsv beside it (the stems seen
at least twice in the training text, with their frequency band: a feature of the model).

    python scripts/train_ner.py [--ner-dir ../shared/ner] [--no-wojood] [--out PATH]

The data stays outside the repository (../shared/ner/, see its SOURCES.md); only the trained model ships.
Wojood's nested tags are flattened to their outermost one; GPE and LOC become LOC, PERS and ORG stay, every
other type is O. Features come from rasd's normalization, clitic analysis and the packaged dictionaries, so
retrain after a large change to the gazetteer or the actor dictionary.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

import pycrfsuite

from rasd.evaluation.ner import Sentence, read_conll
from rasd.pipeline import Resources
from rasd.recognize.names import (
    PERSONS_NAME,
    VOCAB_NAME,
    _stem,
    cue_words,
    dictionary_marks,
    frequency_band,
    model_path,
    person_stems,
    token_features,
)
from rasd.text.normalize import normalize_name

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_NER = ROOT.parent / "shared" / "ner"
WOJOOD_TYPES = {"GPE": "LOC", "LOC": "LOC", "PERS": "PERS", "ORG": "ORG"}
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


def main(argv: list[str] | None = None) -> int:
    """Train and write the model."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--ner-dir", type=Path, default=DEFAULT_NER)
    ap.add_argument("--no-wojood", action="store_true", help="ANERcorp's train split only")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "rasd" / "resources" / "data" / "ner" / "model.crfsuite")
    args = ap.parse_args(argv)
    train = read_conll(args.ner_dir / "anercorp" / "ANERCorp_CamelLab_train.txt")
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
    for i, sent in enumerate(train):
        words = normalized_words(sent.tokens)
        trainer.append(token_features(words, dictionary_marks(words, res.actor_linker, res.place_linker), vocab,
                                      cues, halves[i % 2]), list(sent.tags))
    trainer.set_params(PARAMS)
    print(f"{len(train)} sentences, features in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    trainer.train(str(args.out))
    print(f"model: {args.out} ({args.out.stat().st_size // 1024} KiB) in {time.perf_counter() - t0:.1f} s; "
          f"packaged at {model_path()}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

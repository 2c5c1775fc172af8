"""Fuzz rasd (not a test): generated hostile inputs through decoding and the pipeline, checking that nothing
crashes and that every span quotes the text.

    python scripts/fuzz.py --minutes 10 [--seed 1] [--only bytes,surrogates] [--pipeline-every 40]
                           [--json fuzz.json] [--out fuzz-out]

Generators (each gets an equal share of the time):
  bytes       random and UTF-8-like bytes (truncated sequences, BOMs, NULs, Windows-1256) through decode_bytes;
              every PIPELINE_EVERY-th decoded text also through the pipeline
  surrogates  Unicode strings with lone surrogates, astral and combining characters, through decode (as
              surrogatepass bytes) and through Pipeline.extract_text directly (every PIPELINE_EVERY-th;
              --pipeline-every sets it for both: the pipeline costs ~100x decoding, so a large value buys counts)
  salad       word salad of the lexicon's Arabic words with numbers written in every digit script, pipeline
  mutated     the own gold reports (tests/gold/*.txt) mutated: characters deleted, doubled, swapped, digits
              and clitics inserted, sentences repeated, pipeline
  elsewhere   the own gold reports moved to another country: every country's name replaced by one drawn from
              the whole gazetteer, and place names of anywhere put in (reports about countries the actor
              dictionary has no file for), pipeline
  html        deeply nested and unclosed HTML around Arabic text, through decode (trafilatura) and pipeline
  longline    one line of 20-120 KB (no sentence break) of words and figures, pipeline under the time budget
A crash is any exception other than decode's InputError and the time budget's TimeBudgetExceeded (counted
apart as budget stops); a span violation is a mention, count, trigger, date or evidence span whose
text[start:end] is not the quoted text (rasd.invariants.span_violations). Crashing inputs are written to --out.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
import traceback
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rasd.budget import TimeBudgetExceeded  # noqa: E402
from rasd.invariants import span_violations  # noqa: E402
from rasd.pipeline import Pipeline, load_for_process  # noqa: E402
from rasd.text.decode import InputError, decode_bytes  # noqa: E402

PIPELINE_EVERY = 40  # of the cheap generators' inputs, one in this many also goes through the whole pipeline
DIGIT_ZEROS = tuple(c for c in range(0x110000) if unicodedata.category(chr(c)) == "Nd"
                    and unicodedata.digit(chr(c)) == 0)
CLITICS = ("و", "ف", "ب", "ل", "ك", "ال", "وال", "بال", "لل", "س")


@dataclass
class Tally:
    """What one generator did."""

    inputs: int = 0
    pipeline: int = 0
    rejected: int = 0  # InputError: decode refused the bytes (an expected, one-line outcome)
    budget_stops: int = 0
    crashes: int = 0
    violations: int = 0
    seconds: float = 0.0
    examples: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Corpus:
    """What the generators draw on: lexicon words, own gold texts, the gazetteer's country and place names."""

    words: tuple[str, ...]
    texts: tuple[str, ...]
    countries: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


def load_corpus(pipe: Pipeline) -> Corpus:
    """Arabic words of the packaged resources, the own gold reports, and the loaded gazetteer's names."""
    data = ROOT / "src" / "rasd" / "resources" / "data"
    words: set[str] = set()
    for f in sorted(data.rglob("*.yaml")) + sorted(data.rglob("*.tsv")):
        words.update(re.findall(r"[\u0621-\u064A\u0671-\u06D3]{2,}", f.read_text(encoding="utf-8")))
    texts = tuple(f.read_text(encoding="utf-8") for f in sorted((ROOT / "tests" / "gold").glob("*.txt")))
    places = pipe.resources.gazetteer.places
    return Corpus(tuple(sorted(words)), texts, tuple(p.name_ar for p in places if p.feature == "country"),
                  tuple(p.name_ar for p in places if p.feature != "country"))


def number_in_script(rng: random.Random) -> str:
    """A number (maybe with separators) written in a random digit script."""
    zero = rng.choice(DIGIT_ZEROS)
    digits = "".join(chr(zero + int(d)) for d in str(rng.choice([rng.randint(0, 99), rng.randint(0, 10**7)])))
    if rng.random() < 0.2 and len(digits) > 3:
        sep = rng.choice([",", ".", "٬", "٫", " "])
        digits = digits[:-3] + sep + digits[-3:]
    return digits


# ------------------------------------------------------------------------------------------------ generators

def gen_bytes(rng: random.Random, corpus: Corpus) -> bytes:
    """Random bytes, or Arabic UTF-8 with bytes flipped, cut, or re-encoded."""
    kind = rng.random()
    if kind < 0.3:
        return rng.randbytes(rng.randint(0, 400))
    text = " ".join(rng.choice(corpus.words) for _ in range(rng.randint(1, 60)))
    data = bytearray(text.encode("utf-8") if kind < 0.85 else text.encode("cp1256", errors="replace"))
    for _ in range(rng.randint(0, 6)):
        if data:
            data[rng.randrange(len(data))] = rng.randrange(256)
    if rng.random() < 0.2:
        data = data[:rng.randint(0, len(data))]
    if rng.random() < 0.1:
        data = bytearray(rng.choice([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"<html>"])) + data
    return bytes(data)


def gen_surrogates(rng: random.Random, corpus: Corpus) -> str:
    """A string mixing Arabic words with lone surrogates, astral, combining and control characters."""
    parts: list[str] = []
    for _ in range(rng.randint(1, 40)):
        r = rng.random()
        if r < 0.5:
            parts.append(rng.choice(corpus.words))
        elif r < 0.65:
            parts.append(chr(rng.randint(0xD800, 0xDFFF)))
        elif r < 0.75:
            parts.append(chr(rng.randint(0x10000, 0x10FFFF)))
        elif r < 0.85:
            parts.append(chr(rng.randint(0x0300, 0x036F)) + chr(rng.randint(0x064B, 0x0652)))
        elif r < 0.9:
            parts.append(chr(rng.randint(0x200B, 0x200F)) + chr(rng.randint(0x202A, 0x202E)))
        else:
            parts.append(number_in_script(rng))
    return rng.choice([" ", "", "\n", "،"]).join(parts)


def gen_salad(rng: random.Random, corpus: Corpus) -> str:
    """Lexicon words and numbers in every digit script, with punctuation, in sentences."""
    out: list[str] = []
    for _ in range(rng.randint(1, 12)):
        words = [number_in_script(rng) if rng.random() < 0.25 else rng.choice(CLITICS) * (rng.random() < 0.1)
                 + rng.choice(corpus.words) for _ in range(rng.randint(2, 25))]
        out.append(" ".join(words) + rng.choice([".", "،", "؟", "!", "", ":"]))
    return " ".join(out)


def gen_mutated(rng: random.Random, corpus: Corpus) -> str:
    """An own gold report with characters deleted, doubled, swapped and digits or clitics inserted."""
    chars = list(rng.choice(corpus.texts))
    for _ in range(rng.randint(1, 30)):
        if not chars:
            break
        i, r = rng.randrange(len(chars)), rng.random()
        if r < 0.25:
            del chars[i]
        elif r < 0.45:
            chars.insert(i, chars[i])
        elif r < 0.6 and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        elif r < 0.8:
            chars.insert(i, number_in_script(rng))
        elif r < 0.9:
            chars.insert(i, rng.choice(CLITICS))
        else:
            j = rng.randrange(len(chars))
            chars[i:i] = chars[j:j + rng.randint(1, 200)]
    return "".join(chars)


def gen_elsewhere(rng: random.Random, corpus: Corpus) -> str:
    """An own gold report moved to another country: every country's name in it replaced by one drawn from the
    gazetteer (most have no file in the actor dictionary), and up to ten words replaced by place names of
    anywhere, so the document's country, its places and its actors' countries change together."""
    text = rng.choice(corpus.texts)
    country = rng.choice(corpus.countries)
    for name in corpus.countries:
        text = text.replace(name, country)
    words = text.split(" ")
    for _ in range(rng.randint(0, 10)):
        words[rng.randrange(len(words))] = rng.choice(corpus.places)
    return " ".join(words)


def gen_html(rng: random.Random, corpus: Corpus) -> bytes:
    """Deeply nested, unclosed or broken HTML around Arabic sentences."""
    depth = rng.choice([10, 100, 1000, 5000])
    tags = [rng.choice(["div", "p", "span", "section", "b", "table", "td", "li"]) for _ in range(depth)]
    body = gen_salad(rng, corpus)
    opened = "".join(f"<{t}>" for t in tags)
    closed = "".join(f"</{t}>" for t in reversed(tags)) if rng.random() < 0.5 else ""
    junk = rng.choice(["", "<script>" + "x" * 100, "<!--", "<![CDATA[", "&#x0;&amp&#99999999;"])
    page = f"<html><head><title>{rng.choice(corpus.words)}</title></head><body>{opened}{body}{junk}{closed}"
    return page.encode("utf-8")


def gen_longline(rng: random.Random, corpus: Corpus) -> str:
    """One long line without a sentence break: words and figures, 20-120 KB."""
    target = rng.randint(20_000, 120_000)
    parts: list[str] = []
    size = 0
    while size < target:
        w = number_in_script(rng) if rng.random() < 0.3 else rng.choice(corpus.words)
        parts.append(w)
        size += len(w) + 1
    return " ".join(parts)


# ------------------------------------------------------------------------------------------------ running

@dataclass(frozen=True)
class Generator:
    """A generator and how its inputs run: bytes through decode first, or text straight to the pipeline."""

    name: str
    make: Callable[[random.Random, Corpus], Any]
    every: int  # one input in `every` goes through the pipeline (1: all)


GENERATORS = (Generator("bytes", gen_bytes, PIPELINE_EVERY), Generator("surrogates", gen_surrogates, PIPELINE_EVERY),
              Generator("salad", gen_salad, 1), Generator("mutated", gen_mutated, 1),
              Generator("elsewhere", gen_elsewhere, 1), Generator("html", gen_html, 1), Generator("longline", gen_longline, 1))


def run_one(pipe: Pipeline, gen: Generator, data: Any, full: bool, tally: Tally) -> None:
    """One input: decode (bytes, or a string as surrogatepass bytes), then maybe the pipeline; tallied."""
    raw = data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass")
    try:
        decoded = decode_bytes(raw, "fuzz")
        if any("\ud800" <= ch <= "\udfff" for ch in decoded.text):
            raise AssertionError("decode_bytes left a lone surrogate")
    except InputError:
        tally.rejected += 1
        decoded = None
    if not full:
        return
    tally.pipeline += 1
    try:
        if isinstance(data, str):  # the string itself, surrogates and all: the library entry point
            rec = pipe.extract_text(data, max_seconds=10.0)
        elif decoded is not None:
            rec = pipe.extract_decoded(decoded, source="fuzz", max_seconds=10.0)
        else:
            return
        json.dumps(rec.to_json(), ensure_ascii=False).encode("utf-8")
    except TimeBudgetExceeded:
        tally.budget_stops += 1
        return
    bad = span_violations(rec)
    if bad:
        tally.violations += 1
        raise AssertionError(f"span violation: {bad[0]}")


def fuzz(pipe: Pipeline, corpus: Corpus, gens: list[Generator], seconds: float, seed: int,
         out: Path, pipeline_every: int = PIPELINE_EVERY) -> dict[str, Tally]:
    """Run each generator for its share of `seconds`; the tallies by generator."""
    tallies = {g.name: Tally() for g in gens}
    share = seconds / len(gens)
    for g in gens:
        rng = random.Random(f"{seed}-{g.name}")
        t = tallies[g.name]
        t0 = time.perf_counter()
        while time.perf_counter() - t0 < share:
            data = g.make(rng, corpus)
            t.inputs += 1
            try:
                every = pipeline_every if g.every == PIPELINE_EVERY else g.every
                run_one(pipe, g, data, t.inputs % every == 0, t)
            except Exception as exc:  # a crash or a violation: keep the input to reproduce it
                t.crashes += not isinstance(exc, AssertionError) or "span violation" not in str(exc)
                out.mkdir(parents=True, exist_ok=True)
                path = out / f"{g.name}-{t.inputs}.bin"
                path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8", "surrogatepass"))
                if len(t.examples) < 5:
                    t.examples.append(f"{path.name}: {type(exc).__name__}: {exc}".splitlines()[0])
                    traceback.print_exc()
        t.seconds = time.perf_counter() - t0
        print(f"{g.name:10} {t.inputs:>9} inputs ({t.pipeline} through the pipeline, {t.rejected} rejected by "
              f"decode, {t.budget_stops} budget stops) · crashes {t.crashes} · span violations {t.violations}",
              flush=True)
    return tallies


def main() -> None:
    """Parse the options, fuzz, print and optionally save the counts per generator."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--only", default="", help="generators to run, comma-separated (default: all)")
    ap.add_argument("--pipeline-every", type=int, default=PIPELINE_EVERY,
                    help="bytes/surrogates: one input in this many also through the pipeline")
    ap.add_argument("--json", default=None, help="write the counts per generator to this file")
    ap.add_argument("--out", default="fuzz-out", help="directory for crashing inputs")
    args = ap.parse_args()
    wanted = [g for g in GENERATORS if not args.only or g.name in args.only.split(",")]
    pipe = load_for_process()
    corpus = load_corpus(pipe)
    tallies = fuzz(pipe, corpus, wanted, args.minutes * 60, args.seed, Path(args.out), args.pipeline_every)
    total = sum(t.inputs for t in tallies.values())
    crashes = sum(t.crashes for t in tallies.values())
    violations = sum(t.violations for t in tallies.values())
    print(f"total {total} inputs · crashes {crashes} · span violations {violations}")
    if args.json:
        Path(args.json).write_text(json.dumps({"seed": args.seed, "minutes": args.minutes,
                                               "pipeline_every": args.pipeline_every, "generators": {
            k: {f: getattr(v, f) for f in ("inputs", "pipeline", "rejected", "budget_stops", "crashes",
                                           "violations", "seconds", "examples")}
            for k, v in tallies.items()}}, ensure_ascii=False, indent=1), encoding="utf-8")
    sys.exit(1 if crashes or violations else 0)


if __name__ == "__main__":
    main()

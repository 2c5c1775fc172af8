"""The name recognizer's general-corpus word frequencies (`rasd.recognize.names.read_wordfreq`, `corpus_codes`)
and their build (`scripts/build_wordfreq.py`): our own words and frequencies, no real corpus."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

from rasd.recognize.names import (
    WORDFREQ_HEADER,
    corpus_codes,
    corpus_stem,
    read_wordfreq,
    token_features,
)
from rasd.text.normalize import normalize_name

ROOT = Path(__file__).resolve().parents[1]

# centibels: 300 is once per thousand words (Zipf 6), 500 once per 100,000 (Zipf 4)
FREQ = {"مدرسه": 520, "المدرسه": 420, "للمدرسه": 560, "بالمدرسه": 600, "والمدرسه": 640,
        "سليم": 480, "وسليم": 620, "لسليم": 500,
        "لبنان": 450, "بنان": 700, "ولبنان": 560, "اللبنان": 900,
        "قال": 330, "وقال": 360, "بشار": 520, "شار": 640}


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_wordfreq", ROOT / "scripts" / "build_wordfreq.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_names_wordfreq_build_is_read_back_and_deterministic(tmp_path: Path) -> None:
    mod = _script()
    # bucket i holds the words of frequency 10^(-i/100); two spellings of one normalized word add up
    buckets: list[list[str]] = [[] for _ in range(400)]
    buckets[300] = ["قال"]
    buckets[350] = ["المدرسة", "المدرسه", "abc"]
    buckets[399] = ["مستشفى"]
    freq = mod.frequencies(buckets)
    assert freq == {"قال": 300, "المدرسه": 320, "مستشفي": 399}  # Latin left out, 2 × 10^-3.5 = 10^-3.2
    one, two = tmp_path / "a.tsv.gz", tmp_path / "b.tsv.gz"
    mod.write(one, freq)
    mod.write(two, dict(reversed(list(freq.items()))))
    assert one.read_bytes() == two.read_bytes()
    assert read_wordfreq(one) == freq


@pytest.mark.parametrize("body", ["# another format\nقال\t300\n", f"{WORDFREQ_HEADER}\nقال\tكثير\n",
                                  f"{WORDFREQ_HEADER}\nقال\t300\nقال\t310\n", f"{WORDFREQ_HEADER}\nقال ذلك\t300\n"])
def test_names_wordfreq_rejects_a_malformed_file(tmp_path: Path, body: str) -> None:
    path = tmp_path / "wordfreq.tsv.gz"
    path.write_bytes(gzip.compress(body.encode("utf-8")))
    with pytest.raises(ValueError):
        read_wordfreq(path)


def test_names_wordfreq_missing_file_reads_empty(tmp_path: Path) -> None:
    assert read_wordfreq(tmp_path / "none.tsv.gz") == {}


def test_names_corpus_stem_keeps_names_that_look_like_clitics() -> None:
    assert corpus_stem("لبنان", FREQ) == "لبنان"  # ل + بنان: the stem is rarer than the word
    assert corpus_stem("بشار", FREQ) == "بشار"
    assert corpus_stem("ولبنان", FREQ) == "لبنان"  # the conjunction comes off
    assert corpus_stem("وقال", FREQ) == "قال"
    assert corpus_stem("للمدرسه", FREQ) == "مدرسه"  # the article always comes off


def test_names_corpus_codes_read_definiteness() -> None:
    # a common noun is mostly written with the article; a person's name never; the bands say so
    assert corpus_codes(normalize_name("والمدرسة"), FREQ) == ("2", "3", "3", "0")
    assert corpus_codes("وسليم", FREQ) == ("2", "4", "0", "2")  # ل before it: 0.39 of its forms
    assert corpus_codes("قال", FREQ) == ("5", "5", "0", "0")  # Zipf 5.7, rounded down
    assert corpus_codes("كوندوليزا", FREQ) == ("-", "-", "-", "-")


def test_names_token_features_read_the_corpus_only_when_given() -> None:
    words = [normalize_name(w) for w in "قال سليم إن المدرسة مغلقة".split()]
    plain = token_features(words, [""] * len(words))
    wide = token_features(words, [""] * len(words), corpus=FREQ)
    assert not any(f.startswith(("zw=", "de=")) for fs in plain for f in fs)
    assert "de=0" in wide[1] and "zs|de=4|0" in wide[1]
    assert "de[1]=3" in wide[2] and "de[-1]=0" in wide[2]
    assert all(set(p) <= set(w) for p, w in zip(plain, wide, strict=True))

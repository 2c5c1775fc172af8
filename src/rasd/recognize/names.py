"""A learned name recognizer: a CRF over normalized tokens, beside the dictionaries.

The model (`resources/data/ner/model.crfsuite`, trained by `scripts/train_ner.py` on ANERcorp's train split and
the Wojood sample) tags tokens BIO over PERS, LOC and ORG. Its features are cheap and come from rasd's own
analysis: the normalized word, its clitic reading (`text.segment.clitic_splits`: proclitics and stem), affixes,
the words around it, and whether a gazetteer place or a dictionary actor covers it (the phrase matcher's hits).
The pipeline runs it only on the few words after a descriptor or a title (`recognize.unlinked`), never over a
whole text, so extraction stays fast. Nothing is downloaded: the model ships in the package.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

from ..text.segment import PROCLITIC_SEQUENCES
from .linking import SMALL_PLACE
from .matcher import Hit

MODEL_NAME = "model.crfsuite"
VOCAB_NAME = "vocab.tsv"  # stems seen at least twice in the training text, with a frequency band
PERSONS_NAME = "persons.tsv"  # stems the training text tags mostly as (the first, or a later, word of) a person
CLASSES_NAME = "classes.tsv"  # stem → its word classes (distributional clusters, name-list memberships)
WORDFREQ_NAME = "wordfreq.tsv.gz"  # normalized word → its frequency in a large general corpus (centibels)
WORDFREQ_HEADER = "# rasd wordfreq v1: normalized word<TAB>centibels (frequency 10^(-cB/100));"
ARTICLE_SHARE = (0.05, 0.3, 0.7)  # the bounds of a stem's definiteness bands (share of its forms with ال)
NER_TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG")
DOCUMENT_WINDOW = 30  # sentences either side whose names a sentence remembers (`propagate`)
MEMORY_TYPES: frozenset[str] = frozenset({"PERS", "LOC"})  # a single word of such a name is remembered alone
RARE_BANDS: frozenset[str] = frozenset({"0", "1"})  # stems seen fewer than five times in the training text


def model_path(data_dir: str | Path | None = None) -> Path:
    """Where the trained model is: `data_dir`/ner/model.crfsuite, the packaged one when None."""
    if data_dir is not None:
        return Path(data_dir) / "ner" / MODEL_NAME
    return Path(str(importlib_resources.files("rasd.resources") / "data" / "ner" / MODEL_NAME))


def read_vocab(path: Path) -> dict[str, str]:
    """stem → frequency band, from a `stem<TAB>band` file (empty when there is none)."""
    if not path.is_file():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if "\t" in line)
    return {stem: band for stem, band in rows}


def read_classes(path: Path) -> dict[str, tuple[str, ...]]:
    """stem → its word classes ("c0=12", "lx=gp"), from a `stem<TAB>class class …` file ("#" lines are its
    header; empty when there is none)."""
    if not path.is_file():
        return {}
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if "\t" in line and not line.startswith("#"))
    return {stem: tuple(classes.split()) for stem, classes in rows}


def read_wordfreq(path: Path) -> dict[str, int]:
    """normalized word → its general-corpus frequency in centibels (`scripts/build_wordfreq.py`; empty when
    there is no file). Raises ValueError on a file of another format or a malformed row."""
    import gzip

    if not path.is_file():
        return {}
    lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()
    if not lines or not lines[0].startswith(WORDFREQ_HEADER):
        raise ValueError(f"{path}: not a rasd wordfreq v1 file")
    out: dict[str, int] = {}
    for k, line in enumerate(lines[1:], 2):
        word, _, cb = line.partition("\t")
        if not word or " " in word or not cb.isdigit() or int(cb) > 1200 or word in out:
            raise ValueError(f"{path}:{k}: bad row {line!r}")
        out[word] = int(cb)
    return out


def _zipf_band(freq: Mapping[str, int], word: str) -> str:
    """A word's general-corpus Zipf band (log10 of its frequency per billion words, rounded down; "-" unseen)."""
    cb = freq.get(word)
    return "-" if cb is None else str(max(0, 9 - (cb + 99) // 100))


def _share_band(part: float, rest: float) -> str:
    """The band of part / (part + rest) over ARTICLE_SHARE ("-" when both are nil)."""
    if part + rest <= 0:
        return "-"
    share = part / (part + rest)
    return str(sum(share >= b for b in ARTICLE_SHARE))


def corpus_stem(word: str, freq: Mapping[str, int]) -> str:
    """The stem a general corpus reads in a word: its proclitics (PROCLITIC_SEQUENCES, longest first) stripped
    when they hold the article or the stem left (three letters or more) is at least as frequent as the word —
    so a name that only looks like a clitic run (لبنان، بشار) stays whole."""
    whole = freq.get(word, 10_000)
    for k in range(min(4, len(word) - 3), 0, -1):
        prefix, stem = word[:k], word[k:]
        if prefix in PROCLITIC_SEQUENCES and (prefix.endswith(("ال", "لل")) or freq.get(stem, 10_000) <= whole):
            return stem
    return word


def corpus_codes(word: str, freq: Mapping[str, int]) -> tuple[str, str, str, str]:
    """What a large general corpus says of a word (`freq`, `read_wordfreq`): the Zipf band of the word and of
    its stem (`corpus_stem`), the stem's definiteness band (how often it is written with the article ال rather
    than bare: common nouns and adjectives take it, person names seldom do) and its preposition band (how
    often with ب or ل before it, bare)."""
    def f(w: str) -> float:
        cb = freq.get(w)
        return 0.0 if cb is None else 10 ** (-cb / 100)

    stem = corpus_stem(word, freq)
    bare = f(stem)
    definite = f("ال" + stem) + f("لل" + stem[1:] if stem.startswith("ل") else "لل" + stem)
    prepositional = f("ب" + stem) + f("ل" + stem)
    return (_zipf_band(freq, word), _zipf_band(freq, stem), _share_band(definite, bare),
            _share_band(prepositional, bare))


def _stem(word: str) -> tuple[str, str]:
    """(proclitics, stem) of the reading that strips most, keeping a stem of three letters or more (the
    longest of `clitic_splits`' readings: its proclitic runs are PROCLITIC_SEQUENCES)."""
    for k in range(min(4, len(word) - 3), 0, -1):
        if word[:k] in PROCLITIC_SEQUENCES:
            return word[:k], word[k:]
    return "", word


def _shape(word: str) -> str:
    if word.isdigit():
        return "num"
    if word.isascii() and word.isalpha():
        return "lat"
    if not any(ch.isalpha() for ch in word):
        return "punct"
    return "ar"


def _own_features(word: str, prefix: str, stem: str) -> list[str]:
    return [f"w={word}", f"s={stem}", f"p={prefix}", f"s1={stem[-1:]}", f"s2={stem[-2:]}", f"s3={stem[-3:]}",
            f"s4={stem[-4:]}", f"b2={stem[:2]}", f"b3={stem[:3]}", f"b4={stem[:4]}", f"sh={_shape(word)}",
            f"len={min(len(stem), 8)}"]


def person_stems(tagged: Iterable[tuple[str, str]], least: int = 2) -> dict[str, str]:
    """From (stem, BIO tag) pairs of a training text: the stems tagged as a person's first word (B) or a later
    one (I) at least `least` times and more often than anything else (a given name, a family name)."""
    seen: dict[str, Counter[str]] = {}
    for stem, tag in tagged:
        seen.setdefault(stem, Counter())[tag[:1] if tag.endswith("PERS") else "O"] += 1
    out = {}
    for stem, c in seen.items():
        (best, k), = c.most_common(1)
        if best != "O" and k >= least and k * 2 > sum(c.values()):
            out[stem] = best
    return out


def frequency_band(count: int) -> str:
    """A stem's frequency in the training text as a band: rare words are often names."""
    return "0" if count < 2 else "1" if count < 5 else "2" if count < 20 else "3"


def cue_words(data_dir: str | Path | None = None) -> frozenset[str]:
    """The words of the titles and ranks of descriptors.yaml (normalized): a person's name often follows one
    (وزير، المتحدث، العقيد، الشيخ) — context the CRF reads."""
    from ..resources.datafiles import load_yaml
    from ..text.normalize import normalize_name

    path = Path(data_dir) / "descriptors.yaml" if data_dir is not None else "descriptors.yaml"
    data, _ = load_yaml(path, schema="descriptors")
    return frozenset(w for phrase in [*data["titles"], *(data.get("ranks") or [])]
                     for w in normalize_name(phrase).split())


def token_features(words: Sequence[str], marks: Sequence[str],
                   vocab: Mapping[str, str] | None = None, cues: frozenset[str] = frozenset(),
                   persons: Mapping[str, str] | None = None,
                   classes: Mapping[str, tuple[str, ...]] | None = None,
                   corpus: Mapping[str, int] | None = None) -> list[list[str]]:
    """The CRF features of every token of a sentence: `words` normalized, `marks` the dictionary hit each
    token lies in ("" none; e.g. "LOC-B", "ORG-I", "LOCw-B" for a small GeoNames place), `vocab` the frequency
    band of common stems, `cues` the title and rank words (`cue_words`: whether one stands here or a word or
    two before), `persons` the stems the training text tags mostly as a given name (B) or a later word of a
    name (I), `classes` each stem's word classes (`classes.tsv`: its clusters, the name lists it is in), read
    for the token and its two neighbours, `corpus` the general-corpus word frequencies (`read_wordfreq`:
    `corpus_codes` of the token and its neighbours; none when empty)."""
    readings = [_stem(w) for w in words]
    stems = [st for _, st in readings]
    bands = [(vocab or {}).get(st, "0") for st in stems]
    cued = [w in cues or st in cues for w, st in zip(words, stems, strict=True)]
    given = [(persons or {}).get(st, "") for st in stems]
    kinds = [(classes or {}).get(st, ()) for st in stems]
    wide = [corpus_codes(w, corpus) for w in words] if corpus else []
    n = len(words)
    out: list[list[str]] = []
    for i, w in enumerate(words):
        f = _own_features(w, *readings[i])
        f += [f"m={marks[i]}", f"fq={bands[i]}"]
        f += [f"cue[{d}]" for d in (-2, -1, 0) if 0 <= i + d and cued[i + d]]
        f += [f"pn[{d}]={given[i + d]}" for d in (-1, 0, 1) if 0 <= i + d < n and given[i + d]]
        f += [f"{c}@{d}" for d in (-1, 0, 1) if 0 <= i + d < n for c in kinds[i + d]]
        if wide:
            f += _wide_features(wide, i)
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                f += [f"w[{d}]={words[j]}", f"s[{d}]={stems[j]}", f"m[{d}]={marks[j]}", f"fq[{d}]={bands[j]}"]
            else:
                f.append(f"edge[{d}]")
        if i > 0:
            f += [f"s[-1]|s={stems[i - 1]}|{stems[i]}", f"w[-1]|w={words[i - 1]}|{w}", f"m[-1]|m={marks[i - 1]}|{marks[i]}"]
        if i + 1 < n:
            f.append(f"s|s[1]={stems[i]}|{stems[i + 1]}")
        out.append(f)
    return out


def _wide_features(codes: Sequence[tuple[str, str, str, str]], i: int) -> list[str]:
    """The general-corpus features of token i (`corpus_codes`): its stem band, its definiteness, the two
    together, and the definiteness of the words either side (the best of the sets tried, see README.md)."""
    _, zs, de, _ = codes[i]
    f = [f"zs={zs}", f"de={de}", f"zs|de={zs}|{de}"]
    for d in (-1, 1):
        if 0 <= i + d < len(codes):
            f.append(f"de[{d}]={codes[i + d][2]}")
    return f


def marks_from_hits(offsets: Sequence[tuple[int, int]], hits: Iterable[tuple[int, int, str]]) -> list[str]:
    """Per token, the dictionary hit (start, end, type) that covers it as "TYPE-B" / "TYPE-I" ("" none);
    the first hit given wins where two overlap."""
    marks = [""] * len(offsets)
    for s, e, typ in hits:
        inside = [i for i, (ts, te) in enumerate(offsets) if ts < e and s < te and not marks[i]]
        for k, i in enumerate(inside):
            marks[i] = f"{typ}-{'B' if k == 0 else 'I'}"
    return marks


def hit_marks(place_hits: Sequence[Hit[Any]], actor_hits: Sequence[Hit[Any]], strong_place: Any,
              actor_type: Any) -> list[tuple[int, int, str]]:
    """(start, end, type) of dictionary hits: actors first (typed by `actor_type(payloads)`, None to skip),
    then places ("LOC" when `strong_place(payloads)`, else "LOCw")."""
    out: list[tuple[int, int, str]] = []
    for h in actor_hits:
        typ = actor_type(h.payloads)
        if typ is not None:
            out.append((h.start, h.end, typ))
    for h in place_hits:
        out.append((h.start, h.end, "LOC" if strong_place(h.payloads) else "LOCw"))
    return out


@dataclass(frozen=True, slots=True, init=False)  # __init__ written out (rasd.records)
class TaggedName:
    """A name the CRF found: tokens [first, last) of the words it was given, with its type."""

    first: int
    last: int
    type: str

    def __init__(self, first: int, last: int, type: str) -> None:
        object.__setattr__(self, "first", first)
        object.__setattr__(self, "last", last)
        object.__setattr__(self, "type", type)


def decode_bio(tags: Sequence[str]) -> list[TaggedName]:
    """The names a BIO tag sequence encodes (an I- that continues nothing starts a name)."""
    out: list[TaggedName] = []
    start, typ = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        head, _, t = tag.partition("-")
        if start >= 0 and (head != "I" or t != typ):
            out.append(TaggedName(start, i, typ))
            start = -1
        if head in ("B", "I") and start < 0:
            start, typ = i, t
    return out


def _remembered(names: Sequence[Sequence[TaggedName]], stems: Sequence[Sequence[str]],
                vocab: Mapping[str, str]) -> tuple[dict[tuple[str, ...], str], dict[str, str]]:
    """What some sentences' names teach the sentences around them: every name of two words or more (its
    stems) with its most frequent type, and every rare stem (`RARE_BANDS`) of three letters or more inside a
    person's or a place's name with its most frequent type."""
    phrases: dict[tuple[str, ...], Counter[str]] = {}
    words: dict[str, Counter[str]] = {}
    for found, sts in zip(names, stems, strict=True):
        for n in found:
            if n.type not in NER_TYPES:
                continue
            key = tuple(sts[n.first:n.last])
            if len(key) > 1:
                phrases.setdefault(key, Counter())[n.type] += 1
            if n.type in MEMORY_TYPES:
                for st in key:
                    if len(st) >= 3 and vocab.get(st, "0") in RARE_BANDS:
                        words.setdefault(st, Counter())[n.type] += 1
    return ({k: c.most_common(1)[0][0] for k, c in phrases.items()},
            {k: c.most_common(1)[0][0] for k, c in words.items()})


def _recall(tags: list[str], stems: Sequence[str], phrases: Mapping[tuple[str, ...], str],
            words: Mapping[str, str]) -> list[str]:
    """A sentence's tags with the remembered names added where it tagged nothing: whole names first, then
    single words (a word that follows a name of its type continues it)."""
    for key, typ in phrases.items():
        n = len(key)
        for k in range(len(tags) - n + 1):
            if tuple(stems[k:k + n]) == key and all(t == "O" for t in tags[k:k + n]):
                tags[k:k + n] = [f"B-{typ}"] + [f"I-{typ}"] * (n - 1)
    for k, st in enumerate(stems):
        kind = words.get(st)
        if kind is not None and tags[k] == "O":
            tags[k] = f"I-{kind}" if k and tags[k - 1][2:] == kind else f"B-{kind}"
    return tags


def propagate(tags: Sequence[Sequence[str]], stems: Sequence[Sequence[str]], vocab: Mapping[str, str],
              window: int = DOCUMENT_WINDOW) -> list[list[str]]:
    """Document memory: a name the CRF tagged in one sentence is tagged where it recurs untagged within
    `window` sentences either side (a person named in full once and by the family name after; 0: none)."""
    names = [decode_bio(t) for t in tags]
    out = []
    for i, sent in enumerate(tags):
        lo, hi = max(0, i - window), min(len(tags), i + window + 1)
        phrases, words = _remembered(names[lo:hi], stems[lo:hi], vocab) if window > 0 else ({}, {})
        out.append(_recall(list(sent), stems[i], phrases, words))
    return out


class NameTagger:
    """The trained CRF, loaded once; `tag` gives BIO tags for a sentence's normalized words."""

    def __init__(self, path: str | Path) -> None:
        import pycrfsuite

        self.path = Path(path)
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(self.path))
        self.vocab = read_vocab(self.path.with_name(VOCAB_NAME))
        self.persons = read_vocab(self.path.with_name(PERSONS_NAME))
        self.classes = read_classes(self.path.with_name(CLASSES_NAME))
        self.corpus = read_wordfreq(self.path.with_name(WORDFREQ_NAME))
        self.cues = cue_words()

    @classmethod
    def load(cls, data_dir: str | Path | None = None) -> NameTagger | None:
        """The packaged model (or the one under `data_dir`); None when there is none."""
        path = model_path(data_dir)
        return cls(path) if path.is_file() else None

    def tag(self, words: Sequence[str], marks: Sequence[str] | None = None) -> list[str]:
        """BIO tags of the words (normalized), with their dictionary marks ("" when none given)."""
        if not words:
            return []
        return list(self._tagger.tag(token_features(words, marks or [""] * len(words), self.vocab, self.cues,
                                                   self.persons, self.classes, self.corpus)))

    def tag_document(self, sentences: Sequence[Sequence[str]], marks: Sequence[Sequence[str]] | None = None,
                     window: int = DOCUMENT_WINDOW) -> list[list[str]]:
        """BIO tags of a document's sentences (normalized words), each sentence remembering the names tagged
        in the `window` sentences around it (`propagate`)."""
        tags = [self.tag(words, None if marks is None else marks[i]) for i, words in enumerate(sentences)]
        return propagate(tags, [[_stem(w)[1] for w in words] for words in sentences], self.vocab, window)

    def names(self, words: Sequence[str], marks: Sequence[str] | None = None) -> list[TaggedName]:
        """The names in the words."""
        return decode_bio(self.tag(words, marks))


def typed_hits(actor_hits: Sequence[Hit[Any]], place_hits: Sequence[Hit[Any]], actor_linker: Any,
               place_linker: Any) -> list[tuple[int, int, str]]:
    """(start, end, type) of the dictionaries' phrase hits, actors first: a person PERS, another actor ORG; a
    place LOC, a small GeoNames one LOCw."""
    gaz = place_linker.gazetteer
    actors = actor_linker.actors

    def strong(ids: Sequence[str]) -> bool:
        return any(not pid.startswith("gn-") or gaz.get(pid).population >= SMALL_PLACE for pid in ids)

    def typed(names: Sequence[Any]) -> str | None:
        return "PERS" if actors.get(names[0].actor_id).kind == "person" else "ORG"

    return hit_marks(place_hits, actor_hits, strong, typed)


def dictionary_marks(words: Sequence[str], actor_linker: Any, place_linker: Any) -> list[str]:
    """The dictionary marks of a sentence's normalized words: the actor and place linkers' phrase matchers
    over the words joined by spaces."""
    text = " ".join(words)
    offsets: list[tuple[int, int]] = []
    pos = 0
    for w in words:
        offsets.append((pos, pos + len(w)))
        pos += len(w) + 1
    hits = typed_hits(actor_linker.matcher.find(text), place_linker.matcher.find(text), actor_linker, place_linker)
    return marks_from_hits(offsets, hits)

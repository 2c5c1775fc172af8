"""Scoring rasd's mention recognizer (dictionary actors and gazetteer places) against CoNLL-style NER data.

Input: one `token TAG` per line, a blank line between sentences (ANERcorp, CoNLL 2003 without the middle
columns: the last column is the tag). Tags follow a scheme: BIO (B-X starts an entity, I-X continues it; an
I-X that does not continue an X starts one, as conlleval reads it) or BIOES (S-X single, E-X last token).

Each sentence's text is rebuilt from its tokens joined by single spaces, keeping every token's offsets; rasd
normalizes it and runs the actor and place linkers on it, as the pipeline's link stage does. A rasd mention
covers the tokens it overlaps (a name matched after a clitic inside "والقاهرة" covers that whole token, as
ANERcorp tags whole tokens). Mentions get types: place → LOC; an actor of kind person → PERS; other actors →
ORG, except generic civilians, protesters and rioters, which are not named entities and are skipped.

Scores are exact-span entity scores per type (a predicted entity is right when its token span and type equal
a gold entity's), micro-summed over sentences, for PERS, LOC and ORG; macro-F1 is the mean of those three
F1s. MISC (and any other gold type) is ignored: rasd predicts no such type, and gold entities of it are left
out of every count.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .score import FieldScore

TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG")
SCHEMES: tuple[str, ...] = ("BIO", "BIOES")
SKIPPED_ACTOR_KINDS: frozenset[str] = frozenset({"civilians", "protesters", "rioters"})


class ConllError(ValueError):
    """A CoNLL file that cannot be read; the message names the file and line."""


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of CoNLL data: its tokens and their BIO tags."""
    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    @property
    def text(self) -> str:
        """The tokens joined by spaces."""
        return " ".join(self.tokens)

    @property
    def offsets(self) -> tuple[tuple[int, int], ...]:
        """(start, end) of every token in `text`."""
        out: list[tuple[int, int]] = []
        pos = 0
        for tok in self.tokens:
            out.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        return tuple(out)


@dataclass(frozen=True, slots=True, order=True)
class Entity:
    """An entity over tokens [start, end) of one sentence."""

    start: int
    end: int
    type: str


@dataclass(frozen=True, slots=True)
class CharSpan:
    """A recognized mention over characters [start, end) of a sentence text, with its NER type."""

    start: int
    end: int
    type: str


# a type's score has the shape of an evaluation field's: the field is the entity type
TypeScore = FieldScore


@dataclass(frozen=True, slots=True)
class NerReport:
    """Precision, recall and F1 per entity type of one NER scoring."""
    types: tuple[TypeScore, ...]
    sentences: int
    tokens: int
    ignored_gold: int  # gold entities of types outside TYPES (MISC), left out of the scores

    @property
    def macro_f1(self) -> float:
        """The mean of the types' F1."""
        return sum(t.f1 for t in self.types) / len(self.types) if self.types else 0.0

    @property
    def micro(self) -> TypeScore:
        """The scores summed over every type."""
        return TypeScore("micro", sum(t.tp for t in self.types), sum(t.predicted for t in self.types),
                         sum(t.gold for t in self.types))

    def type(self, name: str) -> TypeScore:
        """The scores of one entity type (KeyError when absent)."""
        for t in self.types:
            if t.field == name:
                return t
        raise KeyError(name)


# ------------------------------------------------------------------------------------------------ reading

def parse_conll(lines: Iterable[str], source: str = "<conll>") -> list[Sentence]:
    """Sentences from CoNLL lines: the first column is the token, the last the tag; blank lines separate
    sentences; lines starting with -DOCSTART- are skipped."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []

    def flush() -> None:
        if tokens:
            sentences.append(Sentence(tuple(tokens), tuple(tags)))
            tokens.clear()
            tags.clear()

    for lineno, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            flush()
            continue
        parts = line.split()
        if parts[0] == "-DOCSTART-":
            flush()
            continue
        if len(parts) < 2:
            raise ConllError(f"{source}:{lineno}: expected 'token TAG', got {line!r}")
        tokens.append(parts[0])
        tags.append(parts[-1])
    flush()
    return sentences


def read_conll(path: str | Path) -> list[Sentence]:
    """The sentences of a CoNLL file (token and BIO tag per line, a blank line between sentences)."""
    shown = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise ConllError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConllError(f"{shown}: not UTF-8: {exc.reason}") from None
    return parse_conll(text.splitlines(), shown)


def _split_tag(tag: str) -> tuple[str, str | None]:
    if tag == "O" or "-" not in tag:
        return "O", None
    prefix, _, typ = tag.partition("-")
    return prefix.upper(), typ


def entities_from_tags(tags: Sequence[str], scheme: str = "BIO") -> list[Entity]:
    """Entities (token spans with types) that a tag sequence encodes.

    BIO: B-X starts an X; I-X continues an open X, or starts one when none is open (conlleval's reading).
    BIOES: also S-X (a one-token X) and E-X (the last token of an X)."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown tag scheme {scheme!r}; expected one of {', '.join(SCHEMES)}")
    out: list[Entity] = []
    start: int | None = None
    typ: str | None = None

    def close(end: int) -> None:
        nonlocal start, typ
        if start is not None and typ is not None:
            out.append(Entity(start, end, typ))
        start, typ = None, None

    for i, tag in enumerate(tags):
        prefix, t = _split_tag(tag)
        if prefix == "O" or t is None:
            close(i)
        elif prefix == "B" or (scheme == "BIOES" and prefix == "S"):
            close(i)
            start, typ = i, t
            if prefix == "S":
                close(i + 1)
        elif prefix in ("I", "E"):
            if typ != t:
                close(i)
                start, typ = i, t
            if prefix == "E" and scheme == "BIOES":
                close(i + 1)
        else:
            close(i)
            start, typ = i, t
    close(len(tags))
    return out


def char_to_tokens(span: tuple[int, int], offsets: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The tokens [first, last+1) a character span overlaps; None when it overlaps none."""
    s, e = span
    hit = [i for i, (ts, te) in enumerate(offsets) if ts < e and s < te]
    if not hit:
        return None
    return hit[0], hit[-1] + 1


# ------------------------------------------------------------------------------------------------ scoring

Recognizer = Callable[[str], Sequence[CharSpan]]
# a recognizer that reads every sentence of a text at once (its names may depend on the sentences around)
DocumentRecognizer = Callable[[Sequence[str]], Sequence[Sequence[CharSpan]]]


def predicted_entities(sentence: Sentence, spans: Iterable[CharSpan]) -> set[Entity]:
    """A recognizer's mentions as token-span entities. Where two mentions overlap the first one given wins
    (rasd's actors come before its places, as in the pipeline, where actor names block place names)."""
    offsets = sentence.offsets
    taken: list[tuple[int, int]] = []
    out: set[Entity] = set()
    for sp in spans:
        if sp.type not in TYPES:
            continue
        toks = char_to_tokens((sp.start, sp.end), offsets)
        if toks is None or any(a < toks[1] and toks[0] < b for a, b in taken):
            continue
        taken.append(toks)
        out.add(Entity(toks[0], toks[1], sp.type))
    return out


def score_ner(sentences: Sequence[Sentence], recognize: Recognizer | None, scheme: str = "BIO",
              progress: Callable[[int], None] | None = None,
              document: DocumentRecognizer | None = None) -> NerReport:
    """Scores the recognizer's entities against the gold BIO tags, per type: `recognize` reads one sentence
    at a time, else `document` reads them all in their order (one of the two is given)."""
    if document is not None:
        found = list(document([s.text for s in sentences]))
    elif recognize is not None:
        found = [recognize(s.text) for s in sentences]
    else:
        raise ValueError("score_ner needs a recognizer")
    tp = dict.fromkeys(TYPES, 0)
    pred = dict.fromkeys(TYPES, 0)
    gold = dict.fromkeys(TYPES, 0)
    ignored = 0
    tokens = 0
    for i, sent in enumerate(sentences):
        tokens += len(sent.tokens)
        g_all = entities_from_tags(sent.tags, scheme)
        g = {e for e in g_all if e.type in TYPES}
        ignored += len(g_all) - len(g)
        p = predicted_entities(sent, found[i])
        for e in g:
            gold[e.type] += 1
        for e in p:
            pred[e.type] += 1
            if e in g:
                tp[e.type] += 1
        if progress is not None:
            progress(1)
    return NerReport(types=tuple(TypeScore(t, tp[t], pred[t], gold[t]) for t in TYPES),
                     sentences=len(sentences), tokens=tokens, ignored_gold=ignored)


def format_ner_table(report: NerReport) -> str:
    """The NER scores as a table."""
    lines = [f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}"]
    for t in (*report.types, report.micro):
        lines.append(f"{t.field:<6} {t.precision:6.3f} {t.recall:6.3f} {t.f1:6.3f} {t.tp:6d} {t.predicted:6d} "
                     f"{t.gold:6d}")
    lines.append(f"macro-F1 (PERS, LOC, ORG): {report.macro_f1:.3f}")
    lines.append(f"{report.sentences} sentence(s), {report.tokens} token(s); {report.ignored_gold} gold "
                 "entities of other types (MISC) ignored")
    return "\n".join(lines)


def report_json(report: NerReport) -> dict[str, Any]:
    """The NER scores as a JSON object."""
    return {
        "types": {t.field: {"precision": t.precision, "recall": t.recall, "f1": t.f1, "tp": t.tp,
                           "predicted": t.predicted, "gold": t.gold} for t in report.types},
        "macro_f1": report.macro_f1,
        "micro_f1": report.micro.f1,
        "sentences": report.sentences,
        "tokens": report.tokens,
        "ignored_gold": report.ignored_gold,
    }


# -------------------------------------------------------------------------------------- rasd as recognizer

def actor_type(kind: str) -> str | None:
    """The NER type of an actor of this kind: person → PERS; civilians/protesters/rioters → None (skip);
    anything else (forces, groups, governments, organisations, media) → ORG."""
    if kind == "person":
        return "PERS"
    if kind in SKIPPED_ACTOR_KINDS:
        return None
    return "ORG"


def rasd_recognizer(resources: Any) -> Recognizer:
    """rasd's dictionaries as a recognizer: normalization, the actor linker, then the place linker on what
    the actors leave (the pipeline's link stage, on one sentence)."""
    from ..recognize.linking import document_country
    from ..text.normalize import normalize

    def recognize(text: str) -> list[CharSpan]:
        norm = normalize(text)
        actors = resources.actor_linker.find(text, norm, None)
        blocked = [(m.nstart, m.nend) for m in actors]
        cands = resources.place_linker.find_candidates(norm, blocked)
        country = document_country(cands, actors)
        places = resources.place_linker.link(text, norm, cands, country)
        out: list[CharSpan] = []
        for am in actors:
            typ = actor_type(am.actor.kind)
            if typ is not None:
                out.append(CharSpan(am.start, am.end, typ))
        for pm in places:
            out.append(CharSpan(pm.start, pm.end, "LOC"))
        return out

    return recognize


def crf_document_recognizer(resources: Any, window: int) -> DocumentRecognizer:
    """The learned recognizer over consecutive sentences (tokens joined by single spaces): each sentence
    remembers the names tagged in the `window` sentences around it (`NameTagger.tag_document`)."""
    from ..recognize.names import decode_bio, dictionary_marks
    from ..text.normalize import normalize_name

    tagger = resources.names
    if tagger is None:
        raise ValueError("no trained name model is packaged (run scripts/train_ner.py)")

    def recognize(texts: Sequence[str]) -> list[list[CharSpan]]:
        token_lists = [text.split(" ") for text in texts]
        words = [[normalize_name(t) or t for t in tokens] for tokens in token_lists]
        marks = [dictionary_marks(ws, resources.actor_linker, resources.place_linker) for ws in words]
        out: list[list[CharSpan]] = []
        for tokens, tags in zip(token_lists, tagger.tag_document(words, marks, window), strict=True):
            offsets = Sentence(tuple(tokens), ()).offsets
            out.append([CharSpan(offsets[n.first][0], offsets[n.last - 1][1], n.type) for n in decode_bio(tags)])
        return out

    return recognize


def crf_recognizer(resources: Any) -> Recognizer:
    """The learned recognizer (`rasd.recognize.names`, the CRF) as a recognizer over a sentence whose tokens
    are joined by single spaces, with the dictionaries' hits as its features."""
    from ..recognize.names import dictionary_marks
    from ..text.normalize import normalize_name

    tagger = resources.names
    if tagger is None:
        raise ValueError("no trained name model is packaged (run scripts/train_ner.py)")

    def recognize(text: str) -> list[CharSpan]:
        tokens = text.split(" ")
        words = [normalize_name(t) or t for t in tokens]
        offsets = Sentence(tuple(tokens), ()).offsets
        marks = dictionary_marks(words, resources.actor_linker, resources.place_linker)
        return [CharSpan(offsets[n.first][0], offsets[n.last - 1][1], n.type)
                for n in tagger.names(words, marks)]

    return recognize


RECOGNIZERS: tuple[str, ...] = ("crf", "dictionary")  # eval-ner --recognizer: crf_recognizer, rasd_recognizer

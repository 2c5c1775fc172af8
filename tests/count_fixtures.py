"""The count recognizer as the count tests use it: one loaded recognizer, counts of a text sentence by sentence."""

from __future__ import annotations

from functools import lru_cache

from rasd.recognize.counts import CountMatch, CountRecognizer
from rasd.text.normalize import normalize
from rasd.text.segment import split_sentences


@lru_cache(maxsize=1)
def recognizer() -> CountRecognizer:
    """The packaged count recognizer, loaded once."""
    return CountRecognizer.load()


def counts(text: str) -> list[CountMatch]:
    """The counts of a text (normalized, split into sentences)."""
    norm = normalize(text).text
    return recognizer().find(norm, split_sentences(norm))


def triples(text: str) -> set[tuple[str, int, str]]:
    """(kind, value, who) of the counts of a text."""
    return {(c.kind, c.value, c.who) for c in counts(text)}


def scopes(text: str) -> dict[tuple[str, int], str]:
    """(kind, value) -> scope of the counts of a text."""
    return {(c.kind, c.value): c.scope for c in counts(text)}

"""The tokens and sentences of a normalized text, read character by character (compiled: `ord(text[i])` is a read
of the string's memory). The regular expressions they replace (tests/test_tokens.py keeps them as the
reference) cost ~3,000 instructions a token in the engine and the match objects; this loop ~20 a character.

Tokens: a number (decimal digits, with thousands separators and a decimal point: "2,243", "2.5"), a word (a run
of Arabic letters), a run of Latin letters, or any other character that is no space, alone. Sentences end at
. ! ? or a run of line breaks; a '.' between digits is a decimal point, not an end. ';' (from ؛) does not end
one: Arabic writers use it where English has a comma. "Digit" and "space" are str.isdecimal() and
str.isspace(), as the expressions' \\d and \\s.
"""

from __future__ import annotations

from .layers import Segmented, Sentence
from .words import DIGIT, LATIN, SPACE, WORD, Token, char_class


def _run_end(text: str, i: int, cls: int) -> int:
    """The end of the run of characters of class `cls` from i."""
    n = len(text)
    while i < n and char_class(text, i) == cls:
        i += 1
    return i


def _number_end(text: str, i: int) -> int:
    """The end of the number whose digits start at i: digits, then any '.' or ',' followed by digits."""
    n = len(text)
    j = _run_end(text, i, DIGIT)
    while j + 1 < n and (ord(text[j]) == 46 or ord(text[j]) == 44) and char_class(text, j + 1) == DIGIT:  # . ,
        j = _run_end(text, j + 1, DIGIT)
    return j


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a normalized text: the one tokenization every recognizer reads."""
    new = tuple.__new__  # (Token's own __new__ is a Python function around this very call)
    out: list[Token] = []
    n = len(text)
    i = 0
    while i < n:
        cls = char_class(text, i)
        if cls == SPACE:
            i += 1
            continue
        if cls == DIGIT:
            j, kind = _number_end(text, i), "number"
        elif cls == WORD:
            j, kind = _run_end(text, i + 1, WORD), "word"
        elif cls == LATIN:
            j, kind = _run_end(text, i + 1, LATIN), "latin"
        else:
            j, kind = i + 1, "punct"
        out.append(new(Token, (text[i:j], i, j, kind)))
        i = j
    return tuple(out)


def _sentence_end(text: str, i: int) -> int:
    """The end of the sentence end at i (after the '.', '!', '?' or the run of line breaks), or -1: none there."""
    cp = ord(text[i])
    if cp == 33 or cp == 63:  # ! ?
        return i + 1
    if cp == 46:  # .
        between_digits = 0 < i < len(text) - 1 and char_class(text, i - 1) == DIGIT and char_class(text, i + 1) == DIGIT
        return -1 if between_digits else i + 1
    if cp == 10:  # a run of line breaks
        n = len(text)
        j = i + 1
        while j < n and ord(text[j]) == 10:
            j += 1
        return j
    return -1


def _first_word(text: str, start: int, end: int) -> int:
    """The first character of text[start:end] that is no space, or -1."""
    for i in range(start, end):
        if char_class(text, i) != SPACE:
            return i
    return -1


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of normalized text; every non-space character lies in exactly one span. A sentence starts
    at its first word, after the line breaks and spaces."""
    spans: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    i = 0
    while i < n:
        end = _sentence_end(text, i)
        if end < 0:
            i += 1
            continue
        word = _first_word(text, start, end)
        if word >= 0:  # (a stretch of spaces alone joins the next sentence's)
            spans.append((word, end))
            start = end
        i = end
    word = _first_word(text, start, n)
    if word >= 0:
        spans.append((word, n))
    elif not spans:
        spans.append((0, n))
    return spans


def segment(text: str) -> Segmented:
    """The sentences and tokens of a normalized text."""
    return Segmented(text=text, sentences=tuple([Sentence(i, s, e) for i, (s, e) in enumerate(split_sentences(text))]),
                     tokens=tokenize(text))

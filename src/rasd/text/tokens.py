"""The tokens and sentences of a normalized text, read character by character (compiled: `ord(text[i])` is a read
of the string's memory). The regular expressions they replace (tests/test_segment.py keeps them as the
reference) cost ~3,000 instructions a token in the engine and the match objects; this loop ~20 a character.

Tokens: a number (decimal digits, with thousands separators and a decimal point: "2,243", "2.5"), a word (a run
of Arabic letters), a run of Latin letters, or any other character that is no space, alone. Sentences end at
. ! ? or a run of line breaks; a '.' between digits is a decimal point, not an end. ';' (from ؛) does not end
one: Arabic writers use it where English has a comma. "Digit" and "space" are str.isdecimal() and
str.isspace(), as the expressions' \\d and \\s.
"""

from __future__ import annotations

from typing import Final

from .layers import Segmented, Sentence
from .words import Token

# The code points of Arabic letters (the basic letters and the extended ones of Persian, Urdu, Sindhi …): the
# tokenizer's words, and the letters the phrase matcher counts as word characters.
ARABIC_WORD_RANGES: Final = ((0x0621, 0x064A), (0x0671, 0x06D3), (0x06FA, 0x06FF))

_SPACE: Final = 0
_DIGIT: Final = 1
_WORD: Final = 2
_LATIN: Final = 3
_PUNCT: Final = 4
# the class of each ASCII character
_ASCII: Final = bytes(_SPACE if chr(c).isspace() else _DIGIT if chr(c).isdecimal() else _LATIN if 97 <= c <= 122
                      else _PUNCT for c in range(128))


def _class(text: str, i: int) -> int:
    """The class of text[i]: space, digit, word (Arabic letter), Latin letter or other."""
    cp = ord(text[i])
    if cp < 128:
        return _ASCII[cp]
    if 0x0621 <= cp <= 0x064A or 0x0671 <= cp <= 0x06D3 or 0x06FA <= cp <= 0x06FF:
        return _WORD
    if 0xC0 <= cp <= 0x24F:
        return _LATIN
    ch = text[i]  # (no Arabic letter nor Latin: rare in a normalized text)
    return _SPACE if ch.isspace() else _DIGIT if ch.isdecimal() else _PUNCT


def _run_end(text: str, i: int, cls: int) -> int:
    """The end of the run of characters of class `cls` from i."""
    n = len(text)
    while i < n and _class(text, i) == cls:
        i += 1
    return i


def _number_end(text: str, i: int) -> int:
    """The end of the number whose digits start at i: digits, then any '.' or ',' followed by digits."""
    n = len(text)
    j = _run_end(text, i, _DIGIT)
    while j + 1 < n and (ord(text[j]) == 46 or ord(text[j]) == 44) and _class(text, j + 1) == _DIGIT:  # . ,
        j = _run_end(text, j + 1, _DIGIT)
    return j


def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a normalized text: the one tokenization every recognizer reads."""
    new = tuple.__new__  # (Token's own __new__ is a Python function around this very call)
    out: list[Token] = []
    n = len(text)
    i = 0
    while i < n:
        cls = _class(text, i)
        if cls == _SPACE:
            i += 1
            continue
        if cls == _DIGIT:
            j, kind = _number_end(text, i), "number"
        elif cls == _WORD:
            j, kind = _run_end(text, i + 1, _WORD), "word"
        elif cls == _LATIN:
            j, kind = _run_end(text, i + 1, _LATIN), "latin"
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
        between_digits = 0 < i < len(text) - 1 and _class(text, i - 1) == _DIGIT and _class(text, i + 1) == _DIGIT
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
        if _class(text, i) != _SPACE:
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

"""Sentence splitting, tokenization and clitic analysis over normalized text.

All spans here are offsets into the *normalized* text; `Normalized.to_original` maps them back.
"""

from __future__ import annotations

import re

# (Sentence and Segmented live in text.layers; Token, TokenIndex and the proclitics in text.words: compiled with the
# rules that read them hundreds of times per article)
from .layers import Segmented as Segmented
from .layers import Sentence as Sentence
from .words import ARTICLE as ARTICLE
from .words import CONJUNCTIONS as CONJUNCTIONS
from .words import PREPOSITIONS as PREPOSITIONS
from .words import PROCLITIC_SEQUENCES as PROCLITIC_SEQUENCES
from .words import Token as Token
from .words import TokenIndex as TokenIndex
from .words import clitic_splits as clitic_splits
from .words import is_proclitic_sequence as is_proclitic_sequence

# The code points of Arabic letters (the basic letters and the extended ones of Persian, Urdu, Sindhi …): the
# tokenizer's words, and the letters the phrase matcher counts as word characters.
ARABIC_WORD_RANGES = ((0x0621, 0x064A), (0x0671, 0x06D3), (0x06FA, 0x06FF))

# Arabic letters after normalization, Latin letters and digits make words; digits may carry
# thousands separators and a decimal point ("2,243", "2.5").
_TOKEN_RE = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ARABIC_WORD_RANGES) + r"]+)"
    r"|(?P<latin>[a-z\u00c0-\u024f]+)"
    r"|(?P<punct>[^\s])"
)
# A sentence ends at . ! ? or a line break; a '.' between digits is a decimal point, not an end.
# ';' (from ؛) does not end one: Arabic writers use it where English has a comma. (The look-behind is read only
# at a '.' followed by a digit: the engine tests the cheap branches first at every other character.)
_SENT_END_RE = re.compile(r"\.(?!(?<=\d\.)\d)|[!?]|\n+")
# the first character that is no space (the table of str.isspace() and str.strip())
_NON_SPACE = re.compile(r"\S")

def tokenize(text: str) -> tuple[Token, ...]:
    """The tokens of a normalized text: the one tokenization every recognizer reads."""
    new = tuple.__new__  # (Token's own __new__ is a Python function around this very call)
    return tuple([new(Token, (m.group(), m.start(), m.end(), m.lastgroup or "punct"))
                  for m in _TOKEN_RE.finditer(text)])


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of normalized text; every non-space character lies in exactly one span. A sentence starts
    at its first word, after the line breaks and spaces (found in C: the first non-space of each stretch)."""
    spans: list[tuple[int, int]] = []
    start = 0
    first = _NON_SPACE.search
    for m in _SENT_END_RE.finditer(text):
        end = m.end()
        word = first(text, start, end)
        if word is not None:  # (a stretch of spaces alone joins the next sentence's)
            spans.append((word.start(), end))
            start = end
    word = first(text, start)
    if word is not None:
        spans.append((word.start(), len(text)))
    elif not spans:
        spans.append((0, len(text)))
    return spans


def segment(text: str) -> Segmented:
    """The sentences and tokens of a normalized text."""
    return Segmented(text=text, sentences=tuple(Sentence(index=i, start=s, end=e)
                                                 for i, (s, e) in enumerate(split_sentences(text))),
                     tokens=tokenize(text))

"""The 256 characters of nearly every Arabic news text, one byte each: a text written in them is encoded by a table
in C (`codecs.charmap_encode`, ~5 instructions a character), and what is counted or folded per character is then
done on bytes (`bytes.translate`, `codecs.charmap_decode`), where the regular-expression engine's category tests
and `str.translate`'s dictionary look-ups cost 30-300 instructions a character. A text with any other character
is not encoded (`encode` returns None) and takes the general path of its caller, which gives the same answer.

ASCII keeps its codes but for the control characters no text holds (all but tab, line feed, vertical tab, form
feed and carriage return: their codes carry Arabic letters instead); code 0 must stay U+0000 for the table to be
built as a 3-level map rather than a dictionary.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

_ASCII = "\x00" + "".join(chr(c) for c in range(1, 128) if c >= 32 or chr(c) in "\t\n\x0b\x0c\r")
_ARABIC = ("".join(chr(c) for c in range(0x060C, 0x066E))  # punctuation, letters, marks, Arabic-Indic digits
           + "".join(chr(c) for c in (0x0670, 0x0671, 0x067E, 0x0686, 0x0698, 0x06A4, 0x06A9, 0x06AF, 0x06C0,
                                      0x06CC, 0x06D4))  # dagger alef, wasla, Persian letters, full stop
           + "".join(chr(c) for c in range(0x06F0, 0x06FA)))  # Persian digits
_OTHER = ("\u00a0\u00ab\u00bb\u00b0\u00d7\u00e9\u00ad"  # no-break space, guillemets, degree, times, é, soft hyphen
          "\u2010\u2011\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022\u2033"  # dashes, quotes …
          "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff")  # controls

# the character of each byte: ALPHABET[b] is encoded as b
ALPHABET = _ASCII + _ARABIC + _OTHER
assert len(ALPHABET) == 256 and len(set(ALPHABET)) == 256, len(ALPHABET)

_MAP = codecs.charmap_build(ALPHABET)


def encode(text: str) -> bytes | None:
    """`text` one byte a character (ALPHABET's codes), or None when it holds a character outside ALPHABET."""
    try:
        return codecs.charmap_encode(text, "strict", _MAP)[0]
    except UnicodeEncodeError:
        return None


def codes(wanted: Callable[[str], bool]) -> bytes:
    """The codes of ALPHABET's characters `wanted` holds true of (for bytes.translate's `delete`)."""
    return bytes(b for b, ch in enumerate(ALPHABET) if wanted(ch))

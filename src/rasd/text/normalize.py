"""Arabic normalization with an offset map back to the original text.

`normalize(text)` returns a `Normalized` whose `text` is the search form and whose `index[i]` is the
offset in the original of normalized character `i`. Characters are only ever deleted, replaced one for
one, or (for presentation-form ligatures) expanded; never reordered. So a normalized span [s, e) maps to
the original span [index[s], index[e-1] + 1).

What is folded (the same rules as ../shared/eval/FORMAT.md's name normalization, plus digits and
punctuation):
- diacritics (harakat, tanwin, shadda, sukun, dagger alef, Quranic marks), tatweel, bidi and zero-width
  controls, soft hyphen: removed;
- أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي; Persian ک ی → ك ي;
- Arabic-Indic and Persian digits → ASCII; ٫ → '.', ٬ → ',';
- ، → ',', ؛ → ';', ؟ → '?', « » “ ” „ ″ → '"', ‘ ’ ‚ → "'", dashes → '-', every space → ' ';
- presentation forms (FB50–FDFF, FE70–FEFF) by NFKC; Latin to lower case.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from types import MappingProxyType

# (Normalized lives in text.layers, compiled with the rules that read it)
from .alphabet import ALPHABET, codes, encode
from .layers import Normalized as Normalized

_REMOVE = set(range(0x064B, 0x0660)) | {0x0670, 0x0640, 0x00AD, 0x061C}
_REMOVE |= set(range(0x06D6, 0x06DD)) | set(range(0x06DF, 0x06E5)) | {0x06E7, 0x06E8} | set(range(0x06EA, 0x06EE))
_REMOVE |= set(range(0x0610, 0x061B))
_REMOVE |= set(range(0x200B, 0x2010)) | set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0xFEFF}

_MAP: dict[int, str] = {
    0x0623: "ا", 0x0625: "ا", 0x0622: "ا", 0x0671: "ا", 0x0672: "ا", 0x0673: "ا",
    0x0649: "ي", 0x06CC: "ي", 0x0626: "ي",
    0x0629: "ه", 0x06C0: "ه",
    0x0624: "و",
    0x06A9: "ك",
    0x066B: ".", 0x066C: ",", 0x060C: ",", 0x061B: ";", 0x061F: "?", 0x066A: "%", 0x06D4: ".",
    0x00AB: '"', 0x00BB: '"', 0x201C: '"', 0x201D: '"', 0x201E: '"', 0x2033: '"',
    0x2018: "'", 0x2019: "'", 0x201A: "'",
    0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0x2014: "-", 0x2015: "-", 0x2212: "-",
}
# the quotation marks of normalized text: every mark above is one of these two
QUOTE_MARKS = "\"'"
for _i in range(10):
    _MAP[0x0660 + _i] = str(_i)
    _MAP[0x06F0 + _i] = str(_i)


def _fold_char(ch: str) -> str:
    """The normalized form of one character: '' (removed), one character, or several (ligatures)."""
    cp = ord(ch)
    if cp < 0x80:
        return ch.lower() if "A" <= ch <= "Z" else ch
    if cp in _REMOVE:
        return ""
    mapped = _MAP.get(cp)
    if mapped is not None:
        return mapped
    if 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFC:
        decomposed = unicodedata.normalize("NFKC", ch)
        if decomposed != ch:  # unassigned and non-characters in these blocks decompose to themselves
            return "".join(_fold_char(c) for c in decomposed)
    if ch.isspace():
        return " " if ch not in "\n\r" else "\n"
    if unicodedata.category(ch) == "Mn":
        return ""
    return ch.lower()


def _normalize_slow(text: str) -> Normalized:
    """Character by character: the reference, and the path for texts with characters the fast path does not
    cover (ligatures that expand, scripts outside the tables)."""
    out: list[str] = []
    index: list[int] = []
    cache: dict[str, str] = {}
    for i, ch in enumerate(text):
        folded = cache.get(ch)
        if folded is None:
            folded = _fold_char(ch)
            cache[ch] = folded
        if folded:
            out.append(folded)
            index.extend([i] * len(folded))
    return Normalized(text="".join(out), index=tuple(index), original_length=len(text))


# The fast path: one str.translate over the blocks Arabic news uses, with every character folded to at most one
# character; the offset map is then the original positions minus the removed ones.
_FAST_BLOCKS = ((0x0000, 0x0250), (0x0600, 0x0700), (0x0750, 0x0780), (0x08A0, 0x0900), (0x2000, 0x2070),
                (0xFB50, 0xFE00), (0xFE70, 0xFF00))


def _fast_tables() -> tuple[MappingProxyType[int, str | None], re.Pattern[str], re.Pattern[str]]:
    # (every character of the blocks has an entry, itself as a str when it stays: str.translate raises and swallows
    # a LookupError for each character a table lacks, and an int entry costs more than a str: 0.12 -> 0.06 ms per
    # 4 KB article)
    table: dict[int, str | None] = {}
    removed: list[str] = []
    slow: list[str] = []
    for lo, hi in _FAST_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            folded = _fold_char(ch)
            if folded == ch:
                table[cp] = ch
                continue
            if not folded:
                table[cp] = None
                removed.append(ch)
            elif len(folded) == 1:
                table[cp] = folded
            else:
                slow.append(ch)
    outside = "".join(f"\\u{lo:04x}-\\u{hi - 1:04x}" for lo, hi in _FAST_BLOCKS)
    slow_re = re.compile(f"[^{outside}]" + ("|[" + re.escape("".join(slow)) + "]" if slow else ""))
    removed_re = re.compile("[" + re.escape("".join(removed)) + "]")
    return MappingProxyType(table), slow_re, removed_re


_TABLE, _SLOW_RE, _REMOVED_RE = _fast_tables()


def _byte_tables() -> tuple[bytes, str]:
    """For a text written in text.alphabet (`encode`): the codes of the characters _TABLE removes, and the
    character each code folds to (its entry in _TABLE). Every character of the alphabet lies in _FAST_BLOCKS."""
    assert all(ord(ch) in _TABLE for ch in ALPHABET) and _SLOW_RE.search(ALPHABET) is None
    return codes(lambda ch: _TABLE[ord(ch)] is None), "".join(_TABLE[ord(ch)] or ch for ch in ALPHABET)


_REMOVED_CODES, _FOLDED = _byte_tables()


def normalize(text: str) -> Normalized:
    """The normalized text of `text`, with its map back to the original offsets."""
    encoded = encode(text)
    if encoded is not None:  # text.translate(_TABLE) in bytes (~110 instructions a character in str.translate)
        folded = codecs.charmap_decode(encoded.translate(None, _REMOVED_CODES), "strict", _FOLDED)[0]
    elif _SLOW_RE.search(text):
        return _normalize_slow(text)
    else:
        folded = text.translate(_TABLE)
    n = len(text)
    if len(folded) == n:
        return Normalized(text=folded, index=tuple(range(n)), original_length=n)
    index: list[int] = []
    last = 0
    for m in _REMOVED_RE.finditer(text):
        index.extend(range(last, m.start()))
        last = m.end()
    index.extend(range(last, n))
    return Normalized(text=folded, index=tuple(index), original_length=n)


def normalize_name(text: str) -> str:
    """Normalize a dictionary name the way input text is normalized, with spaces collapsed (no offset map: on the
    fast path, the one str.translate of `normalize`)."""
    folded = normalize(text).text if _SLOW_RE.search(text) else text.translate(_TABLE)
    return " ".join(folded.split())

"""Actor names written with quotation marks between or around their words: تنظيم "الدولة الإسلامية"،
طيران «العدوان»، الدولة "الإسلامية".

The dictionary's phrases are matched once more over the normalized text with its quotation marks taken out (an
offset map keeps every position's place in the normalized text), in windows around the removed marks only; a
name found there that spans a removed mark is a name the plain scan could not read whole. Its mention covers the
name as written, with the closing mark of a quotation it opened (the span a coder quotes), and takes the place of
the shorter names inside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..text.normalize import QUOTE_MARKS, Normalized
from .linking import ActorLinker, ActorMention
from .matcher import Hit, is_word_char

_MARK_RE = re.compile("[" + re.escape(QUOTE_MARKS) + "]")  # (normalized: « » “ ” „ ″ are '"', ‘ ’ ‚ are "'")


def _is_mark(ntext: str, i: int) -> bool:
    """A quotation mark at i; an apostrophe between two Latin letters (Ta'sis) is part of a word."""
    ch = ntext[i]
    if ch == '"':
        return True
    if ch != "'":
        return False
    before = ntext[i - 1] if i > 0 else " "
    after = ntext[i + 1] if i + 1 < len(ntext) else " "
    return not (before.isascii() and before.isalpha() and after.isascii() and after.isalpha())


def unquoted(ntext: str) -> tuple[str, list[int], list[int]]:
    """The text without its quotation marks; for each of its characters the offset in `ntext`; and the
    offsets in the unquoted text before which a mark was taken out."""
    parts: list[str] = []
    where: list[int] = []
    cuts: list[int] = []
    kept_from = 0
    for m in _MARK_RE.finditer(ntext):
        i = m.start()
        if not _is_mark(ntext, i):
            continue
        parts.append(ntext[kept_from:i])
        where.extend(range(kept_from, i))
        cuts.append(len(where))
        kept_from = i + 1
    parts.append(ntext[kept_from:])
    where.extend(range(kept_from, len(ntext)))
    return "".join(parts), where, cuts


def _closing_mark(ntext: str, start: int, end: int) -> int:
    """`end`, or past the quotation mark right after it when the name opens a quotation it does not close."""
    inside = sum(1 for i in range(start, end) if ntext[i] in QUOTE_MARKS and _is_mark(ntext, i))
    if inside % 2 and end < len(ntext) and ntext[end] in QUOTE_MARKS and _is_mark(ntext, end):
        return end + 1
    return end


def quoted_names(linker: ActorLinker, text: str, norm: Normalized, mentions: Sequence[ActorMention],
                 published: str | None = None) -> list[ActorMention]:
    """The mentions, with each name a quotation mark splits (تنظيم "الدولة الإسلامية") read whole in place of
    the names inside it."""
    ntext = norm.text
    if '"' not in ntext and "'" not in ntext:
        return list(mentions)
    bare, where, cuts = unquoted(ntext)
    if not cuts:
        return list(mentions)
    out = list(mentions)
    for hit in linker.matcher.find_spanning(bare, cuts):  # (a name with no mark inside: the plain scan read it)
        start, word_start = where[hit.start], where[hit.word_start]
        end = _closing_mark(ntext, start, where[hit.end - 1] + 1)
        if is_word_char(ntext[end:end + 1] or " "):
            continue
        shifted = Hit(start, end, word_start, hit.prefix, hit.phrase, hit.payloads)
        found = linker.scan(text, norm, published, hits=[shifted])
        if not found:
            continue
        inside = [m for m in out if m.nstart < end and start < m.nend]
        if any(m.nstart < word_start or m.nend > end for m in inside):
            continue  # (a name that reaches outside it overlaps it)
        out = [m for m in out if m not in inside] + [found[0]]
    return sorted(out, key=lambda m: m.nstart)

"""The words right before or after a position of a normalized text, as the rules read them (how many words,
never how many characters). A module of its own so that it is compiled with the rules that call it ~500 times
per article (text.segment, which is not compiled, re-exports these functions)."""

from __future__ import annotations

import re
from typing import Final

# a space-separated word: \S is what str.isspace() and str.split() do not count as space (the same table)
_WORD_RUN: Final = re.compile(r"\S+")

# characters per word a window read before a position starts with (words_before widens it when it holds fewer)
_WINDOW_PER_WORD: Final = 24


def word_spans_before(text: str, pos: int, k: int, lo: int = 0) -> list[tuple[int, int]]:
    """Spans of the last `k` space-separated words of text[lo:pos], in text order: the word window rules read
    before a position (how many words, never how many characters). The words are found by the regular
    expression engine (in C) over a window of about `k` words before `pos`, widened to text[lo:pos] when the
    window holds no more than `k` (its first may be cut), as in words_before."""
    if k <= 0:
        return []
    start = pos - _WINDOW_PER_WORD * (k + 1)
    if start > lo:
        spans = [m.span() for m in _WORD_RUN.finditer(text, start, pos)]
        if len(spans) > k:
            return spans[-k:]
    return [m.span() for m in _WORD_RUN.finditer(text, lo, pos)][-k:]


def word_spans_after(text: str, pos: int, k: int, hi: int | None = None) -> list[tuple[int, int]]:
    """Spans of the first `k` space-separated words of text[pos:hi], in text order (found in C by the regular
    expression engine, which stops after the k-th)."""
    spans: list[tuple[int, int]] = []
    if k <= 0:
        return spans
    for m in _WORD_RUN.finditer(text, pos, len(text) if hi is None else hi):
        spans.append(m.span())
        if len(spans) == k:
            break
    return spans


def words_before(text: str, pos: int, k: int, lo: int = 0) -> list[str]:
    """The last `k` space-separated words of text[lo:pos], in text order (the words of word_spans_before).
    str.rsplit in C over a window of about `k` words before `pos`, widened to text[lo:pos] when the window
    holds no more than `k` words (its first may be cut): it runs ~100,000 times per 300 articles."""
    if k <= 0:
        return []
    start = pos - _WINDOW_PER_WORD * (k + 1)
    if start > lo:
        parts = text[start:pos].rsplit(None, k)
        if len(parts) > k:  # (the first part is what stands before the last k words, whole)
            del parts[0]
            return parts
    parts = text[lo:pos].rsplit(None, k)
    if len(parts) > k:
        del parts[0]
    return parts


def words_after(text: str, pos: int, k: int, hi: int | None = None) -> list[str]:
    """The first `k` space-separated words of text[pos:hi], in text order."""
    return [text[s:e] for s, e in word_spans_after(text, pos, k, hi)]

"""text.tokens reads characters one by one: the regular expressions it replaced are the reference here."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rasd.text.tokens import segment, split_sentences, tokenize
from rasd.text.words import ARABIC_WORD_RANGES, Token, letter_runs, word_spans_after, word_spans_before

_TOKEN_RE = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[" + "".join(f"\\u{lo:04x}-\\u{hi:04x}" for lo, hi in ARABIC_WORD_RANGES) + r"]+)"
    r"|(?P<latin>[a-z\u00c0-\u024f]+)"
    r"|(?P<punct>[^\s])"
)
_SENT_END_RE = re.compile(r"\.(?!(?<=\d\.)\d)|[!?]|\n+")
_NON_SPACE = re.compile(r"\S")


def _tokens(text: str) -> tuple[Token, ...]:
    return tuple(Token(m.group(), m.start(), m.end(), m.lastgroup or "punct") for m in _TOKEN_RE.finditer(text))


def _sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENT_END_RE.finditer(text):
        word = _NON_SPACE.search(text, start, m.end())
        if word is not None:
            spans.append((word.start(), m.end()))
            start = m.end()
    word = _NON_SPACE.search(text, start)
    if word is not None:
        spans.append((word.start(), len(text)))
    elif not spans:
        spans.append((0, len(text)))
    return spans


# Arabic letters and the characters around them, digits of three scripts, the separators, spaces of every kind,
# Latin letters inside and outside the tokenizer's range, and the rare characters a normalized text keeps
_CHARS = list("ابتثجحخدكلمنهوي پچ 0123456789٠١٢٣۴۵.,.,!?;\n\n\t \x0b\x0c\x1c\x1f\u00a0\u2028\u3000"
              "abcxyzABCéÀɏȀɐ\u0966\uff11-\"'…•°×\u0620\u0670\u06d4\u06d5\u06f9\u06fa\u06ff\u0750")


@given(st.text(alphabet=st.sampled_from(_CHARS), max_size=80) | st.text(max_size=40))
def test_tokens_are_those_of_the_expression(text: str) -> None:
    assert tokenize(text) == _tokens(text)


@given(st.text(alphabet=st.sampled_from(_CHARS), max_size=80) | st.text(max_size=40))
def test_tokens_sentences_are_those_of_the_expression(text: str) -> None:
    assert split_sentences(text) == _sentences(text)
    assert [(s.start, s.end) for s in segment(text).sentences] == _sentences(text)


def test_tokens_numbers_keep_separators_between_digits_only() -> None:
    text = "قتل 1,250 شخصا و2.5 الف، ثم 3. و4,"
    assert [(t.text, t.kind) for t in tokenize(text) if t.kind != "word"] == [
        ("1,250", "number"), ("2.5", "number"), ("،", "punct"), ("3", "number"), (".", "punct"),
        ("4", "number"), (",", "punct")]


def test_tokens_sentence_ends_not_at_a_decimal_point() -> None:
    text = "بلغ العدد 12.5 الفا. وقال المسؤول!\n\n  ثم غادر? نعم. 7.\n3 قتلى"
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "بلغ العدد 12.5 الفا.", "وقال المسؤول!", "ثم غادر?", "نعم.", "7.", "3 قتلى"]


_WORD_RUN = re.compile(r"\S+")
_LETTER_RUN = re.compile(r"[\u0621-\u064a]+")


@given(st.text(alphabet=st.sampled_from(_CHARS), max_size=60), st.integers(-3, 65), st.integers(-3, 65),
       st.integers(-1, 4))
def test_tokens_word_and_letter_runs_are_those_of_the_expressions(text: str, a: int, b: int, k: int) -> None:
    runs = [m.span() for m in _WORD_RUN.finditer(text, a, b)]
    assert word_spans_after(text, a, k, b) == (runs[:k] if k > 0 else [])
    assert word_spans_before(text, b, k, a) == (runs[-k:] if k > 0 else [])
    assert letter_runs(text, a, b) == [m.span() for m in _LETTER_RUN.finditer(text, a, b)]
    assert letter_runs(text) == [m.span() for m in _LETTER_RUN.finditer(text)]


def test_tokens_letter_runs_leave_out_digits_and_marks() -> None:
    text = "قصفت 3 طائرات، وقتلت مدنيين"
    assert [text[s:e] for s, e in letter_runs(text)] == ["قصفت", "طائرات", "وقتلت", "مدنيين"]
    assert [text[s:e] for s, e in letter_runs(text, 8, 14)] == ["ائرات"]

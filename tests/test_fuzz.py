"""Property tests in the spirit of scripts/fuzz.py (quick): decoding any bytes refuses in one InputError or
gives text without lone surrogates; the pipeline on hostile text (surrogates, digits of every script, clitics,
controls, deep HTML) never crashes and every span quotes the text. Words written for these tests."""

from __future__ import annotations

import unicodedata
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.invariants import span_violations
from rasd.text.decode import InputError, decode_bytes

WORDS = ("قتل", "مقتل", "أصيب", "جرحى", "نزوح", "عائلة", "قصف", "غارة", "على", "بلدة", "في", "نحو", "أكثر", "من",
         "عشرات", "مدنيين", "أطفال", "بينهم", "منذ", "ارتفعت", "الحصيلة", "إلى", "الجمعة", "أمس", "مايو", "ألف",
         "خمسة", "عشرين", "اثنان", "جنديين", "وقالت", "مصادر", "طبية", "إن", "الجيش", "شخصا")
DIGIT_ZEROS = tuple(c for c in range(0x0660, 0x1D800) if unicodedata.category(chr(c)) == "Nd"
                    and unicodedata.digit(chr(c)) == 0)
PUNCT = (".", "،", "؛", "؟", "!", ":", "-", "(", ")", "«", "»", "\n", "\n\n", " ")


@st.composite
def numbers(draw: Any) -> str:
    """A number written in one of Unicode's digit scripts."""
    zero = draw(st.sampled_from((0x30, *DIGIT_ZEROS)))
    return "".join(chr(zero + int(d)) for d in str(draw(st.integers(0, 10**6))))


hostile_piece = st.one_of(
    st.sampled_from(WORDS), numbers(), st.sampled_from(PUNCT),
    st.sampled_from(("و", "ف", "ب", "ل", "ال")).flatmap(lambda c: st.sampled_from(WORDS).map(lambda w: c + w)),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
    st.characters(blacklist_categories=("Cs",)),  # anything else, controls and astral included
)
hostile_text = st.lists(hostile_piece, max_size=60).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_decode_any_bytes_refuses_or_gives_text_without_surrogates(data: bytes) -> None:
    try:
        decoded = decode_bytes(data, "fuzz")
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert not any("\ud800" <= ch <= "\udfff" for ch in decoded.text)
    assert all(0 <= off <= len(data) for off in decoded.decode_errors)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(hostile_text)
def test_pipeline_hostile_text_keeps_every_span_invariant(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, max_seconds=30.0)
    assert span_violations(rec) == []
    assert len(rec.text) == len(text)
    rec.text.encode("utf-8")  # no lone surrogate survives into the record


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(1, 400), st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join))
def test_pipeline_deep_html_decodes_and_keeps_spans(pipeline: Any, depth: int, words: str) -> None:
    page = f"<html><body>{'<div>' * depth}<p>{words}.</p>{'</div>' * (depth // 2)}".encode()
    try:
        decoded = decode_bytes(page, "deep.html")
    except InputError:
        return
    assert span_violations(pipeline.extract_decoded(decoded, source="deep.html", max_seconds=30.0)) == []

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.segment import (
    clitic_splits,
    is_proclitic_sequence,
    segment,
    split_sentences,
)
from rasd.text.words import word_spans_after, word_spans_before, words_after, words_before


def test_segment_splits_sentences_but_not_decimals() -> None:
    text = "قتل 2.5 الف. ثم وصلت القوات!\nسطر جديد"
    spans = split_sentences(text)
    assert [text[s:e].strip() for s, e in spans] == ["قتل 2.5 الف.", "ثم وصلت القوات!", "سطر جديد"]


def test_segment_tokens_carry_spans_and_kinds() -> None:
    seg = segment("قتل 2,243 شخصا في sirte.")
    assert [(t.text, t.kind) for t in seg.tokens] == [
        ("قتل", "word"), ("2,243", "number"), ("شخصا", "word"), ("في", "word"), ("sirte", "latin"), (".", "punct")]


def test_segment_clitic_splits_reads_conjunction_preposition_article() -> None:
    splits = dict((p, s) for p, s in clitic_splits("وللمدنيين"))
    assert splits["ولل"] == "مدنيين"
    assert ("وب", "طرابلس") in clitic_splits("وبطرابلس")
    assert ("س", "يزور") in clitic_splits("سيزور")


def test_segment_proclitic_sequences() -> None:
    assert is_proclitic_sequence("وبال")
    assert is_proclitic_sequence("لل")
    assert not is_proclitic_sequence("فا")
    assert not is_proclitic_sequence("مد")


@given(st.text(alphabet=st.sampled_from(list("ابتثجحخد .,!?\n0123456789")), max_size=120))
def test_segment_every_nonspace_character_is_in_one_sentence(text: str) -> None:
    seg = segment(text)
    covered = [0] * len(text)
    for s in seg.sentences:
        for i in range(s.start, s.end):
            covered[i] += 1
    assert all(c == 1 for i, c in enumerate(covered) if not text[i].isspace())
    for t in seg.tokens:
        assert text[t.start:t.end] == t.text


@given(st.text(alphabet=st.sampled_from(list("وفبلكسالي")), min_size=1, max_size=5))
def test_segment_proclitic_table_agrees_with_clitic_splits(prefix: str) -> None:
    expected = any(p == prefix for p, _ in clitic_splits(prefix + "xx", min_stem=2))
    assert is_proclitic_sequence(prefix) == expected


@given(st.text(alphabet=st.sampled_from(list("ابتثجحخد .,!?\n0123456789")), max_size=120))
def test_segment_no_token_crosses_a_sentence_edge(text: str) -> None:
    seg = segment(text)
    for t in seg.tokens:
        inside = [s for s in seg.sentences if s.start <= t.start and t.end <= s.end]
        assert len(inside) == 1
    assert sum(len(seg.sentence_tokens(s)) for s in seg.sentences) == len(seg.tokens)


@given(st.text(alphabet=st.sampled_from(list("ابتثجحخد .,!?\n0123456789")), max_size=120))
def test_segment_sentence_tokens_and_sentence_at_read_the_spans(text: str) -> None:
    seg = segment(text)
    for s in seg.sentences:
        assert seg.sentence_tokens(s) == tuple(t for t in seg.tokens if s.start <= t.start < s.end)
        assert seg.sentence_at(s.start) == s and seg.sentence_at(max(s.start, s.end - 1)) == s
    assert seg.sentence_at(len(text) + 5) == seg.sentences[-1]


@given(st.lists(st.sampled_from(["قتل", "وقتل", "جرح", "5", "،", "قتلى"]), max_size=40),
       st.sets(st.sampled_from(["قتل", "وقتل", "قتلى", "5", "غارة"])))
def test_segment_token_index_finds_every_word_of_the_forms(words: list[str], forms: set[str]) -> None:
    from rasd.text.segment import TokenIndex

    seg = segment(" ".join(words))
    index = TokenIndex(seg.tokens)
    wanted = frozenset(forms)
    assert list(index.words_in(wanted)) == [k for k, t in enumerate(seg.tokens)
                                            if t.kind == "word" and t.text in wanted]
    assert list(index.numerals) == [k for k, t in enumerate(seg.tokens) if t.kind == "number"]
    assert list(index.numerals_and_words_in(wanted)) == [k for k, t in enumerate(seg.tokens) if t.kind == "number"
                                                         or t.kind == "word" and t.text in wanted]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("قتل في ,.ab \n\t")), max_size=60), st.integers(0, 70), st.integers(0, 5))
def test_segment_word_windows_are_the_split_words(text: str, pos: int, k: int) -> None:
    """The word windows before and after a position are the space-separated words there, however long."""
    pos = min(pos, len(text))
    assert words_before(text, pos, k) == (text[:pos].split()[-k:] if k else [])
    assert words_after(text, pos, k) == text[pos:].split()[:k]
    for s, e in word_spans_before(text, pos, k) + word_spans_after(text, pos, k):
        assert text[s:e].strip() == text[s:e] and text[s:e]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(st.sampled_from(list("قتلب")), min_size=1, max_size=70), max_size=40),
       st.lists(st.sampled_from([" ", "  ", "\n", "\t ", "، "]), min_size=40, max_size=40),
       st.integers(0, 2000), st.integers(0, 2000), st.integers(0, 8))
def test_segment_words_before_are_the_words_of_the_spans(words: list[str], gaps: list[str], pos: int, lo: int,
                                                          k: int) -> None:
    """words_before (a window that widens) reads the words word_spans_before spans, wherever the window cuts."""
    text = "".join(g + w for g, w in zip(gaps, words, strict=False))
    pos, lo = min(pos, len(text)), min(lo, len(text))
    assert words_before(text, pos, k, lo) == [text[s:e] for s, e in word_spans_before(text, pos, k, lo)]


def test_segment_word_windows_ignore_word_length() -> None:
    long_word = "ب" + "ا" * 40
    text = f"قال المتحدث {long_word} إن"
    assert words_before(text, text.index("إن"), 2) == ["المتحدث", long_word]
    assert words_after(text, 0, 3) == ["قال", "المتحدث", long_word]


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("قتلب ,\n\t\xa0\u2003")), max_size=300), st.integers(0, 300), st.integers(0, 300),
       st.integers(0, 6))
def test_segment_word_spans_are_the_split_words_between_bounds(text: str, a: int, b: int, k: int) -> None:
    """The spans of the words before `pos` (from `lo`) and after it (to `hi`) are str.split's words there, with
    every kind of space str.split knows, whatever the window the spans are read in."""
    lo, pos = sorted((min(a, len(text)), min(b, len(text))))
    words = text[lo:pos].split()
    assert [text[s:e] for s, e in word_spans_before(text, pos, k, lo)] == (words[-k:] if k else [])
    assert [text[s:e] for s, e in word_spans_after(text, lo, k, pos)] == words[:k]

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.matcher import PhraseMatcher
from rasd.normalize import normalize_name


def _m() -> PhraseMatcher[str]:
    names = ["طرابلس", "مطار طرابلس الدولي", "قوات حفتر", "حفتر", "غاره"]
    return PhraseMatcher(((normalize_name(n), n) for n in names), suffixes=["ات"])


def test_matcher_accepts_proclitics_and_prefers_longest() -> None:
    text = normalize_name("وصلت قوات حفتر إلى محيط مطار طرابلس الدولي وبطرابلس")
    hits = _m().find(text)
    assert [(h.prefix, h.phrase) for h in hits] == [("", "قوات حفتر"), ("", "مطار طرابلس الدولي"), ("وب", "طرابلس")]


def test_matcher_rejects_matches_inside_words() -> None:
    assert _m().find(normalize_name("الطرابلسي ومحطرابلس")) == []


def test_matcher_allows_listed_suffixes_only() -> None:
    m: PhraseMatcher[str] = PhraseMatcher([("هجوم", "attack")], suffixes=["ا", "ها"])
    assert [(h.start, h.end) for h in m.find("شنوا هجوما")] == [(5, 9)]
    assert [h.phrase for h in m.find("بدا هجومها")] == ["هجوم"]
    assert m.find("هجومي") == []


@given(st.text(alphabet=st.sampled_from(list("طرابلسحفتوق ال")), max_size=60))
def test_matcher_hits_quote_the_text(text: str) -> None:
    for h in _m().find(text):
        assert text[h.start:h.end] == h.phrase
        assert text[h.word_start:h.start] == h.prefix


def test_matcher_names_refuse_the_article_and_follow_lam() -> None:
    m: PhraseMatcher[str] = PhraseMatcher([("جده", "jeddah"), ("الجيش الوطني", "lna")], names=True)
    assert m.find("زارت الجده") == []
    hits = m.find("وللجيش الوطني بيان")
    assert [(h.prefix, h.payloads) for h in hits] == [("ول", ("lna",))]
    assert m.find("لجيش الوطني") == []  # without a proclitic ل there is no article to drop


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 10)), max_size=12), st.integers(0, 60), st.integers(1, 10))
def test_matcher_spanset_overlap_equals_the_pairwise_test(spans: list[tuple[int, int]], start: int, width: int) -> None:
    from rasd.matcher import SpanSet

    pairs = [(s, s + w) for s, w in spans]
    expected = any(s < start + width and start < e for s, e in pairs)
    assert SpanSet(pairs).overlaps(start, start + width) == expected

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.recognize.matcher import PhraseMatcher, phrase_before
from rasd.text.normalize import normalize_name


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
    from rasd.recognize.matcher import SpanSet

    pairs = [(s, s + w) for s, w in spans]
    expected = any(s < start + width and start < e for s, e in pairs)
    assert SpanSet(pairs).overlaps(start, start + width) == expected


def _three() -> list[PhraseMatcher[str]]:
    # lexicons that share phrases and differ in their rules: names, suffixes, neither
    return [PhraseMatcher([("الجيش", "army"), ("جده", "jeddah"), ("طرابلس", "tripoli")], names=True),
            PhraseMatcher([("هجوم", "attack"), ("الجيش", "army-word"), ("قتل", "kill")], suffixes=["ا", "ها"]),
            PhraseMatcher([("قتل", "cue"), ("لا", "neg"), ("طرابلس الغرب", "tg")])]


def test_matcher_scanner_gives_each_matcher_its_own_hits() -> None:
    from rasd.recognize.matcher import PhraseScanner

    matchers = _three()
    text = "وللجيش هجوما على طرابلس الغرب ولا قتل في الجده"
    scanned = PhraseScanner(matchers).scan(text)
    assert [[h.phrase for h in scanned.of(m)] for m in matchers] == [
        ["لجيش", "طرابلس"],             # a name after لل; الجده is no Jeddah
        ["هجوم", "قتل"],                # هجوما with its suffix; وللجيش (alef dropped) only for names
        ["طرابلس الغرب", "لا", "قتل"],  # ولا with its conjunction
    ]
    assert [h.prefix for h in scanned.of(matchers[2])] == ["", "و", ""]


@given(st.text(alphabet=st.sampled_from(list("الجيشهومقتدطربس و")), max_size=80))
def test_matcher_scanner_equals_one_find_per_matcher(text: str) -> None:
    from rasd.recognize.matcher import PhraseScanner

    matchers = _three()
    scanned = PhraseScanner(matchers).scan(text)
    for m in matchers:
        assert list(scanned.of(m)) == m.find(text)


def test_matcher_word_characters_are_letters_digits_and_the_arabic_letter_ranges() -> None:
    from rasd.recognize.matcher import is_word_char

    ranges = ((0x0621, 0x064A), (0x0671, 0x06D3), (0x06FA, 0x06FF))
    for cp in range(0x10000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        assert is_word_char(ch) == (ch.isalnum() or any(lo <= cp <= hi for lo, hi in ranges)), hex(cp)


@given(st.text(alphabet="وفب من قص ", max_size=30), st.integers(0, 30), st.integers(0, 30), st.integers(1, 3))
def test_matcher_phrase_before_reads_the_last_words(text: str, lo: int, pos: int, max_words: int) -> None:
    lo, pos = min(lo, pos, len(text)), min(pos, len(text))
    phrases = {"من", "قص", "ب من", "و قص من"}
    words = text[lo:pos].split()
    expected = any(" ".join(words[-n:]) in phrases for n in range(1, min(max_words, len(words)) + 1))
    assert phrase_before(text, pos, phrases, max_words, lo=lo) == expected
    stripped = any(" ".join(words[-n:]).lstrip("وب") in phrases for n in range(1, min(max_words, len(words)) + 1))
    assert phrase_before(text, pos, phrases, max_words, lo=lo, proclitics="وب") == (expected or stripped)


@given(st.text(alphabet=st.sampled_from(list("طرابلسحفتوق ال")), max_size=60))
def test_matcher_find_ending_is_find_at_the_end(text: str) -> None:
    """find_ending (which skips the scan when the text ends with no phrase's last word) gives exactly the hits of
    find that end where the text ends."""
    m = _m()
    assert m.find_ending(text) == [h for h in m.find(text) if h.end == len(text)]
    assert m.find_ending("قتل في طرابلس") == [h for h in m.find("قتل في طرابلس") if h.end == len("قتل في طرابلس")] != []


@given(st.text(alphabet=st.sampled_from(list("طرابلسحفتوق ال")), max_size=300), st.lists(st.integers(0, 300)))
def test_matcher_find_spanning_is_find_across_the_points(text: str, points: list[int]) -> None:
    """find_spanning (which scans only windows around the points) gives exactly the hits of find that span one
    of them, however the leftmost-longest choice chains overlapping phrases (ال ب، ب ال ق، ق ال ...)."""
    m: PhraseMatcher[str] = PhraseMatcher(((p, p) for p in ["طرابلس", "حفتر", "ال ب", "ب ال ق", "ق ال", "ل ط",
                                                            "س ح", "ر ا ب ل", "ا"]), names=True)
    points = [p for p in points if p <= len(text)]
    assert m.find_spanning(text, points) == [h for h in m.find(text) if any(h.start < p < h.end for p in points)]

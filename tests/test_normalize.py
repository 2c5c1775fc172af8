from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.text.alphabet import ALPHABET
from rasd.text.normalize import normalize, normalize_name


def test_normalize_folds_letters_digits_and_marks() -> None:
    n = normalize("أُعلِنَ إحصاءٌ: ٤٥٧ قتيلاً، و۱۲ في مدينةِ الـرقة؟")
    assert n.text == "اعلن احصاء: 457 قتيلا, و12 في مدينه الرقه?"


def test_normalize_offset_map_points_at_original_characters() -> None:
    original = "قُتِلَ ثلاثةٌ في «طرابلس»"
    n = normalize(original)
    start = n.text.index("طرابلس")
    s, e = n.to_original(start, start + len("طرابلس"))
    assert original[s:e] == "طرابلس"
    s, e = n.to_original(0, 3)
    assert original[s:e] == "قُتِل"


def test_normalize_ligature_expands_and_maps_back() -> None:
    n = normalize("\ufefbجئ")  # lam-alef ligature
    assert n.text.startswith("لا")
    assert n.to_original(0, 2) == (0, 1)


def test_normalize_name_collapses_spaces() -> None:
    assert normalize_name("  المشير   خليفة\tحفتر ") == "المشير خليفه حفتر"


@given(st.text(alphabet=st.sampled_from(list("اأإآبتةثجحخدذرزسشصضطظعغفقكلمنهوؤيئىءـًٌٍَُِّْ ٠١٢٣٤٥٦٧٨٩۰۱،؛؟«»\n\u200fabcXYZ0123.,")), max_size=80))
def test_normalize_spans_always_map_inside_the_original(text: str) -> None:
    n = normalize(text)
    assert len(n.index) == len(n.text)
    assert list(n.index) == sorted(n.index)
    for i in range(len(n.text)):
        for j in range(i + 1, min(len(n.text), i + 4) + 1):
            s, e = n.to_original(i, j)
            assert 0 <= s < e <= len(text)
            assert normalize(text[s:e]).text == n.text[i:j] or n.index[i] == n.index[j - 1]


@given(st.text(alphabet=st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF), max_size=30))
def test_normalize_presentation_forms_never_recurse(text: str) -> None:
    n = normalize(text)
    assert len(n.index) == len(n.text)
    assert all(0 <= i < len(text) for i in n.index)


@given(st.text(alphabet=st.one_of(
    st.sampled_from(list("اأإآبتةثجحخدذرزسشصضطظعغفقكلمنهوؤيئىءـًٌٍَُِّْ ٠١٢٣٤٥٦٧٨٩۰۱،؛؟«»\n\u200f\u200d\ufeffABCabc0.,-")),
    st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF),
    st.characters(max_codepoint=0x2FFFF)), max_size=60)
       | st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))  # (folded in bytes: text.alphabet)
def test_normalize_fast_path_equals_the_reference(text: str) -> None:
    from rasd.text.normalize import _normalize_slow

    assert normalize(text) == _normalize_slow(text)


@given(st.text(alphabet=st.sampled_from(list("أإآىةؤئ ًٌٍَُِّْـ«»“”\u200f\ufefb\ufdf2abcABC12٣ \n\t\u00a0")), max_size=40))
def test_normalize_name_is_the_normalized_text_with_spaces_collapsed(text: str) -> None:
    """normalize_name's fast path (one str.translate) reads a name as normalize does; a ligature takes the slow path."""
    assert normalize_name(text) == " ".join(normalize(text).text.split())


def test_normalize_fast_table_has_every_character_of_its_blocks() -> None:
    # (a character the table lacks costs str.translate a swallowed LookupError: each has an entry, itself when
    # it stays)
    from rasd.text.normalize import _FAST_BLOCKS, _SLOW_RE, _TABLE, _fold_char
    for lo, hi in _FAST_BLOCKS:
        for cp in range(lo, hi):
            ch = chr(cp)
            if not _SLOW_RE.match(ch):
                assert _TABLE[cp] == (_fold_char(ch) or None)

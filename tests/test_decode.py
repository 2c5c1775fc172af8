from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.alphabet import ALPHABET
from rasd.text.decode import DecodedText, InputError, decode_bytes, language_of, read_input

# Sentences written for these tests.
ARABIC = "أعلنت السلطات المحلية صباح الأحد عن إغلاق الطريق الساحلي بعد سقوط قذيفتين قرب السوق.\r\n" \
         "وقال شهود إن خمسة أشخاص أصيبوا بجروح.\n"


def test_decode_utf8_plain_text_is_verbatim() -> None:
    d = decode_bytes(ARABIC.encode("utf-8"), "a.txt")
    assert d == DecodedText(text=ARABIC, encoding="utf-8", content_type="text/plain", title=None,
                            published_hint=None)
    assert "\r\n" in d.text  # CRLF kept


def test_decode_utf8_bom() -> None:
    d = decode_bytes(b"\xef\xbb\xbf" + ARABIC.encode("utf-8"), "a.txt")
    assert d.text == ARABIC
    assert d.encoding == "utf-8-sig"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_decode_utf16_with_bom(codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    d = decode_bytes(bom + ARABIC.encode(codec), "a.txt")
    assert d.text == ARABIC
    assert d.encoding == "utf-16"


def test_decode_windows1256_arabic_accepted() -> None:
    d = decode_bytes(ARABIC.encode("cp1256"), "old.txt")
    assert d.text == ARABIC
    assert d.encoding == "windows-1256"


def test_decode_invalid_utf8_latin_rejected_with_offset() -> None:
    data = b"The convoy reached the town" + b"\xe9" + b" late at night."
    with pytest.raises(InputError) as err:
        decode_bytes(data, "y.txt")
    assert str(err.value) == "y.txt: invalid UTF-8 at byte 27 and not Windows-1256 text"


def test_decode_empty_and_whitespace() -> None:
    for data in (b"", b"   \r\n\t ", "\u00a0 \n".encode()):
        with pytest.raises(InputError, match=r"^a\.txt: empty file$"):
            decode_bytes(data, "a.txt")


def test_decode_nul_bytes_binary() -> None:
    with pytest.raises(InputError, match=r"^x\.bin: binary file \(NUL bytes\), not text$"):
        decode_bytes(b"PK\x03\x04\x00\x00abc", "x.bin")


def test_decode_control_characters_binary() -> None:
    data = bytes([1, 2, 3, 4, 5, 6, 7, 8, 14, 15]) * 5 + b"text"
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(data, "c.bin")


def test_decode_size_limit() -> None:
    with pytest.raises(InputError, match=r"^big\.txt: 20\.1 MB exceeds the 16 MB limit \(--max-bytes\)$"):
        decode_bytes(b"a" * 20_100_000, "big.txt")
    with pytest.raises(InputError, match="exceed"):
        decode_bytes(b"abcdef", "s.txt", max_bytes=5)


PAGE = """<!DOCTYPE html>
<html lang="ar"><head><meta charset="utf-8"><title>عنوان الصفحة التجريبية</title>
<meta name="date" content="2022-07-15"></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/news">أخبار</a></nav>
<article><h1>انقطاع الكهرباء في الحي الشرقي</h1>
<p>قالت شركة الكهرباء إن انقطاعا واسعا أصاب الحي الشرقي من المدينة مساء الخميس بسبب عطل فني في المحطة.</p>
<p>وأضافت الشركة أن فرق الصيانة تعمل على إعادة التيار خلال ساعات وأن المستشفيات لم تتأثر بالانقطاع.</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>"""


def test_decode_html_main_text_title_date() -> None:
    d = decode_bytes(PAGE.encode("utf-8"), "p.html")
    assert d.content_type == "text/html"
    assert "انقطاعا واسعا أصاب الحي الشرقي" in d.text
    assert "<p>" not in d.text
    assert "جميع الحقوق محفوظة" not in d.text
    assert d.title is not None
    assert d.published_hint == "2022-07-15"


def test_decode_html_windows1256_declared() -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1256"')
    d = decode_bytes(page.encode("cp1256"), "p.html")
    assert d.content_type == "text/html"
    assert "فرق الصيانة" in d.text


def test_decode_html_fragment_fallback_strips_tags() -> None:
    frag = "<div><p>سقط <b>مطر</b> غزير</p><p>على الجبال</p></div>"
    d = decode_bytes(frag.encode(), "f.html")
    assert d.content_type == "text/html"
    assert "<" not in d.text
    assert "مطر" in d.text


def test_decode_plain_text_with_angle_bracket_is_not_html() -> None:
    text = "قال المتحدث إن العدد < 10 وإن <p> ظهرت مرة واحدة في نص طويل جدا " * 5
    d = decode_bytes(text.encode(), "t.txt")
    assert d.content_type == "text/plain"
    assert d.text == text


def test_read_input_file_stdin_and_errors(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_bytes(ARABIC.encode("utf-8"))
    assert read_input(str(f)).text == ARABIC

    class FakeStdin:
        buffer = io.BytesIO(ARABIC.encode("utf-8"))

    monkeypatch.setattr(sys, "stdin", FakeStdin)
    assert read_input("-").text == ARABIC

    with pytest.raises(InputError, match="cannot read: No such file or directory"):
        read_input(str(tmp_path / "missing.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_input(str(tmp_path))
    with pytest.raises(InputError, match="exceed"):
        read_input(str(f), max_bytes=10)
    empty = tmp_path / "e.txt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="e.txt: empty file"):
        read_input(str(empty))


def test_read_input_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "z.txt"
    f.write_text("نص", encoding="utf-8")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("builtins.open", deny)
    with pytest.raises(InputError, match=r"z\.txt: cannot read: Permission denied$"):
        read_input(str(f))


def test_language_of() -> None:
    assert language_of(ARABIC) == "ar"
    assert language_of("The army said that the road was closed for the night.") == "en"
    assert language_of("Le ministre a déclaré que la route est fermée pour la nuit.") == "fr"
    assert language_of("1234 5678 !!") == "und"
    assert language_of("Xyzzy plugh qwerty") == "und"
    assert language_of("قال المسؤول في مؤتمر صحفي إن UN و NATO وافقا") == "ar"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_decode_arbitrary_bytes_only_input_error(data: bytes) -> None:
    try:
        d = decode_bytes(data, "h.bin")
    except InputError as exc:
        assert str(exc).startswith("h.bin: ")
        assert "\n" not in str(exc)
    else:
        assert isinstance(d.text, str) and d.text.strip()


@settings(max_examples=150, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_decode_arbitrary_text_roundtrip_or_input_error(text: str) -> None:
    try:
        d = decode_bytes(text.encode("utf-8", "surrogatepass"), "h.txt")
    except InputError:
        return
    if d.content_type == "text/plain":
        assert d.text == text


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["<html>", "<p>", "</p>", "<body>", "<!doctype html>", "<title>", "</title>",
                                 "نص", " ", "\n", "&amp;", "<script>", "</script>", "\x00", "\xff", "<"]),
                max_size=40))
def test_decode_arbitrary_html_like_only_input_error(parts: list[str]) -> None:
    data = "".join(parts).encode("utf-8")
    try:
        d = decode_bytes(data, "h.html")
    except InputError:
        return
    assert d.text.strip()
    assert d.content_type in ("text/plain", "text/html")


def test_decode_language_of_long_text_decides_on_a_clear_opening_else_counts_all() -> None:
    from rasd.text.decode import language_of

    arabic = "اندلعت اشتباكات عنيفة بين الطرفين في أطراف المدينة صباح اليوم. " * 60
    english = "Fighting broke out between the two sides on the edge of the city this morning. " * 60
    assert language_of(arabic + english[:500]) == "ar"
    assert language_of(english[:1600] + arabic * 3) == "ar"
    assert language_of(english + arabic[:300]) == "en"


_ARABIC_BLOCKS = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


@given(st.text(alphabet=st.one_of(st.characters(), st.characters(min_codepoint=0x0600, max_codepoint=0x06FF),
                                  st.characters(min_codepoint=0xFB50, max_codepoint=0xFEFF)), max_size=60)
       | st.text(alphabet=st.sampled_from(ALPHABET), max_size=60))  # (counted in bytes: text.alphabet)
def test_decode_letter_counts_agree_with_a_character_by_character_count(text: str) -> None:
    from rasd.text.decode import _letter_counts

    def letter(ch: str) -> bool:  # \w without digits and underscore
        return ch.isalnum() and not ch.isdecimal()

    arabic = sum(1 for ch in text if letter(ch) and any(lo <= ord(ch) <= hi for lo, hi in _ARABIC_BLOCKS))
    assert _letter_counts(text) == (sum(1 for ch in text if letter(ch)), arabic)


# ---- issue 17: decoding never guesses silently; lone surrogates --------------------------------------------

REPORT = "قصفت الطائرات قرية الزيتون فجر الثلاثاء وقتل ثلاثة مدنيين بينهم طفل.\n"


def test_decode_one_invalid_byte_stays_utf8_with_offset() -> None:
    data = REPORT.encode("utf-8")
    cut = data.index(b" ") + 1  # a character boundary
    d = decode_bytes(data[:cut] + b"\xff" + data[cut:], "one.txt")
    assert d.encoding == "utf-8"
    assert d.decode_errors == (cut,)
    assert d.text == REPORT[:len(data[:cut].decode())] + "\ufffd" + data[cut:].decode()


def test_decode_truncated_sequence_is_one_replacement_character() -> None:
    data = REPORT.encode("utf-8") + "ب".encode()[:1]
    d = decode_bytes(data, "cut.txt")
    assert d.encoding == "utf-8"
    assert d.text == REPORT + "\ufffd"
    assert d.decode_errors == (len(data) - 1,)


def test_decode_bom_utf8_with_invalid_byte_is_replaced_not_rejected() -> None:
    data = b"\xef\xbb\xbf" + REPORT.encode("utf-8") + b"\xc0"
    d = decode_bytes(data, "bom.txt")
    assert d.encoding == "utf-8-sig"
    assert d.text == REPORT + "\ufffd"
    assert d.decode_errors == (len(data) - 1,)


def test_decode_windows1256_only_when_far_more_plausible() -> None:
    d = decode_bytes(REPORT.encode("cp1256"), "old.txt")
    assert (d.encoding, d.text, d.decode_errors) == ("windows-1256", REPORT, ())
    # a few cp1256 letters inside mostly valid UTF-8 do not turn the whole file into Windows-1256
    mixed = REPORT.encode("utf-8") * 3 + "قتل".encode("cp1256")
    d = decode_bytes(mixed, "mixed.txt")
    assert d.encoding == "utf-8" and len(d.decode_errors) == 3


def test_decode_replace_surrogates_keeps_length() -> None:
    from rasd.text.decode import replace_surrogates

    text = "قتل\ud800 خمسة \udfff"
    out = replace_surrogates(text)
    assert len(out) == len(text) and out == "قتل\ufffd خمسة \ufffd"
    assert replace_surrogates(REPORT) is REPORT
    assert replace_surrogates("\U0001f600") == "\U0001f600"


def test_decode_describe_offsets_and_shown_name() -> None:
    from rasd.text.decode import describe_offsets, shown_name

    assert describe_offsets((4,)) == "1 invalid UTF-8 sequence at byte 4"
    assert describe_offsets(tuple(range(7))) == "7 invalid UTF-8 sequences at bytes 0, 1, 2, 3, 4, …"
    assert shown_name("a\x1b[31mb.txt") == "a\\x1b[31mb.txt"
    assert shown_name("تقرير.txt") == "تقرير.txt"
    assert str(InputError("x\x1b]0;t\x07.txt", "empty file")) == "x\\x1b]0;t\\x07.txt: empty file"


def test_read_input_fifo_is_skipped_not_read(tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError, match="not a regular file"):
        read_input(str(fifo))


def _has_lone_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.binary(max_size=300),
                 st.lists(st.sampled_from([REPORT.encode(), b"\xff", b"\xd8", b"\xed\xa0\x80", b"\xef\xbb\xbf",
                                           b"\xff\xfe", "قتل".encode("cp1256"), b"<html><p>", b"+2D8-",
                                           b'<meta charset="utf-7">', b"\x00"]), max_size=12).map(b"".join)))
def test_decode_bytes_property_no_lone_surrogate_or_input_error(data: bytes) -> None:
    try:
        d = decode_bytes(data, "p.bin")
    except InputError:
        return
    assert isinstance(d, DecodedText)
    assert not _has_lone_surrogate(d.text)
    assert d.title is None or not _has_lone_surrogate(d.title)
    assert all(0 <= o < len(data) for o in d.decode_errors)

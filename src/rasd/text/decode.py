"""Turning raw input bytes into the original text that every span indexes (DESIGN.md §1, first stage).

`decode_bytes` accepts UTF-8 (with or without BOM), UTF-16 with a BOM, and Windows-1256 when the bytes are
not UTF-8 and the result is plausibly Arabic; HTML pages are reduced to their main text with trafilatura.
Anything else (binary data, empty input, oversized input, undecodable bytes) raises `InputError` with a
one-line message "<name>: <problem>". Plain text is kept verbatim: newlines (CRLF too) are not touched.
"""

from __future__ import annotations

import codecs
import html
import os
import re
import stat
import sys
import threading
import unicodedata
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .alphabet import codes, encode

DEFAULT_MAX_BYTES = 16_000_000

_BOM_UTF8 = b"\xef\xbb\xbf"
_BOM_UTF16_LE = b"\xff\xfe"
_BOM_UTF16_BE = b"\xfe\xff"

_TEXT_CONTROLS = frozenset("\t\n\r\f\v")
_CONTROL_SHARE = 0.02  # more than this share of control/unassigned characters: binary, not text
_CP1256_ARABIC_SHARE = 0.6  # share of Arabic among the letters needed to accept a Windows-1256 reading

_HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)
_HTML_BODY_TAG = re.compile(r"<(?:body|p|div|article)[\s>]", re.IGNORECASE)
_TAG = re.compile(r"<[a-zA-Z/!][^<>]{0,2000}>")
_DROP_BLOCKS = re.compile(r"<(script|style|head|noscript|template)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_BLOCK_TAG = re.compile(r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|section|article|header|footer|blockquote|pre)\b[^>]*>",
                        re.IGNORECASE)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.IGNORECASE | re.DOTALL)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_\-]+)", re.IGNORECASE)

_EN_STOPWORDS = frozenset(
    "the of and to in is was for on that with by as at from are were has have it this be an which said".split())
_FR_STOPWORDS = frozenset(
    "le la les des du de et est un une dans pour sur par au aux que qui avec ont été sont ce cette il elle".split())


class InputError(Exception):
    """The input cannot be read as text; the message is one line, "<name>: <problem>"."""

    def __init__(self, name: str, problem: str) -> None:
        super().__init__(f"{shown_name(name)}: {problem}")
        self.name = name
        self.problem = problem


@dataclass(frozen=True, slots=True)
class DecodedText:
    """A decoded input: the text, its encoding, content type and how many bytes were replaced."""
    text: str  # the text all spans will index (for HTML: the extracted main text)
    encoding: str  # utf-8 | utf-8-sig | utf-16 | windows-1256 | (an HTML page's declared charset)
    content_type: str  # text/plain | text/html
    title: str | None  # HTML <title> / trafilatura title
    published_hint: str | None  # HTML date hint from trafilatura: only a hint, never a fact
    decode_errors: tuple[int, ...] = ()  # byte offsets of invalid UTF-8 sequences, each now one U+FFFD


_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """`text` with every lone surrogate (from JSON "\\ud800") replaced by U+FFFD: same length, offsets kept.

    Every entry point that receives str from JSON calls this before anything else sees the text."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def describe_offsets(offsets: tuple[int, ...], shown: int = 5) -> str:
    """'3 invalid UTF-8 sequences at bytes 10, 52, 90' (the first few offsets and the count)."""
    first = ", ".join(str(o) for o in offsets[:shown]) + (", …" if len(offsets) > shown else "")
    noun = "sequence" if len(offsets) == 1 else "sequences"
    return f"{len(offsets)} invalid UTF-8 {noun} at byte{'' if len(offsets) == 1 else 's'} {first}"


def shown_name(name: str) -> str:
    """A file name safe to print: control characters (terminal escape codes) shown as escapes."""
    if name.isprintable():
        return name
    return "".join(ch if ch.isprintable() else ascii(ch)[1:-1] for ch in name)


def _mb(n: int) -> str:
    shown = f"{n / 1_000_000:.1f}"
    return shown[:-2] if shown.endswith(".0") else shown


def _too_big(size: int, max_bytes: int) -> str:
    shown, limit = _mb(size), _mb(max_bytes)
    if float(shown) <= max_bytes / 1_000_000:
        return f"{size:,} bytes exceed the {max_bytes:,}-byte limit (--max-bytes)"
    return f"{shown} MB exceeds the {limit} MB limit (--max-bytes)"


_LANGUAGE_SAMPLE = 1500  # characters
_NOT_LETTERS_RE = re.compile(r"[\W\d_]+")
_NOT_ARABIC_RE = re.compile(r"[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]+")


# the codes (text.alphabet) of what is no letter, and of what is no Arabic letter, by the two expressions above
_NOT_LETTER_CODES = codes(lambda ch: _NOT_LETTERS_RE.match(ch) is not None)
_NOT_ARABIC_LETTER_CODES = codes(lambda ch: _NOT_LETTERS_RE.match(ch) is not None or _NOT_ARABIC_RE.match(ch) is not None)


def _letter_counts(text: str) -> tuple[int, int]:
    """(letters, Arabic letters) of a text. Letters: \\w minus digits and underscore (str.isalpha() but for a
    few numeric signs such as ²); counted by deleting everything else, in C: the text's bytes (text.alphabet) less
    those of the characters that do not count, when it is written in the alphabet (the expressions cost ~300
    instructions a character), else by the expressions."""
    encoded = encode(text)
    if encoded is not None:
        return len(encoded.translate(None, _NOT_LETTER_CODES)), len(encoded.translate(None, _NOT_ARABIC_LETTER_CODES))
    letters = _NOT_LETTERS_RE.sub("", text)
    return len(letters), len(_NOT_ARABIC_RE.sub("", letters))


def _is_arabic_letter(ch: str) -> bool:
    cp = ord(ch)
    return (0x0600 <= cp <= 0x06FF or 0x0750 <= cp <= 0x077F or 0x08A0 <= cp <= 0x08FF
            or 0xFB50 <= cp <= 0xFDFF or 0xFE70 <= cp <= 0xFEFF) and ch.isalpha()


def _bad_chars(text: str) -> int:
    """Control characters other than ordinary whitespace, plus unassigned and private-use code points."""
    bad = 0
    for ch, n in Counter(text).items():
        if ch not in _TEXT_CONTROLS and unicodedata.category(ch) in ("Cc", "Cn", "Co", "Cs"):
            bad += n
    return bad


def _looks_binary(text: str) -> bool:
    bad = _bad_chars(text)
    return bad > 0 and bad > _CONTROL_SHARE * len(text)


def _plausible_arabic(text: str) -> bool:
    """Evidence that a Windows-1256 reading is right: Arabic dominates the letters, almost no controls."""
    body = _TAG.sub(" ", text)
    chars = Counter(body)
    letters = sum(n for ch, n in chars.items() if ch.isalpha())
    if letters < 3:
        return False
    arabic = sum(n for ch, n in chars.items() if _is_arabic_letter(ch))
    if arabic < _CP1256_ARABIC_SHARE * letters:
        return False
    return _bad_chars(body) <= 0.005 * len(body)


def _declared_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


_ERRORS = threading.local()


def _record_error(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _ERRORS.found.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("rasd-record", _record_error)

_UTF8_INVALID_SHARE = 0.5  # UTF-8 stays UTF-8 while at most this share of its high bytes is invalid


def _utf8_replacing(data: bytes, codec: str = "utf-8") -> tuple[str, list[tuple[int, int]]]:
    """The UTF-8 reading with each invalid sequence replaced by one U+FFFD, and the (start, end) of each."""
    _ERRORS.found = []
    try:
        text = data.decode(codec, errors="rasd-record")
        return text, _ERRORS.found
    finally:
        _ERRORS.found = []


def _mostly_utf8(data: bytes, spans: list[tuple[int, int]]) -> bool:
    """Whether a UTF-8 reading with invalid sequences is still the right one: most high bytes are valid."""
    high = len(data.translate(None, bytes(range(128))))  # the bytes >= 0x80
    invalid = sum(end - start for start, end in spans)
    return invalid <= _UTF8_INVALID_SHARE * high


def _decode(data: bytes, name: str) -> tuple[str, str, tuple[int, ...]]:
    """(text, encoding name, byte offsets of replaced invalid UTF-8) or InputError."""
    if data.startswith(_BOM_UTF8):
        text, spans = _utf8_replacing(data[3:])
        return text, "utf-8-sig", tuple(start + 3 for start, _ in spans)
    if data.startswith(_BOM_UTF16_LE) or data.startswith(_BOM_UTF16_BE):
        try:
            return data.decode("utf-16"), "utf-16", ()
        except UnicodeDecodeError as exc:
            raise InputError(name, f"invalid UTF-16 at byte {exc.start} (after a UTF-16 BOM)") from None
    if b"\x00" in data:
        raise InputError(name, "binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8"), "utf-8", ()
    except UnicodeDecodeError as exc:
        offset = exc.start
    text, spans = _utf8_replacing(data)
    if _mostly_utf8(data, spans):
        return text, "utf-8", tuple(start for start, _ in spans)
    other = _other_encoding(data)
    if other is not None:
        return other[0], other[1], ()
    raise InputError(name, f"invalid UTF-8 at byte {offset} and not Windows-1256 text")


def _other_encoding(data: bytes) -> tuple[str, str] | None:
    """A reading of bytes that are far from UTF-8: the page's declared charset, else Windows-1256 when the
    result is plausibly Arabic; None otherwise."""
    declared = _declared_charset(data)
    if declared and declared not in ("utf-8", "utf_8"):
        try:
            text = data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
        else:
            if not _looks_binary(text):
                return text, declared.replace("_", "-")
    text = data.decode("cp1256", errors="replace")
    if "\ufffd" not in text and _plausible_arabic(text):
        return text, "windows-1256"
    return None


def _is_html(text: str) -> bool:
    head = text[:2048]
    if _HTML_START.match(head):
        return True
    if not _HTML_BODY_TAG.search(text):
        return False
    tags = _TAG.findall(text)
    tag_chars = sum(len(t) for t in tags)
    return len(tags) >= 3 and tag_chars >= 0.1 * len(text)


def _strip_tags(page: str) -> str:
    body = _COMMENT.sub(" ", page)
    body = _DROP_BLOCKS.sub(" ", body)
    body = _BLOCK_TAG.sub("\n", body)
    body = _TAG.sub(" ", body)
    body = html.unescape(body)
    lines = (" ".join(line.split()) for line in body.splitlines())
    return "\n".join(line for line in lines if line)


def _html_title(page: str) -> str | None:
    m = _TITLE.search(page)
    if not m:
        return None
    title = " ".join(html.unescape(m.group(1)).split())
    return title or None


def _trafilatura(page: str) -> tuple[str | None, str | None, str | None]:
    """(main text, title, date hint) from trafilatura; (None, None, None) when it fails or is missing."""
    try:
        import trafilatura
        from trafilatura.settings import set_date_params

        doc: Any = trafilatura.bare_extraction(
            page, favor_precision=False, include_comments=False, include_tables=True, with_metadata=True,
            date_extraction_params=set_date_params(False))
    except Exception:  # a broken page or a broken install must not stop decoding
        return None, None, None
    if doc is None:
        return None, None, None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    text, title, date = get("text"), get("title"), get("date")
    return (text if isinstance(text, str) and text.strip() else None,
            title if isinstance(title, str) and title.strip() else None,
            date if isinstance(date, str) and date.strip() else None)


def decode_bytes(data: bytes, name: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Decode one input. Raises InputError (and nothing else) when the bytes are not usable text."""
    if len(data) > max_bytes:
        raise InputError(name, _too_big(len(data), max_bytes))
    if not data.strip():
        raise InputError(name, "empty file")
    text, encoding, errors = _decode(data, name)
    text = replace_surrogates(text)  # a declared charset such as UTF-7 can yield lone surrogates
    if not text.strip():
        raise InputError(name, "empty file")
    if _looks_binary(text):
        raise InputError(name, "binary file (control characters), not text")
    if not _is_html(text):
        return DecodedText(text=text, encoding=encoding, content_type="text/plain", title=None,
                           published_hint=None, decode_errors=errors)
    main, title, date = _trafilatura(text)
    if main is None:
        main = _strip_tags(text)
    if title is None:
        title = _html_title(text)
    if not main.strip():
        raise InputError(name, "HTML page without text")
    return DecodedText(text=replace_surrogates(main), encoding=encoding, content_type="text/html",
                       title=None if title is None else replace_surrogates(title), published_hint=date,
                       decode_errors=errors)


def read_input(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> DecodedText:
    """Read and decode a file, or standard input when `path` is '-'."""
    if path == "-":
        name = "<stdin>"
        try:
            data = sys.stdin.buffer.read(max_bytes + 1)
        except OSError as exc:
            raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
        if len(data) > max_bytes:
            raise InputError(name, f"input exceeds the {_mb(max_bytes)} MB limit (--max-bytes)")
        return decode_bytes(data, name, max_bytes=max_bytes)
    name = path
    try:
        st = os.stat(path)
        if stat.S_ISDIR(st.st_mode):
            raise InputError(name, "is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise InputError(name, "not a regular file (a FIFO, socket or device): skipped")
        size = st.st_size
        if size > max_bytes:
            raise InputError(name, _too_big(size, max_bytes))
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror or exc}") from None
    return decode_bytes(data, name, max_bytes=max_bytes)


def language_of(text: str) -> str:
    """'ar' when Arabic letters dominate the letters; for Latin script 'en' or 'fr' by stopwords; else 'und'."""
    # A long text whose opening is clearly Arabic is Arabic: the rest is not counted.
    if len(text) > 2 * _LANGUAGE_SAMPLE:
        head_letters, head_arabic = _letter_counts(text[:_LANGUAGE_SAMPLE])
        if head_letters >= 200 and head_arabic > 0.9 * head_letters:
            return "ar"
    letters, arabic = _letter_counts(text)
    if letters == 0:
        return "und"
    if arabic * 2 > letters:
        return "ar"
    words = re.findall(r"[^\W\d_]+", text.lower())
    en = sum(1 for w in words if w in _EN_STOPWORDS)
    fr = sum(1 for w in words if w in _FR_STOPWORDS)
    if en == 0 and fr == 0:
        return "und"
    if en > fr:
        return "en"
    if fr > en:
        return "fr"
    return "und"

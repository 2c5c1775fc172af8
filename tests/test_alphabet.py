from __future__ import annotations

from rasd.text.alphabet import ALPHABET, codes, encode


def test_alphabet_encodes_its_characters_one_byte_each() -> None:
    assert encode(ALPHABET) == bytes(range(256))
    assert encode("قالت الوزارة «إن ٣ مدنيين قتلوا»\u200f") is not None


def test_alphabet_text_with_another_character_is_not_encoded() -> None:
    for text in ("قتل 3 في غزة \u2212 مصدر", "ﻻ", "مدينة ² ونصف", "\x01"):
        assert encode(text) is None


def test_alphabet_codes_are_those_of_the_characters_wanted() -> None:
    digits = codes(str.isdecimal)
    assert "".join(ALPHABET[b] for b in digits) == "0123456789" + "".join(
        chr(c) for c in range(0x0660, 0x066A)) + "".join(chr(c) for c in range(0x06F0, 0x06FA))

"""nisba_places tries its expression at the starts of letter runs only: the same matches as a scan of the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rasd.recognize.linking import _NISBA_PLACE, NISBA_PLACE_HEADS, nisba_places

_NISBAS = {"السوريه": "SY", "سوريه": "SY", "الليبيه": "LY", "ليبي": "LY", "مدينه": "XX", "المدينه": "XX"}
_PIECES = sorted(NISBA_PLACE_HEADS) + [p + h for p in ("ال", "و", "وال", "بال") for h in sorted(NISBA_PLACE_HEADS)] \
    + sorted(_NISBAS) + ["في", "قال", "3", ".", ",", "x", "ب"]


def _scanned(ntext: str) -> list[tuple[int, str]]:
    out = []
    for m in _NISBA_PLACE.finditer(ntext):
        word = m.group(3)
        country = _NISBAS.get(word) or _NISBAS.get("ال" + word)
        if country is not None and (m.group(1) is not None) == word.startswith("ال"):
            out.append((m.start(), country))
    return out


@given(st.lists(st.tuples(st.sampled_from(_PIECES), st.sampled_from([" ", "  ", "", "\n", ",", "-"])), max_size=12))
def test_linking_nisba_places_are_those_of_a_scan_of_the_text(parts: list[tuple[str, str]]) -> None:
    text = "".join(p + s for p, s in parts)
    assert nisba_places(text, _NISBAS) == _scanned(text)


def test_linking_nisba_places_reads_a_place_noun_and_its_nisba() -> None:
    text = "قصفت الطائرات مدينه ليبي ثم المدينه السوريه وبلاد سوريه"
    assert nisba_places(text, _NISBAS) == [(14, "LY"), (28, "SY"), (44, "SY")]

"""A town that gives its name to its province (السويداء of محافظة السويداء، مرزق، نالوت، المحويت) is read as a place
without a place cue, however few live there (recognize/linking.py `province_seats`); another small GeoNames town
still needs a cue. All sentences are rasd's own."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.recognize.linking import province_seats


def _places(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    return {m.text: m.ref for m in rec.mentions if m.kind == "place"}


@pytest.mark.parametrize(("text", "word"), [
    ("وتشهد السويداء هدوءا حذرا بعد أسبوع من المعارك التي قتل فيها العشرات.", "السويداء"),
    ("هاجم مسلحون مرزق فجر اليوم وقتلوا ثلاثة من الحراس.", "مرزق"),
    ("اقتحم مسلحون نالوت مساء الجمعة واشتبكوا مع الحراس.", "نالوت"),
    ("شهدت حلبجة احتجاجات غاضبة ضد الفساد.", "حلبجة"),
])
def test_linking_province_seat_needs_no_cue(pipeline: Pipeline, text: str, word: str) -> None:
    found = _places(pipeline, text)
    assert word in found and found[word] is not None and found[word].startswith("gn-")


def test_linking_small_town_that_is_no_seat_still_needs_a_cue(pipeline: Pipeline) -> None:
    assert "طفس" not in _places(pipeline, "وتشهد طفس هدوءا حذرا بعد أسبوع من المعارك التي قتل فيها العشرات.")
    assert "طفس" in _places(pipeline, "قتل ثلاثة مدنيين في طفس بريف درعا.")


def test_linking_province_seats_are_towns_named_as_their_province(pipeline: Pipeline) -> None:
    gazetteer = pipeline.resources.gazetteer
    seats = province_seats(gazetteer)
    names = {gazetteer.get(pid).name_ar for pid in seats}
    assert {"السويداء", "مرزق", "نالوت"} <= names
    assert all(gazetteer.get(gazetteer.get(pid).parent or "").feature == "admin1" for pid in seats)
    assert "طفس" not in names

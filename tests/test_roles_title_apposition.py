"""Roles by function (issue 14, item 5): a person named after a title's organisation and its remit, then a comma
(مبعوث الأمم المتحدة الخاص إلى ليبيا، فلان), holds the title and is the actor, not the organisation; and a
foreign person's name spelt with one alif more or less (سالفا كير، نتانياهو) is still that person. All sentences
are our own."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.events.speech_sides import title_tail
from rasd.resources.spelling import alif_variants


def _sides(pipeline: Any, text: str) -> list[tuple[str | None, str | None]]:
    """(actor1 id, actor2 id) of every event of the text."""
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    return [((ev["actor1"] or {}).get("id"), (ev["actor2"] or {}).get("id")) for ev in rec["events"]]


# a title's organisation, its remit and a comma, then the person (word order, verb, remit varied)
@pytest.mark.parametrize(("text", "person"), [
    ("طالب ممثل الأمم المتحدة الخاص في ليبيا، غسان سلامة، أطراف القتال بالتهدئة في ضواحي طرابلس مساء السبت.",
     "ghassan-salame"),
    ("وطالب ممثل الأمم المتحدة في اليمن، مارتن غريفيث، الأطراف بوقف القتال في الحديدة.", "martin-griffiths"),
    ("وحث المبعوث الخاص للأمم المتحدة لدى ليبيا، غسان سلامة، على وقف إطلاق النار حول العاصمة.",
     "ghassan-salame"),
])
def test_roles_person_after_titles_remit_is_the_actor(pipeline: Any, text: str, person: str) -> None:
    sides = _sides(pipeline, text)
    assert sides and sides[0][0] == person, sides
    assert all(a1 != "un" for a1, _ in sides)


def test_roles_organisation_with_a_time_word_keeps_the_organisation(pipeline: Any) -> None:
    # a comma after a time word, not a remit: the organisation itself speaks
    sides = _sides(pipeline, "ودعت الأمم المتحدة في ليبيا، أمس، إلى هدنة إنسانية في طرابلس.")
    assert sides and sides[0][0] == "un", sides


@pytest.mark.parametrize(("gap", "tail"), [
    (" ", True), ("، ", True), (" الخاص الي ليبيا, ", True), (" في اليمن, ", True),
    (" امس, ", False), (" الخاص الي ليبيا ", False), (" في اليمن, امس, ", False),
    (" الخاص الي ليبيا والمنطقه المجاوره لها, ", False),
])
def test_roles_title_tail_is_a_remit_then_a_comma(gap: str, tail: bool) -> None:
    assert title_tail(gap) is tail


# a foreign name spelt with one alif more or less than the dictionary's spelling
@pytest.mark.parametrize(("text", "person"), [
    ("واتهم الرئيس سالفا كير المعارضة بمهاجمة مواقع الجيش في ولاية الوحدة.", "salva-kiir"),
    ("وقال رئيس الوزراء الإسرائيلي بنيامين نتانياهو إن الجيش سيكثف غاراته على غزة.", "netanyahu"),
    ("واتهم زعيم المعارضة رياك ماشار الحكومة بخرق الهدنة في ولاية أعالي النيل.", "riek-machar"),
])
def test_linking_alif_spelling_variant_finds_the_person(pipeline: Any, text: str, person: str) -> None:
    found = [m.actor.id for m in pipeline.analyse(text, published="2024-05-02").actors]
    assert person in found, found


def test_spelling_alif_variants_of_a_full_name_only() -> None:
    assert "سالفا كير" in alif_variants("سلفا كير")
    assert "سلفا كير" in alif_variants("سالفا كير")
    assert "بنيامين نتانياهو" in alif_variants("بنيامين نتنياهو")
    assert alif_variants("نتنياهو") == []  # (one word: no variant)
    assert all("كير" in v.split() for v in alif_variants("سلفا كير"))  # (short words stay)


# the source of a toll speaks in a relative clause on the happening (relative word, verb, tense varied)
@pytest.mark.parametrize(("text", "source"), [
    ("سيطرت قوات الدعم السريع على المخيم بعد هجوم استمر يومين، والذي قالت الحكومة إنه أسفر عن مقتل العشرات.",
     "sudan-government"),
    ("اقتحمت قوات الدعم السريع القرية في هجوم عنيف، الذي ذكرت الحكومة أنه أوقع عشرين قتيلا.", "sudan-government"),
    ("انفجرت سيارة مفخخة في سوق المدينة، التي قالت الشرطة إنها أودت بحياة سبعة أشخاص.", "police"),
])
def test_roles_source_in_relative_clause_is_no_party(pipeline: Any, text: str, source: str) -> None:
    sides = _sides(pipeline, text)
    assert sides and not any(source in (a or "") for pair in sides for a in pair), sides


def test_roles_speaker_of_itself_after_happening_stays_a_party(pipeline: Any) -> None:
    # no relative clause: the army tells of what it did itself
    sides = _sides(pipeline, "قصف الجيش قرية قرب كادقلي، وقال الجيش إنه استهدف مواقع للمتمردين.")
    assert sides and sides[0][0] == "saf", sides

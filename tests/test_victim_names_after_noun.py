"""A named person right after a definite victim noun (الطفل أحمد X، الطفلة ريم X، الشاب محمد عبد الله) is one of
the unarmed people the noun names: one mention of them spanning the noun and the name (recognize.victim_names).
All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("اختطف مسلحون مجهولون الطفل أحمد الزعبي أثناء عودته من المدرسة في درعا.", "الطفل أحمد الزعبي", "civilians-sy"),
    ("أصيبت الطفلة ريم العلي بشظايا قذيفة سقطت على منزلها في خان يونس.", "الطفلة ريم العلي", "civilians-ps"),
    ("قتل الشاب محمد عبد الله برصاص الجيش الإسرائيلي في جنين.", "الشاب محمد عبد الله", "civilians-ps"),
    ("وأصيب المتظاهر خالد الجبوري برصاصة في ساحة التحرير ببغداد.", "المتظاهر خالد الجبوري", "protesters-iq"),
])
def test_victim_names_name_after_noun_is_the_victims(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


@pytest.mark.parametrize("text", [
    "قال الشاب إن الجيش قصف المنطقة القريبة من جنين.",  # no name after the noun
    "وقتل الطفل، محمد، في غارة على خان يونس.",  # a comma: no name right after it
    "أصيب الطفل بجروح خطيرة في قصف على دير البلح.",  # a word that is no given name
])
def test_victim_names_without_a_name_right_after_the_noun_is_the_noun_alone(pipeline: Any, text: str) -> None:
    assert all(" " not in t for t, ref in actor_mentions(pipeline, text) if ref and ref.startswith("civilians"))


# the gunmen before the named victim are the ones who acted (actor1), the victim the target (actor2)
@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("اختطف مسلحون مجهولون الطفل أحمد الزعبي من أمام منزله في مدينة درعا.", "unidentified-armed-group-sy",
     "civilians-sy"),
    ("خطف مسلحون ملثمون الشاب محمد العلي في حلب.", "unidentified-armed-group-sy", "civilians-sy"),
    ("قتل مسلحون مجهولون المواطن خالد العلي في درعا.", "unidentified-armed-group-sy", "civilians-sy"),
])
def test_victim_names_gunmen_subject_acts_on_the_named_victim(pipeline: Any, text: str, actor1: str,
                                                              actor2: str) -> None:
    events = pipeline.extract_text(text, published="2024-05-02").events
    assert [(e.actor1.id if e.actor1 else None, e.actor2.id if e.actor2 else None) for e in events] \
        == [(actor1, actor2)]

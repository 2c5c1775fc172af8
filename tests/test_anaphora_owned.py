"""A word for forces with an attached pronoun that opens a speaker's report (أكدت مصادر في الجيش أن قواته
انسحبت) names the speaker's forces (recognize/anaphora.py `owned`, data/anaphora.yaml); the clause a trigger opens
keeps the words before its verb (events/drafts.py set_windows). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _owner(pipeline: Any, text: str, noun: str) -> list[str]:
    """The actors the mentions whose text is `noun` resolve to."""
    a = pipeline.analyse(text, published="2024-03-11")
    return [m.actor.id for m in a.actors or () if m.text == noun]


@pytest.mark.parametrize(("text", "noun", "actor"), [
    # the sources belong to the army: its forces
    ("أكدت مصادر في الجيش الصومالي أن قواته انسحبت من البلدة.", "قواته", "somali-national-army"),
    # a speaker named before its report, with a short phrase between
    ("وقالت قسد في بيان إن مقاتليها صدوا هجوما على الحي الشرقي لمدينة رأس العين.", "مقاتليها", "sdf"),
    # a verb of being between the report's word and the noun
    ("نفى الجيش الإسرائيلي أن تكون قواته قد أطلقت النار على المتظاهرين.", "قواته", "idf"),
    # the speaker before its verb
    ("وقوات الدعم السريع أكدت أن عناصرها ما زالوا في محيط المطار.", "عناصرها", "rsf"),
])
def test_anaphora_owned_forces_are_the_speakers(pipeline: Any, text: str, noun: str, actor: str) -> None:
    assert _owner(pipeline, text, noun) == [actor]


@pytest.mark.parametrize(("text", "noun"), [
    # a participle after another clause: the actor named last (the militia's target's attacker) is no speaker
    ("قالت الفرقة السادسة إن مليشيا الجنجويد هاجمت المعسكر بالمدافع الثقيلة، مؤكدة أن قواتها صدت الهجوم.",
     "قواتها"),
    # not after a word that opens a report: whose forces they are is left to the clause
    ("استهدفت المسيرات مواقع الحوثيين، وأعلنت الجماعة مقتل عدد من قواتها.", "قواتها"),
    # an actor of no kind that has forces (civilians)
    ("قال السكان إن قواتهم المحلية غادرت الحي.", "قواتهم"),
])
def test_anaphora_owned_forces_need_a_speaker_right_before(pipeline: Any, text: str, noun: str) -> None:
    assert _owner(pipeline, text, noun) == []


def _retreats(pipeline: Any, text: str) -> list[Any]:
    events = pipeline.extract_text(text, source="test", published="2024-03-10").events
    return [e for e in events if e.plover == "RETREAT"]


# a withdrawal told in a clause of its own after another happening of the sentence (في حين، بينما، فيما): the
# words of its clause before its verb (its speaker's sources, the owner of its forces) are its own
@pytest.mark.parametrize(("text", "actor"), [
    ("أعلنت حركة الشباب سيطرتها على بلدة بولو بردي، في حين أكدت مصادر في الجيش الصومالي أن قواته انسحبت من "
     "البلدة.", "somali-national-army"),
    ("سيطرت قوات الدعم السريع على مدينة الدندر، بينما قال مصدر في الجيش السوداني إن قواته انسحبت منها إلى سنار.",
     "saf"),
    ("أعلن الحوثيون السيطرة على مديرية حريب، فيما أكد مسؤول عسكري في الجيش اليمني أن وحداته انسحبت إلى مأرب.",
     "yemen-government-forces"),
])
def test_drafts_clause_after_another_keeps_its_subject(pipeline: Any, text: str, actor: str) -> None:
    retreats = _retreats(pipeline, text)
    assert len(retreats) == 1
    assert retreats[0].actor1 is not None and retreats[0].actor1.id == actor


def _gunmen(pipeline: Any, text: str) -> list[str]:
    """The actors the mentions المسلحين / المسلحون resolve to."""
    a = pipeline.analyse(text, published="2024-03-11")
    return [m.actor.id for m in a.actors or () if m.text in ("المسلحين", "المسلحون")]


# gunmen tied to one actor (مسلحون من X، مسلحون تابعون لـX), named again with the article alone: that actor's
@pytest.mark.parametrize(("text", "actor"), [
    ("قتل مسلحون من قوات الدعم السريع 12 مدنيا في قرية قرب مدينة الجنينة. وقال شهود إن المسلحين أحرقوا المنازل "
     "قبل انسحابهم.", "rsf"),
    ("هاجم مسلحون من حركة الشباب قاعدة للجيش في بلدة قرب مقديشو، وأفاد سكان بأن المسلحين انسحبوا بعد ساعتين.",
     "al-shabaab"),
    ("اقتحم مسلحون تابعون لجماعة الحوثي منزلا في مدينة إب. وذكرت مصادر محلية أن المسلحين اختطفوا صاحب المنزل.",
     "houthis"),
])
def test_anaphora_gunmen_tied_to_one_actor_are_its(pipeline: Any, text: str, actor: str) -> None:
    assert _gunmen(pipeline, text) == [actor]


# gunmen tied to no actor, or to two, stay unidentified
@pytest.mark.parametrize("text", [
    "قتل مسلحون مجهولون شابا في مدينة درعا. وقال شهود إن المسلحين فروا على دراجة نارية.",
    "هاجم مسلحون من تنظيم داعش مواقع لمسلحين من قوات سوريا الديمقراطية في ريف دير الزور. وأفادت مصادر بأن المسلحين "
    "تبادلوا إطلاق النار لساعات.",
])
def test_anaphora_gunmen_tied_to_none_stay_unidentified(pipeline: Any, text: str) -> None:
    ids = _gunmen(pipeline, text)
    assert ids and all(i.startswith("unidentified-armed-group-") for i in ids)

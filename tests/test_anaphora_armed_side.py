"""Gunmen and attackers of no side told, read against the document (recognize/linking.py
drop_identified_gunmen, recognize/anaphora.py gunmen_taken_up and antecedent, data/anaphora.yaml `armed_men`):
gunmen the words after them tie to a named actor are that actor's; with one armed group named in the report,
bare gunmen (مسلحون، مسلحا) and the attackers are its men; with two groups, or gunmen told unknown, they stay
unidentified. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str, word: str) -> list[str]:
    """The actors of the mentions whose text is `word`."""
    a = pipeline.analyse(text, published="2024-03-11")
    return [m.actor.id for m in a.actors or () if m.text == word]


@pytest.mark.parametrize(("text", "word", "actor"), [
    # tied by the words after them: suspected of belonging, من, تابعون
    ("قتل مسلحون يشتبه في انتمائهم إلى حركة الشباب ثلاثة مدنيين في بلدة قرب الحدود الكينية الصومالية أمس.",
     "مسلحون", "al-shabaab"),
    ("أحرق مسلحون من قوات الدعم السريع عشرات المنازل في قرية بولاية الجزيرة، بحسب لجان المقاومة.", "مسلحون", "rsf"),
    ("اختطف مسلحون تابعون لجماعة بوكو حرام عشرين تلميذا من مدرسة في ولاية بورنو شمال شرقي نيجيريا.",
     "مسلحون", "boko-haram"),
    # the one armed group of the report, named after them or before, in any case
    ("هاجم مسلحون نقطة تفتيش في ولاية هيران وسط الصومال، وقتلوا جنديين. وتبنت حركة الشباب الهجوم في بيان.",
     "مسلحون", "al-shabaab"),
    ("أعلن الجيش النيجيري أنه قتل 15 مسلحا في غارة على معسكر لجماعة بوكو حرام قرب بحيرة تشاد.", "مسلحا", "boko-haram"),
    ("تبنت حركة الشباب تفجيرا في مقديشو. وفي حادث آخر قتلت القوات الصومالية ثمانية مسلحين في إقليم باي.",
     "مسلحين", "al-shabaab"),
])
def test_anaphora_gunmen_are_the_named_groups(pipeline: Any, text: str, word: str, actor: str) -> None:
    assert set(_actors(pipeline, text, word)) == {actor}


@pytest.mark.parametrize(("text", "word"), [
    # two armed groups named: whose gunmen is not told
    ("هاجم مسلحون قرية في ولاية زمفارا، في حين تبنت جماعة بوكو حرام هجوما آخر وأعلن تنظيم الدولة الإسلامية في غرب "
     "أفريقيا مسؤوليته عن كمين.", "مسلحون"),
    # no group named
    ("قتل مسلحون تاجرا في سوق مدينة غاو شمالي مالي مساء الأحد.", "مسلحون"),
    # gunmen told unknown
    ("قتل مسلحون مجهولون تاجرا في سوق مدينة غاو شمالي مالي، فيما تنشط جماعة نصرة الإسلام والمسلمين في المنطقة.",
     "مسلحون مجهولون"),
])
def test_anaphora_gunmen_of_no_one_group_stay_unidentified(pipeline: Any, text: str, word: str) -> None:
    assert all(a.startswith("unidentified-armed-group-") for a in _actors(pipeline, text, word))
    assert _actors(pipeline, text, word)


@pytest.mark.parametrize(("text", "actor"), [
    # the report's one group, though its army is named nearer
    ("شن الجيش النيجيري غارات على مواقع لجماعة بوكو حرام في ولاية بورنو. وقال الجيش إن المهاجمين قتلوا جنديين "
     "خلال الأسبوع.", "boko-haram"),
    ("قتل الجيش الصومالي عشرة مسلحين من حركة الشباب في إقليم شبيلي السفلى، وقال مسؤول إن المهاجمين فروا نحو الغابات.",
     "al-shabaab"),
    ("قتل ثمانية جنود باكستانيين في هجوم شنه مسلحون على موقع عسكري. وقال الجيش إن قواته قتلت أربعة من المهاجمين. "
     "وتبنت حركة طالبان باكستان الهجوم.", "ttp"),
])
def test_anaphora_attackers_are_the_one_group(pipeline: Any, text: str, actor: str) -> None:
    assert set(_actors(pipeline, text, "المهاجمين")) == {actor}


@pytest.mark.parametrize(("text", "word"), [
    # the one group before them in their own clause is their opponent
    ("اشتبكت حركة الشباب مع مسلحين في سوق بلدة جوهر وسط الصومال.", "مسلحين"),
    # where they came from is told
    ("اندلع قتال بين جماعة بوكو حرام ومسلحين من قرية مجاورة في ولاية بورنو.", "مسلحين"),
])
def test_anaphora_gunmen_set_apart_in_their_clause_stay_unidentified(pipeline: Any, text: str, word: str) -> None:
    assert _actors(pipeline, text, word)
    assert all(a.startswith("unidentified-armed-group-") for a in _actors(pipeline, text, word))

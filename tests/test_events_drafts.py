"""Drafts (events/drafts.py) and the trigger lexicon behind them: the taking of ground announced with the
possessive noun, and the fighting that led to it folded into it; sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


# "announced its control over": the possessive noun with على names the taking of ground
@pytest.mark.parametrize("text", [
    "أعلن الجيش السوداني سيطرته الكاملة على بلدة الدندر.",
    "أكدت حركة الشباب سيطرتها على قرية في إقليم شبيلي السفلى.",
    "وقال المتحدث إن المقاتلين فرضوا سيطرتهم على مطار المدينة فجر اليوم.",
])
def test_drafts_control_announced_is_ground_taken(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert [(e.acled_event_type, e.plover) for e in events] == [("Battles", "ASSAULT")]
    assert "trigger:territory_taken" in events[0].rules


# the fighting told as what came before the taking is one event with it
@pytest.mark.parametrize("text", [
    "أعلنت قوات الدعم السريع سيطرتها على مدينة بارا بعد ثلاثة أيام من القتال.",
    "سيطر الجيش على مدينة سنجة بعد معارك استمرت أسبوعا.",
    "بعد يومين من المعارك العنيفة، دخلت قوات الحكومة مدينة أجدابيا.",
    "استعادت القوات الحكومية بلدة المالكية عقب اشتباكات عنيفة مع المسلحين.",
])
def test_drafts_fighting_before_a_taking_is_part_of_it(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert [e.acled_event_type for e in events] == ["Battles"]
    assert any(r.startswith("prelude:") for r in events[0].rules)


# fighting told on its own, or after a taking, stays an event of its own
@pytest.mark.parametrize("text", [
    "سيطرت القوات الحكومية على بلدة المالكية، ثم اندلعت اشتباكات عنيفة في محيطها.",
    "اندلعت معارك عنيفة في محيط مدينة سنجة بين الجيش وقوات الدعم السريع.",
])
def test_drafts_fighting_not_after_a_taking_stays_its_own(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert "trigger:armed_clash" in [r for e in events for r in e.rules]


# a defective verb (its stem ends in ى) drops the weak letter before some subject suffixes: استولت، استولوا، ألقت
@pytest.mark.parametrize(("text", "kind"), [
    ("استولت عناصر التنظيم فجر اليوم على مقر الشرطة في بلدة جيلي.", "Battles"),
    ("استولى المسلحون على ثلاث قرى في ولاية بورنو.", "Battles"),
    ("واستولوا على مدينة كيدال بعد انسحاب الجيش منها.", "Battles"),
    ("يستولي المقاتلون على مخازن الحبوب في ريف المدينة.", "Battles"),
    ("ألقت الشرطة القبض على خمسة مشتبه بهم في مدينة كسلا.", "Strategic developments"),
    ("ألقوا القبض على قائد الخلية في بلدة الباب.", "Strategic developments"),
])
def test_drafts_defective_verbs_are_triggers(pipeline: Pipeline, text: str, kind: str) -> None:
    assert kind in [e.acled_event_type for e in _events(pipeline, text)]


# a definite trigger after a word of renewal or outbreak is a new round, not the happening told before
@pytest.mark.parametrize(("text", "places"), [
    ("قصفت المدفعية بلدة كفرنبل صباح الاثنين. وفي المساء تجدد القصف على بلدة معرة النعمان.",
     ["Kafranbel", "Maarat al-Numan"]),
    ("اندلعت اشتباكات في حي الصابري ببنغازي أمس. واستؤنف القتال صباح اليوم في منطقة قنفودة.",
     ["Al-Sabri (Benghazi)", "Ganfouda"]),
    ("شنت الطائرات غارات على مدينة دوما. ثم تجددت الغارات على بلدة عربين مساء.", ["Dūmā", "‘Irbīn"]),
])
def test_drafts_renewed_fighting_is_a_happening_of_its_own(pipeline: Pipeline, text: str, places: list[str]) -> None:
    events = _events(pipeline, text)
    assert [e.location.name_en if e.location else None for e in events] == places


# the verbal noun of taking ground (استيلاء), with its possessor or a pronoun between it and على: ground taken
@pytest.mark.parametrize("text", [
    "أكد الجيش استيلاء قواته على ثلاث قرى في ريف حماة.",
    "وأعلنت الحركة استيلاءها على مقر الشرطة في البلدة.",
    "وجاء استيلاء المسلحين على المعسكر بعد يومين من الحصار.",
])
def test_drafts_verbal_noun_of_taking_is_ground_taken(pipeline: Pipeline, text: str) -> None:
    assert "Battles" in [e.acled_event_type for e in _events(pipeline, text)]


# a family with its possessor (أسرتها، أسرتهم) is no capture (أسرت + ها); a capture still is
@pytest.mark.parametrize(("text", "arrest"), [
    ("قتلت المسعفة مع أفراد من أسرتها في قصف على البلدة.", False),
    ("وقال الأب إن أسرتهم فرت من المدينة قبل أسبوع.", False),
    ("لم تتلق أسرتنا أي مساعدات منذ شهر.", False),
    ("وأسرت الحركة ثلاثة جنود في كمين قرب البلدة.", True),
])
def test_drafts_a_family_is_no_capture(pipeline: Pipeline, text: str, arrest: bool) -> None:
    assert ("Arrests" in [e.acled_sub_event_type for e in _events(pipeline, text)]) is arrest


# renewed fighting at the same place is a new round too: never merged into the one told before
@pytest.mark.parametrize(("text", "kind"), [
    ("اندلعت اشتباكات في مدينة سرت أمس. واستؤنف القتال صباح اليوم في المدينة.", "Battles"),
    ("قصفت المدفعية بلدة كفرنبل صباح الاثنين. وتجدد القصف على البلدة مساء.", "Explosions/Remote violence"),
    ("شنت الطائرات غارات على مدينة دوما. ثم تجددت الغارات على المدينة بعد منتصف الليل.", "Explosions/Remote violence"),
])
def test_drafts_renewed_fighting_at_the_same_place_stays_apart(pipeline: Pipeline, text: str, kind: str) -> None:
    assert [e.acled_event_type for e in _events(pipeline, text)] == [kind, kind]

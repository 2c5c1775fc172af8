"""A group named with its abbreviation (recognize.unlinked_abbrev): a head noun and a name closed by the short
form in parentheses (جبهة X (ABC)) or after "known as" (المعروفة اختصارا باسم "X") is one unlinked group, and the
short form names it again later in the document; a name the dictionary knows lends it its entry. All sentences
are our own."""

from __future__ import annotations

import pytest
from mention_fixtures import actor_mentions

from rasd.pipeline import Pipeline


@pytest.mark.parametrize(("text", "name", "short"), [
    ("أعلنت جبهة الخلاص الوطني (NSF) مسؤوليتها عن هجوم على قاعدة للجيش، وقالت NSF إن مقاتليها قتلوا ستة جنود.",
     "جبهة الخلاص الوطني", "NSF"),
    ("أعلنت قوات الدفاع عن أرض الأجداد (FDPA) سيطرتها على بلدة حدودية، وقالت FDPA إن الجيش انسحب منها.",
     "قوات الدفاع عن أرض الأجداد", "FDPA"),
    ("وقتل ثلاثة جنود في كمين نصبه مسلحون من الجبهة الشعبية للعدالة (فاج) قرب الحدود، ونفت فاج مسؤوليتها.",
     "الجبهة الشعبية للعدالة", "فاج"),
    ("واشتبك الجيش مع مسلحين من الحركة من أجل الوحدة والعدالة، المعروفة اختصارا باسم \"موج\"، وأكدت موج مقتل اثنين.",
     "الحركة من أجل الوحدة والعدالة", "موج"),
    ("وقالت مصادر إن جماعة أنصار الحق، المعروفة بـ AHG، تبنت الهجوم، وأكدت AHG مقتل جنديين.", "جماعة أنصار الحق", "AHG"),
])
def test_unlinked_abbrev_group_and_its_short_form_are_one_actor(pipeline: Pipeline, text: str, name: str,
                                                                short: str) -> None:
    found = actor_mentions(pipeline, text)
    assert any(t.startswith(name) and ref is None for t, ref in found), found
    assert (short, None) in found, found
    rec = pipeline.extract_text(text, published="2024-05-02")
    sides = {a.name_ar for e in rec.events for a in (e.actor1, e.actor2, *e.other_actors) if a is not None}
    assert short not in sides, sides  # (the short form is the group, named by its whole name)


def test_unlinked_abbrev_a_quoted_name_of_two_words_is_no_short_form(pipeline: Pipeline) -> None:
    found = actor_mentions(pipeline, 'وقالت الشرطة إن عناصر من تحالف العصابات المعروف باسم "فيف أنسانم" أحرقوا مركزا.')
    assert ("فيف أنسانم", "viv-ansanm") in found and not any(t.startswith("تحالف العصابات") for t, _r in found)


def test_unlinked_abbrev_known_group_lends_its_entry_to_the_short_form(pipeline: Pipeline) -> None:
    found = actor_mentions(pipeline, "وقال متحدث باسم جبهة تحرير شعب تيغراي (TPLF) إن مقاتليها صدوا هجوما، فيما اتهمت "
                                     "الحكومة TPLF بخرق الهدنة.")
    assert ("TPLF", "tplf") in found, found


@pytest.mark.parametrize("text", [
    # (controls: a definite word or a nisba in brackets is no short form; brackets after no group's head)
    "وسيطر الجيش الوطني (الليبي) على المدينة بعد معارك، وقال الليبي إن المعارك انتهت.",
    "وقتل خمسة مدنيين في قصف على السوق (الشعبي) وسط المدينة صباح اليوم.",
    "ونشرت وكالة الصحافة الفرنسية (AFP) صورا للدمار في الحي، ونقلت AFP عن شهود قولهم إن القصف استمر.",
    # (a verb with its object between the head and the brackets: the short form is the agency's)
    "وجاء في بيان للجيش أوردته وكالة الأنباء الرسمية (KNA) أن القصف استمر، ونقلت KNA صورا للدمار.",
])
def test_unlinked_abbrev_controls(pipeline: Pipeline, text: str) -> None:
    found = actor_mentions(pipeline, text)
    assert not any(t in ("الليبي", "AFP", "الشعبي", "KNA") or t.startswith("للجيش ") for t, _ref in found), found

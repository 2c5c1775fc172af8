"""An army's units named by number or ordinal name the army of the document's country, or the force a word of
belonging ties them to, by the unit's phrase (recognize.units). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("قصفت الفرقة الثالثة مشاة مواقع لقوات الدعم السريع في مدينة الفاشر بالسودان.", "الفرقة الثالثة مشاة", "saf"),
    ("وأعلنت الكتيبة 214 في الخرطوم بالسودان أنها استعادت السيطرة على جسر المدينة.", "الكتيبة 214", "saf"),
    ("وتقدمت قوات من اللواء الحادي عشر مدرع نحو بلدة في ريف حماة بسوريا.", "اللواء الحادي عشر مدرع", "saa"),
    ("وقال بيان إن الفوج الخامس التابع للجيش السوداني صد هجوما على مدينة الأبيض.", "الفوج الخامس", "saf"),
])
def test_units_numbered_unit_names_the_army(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


@pytest.mark.parametrize("text", [
    "قال اللواء خالد الحسن إن قوات الدعم السريع قصفت مدينة الأبيض في السودان.",  # a rank before a name
    "احتلت الفرقة الموسيقية المرتبة الأولى في مهرجان أقيم في الخرطوم بالسودان.",  # no number after the noun
    "اشتبك اللواء السابع مع مسلحين جنوب طرابلس في ليبيا.",  # no one army in the country: the side is not told
])
def test_units_no_numbered_unit_or_no_side_names_nothing(pipeline: Any, text: str) -> None:
    found = actor_mentions(pipeline, text)
    assert not any(t.startswith(("اللواء", "الفرقة")) for t, _ in found), found


# where a country has no one army (Libya, Yemen) or another force is named, the unit's side is what the text
# says: a word that puts it inside a force (من، ضمن، في صفوف) or a force that sends part of it (نشرت قوات X وحدات
# من …, verb before or after the force)
@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("قصفت الكتيبة 55 من قوات الدعم السريع مواقع للجيش في مدينة الأبيض.", "الكتيبة 55", "rsf"),
    ("تقدم اللواء الثالث ضمن قوات العمالقة نحو مديرية حيس في اليمن.", "اللواء الثالث", "giants-brigades"),
    ("وتصدى اللواء 35 مدرع، التابع للجيش اليمني، لهجوم في تعز.", "اللواء 35 مدرع", "yemen-government-forces"),
    ("نشرت قوات الدعم السريع وحدات من الفرقة 22 حول مدينة الأبيض في السودان.", "الفرقة 22", "rsf"),
    ("ودفعت قوات الجيش الوطني الليبي بعناصر من الكتيبة 116 إلى مدينة سرت.", "الكتيبة 116", "lna"),
    ("وقالت مصادر إن حكومة الوحدة الوطنية أرسلت تعزيزات من اللواء 52 إلى مدينة الزاوية الليبية.", "اللواء 52",
     "gnu"),
])
def test_units_numbered_side_from_belonging_or_sender(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


# a force that attacks or fights part of a unit does not own it: the army of the country, or nobody
@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("هاجمت قوات الدعم السريع وحدات من الفرقة 22 قرب مدينة الأبيض في السودان.", "الفرقة 22", "saf"),
    ("واشتبكت قوات الجيش الوطني الليبي مع عناصر من الكتيبة 116 قرب مدينة سرت.", "الكتيبة 116", None),
    ("وقتلت قوات الجيش الوطني الليبي ثلاثة من الكتيبة 116 قرب مدينة سرت.", "الكتيبة 116", None),
])
def test_units_numbered_attacked_unit_is_not_the_attackers(pipeline: Any, text: str, phrase: str,
                                                             actor: str | None) -> None:
    found = actor_mentions(pipeline, text)
    assert [a for t, a in found if t == phrase] == ([actor] if actor else []), found


# a unit the document puts inside a force once is that force's wherever it names it again (no guess otherwise:
# another unit of a country with rival forces stays unnamed)
@pytest.mark.parametrize(("text", "phrase", "actors"), [
    ("وأعلن اللواء 52 التابع لحكومة الوحدة الوطنية سيطرته على جسر الزاوية. وقال متحدث إن اللواء 52 فقد ثلاثة من "
     "عناصره في الاشتباكات.", "اللواء 52", ["gnu", "gnu"]),
    ("تقدم اللواء الثالث ضمن قوات العمالقة نحو مديرية حيس في اليمن. وفي اليوم التالي قصف اللواء الثالث مواقع "
     "للحوثيين.", "اللواء الثالث", ["giants-brigades", "giants-brigades"]),
    # (before the army of the country too)
    ("وقالت مصادر إن الفرقة 22 التابعة لقوات الدعم السريع انسحبت من المدينة. وكانت الفرقة 22 قد هاجمت مدينة "
     "الأبيض في السودان.", "الفرقة 22", ["rsf", "rsf"]),
    ("وأعلن اللواء 52 التابع لحكومة الوحدة الوطنية سيطرته على جسر الزاوية، فيما قصف اللواء 53 مواقع قرب "
     "مدينة غريان الليبية.", "اللواء 53", []),
])
def test_units_numbered_side_told_elsewhere_in_the_document(pipeline: Any, text: str, phrase: str,
                                                            actors: list[str]) -> None:
    found = actor_mentions(pipeline, text)
    assert [a for t, a in found if t == phrase] == actors, found

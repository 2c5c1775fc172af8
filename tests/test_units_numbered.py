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

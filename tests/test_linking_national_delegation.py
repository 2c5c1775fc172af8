"""A government's delegation named by the adjective (وفد حكومي، الوفد الحكومي) is the government of the document's
country, or of the country a nisba after it names (recognize.linking national roles, actors/generic.yaml). All
sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("وصل وفد حكومي إلى جدة لبحث وقف إطلاق النار مع قوات الدعم السريع في السودان.", "وفد حكومي", "sudan-government"),
    ("وقال الوفد الحكومي السوداني إن المفاوضات مع قوات الدعم السريع متعثرة.", "الوفد الحكومي السوداني",
     "sudan-government"),
    ("وأرسلت بغداد وفدا حكوميا إلى أربيل لبحث الخلافات حول رواتب الموظفين في العراق.", "وفدا حكوميا",
     "iraq-government"),
])
def test_linking_national_delegation_is_the_government(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


@pytest.mark.parametrize("text", [
    "وقال مصدر حكومي سوداني إن قوات الدعم السريع قصفت مدينة الأبيض.",  # a source, no delegation
    "وصل وفد من الصليب الأحمر إلى مدينة الفاشر في السودان لتقييم الأوضاع.",  # another body's delegation
])
def test_linking_national_other_words_or_delegations_are_no_government(pipeline: Any, text: str) -> None:
    assert not any(ref == "sudan-government" for _t, ref in actor_mentions(pipeline, text))

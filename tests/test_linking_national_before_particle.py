"""A bare national noun before a particle that only looks like a definite nisba (إلى، الذي) still names the
document's government or army (linking.NOT_ADJECTIVES); the Palestinian Authority plays the government role of
Palestine (الرئاسة الفلسطينية، الحكومة in a report about the West Bank). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


@pytest.mark.parametrize(("text", "noun", "actor"), [
    ("ودعا رئيس البرلمان في بيان الحكومة إلى وقف التصعيد في مدينتي مصراتة وبنغازي.", "الحكومة", "gnu"),
    ("وطالبت نقابة الأطباء الحكومة إلى جانب المنظمات بحماية المستشفيات في الخرطوم وأم درمان.", "الحكومة",
     "sudan-government"),
    ("وانتقد نواب في البرلمان الجيش الذي انسحب من مدينة ود مدني في ولاية الجزيرة.", "الجيش", "saf"),
    ("ودعت الرئاسة الفلسطينية إلى وقف الاقتحامات المتكررة لمدينة نابلس ومخيم بلاطة.", "الرئاسة الفلسطينية",
     "palestinian-authority"),
])
def test_linking_national_noun_before_a_particle(pipeline: Any, text: str, noun: str, actor: str) -> None:
    a = pipeline.analyse(text, published="2023-09-14")
    assert [m.actor.id for m in a.actors or () if m.text == noun] == [actor]

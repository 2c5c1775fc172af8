"""One happening told first in a province and then at a town inside it (غارات على ولاية ش … استهدفت مدينة ك) is one
event at the town: merging keeps the place inside a province, region or country, as it keeps a site inside a
town. All sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.mark.parametrize(("text", "place"), [
    ("قتل خمسة مدنيين في غارات جوية على ولاية شمال دارفور أمس. وقال شهود إن الغارات استهدفت مدينة كتم وأدت إلى "
     "مقتل خمسة مدنيين.", "sd-kutum"),
    ("أصيب سبعة أشخاص في قصف مدفعي على محافظة تعز صباح اليوم. وأوضح مصدر طبي أن القصف طال مدينة المخا وأسفر عن "
     "إصابة سبعة أشخاص.", "ye-mocha"),
    ("قتل جنديان في هجوم بطائرة مسيرة على محافظة الأنبار. وأفاد مصدر أمني بأن الطائرة استهدفت مقرا عسكريا في "
     "مدينة الرمادي، ما أدى إلى مقتل جنديين.", "iq-ramadi"),
    ("قتل أربعة مدنيين في قصف مدفعي على محافظة إدلب مساء الأحد. وقال الدفاع المدني إن القصف استهدف بلدة سرمين "
     "وأدى إلى مقتل أربعة مدنيين.", "gn-164782"),
])
def test_events_merge_place_keeps_the_town_inside_a_province(pipeline: Pipeline, text: str, place: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert [e.location.id for e in rec.events if e.location is not None] == [place]

"""A clause that names no place but refers back to a settlement (اقتحموا القرية …، ثم نهبوا المنازل) places the later
happening of its sentence there too, not in the document's main town. All texts written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.mark.parametrize(("text", "village"), [
    ("الفاشر - هاجم مسلحون قرية شقرة غربي مدينة الفاشر مساء أمس.\n\nوقال شهود إن المسلحين اقتحموا القرية على متن "
     "سيارات، ثم نهبوا المنازل والمحال التجارية.", "شقرة"),
    ("الجنينة - هاجمت ميليشيات مسلحة قرية مستري جنوب مدينة الجنينة.\n\nوأفاد ناشطون بأن المهاجمين اقتحموا القرية "
     "فجرا، ثم نهبوا الأسواق والمنازل.", "مستري"),
    ("نيالا - اقتحمت قوة مسلحة بلدة أم لباسة شمال غربي مدينة نيالا.\n\nوقال سكان إن المسلحين هاجموا البلدة ليلا، "
     "ثم نهبوا المحال التجارية.", "أم لباسة"),
])
def test_place_anaphor_before_trigger_takes_the_settlement(pipeline: Pipeline, text: str, village: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert [e.location.name_ar for e in rec.events if e.location is not None] == [village, village]

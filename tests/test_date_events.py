"""The date an event takes (events/date.py): its clause's, else its sentence's, else its paragraph's; a weekday
beside اليوم wins; a statement's day is not the day of what it reports — on sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline

PUBLISHED = "2024-03-05"  # a Tuesday


def _days(pipeline: Pipeline, text: str) -> list[str | None]:
    return [e.date.start for e in pipeline.extract_text(text, source="test", published=PUBLISHED).events]


@pytest.mark.parametrize(("text", "day"), [
    # the day of the statement (after its speech verb, before its complement) is not the day of the happening
    ("أعلنت وزارة الدفاع الخميس مقتل 12 مسلحا الأحد في اشتباكات قرب مدينة سرت.", "2024-03-03"),
    ("قال الجيش السبت إن طائراته قصفت مواقع للمتمردين في مدينة الفاشر يوم الأربعاء.", "2024-02-28"),
    ("أفاد مصدر طبي اليوم بأن ثلاثة مدنيين قتلوا أمس في قصف على حي الشجاعية.", "2024-03-04"),
    ("أعلن الناطق باسم القوات المشتركة في بيان مقتضب الخميس أن 30 مسلحا قتلوا الأحد الماضي في مواجهة مع الجيش.",
     "2024-03-03"),
    # a statement's day alone still dates what it tells
    ("أعلنت قوات الدعم السريع، مساء الإثنين، مقتل 20 من عناصر الجيش في اشتباكات قرب مدينة ود مدني.", "2024-03-04"),
    # a weekday beside اليوم that disagrees with the publication day wins (written the day before)
    ("قتل خمسة أشخاص اليوم الاثنين في غارة جوية على بلدة الزاوية.", "2024-03-04"),
    # no date in the sentence: the paragraph's
    ("شهدت مدينة سرت يوم الأحد اشتباكات عنيفة بين الفصائل.\nوقتل خمسة مقاتلين في المعارك، بحسب مصادر طبية.",
     "2024-03-03"),
])
def test_date_events_take_the_day_of_the_happening(pipeline: Pipeline, text: str, day: str) -> None:
    assert day in _days(pipeline, text)


def test_date_events_a_day_after_since_is_no_happening_day(pipeline: Pipeline) -> None:
    # منذ … 15 أبريل dates the start of the war, not the fighting told in the clause
    days = _days(pipeline, "اندلعت معارك عنيفة في بلدة أم روابة هي الأعنف منذ اندلاع الحرب في 15 أبريل.")
    assert days and "2023-04-15" not in days
    # beside the statement's day: that day stays the event's
    days = _days(pipeline, "أعلنت الحركة، مساء الإثنين، مقتل 20 من عناصر الجيش في معارك حول بلدة أم روابة، في "
                           "أعنف مواجهة منذ اندلاع الحرب في 15 أبريل.")
    assert days == ["2024-03-04"]


@pytest.mark.parametrize("text", [
    "نظم سكان منطقة سوق الجمعة في طرابلس وقفة احتجاجية أمس للمطالبة بالإفراج عن المعتقلين.",
    "قتل شخصان في اشتباكات بمنطقة سوق الجمعة مساء أمس.",
])
def test_date_events_a_weekday_inside_a_place_name_is_no_date(pipeline: Pipeline, text: str) -> None:
    # سوق الجمعة is a district of Tripoli, not a Friday: the event is yesterday's
    assert _days(pipeline, text)[0] == "2024-03-04"


def test_date_events_habitual_attacks_are_no_event(pipeline: Pipeline) -> None:
    # an adverb of habit before the attack word: a description, not a happening (cues.yaml background habitual)
    for text in ("وتشن الميليشيا بانتظام هجمات على القرى الحدودية.",
                 "تستهدف الجماعة بشكل منتظم هجمات على دوريات الجيش.",
                 "وتتعرض قوافل الإغاثة على الطريق الشمالي بصورة منتظمة لهجمات المسلحين."):
        record = pipeline.extract_text(text, source="test", published=PUBLISHED)
        assert all(e.plover != "ASSAULT" for e in record.events), text

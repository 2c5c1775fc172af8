"""Tests of rasd.recognize.count_scope across sentences: a toll that goes on from a since-phrase right before it,
and the fighting told as running since a start as a toll's cause (issue 15 item 3). Own sentences."""

from __future__ import annotations

import pytest
from count_fixtures import scopes


@pytest.mark.parametrize(("text", "figure"), [
    # a conjunction proclitic (و، ف) right after a since-phrase of the same paragraph
    ("فر نحو 30 ألف شخص من بيوتهم منذ اندلاع القتال جنوب المدينة قبل أسبوعين. ووفقا لمنظمة الصحة العالمية، فقد "
     "لقي 270 شخصا حتفهم وجرح 1100 آخرون.", ("killed", 270)),
    ("تتعرض الأحياء الجنوبية للقصف منذ بدء الهجوم على العاصمة في مطلع الشهر. وقتل حتى يومنا 410 أشخاص بينهم 30 "
     "طفلا.", ("killed", 410)),
    ("منذ الخامس من مايو، يحاصر المقاتلون البلدة من ثلاث جهات. فقد سقط 96 قتيلا وأصيب 240 شخصا بحسب مصادر طبية.",
     ("wounded", 240)),
    # كما, فيما, and a toll that reached a figure (بلغت الحصيلة), after one
    ("نزح أكثر من 12 ألف شخص منذ انطلاق العملية العسكرية في الشمال. كما لقي 85 مدنيا مصرعهم.", ("killed", 85)),
    ("تستمر الاشتباكات في محيط المطار منذ بداية الشهر الماضي. بلغت الحصيلة 130 قتيلا و520 جريحا.", ("wounded", 520)),
])
def test_count_scope_carry_goes_on_from_a_since_phrase(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "cumulative"


@pytest.mark.parametrize(("text", "figure"), [
    # the sentence names a happening, a day or a weekday of its own: one incident's toll
    ("نزح 8 آلاف شخص منذ بدء المعارك في الريف الغربي. وقتل 6 مدنيين في غارة على سوق البلدة.", ("killed", 6)),
    ("تتواصل المواجهات منذ اندلاع الأزمة في الولاية. وقتل أمس 14 شخصا وأصيب 20 آخرون.", ("killed", 14)),
    ("يعيش السكان تحت الحصار منذ مطلع العام. وسقط 9 قتلى يوم الخميس عند مدخل المدينة.", ("killed", 9)),
    # a line break parts them (another paragraph), or the sentence opens with no conjunction
    ("نزح 5 آلاف شخص منذ بدء الهجوم على البلدة.\nوقتل 11 شخصا وأصيب 17 في وسط المدينة.", ("killed", 11)),
    ("نزح 5 آلاف شخص منذ بدء الهجوم على البلدة. قتل 11 شخصا وأصيب 17 في وسط المدينة.", ("killed", 11)),
    # the sentence before mentions the war's start with no since-phrase
    ("اندلعت الحرب في الإقليم في أبريل من العام الماضي. وقتل 12 شخصا في المدينة.", ("killed", 12)),
])
def test_count_scope_carry_an_incident_of_its_own_stays_incident(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "incident"


@pytest.mark.parametrize(("text", "figure"), [
    # the fighting told as running since a start, then given as the cause of a toll
    ("تدور معارك عنيفة حول العاصمة بين الجيش والمتمردين منذ إعلان الهجوم في السادس من مارس. وخلفت المعارك أكثر من "
     "700 قتيل.", ("killed", 700)),
    ("وللمرة الثانية منذ بداية القتال تدعو المنظمة إلى هدنة.\nوأسفر القتال عن سقوط 350 قتيلا و1400 جريح.",
     ("wounded", 1400)),
    ("يشهد الإقليم اشتباكات متقطعة منذ العاشر من يناير.\nوقد أوقعت الاشتباكات 220 قتيلا بحسب الأمم المتحدة.",
     ("killed", 220)),
    ("تتواصل المواجهات منذ انطلاق العملية العسكرية. تسببت المواجهات في مقتل 90 شخصا على الأقل.", ("killed", 90)),
])
def test_count_scope_fighting_since_a_start_is_a_war_as_cause(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "cumulative"


@pytest.mark.parametrize(("text", "figure"), [
    # the fighting of one day, or told with no start before it
    ("تدور معارك حول العاصمة منذ إعلان الهجوم في السادس من مارس. وخلفت المعارك أمس 7 قتلى.", ("killed", 7)),
    ("اندلعت اشتباكات عنيفة صباح اليوم في الحي الشرقي. وأسفرت الاشتباكات عن مقتل 4 أشخاص.", ("killed", 4)),
    ("تدور معارك حول العاصمة منذ إعلان الهجوم في السادس من مارس. وأسفرت المعارك يوم الأحد عن مقتل 8 جنود.",
     ("killed", 8)),
    # three sentences after the fighting was told running since its start: too far to refer back to it
    ("تتواصل المواجهات منذ انطلاق العملية العسكرية. وعقد الوسطاء لقاء مع الطرفين. ودعت المنظمة إلى التهدئة. "
     "تسببت المواجهات في مقتل 13 شخصا.", ("killed", 13)),
])
def test_count_scope_fighting_of_a_day_stays_incident(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "incident"

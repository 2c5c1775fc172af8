"""One event per happening across a long report (events/merge.py, events/drafts.py, events/date.py): a war's running
toll stays apart from the day's happening told before it, a definite word that only the report's place places tells
the happening told before it, and a running total takes no day from its paragraph; sentences written for these
tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


def _violent(pipeline: Pipeline, text: str) -> list[Event]:
    return [e for e in _events(pipeline, text) if e.acled_event_type is not None]


def _running(ev: Event) -> bool:
    return bool(ev.counts) and all(c.scope == "cumulative" for c in ev.counts)


# a happening of one day told with no figure, then the war's running toll: two events, the day's without the toll
@pytest.mark.parametrize("text", [
    "اندلعت اشتباكات عنيفة بين الجيش والمتمردين في مدينة الدمازين صباح اليوم. وخلّفت الحرب أكثر من 15 ألف قتيل "
    "منذ اندلاعها.",
    "اشتباكات بين الجيش والمتمردين في ولاية النيل الأزرق\nاندلعت اشتباكات عنيفة بين الجيش والمتمردين في مدينة "
    "الدمازين صباح اليوم. وخلّفت الحرب أكثر من 15 ألف قتيل منذ اندلاعها.",
    "قصفت المدفعية التركية قرية في ريف عفرين مساء أمس. وأودت الحرب بحياة أكثر من 500 ألف شخص منذ اندلاعها عام "
    "2011.",
    "سيطر مقاتلو حركة إم 23 على بلدة روتشورو يوم السبت. وخلف النزاع في شرق الكونغو آلاف القتلى منذ اندلاعه.",
    "هاجم مسلحون قرية في ولاية زمفارا ليل الجمعة. وأسفرت الحرب عن مقتل أكثر من 40 ألف شخص منذ بدايتها.",
])
def test_merge_war_toll_stays_apart_from_the_days_happening(pipeline: Pipeline, text: str) -> None:
    events = _violent(pipeline, text)
    assert len(events) == 2
    day, war = events
    assert not day.counts
    assert _running(war)
    assert war.date.start is None  # (the war's toll is not of the day the clash was)


# controls: a figure of the day told in the next sentence still joins its happening; a headline telling the rising
# toll with no figure is the running toll's
@pytest.mark.parametrize(("text", "value"), [
    ("قصفت المدفعية بلدة معرة النعمان مساء أمس. وقتل في القصف خمسة مدنيين.", 5),
    ("ارتفاع حصيلة القتلى في الغوطة الشرقية\nارتفعت حصيلة القتلى المدنيين منذ بدء الحملة العسكرية على الغوطة "
     "الشرقية إلى 1200 قتيل، وفق المرصد.", 1200),
])
def test_merge_figure_told_next_still_joins(pipeline: Pipeline, text: str, value: int) -> None:
    events = _violent(pipeline, text)
    assert len(events) == 1
    assert value in {c.value for c in events[0].counts}


# a definite word (الهجوم، الكمين) in a later paragraph that no place of its own places: a claim or a response that
# tells the happening told before with other figures, one event
@pytest.mark.parametrize(("text", "tolls"), [
    ("قتل تسعة جنود باكستانيين في هجوم شنه مسلحون على موقع عسكري في منطقة شمال وزيرستان، وفق بيان صدر في إسلام "
     "آباد.\n\nوأوضح البيان أن المسلحين استخدموا أسلحة ثقيلة.\n\nوقال الجيش إن القوات ردت على الهجوم وقتلت خمسة من "
     "المهاجمين.", {9, 5}),
    ("قتل 12 جنديا نيجريا في كمين نصبه مسلحون لدورية عسكرية قرب بلدة بانيبانغو غربي النيجر، حسبما أعلنت الحكومة في "
     "نيامي.\n\nوكانت الدورية في طريقها إلى الحدود مع مالي.\n\nوأعلن تنظيم الدولة في الساحل مسؤوليته عن الكمين، "
     "مدعيا أنه قتل 20 جنديا.", {12, 20}),
    ("نيروبي (وكالات) - قتل خمسة من عناصر الشرطة الكينية وأصيب ثلاثة آخرون، أمس الثلاثاء، إثر انفجار عبوة ناسفة "
     "استهدفت مركبتهم في مقاطعة مانديرا شمال شرقي كينيا.\n\nوقال قائد الشرطة إن المركبة كانت في دورية قرب "
     "الحدود، مضيفا أن المصابين نُقلوا جوا إلى نيروبي.\n\nوتبنت حركة الشباب الهجوم في بيان، زاعمة أنه أسفر عن "
     "مقتل ثمانية من الشرطة.", {5, 8}),
])
def test_merge_definite_word_placed_by_the_report_tells_the_happening_before(pipeline: Pipeline, text: str,
                                                                             tolls: set[int]) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    assert {c.value for c in violent[0].counts if c.kind == "killed"} == tolls


# controls: a definite word placed in its own clause at another town stays apart
@pytest.mark.parametrize("text", [
    "قتل ثلاثة من عناصر الحشد الشعبي بهجوم على موقع لهم في قضاء الطارمية. وفي الموصل، أسفر الهجوم على نقطة "
    "للجيش عن مقتل جنديين.",
    "مقديشو - قتل أربعة جنود صوماليين بانفجار لغم أرضي في بلدة جوهر. وفي مدينة بيدوا، أسفر الهجوم على مركز "
    "للشرطة عن مقتل شرطيين.",
])
def test_merge_definite_word_placed_elsewhere_stays_apart(pipeline: Pipeline, text: str) -> None:
    assert len(_violent(pipeline, text)) == 2


# a running total takes the day its own sentence gives, never its paragraph's (the strike's)
@pytest.mark.parametrize("text", [
    "قتل أربعة مدنيين أمس في قصف على بلدة سراقب. وارتفعت حصيلة القتلى منذ بدء الحملة إلى 600 قتيل.",
    "أصيب سبعة أشخاص أمس في غارة على حي الشجاعية. وبلغ عدد الجرحى منذ بدء العدوان 9200 جريح.",
    "قتل جنديان أمس في كمين قرب بلدة منيكا. ويبلغ عدد القتلى منذ مطلع العام في المنطقة أكثر من 700.",
])
def test_date_running_total_takes_no_day_of_its_paragraph(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    running = [e for e in events if _running(e)]
    day = [e for e in events if e.counts and not _running(e)]
    assert running and day
    assert all(e.date.start is None for e in running)
    assert day[0].date.start == "2024-03-09"


# a happening recalled with its own toll and a date long before the report is history, no event of the report
@pytest.mark.parametrize("text", [
    "وأسفر تفجير شاحنة مفخخة في مدينة كيسمايو في أيلول/سبتمبر 2022 عن مقتل 40 شخصا.",
    "قتل خمسة جنود أمس بانفجار عبوة ناسفة في بلدة جوهر. وكان أكثر الهجمات دموية في المنطقة الهجوم على سوق البلدة "
    "عام 2019 الذي قتل فيه 60 شخصا.",
    "قتل 14 شخصا في غارة على سوق مدينة معرة النعمان في تموز/يوليو 2019.",
    "وأسفر تفجير مزدوج في سوق مدينة بيدوا في تشرين الأول/أكتوبر الماضي عن مقتل 30 شخصا.",
])
def test_background_history_with_its_toll_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert not [e for e in _events(pipeline, text) if {c.value for c in e.counts} & {40, 60, 14, 30}]


# controls: a toll of the news beside a recalled date, or a date within the last weeks, stays an event
@pytest.mark.parametrize(("text", "value"), [
    ("قتل خمسة جنود أمس في هجوم على حاجز قرب بلدة جوهر، بعد عامين من هجوم مماثل في 2022.", 5),
    ("قتل ثلاثة مدنيين في قصف على بلدة سراقب في 2 آذار/مارس 2024.", 3),
    ("قتل سبعة مدنيين في قصف على بلدة أريحا في 12 كانون الثاني/يناير 2024، وفق تقرير نشر اليوم.", 7),
])
def test_background_toll_of_the_news_stays(pipeline: Pipeline, text: str, value: int) -> None:
    assert [e for e in _events(pipeline, text) if value in {c.value for c in e.counts}]

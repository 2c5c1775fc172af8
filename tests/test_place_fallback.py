"""Where an event takes its place from when its own clause names none (events/place_fallback.py): the place of
the violent event told just before it, and the place a حيث "where" clause refers back to. All sentences written
for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-05").events


def _place(e: Event) -> str | None:
    return e.location.name_ar if e.location is not None else None


# a violent happening told with no place of its own, a sentence or two after a placed one, goes on where that one
# was (the town or district), not at the dateline's city
@pytest.mark.parametrize(("text", "place"), [
    ("بغداد - انفجرت سيارة مفخخة في سوق شعبي بحي الشعلة غربي بغداد مساء الخميس، ما أدى إلى مقتل ثمانية أشخاص.\n\n"
     "وأوضح مصدر أمني أن مسلحين أطلقوا النار على سيارات الإسعاف بعد الانفجار.", "الشعلة"),
    ("طرابلس - اندلعت اشتباكات عنيفة في منطقة عين زارة جنوبي طرابلس مساء السبت بين قوات الحكومة ومجموعة مسلحة.\n\n"
     "وأفاد مصدر طبي بأن قذيفة سقطت على منزل وأصابت ثلاثة أطفال.", "عين زارة"),
    ("صنعاء - شنت طائرات التحالف غارة على منزل في حي نقم شرقي صنعاء فجر اليوم.\n\n"
     "وقال الحوثيون إن السعودية شنت هجمات جديدة وقتلت ثلاثة مدنيين.", "نقم"),
    ("درعا - قتل ثلاثة عناصر من قوات الحكومة في هجوم شنه مسلحون على حاجز في بلدة طفس غربي درعا فجر اليوم.\n\n"
     "وذكر ناشطون أن المهاجمين خطفوا عنصرا رابعا واقتادوه إلى جهة مجهولة.", "طفس"),
])
def test_place_fallback_goes_on_where_the_story_is(pipeline: Pipeline, text: str, place: str) -> None:
    events = _events(pipeline, text)
    assert len(events) >= 2
    assert [_place(e) for e in events] == [place] * len(events)
    assert "location:told_before" in events[-1].rules


# a running toll, or a happening told too many sentences later, keeps the document's place
@pytest.mark.parametrize(("text", "place"), [
    # (the lead's place is a ward of the dateline's city: the document stays in the city)
    ("عدن - قتل جنديان في هجوم على نقطة عسكرية في حي كريتر بمدينة عدن.\n\nوقال مسؤول محلي إن قذائف سقطت على "
     "المنازل بعد الهجوم، وإن الحصيلة الإجمالية للقتلى منذ بدء المعارك بلغت 40 قتيلا.", "عدن"),
    ("بنغازي - سقطت قذيفة على منزل في حي الليثي وسط بنغازي ظهر الاثنين.\n\nوعقد المجلس البلدي اجتماعا طارئا.\n\n"
     "وأعلن المجلس الحداد ثلاثة أيام.\n\nوطالب المجلس الحكومة بتعويض المتضررين.\n\n"
     "وذكرت مصادر أمنية أن مسلحين خطفوا موظفا في البلدية مساء.", "بنغازي"),
])
def test_place_fallback_toll_or_far_event_keeps_the_document_place(pipeline: Pipeline, text: str,
                                                                   place: str) -> None:
    last = _events(pipeline, text)[-1]
    assert _place(last) == place
    assert "location:told_before" not in last.rules


# a clause that opens with حيث "where" and names no place is at the place right before it (not where that
# place lies: حي أ في مدينة ب، حيث … is in أ)
@pytest.mark.parametrize(("text", "place"), [
    ("انسحب المسلحون نحو حي الصابرين في مدينة تعز، حيث قصفتهم الطائرات بعد ساعات.", "الصابرين"),
    ("نزح آلاف السكان إلى مدينة المناقل، حيث قصفت طائرة مسيرة مدرسة تؤوي النازحين.", "المناقل"),
    ("وصلت القوات التركية إلى بلدة تل رفعت، حيث اندلعت اشتباكات مع مقاتلين محليين.", "تل رفعت"),
    ("تقدمت الدبابات الإسرائيلية إلى أطراف بلدة الخيام حيث دارت مواجهات عنيفة مع مقاتلي حزب الله.", "الخيام"),
])
def test_place_fallback_where_clause_takes_the_place_before_it(pipeline: Pipeline, text: str, place: str) -> None:
    violent = [e for e in _events(pipeline, text)
               if e.acled_event_type in ("Battles", "Explosions/Remote violence")]
    assert len(violent) == 1
    assert place in (_place(violent[0]) or "")
    assert "location:anaphor" in violent[0].rules


# an event whose own clause names no place but refers back to a town (وسط المدينة، مدرسة البلدة، مستشفى المدينة)
# is in that town, not in a place of the later sentence it took its figures from
@pytest.mark.parametrize(("text", "place"), [
    ("قال مدير مستشفى مدينة الرمادي إن الطواقم منهكة. وأضاف أن انفجارا هز وسط المدينة صباحا. وأظهرت لقطات من "
     "بلدة هيت عشرات المصابين في الشوارع.", "الرمادي"),
    ("تحدث رئيس المجلس المحلي في بلدة سراقب عن نقص الأدوية. وأوضح أن قصفا أصاب مدرسة البلدة ليلا. ونشر ناشطون صورا "
     "من مدينة أريحا أظهرت عشرات الجرحى.", "سراقب"),
    ("قال رئيس بلدية مدينة الأتارب إن الوضع صعب. وأضاف أن غارة أصابت مستشفى المدينة. ونشر ناشطون صورا من بلدة "
     "سرمدا أظهرت عشرات الجرحى في الشوارع.", "اتارب"),
])
def test_place_fallback_own_clause_refers_back_to_a_town(pipeline: Pipeline, text: str, place: str) -> None:
    violent = [e for e in _events(pipeline, text) if e.acled_event_type == "Explosions/Remote violence"]
    assert violent and _place(violent[0]) == place, [_place(e) for e in violent]  # (the strike the clause tells)


# a wire dateline with its agency in parentheses is a dateline too; a violent event placed in the part of a country
# a direction names (شمال X) is not moved to the dateline's capital, which lies elsewhere in that country
@pytest.mark.parametrize(("text", "country"), [
    ("واغادوغو (أ ف ب) - قتل نحو ثلاثين مدنيا في هجوم شنه مسلحون على قرية في شمال بوركينا فاسو أمس.", "bf"),
    ("نيامي (رويترز) - قتل عشرة جنود في كمين نصبه مسلحون في شمال النيجر قرب الحدود مع الجزائر.", "ne"),
    ("نجامينا (الأناضول) - قتل سبعة مدنيين بانفجار لغم أرضي في شرق تشاد صباح الأحد.", "td"),
])
def test_place_fallback_dateline_capital_is_not_in_the_named_part(pipeline: Pipeline, text: str, country: str) -> None:
    events = _events(pipeline, text)
    assert events and events[0].location is not None and events[0].location.id == country, \
        [(e.plover, _place(e)) for e in events]


def test_place_fallback_town_inside_the_named_part_stays(pipeline: Pipeline) -> None:
    """سنجار - … غربي محافظة نينوى: the dateline's town lies in the part named, the event is there."""
    text = "سنجار - قتل ثلاثة مدنيين في قصف بطائرة مسيرة على قرية غربي محافظة نينوى صباح اليوم."
    events = _events(pipeline, text)
    assert events and _place(events[0]) == "سنجار", [(e.plover, _place(e)) for e in events]


def test_place_fallback_story_goes_on_in_the_named_part(pipeline: Pipeline) -> None:
    """An event told later with no place of its own goes on in the part of the country the lead named, not at the
    city the report was filed from; a village referred back to is none of that city either."""
    text = ("واغادوغو (أ ف ب) - قتل نحو أربعين مدنيا في هجوم شنه مسلحون على قرية في شمال بوركينا فاسو.\n\n"
            "وقال أحد السكان إن المهاجمين أحرقوا المنازل.\n\n"
            "وأضاف مصدر أمني أن وحدة من الجيش اشتبكت مع المسلحين في محيط القرية.")
    events = _events(pipeline, text)
    assert events and all(e.location is not None and e.location.id == "bf" for e in events), \
        [(e.plover, _place(e)) for e in events]


# a deployment of forces told with no place of its own takes the report's main place, as a clash or a withdrawal
# does: the troops move into the theatre the report is about
@pytest.mark.parametrize(("text", "place"), [
    ("اندلعت اشتباكات عنيفة في مدينة الزاوية غرب ليبيا صباح اليوم، وأفاد سكان الزاوية بسماع دوي انفجارات.\n\n"
     "وبعد ساعات، دفع الجيش بتعزيزات عسكرية كبيرة إلى المنطقة.", "الزاوية"),
    ("تواصل القصف على بلدة جرابلس لليوم الثالث، وسقطت قذائف على أحياء جرابلس الشرقية.\n\n"
     "وأعادت قوات الحكومة انتشارها في محاولة لاحتواء التصعيد.", "جرابلس"),
    ("قتل أربعة مدنيين في هجوم على سوق في مدينة كسلا، وأغلقت المحال في كسلا أبوابها.\n\n"
     "وحشدت السلطات قوات إضافية لتأمين الطرق بعد الهجوم.", "كسلا"),
])
def test_place_fallback_deployment_takes_the_document_place(pipeline: Pipeline, text: str, place: str) -> None:
    moves = [e for e in _events(pipeline, text) if e.plover == "MOBILIZE"]
    assert moves and all(_place(e) == place for e in moves)



# a حيث clause that opens with a speech verb (حيث أفاد المرصد أن …): the happening its report tells is at the place
# right before حيث, however long the speaker's name — not at the report's main place, named more often before
_ELSEWHERE = "اندلعت اشتباكات في مدينة حلب أمس، وفرضت السلطات في حلب حظر التجول.\n\n"


@pytest.mark.parametrize(("text", "place"), [
    ("وأكدت وزارة الدفاع أن طائراتها لم تتدخل في مدينة تعز حيث أفاد مصدر طبي أن ثلاثة مدنيين قتلوا في غارات جوية.",
     "تعز"),
    ("وأكد المتحدث باسم الحركة أنه لا علاقة لها بما يجري في مدينة الفاشر حيث ذكرت لجان المقاومة المحلية أن "
     "اشتباكات عنيفة اندلعت فجرا.", "الفاشر"),
    ("وقال الجيش إن قواته لم تتدخل في مدينة إدلب حيث قال ناشطون من الدفاع المدني إن غارات جوية استهدفت الأسواق.",
     "إدلب"),
])
def test_place_fallback_where_clause_holding_a_report(pipeline: Pipeline, text: str, place: str) -> None:
    violent = [e for e in _events(pipeline, _ELSEWHERE + text)
               if e.acled_event_type in ("Battles", "Explosions/Remote violence")]
    assert violent and _place(violent[-1]) == place


# a war's running toll that no clause places is the war's theatre: the widest place of the report's country its
# headline names, else the country — not the town the report mostly tells of
@pytest.mark.parametrize(("text", "place"), [
    ("قتل خمسة مدنيين في قصف على مدينة تعز صباح اليوم، وأفاد سكان في تعز بأن القذائف سقطت على سوق شعبي.\n\n"
     "وقد خلّفت الحرب أكثر من 150 ألف قتيل منذ اندلاعها.", "اليمن"),
    ("اشتباكات عنيفة في جنوب السودان\nاندلعت اشتباكات بين الجيش ومسلحين في مدينة ملكال صباح اليوم، وقال سكان في "
     "ملكال إن إطلاق النار استمر ساعات.\n\nوتسبب النزاع منذ اندلاعه في نزوح أكثر من مليوني شخص.", "جنوب السودان"),
    ("معارك طرابلس تدخل شهرها الثاني\nتجددت الاشتباكات في منطقة عين زارة جنوبي طرابلس مساء أمس، وسقطت قذائف على "
     "منازل في عين زارة.\n\nوتسبب النزاع منذ اندلاعه في نزوح أكثر من 40 ألف شخص.", "طرابلس"),
    ("أصيب ثلاثة أطفال برصاص قناص في حي الشيخ مقصود بمدينة حلب، وتعرض الحي لقصف متقطع.\n\n"
     "وارتفع عدد القتلى منذ بداية الحرب إلى أكثر من 300 ألف شخص، بحسب المرصد.", "سوريا"),
])
def test_place_fallback_war_toll_takes_the_theatre(pipeline: Pipeline, text: str, place: str) -> None:
    tolls = [e for e in _events(pipeline, text) if any(c.scope == "cumulative" for c in e.counts)]
    assert tolls and all(_place(e) == place for e in tolls)


# a capital or a country right after a word of visiting is where the visit goes, not a party standing for its
# government (زيارة أنقرة، يزور الوزير طهران)
@pytest.mark.parametrize(("text", "place"), [
    ("ويعتزم رئيس الحكومة زيارة أنقرة مطلع الشهر المقبل لبحث ملف المياه.", "أنقرة"),
    ("ومن المقرر أن يزور وزير الخارجية طهران الأسبوع المقبل في إطار جولة إقليمية.", "طهران"),
    ("وزار المبعوث الأممي القاهرة أمس حيث بحث سبل التهدئة.", "القاهرة"),
])
def test_place_fallback_visit_goes_to_the_capital(pipeline: Pipeline, text: str, place: str) -> None:
    visits = [e for e in _events(pipeline, text) if e.plover == "CONSULT"]
    assert visits and _place(visits[0]) == place

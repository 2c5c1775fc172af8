"""Background is no event (events/background.py): history, a state of control, a habit, a fear, what a strike
hit; a war-wide toll in background is a cumulative count. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


@pytest.mark.parametrize("text", [
    # history: pluperfect (كان … قد), سبق أن / سبق لـ … أن, a year long before the report
    "وكانت قوات حفتر قد سيطرت على المدينة عام 2018 بعد معارك استمرت أشهرا.",
    "وكان الجيش قد استعاد السيطرة على البلدة في وقت سابق.",
    "وكانت الطائرات قد قصفت السوق نفسه في الشهر الماضي.",
    "وسبق أن قصفت الطائرات الروسية المستشفى الوطني في مدينة إدلب.",
    "وسبق لقوات الدعم السريع أن اقتحمت مخيم زمزم.",
    "سيطر تنظيم الدولة على مدينة الموصل عام 2014.",
    # habits
    "دأبت حركة الشباب على شن هجمات على القوافل العسكرية.",
    "اعتادت الطائرات المسيرة قصف الطريق الساحلي قرب مدينة سرت.",
    "كثيرا ما تتعرض مدينة تعز لقصف مدفعي من المرتفعات المجاورة.",
    "وتتعرض القرى الحدودية بين فترة وأخرى لهجمات مسلحين في ولاية النيل الأزرق.",
    # fears and projections
    "يخشى أن يتسبب القتال في مدينة الفاشر في موجة نزوح جديدة.",
    "حذرت الأمم المتحدة من اندلاع مواجهات جديدة في مدينة طرابلس.",
    "تتزايد المخاوف من هجوم وشيك على مدينة مأرب.",
    # a state of control, a taking told of a place already named
    "عاد مئات السكان إلى مدينة تكريت بعد استعادتها من تنظيم الدولة.",
])
def test_background_makes_no_event(pipeline: Pipeline, text: str) -> None:
    assert _events(pipeline, text) == ()


@pytest.mark.parametrize("text", [
    "سقطت قذائف على أحياء في مدينة الرقة الواقعة تحت سيطرة قوات سوريا الديمقراطية.",
    "قصفت طائرات مسيرة مقرا في مدينة مأرب كان يعقد فيه اجتماع لقادة عسكريين.",
    "استهدفت غارة مبنى في مدينة صنعاء حيث كان يجري لقاء بين قادة قبليين.",
])
def test_background_strike_is_one_event(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert [e.acled_event_type for e in events] == ["Explosions/Remote violence"]


@pytest.mark.parametrize(("text", "value"), [
    ("قتل أربعة مقاتلين في اشتباكات قرب مدينة جوبا أمس.\nوخلف النزاع في جنوب السودان أكثر من 400 ألف قتيل "
     "منذ اندلاعه.", 400000),
    ("أصيب ثلاثة مدنيين في قصف على مدينة تعز.\nوأوقعت الحرب في اليمن أكثر من 150 ألف قتيل.", 150000),
    ("قتل جنديان في اشتباكات في ضواحي مدينة الخرطوم.\nوحصدت الحرب أكثر من 20 ألف قتيل منذ بدايتها.", 20000),
])
def test_background_war_toll_is_cumulative(pipeline: Pipeline, text: str, value: int) -> None:
    events = _events(pipeline, text)
    war = [e for e in events if any(c.value == value for c in e.counts)]
    assert len(war) == 1 and len(events) == 2
    assert [c.scope for c in war[0].counts] == ["cumulative"]
    assert all(c.scope == "incident" for e in events if e is not war[0] for c in e.counts)


@pytest.mark.parametrize("text", [
    "قتل أربعة مقاتلين في غارة قرب مدينة جوبا أمس.\nوخلف النزاع في جنوب السودان أكثر من 400 ألف قتيل منذ اندلاعه.",
    "أصيب ثلاثة مدنيين في قصف على مدينة تعز.\nوأوقعت الحرب في اليمن أكثر من 150 ألف قتيل.",
    "قتل جنديان في غارة في ضواحي مدينة الخرطوم.\nويعتقد أن أكثر من 20 ألف شخص قتلوا في السودان منذ اندلاع الحرب.",
])
def test_background_war_toll_is_the_wars(pipeline: Pipeline, text: str) -> None:
    # the running toll of a war is the war's (armed conflict), not the strike told before it
    events = _events(pipeline, text)
    war = [e for e in events if any(c.scope == "cumulative" for c in e.counts)]
    assert len(war) == 1 and war[0].acled_event_type == "Battles" and "fallback:war" in war[0].rules
    assert [e.acled_event_type for e in events if e is not war[0]] == ["Explosions/Remote violence"]


def _types(events: tuple[Event, ...]) -> list[str]:
    return [e.acled_event_type or e.plover for e in events]


# a relative clause after a happening told, a purpose, a list of alleged crimes, an agreement's terms or the talks
# it came out of, and "any" (أي) make no event of their own
@pytest.mark.parametrize(("text", "types"), [
    ("قصفت الطائرات الحربية مدينة معرة النعمان التي سيطرت عليها فصائل المعارضة قبل أشهر.",
     ["Explosions/Remote violence"]),
    ("استهدف قصف مدفعي بلدة سرمين، التي شهدت اشتباكات عنيفة الأسبوع الماضي.", ["Explosions/Remote violence"]),
    ("التقى المبعوث الأممي في طرابلس قادة الفصائل الذين شاركوا في معارك العاصمة.", ["CONSULT"]),
    ("شنت قوات حفتر هجوما على محور عين زارة بهدف السيطرة على مطار طرابلس.", ["Battles"]),
    ("تقدمت القوات الحكومية نحو مدينة مأرب من أجل استعادة مواقع خسرتها.", []),
    ("أرسل الجيش تعزيزات إلى مدينة سرت للسيطرة على الطريق الساحلي.", ["MOBILIZE"]),
    ("سعت القوات خلال الأيام الماضية للسيطرة على الطريق الدولي.", []),
    ("اتهمت منظمة العفو الدولية قوات الدعم السريع بارتكاب عمليات قتل واغتصاب ونهب في مدينة الجنينة.",
     ["ACCUSE"]),
    ("تتهم الحكومة اليمنية جماعة الحوثي بقصف الأحياء السكنية واختطاف المدنيين في تعز.", ["ACCUSE"]),
    ("اتهم ناشطون قوات الأمن باعتقال عشرات الشبان وتعذيبهم في سجون سرية في بغداد.", ["ACCUSE"]),
    ("ويقضي الاتفاق بالإفراج عن جميع المعتقلين وإدخال المساعدات إلى المدينة.", ["Strategic developments"]),
    ("وتتضمن الهدنة انسحاب المقاتلين من الأحياء الشرقية لمدينة حلب.", ["Strategic developments"]),
    ("توصل الطرفان إلى اتفاق لتبادل الأسرى في ختام جولة مفاوضات في مدينة جنيف.", ["Strategic developments"]),
    ("أعلنت الحكومة والمتمردون التوصل إلى اتفاق سلام بعد محادثات استمرت أسبوعين في مدينة جوبا.",
     ["Strategic developments"]),
    ("وقع الطرفان اتفاقا لوقف إطلاق النار عقب اجتماع في مدينة الدوحة.", ["Strategic developments"]),
    ("ولم تسجل أي مواجهات في مدينة حماة حتى المساء.", []),
    ("توعد الجيش بالرد على أي هجوم يستهدف قواته في مدينة درعا.", ["THREATEN"]),
    ("لم يبلغ عن أية اشتباكات في محيط مدينة الفاشر.", []),
])
def test_background_clause_makes_no_event_of_its_own(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert _types(_events(pipeline, text)) == types


@pytest.mark.parametrize(("text", "types"), [
    ("قتل ثلاثة مدنيين في قصف على بلدة كفرنبل التي سيطرت عليها الفصائل العام الماضي.",
     ["Explosions/Remote violence"]),
    ("قتل أربعة أشخاص في قصف على المدينة منذ أن سيطرت عليها القوات.", ["Explosions/Remote violence"]),
    ("أصيب خمسة أشخاص في غارة على الحي الذي شهد اشتباكات عنيفة الأسبوع الماضي.", ["Explosions/Remote violence"]),
    ("قتل جنديان في هجوم على البلدة التي نزح منها آلاف السكان.", ["Battles", "Strategic developments"]),
    ("قتلت القوات أكثر من 60 متظاهرا منذ بدء الاحتجاجات في المدينة.", ["Protests"]),
])
def test_background_clause_without_its_own_figure_in_a_tolled_sentence(pipeline: Pipeline, text: str,
                                                                        types: list[str]) -> None:
    # the sentence's toll is of the happening the clause qualifies; a figure inside the clause is its own
    assert _types(_events(pipeline, text)) == types


def test_background_accusation_holds_its_figure(pipeline: Pipeline) -> None:
    events = _events(pipeline, "اتهم ناشطون قوات الأمن باعتقال عشرات الشبان وتعذيبهم في سجون سرية في بغداد.")
    assert [(c.kind, c.value) for c in events[0].counts] == [("detained", 12)]


# a trigger word that is no event here: the head of a body's or a place's name before it, a verbal noun with ل
# (an aim), a crime listed after a crimes noun, a strike word that opens an actor's name stays a trigger
@pytest.mark.parametrize(("text", "types"), [
    ("وصل وفد من منظمة الإغاثة الإسلامية إلى مدينة كسلا أمس.", []),
    ("دوت صفارات الإنذار في مدينة عسقلان مساء الأحد.", []),
    ("أصيب موظفان من هيئة الإغاثة في انفجار عبوة ناسفة في مدينة الباب.", ["Explosions/Remote violence"]),
    ("قتل ثلاثة مدنيين في قصف على مخيم للنازحين قرب مدينة نيالا.", ["Explosions/Remote violence"]),
    # the head in the accusative, as an object (مركزا، مخيما)
    ("وقال المسعفون إن القصف طال أيضا مركزا لإيواء النازحين في مدينة الفاشر.", ["Explosions/Remote violence"]),
    ("وأصابت القذائف مخيما لإيواء النازحين قرب مدينة نيالا.", ["Explosions/Remote violence"]),
    ("افتتحت المنظمة مركزا لاستقبال النازحين في مدينة كسلا.", []),
    ("خرج الرجل من منزله لزيارة والدته في حي الشيخ مقصود.", []),
    # the appeal itself is a request (triggers.yaml: نداء); the visit it asks for is no meeting
    ("وجهت السلطات نداء للسكان لزيارة مراكز التبرع بالدم في المدينة.", ["REQUEST"]),
    ("تعرضت ثلاث فتيات للضرب لرفضهن مغادرة المدرسة في بلدة الحوش.", []),
    ("وثقت منظمة حقوقية انتهاكات جسيمة في مدينة الجنينة، منها القتل والاغتصاب والنهب.", []),
    ("تحدث التقرير عن فظائع من بينها الاغتصاب الجماعي وحرق القرى في ولاية الوحدة.", []),
    ("يرتكب المسلحون انتهاكات تشمل الاحتجاز التعسفي والقتل خارج القانون في المنطقة.", []),
    ("ضربت غارة إسرائيلية لقاء لقادة الفصائل في مدينة صور.", ["Explosions/Remote violence"]),
    ("دخلت جماعات أجنبية ساحة القتال في الإقليم خلال العام الماضي.", []),
    ("قتل خمسة عناصر من الجبهة الشعبية لتحرير الإقليم في اشتباكات مع الجيش قرب بلدة كرن.", ["Battles"]),
    ("قتل ثلاثة مسلحين في معارك للسيطرة على التلة.", ["Battles"]),
    # whole words only (after proclitics), never in a byline or a hashtag
    ("عبرت القوات نهر الفرات قرب مدينة دير الزور.", []),
    ("رفعت القوات جاهزيتها القتالية في مدينة سرت.", []),
    ("قال الناطق باسم تجمع المهنيين إن الوضع هادئ.", []),
    ("#غزة_تحت_القصف تتصدر مواقع التواصل.", []),
    ("تحرير: أحمد علي", []),
])
def test_background_word_is_no_event_here(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert _types(_events(pipeline, text)) == types


# background made into events: a state that has lasted months or years (منذ أشهر), a projection or a condition
# (an actor's own plan is an event, modality planned), a figure of speech, others of its kind, an agreement or
# talks referred to, what a strike hit, a participle that qualifies a place, a crosshead
@pytest.mark.parametrize(("text", "types"), [
    ("وتشهد المنطقة معارك متقطعة منذ سنوات بين القبائل.", []),
    ("تحاصر القوات المدينة منذ أشهر عدة.", []),
    ("يسيطر المتمردون على الطريق منذ أكثر من عام.", []),
    ("اندلعت اشتباكات في المدينة منذ صباح اليوم.", ["Battles"]),
    ("ومن المتوقع أن تتصاعد الاحتجاجات في العاصمة يوم الجمعة.", []),
    ("ويتوقع أن تنسحب القوات الأجنبية من البلاد العام المقبل.", []),
    ("وإذا استمر القصف على المدينة فإن آلاف السكان سيفرون.", []),
    ("دفع الجيش بتعزيزات إلى المدينة تحسبا لهجوم محتمل.", ["MOBILIZE"]),
    ("تعتزم الحكومة نشر قوات إضافية في الإقليم.", ["MOBILIZE"]),
    ("تفجرت الأوضاع السياسية في البلاد بعد الانتخابات.", []),
    ("شن النائب هجوما لاذعا على الحكومة في البرلمان.", []),
    ("فقدت العائلة كل شيء في الفيضانات.", []),
    ("ويقف التنظيم وراء سلسلة هجمات مماثلة شهدتها المنطقة.", []),
    ("وتذكر الحادثة بغارات سابقة على الأسواق الشعبية.", []),
    ("ولا تزال آثار المعارك السابقة ظاهرة في الحي.", []),
    ("وانسحبت القوات من المدينة وفقا لاتفاق التهدئة.", ["Strategic developments"]),
    ("أنشأ الجيش نقطة مراقبة في بلدة الصرمان ضمن اتفاق خفض التصعيد.", ["Strategic developments"]),
    ("عقد الوفدان جلسة جديدة في إطار محادثات جنيف.", ["CONSULT"]),
    ("استهدفت غارة لطائرة مسيرة اجتماعا لقادة الفصيل في ريف إدلب.", ["Explosions/Remote violence"]),
    ("قصف الطيران اجتماعا قبليا في مديرية صرواح.", ["Explosions/Remote violence"]),
    ("أصابت قذيفة مدفعية اجتماعا للجنة الأمنية في مدينة تعز.", ["Explosions/Remote violence"]),
    ("سقطت قذائف على مدينة دوما المحاصرة مساء السبت.", ["Explosions/Remote violence"]),
    ("عاد الهدوء إلى مدينة الفاشر المحاصرة منذ أشهر.", []),
    ("حاصرت القوات مدينة الفاشر أمس.", ["COERCE"]),
    ("استؤنفت الاشتباكات في المدينة بعد انتهاء الهدنة.", ["Battles"]),
    ('تجددت المعارك في المدينة بعد انتهاء "الهدنة الإنسانية" مساء أمس.', ["Battles"]),
    ("أدى الانفجار أيضا إلى هدم منازل مجاورة في الحي.", ["Explosions/Remote violence"]),
    ("قصفت الطائرات القرية ما أسفر عن تدمير منازل عدة.", ["Explosions/Remote violence"]),
    ("أسفر القصف المدفعي عن إحراق منازل في البلدة.", ["Explosions/Remote violence"]),
    ("أطلقت القوات عملية للاستطلاع والسيطرة على الطرق في المنطقة.", []),
    ("شنت القوات هجوما للتقدم والسيطرة على التلال.", ["Battles"]),
    ("سيطرت القوات على البلدة وطردت المسلحين منها.", ["Battles"]),
    ("ساهم الدعم الخارجي في تزايد الغارات الجوية على المدينة.", []),
    ("تتزايد الهجمات على القوافل التجارية في الإقليم.", []),
    ("وقعت الحكومة والمتمردون في أيار 2016 على اتفاق سلام لم يصمد طويلا.", []),
    ("نزحت مئات الأسر إلى مدينة مأرب في ظل شح المساعدات.", ["Strategic developments"]),
    ("يعاني السكان من نقص المساعدات الغذائية في المخيمات.", []),
    ("تجمع المئات بانتظار توزيع المساعدات في ساحة البلدة.", []),
    ("لن تسمح القوات بتحويل المدينة إلى ساحة لتصفية الحسابات.", []),
    ("وصلت قافلة مساعدات إلى المدينة صباح اليوم.", ["AID"]),
    ("اتهم الجيش المتمردين بخرق وقف إطلاق النار في الإقليم.", ["ACCUSE"]),
    ("دعا المبعوث إلى وقف القتال في العاصمة فورا.", ["REQUEST"]),
    ("طالبت الأمم المتحدة بوقف إطلاق النار في المدينة.", ["REQUEST"]),
])
def test_background_told_is_no_event(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert _types(_events(pipeline, text)) == types


@pytest.mark.parametrize(("text", "triggers"), [
    ("قتل ثلاثة جنود في اشتباكات قرب مدينة سرت.\nهدنة هشة\nوتوصل الطرفان إلى اتفاق لوقف إطلاق النار في مدينة "
     "سرت مساء الأحد.", ["اشتباكات", "توصل الطرفان"]),
    ("قتل جنديان في كمين قرب بلدة المالكية.\nمعارك عنيفة\nوقالت مصادر محلية إن الهدوء عاد إلى البلدة مساء.",
     ["كمين"]),
    ("غارات على حلب\nقصفت طائرات حربية أحياء في مدينة حلب صباح اليوم.", ["غارات"]),
])
def test_background_crosshead_makes_no_event(pipeline: Pipeline, text: str, triggers: list[str]) -> None:
    assert [e.trigger.text if e.trigger else None for e in _events(pipeline, text)] == triggers


# a happening that tells when another took place is a time, not an event: right after غداة، عشية، قبيل, or after قبل
# and a stretch of time with من
@pytest.mark.parametrize(("text", "types"), [
    ("سقط قتيلان من المسلحين في الهجوم على الثكنة قبل يومين من اجتماع مرتقب لوزراء الدفاع.", ["Battles"]),
    ("قصفت الطائرات مواقع المسلحين غداة احتجاجات في العاصمة.", ["Explosions/Remote violence"]),
    ("وجاء التفجير في السوق عشية مفاوضات بين الحكومة والمعارضة.", ["Explosions/Remote violence"]),
    ("قبل يومين من الاجتماع، اعتقلت الشرطة عشرة ناشطين.", ["Strategic developments"]),
    ("اعتقلت الشرطة عشرة ناشطين قبيل زيارة الوزير للمدينة.", ["Strategic developments"]),
])
def test_background_landmark_is_no_event(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert _types(_events(pipeline, text)) == types


# an anniversary names the happening it commemorates, not one of the day
@pytest.mark.parametrize(("text", "types"), [
    ("أحيا الأهالي الذكرى الثالثة لمجزرة السوق في مدينة الضعين.", []),
    ("وتصادف اليوم الذكرى السنوية للهجوم على الثكنة العسكرية في مدينة بنغازي.", []),
    ("نظم ناشطون وقفة احتجاجية بذكرى مرور عام على قصف المستشفى.", ["Protests"]),
])
def test_background_anniversary_is_no_event(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert _types(_events(pipeline, text)) == types


# the whole war as a happening's time (خلال الحرب، طوال الحرب، منذ اندلاع النزاع): a summary, no incident; a figure
# with it is the war's running toll, still counted
@pytest.mark.parametrize(("text", "types"), [
    ("وأوضح التقرير أن أغلب ضحايا الغارات طوال الحرب كانوا من النساء والأطفال.", []),
    ("وتعرضت أحياء المدينة للقصف طوال الحرب.", []),
    ("وشهدت القرية معارك متقطعة منذ اندلاع النزاع.", []),
])
def test_background_war_span_is_no_event(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert _types(_events(pipeline, text)) == types


def test_background_war_span_toll_is_still_counted(pipeline: Pipeline) -> None:
    events = _events(pipeline, "قتل أكثر من 20 ألف شخص منذ اندلاع الحرب في البلاد.")
    assert [c.value for e in events for c in e.counts if c.kind == "killed"] == [20000]


@pytest.mark.parametrize("text", [
    # a speech act said again and again (مرارا، أكثر من مرة after its verb and subject): background, no statement
    "واتهمت الحكومة الصومالية مرارا دولا مجاورة بدعم المتمردين في الإقليم.",
    "وطالبت منظمات حقوقية أكثر من مرة بإجراء تحقيق مستقل في أعمال العنف.",
    "وقد نفت الحركة مرارا وتكرارا تلقي أي دعم خارجي.",
])
def test_background_repeated_speech_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert not any(e.plover in ("ACCUSE", "REQUEST", "DEMAND", "REJECT") for e in _events(pipeline, text))


def test_background_speech_of_the_day_is_still_an_event(pipeline: Pipeline) -> None:
    # (the control: the same statement without "again and again" is the day's)
    assert any(e.plover == "ACCUSE" for e in _events(
        pipeline, "واتهمت الحكومة الصومالية دولا مجاورة بدعم المتمردين في الإقليم."))


@pytest.mark.parametrize("text", [
    # aid workers and officials named by their work: no aid delivered
    "وقال مسؤولو إغاثة إن القصف دمر عشرات المنازل في البلدة.",
    "وأفاد عمال الإغاثة بأن الطريق إلى المخيم ما زال مغلقا.",
    "وذكر موظفو الإغاثة في المدينة أن الاشتباكات توقفت مساء الأحد.",
])
def test_background_people_named_by_aid_work_make_no_aid(pipeline: Pipeline, text: str) -> None:
    assert not any(e.plover == "AID" for e in _events(pipeline, text))


@pytest.mark.parametrize("text", [
    # a speech act right after a comma that ends a relative clause is the speaker's next act, not the clause's
    "وأدان منسق الأمم المتحدة القصف الذي استهدف السوق، داعيا جميع الأطراف إلى احترام القانون الدولي.",
    "ونددت الخارجية بالغارة التي طالت مستشفى المدينة، مطالبة بتحقيق دولي مستقل.",
    "واستنكر الاتحاد الهجوم الذي تعرضت له القافلة، داعيا إلى محاسبة المسؤولين عنه.",
])
def test_background_speech_after_relative_clause_is_the_speakers(pipeline: Pipeline, text: str) -> None:
    assert {e.plover for e in _events(pipeline, text)} == {"ACCUSE", "REQUEST"}

"""Speech acts told in every form (events/drafts.py, triggers.yaml): a denial by any person and tense of its verb
or without one (calling a claim false, denying any part, claiming self-defense), an accusation told as a
predicate (هذا اعتداء), a denial that ends at its clause, and a standing aim that is no happening. Sentences
written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


def _types(pipeline: Pipeline, text: str) -> list[str]:
    """The type of each event rasd finds in `text` (the ACLED type, or the PLOVER type when ACLED has none)."""
    record = pipeline.extract_text(text, source="test", published="2024-03-10")
    return [e.acled_event_type or e.plover for e in record.events]


# a denial in every form: the verb of denying in every person and tense, its verbal noun and its circumstantial
# participle, and to refute; and a denial told without a verb of denying (the claim called false, any part denied,
# self-defense or the rules of engagement claimed)
@pytest.mark.parametrize("text", [
    "وما زال المسؤولون في الحركة ينفون صحة هذه الرواية.",
    "نفى قادة الفصيل ما ورد في البيان، ونفوا أن يكونوا طرفا في الخلاف.",
    "وقال المتحدث باسم الجيش إن قواته ملتزمة بالتهدئة، نافيا ما تناقلته وسائل التواصل.",
    "وجاء بيان الوزارة نفيا لما نشرته الصحيفة صباح اليوم.",
    "فندت وزارة الإعلام ما نشرته القناة الفضائية عن الوضع في العاصمة.",
    "وقال المتحدث باسم التحالف إن هذه الأنباء عارية عن الصحة.",
    "ووصف الناطق العسكري ما أوردته المنظمة بأنه ادعاءات كاذبة.",
    "وأكدت الحكومة في بيانها أنه لا علاقة لها بما جرى في الإقليم.",
    "وشدد الجيش التركي على أن مقاتلاته لم تتدخل في الإقليم.",
    "وتقول الشرطة إن عناصرها تصرفوا دفاعا عن النفس.",
    "ويؤكد الجيش أن جنوده يعملون وفق قواعد الاشتباك.",
])
def test_events_speech_denial_in_every_form(pipeline: Pipeline, text: str) -> None:
    assert "REJECT" in _types(pipeline, text)


# a denial's content ends at its clause: a happening told after فيما, بينما is one of its own, and the denial stays;
# so does one another speaker reports after it (… حيث أفاد ناشطون أن …، وذكرت مصادر أن …)
@pytest.mark.parametrize(("text", "other"), [
    ("نفى المتحدث صحة التقارير، فيما اندلعت اشتباكات عنيفة في محيط المطار.", "Battles"),
    ("رفضت الحكومة المبادرة الأممية، بينما شنت الطائرات غارات على مواقع المتمردين.", "Explosions/Remote violence"),
    ("قال الناطق إن وحداته لم تتدخل في النزاع القبلي، فيما قتل عشرة مدنيين في قصف على السوق.",
     "Explosions/Remote violence"),
    ("أكدت وزارة الدفاع أن وحداتها لم تتدخل في البلدة حيث أفاد ناشطون أن خمسة مدنيين قتلوا في قصف مدفعي.",
     "Explosions/Remote violence"),
    ("وقال المتحدث إن قواته لم تتدخل في المدينة وذكرت مصادر محلية أن اشتباكات عنيفة اندلعت فيها ليلا.", "Battles"),
    ("وأكد قائد الكتيبة أنه لا علاقة لهم بما جرى في الحي وقال شهود عيان إن مسلحين هاجموا المنازل فجرا.",
     "Battles"),
])
def test_events_speech_denial_ends_at_its_clause(pipeline: Pipeline, text: str, other: str) -> None:
    types = _types(pipeline, text)
    assert "REJECT" in types and other in types


# an accusation told as a predicate: a pronoun or a demonstrative, then the crime (indefinite)
@pytest.mark.parametrize("text", [
    'وقال المتحدث: "هذا اعتداء سافر على سيادة البلاد".',
    'وأضاف الوزير أن "هذه جريمة لن تمر دون عقاب".',
    'واعتبر القائد في كلمته "إنها مؤامرة تستهدف الجيش".',
    "وقال رئيس البلدية إن ما جرى جريمة بحق الأهالي.",
])
def test_events_speech_accusation_told_as_a_predicate(pipeline: Pipeline, text: str) -> None:
    assert "ACCUSE" in _types(pipeline, text)


def test_events_speech_a_demonstrative_noun_phrase_is_no_accusation(pipeline: Pipeline) -> None:
    # هذه الجريمة names a crime told before; it calls nothing a crime
    assert "ACCUSE" not in _types(pipeline, "وقال الشاهد إن هذه الجريمة وقعت فجر الأحد.")


# an insistence or an aspiration, and striving (يسعى), are a standing aim: no happening and no appeal
@pytest.mark.parametrize("text", [
    "وتصر الحكومة على استعادة السيطرة على الإقليم كله.",
    "ويصر المتمردون على اقتحام العاصمة مهما كان الثمن.",
    "أصرت الحركة على مواصلة الهجمات على خطوط الإمداد.",
    "ويسعى الطرفان إلى تعزيز مواقعهما على الجبهة الشمالية.",
    "تسعى الحكومة إلى بسط نفوذها على الأقاليم الشمالية.",
])
def test_events_speech_a_standing_aim_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert _types(pipeline, text) == []


# a denial of a happening codes the happening (modality denied); the same denial said again in its sentence (calling
# the reports false) is no act of its own
@pytest.mark.parametrize(("text", "denied"), [
    ("نفت الوزارة أن يكون وفدها قد التقى ممثلي الحركة، واصفة التقارير بأنها عارية عن الصحة.", "CONSULT"),
    ("نفى الجيش أن تكون طائراته قد قصفت السوق، مؤكدا أن هذه المزاعم كاذبة.", "Explosions/Remote violence"),
    ("ونفى المتحدث أن يكون مقاتلو الحركة قد اقتحموا البلدة، معتبرا ذلك ادعاء مضللا.", "Battles"),
])
def test_events_speech_a_denial_said_again_is_one(pipeline: Pipeline, text: str, denied: str) -> None:
    types = _types(pipeline, text)
    assert denied in types and "REJECT" not in types


# a speech act in the clause of a protest told before it is what the protest demands or denounces: the protest is
# the event, and what is demanded no happening; a call in a clause of its own stays a call
@pytest.mark.parametrize(("text", "types"), [
    ("قتل محتج في مظاهرات تطالب بإسقاط الحكومة في مدينة كربلاء.", ["Protests"]),
    ("وخرجت مظاهرات في المدينة رفضا لقرار الحكومة.", ["Protests"]),
    ("ونظم الطلاب وقفة احتجاجية تطالب بالإفراج عن زملائهم.", ["Protests"]),
    ("تظاهر المئات أمام السفارة، ودعا المنظمون إلى مقاطعة الانتخابات.", ["Protests", "REQUEST"]),
])
def test_events_speech_a_protests_demand_is_the_protest(pipeline: Pipeline, text: str, types: list[str]) -> None:
    assert _types(pipeline, text) == types


# a speaker's own demand, refusal or condemnation in the first person, quoted: an act of speech as he makes it
# (the third person's present of these verbs, مظاهرات تطالب بـ…, tells what a protest is about)
@pytest.mark.parametrize(("text", "plover"), [
    ('وقال رئيس المجلس المحلي: "نطالب الحكومة بإرسال فرق الإنقاذ إلى القرى المنكوبة".', "REQUEST"),
    ('وأضاف المتحدث باسم النقابة "إننا نطالب بالإفراج الفوري عن زملائنا المعتقلين".', "REQUEST"),
    ('وقال زعيم الحزب في خطاب أمام أنصاره: "نرفض أي وصاية أجنبية على قرارنا".', "REJECT"),
    ('وكتب الوزير في تغريدة: "أرفض هذه الشروط جملة وتفصيلا".', "REJECT"),
    ('وجاء في بيان الهيئة: "نستنكر بشدة اقتحام مقر المنظمة في العاصمة".', "ACCUSE"),
])
def test_events_speech_first_person_present(pipeline: Pipeline, text: str, plover: str) -> None:
    record = pipeline.extract_text(text, source="test", published="2024-03-10")
    assert plover in [e.plover for e in record.events]


# a speech act after a comma that ends a منذ clause is the speaker's, not part of what منذ names; a year in that
# clause says since when, not when the speech act was made (written with a publication date years later)
@pytest.mark.parametrize(("text", "plover"), [
    ("وقال قائد الجيش إن قواته تقاتل المتمردين منذ صيف العام 2015، مهددا بتوسيع العمليات إلى الشمال.",
     "THREATEN"),
    ("واعتبر الوزير أن بلاده تواجه أسوأ أزمة منذ حرب عام 2006، متوعدا بالرد على أي هجوم جديد.", "THREATEN"),
    ("وذكر الزعيم القبلي أن المنطقة تعاني الإهمال منذ عام 2012، مطالبا الحكومة بإرسال المساعدات.", "REQUEST"),
    ("وقال المتحدث باسم الحركة إن المفاوضات متعثرة منذ مطلع عام 2019، رافضا الشروط التي وضعها الوسطاء.",
     "REJECT"),
])
def test_events_speech_after_a_since_clause(pipeline: Pipeline, text: str, plover: str) -> None:
    record = pipeline.extract_text(text, source="test", published="2024-03-10")
    assert plover in [e.plover for e in record.events]



# what a threat threatens to do is no incident told: the threat takes no place from the strikes told in an
# earlier paragraph because it names strikes of its own to come
@pytest.mark.parametrize("text", [
    "قصفت الطائرات مواقع في مدينة درنة صباح اليوم.\nوقال القائد إن قواته لن تتوقف، مهددا بتكثيف الغارات.",
    "شنت المقاتلات غارات على بلدة ترهونة أمس.\nوتوعد المتحدث باسم الجيش بشن الغارات حتى استسلام المسلحين.",
    "سقطت قذائف على حي في مدينة سرت فجر اليوم.\nوهدد قائد الفصيل بالقصف إذا لم ينسحب خصومه من المواقع.",
])
def test_events_speech_threat_takes_no_place_of_its_threatened_strike(pipeline: Pipeline, text: str) -> None:
    record = pipeline.extract_text(text, source="test", published="2024-03-10")
    threats = [e for e in record.events if e.plover == "THREATEN"]
    assert threats and all(e.location is None for e in threats)


# a pledge to strike back or crush the enemy, its speaker standing between the verb and the pledge: a threat
@pytest.mark.parametrize("text", [
    "وتعهد قائد الجيش في كلمة متلفزة بالرد بقوة على الهجوم.",
    "وتعهدت قيادة العمليات المشتركة بسحق فلول التنظيم في الصحراء الغربية.",
    'وتعهد الرئيس أمام أنصاره بـ"دحر" المتمردين من كل المدن.',
    "وتعهد وزير الدفاع بالانتقام لمقتل الجنود.",
])
def test_events_speech_pledge_to_strike_back_is_a_threat(pipeline: Pipeline, text: str) -> None:
    assert "THREATEN" in [e.plover for e in pipeline.extract_text(text, source="test", published="2024-03-10").events]


# a pledge of anything else (aid, reform, an inquiry) is no threat
@pytest.mark.parametrize("text", [
    "وتعهد المانحون بتقديم مساعدات بقيمة مليار دولار.",
    "وتعهدت الحكومة بإجراء إصلاحات اقتصادية قبل نهاية العام.",
    "وتعهد الوزير بفتح تحقيق شفاف في الحادثة.",
])
def test_events_speech_pledge_of_other_things_is_no_threat(pipeline: Pipeline, text: str) -> None:
    assert "THREATEN" not in [e.plover for e in pipeline.extract_text(text, source="test", published="2024-03-10").events]

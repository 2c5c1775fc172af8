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


def test_background_accusation_holds_its_figure(pipeline: Pipeline) -> None:
    events = _events(pipeline, "اتهم ناشطون قوات الأمن باعتقال عشرات الشبان وتعذيبهم في سجون سرية في بغداد.")
    assert [(c.kind, c.value) for c in events[0].counts] == [("detained", 12)]

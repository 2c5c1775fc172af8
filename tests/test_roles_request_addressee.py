"""Whom a request asks is its second side: the name after من right after the verb (طلب من X) is the addressee,
and the asker is the verb's subject — named before it in the sentence, or carried on from the sentence before
when the verb opens its sentence. All sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


def _request_sides(pipeline: Pipeline, text: str, published: str = "2024-03-05") -> tuple[str | None, str | None]:
    """(actor1, actor2) ids of the text's first REQUEST."""
    rec = pipeline.extract_text(text, source="test", published=published)
    ev = next(e for e in rec.events if e.plover == "REQUEST")
    return ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None


@pytest.mark.parametrize(("text", "asker", "asked"), [
    # (the subject of the sentence, the verb after a comma)
    ("اجتمع السراج بالسفير الأمريكي في طرابلس، وطلب من الاتحاد الأوروبي فرض عقوبات على داعمي الهجوم.", "sarraj",
     "eu"),
    ("التقى السراج وزير الداخلية الإيطالي في طرابلس، وطلب من الحكومة الإيطالية دعما لخفر السواحل.", "sarraj",
     "gov-italy"),
    # (the subject of the sentence before, the verb opening its own sentence with و or ثم)
    ("وصل السراج إلى روما أمس. وطلب من الحكومة الإيطالية دعم قواته في طرابلس.", "sarraj", "gov-italy"),
    ("زار حفتر القاهرة الأسبوع الماضي. ثم طلب من الأمم المتحدة رفع حظر السلاح.", "haftar", "un"),
    # (the subject named after the verb, the addressee after من)
    ("وطلبت حكومة الوفاق من الأمم المتحدة التحقيق في قصف المطار.", "gna", "un"),
])
def test_roles_request_addressee_after_min_is_actor2(pipeline: Pipeline, text: str, asker: str, asked: str) -> None:
    assert _request_sides(pipeline, text) == (asker, asked)


def test_roles_request_subject_named_in_the_verbs_phrase_is_not_carried(pipeline: Pipeline) -> None:
    # (the trigger's own words name the speaker: nobody from the sentence before is carried in)
    text = "قصفت القوات الأمريكية حيا في بغداد. كما احتجت الحكومة العراقية على الغارة."
    ev = next(e for e in pipeline.extract_text(text, source="test").events if e.plover == "ACCUSE")
    assert ev.actor1 is not None and ev.actor1.id == "iraq-government"


@pytest.mark.parametrize(("text", "asker", "asked"), [
    # (a verb of the masculine right before a feminine body's name: the name is its object, the subject carried)
    ("أعلن الجيش السوداني سيطرته على مدينة سنجة. ودعا قوات الدعم السريع إلى الاستسلام.", "saf", "rsf"),
    ("وصل السراج إلى نيويورك أمس. وناشد الأمم المتحدة التدخل لوقف الهجوم على طرابلس.", "sarraj", "un"),
    ("التقى حفتر بالسفير الإيطالي في بنغازي، وطالب الحكومة الإيطالية بوقف دعم حكومة الوفاق.", "haftar",
     "gov-italy"),
    # (agreeing verbs, and a masculine title in front of the body: the subject as named)
    ("ودعت الحكومة الليبية جميع الأطراف إلى وقف القتال.", "gnu", None),  # (in 2024; "all parties": no one)
    ("ودعا الاتحاد الأوروبي حكومة الوفاق إلى ضبط النفس.", "eu", "gna"),
    ("وطالب المتحدث باسم حكومة الوفاق المجتمع الدولي بوقف دعم قوات حفتر.", "gna", "international-community"),
    # (the asker unknown: the body called on is the second side, none the first)
    ("وناشد رئيس المجلس البلدي الحكومة الليبية التدخل لوقف القصف.", None, "gnu"),
])
def test_roles_request_masculine_verb_takes_a_feminine_body_as_object(pipeline: Pipeline, text: str,
                                                                     asker: str | None, asked: str | None) -> None:
    assert _request_sides(pipeline, text) == (asker, asked)


@pytest.mark.parametrize(("text", "asker", "asked"), [
    # (a circumstantial participle after the comma: the clause's subject asks, the name after it is asked)
    ("ورفضت الحكومة السودانية الخطوة، داعية المجتمع الدولي إلى عدم الاعتراف بها.", "sudan-government",
     "international-community"),
    ("وندد السراج بالهجوم على المطار، مطالبا الأمم المتحدة بالتحقيق فيه.", "sarraj", "un"),
    ("وأدان حفتر القصف، داعيا جميع الأطراف إلى ضبط النفس.", "haftar", None),
    # (the speech verb opening the sentence drops its subject too: the one before's; the displaced are no asker)
    ("قال المبعوث الأممي غسان سلامة إن الوضع في طرابلس خطير. وأوضح أن القتال شرد نحو 80 ألف شخص من بيوتهم، "
     "مناشدا المجتمع الدولي التحرك.", "ghassan-salame", "international-community"),
])
def test_roles_request_circumstantial_participle_asks_for_the_clauses_subject(
        pipeline: Pipeline, text: str, asker: str, asked: str | None) -> None:
    assert _request_sides(pipeline, text, "2019-05-05") == (asker, asked)


@pytest.mark.parametrize(("text", "asker", "asked"), [
    # (the plural participle of a circumstance, مطالبين: a call the protesters make, whom it names asked)
    ("ونظم العشرات من أهالي المخطوف وقفة احتجاجية أمام مقر الحكومة في طرابلس، مطالبين رئيسها عبد الحميد الدبيبة "
     "بالتدخل.", "protesters-ly", "dbeibah"),
    ("وتظاهر المئات أمام مقر الحكومة في طرابلس، مطالبين رئيسها عبد الحميد الدبيبة بالتدخل للإفراج عن المخطوفين.",
     None, "dbeibah"),
    ("وخرج المئات في شوارع مدينة تعز، مطالبين الحكومة اليمنية بصرف رواتب الموظفين.", None, "yemen-government"),
])
def test_roles_request_plural_participle_is_a_call(pipeline: Pipeline, text: str, asker: str | None,
                                                   asked: str) -> None:
    assert _request_sides(pipeline, text) == (asker, asked)

"""Tests of rasd.events.attribution: an introducer of what was told (حسبما، وفقا لما، على ما; حسب ما + a verb) and
the speech verb after it stand before the source, and the body that only told the event is its source, never one
of its sides (issue 14: the source of a figure is never actor1/actor2 unless it acts itself). Own sentences."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _event(pipeline: Pipeline, text: str) -> Event:
    rec = pipeline.extract_text(text, source="own", published="2024-05-02")
    return next(e for e in rec.events if e.acled_event_type is not None)


@pytest.mark.parametrize(("text", "source", "teller"), [
    ("قتل مسلحون 9 مدنيين في هجوم على سوق في ولاية جنوب كردفان، حسبما أفادت الشرطة السودانية.",
     "الشرطة السودانية", "sudan-police"),
    ("وقتل 6 أشخاص في قصف مدفعي على حي سكني بمدينة تعز، بحسب ما قالت الحكومة اليمنية.",
     "الحكومة اليمنية", "yemen-government"),
    ("وقتل 6 مدنيين في هجوم على قرية قرب مدينة تلعفر، بحسب ما قالت الشرطة العراقية.", "الشرطة العراقية", "isf"),
    ("وخطف مجهولون 3 مهندسين قرب مدينة سبها، وفقا لما أعلنته وزارة الداخلية الليبية.",
     "وزارة الداخلية الليبية", "gna-ministry-of-interior"),
    ("أصيب 11 مدنيا بجروح في انفجار عبوة ناسفة بريف درعا، على ما أفاد به المرصد السوري لحقوق الإنسان.",
     "المرصد السوري لحقوق الإنسان", "sohr"),
])
def test_attribution_told_teller_is_the_source_not_a_side(pipeline: Pipeline, text: str, source: str,
                                                         teller: str) -> None:
    ev = _event(pipeline, text)
    assert ev.source_attribution == source
    sides = [a.id for a in (ev.actor1, ev.actor2) if a is not None]
    assert teller not in sides


def test_attribution_told_introducer_without_a_speech_verb_introduces_none(pipeline: Pipeline) -> None:
    ev = _event(pipeline, "قتل مسلحون 4 رعاة في هجوم على قرية بولاية غرب دارفور، على ما يبدو.")
    assert ev.source_attribution is None


def test_attribution_told_verb_counts_in_the_phrase_length(pipeline: Pipeline) -> None:
    # (حسب ما قالت + the source: the words of what was told count in the phrase's length)
    ev = _event(pipeline, "قتل 5 جنود في كمين قرب الحدود حسب ما قالت مصادر أمنية في المنطقة الشمالية للبلاد.")
    assert ev.source_attribution == "مصادر أمنية في المنطقة"


@pytest.mark.parametrize(("text", "teller", "victims"), [
    ("قتل مسلحون 7 مدنيين في هجوم على قرية قرب مدينة الجنينة، حسبما قال محمد عثمان، المتحدث باسم الشرطة السودانية.",
     "sudan-police", "civilians-sd"),
    ("قتل مسلحون 5 مدنيين في هجوم على قرية بولاية النيل الأزرق، وفقا لما أعلنه آدم يوسف، الناطق باسم الجيش السوداني.",
     "saf", "civilians-sd"),
    ("اغتال مجهولون 3 مدنيين في مدينة درنة، بحسب ما قال علي محمد، المتحدث باسم وزارة الداخلية الليبية.",
     "gna-ministry-of-interior", "civilians-ly"),
])
def test_attribution_told_body_a_spokesman_speaks_for_takes_no_side(pipeline: Pipeline, text: str, teller: str,
                                                                    victims: str) -> None:
    # (the source's title in apposition, المتحدث باسم …, names the body he tells it for: its source too)
    ev = _event(pipeline, text)
    assert ev.actor1 is not None and ev.actor1.id.startswith("unidentified-armed-group")
    assert ev.actor2 is not None and ev.actor2.id == victims
    assert teller not in [a.id for a in ev.other_actors]


@pytest.mark.parametrize(("text", "source", "teller"), [
    # (وفقا/طبقا with the ل glued to the source: the source starts after it, and takes no side)
    ("ووفقا للجنة أطباء السودان، قتل 4 متظاهرين برصاص قوات الأمن في مدينة بحري.", "للجنة أطباء السودان",
     "sudanese-doctors-union"),
    ("وفقا لوزارة الصحة الفلسطينية، قتل 12 مدنيا في غارة على منزل في مدينة خان يونس.", "وزارة الصحة الفلسطينية",
     "gaza-ministry-of-health"),
    ("وطبقا لبيانات المرصد السوري لحقوق الإنسان، قتل 8 مقاتلين في اشتباكات بريف إدلب.",
     "بيانات المرصد السوري لحقوق الإنسان", "sohr"),
])
def test_attribution_told_source_glued_to_lam_is_the_source(pipeline: Pipeline, text: str, source: str,
                                                            teller: str) -> None:
    ev = _event(pipeline, text)
    assert ev.source_attribution == source
    assert teller not in [a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a is not None]


@pytest.mark.parametrize(("text", "source"), [
    # (a report or a statement "issued by" a body: that body tells the toll, it is no side)
    ("وجاء في تقرير صدر عن مديرية الصحة في محافظة النبطية أن غارة على بلدة كفررمان قتلت 5 أشخاص.",
     "مديرية الصحة في محافظة النبطية"),
    ("كما صدر عن مكتب الإعلام الحكومي في غزة تقرير يفيد بمقتل 14 شخصا في غارة على مدرسة تؤوي نازحين.",
     "مكتب الإعلام الحكومي في غزة"),
    ("ونشرت الصحيفة بيانا صادرا عن قيادة شرطة محافظة البصرة يؤكد مقتل 3 متظاهرين في المواجهات.",
     "قيادة شرطة محافظة البصرة"),
])
def test_attribution_told_issued_by_is_the_source(pipeline: Pipeline, text: str, source: str) -> None:
    ev = _event(pipeline, text)
    assert (ev.source_attribution or "").startswith(source)
    assert ev.actor1 is None

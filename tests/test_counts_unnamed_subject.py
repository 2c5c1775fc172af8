"""A bare plural right after a violent verb, with the verb's definite object after it, is the verb's subject —
the unnamed attackers, no count of themselves — and the object is the one victim: past adjectives of the plural
(ملثمون), past a clause describing it (يستقلون دراجة نارية، كانوا يرتدون …), and when the object is a title the
lexicon does not count before a name (المهندس فلان). All sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _event(pipeline: Pipeline, text: str) -> Event:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    return next(e for e in rec.events if e.acled_event_type is not None)


@pytest.mark.parametrize(("text", "kind", "who", "victims"), [
    # (a describing clause between the subject and the object)
    ("وقتل مجهولون يستقلون دراجة نارية المواطن أحمد سالم في مدينة عدن.", "killed", "civilians", "civilians-ye"),
    ("وقتل مسلحون يرتدون زيا عسكريا الشاب محمد علي في حي الشيخ عثمان بعدن.", "killed", "civilians", "civilians-ye"),
    ("واختطف مسلحون يستقلون سيارة رباعية الدفع الناشط يوسف أحمد من وسط مدينة تعز.", "abducted", "civilians",
     "civilians-ye"),
    ("واغتال مجهولون كانوا يستقلون سيارة الضابط خالد حسن أمام منزله في تعز.", "killed", "fighters", None),
    # (adjectives of the subject, and an object the trade nouns name)
    ("وخطف مسلحون ملثمون المهندس سامي يوسف من منزله في بنغازي.", "abducted", "civilians", "civilians-ly"),
    ("وخطف مسلحون مجهولون المحامي خالد عمر أثناء خروجه من المحكمة في مدينة سبها.", "abducted", "civilians",
     "civilians-ly"),
])
def test_counts_unnamed_subject_is_not_counted_its_object_is_one(pipeline: Pipeline, text: str, kind: str, who: str,
                                                                  victims: str | None) -> None:
    ev = _event(pipeline, text)
    assert [(c.kind, c.value, c.who) for c in ev.counts] == [(kind, 1, who)]
    assert ev.actor1 is not None and ev.actor1.id.startswith("unidentified-armed-group")
    assert (ev.actor2.id if ev.actor2 else None) == victims


@pytest.mark.parametrize("text", [
    "وقتل مسلحون الجمعة في غارة جوية على مدينة درنة.",
    "وقتل مسلحون اليوم في هجوم على حاجز للجيش قرب بنغازي.",
    "وقتل مسلحون الليلة الماضية في اشتباكات مع الجيش في بنغازي.",
])
def test_counts_unnamed_subject_a_time_after_the_plural_is_no_object(pipeline: Pipeline, text: str) -> None:
    # (a passive verb: the plural is who was killed, some of them)
    ev = _event(pipeline, text)
    assert [(c.kind, c.value, c.who) for c in ev.counts] == [("killed", 3, "fighters")]


@pytest.mark.parametrize(("text", "kind", "value", "agent", "victims"), [
    # (a nominative sound plural, past an adjective of it, then the figure its verb takes)
    ("قتل مسلحون 9 مدنيين في هجوم على سوق بلدة في ولاية جنوب كردفان.", "killed", 9, "unidentified-armed-group",
     "civilians-sd"),
    ("واغتال مجهولون ملثمون خمسة مزارعين في ريف درعا الغربي.", "killed", 5, "unidentified-armed-group",
     "civilians-sy"),
    ("وخطف مسلحون 4 أطفال من مدرسة في ولاية جنوب دارفور.", "abducted", 4, "unidentified-armed-group",
     "civilians-sd"),
    # (a broken plural and a من-phrase naming its group)
    ("وأعدم عناصر من حركة الشباب ثلاثة مدنيين في إقليم شبيلي السفلى.", "killed", 3, "al-shabaab", "civilians-so"),
    ("خطف عناصر من تنظيم داعش 6 مدنيين في بادية حمص الشرقية.", "abducted", 6, "islamic-state", "civilians-sy"),
    ("قتل مسلحون من قوات الدعم السريع 11 مدنيا في قرية قرب مدينة نيالا.", "killed", 11, "rsf", "civilians-sd"),
])
def test_counts_unnamed_subject_before_a_figure_is_its_agent(pipeline: Pipeline, text: str, kind: str, value: int,
                                                            agent: str, victims: str) -> None:
    ev = _event(pipeline, text)
    assert [(c.kind, c.value) for c in ev.counts] == [(kind, value)]
    assert ev.actor1 is not None and ev.actor1.id.startswith(agent)
    assert ev.actor2 is not None and ev.actor2.id == victims


def test_counts_unnamed_subject_a_genitive_plural_before_a_figure_is_counted(pipeline: Pipeline) -> None:
    # (after a verbal noun the plural is whom it is about; the figure after it is not its object)
    ev = _event(pipeline, "مقتل مدنيين 3 أطفال في قصف على مدينة حلب.")
    assert ("killed", 3, "children") in [(c.kind, c.value, c.who) for c in ev.counts]


@pytest.mark.parametrize(("text", "value", "who"), [
    ("أعدم مسلحون 7 أسرى في ريف إدلب الجنوبي.", 7, "other"),
    ("وقتل عناصر من تنظيم داعش 4 نازحين في مخيم قرب مدينة الحسكة.", 4, "civilians"),
    ("وقتل مسلحون ملثمون 3 معتقلين داخل سجن في مدينة سبها.", 3, "other"),
])
def test_counts_unnamed_subject_status_figure_after_it_is_the_killed(pipeline: Pipeline, text: str, value: int,
                                                                     who: str) -> None:
    # (the displaced or detained a killing verb takes past its subject are its victims, not a figure of their own)
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert [(c.kind, c.value, c.who) for c in rec.counts] == [("killed", value, who)]


@pytest.mark.parametrize(("text", "kind", "value", "who"), [
    # (a clause describing the plural, by its pronoun هم or a verb of its person, then the figure its verb takes)
    ("قتل مسلحون يشتبه في انتمائهم إلى جماعة متشددة ما لا يقل عن 14 قرويا في هجوم على قرية بولاية زمفارا.",
     "killed", 14, "civilians"),
    ("اختطف مسلحون يعتقد أنهم من عناصر العصابة 15 طالبا من مدرسة ثانوية في ولاية كادونا.", "abducted", 15, "other"),
    ("قتل مسلحون مجهولون يستقلون دراجات نارية 5 رعاة قرب بلدة في ولاية النيل الأزرق.", "killed", 5, "civilians"),
])
def test_counts_unnamed_subject_described_before_its_figure_is_its_agent(pipeline: Pipeline, text: str, kind: str,
                                                                         value: int, who: str) -> None:
    ev = _event(pipeline, text)
    assert [(c.kind, c.value, c.who) for c in ev.counts] == [(kind, value, who)]

"""Bodies named by a head noun and its qualifiers (recognize/organisations.py): a committee, council, commission or
directorate no entry knows is kept whole as an unlinked actor. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actor_names(pipeline: Any, text: str) -> tuple[set[str], set[str]]:
    """The Arabic names of the record's unlinked event actors, and their mentions' texts."""
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    names, texts = set(), set()
    mentions = {m["id"]: m for m in rec["mentions"]}
    for ev in rec["events"]:
        for ent in [ev["actor1"], ev["actor2"], *ev["actors"]]:
            if ent and ent["id"] is None:
                names.add(ent["name_ar"])
                texts |= {mentions[m]["text"] for m in ent["mentions"]}
    return names, texts


@pytest.mark.parametrize(("text", "name"), [
    # definite head, adjectives (tense, word order and clitics varied)
    ("دعت اللجنة العسكرية المشتركة إلى سحب جميع المقاتلين الأجانب من مدينة سرت خلال شهر.", "اللجنة العسكرية المشتركة"),
    ("وطالبت الهيئة الوطنية المستقلة بفتح تحقيق في مقتل المتظاهرين بمدينة البصرة.", "الهيئة الوطنية المستقلة"),
    # a prepositional complement
    ("وأدانت المفوضية العليا لحقوق الإنسان استهداف المحتجين في مدينة الناصرية أمس.", "المفوضية العليا لحقوق الإنسان"),
    ("ونفت المفوضية الوطنية للانتخابات أن يكون الهجوم قد عطل عملها في مدينة سبها.", "المفوضية الوطنية للانتخابات"),
    # an indefinite head in construct, a domain noun
    ("واعتقلت مديرية أمن بنغازي خمسة أشخاص يشتبه في تورطهم بتفجير سيارة في المدينة.", "مديرية أمن بنغازي"),
    ("وداهمت مديرية شرطة الحديدة مخزنا للأسلحة واعتقلت ثلاثة مشتبه بهم.", "مديرية شرطة الحديدة"),
])
def test_organisations_body_is_kept_whole(pipeline: Any, text: str, name: str) -> None:
    names, _ = _actor_names(pipeline, text)
    assert name in names, names


@pytest.mark.parametrize(("text", "name", "mention"), [
    ("وهدد المجلس البلدي في مدينة مصراتة بوقف التعاون مع الحكومة إذا استمر القصف.", "المجلس البلدي",
     "المجلس البلدي في مدينة مصراتة"),
    ("وناشد المجلس المحلي لمدينة دوما المنظمات الدولية التدخل لوقف القصف.", "المجلس المحلي", "المجلس المحلي لمدينة دوما"),
])
def test_organisations_seat_joins_the_mention_not_the_name(pipeline: Any, text: str, name: str, mention: str) -> None:
    names, texts = _actor_names(pipeline, text)
    assert name in names and mention in texts, (names, texts)


@pytest.mark.parametrize("text", [
    "واتهمت اللجنة الحكومة بالتقصير في حماية المدنيين في مدينة حلب.",  # a definite head and its object: no name
    "وأعلن الجيش تشكيل لجنة للتحقيق في الهجوم على مدينة الفاشر.",  # a committee "to investigate": a phrase
    "وصنفت الحكومة الحركة منظمة إرهابية بعد الهجوم على مدينة كسلا.",  # an indefinite adjective
    "قتل ثلاثة مدنيين في قصف على مديرية مودية بمحافظة أبين.",  # a district, not a directorate
    "قتل مدنيان في غارة استهدفت مبنى الهيئة العامة للكهرباء في مدينة الحديدة.",  # a building, a target
    "نظم أهالي عضو المجلس البلدي لمدينة مصراتة وقفة احتجاجية للمطالبة بالإفراج عنه.",  # the member acts
])
def test_organisations_no_body_where_the_phrase_names_none(pipeline: Any, text: str) -> None:
    names, _ = _actor_names(pipeline, text)
    assert not names, names


@pytest.mark.parametrize("text", [
    "وتحفظ الحبوب في أكياس قماشية محكمة الإغلاق طوال فصل الشتاء.",
    "وتعد شبكات التهريب عصابة منظمة الصفوف تعمل عبر الحدود منذ سنوات.",
])
def test_organisations_participle_after_a_feminine_noun_is_no_head(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    assert not [m for m in rec["mentions"] if m["kind"] == "actor" and m["ref"] is None], rec["mentions"]


@pytest.mark.parametrize(("text", "name"), [
    ('وتبنى فصيل يطلق على نفسه اسم "عصبة المقاومين" الهجوم الصاروخي على قاعدة عسكرية قرب مدينة الرمادي.',
     "عصبة المقاومين"),
    ('وأعلنت الجبهة الوطنية انضمام فصائل جديدة إلى صفوفها، أبرزها "جيش الأحرار" و"ألوية النصر".', "جيش الأحرار"),
    ('وهاجم مقاتلو "تجمع ثوار الجنوب" حاجزا للجيش في ريف درعا فجر اليوم.', "تجمع ثوار الجنوب"),
])
def test_organisations_group_name_in_quotation_marks(pipeline: Any, text: str, name: str) -> None:
    names, _ = _actor_names(pipeline, text)
    assert name in names, names


@pytest.mark.parametrize("text", [
    'ووصفت الحكومة الحركة بأنها "جماعة إرهابية" بعد هجوم على مدينة كسلا.',  # a phrase in quotes
    'وقال المتحدث إن "الجيش سيرد" على أي هجوم يستهدف مدينة الفاشر.',  # a quoted clause, definite
])
def test_organisations_no_group_in_quoted_phrases(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    assert not [m for m in rec["mentions"] if m["kind"] == "actor" and m["ref"] is None], rec["mentions"]


@pytest.mark.parametrize(("text", "person", "affiliation"), [
    # (the dictionary names the body he heads, حكومة باشاغا: the Government of National Stability, recognize.belonging)
    ("واندلعت اشتباكات عنيفة في طرابلس بين قوات موالية لحكومة عبد الحميد الدبيبة وأخرى داعمة لحكومة فتحي باشاغا.",
     "gnu-east-gns", "gna"),
    ("وهاجمت مجموعات مسلحة تابعة لحكومة فتحي باشاغا مقرا أمنيا في مدينة مصراتة فجر اليوم.", "gnu-east-gns", "gna"),
    ("واشتبكت قوات حكومة فتحي باشاغا مع كتيبة محلية في مدينة الزاوية مساء أمس.", "gnu-east-gns", "gna"),
])
def test_organisations_government_named_after_its_head(pipeline: Any, text: str, person: str,
                                                       affiliation: str) -> None:
    # (حكومة فلان: the person stands for the government he heads, not for the one his entry is affiliated with)
    rec = pipeline.extract_text(text, published="2022-06-01").to_json()
    sides = {(ev[k] or {}).get("id") for ev in rec["events"] for k in ("actor1", "actor2")}
    assert person in sides and affiliation not in sides, sides


# the government of a state or a province the text names, by its common noun (حكومة الولاية، سلطات المحافظة): a
# body of its own; a region's government (حكومة إقليم كردستان) stays the dictionary's, a bare الولاية names none
@pytest.mark.parametrize(("text", "name"), [
    ("قصفت المدفعية السوق في مدينة كادقلي عاصمة ولاية جنوب كردفان. واتهمت حكومة الولاية الحركة الشعبية بإطلاق"
     " القذائف.", "حكومة الولاية"),
    ("قتل خمسة مدنيين في قصف على مدينة الحلة بمحافظة بابل. واتهمت حكومة المحافظة تنظيم داعش بتنفيذ الهجوم.",
     "حكومة المحافظة"),
    ("هاجمت قوات الدعم السريع مدينة الفاشر، وفرضت سلطات الولاية حظر التجول في المدينة بعد الهجوم.",
     "سلطات الولاية"),
])
def test_organisations_local_government_by_its_common_noun(pipeline: Any, text: str, name: str) -> None:
    assert name in _actor_names(pipeline, text)[0], _actor_names(pipeline, text)


@pytest.mark.parametrize("text", [
    "وقالت حكومة إقليم كردستان إن الهجوم استهدف مدينة أربيل بطائرة مسيرة.",
    "قصفت قوات الدعم السريع مدينة الأبيض، وقالت الحكومة إن الولاية آمنة رغم القصف.",
])
def test_organisations_no_local_government_without_its_phrase(pipeline: Any, text: str) -> None:
    names = _actor_names(pipeline, text)[0]
    assert not any(n.startswith(("حكومة", "سلطات")) for n in names), names

"""The trigger lexicon (resources/lexicon.py, data/triggers.yaml): lemmas found in every form and word order,
whole words only, and an entry for every PLOVER type rasd emits — on sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.events.kind import event_type
from rasd.pipeline import Pipeline
from rasd.resources.lexicon import PLOVER_TYPES, TriggerLexicon
from rasd.text.normalize import normalize


@pytest.fixture(scope="module")
def lexicon() -> TriggerLexicon:
    return TriggerLexicon.load()


def _triggers(pipeline: Pipeline, text: str) -> list[tuple[str, str]]:
    """(trigger entry, the text it matched) of every trigger the pipeline keeps in `text`."""
    record = pipeline.extract_text(text, source="test", published="2024-03-05")
    return [(m.ref, m.text) for m in record.mentions if m.kind == "trigger"]


def _plovers(pipeline: Pipeline, text: str) -> list[str]:
    return [e.plover for e in pipeline.extract_text(text, source="test", published="2024-03-05").events]


# ---------------------------------------------------------------------------------------------- tense
@pytest.mark.parametrize(("text", "entry", "word"), [
    ("تقصف المدفعية التركية منذ ساعات الفجر قرى متاخمة لمدينة القامشلي.", "shelling", "تقصف"),
    ("يقصفون الأحياء الشرقية لمدينة الجنينة بالهاون منذ ثلاثة أيام.", "shelling", "يقصفون"),
    ("قُصفت بلدة كفرنبل بعشرات القذائف مساء الجمعة.", "shelling", "قُصفت"),
    ("يهاجم مسلحون مجهولون نقاط التفتيش على طريق المطار كل ليلة.", "offensive", "يهاجم"),
    ("اعتُقل ثلاثة شبان عند مدخل مخيم بلاطة فجر اليوم.", "arrest", "اعتُقل"),
    ("يحتجز الجيش عشرين مدنيا في ثكنة قرب بلدة مليط.", "arrest", "يحتجز"),
])
def test_lexicon_finds_past_present_and_passive(pipeline: Pipeline, text: str, entry: str, word: str) -> None:
    assert (entry, word) in _triggers(pipeline, text)


# ----------------------------------------------------------------------------------------- word order
@pytest.mark.parametrize(("text", "plover"), [
    ("سيطرت وحدات من الجيش السوداني صباح الخميس على بلدة أم روابة.", "ASSAULT"),
    ("نشرت وزارة الدفاع وحدات إضافية على الحدود الشمالية.", "MOBILIZE"),
    ("دفعت هيئة الأركان بتعزيزات كبيرة نحو جبهة الساحل.", "MOBILIZE"),
    ("بحث وزير الخارجية المصري هاتفيا مع نظيره القطري جهود التهدئة.", "CONSULT"),
    ("أغلقت السلطات المحلية كل المعابر الحدودية صباح الخميس.", "COERCE"),
    ("فرضت واشنطن اليوم عقوبات جديدة على شركات نقل النفط.", "SANCTION"),
    ("حمّلت الرئاسة، في بيان، الميليشيات مسؤولية التفجير.", "ACCUSE"),
    ("نشرت منظمة الصحة العالمية فرقا طبية في مستشفيات المدينة.", "AID"),
    ("أرسل الهلال الأحمر الكويتي طواقم إسعاف إلى القرى المنكوبة.", "AID"),
])
def test_lexicon_verb_before_its_subject(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in _plovers(pipeline, text)


def test_lexicon_a_verb_that_needs_its_object_is_no_trigger_without_it(pipeline: Pipeline) -> None:
    # نشر without troops after it is publishing; أغلق without a crossing or a road is no closure of them
    assert _plovers(pipeline, "نشرت الصحيفة صورا للدمار في وسط المدينة.") == []
    assert _plovers(pipeline, "نشر الناطق بيانا مقتضبا مساء أمس.") == []
    assert "COERCE" not in _plovers(pipeline, "أغلق التجار محالهم باكرا بسبب الحر.")


# -------------------------------------------------------------------------------------------- clitics
@pytest.mark.parametrize(("text", "entry", "word"), [
    ("اعتقلته دورية للشرطة العسكرية عند حاجز الكرامة.", "arrest", "اعتقلته"),
    ("وقصفوها بالمدفعية الثقيلة طيلة ليلة الأحد.", "shelling", "قصفوها"),  # the mention starts after the proclitics
    ("فاقتحموها بعد منتصف الليل وسط إطلاق نار كثيف.", "offensive", "اقتحموها"),
    ("ثم خطفوه من أمام منزله في حي الصابري.", "abduction", "خطفوه"),
])
def test_lexicon_finds_forms_with_clitics(pipeline: Pipeline, text: str, entry: str, word: str) -> None:
    assert (entry, word) in _triggers(pipeline, text)


# -------------------------------------------------------------------------------------------- synonyms
@pytest.mark.parametrize(("text", "plover"), [
    ("انسحبت الفصائل من ثلاث قرى شرق النهر دون مقاومة.", "RETREAT"),
    ("تراجعت القوات الحكومية إلى خطوط دفاعية خلف الوادي.", "RETREAT"),
    ("هرب قائد الكتيبة من المدينة قبيل دخول المهاجمين.", "RETREAT"),
    ("التقى رئيس الحكومة وفدا من البرلمان الأوروبي في عدن.", "CONSULT"),
    ("ناقش رئيس المجلس مع المبعوث الأممي ترتيبات الحوار.", "CONSULT"),
    ("حشد التحالف قواته على أطراف مدينة الحديدة.", "MOBILIZE"),
])
def test_lexicon_synonyms_of_one_type(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in _plovers(pipeline, text)


def test_lexicon_a_commander_fleeing_is_no_displacement(pipeline: Pipeline) -> None:
    record = pipeline.extract_text("هرب القائد الميداني للميليشيا من بلدة الدبة ليلة الاثنين.", source="test",
                                   published="2024-03-05")
    assert [e.plover for e in record.events] == ["RETREAT"]
    assert all(e.acled_sub_event_type != "Other" for e in record.events)


@pytest.mark.parametrize(("text", "plover"), [
    ("قال المتحدث إن الجيش سيرد بقوة، مهددا باستهداف مخازن السلاح في الجبل.", "THREATEN"),
    ("ختم القائد كلمته أمام أنصاره متوعدا المسلحين بملاحقتهم حتى الحدود.", "THREATEN"),
    ("ألقى رئيس الهيئة بيانا مطولا مطالبا الأمم المتحدة بإرسال مراقبين.", "REQUEST"),
    ("تحدث الوزير للصحفيين متهما الفصائل بخرق التهدئة مرتين.", "ACCUSE"),
    # laying the blame (حمّل المسؤولية), masculine, feminine and plural
    ("خرج وزير الداخلية في مؤتمر صحفي محملا الجماعة مسؤولية التفجير.", "ACCUSE"),
    ("أعلنت الرئاسة الحداد ثلاثة أيام، محملة الحكومة المسؤولية الكاملة عن القصف.", "ACCUSE"),
    ("ظهر قادة الفصائل في تسجيل مصور محملين الحكومة مسؤولية انهيار الهدنة.", "ACCUSE"),
])
def test_lexicon_a_speech_act_as_a_circumstance(pipeline: Pipeline, text: str, plover: str) -> None:
    assert plover in _plovers(pipeline, text)


def test_lexicon_a_participle_in_another_sense_is_no_speech_act(pipeline: Pipeline) -> None:
    assert "THREATEN" not in _plovers(pipeline, "باتت المباني القديمة في السوق مهددة بالانهيار.")
    assert "ACCUSE" not in _plovers(pipeline, "وصلت شاحنات محملة بالطحين إلى المعبر الحدودي.")


# ----------------------------------------------------------------------------------- PLOVER coverage
COVERAGE = {
    "AID": "وزعت جمعية الإغاثة سلالا غذائية على الأسر في مدينة بنغازي.",
    "ACCUSE": "اتهمت وزارة الداخلية جماعة مسلحة بتهريب السلاح عبر الحدود الجنوبية.",
    "MOBILIZE": "أرسلت أنقرة تعزيزات عسكرية إلى نقاطها في ريف حلب.",
    "RETREAT": "انسحب المقاتلون من التلال المحيطة بالبلدة بعد ليلة من القصف.",
    "COERCE": "فرضت السلطات حظر التجول في مدينة كركوك ليلة الأربعاء.",
    "CONSULT": "اجتمع وزير الدفاع مع قادة الأجهزة الأمنية في العاصمة.",
    "REQUEST": "ناشدت منظمة الصحة العالمية الأطراف السماح بدخول الأدوية.",
    "DEMAND": "اشترطت الحركة انسحاب القوات الأجنبية قبل أي تفاوض.",
    "THREATEN": "توعد قائد الجماعة بالرد على الضربات الجوية الأخيرة.",
    "PROTEST": "تظاهر مئات الطلاب أمام مبنى المحافظة في مدينة البصرة.",
    "SANCTION": "فرض الاتحاد الأوروبي عقوبات على ستة قادة عسكريين.",
    "AGREE": "وافقت الحكومة على المقترح المقدم من الوسطاء.",
    "SUPPORT": "أشاد الوزير بجهود الوساطة التي أنهت الأزمة.",
    "REJECT": "رفضت الحركة العرض الأخير للوسطاء.",
    "ASSAULT": "اقتحم مسلحون مقرا للشرطة في مدينة الزاوية.",
    "OTHER": "نزحت مئات العائلات من قرى الريف الغربي خلال الأيام الماضية.",
}


@pytest.mark.parametrize("plover", sorted(COVERAGE))
def test_lexicon_every_plover_type_has_a_sentence(pipeline: Pipeline, plover: str) -> None:
    assert plover in _plovers(pipeline, COVERAGE[plover])


def test_lexicon_every_plover_type_rasd_emits_has_entries(lexicon: TriggerLexicon) -> None:
    emitted = {t.plover for t in lexicon.triggers}
    assert set(COVERAGE) <= emitted <= PLOVER_TYPES


def test_lexicon_hosting_displaced_families_is_displacement(pipeline: Pipeline, lexicon: TriggerLexicon) -> None:
    for text in ("استقبلت بلدة سرمدا نحو 300 نازح خلال الأسبوع الماضي.",
                 "استضافت مدينة مأرب خلال شهر واحد أكثر من ألفي نازح."):
        hosted = pipeline.extract_text(text, source="test", published="2024-03-05")
        assert [(e.plover, e.acled_sub_event_type) for e in hosted.events] == [("OTHER", "Other")], text
        assert [c.kind for e in hosted.events for c in e.counts] == ["displaced"], text
    assert _plovers(pipeline, "استقبل الرئيس العراقي وزير الخارجية الإيراني في بغداد.") == ["CONSULT"]
    # with a displaced count the host verb's event is displacement (its entry's with_counts)
    host = next(t for t in lexicon.triggers if t.id == "host")
    kind = event_type(host, None, None, frozenset({"displaced"}))
    assert (kind.acled_type, kind.acled_sub, kind.plover) == ("Strategic developments", "Other", "OTHER")
    assert event_type(host, None, None).plover == "CONSULT"


# ------------------------------------------------------------------------------------ whole words only
def test_lexicon_no_trigger_inside_a_longer_word(pipeline: Pipeline, lexicon: TriggerLexicon) -> None:
    assert _triggers(pipeline, "عبرت القافلة جسرا على نهر الفرات قرب البلدة.") == []
    assert _triggers(pipeline, "وفر المجلس المحلي الخبز للأهالي.") == []
    assert lexicon.explain("الفرات") == [] and lexicon.explain("بالفرات") == []
    # a verb takes no article: الهجرة is no هجر، and الزاره no visit
    assert not any(t == "displacement" for t, _w in _triggers(pipeline, "ناقش المؤتمر ملف الهجرة غير النظامية."))


@pytest.mark.parametrize("text", [
    "أمر رئيس الحكومة بفتح المعابر أمام شاحنات الوقود.",
    "وأمر الحاكم العسكري، مساء الجمعة، بإخلاء الحي خلال ساعتين.",
    "أمر القاضي بالتحقيق في مقتل المتظاهرين الثلاثة.",
])
def test_lexicon_an_order_is_a_demand(pipeline: Pipeline, text: str) -> None:
    assert "DEMAND" in _plovers(pipeline, text)


def test_lexicon_the_noun_amr_is_no_order(pipeline: Pipeline) -> None:
    assert "DEMAND" not in _plovers(pipeline, "هذا أمر لا يمكن قبوله في ظل وقف إطلاق النار.")


def test_lexicon_a_round_of_fighting_is_no_meeting(pipeline: Pipeline) -> None:
    assert "CONSULT" not in _plovers(pipeline, "اندلعت جولة قتال جديدة بين العشيرتين في ريف دير الزور.")
    assert "CONSULT" in _plovers(pipeline, "بدأ وزير الخارجية جولة خليجية تشمل الرياض والدوحة.")


def test_lexicon_no_trigger_in_a_name_byline_or_hashtag(pipeline: Pipeline) -> None:
    assert _triggers(pipeline, "أعلنت وزارة الدفاع أسماء الضباط الجدد.") == []  # وزارة is no زار + ه
    assert _triggers(pipeline, "تحرير: سامي الحصار\nكتب: منير القصف") == []
    assert _triggers(pipeline, "انتشر وسم #قصف_المدارس على المنصات.") == []


def test_lexicon_explain_names_entry_lemma_and_form(lexicon: TriggerLexicon) -> None:
    lines = lexicon.explain("وقاصفة")
    assert any("shelling" in ln and "'قصف'" in ln and "participle" in ln for ln in lines), lines
    assert any("present" in ln for ln in lexicon.explain("يقصفون"))
    assert "generated" in lexicon.stats()
    # with the article a participle describes people (الأسر النازحة): no trigger
    assert lexicon.explain("النازحة") == [] and lexicon.explain("نازحة") != []


def test_lexicon_blocked_spans_are_offsets_into_the_text(lexicon: TriggerLexicon) -> None:
    text = normalize("خبر عاجل #غارات_الليل\nتحرير: فلان").text
    spans = lexicon.blocked(text)
    assert any(text[s:e].startswith("#غارات") for s, e in spans)
    assert any(text[s:e].startswith("تحرير") for s, e in spans)


@pytest.mark.parametrize("text", [
    "تحرير: فلان الفلاني\nقتل 5 في غارة.", "كتب - مراسلنا:الخبر", "اكتب: لا شيء", "الخبر/تصوير : فلان", "تحريري: رأي",
    "تقرير:\nكتبت: فلانة، والمحرر: فلان", ":كتب:كتب: :", "قال كتب:", "|اشراف: هيئة التحرير. وكتبه: فلان",
])
def test_lexicon_bylines_match_as_with_the_look_behind_first(lexicon: TriggerLexicon, text: str) -> None:
    import re

    # the byline pattern as written before each label's look-behind moved after it (speed21)
    labels = "|".join(re.escape(normalize(b).text) for b in ("تحرير", "كتب", "كتبت", "كتبه", "تصوير", "تقرير",
                                                               "المحرر", "اشراف"))
    reference = re.compile(r"(?:^|(?<=[\s\-\|/]))(?:" + labels + r")\s*:[^\n.,;:]{0,60}", re.MULTILINE)
    norm = normalize(text).text
    assert [s for s in lexicon.blocked(norm) if norm[s[0]] != "#"] == [m.span() for m in reference.finditer(norm)]


@pytest.mark.parametrize("text", [
    # a word that is a lemma's verb and its verbal noun (قصف) takes a noun's proclitics as the noun
    "قامت القوات بقصف مواقع في أطراف البلدة.",
    "ردت الفصائل بقصف موقع للجيش قرب الحدود.",
    "أصيب طفل بقصف استهدف منزل عائلته.",
])
def test_lexicon_verbal_noun_spelled_as_its_verb_takes_noun_proclitics(pipeline: Pipeline, text: str) -> None:
    record = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert "Shelling/artillery/missile attack" in {e.acled_sub_event_type for e in record.events}


def test_lexicon_verb_and_noun_reading_both_kept() -> None:
    from rasd.resources.morphology import Lemma, Morphology
    forms = Morphology.load().inflect(Lemma(verb="قصف", nouns=("قصف",)))
    assert {f.verb for f in forms if f.text == "قصف"} == {True, False}

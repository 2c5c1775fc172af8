"""Tests of the count lexicon's groups (data/counts.yaml through rasd.recognize.counts): young men, trades and
callings, teenage boys, kin duals, a community's sons and a workplace's staff, and the missing whose fate is
unknown. Every sentence is our own."""

from __future__ import annotations

from typing import Any

import pytest
from count_fixtures import recognizer, triples

from rasd.recognize.victims import struck_forms
from rasd.text.normalize import normalize_name


@pytest.mark.parametrize(("text", "want"), [
    ("استشهد شاب برصاص الجنود عند مدخل القرية فجر اليوم.", ("killed", 1, "civilians")),
    ("اختطف مسلحون نحو عشرين شابا من سوق البلدة.", ("abducted", 20, "civilians")),
    ("أصيب شابان بجروح خطيرة في انفجار لغم قرب المزرعة.", ("wounded", 2, "civilians")),
    ("قتل شاب وأصيب أربعة آخرون في إطلاق نار على المقهى.", ("wounded", 4, "civilians")),
])
def test_counts_young_men_are_civilians(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("اختطف مسلحون 4 مهندسين يعملون في محطة الكهرباء.", ("abducted", 4, "civilians")),
    ("قتل سبعة رعاة في هجوم على مراعي القرية.", ("killed", 7, "civilians")),
    ("اعتقلت قوات الأمن 11 محاميا أمام قصر العدل.", ("detained", 11, "civilians")),
    ("قتل مزارع بقذيفة سقطت على حقله شرقي البلدة.", ("killed", 1, "civilians")),
])
def test_counts_trades_and_callings_are_civilians(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


def test_counts_gunmen_are_not_counted_before_a_trades_figure() -> None:
    assert triples("اختطف مسلحون 4 مهندسين أجانب من موقع المشروع.") == {("abducted", 4, "civilians")}


@pytest.mark.parametrize("text", [
    "قال ناشطون إن القصف تواصل طوال الليل.",
    "أكد محامون أن المحكمة أجلت الجلسة.",
    "اجتمع الرعاة عند البئر صباح الجمعة.",
])
def test_counts_trade_plural_without_toll_is_no_count(text: str) -> None:
    assert triples(text) == set()


def test_victims_trade_plurals_name_no_victims_outside_a_toll() -> None:
    struck = struck_forms(recognizer().tables.noun_list)
    assert not {normalize_name(w) for w in ("مهندسين", "ناشطون", "شبان", "رعاة")} & struck
    assert normalize_name("متسوقين") in struck  # the civilians named by an activity still are


@pytest.mark.parametrize(("text", "want"), [
    ("قتل ثلاثة أشخاص بينهم فتى في الخامسة عشرة.", ("killed", 1, "children")),
    ("أصيب فتى برصاص مطاطي خلال المواجهات.", ("wounded", 1, "children")),
    ("اعتقلت الدورية خمسة فتيان من الحي.", ("detained", 5, "children")),
])
def test_counts_teenage_boys_are_children(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قتل رجل وأصيبت شقيقتاه في القصف على منزلهم.", ("wounded", 2, "women")),
    ("توفيت امرأة وأصيب شقيقاها بحروق في الحريق.", ("wounded", 2, "men")),
    ("استشهد مزارع وأصيبت زوجتاه حين سقطت القذيفة.", ("wounded", 2, "women")),
])
def test_counts_kin_duals_with_pronoun_count_two(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("اعتقلت الميليشيا 40 شخصا من أبناء العشيرة في الريف الشرقي.", ("detained", 40, "civilians")),
    ("أصيب خمسة من العاملين في الميناء بجروح طفيفة.", ("wounded", 5, "civilians")),
    ("قتل ثلاثة من موظفي البلدية في انفجار عبوة.", ("killed", 3, "civilians")),
    ("قتل ستة من موظفي الإغاثة الأجانب في الكمين.", ("killed", 6, "other")),
])
def test_counts_of_a_community_or_a_workplace(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("لا يزال مصير 25 صيادا مجهولا بعد العاصفة.", ("missing", 25, "civilians")),
    ("فقد أثر 17 مهاجرا بعد انقلاب قاربهم.", ("missing", 17, "migrants")),
    ("ولا يزال 9 بحارة مجهولي المصير منذ غرق السفينة.", ("missing", 9, "other")),
    ("انقطع الاتصال بـ 4 من المزارعين منذ دخول المسلحين القرية.", ("missing", 4, "civilians")),
])
def test_counts_missing_whose_fate_is_unknown(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("وزعت المنظمة الأسبوع الماضي مساعدات غذائية على نحو 35 ألف شخص في المخيمات.", ("affected", 35000, "total")),
    ("وصلت شاحنات محملة بأدوية تكفي قرابة 8 آلاف شخص.", ("affected", 8000, "total")),
    ("نزح 9 آلاف شخص وتلقى ألفان منهم مساعدات عاجلة.", ("affected", 2000, "total")),
    ("يعيش أكثر من 200 ألف شخص محاصرين في المدينة منذ أشهر.", ("affected", 200000, "total")),
])
def test_counts_people_aid_reaches_or_a_siege_holds_are_affected(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize("text", [
    "دخلت 40 شاحنة مساعدات إلى المدينة عبر المعبر.",
    "تلقت الوزارة 300 طلب لجوء خلال الشهر.",
    "قال مسؤول إن عشرة من موظفي منظمة الإغاثة قتلوا في الهجوم.",
])
def test_counts_aid_words_count_no_trucks_and_leave_a_toll_alone(text: str) -> None:
    assert not {t for t in triples(text) if t[0] == "affected"}


def test_counts_aid_event_takes_the_people_it_reaches(pipeline: Any) -> None:
    rec = pipeline.extract_text("وزع برنامج الأغذية العالمي مساعدات غذائية على نحو 50 ألف شخص في مدينة حجة.",
                                published="2024-02-01").to_json()
    assert [(e["plover"], [(c["kind"], c["value"]) for c in e["counts"]]) for e in rec["events"]] \
        == [("AID", [("affected", 50000)])]


@pytest.mark.parametrize(("text", "want"), [
    ("أفادت المنظمة بأن 35 امرأة وفتاة تعرضن للاغتصاب في المخيم.", ("affected", 35, "women")),
    ("اتهم التقرير الجنود باغتصاب 14 امرأة خلال المداهمات.", ("affected", 14, "women")),
    ("قالت اللجنة إن 60 شخصا تعرضوا للاغتصاب في مراكز الاحتجاز.", ("affected", 60, "total")),
])
def test_counts_victims_of_sexual_violence_are_affected(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("تواصل رحيل المئات من الحي المحاصر.", {("displaced", 100, "total")}),
    ("شهدت البلدة رحيل 300 عائلة خلال يومين.", {("displaced", 300, "other")}),
    ("نعت الحركة رحيل مؤسسها عن 90 عاما.", set()),
])
def test_counts_departure_of_a_figure_is_displacement(text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("قضى 17 مهاجرا غرقا بعد انقلاب قاربهم.", ("killed", 17, "migrants")),
    ("قالت البحرية إن 30 شخصا قضوا في الحريق.", ("killed", 30, "total")),
    ("أودى القصف بحياة 8 مدنيين في السوق.", ("killed", 8, "civilians")),
])
def test_counts_died_and_lives_taken(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize("text", [
    "قضى 20 عاما في السجن قبل الإفراج عنه.",
    "تهدد المجاعة حياة 3 ملايين شخص في الإقليم.",
    "قضت المحكمة بسجنه 5 سنوات.",
])
def test_counts_spent_years_or_lives_threatened_are_no_toll(text: str) -> None:
    assert not {t for t in triples(text) if t[0] == "killed"}


@pytest.mark.parametrize(("text", "want"), [
    ("أصيب العشرات بحالات اختناق جراء الغاز.", ("wounded", 12, "total")),
    ("أصيب المئات برصاص القناصة خلال المظاهرة.", ("wounded", 100, "total")),
    ("وأصيب 40 بشظايا القذائف في الحي.", ("wounded", 40, "total")),
])
def test_counts_bare_figure_before_how_they_were_hurt(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قتل 5 من أفراد الدفاع المدني أثناء انتشال الضحايا.", ("killed", 5, "other")),
    ("أصيب 3 من رجال الإطفاء في الحريق.", ("wounded", 3, "other")),
    ("قتل 9 من أفراد عائلة واحدة في القصف.", ("killed", 9, "civilians")),
    ("قتل 7 من عناصر الشرطة عند الحاجز.", ("killed", 7, "police")),
])
def test_counts_members_of_a_named_group(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قتل اثنان من منفذي الهجوم في تبادل لإطلاق النار.", ("killed", 2, "fighters")),
    ("اعتقلت الشرطة ثلاثة من المهاجمين قرب السوق.", ("detained", 3, "fighters")),
    ("قتل أربعة من الانتحاريين قبل أن يصلوا إلى الثكنة.", ("killed", 4, "fighters")),
])
def test_counts_the_attackers_are_fighters(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("أعلنت الحركة مقتل قائدها الميداني في غارة.", ("killed", 1, "fighters")),
    ("أصيب سائقهم بجروح في الكمين على الطريق.", ("wounded", 1, "civilians")),
    ("أكدت العائلة اختطاف طبيبها من العيادة.", ("abducted", 1, "medics")),
])
def test_counts_a_possessed_person_after_a_trigger_is_one(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("أصيب مدير المستشفى بجروح في القصف.", {("wounded", 1, "civilians")}),
    ("اغتيل مسؤول محلي أمام منزله.", {("killed", 1, "civilians")}),
    ("قال مسؤول محلي إن القصف تواصل حتى الفجر.", set()),
])
def test_counts_an_official_a_violent_verb_takes_is_a_civilian(text: str, want: set[tuple[str, int, str]]) -> None:
    assert triples(text) == want


@pytest.mark.parametrize(("text", "want"), [
    ("أمر الجيش نحو 80 ألف شخص بإخلاء أحياء شرق المدينة.", ("displaced", 80000, "total")),
    ("طالبت القوات 3 آلاف عائلة بمغادرة منازلها في القرية.", ("displaced", 3000, "other")),
    ("أنذرت السلطات 500 أسرة بالرحيل عن المخيم.", ("displaced", 500, "other")),
])
def test_counts_an_order_to_leave_is_displacement(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)

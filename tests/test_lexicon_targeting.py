"""Triggers of triggers.yaml read with their object (a lemma's `with`), on sentences written for these tests:
targeting (استهدف) is an attack only with an armed agent or a weapon after it, not a plan or a speech; a side that
repels an attack (صد، تصدى) fights it: a clash whose first side is the one that repelled it; fighting (قاتل) is
a clash beside or against a side; "neutralising" fighters (تحييد) is a clash, keeping someone out of a conflict
is none; building (أنشأ، أقام) a base, a post or a camp is a base established."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline

_PUBLISHED = "2024-03-10"


@pytest.mark.parametrize("text", [
    "استهدف مسلحون مجهولون دورية للشرطة قرب مدينة بعقوبة، ما أسفر عن مقتل شرطيين.",
    "واستهدفت قوات الجيش مواقع للمتمردين شرق مدينة كادقلي صباح اليوم.",
    "تستهدف عناصر الحركة منذ الصباح رتلا عسكريا على الطريق بين مدينتي الفاشر ونيالا.",
    "استهدفت المليشيا المعسكر بالمدافع الثقيلة شمالي مدينة الأبيض.",
    "أعلنت الشرطة استهداف مسلحين نقطة تفتيش في مدينة سامراء.",
])
def test_lexicon_targeting_with_an_armed_agent_is_an_attack(pipeline: Pipeline, text: str) -> None:
    events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert len(events) == 1
    assert "trigger:offensive" in events[0].rules


@pytest.mark.parametrize("text", [
    "تستهدف الخطة الحكومية الجديدة خفض معدلات البطالة في مدينة الموصل.",
    "استهدف خطاب الرئيس الناخبين في مدينة البصرة.",
    "يستهدف البرنامج دعم المزارعين في محافظة حماة.",
    "وانتقد النائب الحملة الإعلامية التي استهدفت الوزير في مدينة عدن.",
])
def test_lexicon_targeting_without_an_armed_agent_is_no_event(pipeline: Pipeline, text: str) -> None:
    events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert not any("trigger:offensive" in e.rules or e.plover == "ASSAULT" for e in events)


@pytest.mark.parametrize(("text", "attacker"), [
    ("استهدف مسلحون مجهولون دورية للشرطة قرب مدينة بعقوبة.", "unidentified-armed-group-iq"),
    ("واستهدفت قوات الجيش السوداني مواقع للمتمردين شرق مدينة كادقلي.", "saf"),
    ("واستهدفت عناصر حركة الشباب قافلة لقوات الاتحاد الأفريقي قرب مقديشو.", "al-shabaab"),
])
def test_roles_subject_after_a_targeting_verb_is_the_attacker(pipeline: Pipeline, text: str, attacker: str) -> None:
    (event,) = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert event.actor1 is not None and event.actor1.id == attacker
    assert event.actor2 is None or event.actor2.id != attacker


@pytest.mark.parametrize(("text", "repeller"), [
    ("صد الجيش السوداني هجوما لمسلحين على حاجز عسكري قرب مدينة الدمازين.", "saf"),
    ("تصدت القوات المسلحة السودانية لمحاولة تسلل من المحور الشمالي لمدينة الأبيض.", "saf"),
    ("وصدت وحدات الجيش السوداني الهجوم الذي شنه مقاتلو الحركة على مدينة الدمازين.", "saf"),
    ("وتتصدى قوات الدعم السريع منذ الفجر لتوغل القوات المسلحة السودانية في مدينة بارا.", "rsf"),
])
def test_lexicon_repelled_attack_is_a_clash_of_the_repelling_side(pipeline: Pipeline, text: str,
                                                                 repeller: str) -> None:
    events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert [(e.acled_event_type, e.acled_sub_event_type) for e in events] == [("Battles", "Armed clash")]
    assert events[0].actor1 is not None and events[0].actor1.id == repeller


@pytest.mark.parametrize(("text", "sides"), [
    ("قاتلت عناصر حركة الشباب ضد القوات الصومالية في مدينة بيدوا.", {"al-shabaab", "somali-national-army"}),
    ("قاتل مقاتلو قوات الدعم السريع ضد الجيش السوداني في مدينة الأبيض أمس.", {"rsf", "saf"}),
    ("ويقاتل مسلحو الحشد الشعبي إلى جانب الجيش العراقي في مدينة تلعفر.", {"pmf"}),
])
def test_lexicon_fighting_beside_or_against_a_side_is_a_clash(pipeline: Pipeline, text: str,
                                                              sides: set[str]) -> None:
    (event,) = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert (event.acled_event_type, event.acled_sub_event_type) == ("Battles", "Armed clash")
    named = {a.id for a in (event.actor1, event.actor2, *event.other_actors) if a is not None}
    assert sides <= named


@pytest.mark.parametrize(("text", "builder"), [
    ("أنشأ الجيش التركي ثلاث قواعد عسكرية جديدة في ريف مدينة إدلب.", "turkey-forces"),
    ("وأقامت قوات الدعم السريع معسكرا جديدا قرب مدينة نيالا.", "rsf"),
    ("ينشئ الجيش الإسرائيلي نقاطا عسكرية على امتداد الطريق شرق مدينة غزة.", "idf"),
])
def test_lexicon_base_built_with_a_subject_between_is_a_base_established(pipeline: Pipeline, text: str,
                                                                         builder: str) -> None:
    (event,) = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert event.acled_sub_event_type == "Headquarters or base established"
    assert event.actor1 is not None and event.actor1.id == builder


@pytest.mark.parametrize("text", [
    # repelling no attack
    "تصدت الوزارة لمحاولة رفع الأسعار في أسواق مدينة الخرطوم.",
    "صد الحارس الكرة في مباراة أقيمت في مدينة طرابلس.",
    "تتصدى البلدية لمشكلة النفايات في مدينة صفاقس.",
    # fighting for a cause, the noun قاتل (a killer)
    "قاتل المحامي طويلا من أجل موكله في مدينة طرابلس.",
    "وصف الشهود القاتل بأنه رجل طويل في مدينة بنغازي.",
    "تقاتل الأسرة من أجل لقمة العيش في مدينة حلب.",
    # building no base
    "أنشأت البلدية حديقة عامة في مدينة صفاقس.",
    "أقام الفنان معرضا في مدينة تونس.",
    "يقيم الرئيس في قصر بمدينة الجزائر.",
])
def test_lexicon_verb_without_its_armed_object_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert pipeline.extract_text(text, source="test", published=_PUBLISHED).events == ()


@pytest.mark.parametrize(("text", "attacker"), [
    ("قوات الدعم السريع استهدفت مخيما للنازحين قرب مدينة الفاشر صباح اليوم.", "rsf"),
    ("وقالت مصادر محلية إن قوات الجيش السوداني استهدفت مواقع للمتمردين شرق مدينة كادقلي.", "saf"),
    ("ومسلحون مجهولون استهدفوا دورية للشرطة على الطريق قرب مدينة بعقوبة.", "unidentified-armed-group-iq"),
])
def test_lexicon_targeting_with_the_armed_agent_before_the_verb_is_an_attack(pipeline: Pipeline, text: str,
                                                                           attacker: str) -> None:
    (event,) = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert "trigger:offensive" in event.rules
    assert event.actor1 is not None and event.actor1.id == attacker


@pytest.mark.parametrize("text", [
    "وقال قائد القوات إن الخطة تستهدف تحسين الخدمات في مدينة الموصل.",  # a clause opens between
    "أعلن الجيش عن برنامج جديد، والبرنامج يستهدف دعم المزارعين في محافظة حماة.",  # a comma ends the subject
])
def test_lexicon_targeting_an_agent_in_another_clause_makes_no_attack(pipeline: Pipeline, text: str) -> None:
    events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert not any("trigger:offensive" in e.rules for e in events)


@pytest.mark.parametrize("text", [
    "وأعلن الجيش أنه تمكن من تحييد 12 إرهابيا في كمين قرب الحدود الشمالية لمالي.",
    "وقالت وزارة الدفاع إن قواتها حيدت ثمانية مسلحين خلال عملية تمشيط في ريف المحافظة.",
    "ونجحت وحدة من الشرطة في تحييد عدد من عناصر الجماعة المسلحة بعد اشتباك قصير في بلدة حدودية بالنيجر.",
])
def test_lexicon_targeting_neutralising_fighters_is_a_clash(pipeline: Pipeline, text: str) -> None:
    """A communiqué's "neutralising" of fighters (حيّد، تحييد + fighters) is a fight with them."""
    events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert any(e.acled_event_type == "Battles" for e in events), events


def test_lexicon_targeting_neutralising_from_the_air_is_a_strike(pipeline: Pipeline) -> None:
    for text in ("وأعلنت وزارة الدفاع في بيان تحييد ثلاثة مسلحين في غارة جوية شمالي البلاد.",
                 "وقال الجيش إنه حيد خمسة إرهابيين في عملية جوية قرب الحدود."):
        events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
        assert [e.acled_sub_event_type for e in events] == ["Air/drone strike"], events


@pytest.mark.parametrize("text", [
    "ودعت المنظمة إلى تحييد المدنيين عن القتال في مدينة الفاشر.",
    "وطالب الوسيط بتحييد المؤسسات الاقتصادية عن الصراع في ليبيا.",
    "وتسعى الحكومة إلى تحييد الجامعات عن الخلافات السياسية في العاصمة.",
])
def test_lexicon_targeting_keeping_out_of_a_conflict_is_no_clash(pipeline: Pipeline, text: str) -> None:
    events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert not any(e.plover == "ASSAULT" for e in events), events


@pytest.mark.parametrize("text", [
    # a device that went off (انفجر + what exploded): an explosion, however the device is named
    "انفجرت قنبلة مزروعة على جانب طريق قرب سوق مدينة بيشاور صباح الاثنين.",
    "أصيب ثلاثة أطفال عندما انفجر جسم غريب عثروا عليه في حقل قرب بلدة مارع.",
    "وانفجرت صباح اليوم سيارة مركونة أمام مبنى البلدية في مدينة القامشلي.",
])
def test_lexicon_device_that_went_off_is_an_explosion(pipeline: Pipeline, text: str) -> None:
    events = pipeline.extract_text(text, source="test", published=_PUBLISHED).events
    assert [e.acled_event_type for e in events] == ["Explosions/Remote violence"]


@pytest.mark.parametrize("text", [
    # what "explodes" without a device is a mood or a situation
    "وانفجر الغضب الشعبي في شوارع العاصمة بعد ارتفاع الأسعار.",
    "انفجرت الخلافات بين الشريكين في الحكومة حول الميزانية.",
    "وانفجر المتحدث ضاحكا عندما سئل عن موعد الانتخابات.",
])
def test_lexicon_explode_without_a_device_is_no_event(pipeline: Pipeline, text: str) -> None:
    assert not pipeline.extract_text(text, source="test", published=_PUBLISHED).events

"""A country's name where an actor stands — after a verb or a verbal noun, a verb of being, a verb's subject, or
coordinated with another actor — is that country acting (recognize/anaphora.CountryActors): its forces or
government the report names, else its government entry; after a place cue or a glued preposition it stays a
place. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions


def _read(pipeline: Any, text: str, country: str) -> tuple[list[str], list[str]]:
    """(the actors, the places) the mentions whose text is `country` resolve to."""
    a = pipeline.analyse(text, published="2024-06-20")
    return ([m.actor.id for m in a.actors or () if m.text == country],
            [p.place.id for p in a.places or () if p.text == country])


@pytest.mark.parametrize(("text", "country", "actor"), [
    ("قالت تركيا إنها قصفت مواقع لحزب العمال الكردستاني في جبال قنديل شمالي العراق.", "تركيا", "gov-turkey"),
    ("واتهمت إيران الولايات المتحدة بالوقوف وراء الهجوم على ناقلة النفط في بحر عمان.", "إيران", "gov-iran"),
    ("وكانت روسيا قد أعلنت سحب طائراتها من قاعدة حميميم في ريف اللاذقية.", "روسيا", "gov-russia"),
    ("وطالبت منظمة الصحة العالمية إسرائيل بالسماح بدخول الوقود إلى مستشفيات القطاع.", "إسرائيل", "israel-government"),
    # coordinated with a country acting
    ("وقعت قطر وتركيا اتفاقية للتعاون العسكري في العاصمة أنقرة.", "تركيا", "gov-turkey"),
    # a past-tense verb agreeing with a feminine subject, a complementizer
    # (strikes are a force's act: the country that carried them out names its forces, as ضربات روسيا does)
    ("وذكرت مصادر محلية أن الضربات التي نفذتها تركيا طالت قرى حدودية في ريف الحسكة.", "تركيا", "turkey-forces"),
    ("وأكد المتحدث العسكري أن إيران لن تسمح بتكرار الهجوم على قواعدها.", "إيران", "gov-iran"),
    ("وصعدت روسيا غاراتها على ريف إدلب الجنوبي منذ مطلع الشهر.", "روسيا", "gov-russia"),
    # one of two sides after "between", the other an actor
    ("واستمر تبادل القصف بين إسرائيل وحزب الله طوال الليل على الحدود.", "إسرائيل", "israel-government"),
    # the country's forces the report names
    ("شن الجيش الإسرائيلي غارات على بلدات جنوب لبنان، وقالت إسرائيل إنها استهدفت مخازن أسلحة.", "إسرائيل", "idf"),
])
def test_anaphora_country_acting_is_an_actor(pipeline: Any, text: str, country: str, actor: str) -> None:
    actors, places = _read(pipeline, text, country)
    assert actors == [actor] and places == []


@pytest.mark.parametrize(("text", "country"), [
    ("عاد وزير الخارجية السوداني إلى تركيا مساء الأحد بعد جولة أوروبية.", "تركيا"),
    ("أعلنت الجماعة استهداف السفن المرتبطة بإسرائيل في البحر الأحمر.", "بإسرائيل"),
    ("وبحث الوزيران العلاقات بين مصر والسودان وسبل تعزيزها.", "مصر"),
    ("انطلقت الشاحنات من مصر محملة بالمساعدات نحو معبر رفح.", "مصر"),
    ("وارتفعت صادرات تركيا إلى العراق خلال العام الماضي.", "تركيا"),
    ("ونقلت الصحيفة عن سفير مصر في واشنطن قوله إن المفاوضات مستمرة.", "مصر"),
])
def test_anaphora_country_as_a_place_stays_a_place(pipeline: Any, text: str, country: str) -> None:
    assert _read(pipeline, text, country)[0] == []


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a country's mission abroad, named by the country's nisba or name: that country's government
    ("بغداد - وطالبت السفارة الأمريكية الحكومة العراقية بحماية البعثات الدبلوماسية في المنطقة الخضراء.",
     "السفارة الأمريكية", "gov-us"),
    ("وأدانت السفارة السعودية في الخرطوم القصف الذي استهدف حيا سكنيا في المدينة.", "السفارة السعودية", "gov-saudi"),
    ("وقالت القنصلية الأمريكية في أربيل إن موظفيها بخير بعد سقوط الصواريخ.", "القنصلية الأمريكية", "gov-us"),
    ("ونفت سفارة إيران في بيروت صلتها بالشحنة التي ضبطت في المطار.", "سفارة إيران", "gov-iran"),
])
def test_anaphora_countries_mission_is_its_government(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text, "2024-06-20")


@pytest.mark.parametrize("text", [
    # a mission without a country after it, or a nisba after another noun: no government
    "وقال السفير إن السفارة ستغلق أبوابها أمام المراجعين حتى إشعار آخر.",
    "وزار الوفد المستشفى الروسي في مدينة حلب.",
])
def test_anaphora_countries_no_mission_without_its_country(pipeline: Any, text: str) -> None:
    assert not any(ref and ref.startswith("gov-") for _, ref in actor_mentions(pipeline, text, "2024-06-20"))


@pytest.mark.parametrize(("text", "name", "actor"), [
    # a country's or a capital's name heading a clause, a verb of statement right after it (a headline's order)
    ("إيران تنفي أي صلة لها بالهجوم على ناقلة النفط في بحر عمان.", "إيران", "gov-iran"),
    ("تصاعد القتال في ريف إدلب. وتركيا تحذر من موجة نزوح جديدة نحو حدودها.", "تركيا", "gov-turkey"),
    ("موسكو ترفض الاتهامات الغربية بقصف المستشفيات في ريف حلب.", "موسكو", "gov-russia"),
    # a capital right after a verb of statement
    ("واعترضت الرياض صاروخا باليستيا أطلق باتجاه مدينة جازان.", "الرياض", "gov-saudi"),
    ("ونفت الرياض الاتهامات بقصف الميناء.", "الرياض", "gov-saudi"),
])
def test_anaphora_country_or_capital_heading_or_after_a_statement_is_an_actor(pipeline: Any, text: str, name: str,
                                                                             actor: str) -> None:
    actors, places = _read(pipeline, text, name)
    assert actors == [actor] and places == []


@pytest.mark.parametrize(("text", "name"), [
    ("استهدفت صواريخ بالستية الرياض فجر اليوم وسط دوي انفجارات عنيفة.", "الرياض"),  # a capital hit: a place
    ("وصل وفد المعارضة إلى الرياض أمس لبحث وقف إطلاق النار.", "الرياض"),  # a destination
    ("شهدت الرياض اجتماعات مكثفة لبحث التهدئة في اليمن.", "الرياض"),  # no statement verb
    ("اجتماعات الرياض تبحث التهدئة في اليمن.", "الرياض"),  # no verb of statement after it
])
def test_anaphora_capital_not_stating_is_no_actor(pipeline: Any, text: str, name: str) -> None:
    actors, _places = _read(pipeline, text, name)
    assert actors == []


# a country's sponsorship, mediation or effort with its nisba or name (برعاية روسية، بوساطة قطرية ومصرية، بالجهود
# المصرية، بوساطة قطر) is its government, a side of the deal it sponsors; a nisba right after another is one more
@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("وقعت الإدارة الذاتية الكردية اتفاقا مع الحكومة السورية برعاية روسية لنشر قوات على الحدود.", "روسية",
     "gov-russia"),
    ("توصلت حركة حماس وإسرائيل إلى اتفاق لوقف إطلاق النار بوساطة قطرية ومصرية.", "مصرية", "gov-egypt"),
    ("توصلت حركة حماس وإسرائيل إلى اتفاق لوقف إطلاق النار بوساطة قطرية ومصرية.", "وساطة قطرية", "gov-qatar"),
    ("رحبت حركة حماس بالجهود المصرية لوقف إطلاق النار.", "الجهود المصرية", "gov-egypt"),
    ("وقع الطرفان اتفاقا في مدينة جدة بوساطة قطر.", "وساطة قطر", "gov-qatar"),
])
def test_anaphora_countries_sponsor_is_the_government(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    assert (phrase, actor) in actor_mentions(pipeline, text)


@pytest.mark.parametrize("text", [
    "قالت وزارة الصحة إن الرعاية الصحية متوقفة في المستشفى.",
    "تواصل فرق الدفاع المدني جهود الإغاثة في المدينة المنكوبة.",
    "أطلقت منظمة محلية مبادرة لرعاية الأطفال النازحين في المخيم.",
])
def test_anaphora_countries_sponsor_word_without_a_country_is_no_actor(pipeline: Any, text: str) -> None:
    assert not any(ref and ref.startswith("gov-") for _, ref in actor_mentions(pipeline, text))

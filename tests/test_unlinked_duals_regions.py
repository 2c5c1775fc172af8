"""Places named without a descriptor of their own (recognize/unlinked.py): two names after the dual of a place
descriptor (منطقتي X وY، قريتي X وY) are two places; open land after a place cue (في البادية، قرب الصحراء) is the
region around the place told with it, at a coarse precision; places joined after بين bound one happening, not one
event each (events/place.py). Sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import is_unlinked


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def _unlinked(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    """{Arabic name of each unlinked place: the known place it stands at}."""
    a = pipeline.analyse(text, published="2024-03-10")
    return {p.place.name_ar: p.place.parent for p in a.places or () if is_unlinked(p.place.id)}


@pytest.mark.parametrize(("text", "names", "container"), [
    ("اندلعت اشتباكات بين مسلحين من منطقتي باب الرمل والقبة في مدينة طرابلس شمال لبنان.",
     ("باب الرمل", "القبة"), "lb-tripoli"),
    ("نزحت عشرات الأسر من قريتي أم صميمة والشقيلة بعد هجوم شنه مسلحون في ولاية الجزيرة.",
     ("أم صميمة", "الشقيلة"), "sd"),  # (a province only: the country, at its coarse precision)
    ("وتعرض حيا الكرامة والسلام لقصف مدفعي، فيما شهد حيي الجمهورية والنهضة بمدينة الفاشر معارك عنيفة.",
     ("الجمهورية", "النهضة"), "sd-el-fasher"),
    ("قصف الطيران قريتي الصفيحة وأم قرن شرق مدينة الأبيض.", ("الصفيحة", "أم قرن"), "sd-el-obeid"),
])
def test_unlinked_dual_descriptor_names_two_places(pipeline: Pipeline, text: str, names: tuple[str, ...],
                                                    container: str) -> None:
    found = _unlinked(pipeline, text)
    for name in names:
        assert found.get(name) == container, found


@pytest.mark.parametrize("text", [
    "قال المزارع إن منطقتي تعاني من الجفاف منذ سنوات طويلة.",
    "وأضاف أن قريتي لم تعد آمنة للأطفال بعد الحرب.",
    "زرت منطقتي القديمة الأسبوع الماضي ووجدتها كما تركتها.",
])
def test_unlinked_dual_word_without_two_names_is_no_place(pipeline: Pipeline, text: str) -> None:
    assert _unlinked(pipeline, text) == {}


@pytest.mark.parametrize(("text", "name", "container"), [
    ("شنت طائرات التحالف غارتين على مواقع للتنظيم في البادية القريبة من مدينة دير الزور.", "البادية",
     "sy-deir-ez-zor"),
    ("قتل جنديان في كمين استهدف دوريتهما بالبادية السورية شرقي حمص.", "البادية السورية", "sy-homs"),
    ("قتل ثلاثة مهاجرين برصاص مهربين في الصحراء جنوب مدينة الكفرة.", "الصحراء", "ly-kufra"),
])
def test_unlinked_open_land_is_a_region_near_the_place(pipeline: Pipeline, text: str, name: str,
                                                       container: str) -> None:
    assert _unlinked(pipeline, text).get(name) == container
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    located = [e.location for e in rec.events if e.location is not None and e.location.name_ar == name]
    assert located and all(loc.geo_precision >= 2 for loc in located)


@pytest.mark.parametrize("text", [
    "عاش أجداده في البادية حياة الترحال ورعي الإبل.",
    "تحدث الكاتب عن جمال الصحراء في روايته الأخيرة.",
    "يحب الشاعر البادية ويكتب عنها كثيرا.",
])
def test_unlinked_open_land_without_a_known_place_is_no_place(pipeline: Pipeline, text: str) -> None:
    assert _unlinked(pipeline, text) == {}


@pytest.mark.parametrize(("text", "events"), [
    ("قتل ثلاثة أشخاص في اشتباكات بين مسلحين من حي الزهور وحي النصر في مدينة حمص.", 1),
    ("قتل شرطي في هجوم على حاجز على الطريق بين حلب وإدلب.", 1),
    ("شنت الطائرات الحربية غارات على صنعاء والحديدة فجر اليوم.", 2),
])
def test_place_between_two_places_is_one_event(pipeline: Pipeline, text: str, events: int) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    assert len([e for e in rec.events if e.location is not None]) == events, [e.location for e in rec.events]


# after a weak descriptor (منطقة، قطاع) the grammar shows a name without the learned recognizer: a compound's head, or
# a locative phrase right after the word that places it in a known place
@pytest.mark.parametrize(("text", "name", "container"), [
    ("قتل خمسة أشخاص في غارة على سوق في منطقة الحنجلة بمديرية حيدان في محافظة صعدة.", "الحنجلة", "gn-411056"),
    ("امتدت المواجهات المسلحة إلى منطقة أبو عرقوب القديمة في طرابلس الليبية.", "أبو عرقوب", "ly-tripoli"),
    ("تواصلت الاشتباكات في منطقة باب بن غشير وسط طرابلس الليبية.", "باب بن غشير", "ly-tripoli"),
    ("قصفت المدفعية منطقة المحطة شمال المدينة بعد أن سيطر المسلحون على مدينة الفاشر.", "المحطة", "sd-el-fasher"),
])
def test_unlinked_name_after_a_weak_descriptor_by_structure(pipeline: Pipeline, text: str, name: str,
                                                           container: str) -> None:
    assert _unlinked(pipeline, text).get(name) == container


@pytest.mark.parametrize("text", [
    "تجددت الاشتباكات في منطقة الاشتباكات السابقة في مدينة حلب.",
    "أعلن الجيش منطقة عمليات عسكرية في مدينة حلب.",
    "انتشرت القوات في منطقة الحدود شمال مدينة حلب.",
    "لم يعرف حجم الدمار في منطقة القصف في مدينة حلب.",
])
def test_unlinked_no_name_from_an_event_noun_after_a_weak_descriptor(pipeline: Pipeline, text: str) -> None:
    assert _unlinked(pipeline, text) == {}


@pytest.mark.parametrize(("text", "events"), [
    ("قتل مدنيان في قصف على شارع الأربعين ومنطقة المسبح في مدينة تعز.", 1),
    ("تعرض حي القلعة وسوق الخضار في مدينة الموصل لقصف بالهاون.", 1),
    ("قصفت الطائرات بلدتي كفرنبل ومعرة النعمان في ريف إدلب.", 2),
])
def test_place_coordinated_sites_at_one_point_are_one_event(pipeline: Pipeline, text: str, events: int) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    assert len([e for e in rec.events if e.location is not None]) == events, [e.location for e in rec.events]

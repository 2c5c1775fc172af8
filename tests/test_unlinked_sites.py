"""Sites and buildings (a palace, a ministry's building, a headquarters, a road, an island, a square, a market) and
administrative units (محلية X) no entry knows: unlinked places whose name keeps their head, at the town named with
them (or the last town named before); an event told there takes the site. All sentences are rasd's own."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import is_unlinked


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def _sites(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    """{Arabic name of each unlinked place: the known place it stands at}."""
    a = pipeline.analyse(text, published="2024-03-10")
    return {p.place.name_ar: p.place.parent for p in a.places or () if is_unlinked(p.place.id)}


@pytest.mark.parametrize(("text", "name", "container"), [
    ("استعادت القوات الحكومية السيطرة على القصر الجمهوري في الخرطوم بعد معارك عنيفة.", "القصر الجمهوري",
     "sd-khartoum"),
    ("سقطت قذيفة على مبنى وزارة الداخلية وسط بغداد دون وقوع إصابات.", "مبنى وزارة الداخلية", "iq-baghdad"),
    ("تظاهر العشرات أمام مقر رئاسة الحكومة في طرابلس للمطالبة بالإفراج عن المعتقلين.", "مقر رئاسة الحكومة",
     "ly-tripoli"),
    ("اعتقلت قوة أمنية ثلاثة شبان قرب جزيرة الدوران في بنغازي.", "جزيرة الدوران", "ly-benghazi"),
    ("وصل الوفد الليبي إلى أنقرة صباح اليوم، وعقد اجتماعا مع المسؤولين الأتراك في المجمع الرئاسي.",
     "المجمع الرئاسي", "tr-ankara"),
    ("احتشد مئات المحتجين في ساحة الشهداء وسط مدينة الحسكة مطالبين بالإفراج عن المعتقلين.", "ساحة الشهداء",
     "sy-hasakah"),
    ("انفجرت عبوة ناسفة في سوق الخضار بمدينة الموصل صباح الخميس.", "سوق الخضار", "iq-mosul"),
])
def test_unlinked_site_at_its_town(pipeline: Pipeline, text: str, name: str, container: str) -> None:
    found = _sites(pipeline, text)
    assert found.get(name) == container, found


@pytest.mark.parametrize(("text", "name"), [
    ("استعادت القوات الحكومية السيطرة على القصر الجمهوري في الخرطوم بعد معارك عنيفة.", "القصر الجمهوري"),
    ("سقطت قذيفة على مبنى وزارة الداخلية وسط بغداد دون وقوع إصابات.", "مبنى وزارة الداخلية"),
    ("احتشد مئات المحتجين في ساحة الشهداء وسط مدينة الحسكة مطالبين بالإفراج عن المعتقلين.", "ساحة الشهداء"),
])
def test_unlinked_site_named_with_its_town_is_the_events_place(pipeline: Pipeline, text: str, name: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    assert [e.location.name_ar for e in rec.events if e.location] == [name]


@pytest.mark.parametrize(("text", "name", "within"), [
    ("هاجمت قوات الدعم السريع قرية في محلية الكاملين بولاية الجزيرة.", "الكاملين", "sd-adm-gezira"),
    ("نزحت مئات الأسر من قرى بمحلية أم رمتة في ولاية النيل الأبيض.", "أم رمتة", "sd-adm-white-nile"),
    ("قالت لجنة المقاومة إن الاشتباكات امتدت إلى محلية شرق الجبل قرب مدينة الدمازين.", None, None),
])
def test_unlinked_locality(pipeline: Pipeline, text: str, name: str | None, within: str | None) -> None:
    found = _sites(pipeline, text)
    if name is None:
        assert not any(n.startswith("شرق") for n in found), found  # (a direction word begins no name)
    else:
        assert name in found, found


@pytest.mark.parametrize("text", [
    "أفادت مصادر محلية بانفجار عبوة ناسفة قرب مدينة درنة صباح اليوم.",
    "قالت تقارير محلية إن الهدوء عاد إلى مدينة كسلا بعد يومين من التوتر.",
    "يسير الطرفان على طريق التسوية السياسية منذ أشهر، بحسب دبلوماسيين في طرابلس.",
    "سكن الرجل في القصر القديم مع عائلته في حمص سنوات طويلة.",
    "تراجعت الأسعار في سوق العمل في بغداد خلال العام الماضي.",
    "وهذا الهجوم هو الأول على مقر لقيادة القوات المشتركة في مدينة غاو.",
    "سقطت قذيفة في ساحة سيارات قرب مستشفى في مدينة حلب.",
])
def test_unlinked_site_not_from_a_phrase(pipeline: Pipeline, text: str) -> None:
    assert _sites(pipeline, text) == {}


@pytest.mark.parametrize(("text", "expected"), [
    ("يعيش آلاف النازحين في مخيمات بمديريتي عبس وحرض في محافظة حجة.", {"عبس": "gn-70357", "حرض": "gn-75163"}),
    ("قتل مدنيان في قصف مدفعي استهدف مديرية حرض الحدودية فجر اليوم.", {"حرض": "gn-75163"}),
    ("قتل جنديان عراقيان في هجوم بقضاء القائم قرب الحدود مع سوريا.", {"قضاء القائم": "iq-al-qaim"}),
])
def test_unlinked_known_district_after_its_descriptor_is_linked(pipeline: Pipeline, text: str,
                                                                 expected: dict[str, str]) -> None:
    a = pipeline.analyse(text, published="2024-03-10")
    found = {p.text: (p.place.id, p.cue) for p in a.places or ()}
    for name, place in expected.items():
        assert found.get(name, (None,))[0] == place, found
    first = next(iter(expected))
    assert found[first][1] == 2 or first.startswith("قضاء"), found  # (somewhere in the district)


@pytest.mark.parametrize(("text", "mention", "place"), [
    ("نزح أكثر من 400 ألف شخص من ريفي إدلب وحماة منذ نهاية الشهر الماضي.", "ريفي إدلب", "sy-idlib"),
    ("سقطت قذائف على ريفي حلب الغربي وإدلب الجنوبي.", "ريفي حلب", "sy-aleppo"),
    ("تواصلت الغارات على ريفي درعا والقنيطرة جنوبي سوريا.", "ريفي درعا", "sy-daraa"),
])
def test_unlinked_dual_countryside_is_a_region(pipeline: Pipeline, text: str, mention: str, place: str) -> None:
    a = pipeline.analyse(text, published="2024-03-10")
    assert {p.text: p.place.id for p in a.places or ()}.get(mention) == place

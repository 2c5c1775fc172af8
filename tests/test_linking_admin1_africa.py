"""The admin1 regions of Somalia, the Sahel, Nigeria, Chad, Cameroon, DR Congo, Ethiopia and Mozambique
(curated_admin1.tsv, issue 14): a region named with its descriptor is the region, an unknown town said to lie in
it stands in it (not in the capital), its GeoNames towns have it as parent, and a region whose bare name is an
everyday word answers only to its descriptor. All sentences are rasd's own."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import is_unlinked


def _places(pipeline: Pipeline, text: str) -> dict[str, tuple[str, str | None]]:
    """Each place mention's text: (place id, parent id)."""
    a = pipeline.analyse(text, published="2024-05-02")
    return {p.text: (p.place.id, p.place.parent) for p in a.places}


@pytest.mark.parametrize(("text", "mention", "region"), [
    ("قتل خمسة جنود في كمين نصبه مسلحون من حركة الشباب في إقليم هيران وسط الصومال.", "إقليم هيران",
     "so-adm-hiiraan"),
    ("شن الجيش النيجيري غارات على مواقع للمسلحين في ولاية بورنو شمال شرقي البلاد.", "ولاية بورنو", "ng-adm-borno"),
    ("قالت مصادر أمنية إن مسلحين هاجموا قافلة عسكرية في منطقة موبتي وسط مالي.", "منطقة موبتي", "ml-adm-mopti"),
    ("تصاعدت المعارك بين الجيش الكونغولي والمتمردين في إقليم شمال كيفو.", "إقليم شمال كيفو", "cd-adm-north-kivu"),
    ("نزح آلاف السكان من قراهم في ولاية كابو ديلغادو شمالي موزمبيق بعد هجمات المسلحين.", "ولاية كابو ديلغادو",
     "mz-adm-cabo-delgado"),
    ("أعلن الجيش السيطرة على مواقع جديدة في إقليم باي جنوب غربي الصومال.", "إقليم باي", "so-adm-bay"),
])
def test_linking_admin1_region_named_with_its_descriptor(pipeline: Pipeline, text: str, mention: str,
                                                         region: str) -> None:
    found = _places(pipeline, text)
    assert found.get(mention, ("", None))[0] == region, found


@pytest.mark.parametrize(("text", "name", "region"), [
    ("قتل عشرة مدنيين في هجوم على بلدة واربوغو في إقليم هيران بالصومال.", "بلدة واربوغو", "so-adm-hiiraan"),
    ("اقتحم مسلحون بلدة غاجيرام في ولاية بورنو وأحرقوا عشرات المنازل.", "بلدة غاجيرام", "ng-adm-borno"),
    ("هاجم مسلحون قرية تانغوندا في منطقة تيلابيري غربي النيجر.", "قرية تانغوندا", "ne-adm-tillaberi"),
    ("اندلعت اشتباكات في بلدة ديبري في إقليم أمهرة شمالي إثيوبيا.", "بلدة ديبري", "et-adm-amhara"),
    ("مقديشو - قتل سبعة أشخاص في انفجار عبوة ناسفة في بلدة بولو مريري بإقليم شبيلي السفلى.", "بلدة بولو مريري",
     "so-adm-lower-shabelle"),
])
def test_linking_admin1_unlinked_town_stands_in_its_region(pipeline: Pipeline, text: str, name: str,
                                                           region: str) -> None:
    """Not in the capital the report was filed from, nor in the country's capital."""
    found = _places(pipeline, text)
    assert name in found and is_unlinked(found[name][0]), found
    assert found[name][1] == region, found


@pytest.mark.parametrize("text", [
    "جلس الرجل على باي المقهى يقرأ الجريدة في سول الصباح الباكر.",
    "تبادل الضيوف السلامات قبل أن يتوجهوا إلى البحيرة القريبة للنزهة.",
    "يجلس المتقاعدون في البطحاء أمام البيوت كل مساء ويتبادلون الأخبار.",
    "قال المزارع إن سلامات الأهل أهم من المحصول، وإن البحيرة جفت هذا الصيف.",
])
def test_linking_admin1_everyday_word_of_a_region_stays_no_place(pipeline: Pipeline, text: str) -> None:
    assert not [pid for pid, _ in _places(pipeline, text).values() if "-adm-" in pid]


@pytest.mark.parametrize(("town", "region"), [
    ("gn-64460", "so-adm-hiiraan"),  # Beledweyne
    ("gn-2453348", "ml-adm-mopti"),  # Mopti
    ("gn-2438678", "ne-adm-tillaberi"),  # Tillabéri
    ("gn-2331447", "ng-adm-borno"),  # Maiduguri
    ("gn-245785", "td-adm-ouaddai"),  # Abéché
])
def test_linking_admin1_geonames_towns_have_their_region_as_parent(pipeline: Pipeline, town: str,
                                                                    region: str) -> None:
    gazetteer = pipeline.resources.gazetteer
    place = gazetteer.get(town)
    assert place.parent == region and place.admin1 == gazetteer.get(region).admin1

"""A place named right after another to tell where that one lies (بلدة أ في قضاء ب، منطقة أ بولاية ب، الكلية في
العاصمة ب، حي أ شمالي مدينة ب) only locates it: the event is in the first; a known first place the gazetteer puts
far from the second is a homonym, and the event takes the second. All sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import DocumentRecord, is_unlinked


def _record(pipeline: Pipeline, text: str) -> DocumentRecord:
    return pipeline.extract_text(text, source="test", published="2024-03-05")


def _places(rec: DocumentRecord) -> list[tuple[str | None, str]]:
    return [(None if is_unlinked(e.location.id) else e.location.id, e.location.name_ar)
            for e in rec.events if e.location is not None]


# the more specific place wins over the province, district or capital that locates it, whatever cue each has
@pytest.mark.parametrize(("text", "place"), [
    ("هاجم مسلحون منطقة كوبري بولاية الوحدة وقتلوا خمسة جنود.", (None, "كوبري")),
    ("اقتحمت قوة مسلحة منطقة ماكوي بولاية جونقلي فجر الأحد وقتلت أربعة مدنيين.", (None, "ماكوي")),
    ("أصيب عشرة من منتسبي الكلية العسكرية في العاصمة طرابلس جراء سقوط قذائف صاروخية.",
     ("ly-military-college", "الكلية العسكرية")),
    ("أصيب خمسة من طلاب الكلية العسكرية في طرابلس بقصف صاروخي مساء أمس.", ("ly-military-college", "الكلية العسكرية")),
])
def test_place_located_first_place_wins(pipeline: Pipeline, text: str, place: tuple[str | None, str]) -> None:
    assert _places(_record(pipeline, text)) == [place]


# a place that locates the one before it (جنوب مدينة ب) is no second place of the event
@pytest.mark.parametrize(("text", "place"), [
    ("شنت الطائرات غارات على قرية الشيخ مسكين جنوب مدينة درعا.", "شيخ مسكين"),
    ("قصفت الطائرات بلدتي كفرنبل وحاس جنوب مدينة إدلب.", "كفرنبل"),
    ("سقطت قذيفتان على بلدة سراقب شرقي مدينة إدلب دون وقوع إصابات.", "سراقب"),
])
def test_place_located_locating_place_is_no_event_of_its_own(pipeline: Pipeline, text: str, place: str) -> None:
    names = [name for _, name in _places(_record(pipeline, text))]
    assert names[0] == place
    assert not any("إدلب" in n or "درعا" in n for n in names)


# a known name after حي/منطقة the gazetteer puts in another province is a homonym: the event is in the town
# the text locates it by
@pytest.mark.parametrize("text", [
    "قتل طفل جراء قذيفة هاون أطلقتها الميليشيات على حي الروضة شمالي مدينة تعز.",
    "سقطت قذيفة على حي الروضة شرقي مدينة تعز وأصيب ثلاثة مدنيين.",
    "أصيبت امرأتان برصاص قناص في حي الروضة وسط مدينة تعز.",
])
def test_place_located_homonym_takes_the_locating_town(pipeline: Pipeline, text: str) -> None:
    assert [pid for pid, _ in _places(_record(pipeline, text))] == ["ye-taiz"]


# two places joined by و before the locating town: the happening is between them, never in the second alone
@pytest.mark.parametrize("text", [
    "تجددت الاشتباكات بين مسلحين من منطقتي باب التبانة وجبل محسن في مدينة طرابلس شمالي لبنان.",
    "قتل شخصان في اشتباكات بين مسلحين من منطقتي باب التبانة وجبل محسن في مدينة طرابلس اللبنانية.",
    "اندلعت مواجهات بين شبان من حيي باب التبانة وجبل محسن بمدينة طرابلس.",
])
def test_place_located_two_joined_places_not_the_second(pipeline: Pipeline, text: str) -> None:
    assert [name for _, name in _places(_record(pipeline, text))][:1] in (["باب التبانة"], ["طرابلس"], ["مدينة طرابلس"])


# a town some tens of kilometres from the city that locates it is no homonym: the event stays in the town
@pytest.mark.parametrize(("text", "place"), [
    ("قصفت طائرة مسيرة مواقع في بلدة عين عيسى شمال الرقة.", "عين عيسى"),
    ("دارت اشتباكات عنيفة في بلدة سراقب جنوب شرق مدينة إدلب.", "سراقب"),
    ("قتل مدنيان في غارة على بلدة تلبيسة شمال مدينة حمص.", "تلبيسة"),
])
def test_place_located_nearby_town_is_no_homonym(pipeline: Pipeline, text: str, place: str) -> None:
    assert [name for _, name in _places(_record(pipeline, text))] == [place]


# an administrative unit named by its descriptor after في/بـ (في قضاء ب، في مديرية ب) locates the place before it,
# and the places told after it go on the list of the strike's places
@pytest.mark.parametrize(("text", "places"), [
    ("طالت الغارات منطقة رأس عيسى في مديرية الصليف ومعسكر الصمع شمالي صنعاء.",
     [("ye-ras-isa", "ميناء رأس عيسى"), (None, "معسكر الصمع")]),
    ("قصفت المدفعية بلدة الخيام في قضاء مرجعيون وبلدة كفرشوبا شرقي حاصبيا.",
     [("lb-khiam", "بلدة الخيام"), ("lb-kfarchouba", "كفرشوبا")]),
    ("استهدفت غارات بلدة الخيام في قضاء مرجعيون ظهر اليوم.", [("lb-khiam", "بلدة الخيام")]),
    ("قصفت الطائرات منطقة النهدين في مديرية السبعين جنوبي صنعاء فجر اليوم.", [(None, "النهدين")]),
])
def test_place_located_by_an_administrative_unit(pipeline: Pipeline, text: str,
                                                 places: list[tuple[str | None, str]]) -> None:
    assert _places(_record(pipeline, text)) == places


# places joined by و with their descriptor (بلدة أ وبلدة ب، مدينة أ ومدينة ب) are each a place of the strike
@pytest.mark.parametrize(("text", "places"), [
    ("قصفت الطائرات الحربية بلدة كفرنبل وبلدة سراقب صباح اليوم.", ["gn-168661", "gn-164816"]),
    ("شنت المقاتلات غارات على مدينة غريان ومدينة ترهونة.", ["ly-gharyan", "ly-tarhuna"]),
    ("استهدفت المدفعية قرية الخيام وبلدة كفرشوبا.", ["lb-khiam", "lb-kfarchouba"]),
])
def test_place_located_places_joined_with_their_descriptor(pipeline: Pipeline, text: str, places: list[str]) -> None:
    assert [pid for pid, _ in _places(_record(pipeline, text))] == places


# a place after a word of nearness (قرب، على مشارف، القريب من) right after another place is that place's reference
# point: the event is in the first, even a region, unless one lies in the other
@pytest.mark.parametrize(("text", "place"), [
    ("قتل عشرة مدنيين في قصف على الغوطة الشرقية المحاصرة قرب دمشق.", "sy-eastern-ghouta"),
    ("اندلعت اشتباكات عنيفة في جبل الزاوية على مشارف مدينة إدلب.", "sy-jabal-al-zawiya"),
    ("شنت الطائرات غارات على ريف حماة الشمالي قرب مدينة خان شيخون.", "sy-northern-hama-countryside"),
    ("قتل ثلاثة أشخاص في انفجار بمخيم الهول قرب مدينة الحسكة.", "sy-al-hol-camp"),
])
def test_place_located_reference_point_after_nearness(pipeline: Pipeline, text: str, place: str) -> None:
    assert [pid for pid, _ in _places(_record(pipeline, text))] == [place]

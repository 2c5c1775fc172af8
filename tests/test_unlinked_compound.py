"""Compound names of small places that hold a known place's name (recognize/unlinked_compound.py): after a place
descriptor the whole compound is one unlinked place, and the known half neither stands as a place of its own nor
votes for the document's country. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.records import is_unlinked


def _places(pipeline: Any, text: str) -> tuple[Any, dict[str, Any]]:
    a = pipeline.analyse(text, published="2024-05-02")
    return a, {p.text: p for p in a.places}


# the known place first, a rare name word after it (a foreign city's name inside a local village's)
@pytest.mark.parametrize(("text", "mention", "name", "country"), [
    ("سيطر الجيش الصومالي على بلدة عدن غوبلي في إقليم هيران بعد اشتباكات مع مقاتلي حركة الشباب.",
     "بلدة عدن غوبلي", "عدن غوبلي", "SO"),
    ("قتل ثلاثة أشخاص في هجوم على قرية بغداد كرتيل بولاية جنوب كردفان، بحسب الشرطة السودانية.",
     "قرية بغداد كرتيل", "بغداد كرتيل", "SD"),
    ("اقتحمت القوات الإسرائيلية بلدة حلب دويكات شرقي نابلس فجر اليوم واعتقلت أربعة شبان.",
     "بلدة حلب دويكات", "حلب دويكات", "PS"),
])
def test_unlinked_compound_known_first(pipeline: Any, text: str, mention: str, name: str, country: str) -> None:
    a, places = _places(pipeline, text)
    assert mention in places, list(places)
    p = places[mention]
    assert is_unlinked(p.place.id) and p.place.name_ar == name and p.place.country == country
    assert a.country == country  # (the foreign city inside the name votes for no country)
    assert not any(q.text == name.split()[0] for q in a.places)  # (no Aden, Baghdad or Aleppo of its own)


# an unknown name first, a known place's name right after it (a compound head and its word)
@pytest.mark.parametrize(("text", "mention", "country"), [
    ("استهدفت غارة منزلا في بلدة جبل بطمة تل أبيض شمالي سوريا.", "بلدة جبل بطمة تل أبيض", "SY"),
    ("تعرضت بلدة مرج دويلي رأس بعلبك لغارة إسرائيلية جنوبي لبنان.", "بلدة مرج دويلي رأس بعلبك", "LB"),
    ("قصفت مسيرة تركية قرية خربة زنكلي عين العرب في ريف حلب الشرقي، بحسب ناشطين.",
     "قرية خربة زنكلي عين العرب", "SY"),
])
def test_unlinked_compound_known_second(pipeline: Any, text: str, mention: str, country: str) -> None:
    a, places = _places(pipeline, text)
    assert mention in places, list(places)
    p = places[mention]
    assert is_unlinked(p.place.id) and p.place.country == country
    inner = " ".join(mention.split()[-2:])
    assert inner not in places  # (the known place is the name's second half, no place of its own)


# common words after a known name end it: a time word, an adjective, a direction, a common noun
@pytest.mark.parametrize(("text", "name", "pid"), [
    ("انفجرت عبوة ناسفة في مدينة بغداد صباح الأحد.", "مدينة بغداد", "iq-baghdad"),
    ("قتل جنديان في مدينة عدن مساء أمس.", "مدينة عدن", "ye-aden"),
    ("وصل الوزير إلى مدينة سرت مسقط رأس القذافي.", "مدينة سرت", "ly-sirte"),
    ("دخلت القوات مدينة غزة مساء الجمعة بعد قصف عنيف.", "مدينة غزة", "ps-gaza-city"),
])
def test_unlinked_compound_common_word_ends_name(pipeline: Any, text: str, name: str, pid: str) -> None:
    _, places = _places(pipeline, text)
    assert name in places and places[name].place.id == pid, list(places)


# a big city's name after a village's or a ward's descriptor is a homonym: no vote for the city's country
@pytest.mark.parametrize(("text", "mention", "country"), [
    ("داهمت الشرطة حي بغداد غربي الخرطوم واعتقلت عشرة أشخاص.", "حي بغداد", "SD"),
    ("قتل ثلاثة مدنيين في قصف على حي المنامة بمدينة أم درمان.", "حي المنامة", "SD"),
    ("سقطت قذيفة على قرية حلب في ولاية جنوب كردفان.", "قرية حلب", "SD"),
    ("اقتحم مسلحون حارة عدن في مدينة الخليل واشتبكوا مع الشرطة.", "حارة عدن", "PS"),
])
def test_unlinked_compound_city_name_after_a_ward_votes_for_no_country(pipeline: Any, text: str, mention: str,
                                                                       country: str) -> None:
    a, places = _places(pipeline, text)
    assert a.country == country
    assert mention in places and is_unlinked(places[mention].place.id), list(places)
    assert places[mention].place.country == country


def test_unlinked_compound_city_after_city_descriptor_still_votes(pipeline: Any) -> None:
    a, places = _places(pipeline, "قصفت الطائرات مدينة حلب وريفها مساء الأحد.")
    assert a.country == "SY" and places["مدينة حلب"].place.id == "sy-aleppo"


# a town's word is no village's: reports call a city of 150,000 a town (بلدة), and it still says where the report is
@pytest.mark.parametrize(("text", "country"), [
    ("اندلعت اشتباكات بين الجيش ومسلحي المعارضة في بلدة ملكال صباح السبت.", "SS"),
    ("سيطرت القوات الحكومية على بلدة تلعفر بعد معارك استمرت أسبوعا.", "IQ"),
    ("قصفت المدفعية أطراف بلدة الفاشر ليل الخميس.", "SD"),
])
def test_unlinked_compound_city_after_a_town_word_still_votes(pipeline: Any, text: str, country: str) -> None:
    a, _ = _places(pipeline, text)
    assert a.country == country


# what ends a name: a content word after the rare word makes it a construct's head (معقل فصائل "stronghold of");
# a city's suburb (ضاحية) and a street named in a phrase (شارع X بالعاصمة Y) keep the city's vote
@pytest.mark.parametrize(("text", "absent", "country"), [
    ("تعتبر بلدة الزعرورة معقل فصائل المعارضة في ريف حماة.", "بلدة الزعرورة معقل", "SY"),
    ("قتل مدني في غارة إسرائيلية على ضاحية بيروت الجنوبية فجر اليوم.", "", "LB"),
    ("تظاهر العشرات في شارع السكة بالعاصمة الخرطوم للمطالبة بالإفراج عن المعتقلين.", "", "SD"),
])
def test_unlinked_compound_name_ends_at_a_construct_or_phrase(pipeline: Any, text: str, absent: str,
                                                             country: str) -> None:
    a, places = _places(pipeline, text)
    assert a.country == country
    assert not absent or absent not in places, list(places)


# a foreign name of several words after a strong descriptor, none of them known: each word rare, up to a known word
# with a proclitic (بإقليم; also a foreign word that reads so: كابانا as ك + أبانا), a common word or a mark
@pytest.mark.parametrize(("text", "mention"), [
    ("هاجم مسلحون قرية كاسا ناوا في ولاية زمفارا شمال غربي نيجيريا ليل الأحد وقتلوا 9 مزارعين.", "قرية كاسا ناوا"),
    ("قصفت مسيرة سوقا في بلدة شيوا روبيت بإقليم أمهرة شمال إثيوبيا صباح الخميس.", "بلدة شيوا روبيت"),
    ("اندلعت اشتباكات في بلدة ماتا ندورو الحدودية شمالي موزمبيق مساء الأحد.", "بلدة ماتا ندورو"),
])
def test_unlinked_compound_foreign_name_of_rare_words(pipeline: Any, text: str, mention: str) -> None:
    _, places = _places(pipeline, text)
    assert mention in places and is_unlinked(places[mention].place.id), list(places)

"""The event's place (events/place.py): a violent incident placed only in a region takes the report's town in
it; a statement or a running toll keeps the region or country it names; sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


def _places(events: tuple[Event, ...]) -> list[str | None]:
    return [e.location.name_en if e.location else None for e in events]


@pytest.mark.parametrize(("text", "place"), [
    ("الموصل - قتل ثلاثة جنود في هجوم لمسلحي تنظيم الدولة في محافظة نينوى.", "Mosul"),
    ("تعز - أصيب أربعة مدنيين بقذائف أطلقها الحوثيون في محافظة تعز.", "Taiz"),
])
def test_place_incident_in_a_region_takes_the_datelines_town(pipeline: Pipeline, text: str, place: str) -> None:
    assert _places(_events(pipeline, text)) == [place]


@pytest.mark.parametrize(("text", "place"), [
    ("طرابلس - طالبت منظمة العفو الدولية السلطات في ليبيا بالإفراج عن المحتجزين.", "Libya"),
    ("بنغازي - دعا المبعوث الأممي إلى هدنة في ليبيا خلال عيد الأضحى.", "Libya"),
    ("صنعاء - تطالب الأمم المتحدة بفتح الطرق في محافظة تعز أمام قوافل الإغاثة.", "Taiz Governorate"),
])
def test_place_statement_keeps_the_region_it_names(pipeline: Pipeline, text: str, place: str) -> None:
    events = _events(pipeline, text)
    assert [e.plover for e in events] == ["REQUEST"]
    assert _places(events) == [place]


# people or forces leaving a place: where they went is not where it happened
@pytest.mark.parametrize(("text", "place"), [
    ("يفر آلاف المدنيين من الفاشر إلى بلدة طويلة هربا من القصف.", "El Fasher"),
    ("تقصف القوات الحكومية مدينة حلب منذ أيام. وفر أكثر من 4000 مدني من المدينة باتجاه بلدة عندان.", "Aleppo"),
    ("اشتدت المعارك في مدينة سرت. ونزحت 300 عائلة من أحيائها الشرقية إلى مدينة مصراتة.", "Sirte"),
    ("هاجمت قوات المعارضة مدينة غريان. وانسحبت القوات الحكومية من المدينة نحو مدينة طرابلس.", "Gharyan"),
])
def test_place_leaving_is_not_placed_where_they_went(pipeline: Pipeline, text: str, place: str) -> None:
    moving = [e for e in _events(pipeline, text) if e.plover in ("OTHER", "RETREAT")
              and e.acled_event_type in (None, "Strategic developments")]
    assert _places(tuple(moving)) == [place]


# people arriving or hosted: the place they reach is the happening's
@pytest.mark.parametrize(("text", "place"), [
    ("وصل أكثر من ألف نازح إلى مدينة كوستي قادمين من ولاية الجزيرة.", "Kosti"),
    ("لجأت 150 عائلة نازحة من قضاء سنجار إلى مدينة دهوك.", "Dihok"),
    ("استقبلت مدينة مأرب 500 عائلة نازحة من محافظة الجوف.", "Marib"),
])
def test_place_arriving_is_placed_where_they_arrive(pipeline: Pipeline, text: str, place: str) -> None:
    assert _places(_events(pipeline, text)) == [place]


# a happening ACLED does not code (a mobilization, aid) whose clause names only where its actor is (المقيم في،
# المتواجدة في، الموجودة في): no place; where forces are sent, or where a visit goes, is its place
@pytest.mark.parametrize(("text", "place"), [
    ("دفعت القوات الموالية للرئيس المقيم في الرياض بتعزيزات عسكرية جديدة.", None),
    ("نشرت الحكومة المتواجدة في طرابلس وحدات عسكرية إضافية.", None),
    ("وزعت المنظمة الموجودة في جنيف مساعدات غذائية على آلاف العائلات.", None),
    ("دفع الجيش السوداني بتعزيزات عسكرية إلى مدينة الفاشر.", "El Fasher"),
    ("يتوجه رئيس الوزراء القطري إلى القاهرة غدا للقاء المسؤولين المصريين.", "Cairo"),
])
def test_place_where_the_actor_is_places_no_statement(pipeline: Pipeline, text: str, place: str | None) -> None:
    assert _places(_events(pipeline, text)) == [place]


# an event whose place is told in the clause before it, or in the sentence before
@pytest.mark.parametrize(("text", "place"), [
    ("تقدمت قوات الدعم السريع نحو مدينة الفاشر، حيث اندلعت اشتباكات عنيفة مع الجيش السوداني.", "El Fasher"),
    ("في مدينة درنة، قتل ثلاثة أشخاص بانفجار لغم أرضي.", "Derna"),
    ("شهدت مدينة سرت توترا أمنيا منذ الصباح. وقتل مقاتلان في اشتباكات اندلعت بعد الظهر.", "Sirte"),
])
def test_place_told_in_a_neighbouring_clause(pipeline: Pipeline, text: str, place: str) -> None:
    assert _places(_events(pipeline, text)) == [place]


# a ceasefire or truce whose clause names no place is the truce of the fighting the report is about
@pytest.mark.parametrize(("text", "place"), [
    ("اندلعت اشتباكات عنيفة في مدينة تعز بين القوات الحكومية والحوثيين.\n\nوقال مسؤول محلي إن السكان لزموا"
     " منازلهم. وأعلن الطرفان لاحقا التوصل إلى هدنة لمدة ثلاثة أيام.", "Taiz"),
    ("قصفت القوات الحكومية أحياء مدينة درنة طوال الليل.\n\nووقعت الفصائل المحلية مع الجيش اتفاقا لوقف إطلاق النار"
     " صباح الأحد.", "Derna"),
    ("تجددت المواجهات في مدينة الفاشر بين الجيش وقوات الدعم السريع. ولم تعرف حصيلة الضحايا بعد.\n\nوتوصل الجانبان"
     " الثلاثاء إلى اتفاق لوقف القتال.", "El Fasher"),
])
def test_place_truce_without_a_place_takes_the_documents(pipeline: Pipeline, text: str, place: str) -> None:
    agreed = [e for e in _events(pipeline, text) if e.plover == "AGREE"]
    assert _places(tuple(agreed)) == [place]


# a clause that names no place but refers back to a settlement (المدينة المحاصرة، داخل البلدة، إلى المخيم) is placed
# at the one named last before it
@pytest.mark.parametrize(("text", "plover", "place"), [
    ("تحاصر قوات الدعم السريع مدينة الفاشر منذ أشهر.\n\nوقال مسؤول إن الوضع الإنساني خطير. وأسقطت طائرات الجيش"
     " مساعدات غذائية على المدينة المحاصرة.", "AID", "El Fasher"),
    ("اقتحم الجيش بلدة جنين فجرا.\n\nوأفاد شهود بسماع دوي انفجارات. ودعت الأمم المتحدة إلى حماية المدنيين داخل"
     " البلدة.", "REQUEST", "Jenin"),
    ("قصفت الطائرات مخيم النصيرات ليلا.\n\nولم تعلن حصيلة بعد. ووصلت قافلة مساعدات طبية إلى المخيم صباح اليوم.",
     "AID", "Nuseirat refugee camp"),
])
def test_place_settlement_referred_back_to(pipeline: Pipeline, text: str, plover: str, place: str) -> None:
    events = [e for e in _events(pipeline, text) if e.plover == plover]
    assert _places(tuple(events)) == [place]

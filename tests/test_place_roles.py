"""Place choice by role (events/place.py, recognize/linking.py, resources/gazetteer.py): the place a relative
clause qualifies, the document's country from its places more than from forces named again and again, a
homonym read in the country the text names; sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


def _places(events: tuple[Event, ...]) -> list[str | None]:
    return [e.location.name_en if e.location else None for e in events]


# a happening told in a relative clause after a place (… من الدوحة التي زارها): it is there, not where the
# traveller is now
@pytest.mark.parametrize(("text", "place"), [
    ("عاد وزير الخارجية الليبي إلى طرابلس قادما من الدوحة التي زارها يومين والتقى فيها أمير قطر.", "Doha"),
    ("وصل الوفد المفاوض إلى بغداد بعد عودته من عمّان، التي اجتمع فيها مع مسؤولين أردنيين.", "Amman"),
    ("وصل رئيس المجلس الرئاسي إلى الجزائر قادما من روما التي التقى فيها رئيسة الوزراء الإيطالية.", "Rome"),
])
def test_place_relative_clause_takes_its_antecedent(pipeline: Pipeline, text: str, place: str) -> None:
    events = [e for e in _events(pipeline, text) if e.plover == "CONSULT"]
    assert _places(tuple(events)) == [place]


# forces of one country named in every sentence do not make the document about that country: the places
# named decide, and an event with no place of its own takes the document's town
@pytest.mark.parametrize(("text", "place"), [
    ("قتل ثلاثة متظاهرين برصاص الجيش الإسرائيلي قرب السياج. وقال الجيش الإسرائيلي إن جنوده ردوا على محاولات"
     " لاختراق السياج. وأضاف الجيش الإسرائيلي أن التحقيق جار. وأكد متحدث باسم الجيش الإسرائيلي أن الجنود"
     " التزموا بالتعليمات. وكان المتظاهرون قد تجمعوا شرق خان يونس منذ الصباح.", "Khan Younis"),
    ("أصيب خمسة مدنيين بقصف للقوات التركية على قرية حدودية. وقالت القوات التركية إنها ردت على مصادر النيران."
     " وأكدت القوات التركية أنها ستواصل عملياتها. واتهمت القوات التركية المسلحين بالتحصن بين المنازل. ويقيم"
     " معظم سكان القرية في القامشلي.", "Qamishli"),
    ("قتل أربعة مدنيين بغارات للقوات الروسية على سوق شعبي. وقالت القوات الروسية إنها استهدفت مستودعا للأسلحة."
     " وأضافت القوات الروسية أن الغارات دقيقة. ونفت القوات الروسية استهداف المدنيين. ويعيش في معرة النعمان"
     " آلاف النازحين.", "Maarat al-Numan"),
])
def test_place_document_country_from_places_not_repeated_forces(pipeline: Pipeline, text: str, place: str) -> None:
    assert _places(_events(pipeline, text))[0] == place


# a name shared by two foreign places (عمان: Amman, Oman) is read in the country the text names otherwise
@pytest.mark.parametrize("text", [
    "قصفت الطائرات الحربية بلدة في ريف درعا. وفي سياق آخر، التقى وفد من المعارضة السورية في عمان بمسؤولين"
    " أردنيين لبحث أوضاع اللاجئين.",
    "اندلعت اشتباكات في الأنبار. وبحث وزير الخارجية العراقي مع السلطات الأردنية في عمان أمن الحدود المشتركة.",
    "أعلنت الحكومة اليمنية مقتل جنود في مأرب. وفي عمان، اجتمع المبعوث الأممي مع مسؤولين في الحكومة الأردنية.",
])
def test_linking_homonym_abroad_in_the_country_the_text_names(pipeline: Pipeline, text: str) -> None:
    assert [e.location.name_en for e in _events(pipeline, text) if e.plover == "CONSULT" and e.location] == ["Amman"]

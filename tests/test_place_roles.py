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
    ("وصل المبعوث الأممي إلى بنغازي قادما من القاهرة، التي اجتمع فيها مع مسؤولين مصريين.", "Cairo"),
])
def test_place_relative_clause_takes_its_antecedent(pipeline: Pipeline, text: str, place: str) -> None:
    events = [e for e in _events(pipeline, text) if e.plover == "CONSULT"]
    assert _places(tuple(events)) == [place]


# forces of one country named in every sentence do not make the document about that country: the places
# named decide (a country after a place cue among them), and an event with no place of its own takes the
# document's town
@pytest.mark.parametrize(("text", "place"), [
    ("قصفت طائرات إسرائيلية أطراف بلدة كفركلا في جنوب لبنان. وقال الجيش الإسرائيلي إنه استهدف بنية تحتية.",
     "Kfar Kila"),
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


# a report filed from a foreign capital (its dateline) that a visitor travels to is about the country its body
# names: the dateline and the trip's destination are weak votes, and the bare nouns read in the body's country
@pytest.mark.parametrize(("text", "country", "actor"), [
    ("أنقرة - وصل رئيس الحكومة الليبية إلى أنقرة في زيارة رسمية تستمر يومين، فيما قالت الشرطة إن مسلحين"
     " هاجموا حاجزا في مدينة مصراتة.", "LY", "police-ly"),
    ("القاهرة - وصل وفد من الحكومة السودانية إلى القاهرة للقاء مسؤولين مصريين، بعد يوم من قصف طائرة مسيرة"
     " سوقا في مدينة الفاشر. وقالت الحكومة إن القصف قتل عشرة مدنيين.", "SD", "civilians-sd"),
    ("طهران - وصل وزير الخارجية العراقي إلى طهران للقاء مسؤولين إيرانيين، فيما قالت الشرطة إن انفجارا وقع في"
     " سوق بمدينة الموصل.", "IQ", "isf"),
    # (the dateline still decides when the body names no place: a tie-breaker, not nothing)
    ("الخرطوم - قالت الحكومة إنها ستفتح تحقيقا في الهجوم.", "SD", "sudan-government"),
    ("بنغازي - أعلنت الشرطة القبض على ثلاثة مطلوبين.", "LY", "police-ly"),
])
def test_linking_dateline_is_a_weak_vote_for_the_document_country(pipeline: Pipeline, text: str, country: str,
                                                                   actor: str) -> None:
    a = pipeline.analyse(text, published="2024-03-10")
    assert a.country == country and actor in {m.actor.id for m in a.actors}


# a name shared by two foreign places (عمان: Amman, Oman) is read in the country the text names otherwise
@pytest.mark.parametrize("text", [
    "قصفت الطائرات الحربية بلدة في ريف درعا. وفي سياق آخر، التقى وفد من المعارضة السورية في عمان بمسؤولين"
    " أردنيين لبحث أوضاع اللاجئين.",
    "اندلعت اشتباكات في الأنبار. وبحث وزير الخارجية العراقي مع السلطات الأردنية في عمان أمن الحدود المشتركة.",
    "أعلنت الحكومة اليمنية مقتل جنود في مأرب. وفي عمان، اجتمع المبعوث الأممي مع مسؤولين في الحكومة الأردنية.",
])
def test_linking_homonym_abroad_in_the_country_the_text_names(pipeline: Pipeline, text: str) -> None:
    assert [e.location.name_en for e in _events(pipeline, text) if e.plover == "CONSULT" and e.location] == ["Amman"]


# a word that refers back to a settlement (في محيط القرية، مدخل البلدة، داخل المخيم) names the last one the text
# called so, not the city people fled or were taken to
@pytest.mark.parametrize(("text", "place", "not_there"), [
    ("هاجمت قوات الدعم السريع قرية ود النورة في ولاية الجزيرة، وفر مئات من السكان نحو مدينة المناقل.\n\n"
     "وقال ناشطون إن اشتباكات اندلعت لاحقا في محيط القرية.", "ود النورة", "المناقل"),
    ("دخلت قوات الاحتلال بلدة قباطية جنوب جنين فجر اليوم، ونقل الجرحى إلى مدينة نابلس.\n\n"
     "وأفاد شهود بأن مواجهات اندلعت عند مدخل البلدة.", "قباطية", "جنين"),
    ("قصفت المدفعية مخيم النصيرات وسط القطاع، ونزحت عائلات كثيرة إلى مدينة رفح.\n\n"
     "وقال مسعفون إن غارة جوية استهدفت منزلا داخل المخيم.", "مخيم النصيرات", "رفح"),
])
def test_place_settlement_referred_back_by_its_kind(pipeline: Pipeline, text: str, place: str,
                                                    not_there: str) -> None:
    names = [e.location.name_ar for e in _events(pipeline, text) if e.location]
    assert place in names and not_there not in names


# an unlinked place at its country's point: the record says the country, and no "within" that would make it one
# place with the country itself
def test_place_unlinked_at_the_country_has_no_within(pipeline: Pipeline) -> None:
    rec = pipeline.extract_text("أغارت طائرة مسيرة إسرائيلية على منزل في بلدة ياطر جنوبي لبنان، فيما سقطت قذائف"
                                " على أطراف بلدة المجادل.", source="test", published="2024-03-10").to_json()
    locs = [e["location"] for e in rec["events"] if e["location"] and e["location"]["id"] is None]
    assert locs and all(loc["country"] == "LB" and "within" not in loc for loc in locs)


# where the wounded or the dead were taken (إلى مدينة أعزاز) is not where a strike or an attack happened, even
# when it is more specific than the region the clause names
@pytest.mark.parametrize(("text", "place"), [
    ("سقطت قذائف على ريف حلب الشمالي، ونقل المصابون إلى مدينة أعزاز.", "Aleppo Governorate"),
    ("قتل ثلاثة مدنيين بانفجار عبوة ناسفة في محافظة درعا، ونقلت الجثث إلى مدينة الصنمين.", "Daraa Governorate"),
    ("أسفر قصف مدفعي على ريف حماة الشمالي عن مقتل طفلين نقلت جثتاهما إلى مدينة حماة.",
     "Northern Hama countryside"),
])
def test_place_violence_not_where_the_wounded_were_taken(pipeline: Pipeline, text: str, place: str) -> None:
    assert _places(_events(pipeline, text)) == [place]


# a small place coordinated with a place a cue introduces (في حرستا وعربين) is a place too, without a cue of
# its own
@pytest.mark.parametrize(("text", "place"), [
    ("قتل ثمانية مدنيين في القصف على حرستا وعربين في الغوطة الشرقية.", "‘Irbīn"),
    ("قصفت الطائرات الروسية بلدات في سراقب وتفتناز شرقي إدلب.", "Taftanāz"),
    ("قتل مدنيان في قصف على معرة النعمان والتمانعة جنوبي إدلب.", "At Tamāni‘ah"),
])
def test_linking_small_place_coordinated_with_a_cued_one(pipeline: Pipeline, text: str, place: str) -> None:
    assert place in _places(_events(pipeline, text))


# a strike told across a country takes a town inside it only where the report named that town before it (the
# lead, the dateline): a town told after it is the place of its own happening
@pytest.mark.parametrize(("text", "places"), [
    ("شنت الطائرات الحربية عشرات الغارات على اليمن خلال الليل. وقصفت المدفعية بلدة حرض صباح اليوم.",
     ["Yemen", "Ḩaraḑ"]),
    ("شن الطيران المسير غارات متفرقة في العراق يوم الأحد. كما قصفت المدفعية مدينة سنجار بعد الظهر.",
     ["Iraq", "Sinjār"]),
    ("تعرضت مناطق عدة في سوريا لقصف جوي مكثف أمس. وفي وقت لاحق استهدف الطيران مدينة سراقب بصواريخ.",
     ["Syria", "Saraqib"]),
])
def test_place_country_wide_strike_keeps_the_country_before_a_later_town(
        pipeline: Pipeline, text: str, places: list[str]) -> None:
    events = [e for e in _events(pipeline, text) if e.acled_event_type == "Explosions/Remote violence"]
    assert _places(tuple(events)) == places


@pytest.mark.parametrize(("text", "place"), [
    ("سراقب - قصف الطيران الحربي مواقع في سوريا صباح اليوم.", "Saraqib"),
    ("تواصل القصف على مدينة سنجار. وشن الطيران غارات في العراق أوقعت قتلى.", "Sinjār"),
    ("اشتدت المعارك حول بلدة حرض منذ أيام. وقصفت الطائرات مواقع في اليمن مساء أمس.", "Ḩaraḑ"),
])
def test_place_country_wide_strike_takes_the_town_named_before(pipeline: Pipeline, text: str, place: str) -> None:
    events = [e for e in _events(pipeline, text) if e.acled_event_type == "Explosions/Remote violence"]
    assert _places(tuple(events))[-1] == place

"""One event per happening (events/happenings.py, merge.py) and the type by victims and weapon (events/kind.py),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


def _kinds(events: tuple[Event, ...]) -> list[tuple[str | None, str | None]]:
    return [(e.acled_event_type, e.acled_sub_event_type) for e in events]


@pytest.mark.parametrize("text", [
    # a headline told again in the body, more precisely (its place, its weapon)
    "اشتباكات عنيفة غربي طرابلس\nاندلعت صباح اليوم اشتباكات مسلحة في منطقة جنزور غربي العاصمة الليبية بين "
    "مجموعتين مسلحتين.",
    "هجوم انتحاري يهز مقديشو\nقتل خمسة أشخاص في تفجير سيارة مفخخة استهدف مطعما في العاصمة الصومالية مقديشو.",
    "قصف على أحياء سكنية في تعز\nأصيب ثلاثة مدنيين بقذائف أطلقها الحوثيون على حي سكني شرقي مدينة تعز.",
    # one strike told by its weapon and again by a generic word
    "شنت طائرة مسيرة غارة على سيارة قرب مدينة مأرب. وأكدت مصادر محلية أن قصفا استهدف السيارة على الطريق.",
    "دوى انفجار في سوق مدينة الباب. وقال شهود إن انتحاريا فجر نفسه وسط المتسوقين في مدينة الباب.",
])
def test_happenings_headline_and_generic_word_are_one_event(pipeline: Pipeline, text: str) -> None:
    assert len(_events(pipeline, text)) == 1


def test_happenings_headline_takes_the_body_place(pipeline: Pipeline) -> None:
    events = _events(pipeline, "اشتباكات عنيفة غربي طرابلس\nاندلعت صباح اليوم اشتباكات مسلحة في منطقة جنزور "
                               "غربي العاصمة الليبية بين مجموعتين مسلحتين.")
    assert [e.location.name_en if e.location else None for e in events] == ["Janzour"]


# a restatement is one event: a headline and its body, a quote restating the toll, a subset toll told apart
@pytest.mark.parametrize("text", [
    "غارات جوية تقتل 12 مدنيا في دوما\nقتل 12 مدنيا، بينهم أربعة أطفال، جراء غارات جوية شنتها طائرات حربية على "
    "مدينة دوما بريف دمشق صباح اليوم.",
    "قتل 7 عناصر من الشرطة في هجوم مسلح على حاجز في مدينة سرت. وقال مسؤول أمني إن \"سبعة من رجال الشرطة قتلوا "
    "في الهجوم الذي نفذه مسلحون\".",
    "لقي 35 شخصا حتفهم في قصف مدفعي على مدينة تعز أمس. وكان بين القتلى 20 مدنيا.",
    "قتل 60 شخصا في تفجير انتحاري بمدينة الموصل. ومن بين الضحايا 40 مدنيا على الأقل.",
])
def test_happenings_restatement_is_one_event(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1
    assert events[0].evidence and len(events[0].evidence) >= 1


# two incidents told in one sentence, each with its own place: two events, each with its place and figures
@pytest.mark.parametrize(("text", "places", "figures"), [
    ("قتل شخصان في قصف على مدينة كفرنبل، وثلاثة آخرون في غارة على مدينة سراقب.",
     ["Kafranbel", "Saraqib"], [[2], []]),
    ("قتلت امرأة في قصف على مدينة الحديدة، وقتل طفلان في غارة على مدينة صعدة.",
     ["Hodeidah", "Saada"], [[1], [2]]),
    ("أصيب أربعة مدنيين في قصف على بلدة سرمين، فيما قتل جنديان في هجوم على حاجز قرب مدينة أريحا.",
     ["Sarmīn", "Arīḩā"], [[4], [2]]),
    ("أصيب ثلاثة جنود بانفجار عبوة ناسفة في مدينة الرمادي، وقتل شرطي بانفجار عبوة في مدينة الفلوجة.",
     ["Ramadi", "Fallujah"], [[3], [1]]),
])
def test_happenings_two_incidents_in_one_sentence(pipeline: Pipeline, text: str, places: list[str],
                                                  figures: list[list[int]]) -> None:
    events = _events(pipeline, text)
    assert [e.location.name_en if e.location else None for e in events] == places
    assert [[c.value for c in e.counts] for e in events] == figures


# civilians killed by one side: violence against civilians, not a battle
@pytest.mark.parametrize("text", [
    "قتل مسلحون خمسة مدنيين على حاجز وهمي قرب مدينة سرت.",
    "أطلق مسلحون النار على حشد من المدنيين في سوق مدينة تعز فقتلوا أربعة منهم.",
    "أعدم مسلحو تنظيم الدولة 12 مدنيا رميا بالرصاص في قرية قرب مدينة الموصل.",
    "أعدمت ميليشيا مسلحة ثلاثة رجال ميدانيا في بلدة ترهونة.",
    # shots are the means even when a strike is told in the clause (the weapon nearest the act decides)
    "أفاد شهود بأن سجانين أطلقوا النار على محتجزين حاولوا الخروج من سجن في مدينة الزاوية خلال قصف مدفعي استهدفه.",
    "قتل أربعة سجناء برصاص حراس أطلقوا النار على سجن في مدينة سبها أثناء القصف.",
])
def test_kind_civilians_killed_by_one_side(pipeline: Pipeline, text: str) -> None:
    assert _kinds(_events(pipeline, text)) == [("Violence against civilians", "Attack")]


# protesters killed or wounded by the forces: excessive force against protesters (PLOVER ASSAULT: the forces' act,
# as ../shared/dev codes it; the protest itself is PROTEST)
@pytest.mark.parametrize("text", [
    "قتل ثلاثة متظاهرين برصاص قوات الأمن خلال احتجاجات في مدينة البصرة.",
    "فتحت قوات الأمن النار على المحتجين في ساحة التحرير ببغداد ما أدى إلى مقتل متظاهرين اثنين.",
    "سقط أربعة قتلى من المحتجين برصاص الشرطة في مدينة الخرطوم.",
])
def test_kind_protesters_hit_by_force(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert _kinds(events) == [("Protests", "Excessive force against protesters")]
    assert events[0].plover == "ASSAULT"


# a toll or a generic attack takes the weapon its clause names, never a default armed clash
@pytest.mark.parametrize(("text", "sub"), [
    ("قتل خمسة أشخاص بغارة جوية على مدينة صعدة.", "Air/drone strike"),
    ("أسفرت غارة جوية عن مقتل سبعة أشخاص في مدينة الحديدة.", "Air/drone strike"),
    ("قتل تسعة أشخاص بقذائف هاون سقطت على سوق في مدينة حلب.", "Shelling/artillery/missile attack"),
    ("شن طيران العدوان غارات على مدينة صعدة أمس.", "Air/drone strike"),
    ("نفذت طائرات العدوان سلسلة غارات على مدينة صعدة.", "Air/drone strike"),
    ("قتل أربعة جنود في هجوم إرهابي بعبوة ناسفة في مدينة العريش.", "Remote explosive/landmine/IED"),
    ("استهدف هجوم صاروخي معسكرا للجيش قرب مدينة مأرب.", "Shelling/artillery/missile attack"),
])
def test_kind_weapon_of_the_clause(pipeline: Pipeline, text: str, sub: str) -> None:
    assert _kinds(_events(pipeline, text)) == [("Explosions/Remote violence", sub)]


# civilians killed by a strike stay remote violence; a massacre told with its weapon; the attack that refers back
# to the strike told before it
@pytest.mark.parametrize(("text", "sub"), [
    ("قتل 15 مدنيا بينهم ستة أطفال أمس جراء غارات روسية على قرى في محافظة إدلب.", "Air/drone strike"),
    ("ارتكبت الطائرات الحربية مجزرة بغارات على سوق في مدينة معرة النعمان.", "Air/drone strike"),
    ("قتل عشرة مدنيين في هجوم صاروخي على حي سكني في مدينة حلب.", "Shelling/artillery/missile attack"),
    ("استهدفت غارة جوية حافلة في سوق مدينة صعدة. وقالت منظمة الصليب الأحمر إن 29 طفلا قتلوا في الهجوم.",
     "Air/drone strike"),
    ("انفجرت عبوة ناسفة بدورية للشرطة في مدينة الرمادي. وأفاد مصدر أمني بأن ثلاثة من عناصر الدورية قتلوا في "
     "الهجوم.", "Remote explosive/landmine/IED"),
])
def test_kind_strike_with_civilian_victims_or_told_before(pipeline: Pipeline, text: str, sub: str) -> None:
    assert _kinds(_events(pipeline, text)) == [("Explosions/Remote violence", sub)]


# a word that refers back to the strike told before (الهجوم) with another source's toll: one event with both figures
@pytest.mark.parametrize(("text", "values"), [
    ("انفجرت عبوة ناسفة بدورية للجيش قرب مدينة الفلوجة، ما أدى إلى مقتل جنديين. وتبنى تنظيم داعش الهجوم، زاعما "
     "أنه أسفر عن مقتل ستة جنود.", [2, 6]),
    ("شنت طائرة مسيرة غارة على سيارة قرب مدينة مأرب فقتلت ثلاثة أشخاص. وقالت جماعة الحوثي إن الهجوم أسفر عن مقتل "
     "خمسة من عناصرها.", [3, 5]),
])
def test_happenings_claim_with_another_toll_is_one_event(pipeline: Pipeline, text: str, values: list[int]) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1
    assert sorted(c.value for c in events[0].counts) == values


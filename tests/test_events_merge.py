"""One event per happening (events/merge.py): a happening told again by another source, with its own toll, by
its attacker and by the agency that counts its dead, or on a source's word, is one event; sentences written for
these tests."""

from __future__ import annotations

from dataclasses import replace

import pytest

from rasd.events import MergeHint, merge_same
from rasd.events.rules import PlaceRule
from rasd.pipeline import Pipeline
from rasd.records import Event


def _events(pipeline: Pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_text(text, source="test", published="2024-03-10").events


def _violent(pipeline: Pipeline, text: str) -> list[Event]:
    """The events ACLED codes (the violent ones among them, in these texts)."""
    return [e for e in _events(pipeline, text) if e.acled_event_type is not None]


def _values(ev: Event) -> set[int]:
    return {c.value for c in ev.counts if c.kind == "killed"}


# another source's toll of the strike told before, by a definite word (القصف، التفجير، الغارة): one event with
# both tolls (FORMAT.md: two sources giving different tolls for the same event keep both counts in it)
@pytest.mark.parametrize(("text", "tolls"), [
    ("قتل 20 شخصا في قصف على مخيم للنازحين قرب مدينة الفاشر. وقالت الأمم المتحدة إن القصف أسفر عن مقتل 25 "
     "شخصا على الأقل.", {20, 25}),
    ("أدى انفجار سيارة مفخخة في سوق مدينة منبج إلى مقتل 9 أشخاص، بحسب مصادر محلية. وأكدت وزارة الصحة أن حصيلة "
     "التفجير بلغت 11 قتيلا.", {9, 11}),
    ("استهدفت غارة جوية سوقا شعبيا في مدينة صعدة فقتلت 12 شخصا. ونقلت وكالة الأنباء عن مسؤول صحي قوله إن الغارة "
     "أودت بحياة 15 شخصا.", {12, 15}),
    ("تقصف المدفعية بلدة سرمين منذ الصباح، ما أوقع أربعة قتلى. ويقول ناشطون إن القصف قتل ستة مدنيين.", {4, 6}),
])
def test_merge_another_sources_toll_is_one_event(pipeline: Pipeline, text: str, tolls: set[int]) -> None:
    events = _events(pipeline, text)
    assert len(events) == 1
    assert _values(events[0]) == tolls


# a strike told once with its attacker and once with the agency or the victims that report it: the agency is no
# side of the strike, so the two do not name two sides
@pytest.mark.parametrize("text", [
    "شنت طائرة مسيرة غارة على مركز لإيواء المهاجرين في تاجوراء. وقالت الأمم المتحدة إن الغارة على المركز "
    "قتلت 30 مهاجرا.",
    "قصفت القوات الروسية سوقا في مدينة معرة النعمان فقتلت 14 مدنيا. وأفاد الدفاع المدني السوري بأن فرقه انتشلت "
    "جثث 14 شخصا من تحت أنقاض القصف في معرة النعمان.",
    "سقطت قذائف أطلقتها قوات حفتر على مطار معيتيقة صباح اليوم. وقالت بعثة الأمم المتحدة إن القذائف التي سقطت "
    "على مطار معيتيقة أصابت مدرج الطائرات.",
])
def test_merge_reporting_agency_is_no_other_side(pipeline: Pipeline, text: str) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1


def test_merge_keeps_the_attacker_over_the_agency(pipeline: Pipeline) -> None:
    events = _events(pipeline, "قتل 14 مدنيا في قصف على سوق مدينة معرة النعمان، بحسب الدفاع المدني السوري. وأوضح "
                               "المرصد أن الطائرات الحربية التي نفذت القصف على معرة النعمان تابعة للقوات الروسية.")
    violent = [e for e in events if e.acled_event_type is not None]
    assert len(violent) == 1
    assert "russia-forces" in {a.id for a in (violent[0].actor1, violent[0].actor2) if a}


# a call told in the headline and again in the body, by the envoy and by his organisation: one call
@pytest.mark.parametrize("text", [
    "سلامة يدعو إلى هدنة في طرابلس\nدعا المبعوث الأممي إلى ليبيا غسان سلامة، اليوم، إلى هدنة إنسانية في طرابلس.",
    "الأمم المتحدة تدعو إلى هدنة في طرابلس\nدعا المبعوث الأممي غسان سلامة أطراف القتال إلى هدنة إنسانية في "
    "طرابلس.",
])
def test_merge_headline_call_by_envoy_and_organisation_is_one(pipeline: Pipeline, text: str) -> None:
    assert [e.plover for e in _events(pipeline, text)] == ["REQUEST"]


# and what stays two: a strike told as another one, or on another day
@pytest.mark.parametrize("text", [
    "قتل 3 أشخاص في غارة على مدينة دوما. وقتل 5 آخرون في غارة أخرى على مدينة دوما.",
    "قتل 4 أشخاص في قصف على مدينة حلب يوم الاثنين. ويوم الثلاثاء، أسفر القصف على مدينة حلب عن مقتل 7 أشخاص.",
])
def test_merge_another_strike_stays_apart(pipeline: Pipeline, text: str) -> None:
    assert len(_events(pipeline, text)) == 2


# the strike a statement or a call is about, told by a definite word (دعت إلى تحقيق في الغارة، أدانت الغارة):
# the strike told before, with the figures its sentence adds; the speaker is no side of it
@pytest.mark.parametrize(("text", "attacker"), [
    ("قتل 7 أشخاص في غارة شنتها طائرات التحالف على حافلة في مدينة صعدة. ودعت الحكومة الأمريكية لتحقيق \"مستقل\" "
     "بشأن الغارة، وأوضح بيان لها أن التقارير تشير إلى سقوط ثلاثة قتلى مدنيين.", "saudi-coalition"),
    ("قصفت القوات الروسية سوقا في بلدة سراقب فقتلت 11 مدنيا. وطالبت الحكومة التركية بفتح تحقيق مستقل في القصف، "
     "مشيرة إلى أن عدد القتلى بلغ 13 مدنيا.", "russia-forces"),
    ("شن الجيش الإسرائيلي غارة على منزل في مدينة خان يونس أوقعت خمسة قتلى. وأدانت الحكومة المصرية بأشد العبارات "
     "الغارة على المنزل، وقالت إنها أودت بحياة ستة أشخاص.", "idf"),
])
def test_merge_strike_a_statement_is_about_is_the_one_told(pipeline: Pipeline, text: str, attacker: str) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    sides = {a.id for a in (violent[0].actor1, violent[0].actor2) if a}
    assert attacker in sides
    assert not sides & {"gov-us", "gov-turkey", "gov-egypt"}


# the same toll at the same place, whoever each telling names as the side that struck: one strike
@pytest.mark.parametrize("text", [
    "قالت حكومة الوفاق إن قصفا استهدف مطار معيتيقة أسفر عن مقتل شرطي وإصابة ثلاثة. وأكد شهود أن مليشيات حفتر "
    "قصفت مطار معيتيقة ما أدى إلى مقتل شرطي وإصابة ثلاثة.",
    "أعلنت وزارة الدفاع السورية أن قصفا طال بلدة كفرنبل وقتل أربعة مدنيين. وقال المرصد إن الطائرات الروسية قصفت "
    "بلدة كفرنبل فقتلت أربعة مدنيين.",
])
def test_merge_same_toll_same_place_is_one_strike(pipeline: Pipeline, text: str) -> None:
    assert len(_violent(pipeline, text)) == 1


# a strike told first with its town and no figures, then by a definite word in a district the gazetteer does not
# know, with its figures: one strike, at the town the report names
@pytest.mark.parametrize("text", [
    "هجوم انتحاري يهز مقديشو\nقالت الشرطة إن انتحاريا فجر سيارة مفخخة قرب مبنى حكومي في مقديشو. وأوضح مسؤول أن "
    "التفجير الذي وقع في منطقة طرطيغلي الغربية أسفر عن مقتل 4 جنود.",
    "انفجرت عبوة ناسفة في مدينة كركوك صباح اليوم. وقال مصدر أمني إن الانفجار الذي وقع في حي الواسطي الجديد أدى "
    "إلى إصابة ستة أشخاص.",
])
def test_merge_definite_retelling_in_an_unknown_district(pipeline: Pipeline, text: str) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    assert violent[0].counts


# a battle told once with one side and once with the other (or with a side that joined it), at one place: one
# battle; a strike by each side at one place stays two
@pytest.mark.parametrize("text", [
    "اشتبكت قوات حكومة الوفاق مع مسلحين في منطقة جنزور. وأفاد شهود بأن مواجهات عنيفة دارت في جنزور شارك فيها "
    "الجيش الوطني الليبي.",
    "أصيب جنديان في مواجهات مع مسلحي حركة الشباب قرب مدينة بلدوين. وذكرت الحكومة أن الجيش الصومالي خاض مواجهات "
    "عنيفة قرب بلدوين.",
    "تخوض قوات الجيش العراقي مواجهات مع مسلحي داعش قرب مدينة تكريت. وقال مصدر عسكري إن قوات الحشد الشعبي تشارك "
    "في مواجهات عنيفة قرب تكريت.",
])
def test_merge_battle_told_with_each_side_is_one(pipeline: Pipeline, text: str) -> None:
    assert [e.acled_event_type for e in _events(pipeline, text)] == ["Battles"]


def test_merge_strike_by_each_side_stays_two(pipeline: Pipeline) -> None:
    events = _events(pipeline, "قصفت الطائرات الإسرائيلية مدينة رفح. وأطلقت حركة حماس صواريخ من مدينة رفح.")
    assert len(events) == 2


# a headline that names no place, told again in the body with its place: one event, at the body's place
@pytest.mark.parametrize(("text", "place"), [
    ("تعزيزات لقوات الوفاق\nدفعت حكومة الوفاق بتعزيزات عسكرية إلى محور عين زارة جنوبي طرابلس.", "Ain Zara"),
    ("الأمم المتحدة تدعو إلى هدنة\nدعت بعثة الأمم المتحدة في ليبيا إلى هدنة إنسانية في طرابلس.", "Tripoli"),
    ("الجيش يرسل تعزيزات جديدة\nأرسل الجيش السوداني تعزيزات عسكرية إلى مدينة الأبيض.", "El Obeid"),
])
def test_merge_unplaced_headline_takes_the_bodys_place(pipeline: Pipeline, text: str, place: str) -> None:
    events = _events(pipeline, text)
    assert [e.location.name_en if e.location else None for e in events] == [place]


# a happening told twice, each telling naming a party the other leaves out: the merged event keeps its sides and
# the further party as another actor (never dropped, never made a side of its own)
@pytest.mark.parametrize(("text", "sides", "further"), [
    ("اشتباكات بين الجيش الوطني الليبي وقوات حكومة الوفاق جنوب طرابلس\nقتل أربعة مقاتلين في اشتباكات اندلعت جنوب "
     "طرابلس بين قوات حكومة الوفاق وكتيبة ثوار طرابلس من جهة وقوات الجيش الوطني الليبي من جهة أخرى.",
     {"lna", "gna"}, "trb"),
    ("قصفت القوات الروسية بلدة سرمين بريف إدلب فقتلت ثلاثة مدنيين. وفي سرمين أيضا، قتل ثلاثة مدنيين في قصف لقوات "
     "النظام السوري والقوات الروسية.", {"russia-forces", "civilians-sy"}, "saa"),
])
def test_merge_keeps_a_further_party_as_other_actor(pipeline: Pipeline, text: str, sides: set[str],
                                                    further: str) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    assert {a.id for a in (violent[0].actor1, violent[0].actor2) if a} == sides
    assert further in {a.id for a in violent[0].other_actors}


# a headline that names no side, told again in the body with its sides: the event takes the body's sides
@pytest.mark.parametrize(("text", "sides"), [
    ("غارات جوية على مدينة صعدة\nشن طيران التحالف بقيادة السعودية غارات جوية على مواقع لجماعة الحوثي في مدينة صعدة "
     "صباح اليوم.", ("saudi-coalition", "houthis")),
    ("اشتباكات عنيفة في مدينة تعز\nاندلعت اشتباكات عنيفة في مدينة تعز بين قوات الحكومة اليمنية وجماعة الحوثي.",
     ("yemen-government-forces", "houthis")),
    ("قصف على بلدة سرمين\nقصفت القوات الروسية بلدة سرمين بريف إدلب. وقال الدفاع المدني إن القصف الروسي على سرمين "
     "أدى إلى مقتل ثلاثة مدنيين.", ("russia-forces", "civilians-sy")),
])
def test_merge_headline_without_sides_takes_the_bodys(pipeline: Pipeline, text: str, sides: tuple[str, str]) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    assert (violent[0].actor1 and violent[0].actor1.id, violent[0].actor2 and violent[0].actor2.id) == sides



def _one(pipeline: Pipeline, text: str) -> Event:
    events = _events(pipeline, text)
    assert len(events) == 1
    return events[0]


# a country-wide report and a strike on one town in that country are two happenings, not one told twice (the town
# lies inside the country: `related` says so); a strike on a province and one on a town in it may be one
@pytest.mark.parametrize(("wide", "town", "apart"), [
    ("أسفرت الغارات الإسرائيلية على لبنان أمس عن 12 قتيلا.", "وشن الطيران الحربي غارة على بلدة الخيام.", True),
    ("قالت وزارة الصحة إن غارات التحالف على اليمن أوقعت 30 قتيلا خلال يومين.", "كما قصفت الطائرات مدينة زبيد.", True),
    ("شنت الطائرات الروسية عشرات الغارات في سوريا أمس.", "وقصف الطيران بلدة أريحا مساء.", True),
    ("قصفت الطائرات الروسية قرى في محافظة إدلب أمس.", "وقصف الطيران بلدة أريحا مساء.", False),
])
def test_merge_country_wide_report_and_a_town_strike_stay_two(pipeline: Pipeline, wide: str, town: str,
                                                               apart: bool) -> None:
    events = [_one(pipeline, wide), _one(pipeline, town)]
    hints = [MergeHint(False, PlaceRule.CLAUSE)] * 2
    assert len(merge_same(events, hints, lambda a, b: True)) == (2 if apart else 1)


def test_merge_country_wide_report_and_a_town_strike_in_a_report(pipeline: Pipeline) -> None:
    events = _events(pipeline, "شنت الطائرات الروسية عشرات الغارات في سوريا أمس. وقصف الطيران بلدة أريحا مساء.")
    assert [e.location.id if e.location else None for e in events] == ["sy", events[1].location.id]
    assert len(events) == 2


# a happening told twice, the second telling naming allies beside one of the sides (قوات X وألوية Y خاضت …،
# مقاتلات أمريكية وبريطانية): the merged event keeps them as further actors, whether the second telling merges
# into the first or goes on telling it from the sentence before
@pytest.mark.parametrize(("text", "sides", "ally"), [
    ("اندلعت اشتباكات عنيفة بين قوات الحكومة اليمنية وجماعة الحوثي في مديرية حيس. وقالت مصادر محلية إن قوات "
     "الحكومة اليمنية وألوية العمالقة خاضت اشتباكات مع الحوثيين في حيس.",
     {"yemen-government-forces", "houthis"}, "giants-brigades"),
    ("شنت طائرات أمريكية غارات على مواقع لجماعة الحوثي في مدينة الحديدة. وقال مسؤول إن مقاتلات أمريكية وبريطانية "
     "شنت غارات على مواقع الحوثيين في الحديدة.", {"us-forces", "houthis"}, "uk-forces"),
    ("قتل خمسة مقاتلين في اشتباكات بين قوات الدعم السريع والجيش السوداني في مدينة الأبيض. وذكر شهود أن الجيش "
     "السوداني وقوات درع السودان تصدوا للهجوم على الأبيض.", {"rsf", "saf"}, "sudan-shield-forces"),
    ("سيطرت القوات العراقية على بلدة الرطبة غربي الأنبار بعد معارك مع تنظيم داعش. وقال قائد العمليات إن قطعات "
     "الجيش العراقي والحشد الشعبي اقتحمت مركز البلدة صباح اليوم.", {"isf", "islamic-state"}, "pmf"),
])
def test_merge_keeps_the_allies_the_second_telling_names(pipeline: Pipeline, text: str, sides: set[str],
                                                         ally: str) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    assert {a.id for a in (violent[0].actor1, violent[0].actor2) if a} == sides
    assert ally in {a.id for a in violent[0].other_actors}


# a statement about a strike told before (احتجت الحكومة على غارة شنتها القوات X …، قتلت خلالها … مسلحا): the sides
# its object names after the word for the strike stay with the strike; its speaker, named before, is none of them
@pytest.mark.parametrize(("text", "further", "speaker"), [
    ("قتل ستة مدنيين في غارة جوية أمريكية على حي سكني في مدينة الفلوجة. واحتجت الحكومة العراقية على غارة شنتها "
     "القوات الأمريكية على الفلوجة، قتلت خلالها القوات الأمريكية 20 مسلحا.", "unidentified-armed-group-iq",
     "iraq-government"),
    ("قتل أربعة مدنيين في قصف تركي على قرية قرب مدينة تل رفعت. وأدانت الحكومة السورية قصفا نفذه الجيش التركي على "
     "تل رفعت، قتل خلاله الجيش التركي 12 مقاتلا من قوات سوريا الديمقراطية.", "sdf", "syria-government"),
    ("قتل ثلاثة أطفال في غارة إسرائيلية على مدينة رفح. واحتجت الحكومة الفلسطينية بغارة شنها الجيش الإسرائيلي على "
     "رفح، قتل خلالها الجيش الإسرائيلي 7 من مقاتلي حركة حماس.", "hamas", "palestinian-authority"),
])
def test_merge_statement_object_keeps_the_sides_it_names(pipeline: Pipeline, text: str, further: str,
                                                         speaker: str) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    actors = {a.id for a in (violent[0].actor1, violent[0].actor2, *violent[0].other_actors) if a}
    assert further in actors
    assert speaker not in actors


# a strike told only as what a statement condemns (ندد بغارة شنها X، أدان هجوما شنته Y): its speaker, named before
# the word for the strike, is none of its sides (before, the speaker was made the strike's actor1)
@pytest.mark.parametrize(("text", "attacker", "speaker"), [
    ("ونددت الحكومة المصرية بغارة شنها الجيش الإسرائيلي على مدينة رفح، قتل خلالها سبعة فلسطينيين.", "idf",
     "gov-egypt"),
    ("وأدان الاتحاد الأفريقي هجوما شنته قوات الدعم السريع على مدينة الفاشر، قتل خلاله عشرة مدنيين.", "rsf", "au"),
    ("وأدان المبعوث الأممي هجوما شنته قوات الدعم السريع على مدينة الأبيض، قتل خلاله ستة مدنيين.", "rsf", "un"),
])
def test_merge_statement_speaker_is_no_side_of_the_strike(pipeline: Pipeline, text: str, attacker: str,
                                                          speaker: str) -> None:
    violent = _violent(pipeline, text)
    assert len(violent) == 1
    assert violent[0].actor1 is not None and violent[0].actor1.id == attacker
    actors = {a.id for a in (violent[0].actor1, violent[0].actor2, *violent[0].other_actors) if a}
    assert speaker not in actors


# one telling took the attacker for the target (A2), the other names it as the attacker (A1): the merged event has
# it once, as A1, and the other telling's target as A2 (before, the same actor was both sides)
@pytest.mark.parametrize("text", [
    "قتلت قوات الدعم السريع عشرة مدنيين في مدينة الفاشر.",
    "قصف الطيران الحوثي مواقع للجيش اليمني في مدينة مأرب.",
    "أطلقت الشرطة العراقية النار على متظاهرين في مدينة البصرة.",
])
def test_merge_one_actor_is_never_both_sides(pipeline: Pipeline, text: str) -> None:
    ev = _violent(pipeline, text)[0]
    assert ev.actor1 is not None and ev.actor2 is not None
    told_as_target = replace(ev, actor1=None, actor2=ev.actor1)
    merged = merge_same([told_as_target, ev], [MergeHint(False, PlaceRule.CLAUSE)] * 2, lambda a, b: True)
    assert len(merged) == 1
    assert (merged[0].actor1, merged[0].actor2 and merged[0].actor2.id) == (ev.actor1, ev.actor2.id)

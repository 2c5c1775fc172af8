"""Roles by function: a generic name of another country's forces or government is no actor of a document
about this one, and whom a call or a charge addresses is its second side. All sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import DocumentRecord


def _record(pipeline: Pipeline, text: str) -> DocumentRecord:
    return pipeline.extract_text(text, source="test", published="2024-03-05")


def _actor_ids(rec: DocumentRecord) -> set[str]:
    return {m.ref for m in rec.mentions if m.kind == "actor" and m.ref}


# an alias the forces of several countries share needs the document's country
@pytest.mark.parametrize(("text", "present", "absent"), [
    ("تجددت المعارك أمس بين قوات حكومة الوفاق وقوات الجيش الوطني الليبي جنوب طرابلس.", "lna",
     "yemen-government-forces"),
    ("أعلنت القيادة العامة للجيش السوري أن قواتها قصفت مواقع للمسلحين في ريف إدلب.", "saa", "lna"),
    ("اتهمت وزارة الإعلام في الحكومة المعترف بها دوليا جماعة الحوثي بقصف أحياء سكنية في تعز.", "houthis", "gna"),
    ("قال المتحدث باسم القيادة العامة إن الجيش السوداني استعاد السيطرة على مدينة ود مدني.", "saf", "lna"),
])
def test_roles_generic_alias_needs_the_documents_country(pipeline: Pipeline, text: str, present: str,
                                                         absent: str) -> None:
    ids = _actor_ids(_record(pipeline, text))
    assert present in ids and absent not in ids


# the addressee of a call or a charge is its second side, never its first
@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    # (the Secretary-General unnamed: the organisation of his title speaks)
    # ("all the parties" name no one: no second side)
    ("دعا الأمين العام للأمم المتحدة جميع الأطراف في ليبيا إلى وقف فوري لإطلاق النار.", "un", None),
    # (the ministry of the government the document's country recognizes: that government speaks)
    ("اتهمت وزارة الإعلام في الحكومة المعترف بها دوليا جماعة الحوثي بقصف أحياء سكنية في تعز.", "yemen-government",
     "houthis"),
    ("وطالب المتحدث باسم حكومة الوفاق المجتمع الدولي بوقف دعم قوات حفتر.", "gna", "international-community"),
    ("وحثت بعثة الأمم المتحدة للدعم في ليبيا كافة الأطراف المتحاربة على الالتزام بالهدنة في طرابلس.", "unsmil",
     None),  # (the warring parties of the document's country name no one in particular)
])
def test_roles_addressee_of_a_speech_act_is_actor2(pipeline: Pipeline, text: str, actor1: str | None,
                                                   actor2: str | None) -> None:
    ev = next(e for e in _record(pipeline, text).events if e.plover in ("REQUEST", "ACCUSE"))
    assert (ev.actor1.id if ev.actor1 else None, ev.actor2.id if ev.actor2 else None) == (actor1, actor2)


# a name a supporting phrase describes is not the side that acts (طيران أجنبي داعم لقوات X is not X)
@pytest.mark.parametrize(("text", "wrong", "target"), [
    ("قصف طيران أجنبي داعم لقوات حفتر مواقع لقوات الوفاق في غريان.", "lna", "gna"),
    ("شنت طائرات مسيرة داعمة لقوات الدعم السريع غارات على مواقع للجيش السوداني في مدينة الأبيض.", "rsf", "saf"),
    ("قصفت مقاتلات أجنبية مساندة لحكومة الوفاق مواقع لقوات حفتر قرب مدينة سرت.", "gna", "lna"),
])
def test_roles_supported_force_is_not_the_attacker(pipeline: Pipeline, text: str, wrong: str, target: str) -> None:
    ev = next(e for e in _record(pipeline, text).events if e.acled_event_type)
    assert ev.actor1 is None or ev.actor1.id != wrong
    assert ev.actor2 is not None and ev.actor2.id == target


# the organisation that only reports a figure, by its spokesman or director, is the source, not a side
@pytest.mark.parametrize(("text", "source"), [
    ("وقال مدير المرصد السوري لحقوق الإنسان إن غارة جوية قتلت ستة مدنيين في بلدة معرة النعمان.", "sohr"),
    ("وقال أحمد العلي، المتحدث باسم اللجنة الدولية للصليب الأحمر، إن قذيفة سقطت على مستودع للأدوية في تعز.",
     "icrc"),
    ("وأحصى المرصد السوري مقتل 40 مقاتلا في اشتباكات بريف حلب.", "sohr"),
])
def test_roles_reporter_is_the_source_not_an_actor(pipeline: Pipeline, text: str, source: str) -> None:
    rec = _record(pipeline, text)
    ev = next(e for e in rec.events if e.acled_event_type)
    sides = {a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a is not None}
    assert source not in sides and ev.source_attribution


# a name a known force belongs to is not another side; after a word the dictionary does not know it is the side
@pytest.mark.parametrize(("text", "actor1", "absent"), [
    ("شنت قوات الحزام الأمني التابعة للمجلس الانتقالي الجنوبي هجوما على مواقع لتنظيم القاعدة في أبين.",
     "security-belt", "stc"),
    ("قتل عنصران من وحدات محلية مرتبطة بحزب العمال الكردستاني في غارة تركية قرب سنجار.", "turkey-forces", "pkk"),
    ("قصف الطيران الحربي التابع للجيش السوداني سوقا في مدينة نيالا.", "saf", None),
])
def test_roles_belonging_phrase(pipeline: Pipeline, text: str, actor1: str, absent: str | None) -> None:
    ev = next(e for e in _record(pipeline, text).events if e.acled_event_type)
    sides = {a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a is not None}
    assert ev.actor1 is not None and ev.actor1.id == actor1 and absent not in sides


# the organisation whose building hosts a meeting is no party to it; the building's city is its place
@pytest.mark.parametrize(("text", "absent", "place"), [
    ("وقع ممثلو الحكومة والمعارضة اتفاقا لوقف إطلاق النار في مقر الأمم المتحدة بجنيف.", "un", "Geneva"),
    ("عقد وزراء الخارجية العرب اجتماعا طارئا في مقر جامعة الدول العربية بالقاهرة لبحث الحرب في غزة.",
     "arab-league", "Cairo"),
    ("التقى الوسطاء بوفد الحركة في مبنى الاتحاد الأفريقي في أديس أبابا.", "au", "Addis Ababa"),
])
def test_roles_seat_of_a_meeting_is_no_party(pipeline: Pipeline, text: str, absent: str, place: str) -> None:
    ev = _record(pipeline, text).events[0]
    sides = {a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a is not None}
    assert absent not in sides and ev.location is not None and ev.location.name_en == place


# victims are the civilians' side only when the text tells them as civilians (or children, women), not as
# journalists, medics or migrants
@pytest.mark.parametrize(("text", "civilians"), [
    ("قتل ثلاثة صحفيين في قصف مدفعي استهدف مقر قناة محلية في مدينة أم درمان.", False),
    ("قتل أربعة مهاجرين في هجوم على مركز احتجاز في مدينة الزاوية.", False),
    ("قتل خمسة مدنيين في قصف مدفعي على سوق شعبي في مدينة الفاشر.", True),
])
def test_roles_civilian_victims_only_when_told_as_civilians(pipeline: Pipeline, text: str, civilians: bool) -> None:
    ev = next(e for e in _record(pipeline, text).events if e.acled_event_type)
    assert (ev.actor2 is not None and ev.actor2.id.startswith("civilians-")) is civilians


# any actor that tells of a happening with its own subject (قالت الشرطة إن سيارة انفجرت) is its source; one
# that tells of itself (إنها اعتقلت، أنه قصف) is its actor (own sentences)
@pytest.mark.parametrize(("text", "speaker", "is_actor"), [
    ("قالت الشرطة العراقية إن سيارة مفخخة انفجرت قرب سوق شعبي في مدينة كركوك مما أدى إلى مقتل أربعة أشخاص.",
     "isf", False),
    ("وأفادت قوات الأمن بأن مسلحين هاجموا نقطة تفتيش في مدينة الرمادي وقتلوا جنديين.", "security-forces-iq", False),
    ("وقال الجيش السوداني إن طائرة مسيرة قصفت محطة كهرباء في مدينة عطبرة.", "saf", False),
    ("وقالت الشرطة العراقية إنها اعتقلت خمسة مشتبه بهم في مدينة كركوك.", "isf", True),
    ("وأعلن الجيش السوداني أنه قصف مواقع لقوات الدعم السريع في مدينة الفاشر.", "saf", True),
])
def test_roles_speaker_of_another_subjects_happening_is_its_source(pipeline: Pipeline, text: str, speaker: str,
                                                                  is_actor: bool) -> None:
    rec = _record(pipeline, text)
    ev = rec.events[0]
    sides = {a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a is not None}
    assert (speaker in sides) == is_actor, sides


# the subject of a speech verb right after it (SVO), with a said clause of its own, is the source of what it says,
# wherever the happening is told; a said clause about itself (إنها، إنه) keeps it an actor
@pytest.mark.parametrize(("text", "speaker", "is_actor"), [
    ("قتل خمسة مسلحين في غارة أمريكية قرب مدينة الفلوجة، لكن الشرطة العراقية ذكرت أن عدد القتلى بلغ ثلاثة فقط.",
     "isf", False),
    ("أصيب ستة أشخاص في انفجار عبوة ناسفة في سوق مدينة بعقوبة، والجيش العراقي قال إن الانفجار استهدف دورية.",
     "isf", False),
    ("سقطت قذيفتان على حي سكني في مدينة الرمادي، والشرطة العراقية أكدت أن القذيفتين أصابتا منزلين.", "isf", False),
    ("اشتبكت الشرطة العراقية مع مسلحين قرب مدينة الرمادي، والشرطة قالت إنها قتلت اثنين منهم.", "isf", True),
])
def test_roles_speaker_named_before_its_verb_is_the_source(pipeline: Pipeline, text: str, speaker: str,
                                                           is_actor: bool) -> None:
    ev = next(e for e in _record(pipeline, text).events if e.acled_event_type)
    sides = {a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a is not None}
    assert (speaker in sides) == is_actor, sides


# a violent happening whose sides are named only where a later sentence tells it again (ونشبت الاشتباكات بين …،
# واستهدفت الغارات …) takes them from there; not a force only linked to a side (على صلة بـ…، بالتنسيق مع …): the
# gunmen it describes are the side
@pytest.mark.parametrize(("text", "sides"), [
    ("اندلعت اشتباكات عنيفة صباح اليوم عند مدخل مدينة غريان. ونشبت الاشتباكات بين قوات الجيش الوطني الليبي وقوات "
     "حكومة الوفاق.", {"lna", "gna"}),
    ("شنت طائرات حربية غارات على مدينة صعدة فجر اليوم. واستهدفت الغارات مواقع لجماعة الحوثي قرب المدينة، وقالت "
     "مصادر محلية إن طيران التحالف بقيادة السعودية نفذها.", {"saudi-coalition", "houthis"}),
    ("دارت معارك عنيفة جنوب مدينة سرت منذ فجر الخميس. واندلعت المعارك بين قوات حكومة الوفاق وقوات الجيش الوطني "
     "الليبي على طريق المطار.", {"lna", "gna"}),
    ("وقعت اشتباكات مسلحة قرب مدينة الرمادي ليلة أمس. وقتل اثنان في الاشتباكات التي خاضتها القوات الأمنية العراقية "
     "مع مسلحين على صلة بتنظيم الدولة الإسلامية.", {"isf", "unidentified-armed-group-iq"}),
])
def test_roles_sides_named_where_the_happening_is_told_again(pipeline: Pipeline, text: str, sides: set[str]) -> None:
    violent = [e for e in _record(pipeline, text).events if e.acled_event_type]
    assert len(violent) == 1
    assert {a.id for a in (violent[0].actor1, violent[0].actor2, *violent[0].other_actors) if a} == sides


# a meeting told again (وحضر اللقاء …، وشارك في الاجتماع …) names more of those who took part: they join its
# actors, not the organisation of a person's title (عضو المجلس الرئاسي فلان)
@pytest.mark.parametrize(("text", "others", "absent"), [
    ("التقى فايز السراج الرئيس التركي رجب طيب أردوغان في أنقرة يوم الاثنين. وحضر اللقاء من الجانب الليبي عضو "
     "المجلس الرئاسي موسى الكوني.", {"musa-koni"}, "presidential-council"),
    ("اجتمع الرئيس التركي رجب طيب أردوغان مع فايز السراج في إسطنبول. وشارك في الاجتماع وزير الخارجية التركي مولود "
     "جاويش أوغلو والأمين العام للأمم المتحدة أنطونيو غوتيريش.", {"cavusoglu", "guterres"}, "un"),
    ("عقد فايز السراج محادثات مع أنطونيو غوتيريش في نيويورك أمس. وانضم إلى المحادثات لاحقا المفوض بوزارة الخارجية "
     "محمد الطاهر سيالة.", {"siala"}, "mofa-ly"),
])
def test_roles_meeting_told_again_names_more_participants(pipeline: Pipeline, text: str, others: set[str],
                                                         absent: str) -> None:
    ev = _record(pipeline, text).events[0]
    ids = {a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a}
    assert others <= ids and absent not in ids, ids


# the organisation of an official's title, with his name after it (وزير الخارجية في حكومة X، فلان): the official
# makes the call himself, not his government; a spokesman (المتحدث باسم X، فلان) speaks in its name
@pytest.mark.parametrize(("text", "actor1", "absent"), [
    ("وطالب وزير الخارجية في حكومة الوفاق الوطني، محمد الطاهر سيالة، بوقف فوري لإطلاق النار حول طرابلس.", "siala",
     "gna"),
    ("دعا الأمين العام للأمم المتحدة، أنطونيو غوتيريش، جميع الأطراف في ليبيا إلى وقف القتال.", "guterres", "un"),
    ("وأمر رئيس المجلس الرئاسي، فايز السراج، بفتح تحقيق في قصف مطار معيتيقة.", "sarraj", "presidential-council"),
])
def test_roles_official_named_after_his_title_is_the_speaker(pipeline: Pipeline, text: str, actor1: str,
                                                            absent: str) -> None:
    ev = next(e for e in _record(pipeline, text).events if e.acled_event_type is None)
    ids = {a.id for a in (ev.actor1, ev.actor2, *ev.other_actors) if a}
    assert ev.actor1 is not None and ev.actor1.id == actor1 and absent not in ids, ids


# a side that claims the happening in a sentence that tells it again (أعلنت حركة X مسؤوليتها عن الهجوم، تبنى تنظيم
# X الهجوم) is its first side
@pytest.mark.parametrize(("text", "claimant"), [
    ("انفجرت سيارة مفخخة قرب حاجز للجيش في مدينة مقديشو فقتلت أربعة جنود. وأعلنت حركة الشباب مسؤوليتها عن الهجوم.",
     "al-shabaab"),
    ("قتل ثلاثة جنود في هجوم على قاعدة عسكرية قرب مدينة العريش. وتبنى تنظيم الدولة الإسلامية الهجوم في بيان.",
     "islamic-state"),
    ("استهدف تفجير انتحاري سوقا شعبيا في مدينة بغداد مساء الجمعة. وأعلن تنظيم الدولة الإسلامية في بيان مسؤوليته عن "
     "التفجير.", "islamic-state"),
])
def test_roles_claimant_of_a_retold_attack_is_actor1(pipeline: Pipeline, text: str, claimant: str) -> None:
    violent = [e for e in _record(pipeline, text).events if e.acled_event_type]
    assert len(violent) == 1 and violent[0].actor1 is not None and violent[0].actor1.id == claimant


@pytest.mark.parametrize(("text", "side"), [
    # "others supporting X" (وأخرى داعمة لـX): elided forces of X's, so X is a side of the clash
    ("طرابلس - اندلعت اشتباكات عنيفة بين قوات موالية لحكومة الوحدة الوطنية وأخرى داعمة لحكومة فتحي باشاغا.",
     "gnu-east-gns"),
    ("الأبيض - اندلعت معارك بين قوات تابعة للجيش السوداني وأخرى داعمة لقوات الدعم السريع في مدينة الأبيض.", "rsf"),
    ("الزاوية - تجددت الاشتباكات بين مجموعات موالية لحكومة الوحدة الوطنية ومجموعات أخرى داعمة لحكومة فتحي باشاغا.",
     "gnu-east-gns"),
])
def test_roles_others_supporting_an_owner_make_it_a_side(pipeline: Pipeline, text: str, side: str) -> None:
    rec = pipeline.extract_text(text, published="2022-08-28").to_json()
    assert side in {(ev[k] or {}).get("id") for ev in rec["events"] for k in ("actor1", "actor2")}, rec["events"]


def test_roles_a_supporting_phrase_alone_stays_a_description(pipeline: Pipeline) -> None:
    # (drones supporting X, no "others": X only describes them)
    rec = pipeline.extract_text("الأبيض - قصفت طائرات مسيرة داعمة لقوات الدعم السريع مواقع للجيش السوداني في مدينة "
                                "الأبيض.", published="2024-05-02").to_json()
    assert "rsf" not in {(ev[k] or {}).get("id") for ev in rec["events"] for k in ("actor1", "actor2")}


# an organisation that tells of its own act (أعلن X أنه وزع، قالت X إنها أجلت) is its actor, not its source
@pytest.mark.parametrize(("text", "actor"), [
    ("أعلن برنامج الأغذية العالمي أنه وزع مساعدات غذائية على 50 ألف نازح في مأرب.", "wfp"),
    ("وأعلنت المنظمة الدولية للهجرة أنها وزعت مساعدات على الأسر النازحة في مدينة الحديدة.", "iom"),
    ("وقالت الأمم المتحدة إنها أرسلت فرقا طبية إلى مستشفيات مدينة طرابلس.", "un"),
])
def test_roles_organisation_telling_its_own_act_is_its_actor(pipeline: Pipeline, text: str, actor: str) -> None:
    ev = next(e for e in _record(pipeline, text).events if e.plover == "AID")
    assert ev.actor1 is not None and ev.actor1.id == actor and ev.source_attribution is None


# "all the parties" a call or a truce addresses name no one in particular: never an actor of the event
@pytest.mark.parametrize("text", [
    "وناشد رئيس الوزراء العراقي الأطراف المتنازعة في كركوك وقف الاشتباكات فورا.",
    "وطالبت منظمة العفو الدولية كافة الأطراف السورية بتجنيب المدنيين ويلات القتال في إدلب.",
    "وتوسطت بعثة الأمم المتحدة في ليبيا لعقد هدنة بين الأطراف المتحاربة في مدينة الزاوية.",
    "ودعا الاتحاد الأفريقي جميع الأطراف في السودان إلى العودة إلى طاولة المفاوضات.",
])
def test_roles_all_parties_name_no_actor(pipeline: Pipeline, text: str) -> None:
    rec = _record(pipeline, text)
    assert any(i.startswith("all-parties") for i in _actor_ids(rec))  # (the dictionary still reads the words)
    ids = _sides(rec)
    assert rec.events and not any(i.startswith("all-parties") for i in ids), ids


# a name only referred to, by a resolution, a summit or an initiative of its own, is no actor of the event
@pytest.mark.parametrize(("text", "referred"), [
    ("وتظاهر المئات في مدينة درعا مطالبين بتنفيذ قرار مجلس الأمن الدولي الخاص بسوريا.", "un-security-council"),
    ("والتقى الرئيس الفرنسي نظيره النيجري على هامش قمة الاتحاد الأفريقي في أديس أبابا.", "au"),
    ("واجتمع ممثلو الحكومة والمعارضة في جنيف في محادثات عقدت بمبادرة الأمم المتحدة.", "un"),
    ("وطالب المحتجون في الخرطوم بتطبيق مبادرة الاتحاد الأفريقي لإنهاء الأزمة.", "au"),
])
def test_roles_referred_name_is_no_actor(pipeline: Pipeline, text: str, referred: str) -> None:
    rec = _record(pipeline, text)
    assert referred in _actor_ids(rec)  # (the name is read)
    assert rec.events and referred not in _sides(rec), _sides(rec)


def _sides(rec: DocumentRecord) -> set[str]:
    return {a.id for e in rec.events for a in (e.actor1, e.actor2, *e.other_actors) if a is not None and a.id}


# an organisation that opens its sentence and says what happened (X تقول إن …) is the source, not a side
@pytest.mark.parametrize(("text", "source"), [
    ("منظمة الصحة العالمية تقول إن 30 شخصا قتلوا في قصف على مستشفى في مدينة حلب.", "who"),
    ("واللجنة الدولية للصليب الأحمر قالت في بيان إن قذيفة سقطت على مستودع للأدوية في مدينة تعز.", "icrc"),
    ("المرصد السوري لحقوق الإنسان يؤكد أن غارات جوية قتلت 11 مدنيا في بلدة سراقب.", "sohr"),
])
def test_roles_subject_first_report_is_the_source(pipeline: Pipeline, text: str, source: str) -> None:
    rec = _record(pipeline, text)
    assert source in _actor_ids(rec) and rec.events and source not in _sides(rec)


def test_roles_subject_first_tells_of_itself_is_a_side(pipeline: Pipeline) -> None:
    # (its own pronoun opens the said clause: it tells of its own act)
    rec = _record(pipeline, "الجيش الليبي يعلن أنه قصف مواقع لتنظيم داعش قرب مدينة سرت.")
    assert "lna" in _sides(rec)


# an outlet named after its description (وكالة الأنباء الرسمية …) that reports a happening is its source
@pytest.mark.parametrize(("text", "source"), [
    ("وأشارت وكالة الأنباء الحكومية في سوريا سانا صباح اليوم إلى أن قذيفة قتلت رجلين في حي بدمشق.", "sana"),
    ("وذكرت الوكالة الرسمية للأنباء في سوريا سانا أن أربعة مدنيين قتلوا في قصف على مدينة حلب.", "sana"),
    ("وقالت وكالة الأنباء السورية الحكومية سانا إن انفجار سيارة مفخخة قتل 5 أشخاص في مدينة جبلة.", "sana"),
])
def test_roles_described_outlet_is_the_source(pipeline: Pipeline, text: str, source: str) -> None:
    rec = _record(pipeline, text)
    assert source in _actor_ids(rec) and rec.events and source not in _sides(rec)


# an organisation that tells what its own people did (أن فرقها، إن قواتها، إن طائراته) acts: it is a side
@pytest.mark.parametrize(("text", "side"), [
    ("وأعلنت منظمة الصحة العالمية أن فرقها الطبية وزعت أدوية على المستشفيات في مدينة طرابلس.", "who"),
    ("وقالت الحكومة السودانية إن قواتها قتلت 30 متمردا في هجوم على مدينة الفاشر.", "sudan-government"),
    ("وقالت المفوضية السامية للأمم المتحدة لشؤون اللاجئين في بيان إن فرقها وزعت مساعدات على الأسر في مدينة سبها.",
     "unhcr"),
    ("وأكدت الشرطة السودانية في بيان أن عناصرها اعتقلوا 12 شخصا في مدينة كسلا.", "sudan-police"),
])
def test_roles_teller_of_its_own_peoples_act_is_a_side(pipeline: Pipeline, text: str, side: str) -> None:
    assert side in _sides(_record(pipeline, text))


def test_roles_teller_of_a_happening_of_others_stays_the_source(pipeline: Pipeline) -> None:
    rec = _record(pipeline, "وقالت الشرطة العراقية إن قذيفة سقطت على سوق في مدينة كركوك فقتلت 4 أشخاص.")
    assert rec.events and "isf" not in _sides(rec)

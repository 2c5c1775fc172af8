"""Reactions to a claim, where statements are made, meetings on a trip told before, and a past perfect of a
recent happening (events/reactions.py, speech_sides.py, roles.py, place.py, background.py). Sentences written for
these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event

STATEMENTS = ("REQUEST", "ACCUSE", "REJECT", "DEMAND", "THREATEN", "SUPPORT")


def _events(pipeline: Pipeline, text: str) -> list[Event]:
    return list(pipeline.extract_text(text, source="test", published="2024-03-10").events)


def _place(ev: Event) -> str | None:
    return ev.location.name_en if ev.location is not None else None


def _id(ref: object) -> str | None:
    return getattr(ref, "id", None)


# a head that resumes the claim told before a comma (وهو ما، الأمر الذي، وهي اتهامات) and a verb of denying: the
# denial is an event of its own, its speaker named after the verb, the claim's speaker its second side, and it
# takes the place and the date of the happening the claim tells
@pytest.mark.parametrize(("text", "speaker", "claimant", "place", "date"), [
    ("وأعلن الجيش النيجيري أنه قتل 20 مسلحا في غارة على معسكر قرب مايدوغوري أمس، وهو ما نفته بوكو حرام.",
     "boko-haram", "military-ng", "Maiduguri", "2024-03-09"),
    ("واتهم الجيش التشادي مسلحي بوكو حرام بشن هجوم على جزيرة قرب إنجامينا، وهو ما تنفيه الجماعة.",
     "boko-haram", "chad-army", "N'Djamena", None),
    ("وقالت مصادر محلية إن مسلحين هاجموا قرية قرب ديفا يوم الخميس، الأمر الذي نفاه الجيش النيجري.",
     "niger-army", None, "Diffa", "2024-03-07"),
    ("اتهم الجيش النيجيري جماعة بوكو حرام بخطف عشرين طالبة من مدرسة قرب مايدوغوري، وهي اتهامات ترفضها الجماعة.",
     "boko-haram", "military-ng", "Maiduguri", None),
])
def test_reactions_claim_resumed_denial(pipeline: Pipeline, text: str, speaker: str, claimant: str | None,
                                        place: str, date: str | None) -> None:
    denials = [e for e in _events(pipeline, text) if e.plover == "REJECT"]
    assert [(_id(e.actor1), _id(e.actor2), _place(e), e.date.start, e.modality) for e in denials] \
        == [(speaker, claimant, place, date, "asserted")]


# the ما of the head negates nothing, and a speaker the dictionary does not know is never the claim's speaker
@pytest.mark.parametrize("text", [
    "وقالت الشرطة الكينية إن مسلحين هاجموا حافلة قرب غاريسا، وهو ما نفته جهات محلية.",
    "وأعلن الجيش الكاميروني أنه استعاد بلدة قرب ماروا، الأمر الذي نفاه قادة محليون.",
    "وقال الجيش التشادي إنه صد هجوما قرب إنجامينا، وهو ما تنفيه مصادر قبلية.",
])
def test_roles_resumed_denial_unknown_speaker_is_not_the_claimant(pipeline: Pipeline, text: str) -> None:
    denials = [e for e in _events(pipeline, text) if e.plover == "REJECT"]
    assert len(denials) == 1 and denials[0].modality == "asserted"
    assert _id(denials[0].actor1) not in ("police-ke", "military-cm", "chad-army")


# control: a denial told before what it denies is coded as the denied happening (modality denied), no REJECT
@pytest.mark.parametrize("text", [
    "ونفت الحكومة التشادية أن تكون قواتها قد قصفت قرية قرب إنجامينا.",
    "ونفى الجيش الكيني أن يكون قد شن غارات على مواقع قرب غاريسا.",
    "ونفى الجيش النيجيري أن تكون طائراته قد قصفت سوقا قرب مايدوغوري.",
])
def test_reactions_denial_before_the_happening_stays_folded(pipeline: Pipeline, text: str) -> None:
    events = _events(pipeline, text)
    assert [e.plover for e in events if e.plover == "REJECT"] == []
    assert any(e.modality == "denied" for e in events)


# where a statement was made (في بيان صدر في …، خلال مؤتمر صحفي عقده في …، في كلمة ألقاها في …) is not its place:
# about an incident it takes the incident's, about nothing located it keeps none
@pytest.mark.parametrize(("text", "place"), [
    ("قتل خمسة مدنيين في انفجار عبوة ناسفة قرب غاريسا أمس. وأدانت الشرطة الكينية الهجوم في مؤتمر صحفي في نيروبي.",
     "Garissa"),
    ("هاجم مسلحون من بوكو حرام قرية قرب مايدوغوري. واتهم الجيش النيجيري الجماعة بالهجوم خلال مؤتمر صحفي عقده "
     "في أبوجا.", "Maiduguri"),
    ("دعا الجيش التشادي في بيان صدر في إنجامينا جميع الأطراف إلى وقف القتال.", None),
    ("ندد الجيش الكيني بالهجمات الإرهابية في بيان أصدره في نيروبي.", None),
])
def test_reactions_venue_is_not_the_statements_place(pipeline: Pipeline, text: str, place: str | None) -> None:
    statements = [e for e in _events(pipeline, text) if e.acled_event_type is None and e.plover in STATEMENTS]
    assert statements and all(_place(e) == place for e in statements), [(e.plover, _place(e)) for e in statements]


# control: a statement whose clause places it (a locative, not an occasion) keeps its place
@pytest.mark.parametrize(("text", "place"), [
    ("وفي مدينة غاريسا، دعا الجيش الكيني السكان إلى الإبلاغ عن المشتبه بهم.", "Garissa"),
    ("وطالب الجيش النيجيري سكان القرى قرب مايدوغوري بمغادرة منازلهم.", "Maiduguri"),
    ("ودعا الجيش التشادي سكان إنجامينا إلى التزام الهدوء.", "N'Djamena"),
])
def test_reactions_locative_place_kept(pipeline: Pipeline, text: str, place: str) -> None:
    statements = [e for e in _events(pipeline, text) if e.acled_event_type is None and e.plover in STATEMENTS]
    assert statements and _place(statements[0]) == place, [(e.plover, _place(e)) for e in statements]


# a past perfect (وكان … قد) dated within days of the report is news with its own date; dated long before, or not
# dated at all, it is background
@pytest.mark.parametrize(("text", "date"), [
    ("وكان مسلحون من حركة الشباب قد هاجموا قاعدة عسكرية قرب غاريسا الأسبوع الماضي.", "2024-03-02"),
    ("وكان الجيش النيجيري قد شن غارات على مواقع لبوكو حرام قرب مايدوغوري يوم الخميس.", "2024-03-07"),
    ("وكانت القوات الكاميرونية قد استعادت السيطرة على بلدة قرب ماروا أمس الأول.", "2024-03-08"),
])
def test_background_pluperfect_recent_date_is_news(pipeline: Pipeline, text: str, date: str) -> None:
    events = [e for e in _events(pipeline, text) if e.acled_event_type is not None]
    assert [e.date.start for e in events] == [date]


@pytest.mark.parametrize("text", [
    "وكان مسلحون من حركة الشباب قد هاجموا قاعدة عسكرية قرب غاريسا عام 2019.",
    "وكان الجيش النيجيري قد شن غارات على مواقع لبوكو حرام قرب مايدوغوري في مارس 2022.",
    "وكانت القوات الكاميرونية قد سيطرت على بلدة قرب ماروا.",
])
def test_background_pluperfect_old_or_undated_stays_background(pipeline: Pipeline, text: str) -> None:
    assert [e for e in _events(pipeline, text) if e.acled_event_type is not None] == []


# a meeting on a trip abroad told a few sentences before it takes the host's country; with no trip told, none
@pytest.mark.parametrize(("text", "host", "country"), [
    ("بدأ الرئيس الصومالي حسن شيخ محمود جولة أوروبية أمس. وقال مكتبه إن الجولة تستمر أسبوعا. والتقى حسن شيخ محمود "
     "الرئيس الفرنسي إيمانويل ماكرون.", "macron", "France"),
    ("بدأ الرئيس الصومالي حسن شيخ محمود زيارة إلى أوروبا أمس. ووصل وفد أمني قبله. والتقى حسن شيخ محمود المستشار "
     "الألماني أولاف شولتس.", "scholz", "Germany"),
    ("شرع الرئيس الصومالي حسن شيخ محمود في جولة خارجية. وقال مكتبه إن الجولة تشمل ثلاث دول. واجتمع حسن شيخ محمود "
     "بالرئيس الفرنسي إيمانويل ماكرون.", "macron", "France"),
    ("التقى الرئيس الصومالي حسن شيخ محمود الرئيس الفرنسي إيمانويل ماكرون.", "macron", None),
])
def test_place_meeting_on_a_trip_told_before(pipeline: Pipeline, text: str, host: str, country: str | None) -> None:
    meetings = [e for e in _events(pipeline, text) if e.plover == "CONSULT" and _id(e.actor2) == host]
    assert [_place(e) for e in meetings] == [country]


# the time of what a call calls for (إلى هدنة بمناسبة شهر رمضان، خلال شباط/فبراير) is not the call's date; a day
# told before it is
@pytest.mark.parametrize(("text", "date"), [
    ("وكانت منظمة التعاون الإسلامي قد دعت الأطراف إلى وقف القتال احتراما لشهر رمضان.", None),
    ("ودعا الاتحاد الأفريقي إلى تمديد الهدنة المعلنة في شباط/فبراير.", None),
    ("ودعت منظمة العفو الدولية إلى التحقيق في أحداث كانون الثاني/يناير.", None),
    ("ودعا الاتحاد الأفريقي، الإثنين، إلى وقف إطلاق النار خلال شهر رمضان.", "2024-04-01"),
    ("ودعا الجيش التشادي أمس السكان إلى الابتعاد عن مواقع القتال خلال شهر رمضان.", "2024-04-04"),
])
def test_reactions_call_not_dated_by_what_it_calls_for(pipeline: Pipeline, text: str, date: str | None) -> None:
    record = pipeline.extract_text(text, source="test", published="2024-04-05")
    assert [e.date.start for e in record.events if e.plover == "REQUEST"] == [date]


# who accuses another of a happening (اتهم، حمل … مسؤولية) is none of its sides: the accused does it
@pytest.mark.parametrize(("text", "accused", "accuser"), [
    ("واتهم الجيش التشادي بوكو حرام بقتل 15 صيادا في هجوم قرب إنجامينا.", "boko-haram", "chad-army"),
    ("واتهمت الشرطة الكينية حركة الشباب بقتل ستة عمال في هجوم قرب غاريسا.", "al-shabaab", "police-ke"),
    ("وحمل الجيش النيجيري جماعة بوكو حرام مسؤولية مقتل 12 مزارعا قرب مايدوغوري.", "boko-haram", "military-ng"),
])
def test_roles_accuser_is_no_side_of_what_it_alleges(pipeline: Pipeline, text: str, accused: str,
                                                     accuser: str) -> None:
    events = _events(pipeline, text)
    happenings = [e for e in events if e.acled_event_type is not None]
    assert happenings and all(_id(e.actor1) == accused and _id(e.actor2) != accuser for e in happenings)
    assert [(_id(e.actor1), _id(e.actor2)) for e in events if e.plover == "ACCUSE"] == [(accuser, accused)]


# control: a side that tells of its own act stays its actor (أعلن الجيش أنه قتل …)
@pytest.mark.parametrize(("text", "actor"), [
    ("أعلن الجيش التشادي أنه قتل 20 مسلحا من بوكو حرام قرب إنجامينا.", "chad-army"),
    ("قال الجيش الكيني إنه قتل ثمانية من مقاتلي حركة الشباب قرب غاريسا.", "military-ke"),
    ("أعلن الجيش النيجيري أنه قتل 30 مسلحا من بوكو حرام قرب مايدوغوري.", "military-ng"),
])
def test_roles_own_act_told_keeps_its_actor(pipeline: Pipeline, text: str, actor: str) -> None:
    happenings = [e for e in _events(pipeline, text) if e.acled_event_type is not None]
    assert happenings and _id(happenings[0].actor1) == actor


# where a report's source sits (وأفادت مصادر طبية في مدينة X بأن …) is no place of the happening it reports
@pytest.mark.parametrize(("text", "seat"), [
    ("هاجم مسلحون قرية قرب مايدوغوري. وأفادت مصادر طبية في مدينة أبوجا بأن أربعة أشخاص قتلوا في الهجوم.", "Abuja"),
    ("هاجمت حركة الشباب قاعدة عسكرية قرب لامو. وأكدت مصادر أمنية في نيروبي أن خمسة جنود قتلوا.", "Nairobi"),
    ("اندلعت اشتباكات بين الجيش الكاميروني والانفصاليين قرب مدينة ماروا. وقالت مصادر طبية في مستشفى مدينة ياوندي "
     "إن ستة جنود قتلوا.", "Yaoundé"),
])
def test_place_sources_seat_after_a_speech_verb(pipeline: Pipeline, text: str, seat: str) -> None:
    places = [_place(e) for e in _events(pipeline, text)]
    assert places and seat not in places, places


# a reaction to a claim told as background (history, a past perfect with no recent date) is background too
@pytest.mark.parametrize("text", [
    "وفي عام 2019 سيطرت حركة الشباب على بلدة قرب لامو، وهو ما نفته الحكومة الكينية آنذاك.",
    "وكانت القوات الكاميرونية قد سيطرت على بلدة قرب ماروا، وهو ما نفاه الانفصاليون.",
    "وكان مسلحو بوكو حرام قد هاجموا قرية قرب مايدوغوري، الأمر الذي نفته الجماعة.",
])
def test_background_reaction_to_a_background_claim(pipeline: Pipeline, text: str) -> None:
    assert [e.plover for e in _events(pipeline, text) if e.plover == "REJECT"] == []

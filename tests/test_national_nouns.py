"""Actors by function (issue 14, items 2 and 5): a bare force noun (الجيش، الجنود، الشرطة، الحكومة) is the force
of the document's country; a title's person whose given name is a stop word too (علي); a brigade descriptor in the
plural (ألوية); the source of a figure is no party; the addressee of a call is its second actor. All sentences
are our own."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from rasd.records import is_unlinked
from rasd.resources.actors import ActorDictionary
from rasd.resources.datafiles import ResourceError


def _actors(pipeline: Any, text: str) -> tuple[list[tuple[str, str]], list[dict[str, Any]]]:
    """(mention text, actor id) of every actor mention, and the record's events."""
    a = pipeline.analyse(text, published="2024-05-02")
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    return [(m.text, m.actor.id) for m in a.actors], rec["events"]


def _event_ids(events: list[dict[str, Any]]) -> set[str]:
    return {ent.get("id") or ent.get("name_ar") for ev in events
            for ent in [ev["actor1"], ev["actor2"], *ev["actors"]] if ent}


# bare force nouns: the document's country's own force, police or government (tense, clitics, number varied)
@pytest.mark.parametrize(("text", "noun", "actor"), [
    ("اشتبك الجيش مع مسلحين مجهولين قرب مدينة ملكال في ولاية أعالي النيل.", "الجيش", "sspdf"),
    ("لقي ثلاثة جنود مصرعهم وأصيب آخرون بانفجار عبوة على طريق قرب مدينة بيدوا الصومالية.", "جنود", "somali-national-army"),
    ("واعتقلت الشرطة عشرين محتجا في مدينة عطبرة السودانية مساء الخميس.", "الشرطة", "sudan-police"),
    ("وتقدمت القوات الحكومية نحو مدينة تعز بعد معارك عنيفة مع الحوثيين.", "القوات الحكومية",
     "yemen-government-forces"),
    ("والجنود انسحبوا من مواقعهم في مدينة كادقلي بعد قصف مدفعي عنيف.", "الجنود", "saf"),
])
def test_linking_bare_force_noun_is_the_countrys_force(pipeline: Any, text: str, noun: str, actor: str) -> None:
    found, events = _actors(pipeline, text)
    assert (noun, actor) in found, found
    assert actor in _event_ids(events)


# … and nothing where the noun belongs to a longer name, another country, a person or a territory
@pytest.mark.parametrize("text", [
    "وأعلن قائد الجيش في مؤتمر صحفي بمدينة بورتسودان أن المعارك ستستمر.",       # a title: the army's commander
    "وعادت البلدة إلى سيطرة الحكومة بعد معارك قرب مدينة حماة.",                # a territory: whose control
    "وقتل الجنود الأمريكيون ثلاثة مسلحين في غارة قرب مدينة الموصل.",            # another country's soldiers
    "وتقدمت فصائل الجيش الحر نحو مدينة إدلب.",                                 # a longer name
    "قال الجيش إن الهجوم فشل.",                                                 # no country to say whose
])
def test_linking_bare_noun_of_no_one_here(pipeline: Any, text: str) -> None:
    found, _ = _actors(pipeline, text)
    bare = {"الجيش", "الحكومة", "الجنود"}
    assert not [(t, i) for t, i in found if t in bare], found


def test_actors_national_role_must_be_defined(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(
        "country: SD\nactors:\n  - {id: x-army, name_en: X army, name_ar: جيش إكس, kind: state_forces, "
        "national: [navy]}\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="national role"):
        ActorDictionary.load(str(tmp_path))


def test_actors_national_names_are_no_lookup_and_no_shared_name_warning() -> None:
    d = ActorDictionary.load()
    assert "الجيش" in {n.text for n in d.names() if n.national}
    assert d.lookup("الجيش")[1] == ()  # (only the document's country says whose)
    assert not [p for p in d.validate() if "'الجيش'" in p or "play" in p]


# a title's person whose given name is also a stop word (على "on" / علي "Ali")
@pytest.mark.parametrize(("text", "name"), [
    ("وقال المتحدث العسكري العميد علي الخزاعي، الأحد، إن قواته سيطرت على التلال المحيطة بمدينة حلب.",
     "علي الخزاعي"),
    ("وأكد وزير الدفاع علي النعيمي أن القوات ستنتشر في مدينة الرمادي خلال أيام.", "علي النعيمي"),
    ("ونفى القيادي علي المرزوقي مسؤولية جماعته عن تفجير وقع في مدينة البصرة.", "علي المرزوقي"),
])
def test_unlinked_person_whose_given_name_is_a_stop_word(pipeline: Any, text: str, name: str) -> None:
    a = pipeline.analyse(text, published="2024-05-02")
    people = [m.text for m in a.actors if is_unlinked(m.actor.id) and m.actor.kind == "person"]
    assert name in people, [m.text for m in a.actors]


def test_unlinked_title_before_the_preposition_ala_names_no_one(pipeline: Any) -> None:
    a = pipeline.analyse("وقال المتحدث باسم البلدية على هامش المؤتمر إن الوضع هادئ في مدينة بنغازي.",
                         published="2024-05-02")
    assert not [m.text for m in a.actors if is_unlinked(m.actor.id) and m.actor.kind == "person"]


# brigades in the plural (ألوية X)
@pytest.mark.parametrize(("text", "name"), [
    ("وأعلنت ألوية الفاروق مسؤوليتها عن الهجوم على حاجز قرب مدينة حمص.", "ألوية الفاروق"),
    ("اشتبك مقاتلون من ألوية العاديات مع قوات النظام في ريف درعا أمس.", "ألوية العاديات"),
    ("وانسحبت ألوية الحسم من مواقعها شمال مدينة الحديدة بعد قصف مكثف.", "ألوية الحسم"),
])
def test_unlinked_group_after_a_plural_brigade(pipeline: Any, text: str, name: str) -> None:
    a = pipeline.analyse(text, published="2024-05-02")
    groups = [m.text for m in a.actors if is_unlinked(m.actor.id) and m.actor.kind != "person"]
    assert name in groups, [m.text for m in a.actors]


# the source of a figure is no party of the event
@pytest.mark.parametrize(("text", "source"), [
    ("وقتل خمسة مدنيين في قصف على مدينة الفاشر، بحسب ما أعلنت الحكومة السودانية.", "sudan-government"),
    ("وأفادت وكالة الأنباء السورية بأن طفلا قتل بقذيفة سقطت على حي في دمشق.", "sana"),
    ("وقالت الحكومة إن قصفا على مخيم للنازحين قرب مدينة نيالا أسفر عن مقتل 12 شخصا.", "sudan-government"),
])
def test_roles_source_of_a_figure_is_no_party(pipeline: Any, text: str, source: str) -> None:
    _, events = _actors(pipeline, text)
    assert events and source not in _event_ids(events)


# the addressee of a call or a demand is the call's second actor
@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    ("ودعت الأمم المتحدة قوات حفتر إلى وقف القتال فورا.", "un", "lna"),
    ("وناشدت منظمة الصحة العالمية المجتمع الدولي تقديم المساعدات للنازحين في اليمن.", "who",
     "international-community"),
    ("وحث الاتحاد الأفريقي الجيش السوداني على العودة إلى المفاوضات في جدة.", "au", "saf"),
])
def test_roles_addressee_of_a_call_is_actor2(pipeline: Any, text: str, speaker: str, addressee: str) -> None:
    _, events = _actors(pipeline, text)
    pairs = {((ev["actor1"] or {}).get("id"), (ev["actor2"] or {}).get("id")) for ev in events}
    assert (speaker, addressee) in pairs, pairs


# gunmen whom the words after them tie to a named actor are that actor's, no unidentified group
@pytest.mark.parametrize(("text", "named"), [
    ("قتل مسلحون من قوات الدعم السريع 14 مدنيا في قرية قرب مدينة الفاشر.", "rsf"),
    ("وقتل جنديان في هجوم شنه مسلحون يعتقد أنهم من خلايا تنظيم داعش قرب مدينة دير الزور.", "islamic-state"),
    ("وهاجم مسلحين موالين لجماعة الحوثي نقطة أمنية في مدينة تعز فجر الاثنين.", "houthis"),
])
def test_linking_gunmen_of_a_named_actor_are_not_unidentified(pipeline: Any, text: str, named: str) -> None:
    found, _ = _actors(pipeline, text)
    ids = {i for _, i in found}
    assert named in ids and not [i for i in ids if i.startswith("unidentified-armed-group-")], found


def test_linking_unidentified_gunmen_stay_unidentified(pipeline: Any) -> None:
    found, _ = _actors(pipeline, "وقتل ثلاثة مدنيين برصاص مسلحين مجهولين في مدينة درعا مساء السبت.")
    assert ("مسلحين مجهولين", "unidentified-armed-group-sy") in found


# the armed groups of wars the dictionary knew little of (Mali, South Sudan, Somalia)
@pytest.mark.parametrize(("text", "actor"), [
    ("واشتبكت الحركة الوطنية لتحرير أزواد مع الجيش المالي قرب مدينة كيدال.", "mnla"),
    ("وأعلنت مجموعة إمغاد سيطرتها على بلدة قرب مدينة ميناكا شمال مالي.", "gatia"),
    ("واتهمت جبهة جنوب السودان المتحدة قوات الحكومة بمهاجمة مواقعها قرب مدينة ياي.", "ssuf"),
    ("وداهمت الشرطة الصومالية منزلا في حي بمقديشو واعتقلت ثلاثة مشتبه بهم.", "somali-police"),
])
def test_actors_groups_of_less_familiar_wars(pipeline: Any, text: str, actor: str) -> None:
    found, _ = _actors(pipeline, text)
    assert actor in {i for _, i in found}, found


# a definite head noun alone takes up the group named before whose name begins with it
@pytest.mark.parametrize(("text", "noun", "actor"), [
    ("قتل جنديان في هجوم لتنظيم داعش قرب مدينة تكريت، وقالت مصادر أمنية إن التنظيم تبنى الهجوم لاحقا.",
     "التنظيم", "islamic-state"),
    ("اتهمت حركة حماس إسرائيل بخرق الهدنة في غزة، وقالت الحركة إن القصف استهدف منازل مأهولة.", "الحركة", "hamas"),
    ("اشتبكت جبهة جنوب السودان المتحدة مع الجيش قرب مدينة ياي، ونفت الجبهة لاحقا سقوط قتلى في صفوفها.",
     "الجبهة", "ssuf"),
])
def test_linking_head_noun_takes_up_the_group_named_before(pipeline: Any, text: str, noun: str, actor: str) -> None:
    found, _ = _actors(pipeline, text)
    assert (noun, actor) in found, found


@pytest.mark.parametrize("text", [
    "وقالت الحركة إن مظاهرة ستخرج في مدينة الخرطوم يوم الجمعة.",                 # nothing named before
    "اتهمت حركة حماس إسرائيل بقصف غزة، فيما دعت الحركة الشعبية إلى التهدئة.",      # a name of its own
])
def test_linking_head_noun_without_its_group(pipeline: Any, text: str) -> None:
    found, _ = _actors(pipeline, text)
    assert not [(t, i) for t, i in found if t in ("الحركة", "الحركة الشعبية") and i == "hamas"], found


# a bare noun with a country's nisba names that country's player of the role, whatever the document's country
@pytest.mark.parametrize(("text", "mention", "actor"), [
    ("واتهمت وزارة الخارجية العراقية أنقرة بانتهاك السيادة بعد غارة قرب سنجار.", "وزارة الخارجية العراقية",
     "iraq-government"),
    ("وأعلنت الرئاسة السورية وقفا شاملا لإطلاق النار في محافظة السويداء.", "الرئاسة السورية", "syria-government"),
    ("وقالت الشرطة الصومالية إنها اعتقلت ثلاثة مشتبه بهم في مقديشو.", "الشرطة الصومالية", "somali-police"),
])
def test_linking_bare_noun_with_a_countrys_nisba(pipeline: Any, text: str, mention: str, actor: str) -> None:
    found, _ = _actors(pipeline, text)
    assert (mention, actor) in found, found


# a title in construct with an organisation after a speech verb: the organisation speaks (actor1), the one it
# calls on or accuses comes after (actor2)
@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    ("ودعا زعيم التيار الصدري الحكومة العراقية إلى حصر السلاح بيد الدولة.", "sadrists", "iraq-government"),
    ("وطالب قائد قوات الدعم السريع الجيش السوداني بالانسحاب من مدينة الفاشر.", "rsf", "saf"),
    ("واتهم مسؤول في الحكومة اليمنية جماعة الحوثي بقصف الأحياء السكنية في مدينة تعز.", "yemen-government",
     "houthis"),
])
def test_roles_organisation_of_a_speakers_title_is_actor1(pipeline: Any, text: str, speaker: str,
                                                          addressee: str) -> None:
    _, events = _actors(pipeline, text)
    pairs = {((ev["actor1"] or {}).get("id"), (ev["actor2"] or {}).get("id")) for ev in events}
    assert (speaker, addressee) in pairs, pairs

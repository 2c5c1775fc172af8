"""Reactions and their incidents (events/reactions.py): a statement, a call, a denial or an accusation about an
incident takes that incident's place; a statement about nothing located keeps no place, not the country named in
the name of its speaker or of its addressee. Sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event

REACTIONS = ("REQUEST", "ACCUSE", "REJECT", "DEMAND", "THREATEN")


def _reactions(pipeline: Pipeline, text: str) -> list[Event]:
    """The statements rasd finds in `text` (events ACLED does not code, of a speech type)."""
    record = pipeline.extract_text(text, source="test", published="2024-03-10")
    return [e for e in record.events if e.acled_event_type is None and e.plover in REACTIONS]


def _place(ev: Event) -> str | None:
    return ev.location.name_en if ev.location is not None else None


# a call for an inquiry or a charge of responsibility whose incident is told far after the statement's verb,
# right after the noun that holds it (تحقيق في، المسؤولية عن، ملابسات): the incident's place
@pytest.mark.parametrize(("text", "place"), [
    ("قتل تسعة مدنيين في غارة جوية على سوق مدينة معرة النعمان أمس. وقال شهود إن معظم الضحايا من الباعة. "
     'وطالب المفوض السامي لحقوق الإنسان في بيان بفتح "تحقيق عاجل وشفاف" في غارة الأمس.', "Maarat al-Numan"),
    ("سقط خمسة قتلى في قصف مدفعي استهدف حيا سكنيا في مدينة كادقلي. وأوضح مسعفون أن بين القتلى امرأتين. ودعت "
     "منظمة العفو الدولية والمنظمات الحقوقية المحلية الأخرى إلى إجراء تحقيق مستقل في القصف.", "Kadugli"),
    ("أصيب عشرون شخصا في تفجير سيارة مفخخة في مدينة الباب. وتحدث الأهالي عن أضرار كبيرة في المحال. واتهمت "
     "الإدارة المحلية خلايا نائمة تابعة لتنظيم الدولة الإسلامية بالمسؤولية المباشرة عن التفجير.", "Al-Bab"),
    ("قتل ثلاثة أطفال في قصف صاروخي على بلدة كفرنبل. ونقل الجرحى إلى مستشفيات ميدانية. وطالب الأمين العام "
     "للجامعة العربية السلطات السورية بالكشف عن ملابسات القصف.", "Kafranbel"),
])
def test_reactions_incident_held_by_an_object_noun(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = _reactions(pipeline, text)
    assert reactions and all(_place(ev) == place for ev in reactions), [(e.plover, _place(e)) for e in reactions]


# the country or region in the name of the speaker or of the addressee is not where a statement was made: a
# statement about nothing located keeps no place
@pytest.mark.parametrize("text", [
    "وطالبت الهيئة المستقلة لحقوق الإنسان في ليبيا الحكومة بنشر نتائج التحقيقات السابقة.",
    "وناشد منسق الإغاثة التابع للأمم المتحدة في السودان الدول المانحة زيادة تمويل خطة الاستجابة.",
    "ودعت المنسقة المقيمة للأمم المتحدة في اليمن السلطات إلى دفع رواتب العاملين الصحيين.",
    "واتهمت اللجنة الوطنية لحقوق الإنسان في العراق الوزارة بإهمال ملف المفقودين.",
])
def test_reactions_no_place_from_an_actors_name(pipeline: Pipeline, text: str) -> None:
    reactions = _reactions(pipeline, text)
    assert reactions and all(ev.location is None for ev in reactions), [(e.plover, _place(e)) for e in reactions]


# a statement made in a place its clause names for itself keeps it (the place is no part of an actor's name; the
# place of the occasion it was made on, خلال مؤتمر صحفي عقده في …, is not: test_reactions_claims.py)
@pytest.mark.parametrize(("text", "place"), [
    ("وفي مدينة بنغازي، دعا رئيس الحكومة المؤقتة الأطراف المتنازعة إلى الحوار.", "Benghazi"),
    ("ومن مدينة بورتسودان، اتهم وزير الإعلام قوات الدعم السريع بنهب المستشفيات.", "Port Sudan"),
    ("ودعا المتظاهرون في ساحة التحرير ببغداد إلى إجراء انتخابات مبكرة.", "Tahrir Square (Baghdad)"),
])
def test_reactions_own_place_kept(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = _reactions(pipeline, text)
    assert reactions and _place(reactions[0]) == place, [(e.plover, _place(e)) for e in reactions]


# a statement about an incident at a site (an airport, a college, a district) takes the site's town: what a report
# codes of a statement is the town of the incident it is about
@pytest.mark.parametrize(("text", "site", "town"), [
    ("سقطت ثلاث قذائف على مطار معيتيقة صباح اليوم ما أدى إلى إصابة مسافرين. وتوقفت الرحلات لساعات. وأدانت "
     "البعثة الأممية للدعم في ليبيا القصف.", "Mitiga International Airport", "Tripoli"),
    ("أصيب خمسة مدنيين في غارة بطائرة مسيرة على مطار نيالا أمس. وقالت مصادر محلية إن الغارة ألحقت أضرارا "
     "بالمدرج. واتهمت الحكومة قوات الدعم السريع بتنفيذ الغارة.", "Nyala Airport", "Nyala"),
    ("قتل جنديان في هجوم صاروخي على مطار بغداد الدولي ليلة أمس. ولم تتبن أي جهة الهجوم حتى الآن. وندد رئيس "
     "الوزراء بالهجوم.", "Baghdad International Airport", "Baghdad"),
])
def test_reactions_site_incident_gives_its_town(pipeline: Pipeline, text: str, site: str, town: str) -> None:
    record = pipeline.extract_text(text, source="test", published="2024-03-10")
    assert [_place(e) for e in record.events if e.acled_event_type is not None] == [site]
    reactions = _reactions(pipeline, text)
    assert [_place(e) for e in reactions] == [town]


# calling the incident told before a crime, or condemning it, with a pronoun for it (وصفته بـ"جريمة"، أدانته):
# the statement takes the place of the violent happening told before it in its sentence
@pytest.mark.parametrize(("text", "place"), [
    ('قتل عشرة مدنيين في غارة على سوق في مدينة إدلب أمس، فيما وصفته المعارضة بـ"جريمة جديدة" لطائرات النظام.',
     "Idlib"),
    ("أصيب سبعة أشخاص بانفجار عبوة ناسفة في سوق مدينة الحلة، في هجوم أدانته وزارة الداخلية بشدة.", "Al Hillah"),
    ('قتل ثمانية مدنيين في بلدة كفرنبل بريف إدلب أمس، في قصف وصفته المعارضة بـ"الجريمة الجديدة".', "Kafranbel"),
])
def test_reactions_pronoun_for_the_incident_told_before(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = _reactions(pipeline, text)
    assert [(e.plover, _place(e)) for e in reactions] == [("ACCUSE", place)]


# a definite word of a statement (الاتهام، الاتهامات) refers back to a statement told right before it, not to one
# told sentences earlier: there it is a statement of its own, with its own place
@pytest.mark.parametrize(("text", "places"), [
    ("اتهمت الحكومة المتمردين بقصف مدينة كادقلي. ووصلت قافلة إغاثة إلى المدينة مساء اليوم. وقال شهود إن الأسواق "
     "أغلقت أبوابها. وتبادل الطرفان الاتهام بخرق الهدنة في ولاية النيل الأزرق.", ["Kadugli", "Blue Nile"]),
    ("اتهم الجيش قوات الدعم السريع بقصف مدينة الأبيض. ووزعت منظمات الإغاثة الطعام على النازحين في المدينة. وأضاف "
     "سكان أن الكهرباء انقطعت. وتبادلت الحركتان المسلحتان الاتهامات بالمسؤولية عن مقتل راع في شمال دارفور.",
     ["El Obeid", "North Darfur"]),
    ("ندد وزير الخارجية بالغارة على مدينة صعدة. ووزعت منظمة خيرية الطعام على الأسر في المدينة. وقالت مصادر محلية "
     "إن المدارس أغلقت. ووجه محافظ مأرب الاتهام إلى الحوثيين بقصف أحياء سكنية في مدينة مأرب.", ["Saada", "Marib"]),
    ("اتهمت الحكومة المتمردين بقصف مدينة كادقلي. وجاء الاتهام بعد ساعات من القصف.", ["Kadugli"]),
])
def test_reactions_statement_refers_back_only_nearby(pipeline: Pipeline, text: str, places: list[str]) -> None:
    reactions = [e for e in _reactions(pipeline, text) if e.plover == "ACCUSE"]
    assert [_place(e) for e in reactions] == places


# a call to stop the fighting (وقف القتال، بوقف الاشتباكات، إيقاف الغارات، إنهاء القصف) is about the war, no
# incident: it does not take the place of the last strike told before it
@pytest.mark.parametrize("text", [
    "قتل خمسة مدنيين في قصف على مدينة سرت أمس. وقال شهود إن القذائف سقطت على منازل. ودعا المبعوث الأممي "
    "الطرفين إلى وقف القتال فورا.",
    "أصيب تسعة أشخاص في غارة على بلدة سراقب أمس. وقال مسعفون إن بين الجرحى طفلين. وحثت الأمم المتحدة روسيا على "
    "إيقاف الغارات الجوية.",
    "تعرضت أحياء مدينة درنة لقصف عنيف الليلة الماضية. وأفاد سكان بانقطاع الكهرباء. وناشد المجلس البلدي الأطراف "
    "المتحاربة إنهاء القصف العشوائي.",
    "سقط عشرات الجرحى في اشتباكات عنيفة في مدينة الفاشر. وتحدث مسعفون عن نقص في الأدوية. وطالبت الجامعة العربية "
    "جميع الأطراف بوقف الاشتباكات والعودة إلى التفاوض.",
])
def test_reactions_call_to_stop_fighting_has_no_incident(pipeline: Pipeline, text: str) -> None:
    reactions = _reactions(pipeline, text)
    assert [(e.plover, _place(e)) for e in reactions] == [("REQUEST", None)]


# a statement whose clause names only the country, about an incident told in a town of that country, takes the town
@pytest.mark.parametrize(("text", "place"), [
    ("قتل ستة مهاجرين في هجوم على مركز إيواء في مدينة الزاوية. وطالبت منظمة الهجرة بمحاسبة المسؤولين عن الهجوم "
     "الذي يعد الأسوأ في ليبيا هذا العام.", "Zawiya"),
    ("قتل أربعة أطفال في قصف على بلدة معرة مصرين. ودعت منظمة اليونيسف إلى تحقيق في القصف الذي يعد الأعنف في "
     "سوريا منذ شهور.", "Ma‘arratmişrīn"),
    ("أصيب عشرة متظاهرين بالرصاص في مدينة الناصرية. وطالبت الأمم المتحدة بمحاسبة المسؤولين عن إطلاق النار على "
     "المحتجين في العراق.", "Nasiriyah"),
])
def test_reactions_country_clause_takes_the_incidents_town(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = _reactions(pipeline, text)
    assert [(e.plover, _place(e)) for e in reactions] == [("REQUEST", place)]


# the crimes a statement lists (ارتكبت فظائع شملت القتل، انتهاكات منها الاغتيال، جرائم من بينها قصف المستشفيات) are
# crimes in general, no incident told before: the statement keeps no place of the last strike
@pytest.mark.parametrize("text", [
    "قتل عشرة مدنيين في قصف على سوق مدينة الفاشر. وقال مسعفون إن المستشفى امتلأ بالجرحى. وأكدت المفوضة أن "
    "الميليشيا ارتكبت فظائع شملت القتل والاغتصاب.",
    "قتل جنديان في هجوم على حاجز قرب مدينة الرمادي. ولم تعلن أي جهة مسؤوليتها. وقال تقرير أممي إن الجماعة ارتكبت "
    "انتهاكات منها الاغتيال والخطف.",
    "سقطت قذائف على حي سكني في مدينة تعز. ونقل الجرحى إلى المستشفى. واتهم الوزير الحوثيين بارتكاب جرائم من بينها "
    "قصف المستشفيات.",
])
def test_reactions_listed_crimes_are_no_incident(pipeline: Pipeline, text: str) -> None:
    reactions = _reactions(pipeline, text)
    assert [(e.plover, _place(e)) for e in reactions] == [("ACCUSE", None)]


# an indefinite word of violence that makes no event of its own (أدان هجمات تستهدف العاملين، ندد بغارات تطال
# الأسواق) is a kind of happening, not the strike told before: the statement keeps no place
@pytest.mark.parametrize("text", [
    "قتل عشرة مدنيين في قصف على سوق مدينة الفاشر. وقال مسعفون إن المستشفى امتلأ بالجرحى. وأدان الاتحاد الأفريقي "
    "هجمات تستهدف العاملين في المجال الإنساني.",
    "أصيب ستة أشخاص في غارة على بلدة سرمين. وتحدث سكان عن دمار واسع. وندد المجلس المحلي بغارات تطال الأسواق "
    "والمخابز.",
    "قتل ثلاثة صيادين في قصف على شاطئ مدينة الحديدة. وأغلقت السلطات الميناء مؤقتا. واستنكرت المنظمة هجمات متكررة "
    "تطال الصيادين.",
])
def test_reactions_indefinite_violence_word_is_no_incident_told(pipeline: Pipeline, text: str) -> None:
    reactions = _reactions(pipeline, text)
    assert [(e.plover, _place(e)) for e in reactions] == [("ACCUSE", None)]


# an incident told only in the headline, or a statement made in quoted speech (ندين هذا القصف): the statement
# about it takes its place all the same
@pytest.mark.parametrize(("text", "place"), [
    ("مقتل عشرة مدنيين في غارة على سوق مدينة معرة النعمان\nأدانت الأمم المتحدة الغارة، ودعت إلى حماية المدنيين.",
     "Maarat al-Numan"),
    ("سبعة قتلى بقصف مدفعي على حي سكني في مدينة تعز\nواستنكرت الحكومة اليمنية القصف بأشد العبارات.", "Taiz"),
    ("هجوم بطائرة مسيرة يطال مطار نيالا\nونددت الخارجية السودانية بالهجوم، وحملت قوات الدعم السريع المسؤولية.",
     "Nyala"),
    ('قصف مدفعي يطال مستشفى في مدينة تعز\nوقال وزير الصحة في مؤتمر صحفي: "ندين بشدة هذا القصف الهمجي".', "Taiz"),
])
def test_reactions_incident_of_the_headline_or_quoted_speech(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = [e for e in _reactions(pipeline, text) if e.plover == "ACCUSE"]
    assert [_place(e) for e in reactions] == [place]


# a definite incident word with a description (القصف الذي استهدف السوق) names the incident its description fits,
# though another strike was told after it
@pytest.mark.parametrize(("text", "place"), [
    ("قتل ستة مدنيين في قصف مدفعي استهدف سوقا شعبية في بلدة سرمين. وقال الجيش إن طائراته دمرت مستودعا "
     "للذخيرة في بلدة النيرب. وأدان المنسق الأممي القصف الذي استهدف السوق.", "سرمين"),
    ("أصيب عشرة أشخاص في غارة طالت مدرسة في مدينة أريحا. وفي وقت لاحق قصفت المدفعية أطراف بلدة كفرنبل. "
     "ونددت منظمة اليونيسف بالغارة التي أصابت المدرسة.", "أريحا"),
    ("قتل أربعة مسعفين في هجوم بطائرة مسيرة على سيارة إسعاف قرب مدينة الأبيض. وقصفت قوات الدعم السريع "
     "مواقع للجيش في مدينة الفاشر بالمدفعية. واستنكرت نقابة الأطباء الهجوم على سيارة الإسعاف.", "الأبيض"),
])
def test_reactions_description_names_its_incident(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = [e for e in _reactions(pipeline, text) if e.plover == "ACCUSE"]
    assert reactions and all(ev.location is not None and ev.location.name_ar == place for ev in reactions), \
        [(e.plover, _place(e)) for e in reactions]


# an incident word pointed back (الغارات ذاتها، القصف نفسه، هذا الهجوم) is the statement's incident however far from
# its verb, past an alleged act that makes no event of its own, in a paragraph of its own, the accused's country
# in its name (so the statement's clause gives no place)
@pytest.mark.parametrize(("text", "place"), [
    ("قصفت طائرات حربية قرى قرب مدينة كيدال.\n\nواتهمت جماعات محلية من الطوارق الجيش المالي وحلفاءه الأجانب "
     "بقتل 14 مدنيا بينهم نساء في الغارات ذاتها.", "Kidal"),
    ("سقطت قذائف على سوق مدينة الأبيض صباح أمس.\n\nواتهمت لجان محلية في الولاية والنقابات المهنية الجيش "
     "السوداني بقتل ثلاثة باعة في القصف نفسه.", "El Obeid"),
    ("انفجرت سيارة مفخخة قرب سوق مدينة مقديشو.\n\nواتهم مسؤولون محليون وقادة عشائر في مؤتمر صحفي الحكومة "
     "الصومالية بالتقصير في حماية المدنيين من هذا الهجوم.", "Mogadishu"),
])
def test_reactions_incident_pointed_back_from_afar(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = [e for e in _reactions(pipeline, text) if e.plover == "ACCUSE"]
    assert reactions and all(_place(ev) == place for ev in reactions), [(e.plover, _place(e)) for e in reactions]


# a condemnation of "the attack" told after another fight: the attack is the one a claim named before (its
# sentences hold the word), not the last violent event; the condemnation alone on the last line is a paragraph
# that ends as a sentence does, no crosshead
@pytest.mark.parametrize(("text", "place"), [
    ("انفجرت سيارة مفخخة قرب فندق في مدينة مقديشو.\n\nوأعلنت حركة الشباب مسؤوليتها عن الهجوم في بيان.\n\n"
     "وفي إقليم شبيلي السفلى، استعاد الجيش السيطرة على بلدة بريري بعد معارك مع الحركة.\n\n"
     "وأدان رئيس الوزراء الصومالي الهجوم.", "Mogadishu"),
    ("انفجرت عبوة ناسفة بحافلة ركاب قرب مدينة غاو.\n\nوتبنت جماعة نصرة الإسلام والمسلمين الهجوم في بيان.\n\n"
     "وفي منطقة موبتي، اشتبك الجيش المالي مع مسلحين قرب بلدة سيفاري.\n\nودانت الحكومة المالية الهجوم.", "Gao"),
    ("قصفت طائرة مسيرة سوقا في مدينة الفاشر.\n\nوتبنت قوات الدعم السريع الهجوم في بيان لاحق.\n\nوفي ولاية "
     "الجزيرة، دارت اشتباكات بين الجيش والدعم السريع قرب مدينة الحصاحيصا.\n\nوندد وزير الخارجية السوداني "
     "بالهجوم.", "El Fasher"),
])
def test_reactions_attack_named_by_its_claim(pipeline: Pipeline, text: str, place: str) -> None:
    reactions = [e for e in _reactions(pipeline, text) if e.plover == "ACCUSE"]
    assert reactions and all(_place(ev) == place for ev in reactions), [(e.plover, _place(e)) for e in reactions]

"""A definite head noun alone takes up an actor the document named before it (recognize/anaphora.py,
data/anaphora.yaml): المليشيا، الفصائل، التمرد، المهاجمين، العدوان by the kinds of actor they fit, in another clause;
with no fitting actor (or only the one it fights in its own clause) it names nothing. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _taken_up(pipeline: Any, text: str, noun: str, published: str = "2024-03-11") -> list[str]:
    """The actors the mentions whose text ends with `noun` (without its article: للمليشيا) resolve to, one per
    place the noun ends (a mention of the members before it, مقاتلي الفصائل, ends there too)."""
    a = pipeline.analyse(text, published=published)
    return list({m.end: m.actor.id for m in a.actors or () if m.text.endswith(noun.removeprefix("ال"))}.values())


@pytest.mark.parametrize(("text", "noun", "actor"), [
    # the attackers: the armed side named in an earlier clause
    ("هاجمت قوات الدعم السريع قرية في ولاية سنار فجر الثلاثاء. وقال شهود إن المهاجمين نهبوا المتاجر قبل انسحابهم.",
     "المهاجمين", "rsf"),
    ("اقتحم مسلحون من حركة الشباب مقر البلدية في مدينة بلدوين، وأفادت الشرطة بأن المهاجمون احتجزوا الموظفين.",
     "المهاجمون", "al-shabaab"),
    # the militia: a militia named before, not the army of the same report
    ("اندلعت معارك بين الجيش السوداني وقوات الدعم السريع في أم درمان. وأعلن الجيش أنه دمر مركبات تابعة للمليشيا.",
     "المليشيا", "rsf"),
    # the paramilitary forces (a noun phrase)
    ("اقتحمت قوات الدعم السريع بلدة في شمال دارفور. وقال سكان إن القوات شبه العسكرية أحرقت السوق.",
     "القوات شبه العسكرية", "rsf"),
    # the factions
    ("شنت هيئة تحرير الشام هجوما على مواقع للجيش في ريف حلب. وقال مصدر عسكري إن مقاتلي الفصائل تقدموا نحو القرى.",
     "الفصائل", "hts"),
    # the rebellion
    ("سيطرت قوات الدعم السريع على بلدة في ولاية الجزيرة. وتعهد قائد الجيش خلال زيارته للجنود بدحر التمرد.",
     "التمرد", "rsf"),
    # the aggression: the foreign forces of the report, before it or (none before) after it
    ("قصف الجيش الإسرائيلي منزلا في خان يونس. وقالت وزارة الصحة إن عدد الشهداء منذ بدء العدوان تجاوز ألف شهيد.",
     "العدوان", "idf"),
    ("ندد المتحدث باسم الحوثيين بما وصفه بجرائم العدوان في صعدة. وكان التحالف العربي قد أعلن استهداف مخازن أسلحة.",
     "العدوان", "saudi-coalition"),
])
def test_anaphora_head_takes_up_a_fitting_actor(pipeline: Any, text: str, noun: str, actor: str) -> None:
    assert _taken_up(pipeline, text, noun) == [actor]


@pytest.mark.parametrize(("text", "noun"), [
    # no armed actor named before
    ("قال شهود إن المهاجمين فروا بعد إطلاق النار على المارة في السوق المركزي.", "المهاجمين"),
    # the only armed actor before is the one fighting them in the same clause
    ("وتبادلت قوات الأمن إطلاق النار مع المهاجمين قرب مبنى المحافظة.", "المهاجمين"),
    # a definite word after it makes a phrase of its own
    ("هاجمت قوات الدعم السريع مدينة سنجة. ودعت الأحزاب إلى حل المليشيات المسلحة كلها.", "المليشيات"),
    # the aggression with no foreign forces in the report
    ("قال الحوثيون إن العدوان لن يكسر صمود اليمنيين في صعدة.", "العدوان"),
])
def test_anaphora_head_without_a_fitting_actor_names_nothing(pipeline: Any, text: str, noun: str) -> None:
    assert _taken_up(pipeline, text, noun) == []


@pytest.mark.parametrize(("text", "short", "actor"), [
    ("اتهمت الحكومة الحركة الشعبية لتحرير السودان - شمال بقصف مدينة الدلنج. وقال سكان إن قوات الحركة الشعبية "
     "انتشرت حول المدينة.", "الحركة الشعبية", "splm-n"),
    ("هاجمت الحركة الوطنية لتحرير أزواد موقعا للجيش قرب كيدال، وأكد متحدث باسم الحركة الوطنية أن مقاتليها "
     "انسحبوا بعد ساعتين.", "الحركة الوطنية", "mnla"),
    ("تبنت الجبهة الشعبية لتحرير فلسطين إطلاق صاروخين من غزة. وقالت الجبهة الشعبية في بيان إن العملية جاءت "
     "ردا على الاغتيالات.", "الجبهة الشعبية", "pflp"),
])
def test_anaphora_head_with_a_name_s_first_words(pipeline: Any, text: str, short: str, actor: str) -> None:
    a = pipeline.analyse(text, published="2024-03-11")
    assert [m.actor.id for m in a.actors or () if m.text == short] == [actor]


def test_anaphora_head_with_first_words_of_no_name_named_before(pipeline: Any) -> None:
    a = pipeline.analyse("وقال قيادي في الحركة الشعبية إن المفاوضات متعثرة منذ أشهر.", published="2024-03-11")
    assert [m.text for m in a.actors or () if "الحركة" in m.text] == []


@pytest.mark.parametrize(("text", "short", "actor"), [
    ("أفاد المرصد السوري لحقوق الإنسان بمقتل عشرة مقاتلين في ريف حماة. وقال المرصد السوري إن الاشتباكات مستمرة.",
     "المرصد السوري", "sohr"),
    ("قصف سلاح الجو الإسرائيلي مواقع في جنوب لبنان، وقال سلاح الجو في بيان إنه دمر منصات صواريخ.",
     "سلاح الجو", "idf"),
    ("حذرت وكالة غوث وتشغيل اللاجئين الفلسطينيين من نفاد الوقود. وقالت وكالة غوث إن مخازنها فارغة.",
     "وكالة غوث", "unrwa"),
])
def test_anaphora_name_shortened_to_its_first_words(pipeline: Any, text: str, short: str, actor: str) -> None:
    a = pipeline.analyse(text, published="2024-03-11")
    assert [m.actor.id for m in a.actors or () if m.text == short] == [actor]


@pytest.mark.parametrize(("text", "short"), [
    ("نفذ سلاح الجو الإسرائيلي غارات على غزة، فيما قصف سلاح الجو المصري مواقع في سيناء.", "سلاح الجو"),
    ("التقى رئيس مجلس السيادة السوداني عبد الفتاح البرهان اليوم رئيس مجلس الوزراء في بورتسودان.", "رئيس مجلس"),
])
def test_anaphora_first_words_continued_name_nothing(pipeline: Any, text: str, short: str) -> None:
    a = pipeline.analyse(text, published="2024-03-11")
    assert [m.text for m in a.actors or () if m.text == short] == []


@pytest.mark.parametrize(("text", "family", "actor"), [
    ("استقبل رئيس الوزراء القطري الشيخ محمد بن عبد الرحمن آل ثاني وفدا من حماس، وأكد آل ثاني أن المفاوضات مستمرة.",
     "آل ثاني", "mohammed-bin-abdulrahman"),
    ("أجرى أمير قطر الشيخ تميم بن حمد آل ثاني اتصالا بالرئيس المصري. وبحث آل ثاني معه جهود التهدئة في غزة.",
     "آل ثاني", "tamim"),
])
def test_anaphora_person_named_by_family_name(pipeline: Any, text: str, family: str, actor: str) -> None:
    a = pipeline.analyse(text, published="2024-03-11")
    assert [m.actor.id for m in a.actors or () if m.text == family] == [actor]


def test_anaphora_family_name_before_the_full_name_names_nothing(pipeline: Any) -> None:
    a = pipeline.analyse("وقال آل ثاني في مؤتمر صحفي إن الاتفاق قريب.", published="2024-03-11")
    assert [m.text for m in a.actors or () if m.text == "آل ثاني"] == []


@pytest.mark.parametrize(("text", "noun", "actor"), [
    ("اقتحم مسلحون من حركة الشباب مقر البلدية في مدينة بلدوين. وقال سكان إن الحركة المتشددة أعدمت ثلاثة موظفين.",
     "الحركة", "al-shabaab"),
    ("تبنى تنظيم داعش الهجوم على الحاجز. وقال الجيش إن التنظيم المتطرف شن هجوما آخر على قرية قرب مدينة كركوك.",
     "التنظيم", "islamic-state"),
    ("هاجمت قوات الدعم السريع قرية في ولاية سنار. وقال شهود إن المليشيا المسلحة نهبت المتاجر قبل انسحابها.",
     "المليشيا", "rsf"),
])
def test_anaphora_heads_with_a_describing_adjective(pipeline: Any, text: str, noun: str, actor: str) -> None:
    """A definite adjective that describes a group (المتشددة، المتطرف، المسلحة) leaves its head noun taking the
    group up (it made the noun look like the first words of another name before)."""
    assert actor in _taken_up(pipeline, text, noun)

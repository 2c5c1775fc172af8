"""A word for forces, its adjectives and the nisba of a country or a group name that country's or group's forces
by the whole phrase (recognize.forces). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest
from mention_fixtures import actor_mentions

from rasd.recognize.forces import _stem, nisba_stems
from rasd.resources.actors import ActorDictionary


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    ("قتل أربعة مدنيين في غارات شنتها طائرات حربية روسية على بلدة في ريف إدلب الجنوبي.", "طائرات حربية روسية",
     "russia-forces"),
    ("واستهدفت مروحية عسكرية تركية موقعا للمقاتلين الأكراد قرب بلدة في ريف الحسكة.", "مروحية عسكرية تركية",
     "turkey-forces"),
    ("وأصيب طفل برصاص قناصة حوثيين في حي سكني شرقي مدينة تعز.", "قناصة حوثيين", "houthis"),
    ("رصدت دورية أمريكية تحركات مريبة قرب قاعدة التنف.", "دورية أمريكية", "us-forces"),
    ("وتقدم رتل من المدرعات؟", "", ""),
])
def test_forces_word_for_forces_and_nisba_is_one_mention(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    if phrase:
        assert (phrase, actor) in found, found
    else:
        assert not found, found


@pytest.mark.parametrize("text", [
    "وقال مسؤول إن العملية جاءت بمبادرة تركية لتخفيف التوتر في المنطقة.",
    "تناول الضيوف أطباقا روسية وحلويات تركية في المطعم.",
])
def test_forces_a_nisba_after_another_word_names_no_force(pipeline: Any, text: str) -> None:
    assert not actor_mentions(pipeline, text)


def test_forces_an_act_keeps_the_nisba_alone(pipeline: Any) -> None:
    # (a word for an act, غارة، القصف, is a trigger of its own: the force is named by its nisba, not the phrase)
    found = actor_mentions(pipeline, "وتواصل القصف المدفعي التركي على قرى ريف منبج الشمالي.")
    assert all(not text.startswith("القصف") for text, _ in found), found


@pytest.mark.parametrize(("text", "actor"), [
    ("قتل تسعة مدنيين في غارات جوية روسية على بلدة في ريف إدلب.", "russia-forces"),
    ("وأصيب طفل في غارة جوية إسرائيلية على بلدة حدودية جنوبي لبنان.", "idf"),
    ("وأكدت الحكومة أن ضربات جوية بريطانية استهدفت الميناء.", "uk-forces"),
    ("واستهدف القصف المدفعي التركي قرى في ريف منبج.", "turkey-forces"),
])
def test_forces_a_nisba_after_an_act_and_its_adjectives_names_the_force(pipeline: Any, text: str, actor: str) -> None:
    assert actor in {ref for _, ref in actor_mentions(pipeline, text)}


def test_forces_a_nisba_after_an_adjective_of_no_act_names_no_force(pipeline: Any) -> None:
    assert not actor_mentions(pipeline, "وناقش المؤتمر المشاريع الزراعية الروسية في المنطقة.")


def test_forces_nisba_stems_come_from_the_dictionary() -> None:
    stems = nisba_stems(ActorDictionary.load())
    assert {a.id for a in stems["روسي"]} == {"russia-forces"}
    assert {a.id for a in stems["حوثي"]} == {"houthis"}
    assert _stem("الروسيه") == "روسي" and _stem("حوثيين") == "حوثي" and _stem("قوات روسيه") is None


def test_forces_merged_tellings_keep_both_names(pipeline: Any) -> None:
    # the strike told twice (headline and body) is one event: its side keeps the mentions of both tellings
    text = ("غارات روسية على ريف إدلب\n\nقتل ثلاثة مدنيين اليوم الأحد في غارات شنتها طائرات حربية روسية على بلدة "
            "كفرنبل في ريف إدلب الجنوبي.")
    rec = pipeline.extract_text(text, published="2024-05-02")
    texts = {m.id: m.text for m in rec.mentions}
    named = {texts[m] for e in rec.events for a in (e.actor1, e.actor2) if a and a.id == "russia-forces"
             for m in a.mentions}
    assert {"غارات روسية", "طائرات حربية روسية"} <= named, named


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a name the word for forces opens (the Yemeni قوات الجيش الوطني) ends inside a longer one after the word
    ("وقصفت قوات الجيش الوطني الليبي مواقع في جنوب العاصمة طرابلس ليلة الجمعة.", "قوات الجيش الوطني الليبي", "lna"),
    ("وأعلنت قوات الجيش الوطني الليبي سيطرتها على قاعدة جوية قرب سرت.", "قوات الجيش الوطني الليبي", "lna"),
    ("وانسحبت قوات الجيش الوطني الليبي من محاور القتال في ضواحي غريان.", "قوات الجيش الوطني الليبي", "lna"),
    # the name alone after the word stays as it was
    ("وقصفت قوات الجيش الوطني مواقع الحوثيين في محافظة مأرب.", "قوات الجيش الوطني", "yemen-government-forces"),
    ("وتقدمت قوات الدعم السريع نحو أطراف مدينة الفاشر.", "قوات الدعم السريع", "rsf"),
])
def test_forces_word_for_forces_before_a_longer_name(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


@pytest.mark.parametrize(("text", "phrase", "actor"), [
    # a word for a force's members in construct before its name: the phrase names the force too
    ("جوبا - واتهم الجيش جبهة جنوب السودان المتحدة بالهجوم، وقال إن مقاتلي الجبهة انسحبوا نحو الغابات.",
     "مقاتلي الجبهة", "ssuf"),
    ("وقتل ثلاثة من عناصر تنظيم داعش في كمين نصبه الجيش العراقي قرب كركوك.", "عناصر تنظيم داعش", "islamic-state"),
    ("وقال سكان إن مسلحي حركة الشباب اقتحموا بلدة قرب مقديشو فجر اليوم.", "مسلحي حركة الشباب", "al-shabaab"),
])
def test_forces_members_word_names_the_force(pipeline: Any, text: str, phrase: str, actor: str) -> None:
    found = actor_mentions(pipeline, text)
    assert (phrase, actor) in found, found


@pytest.mark.parametrize("text", [
    # members of no force (civilians, a government) or no word for members: nothing widened
    "وقال عناصر الحكومة السودانية إن الطريق مغلق.",
    "واعتقلت الشرطة أفراد عائلة في مدينة نيالا.",
])
def test_forces_members_word_not_before_an_unarmed_name(pipeline: Any, text: str) -> None:
    found = actor_mentions(pipeline, text)
    assert not any(t.startswith(("عناصر", "أفراد")) for t, _ in found), found

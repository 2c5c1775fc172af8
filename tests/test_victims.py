"""The nouns a toll names its unarmed victims with (شابا، طفل، امرأة، مواطنا، نازحا، متظاهر، فلسطينيا) are the
mentions of the civilians or protesters side they make (recognize.victims). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _sides(pipeline: Any, text: str) -> list[dict[str, list[str]]]:
    """Per event: each actor's id with the texts of its mentions."""
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    texts = {m["id"]: m["text"] for m in rec["mentions"]}
    return [{a["id"]: [texts[m] for m in a["mentions"]] for a in [ev["actor1"], ev["actor2"], *ev["actors"]] if a}
            for ev in rec["events"]]


def _words_of(pipeline: Any, text: str, actor: str) -> set[str]:
    return {w for sides in _sides(pipeline, text) for w in sides.get(actor, [])}


@pytest.mark.parametrize(("text", "actor", "word"), [
    ("قتل شاب برصاص قناصة في حي الكرامة بمدينة حمص مساء الأحد.", "civilians-sy", "شاب"),
    ("قصفت قوات الدعم السريع مخيما في مدينة الفاشر، ما أسفر عن مقتل 11 نازحا بينهم طفلان.", "civilians-sd", "نازحا"),
    ("وأدت القذيفة التي سقطت على سوق شعبي في مدينة تعز إلى مقتل امرأة وإصابة ثلاثة مواطنين.", "civilians-ye", "امرأة"),
    ("استشهد خمسة فلسطينيين بينهم ثلاثة أطفال وامرأتان في غارة إسرائيلية على منزل بمدينة رفح جنوبي قطاع غزة.", "civilians-ps", "فلسطينيين"),
])
def test_victims_toll_nouns_name_the_civilians(pipeline: Any, text: str, actor: str, word: str) -> None:
    assert word in _words_of(pipeline, text, actor), _sides(pipeline, text)


@pytest.mark.parametrize("text", [
    "قتل متظاهر برصاص الشرطة خلال مسيرة في مدينة أم درمان أمس.",
    "أطلقت قوات الأمن النار على مسيرة في مدينة عطبرة فقتلت متظاهرا وأصابت آخرين.",
    "وقتل محتجان حين فرقت الشرطة بالقوة اعتصاما أمام مقر الولاية في مدينة كسلا.",
])
def test_victims_protesters_killed_are_the_protesters_side(pipeline: Any, text: str) -> None:
    sides = _sides(pipeline, text)
    assert any("protesters-sd" in s and s["protesters-sd"] for s in sides), sides
    assert not any("civilians-sd" in s for s in sides), sides


@pytest.mark.parametrize("text", [
    "قتل ثلاثة جنود في هجوم شنه مسلحون على حاجز للجيش في مدينة درعا.",
    "استقبلت بلدة طويلة أكثر من 300 نازح فروا من القتال في مدينة الفاشر.",
])
def test_victims_no_civilians_without_unarmed_victims(pipeline: Any, text: str) -> None:
    sides = _sides(pipeline, text)
    assert not any(k.startswith("civilians") and v for s in sides for k, v in s.items()), sides


def test_victims_a_foreign_nationality_names_no_civilians_here(pipeline: Any) -> None:
    words = {w for s in _sides(pipeline, "قتل ثلاثة مصريين وطفل سوداني في قصف استهدف سوقا بمدينة الفاشر.")
             for w in s.get("civilians-sd", [])}
    assert "مصريين" not in words


@pytest.mark.parametrize(("text", "word", "trigger"), [
    ("قتل 11 نازحا في قصف استهدف مخيما قرب مدينة الفاشر.", "نازحا", "displacement"),
    ("قتل متظاهر برصاص الشرطة خلال مسيرة في مدينة أم درمان أمس.", "متظاهر", "protest"),
])
def test_victims_a_victim_noun_leaves_its_trigger(pipeline: Any, text: str, word: str, trigger: str) -> None:
    # (a victim noun is no name: a trigger under it stays one, as it was before the noun named the victims)
    rec = pipeline.extract_text(text, published="2024-05-02")
    kinds = {(m.kind, m.ref) for m in rec.mentions if m.text == word}
    assert ("trigger", trigger) in kinds and any(k == "actor" for k, _ in kinds), kinds


@pytest.mark.parametrize(("text", "actor", "word"), [
    ("نفذت قوات الاحتلال حملة دهم في مدينة جنين واعتقلت عددا من المواطنين.", "civilians-ps", "المواطنين"),
    ("فتحت الشرطة النار على المواطنين المتجمعين أمام مخبز في مدينة الأبيض، ما أدى إلى إصابة ثلاثة منهم.",
     "civilians-sd", "المواطنين"),
    ("قتل المهاجر برصاص حرس السواحل قرب مدينة زوارة غربي ليبيا.", "migrants-ly", "المهاجر"),
    ("فتحت قوات الأمن النار على المحتج حين حاول عبور الحاجز في مدينة كربلاء.", "protesters-iq", "المحتج"),
    ("أصيب صحفيان بجروح عندما استهدفت غارة جوية سيارتهما في مدينة دير البلح وسط قطاع غزة.", "journalists", "صحفيان"),
])
def test_victims_group_nouns_name_their_unarmed_actor(pipeline: Any, text: str, actor: str, word: str) -> None:
    # (a plural, a dual or the definite singular of a role noun, in a toll or outside one)
    assert word in _words_of(pipeline, text, actor), _sides(pipeline, text)


@pytest.mark.parametrize("text", [
    "التقى وزير التربية ممثلين عن الطلبة في مدينة حمص السورية.",
    "زار محافظ البصرة العمال في موقع المشروع جنوبي العراق.",
    "قصفت طائرة مسيرة مجموعة من الشبان قرب دوار في مدينة خان يونس.",
])
def test_victims_a_trade_or_young_men_outside_a_protest_or_toll_name_no_actor(pipeline: Any, text: str) -> None:
    sides = _sides(pipeline, text)
    assert not any(k.startswith(("civilians", "protesters")) for s in sides for k in s), sides


@pytest.mark.parametrize("text", [
    "قصفت قوات الدعم السريع معسكر أبو شوك للنازحين في مدينة الفاشر فقتلت 12 مدنيا.",
    "سقطت قذيفة على مخيم للاجئين قرب مدينة عرسال فأصابت أربعة أطفال.",
    "استهدفت غارة مخيمات المهجرين غربي مدينة إدلب وقتلت خمسة مدنيين.",
])
def test_victims_a_group_noun_in_a_sites_name_is_no_mention(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02")
    words = {m.text for m in rec.mentions if m.kind == "actor"}
    assert not words & {"للنازحين", "للاجئين", "المهجرين"}, words


def test_victims_the_tolls_noun_joins_the_side_the_roles_chose(pipeline: Any) -> None:
    words = _words_of(pipeline, "لقي مهاجر مصرعه عندما هاجم مسلحون تجمعا للمهاجرين قرب مدينة صبراتة.", "migrants-ly")
    assert {"مهاجر", "لمهاجرين"} <= words


# civilians named by what they do or where they are (متسوقين، طالبي المساعدات، المارة، الركاب): the civilians a
# violent event hits, in a toll or outside one; a sentence that tells no violence makes them no actor
@pytest.mark.parametrize(("text", "actor", "word"), [
    ("قتل خمسة متسوقين في قصف استهدف سوقا شعبيا في مدينة إدلب.", "civilians-sy", "متسوقين"),
    ("قتلت غارة جوية ثلاثة من طالبي المساعدات قرب مركز توزيع في مدينة رفح.", "civilians-ps", "طالبي المساعدات"),
    ("أطلقت القوات النار على المتسوقين في سوق مدينة إدلب.", "civilians-sy", "المتسوقين"),
    ("أصيب سائق وثلاثة ركاب بقصف مدفعي على الطريق قرب مدينة تعز.", "civilians-ye", "سائق"),
])
def test_victims_civilians_by_activity_or_place_hit_by_violence(pipeline: Any, text: str, actor: str,
                                                                 word: str) -> None:
    assert word in _words_of(pipeline, text, actor), _sides(pipeline, text)


@pytest.mark.parametrize("text", [
    "اكتظ السوق بالمتسوقين في مدينة إدلب قبل العيد.",
    "وزعت المنظمة الطعام على طالبي المساعدات في مدينة رفح.",
    "قال سائقون إن الطريق إلى مدينة حلب مغلق منذ أسبوع.",
])
def test_victims_civilians_by_activity_without_violence_name_no_actor(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, published="2024-05-02")
    assert not [m for m in rec.mentions if m.kind == "actor" and "civilians" in str(m.ref)], rec.mentions


_ANY_COUNTRY = (
    "قتل 12 طفلا وثلاث نساء في هجوم على بلدة في {name} أمس، ونزح 300 شخص من المنطقة.",
    "أفادت الشرطة في {name} بمقتل سبعة أشخاص بينهم طفلان، وتظاهر مئات المواطنين والطلبة أمام البرلمان.",
    "أطلق مسلحون مجهولون النار على المتسوقين في سوق شعبي في {name} فقتلوا خمسة مدنيين وصحفيا ومهاجرين اثنين.",
)


def test_victims_every_country_of_the_gazetteer_is_read(pipeline: Any) -> None:
    """Victim nouns in a report about any country the gazetteer knows, including the many that have no civilians
    entry in the actor dictionary (before, 220 of 243 countries stopped the article with an assertion): the
    article is read, its tolls kept, its spans true."""
    from rasd.invariants import span_violations

    countries = [p for p in pipeline.resources.gazetteer.places if p.feature == "country"]
    assert len(countries) > 200
    for place in countries:
        for template in _ANY_COUNTRY:
            rec = pipeline.extract_text(template.format(name=place.name_ar), published="2024-05-02")
            assert not span_violations(rec), (place.id, template)
            assert rec.to_json()["counts"], (place.id, template)


@pytest.mark.parametrize(("text", "actor", "word"), [
    ("قتل 12 طفلا وثلاث نساء في هجوم شنه مسلحون مجهولون على قرية في إقليم أمهرة بإثيوبيا أمس.", "civilians-et", "طفلا"),
    ("أصيب عشرون متظاهرا حين فرقت الشرطة مسيرة في العاصمة الكينية نيروبي.", "protesters-ke", "متظاهرا"),
    ("قتل تسعة أطفال في قصف صاروخي على حي سكني في مدينة خاركيف بأوكرانيا.", "civilians-ua", "أطفال"),
])
def test_victims_civilians_of_the_wars_without_a_dictionary_file(pipeline: Any, text: str, actor: str,
                                                                 word: str) -> None:
    """The generic template's countries include wars the dictionary has no file for (Ethiopia, Kenya, Ukraine …)."""
    assert word in _words_of(pipeline, text, actor), _sides(pipeline, text)

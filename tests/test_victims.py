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

"""Gunmen named by where they came from (مجموعة مسلحة قدمت من X، مسلحون قادمون من بلدة X، مسلحين من X) are a group
of their own, kept unlinked under that phrase (recognize.unlinked, descriptors.yaml `provenance`); the generic
unidentified-gunmen entry keeps the plain forms (كتيبة مسلحة، قوة أمنية: resources). All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str) -> list[tuple[str | None, list[str]]]:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    texts = {m["id"]: m["text"] for m in rec["mentions"]}
    return [(a["id"], [texts[m] for m in a["mentions"]]) for ev in rec["events"]
            for a in [ev["actor1"], ev["actor2"], *ev["actors"]] if a]


@pytest.mark.parametrize(("text", "name"), [
    ("اشتبكت قوات الجيش مع مجموعة مسلحة قدمت من مدينة بني وليد.", "مجموعة مسلحة قدمت من مدينة بني وليد"),
    ("هاجم مسلحون قادمون من بلدة تلكلخ حاجزا للشرطة في ريف حمص.", "مسلحون قادمون من بلدة تلكلخ"),
    ("اندلعت اشتباكات عنيفة بين قوة الردع ومسلحين من الزاوية.", "مسلحين من الزاوية"),
])
def test_unlinked_gunmen_named_by_where_they_came_from(pipeline: Any, text: str, name: str) -> None:
    actors = _actors(pipeline, text)
    assert (None, [name]) in actors, actors
    assert not any(str(a).startswith("unidentified-armed-group") for a, _ in actors), actors


def _named(pipeline: Any, text: str) -> list[tuple[str | None, str | None]]:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    return [(a["id"], a["name_ar"]) for ev in rec["events"] for a in [ev["actor1"], ev["actor2"], *ev["actors"]] if a]


# gunmen from two areas (من منطقتي X وY، من بلدتي X وY): two groups, each named by its area, the two sides of the
# fight (بين still opens the first); the generic unidentified gunmen are gone
@pytest.mark.parametrize(("text", "first", "second"), [
    ("اشتبك مسلحون من منطقتي التبانة والقبة في مدينة طرابلس اللبنانية مساء أمس.", "التبانة", "القبة"),
    ("قتل شخصان في تجدد الاشتباكات بين مسلحين من منطقتي باب التبانة وجبل محسن في مدينة طرابلس.", "باب التبانة",
     "جبل محسن"),
    ("وقعت اشتباكات عنيفة بين مسلحين من بلدتي كفرنبل وحاس في ريف إدلب الجنوبي.", "كفرنبل", "حاس"),
])
def test_unlinked_gunmen_from_two_areas_are_two_groups(pipeline: Any, text: str, first: str, second: str) -> None:
    actors = _named(pipeline, text)
    assert (None, first) in actors and (None, second) in actors, actors
    assert not any(str(a).startswith("unidentified-armed-group") for a, _ in actors), actors


# no dual of a place descriptor, or no name after it: no group named by an area
@pytest.mark.parametrize("text", [
    "هاجم مسلحون من خارج المدينة حاجزا للشرطة في ريف حمص.",
    "اشتبك مسلحون في منطقتي الأسواق مع دورية للشرطة في مدينة الزاوية.",
])
def test_unlinked_gunmen_without_two_areas_name_no_area(pipeline: Any, text: str) -> None:
    assert not any(a is None for a, _ in _named(pipeline, text)), _named(pipeline, text)


@pytest.mark.parametrize(("text", "actor", "word"), [
    ("داهمت قوة أمنية منزلا في مدينة كركوك واعتقلت مطلوبين اثنين.", "security-forces-iq", "قوة أمنية"),
    ("انتشرت قوات أمنية في شوارع مدينة الحلة بعد الانفجار جنوبي بغداد.", "security-forces-iq", "قوات أمنية"),
    ("اشتبكت كتيبة مسلحة مع قوات الأمن في مدينة الزاوية.", "unidentified-armed-group-ly", "كتيبة مسلحة"),
])
def test_unlinked_indefinite_forces_are_the_generic_entry(pipeline: Any, text: str, actor: str, word: str) -> None:
    assert any(a == actor and word in ws for a, ws in _actors(pipeline, text)), _actors(pipeline, text)

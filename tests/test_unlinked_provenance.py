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


def test_unlinked_gunmen_from_two_areas_stay_generic(pipeline: Any) -> None:
    # (منطقتي X وY: two groups, one per area; no single phrase names them)
    actors = _actors(pipeline, "اشتبك مسلحون من منطقتي التبانة والقبة في مدينة طرابلس اللبنانية مساء أمس.")
    assert not any(a is None and any("التبانة" in w for w in ws) for a, ws in actors), actors


@pytest.mark.parametrize(("text", "actor", "word"), [
    ("داهمت قوة أمنية منزلا في مدينة كركوك واعتقلت مطلوبين اثنين.", "security-forces-iq", "قوة أمنية"),
    ("انتشرت قوات أمنية في شوارع مدينة الحلة بعد الانفجار جنوبي بغداد.", "security-forces-iq", "قوات أمنية"),
    ("اشتبكت كتيبة مسلحة مع قوات الأمن في مدينة الزاوية.", "unidentified-armed-group-ly", "كتيبة مسلحة"),
])
def test_unlinked_indefinite_forces_are_the_generic_entry(pipeline: Any, text: str, actor: str, word: str) -> None:
    assert any(a == actor and word in ws for a, ws in _actors(pipeline, text)), _actors(pipeline, text)

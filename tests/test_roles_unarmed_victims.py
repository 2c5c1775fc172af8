"""Young men and other unarmed people shot or rounded up are the civilian side of the event (roles.unarmed_victims).
All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _sides(pipeline: Any, text: str) -> list[tuple[str | None, str | None]]:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    return [((ev["actor1"] or {}).get("id"), (ev["actor2"] or {}).get("id")) for ev in rec["events"]]


@pytest.mark.parametrize(("text", "civilians"), [
    ("شنت قوات الأمن حملة دهم في بلدة الحراك بريف درعا واعتقلت 12 شابا على الأقل.", "civilians-sy"),
    ("اعتقلت القوات الإسرائيلية ثلاثة مواطنين من مدينة الخليل فجر اليوم.", "civilians-ps"),
    ("قتل شاب برصاص قوات الاحتلال في بلدة بيتا جنوب نابلس.", "civilians-ps"),
    ("أصيب رجلان بجروح خطيرة برصاص مسلحين مجهولين في مدينة الموصل.", "civilians-iq"),
])
def test_roles_unarmed_victims_are_civilians(pipeline: Any, text: str, civilians: str) -> None:
    assert any(a2 == civilians for _, a2 in _sides(pipeline, text)), _sides(pipeline, text)


@pytest.mark.parametrize("text", [
    "قتل ثلاثة جنود في هجوم شنه مسلحون على حاجز في مدينة درعا.",
    "اعتقل الجيش السوداني 4 مقاتلين من الدعم السريع في مدينة الأبيض.",
])
def test_roles_fighters_are_no_civilians(pipeline: Any, text: str) -> None:
    assert not any(a2 and a2.startswith("civilians") for _, a2 in _sides(pipeline, text)), _sides(pipeline, text)


def _all_sides(pipeline: Any, text: str) -> list[set[str]]:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    return [{a["id"] for a in [ev["actor1"], ev["actor2"], *ev["actors"]] if a} for ev in rec["events"]]


@pytest.mark.parametrize(("text", "civilians"), [
    ("قتل ثلاثة جنود وأصيب 14 آخرون بينهم ستة أطفال في انفجار سيارة مفخخة استهدف حاجزا للجيش في مدينة بيدوا.",
     "civilians-so"),
    ("وأسفر قصف الحوثيين لمواقع الجيش اليمني في مدينة تعز عن مقتل جنديين وإصابة امرأة وطفلها.", "civilians-ye"),
    ("قصفت القوات التركية مواقع لوحدات حماية الشعب في مدينة عين العرب، ما أدى إلى مقتل مقاتلين اثنين وثلاثة مدنيين.",
     "civilians-sy"),
])
def test_roles_civilians_hit_beside_two_armed_sides(pipeline: Any, text: str, civilians: str) -> None:
    assert any(civilians in sides and len(sides) >= 2 for sides in _all_sides(pipeline, text)), _all_sides(pipeline, text)


def test_roles_protesters_hit_are_the_side_already(pipeline: Any) -> None:
    sides = _all_sides(pipeline, "وأصيب سبعة متظاهرين بقنبلة صوتية ألقاها مجهولون على ساحة الاعتصام في مدينة البصرة.")
    assert not any("civilians-iq" in s for s in sides), sides

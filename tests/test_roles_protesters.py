"""A protest's people are its protesters (events.roles.protest_sides): the trades, residents and citizens a
sentence telling a protest names (الطلبة، المعلمين، أهالي) stand for the protesters of the document's country,
and a protest that names none has them as its first side. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _protests(pipeline: Any, text: str) -> list[dict[str, list[str]]]:
    rec = pipeline.extract_text(text, published="2024-05-02").to_json()
    texts = {m["id"]: m["text"] for m in rec["mentions"]}
    return [{a["id"]: [texts[m] for m in a["mentions"]] for a in [ev["actor1"], ev["actor2"], *ev["actors"]] if a}
            for ev in rec["events"] if ev["plover"] == "PROTEST"]


@pytest.mark.parametrize(("text", "actor", "word"), [
    ("تظاهر مئات الطلبة أمام مبنى الجامعة في مدينة الموصل.", "protesters-iq", "الطلبة"),
    ("نظم عشرات المعلمين وقفة احتجاجية أمام مقر الولاية في مدينة كسلا.", "protesters-sd", "المعلمين"),
    ("اعتصم أهالي الحي أمام مقر المحافظة في مدينة البصرة للمطالبة بتحسين الخدمات.", "protesters-iq", "أهالي"),
    ("خرج آلاف الطلاب في مسيرة احتجاجية جابت شوارع مدينة ود مدني.", "protesters-sd", "الطلاب"),
])
def test_roles_a_protests_people_are_its_protesters(pipeline: Any, text: str, actor: str, word: str) -> None:
    protests = _protests(pipeline, text)
    assert any(word in p.get(actor, []) for p in protests), protests
    assert not any(k.startswith("civilians") for p in protests for k in p), protests


@pytest.mark.parametrize(("text", "actor"), [
    ("خرجت مظاهرة حاشدة في مدينة بنغازي احتجاجا على تردي الخدمات.", "protesters-ly"),
    ("شهدت مدينة السليمانية وقفة احتجاجية أمام مبنى المحافظة شمالي العراق.", "protesters-iq"),
    ("انطلقت مسيرة سلمية وسط مدينة عطبرة السودانية صباح اليوم.", "protesters-sd"),
])
def test_roles_a_protest_naming_no_people_has_the_countrys_protesters(pipeline: Any, text: str, actor: str) -> None:
    protests = _protests(pipeline, text)
    assert protests and all(actor in p for p in protests), protests


@pytest.mark.parametrize(("text", "actor", "words"), [
    ("اعتصم أهالي المدينة أمام مبنى البلدية في مدينة الكوت احتجاجا على انقطاع الكهرباء.", "protesters-iq",
     "أهالي المدينة"),
    ("تظاهر سكان مدينة الأبيض أمام مقر الحكومة المحلية في ولاية شمال كردفان.", "protesters-sd", "سكان مدينة الأبيض"),
    ("خرج طلاب الجامعة في مسيرة احتجاجية بمدينة الموصل شمالي العراق.", "protesters-iq", "طلاب الجامعة"),
])
def test_roles_a_protesting_group_in_construct_takes_its_genitive(pipeline: Any, text: str, actor: str,
                                                                  words: str) -> None:
    protests = _protests(pipeline, text)
    assert any(words in p.get(actor, []) for p in protests), protests


@pytest.mark.parametrize(("text", "actor", "word"), [
    ("تظاهر آلاف الفلسطينيين قرب السياج الحدودي شرقي مدينة غزة.", "protesters-ps", "الفلسطينيين"),
    ("احتشد آلاف السودانيين في شوارع مدينة أم درمان في مظاهرات حاشدة.", "protesters-sd", "السودانيين"),
    ("خرج عشرات اليمنيين في مسيرة احتجاجية وسط مدينة تعز.", "protesters-ye", "اليمنيين"),
])
def test_roles_the_countrys_nationals_in_a_protest_are_its_protesters(pipeline: Any, text: str, actor: str,
                                                                      word: str) -> None:
    protests = _protests(pipeline, text)
    assert any(word in p.get(actor, []) for p in protests), protests

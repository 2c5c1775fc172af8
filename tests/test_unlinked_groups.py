"""Gunmen and fighters named by who they are (recognize.unlinked_groups.groups_by_identity): المسلحين الدروز، مقاتلين
أكراد، الفصائل الدرزية are one unlinked identity militia named by the whole phrase, not unidentified gunmen (issue
14: unfamiliar groups described by a phrase). All sentences are our own."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import DocumentRecord


def _record(pipeline: Pipeline, text: str) -> DocumentRecord:
    return pipeline.extract_text(text, source="own", published="2025-07-20")


def _side_names(rec: DocumentRecord) -> set[str]:
    return {a.name_ar for e in rec.events for a in (e.actor1, e.actor2, *e.other_actors) if a is not None}


@pytest.mark.parametrize(("text", "group"), [
    ("وأعدم المسلحين الدروز ثلاثة مدنيين في قرية قرب مدينة شهبا.", "المسلحين الدروز"),
    ("وشنت القوات التركية هجوما على المقاتلين الأكراد الذين يسيطرون على مدينة منبج.", "المقاتلين الأكراد"),
    ("واشتبك مسلحون بدو مع عناصر من الأمن العام في بلدة المزرعة بريف السويداء.", "مسلحون بدو"),
    ("وقصفت الفصائل الدرزية مواقع للقوات الحكومية قرب مدينة السويداء.", "الفصائل الدرزية"),
    ("وهاجم المسلحون العلويون حاجزا للأمن العام في ريف مدينة جبلة.", "المسلحون العلويون"),
])
def test_unlinked_groups_gunmen_named_by_identity_are_one_group(pipeline: Pipeline, text: str, group: str) -> None:
    rec = _record(pipeline, text)
    assert any(m.text == group and m.ref is None for m in rec.mentions if m.kind == "actor")
    names = _side_names(rec)
    assert group in names, names
    assert "مسلحون مجهولون" not in names  # (not the unidentified gunmen of the country)


@pytest.mark.parametrize(("text", "known"), [
    # (a known name after the noun is its own actor; an unknown word that is no identity names nothing)
    ("وهاجم مسلحو حركة الشباب قاعدة للجيش الصومالي قرب مدينة كيسمايو.", "al-shabaab"),
    ("وهاجم مسلحون مجهولون حاجزا للجيش السوري في مدينة درعا.", "unidentified-armed-group-sy"),
])
def test_unlinked_groups_known_or_unidentified_gunmen_stay(pipeline: Pipeline, text: str, known: str) -> None:
    rec = _record(pipeline, text)
    ids = {a.id for e in rec.events for a in (e.actor1, e.actor2, *e.other_actors) if a is not None}
    assert known in ids, ids


# a body named again by the first words of its longer name is that body (recognize.unlinked_groups.short_forms)
@pytest.mark.parametrize(("text", "body"), [
    ("وقعت اللجنة العسكرية المشتركة للحدود اتفاقا لوقف إطلاق النار في مدينة غدامس. وستعقد اللجنة العسكرية "
     "اجتماعها المقبل في مدينة سرت.", "unlinked:actor:اللجنه العسكريه المشتركه للحدود"),
    ("ونددت اللجنة الدولية للصليب الأحمر بقصف مستشفى في مدينة تعز. وطالبت اللجنة الدولية بفتح تحقيق في القصف.",
     "icrc"),
    ("وأعلنت الهيئة العليا لشؤون النازحين في ولاية النيل الأزرق توزيع مساعدات غذائية على الأسر في مدينة الدمازين. "
     "وطالبت الهيئة العليا المنظمات الدولية بزيادة الدعم.", "unlinked:actor:الهييه العليا لشوون النازحين"),
])
def test_unlinked_groups_short_form_is_the_longer_body(pipeline: Pipeline, text: str, body: str) -> None:
    rec = _record(pipeline, text)
    mentions = [m for m in rec.mentions if m.kind == "actor"]
    assert len(mentions) >= 2 and mentions[1].ref == (None if body.startswith("unlinked:") else body)
    last = rec.events[-1]
    assert last.actor1 is not None and last.actor1.id == body, last.actor1

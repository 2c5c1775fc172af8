"""Generic groups that act without a name (actors/international.yaml, its last section): donors, mediators, human
rights groups, international organisations and suspects are actors of no country, in every war. All sentences are
our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str) -> dict[str, str]:
    a = pipeline.analyse(text, published="2024-05-02")
    return {m.text: m.actor.id for m in a.actors}


@pytest.mark.parametrize(("text", "mention", "actor_id"), [
    # donors: the addressee of an appeal, the subject of a pledge, with its adjective
    ("ناشد منسق الشؤون الإنسانية في السودان المانحين الإسراع في تمويل خطة الاستجابة.", "المانحين", "donors"),
    ("دعت الحكومة اليمنية الدول المانحة إلى الوفاء بتعهداتها لمساعدة النازحين في مأرب.", "الدول المانحة", "donors"),
    ("تعهد المانحون الدوليون بتقديم مليار دولار لإعادة إعمار المدن المدمرة في الصومال.", "المانحون الدوليون",
     "donors"),
    # mediators
    ("أعلن الوسطاء التوصل إلى اتفاق لوقف إطلاق النار في قطاع غزة يبدأ صباح الأحد.", "الوسطاء", "mediators"),
    ("قالت الدول الوسيطة إن المفاوضات بين الطرفين السودانيين ستستأنف الأسبوع المقبل.", "الدول الوسيطة",
     "mediators"),
    ("ولم يتمكن الوسطاء الدوليون من إقناع الطرفين بتمديد الهدنة في ليبيا.", "الوسطاء الدوليون", "mediators"),
    # human rights groups
    ("اتهمت منظمات حقوقية قوات الأمن العراقية باستخدام القوة المفرطة ضد المتظاهرين في البصرة.", "منظمات حقوقية",
     "human-rights-groups"),
    ("طالبت جماعات حقوق الإنسان بالتحقيق في مقتل الصحفيين في جنوب لبنان.", "جماعات حقوق الإنسان",
     "human-rights-groups"),
    ("وثقت المنظمات الحقوقية عشرات حالات الاعتقال التعسفي في مدينة تعز.", "المنظمات الحقوقية",
     "human-rights-groups"),
    # international organisations
    ("طالبت المنظمات الدولية بفتح ممرات آمنة لإيصال المساعدات إلى مدينة الفاشر.", "المنظمات الدولية",
     "international-organisations"),
    ("حذرت منظمات إنسانية دولية من تفشي الكوليرا في مخيمات النزوح شمال سوريا.", "منظمات إنسانية دولية",
     "international-organisations"),
    ("علقت منظمات دولية عملها في ولاية جونقلي بعد نهب مخازنها.", "منظمات دولية", "international-organisations"),
    # suspects
    ("اعتقلت الشرطة الليبية خمسة مشتبه بهم في تفجير سيارة مفخخة ببنغازي.", "مشتبه بهم", "suspects"),
    ("أعلن الجيش الإسرائيلي اعتقال 12 مطلوبا خلال مداهمات في مدينة الخليل.", "مطلوبا", "suspects"),
    ("أفرجت السلطات عن المشتبه بهم بعد التحقيق معهم في بغداد.", "المشتبه بهم", "suspects"),
])
def test_actors_generic_groups_resolve(pipeline: Any, text: str, mention: str, actor_id: str) -> None:
    found = _actors(pipeline, text)
    assert found.get(mention) == actor_id, found


def test_actors_generic_groups_take_part_in_events(pipeline: Any) -> None:
    rec = pipeline.extract_text("ناشد منسق الشؤون الإنسانية للأمم المتحدة في اليمن المانحين الإسراع في الوفاء "
                                "بتعهداتهم.", published="2024-05-02").to_json()
    ids = {(e.get(role) or {}).get("id") for e in rec["events"] for role in ("actor1", "actor2")}
    ids |= {x.get("id") for e in rec["events"] for x in e["actors"]}
    assert "donors" in ids, rec["events"]

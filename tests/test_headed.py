"""A government named by its head (recognize/headed.py): حكومة + a person's name is the government that person
headed, read from the offices data. All sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str, published: str | None) -> set[tuple[str, str]]:
    """(actor id, mention text) of the record's linked event actors, each mention checked against its offsets."""
    rec = pipeline.extract_text(text, published=published).to_json()
    mentions = {m["id"]: m for m in rec["mentions"]}
    for m in mentions.values():
        assert text[m["start"]:m["end"]] == m["text"]
    return {(ent["id"], mentions[k]["text"]) for ev in rec["events"]
            for ent in [ev["actor1"], ev["actor2"], *ev["actors"]] if ent and ent["id"] for k in ent["mentions"]}


@pytest.mark.parametrize(("text", "published", "actor", "mention"), [
    ("أدانت حكومة عبد الحميد الدبيبة القصف الذي استهدف مطار معيتيقة.", "2023-01-10", "gnu",
     "حكومة عبد الحميد الدبيبة"),
    ("واتهمت حكومة فتحي باشاغا مجموعات مسلحة بمهاجمة مقرها في طرابلس.", "2022-06-20", "gnu-east-gns",
     "حكومة فتحي باشاغا"),
    ("هاجمت طائرات تابعة لحكومة فايز السراج مواقع في مدينة ترهونة.", "2019-09-02", "gna",
     "طائرات تابعة لحكومة فايز السراج"),
    ("واتهمت حكومة نوري المالكي تنظيم القاعدة بتفجير سيارة مفخخة في بغداد.", "2010-02-01", "iraq-government",
     "حكومة نوري المالكي"),
    ("ورفضت حكومة أسامة حماد الاتهامات بقصف مدينة درنة.", None, "gnu-east-gns", "حكومة أسامة حماد"),
])
def test_headed_government_named_by_its_head(pipeline: Any, text: str, published: str | None, actor: str,
                                              mention: str) -> None:
    assert (actor, mention) in _actors(pipeline, text, published)


@pytest.mark.parametrize(("text", "published", "name"), [
    ("قال فتحي باشاغا إن قواته اشتبكت مع مسلحين في طرابلس.", "2022-08-28", "باشاغا"),
    ("وأدان عبد الحميد الدبيبة الهجوم على مقر الحكومة في طرابلس.", "2023-01-10", "الدبيبة"),
    ("ونقل التلفزيون عن نوري المالكي قوله إن القوات اعتقلت منفذي تفجير بغداد.", "2010-02-01", "المالكي"),
])
def test_headed_person_without_the_word_stays_the_person(pipeline: Any, text: str, published: str,
                                                         name: str) -> None:
    rec = pipeline.extract_text(text, published=published).to_json()
    people = [m for m in rec["mentions"] if m["kind"] == "actor" and name in m["text"]]
    assert people and not any(m["text"].startswith("حكومة") or m["ref"] in {"gnu", "gnu-east-gns", "iraq-government"}
                              for m in people), people

"""A government named by its head (recognize/headed.py feeding recognize/belonging.LedBodies): حكومة + a person's
name is the government that person headed, read from the offices data when the dictionary has no such name. All
sentences are our own."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str, published: str | None) -> set[tuple[str, str]]:
    """(actor id, mention text) of the record's actor mentions, each checked against its offsets."""
    rec = pipeline.extract_text(text, published=published).to_json()
    for m in rec["mentions"]:
        assert text[m["start"]:m["end"]] == m["text"]
    return {(m["ref"], m["text"]) for m in rec["mentions"] if m["kind"] == "actor"}


@pytest.mark.parametrize(("text", "published", "actor", "name"), [
    # heads whose government the dictionary names by no "حكومة + name" entry: the offices data says it
    ("واتهمت حكومة نوري المالكي تنظيم القاعدة بتفجير سيارة مفخخة في بغداد.", "2010-02-01", "iraq-government",
     "نوري المالكي"),
    ("ورحبت حكومة حيدر العبادي بقرار مجلس الأمن بشأن الموصل.", "2016-03-01", "iraq-government", "حيدر العبادي"),
    ("ونددت حكومة نجيب ميقاتي بالغارة التي استهدفت بلدة في جنوب لبنان.", "2023-11-20", "lebanon-government",
     "نجيب ميقاتي"),
    ("وأدانت حكومة عبدالله حمدوك الهجوم على قرية في دارفور.", "2020-05-04", "sudan-government", "عبدالله حمدوك"),
    # and those it does name (حكومة باشاغا): the dictionary's own reading
    ("واتهمت حكومة فتحي باشاغا مجموعات مسلحة بمهاجمة مقرها في طرابلس.", "2022-06-20", "gnu-east-gns",
     "فتحي باشاغا"),
])
def test_headed_government_named_by_its_head(pipeline: Any, text: str, published: str | None, actor: str,
                                              name: str) -> None:
    found = _actors(pipeline, text, published)
    assert any(ref == actor and name in mention for ref, mention in found), found


@pytest.mark.parametrize(("text", "published", "person"), [
    ("ونقل التلفزيون عن نوري المالكي قوله إن القوات اعتقلت منفذي تفجير بغداد.", "2010-02-01", "nouri-maliki"),
    ("وأدان نجيب ميقاتي الغارة على بلدة في جنوب لبنان.", "2023-11-20", "najib-mikati"),
    ("وقال حيدر العبادي إن القوات ستحرر الموصل قريبا.", "2016-03-01", "haider-abadi"),
])
def test_headed_person_without_the_word_stays_the_person(pipeline: Any, text: str, published: str,
                                                         person: str) -> None:
    assert person in {ref for ref, _ in _actors(pipeline, text, published)}


def test_headed_pairs_come_from_the_offices_data(pipeline: Any) -> None:
    from rasd.recognize.headed import GOVERNMENT, HeadedGovernments

    res = pipeline.resources
    pairs = HeadedGovernments(res.offices.book, res.actors).by_head()
    assert pairs[(GOVERNMENT, "nouri-maliki")].id == "iraq-government"
    assert pairs[(GOVERNMENT, "bashagha")].id == "gnu-east-gns"  # (the office's own government, not his old one)

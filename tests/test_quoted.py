"""Actor names with quotation marks between or around their words (recognize/quoted.py). All sentences are our
own."""

from __future__ import annotations

from typing import Any

import pytest


def _actors(pipeline: Any, text: str) -> set[tuple[str, str]]:
    """(actor id, mention text) of the record's linked event actors; each mention's text checked against the
    original by its offsets."""
    rec = pipeline.extract_text(text, published="2017-05-01").to_json()
    mentions = {m["id"]: m for m in rec["mentions"]}
    for m in mentions.values():
        assert text[m["start"]:m["end"]] == m["text"]
    return {(ent["id"], mentions[k]["text"]) for ev in rec["events"]
            for ent in [ev["actor1"], ev["actor2"], *ev["actors"]] if ent and ent["id"] for k in ent["mentions"]}


@pytest.mark.parametrize(("text", "actor", "mention"), [
    ('قتل خمسة جنود في هجوم تبناه تنظيم "الدولة الإسلامية" قرب مدينة تدمر.', "islamic-state",
     'تنظيم "الدولة الإسلامية"'),
    ("وتبنى تنظيم «الدولة الإسلامية» تفجيرا استهدف سوقا في مدينة كركوك.", "islamic-state",
     "تنظيم «الدولة الإسلامية»"),
    ("وتبنى تنظيم 'الدولة الإسلامية' الهجوم على قرية قرب كركوك.", "islamic-state", "تنظيم 'الدولة الإسلامية'"),
    ('هاجم مسلحون من الدولة "الإسلامية" حاجزا في دير الزور.', "islamic-state", 'الدولة "الإسلامية"'),
    ("وشن طيران «العدوان» غارتين على مديرية مجزر في محافظة مأرب.", "saudi-coalition", "طيران «العدوان»"),
    ("قصف طيران “العدوان” منزلا في مدينة صعدة فقتل امرأة.", "saudi-coalition", "طيران “العدوان”"),
])
def test_quoted_name_is_read_across_its_marks(pipeline: Any, text: str, actor: str, mention: str) -> None:
    assert (actor, mention) in _actors(pipeline, text)


def test_quoted_name_wrapped_whole_keeps_its_head() -> None:
    from rasd.recognize.quoted import unquoted

    bare, where, cuts = unquoted('تنظيم «داعش» و"Ta\'sis"'.replace("«", '"').replace("»", '"'))
    assert bare == "تنظيم داعش وTa'sis"
    assert cuts == [6, 10, 12, 18] and where[6] == 7


@pytest.mark.parametrize("name", ['تنظيم "الدولة الإسلامية"', "طيران «العدوان»", "تنظيم “داعش”"])
def test_quoted_name_lookup_reads_the_name(name: str) -> None:
    from rasd.resources.actors import ActorDictionary

    assert ActorDictionary.load().lookup(name)[1]

"""A person named only by an office (رئيس الوزراء القطري، قائد الجيش، المبعوث الأممي إلى اليمن) is its holder on the
document's date (data/offices.yaml, rasd.recognize.offices)."""

from __future__ import annotations

from typing import Any

import pytest

from rasd.resources.actors import ActorDictionary
from rasd.resources.datafiles import ResourceError
from rasd.resources.offices import Holder, OfficeBook


def _actors(pipeline: Any, text: str, published: str) -> list[tuple[str, str]]:
    return [(m.text, m.actor.id) for m in pipeline.analyse(text, published=published).actors]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a nisba says the country
    ("استقبل رئيس الوزراء القطري بالدوحة مساء أمس وفدا من الوسطاء لمناقشة تبادل الأسرى.", "2024-05-02",
     ("رئيس الوزراء القطري", "mohammed-bin-abdulrahman")),
    ("وبحث وزير الخارجية التركي هاتفيا مع نظيره المصري تطورات الحرب.", "2024-01-09", ("وزير الخارجية التركي", "hakan-fidan")),
    ("وبحث وزير الخارجية التركي هاتفيا مع نظيره المصري تطورات الحرب.", "2020-01-09", ("وزير الخارجية التركي", "cavusoglu")),
    # a preposition and the country's name
    ("ويصل المبعوث الأممي إلى اليمن الأسبوع المقبل إلى مسقط لإجراء مشاورات مع الأطراف.", "2023-06-20",
     ("المبعوث الأممي إلى اليمن", "hans-grundberg")),
    ("ويصل المبعوث الأممي إلى اليمن الأسبوع المقبل إلى مسقط لإجراء مشاورات مع الأطراف.", "2019-06-20",
     ("المبعوث الأممي إلى اليمن", "martin-griffiths")),
    # an office of one country, with a clitic before it
    ("ولرئيس حكومة الوحدة الوطنية كلمة مرتقبة عن الانتخابات أمام أعيان مصراتة.", "2022-08-01",
     ("رئيس حكومة الوحدة الوطنية", "dbeibah")),
    # a bare title takes the document's country
    ("أكد قائد الجيش خلال تفقده الخطوط الأمامية في الفاشر أن القوات المسلحة لن تفاوض قوات الدعم السريع.",
     "2024-06-11", ("قائد الجيش", "burhan")),
    # titles in apposition share the country said after the last
    ("وأكد رئيس مجلس الوزراء وزير الخارجية القطري خلال لقائه وفدا فلسطينيا في الدوحة استمرار الوساطة.", "2024-09-02",
     ("رئيس مجلس الوزراء", "mohammed-bin-abdulrahman")),
    ("والتقى في رام الله المنسق الخاص للأمم المتحدة لعملية السلام في الشرق الأوسط مسؤولين في السلطة.", "2022-10-02",
     ("المنسق الخاص للأمم المتحدة لعملية السلام في الشرق الأوسط", "tor-wennesland")),
    # a UN office whose holders the file does not date: the UN
    ("وحذرت منسقة الشؤون الإنسانية في اليمن من نفاد مخزون القمح في الحديدة.", "2024-02-14",
     ("منسقة الشؤون الإنسانية في اليمن", "un")),
])
def test_offices_title_resolves_to_holder_on_date(pipeline: Any, text: str, published: str,
                                                 expected: tuple[str, str]) -> None:
    assert expected in _actors(pipeline, text, published)


@pytest.mark.parametrize(("text", "published"), [
    ("وصل نائب رئيس الوزراء القطري إلى عمان في زيارة رسمية.", "2024-05-02"),  # the deputy
    ("هاجم رئيس الوزراء الإيطالي الأسبق سياسة الحكومة تجاه المهاجرين.", "2023-03-01"),  # a former holder
    ("التقى الرئيس بعدد من شيوخ القبائل في القصر.", "2022-03-01"),  # the president of nowhere said
    ("ودعا المبعوث الأممي إلى اليمن الأطراف إلى التهدئة.", "2021-08-01"),  # between two envoys: the UN, no person
    ("وأعلن وزير الدفاع التركي يشار غولر أن العملية ستستمر.", "2021-05-05"),  # the text names the minister
    ("أعلن وزير الخارجية الروسي بافل كوزنتسوف أن موسكو ستستضيف جولة جديدة من المحادثات.", "2024-03-01"),  # … unknown
])
def test_offices_no_holder_where_the_text_says_otherwise(pipeline: Any, text: str, published: str) -> None:
    ids = {aid for _, aid in _actors(pipeline, text, published)}
    assert not ids & {"mohammed-bin-abdulrahman", "meloni", "conte", "hans-grundberg", "martin-griffiths",
                      "hulusi-akar", "lavrov"}


def test_offices_without_a_date_resolve_nothing(pipeline: Any) -> None:
    text = "ألقى قائد الجيش كلمة أمام الجنود في أم درمان بعد استعادة مبنى الإذاعة من قوات الدعم السريع."
    assert "burhan" not in {aid for _, aid in _actors(pipeline, text, "")}


def test_offices_holder_dates_compare_at_their_own_precision() -> None:
    h = Holder(actor="x", country="YE", start="2018-03-11", end="2021-07")
    assert h.holds_on("2021-06-30") and not h.holds_on("2021-07-01") and not h.holds_on("2018-03-10")


def test_offices_every_holder_is_an_actor_of_the_dictionary() -> None:
    book = OfficeBook.load()
    assert book.offices and book.problems({a.id for a in ActorDictionary.load().actors}) == []


def test_offices_schema_rejects_an_unknown_key(tmp_path: Any) -> None:
    bad = tmp_path / "offices.yaml"
    bad.write_text("offices:\n  - id: x\n    titels: [وزير]\n", encoding="utf-8")
    with pytest.raises(ResourceError):
        OfficeBook.load(bad)

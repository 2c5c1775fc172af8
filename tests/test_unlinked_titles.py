"""A person a title introduces past its remit — a known place (محافظ البصرة فلان) or one comma (وزير الخارجية،
فلان) — is kept as an unlinked person when no entry knows the name, and holds the title: the speaker of the
statement (recognize.unlinked, events.speech_sides.titled_holder; issue 14: named people). Own sentences."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline
from rasd.records import Event


def _request(pipeline: Pipeline, text: str) -> Event:
    rec = pipeline.extract_text(text, source="own", published="2024-05-02")
    return next(e for e in rec.events if e.plover == "REQUEST")


@pytest.mark.parametrize(("text", "person", "addressee"), [
    ("وطالب محافظ البصرة أسعد العيداني الحكومة بإرسال تعزيزات عسكرية إلى المحافظة.", "أسعد العيداني",
     "iraq-government"),
    ("ودعا وزير الخارجية، سالم الزبيدي، المجتمع الدولي إلى إدانة الهجوم على مدينة الموصل.", "سالم الزبيدي",
     "international-community"),
    ("وناشد والي الخرطوم أحمد الطاهري الأمم المتحدة تقديم مساعدات عاجلة للنازحين.", "أحمد الطاهري", "un"),
])
def test_unlinked_titles_holder_past_the_remit_speaks(pipeline: Pipeline, text: str, person: str,
                                                     addressee: str) -> None:
    rec = pipeline.extract_text(text, source="own", published="2024-05-02")
    assert any(m.text == person and m.ref is None for m in rec.mentions if m.kind == "actor")
    ev = _request(pipeline, text)
    assert ev.actor1 is not None and ev.actor1.name_ar == person and ev.actor1.kind == "person"
    assert ev.actor2 is not None and ev.actor2.id == addressee


def test_unlinked_titles_known_body_in_the_title_still_speaks_for_him(pipeline: Pipeline) -> None:
    # (a known body between the title and the name: the spokesman speaks in its name, no unlinked person)
    rec = pipeline.extract_text("وقال المتحدث باسم الجيش السوداني نبيل الزبيدي إن قواته صدت هجوما على مدينة بابنوسة.",
                                source="own", published="2024-05-02")
    assert not any(m.text == "نبيل الزبيدي" and m.ref is None for m in rec.mentions if m.kind == "actor")


@pytest.mark.parametrize(("text", "speaker", "addressee"), [
    # (a known person after a long title and its remit opens the call: he asks, the body after him is asked)
    ("وطالب شيخ عقل طائفة الموحدين الدروز حكمت الهجري السلطات بالإفراج عن المعتقلين.", "hikmat-al-hijri",
     "authorities-sy"),
    ("ودعا رئيس مجلس النواب الليبي، عقيلة صالح، حكومة الوحدة الوطنية إلى تسليم السلطة.", "aguila-saleh", "gnu"),
])
def test_unlinked_titles_known_holder_is_the_speaker(pipeline: Pipeline, text: str, speaker: str,
                                                     addressee: str) -> None:
    ev = _request(pipeline, text)
    assert ev.actor1 is not None and ev.actor1.id == speaker, ev.actor1
    assert addressee in {a.id for a in (ev.actor2, *ev.other_actors) if a is not None}


@pytest.mark.parametrize(("text", "person"), [
    ("وقال المتحدث باسم الجيش، خالد عمر المحجوب، إن القوات صدت هجوما في ولاية الوحدة.", "خالد عمر المحجوب"),
    ("وطالب مدير مكتب المفوضية في محافظة نينوى، سالم حسن الجبوري، بفتح تحقيق في مقتل المحتجين.",
     "سالم حسن الجبوري"),
    ("وأكد الناطق باسم الشرطة الليبية، عمر فرج الورفلي، أن الهجوم استهدف نقطة تفتيش قرب مدينة الزاوية.",
     "عمر فرج الورفلي"),
    ("وقال قائد القوات الخاصة في مدينة بنغازي، ناصر سالم العبيدي، إن المعارك توقفت مساء السبت.",
     "ناصر سالم العبيدي"),
])
def test_unlinked_titles_holder_in_apposition(pipeline: Pipeline, text: str, person: str) -> None:
    # (between two commas after the title and a longer remit, even one naming the body he speaks for)
    rec = pipeline.extract_text(text, source="own", published="2024-05-02")
    assert any(m.text == person and m.ref is None for m in rec.mentions if m.kind == "actor"), \
        [m.text for m in rec.mentions if m.kind == "actor"]


@pytest.mark.parametrize("text", [
    "وقال المتحدث باسم الجيش، مساء الأحد، إن القوات صدت الهجوم على مدينة بابنوسة.",
    "وقال وزير الدفاع، في مؤتمر صحفي، إن الجيش سيرد على الهجوم.",
    "وأكد رئيس الوزراء، خلال زيارته مدينة الموصل، أن الحكومة ستعيد إعمار المدينة.",
])
def test_unlinked_titles_no_holder_between_commas_without_a_name(pipeline: Pipeline, text: str) -> None:
    rec = pipeline.extract_text(text, source="own", published="2024-05-02")
    assert not any(m.ref is None and m.kind == "actor" for m in rec.mentions), \
        [m.text for m in rec.mentions if m.kind == "actor"]


@pytest.mark.parametrize(("text", "person"), [
    # (names no word of which the recognizer's training text holds twice: a foreign name the CRF does not tag)
    ("وندد الرئيس الغاني كوفي مينساه بالهجوم على قرية في شمال البلاد.", "كوفي مينساه"),
    ("ودعا وزير الدفاع الكونغولي غيدو شيلوبا السكان إلى العودة إلى منازلهم.", "غيدو شيلوبا"),
    ("وأدانت وزيرة الخارجية الفنلندية إيلونا كاريلا الهجوم على مخيم للاجئين.", "إيلونا كاريلا"),
    ("وطالب الرئيس الكيني أوغوتو نديغوا بإجراء تحقيق في مقتل المتظاهرين.", "أوغوتو نديغوا"),
])
def test_unlinked_titles_rare_name_after_title_speaks(pipeline: Pipeline, text: str, person: str) -> None:
    rec = pipeline.extract_text(text, source="own", published="2024-05-02")
    assert any(m.text == person and m.ref is None for m in rec.mentions if m.kind == "actor")
    speakers = [e.actor1 for e in rec.events if e.plover in ("ACCUSE", "REQUEST")]
    assert any(a is not None and a.name_ar == person and a.kind == "person" for a in speakers)


@pytest.mark.parametrize("text", [
    # (common words after the title's remit: an adverb, a preposition's phrase, a counterpart, a time)
    "وندد الرئيس الغاني بشدة بالهجوم على قرية في شمال البلاد.",
    "واستقبل الرئيس الكيني نظيره الأوغندي في العاصمة نيروبي.",
    "وقال وزير الدفاع الكونغولي مساء أمس إن الجيش استعاد السيطرة على البلدة.",
    "وأكد الرئيس الغاني مجددا رفضه لأي تدخل أجنبي.",
])
def test_unlinked_titles_common_words_after_title_are_no_name(pipeline: Pipeline, text: str) -> None:
    rec = pipeline.extract_text(text, source="own", published="2024-05-02")
    assert not any(m.ref is None and m.kind == "actor" and " " in m.text for m in rec.mentions), rec.mentions

"""Places whose bare name is an everyday word the gazetteer stop-lists (جدة، الأبيض، الباب، طويلة، حجة، القطاع):
read as places only in context — a place cue before them, a dateline, coordination with a cued place, a long form
with its own descriptor — and in the document's country or one the text names; kept out of ordinary prose.
All sentences are rasd's own."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline.load()


def _places(pipeline: Pipeline, text: str) -> dict[str, str | None]:
    rec = pipeline.extract_text(text, source="test", published="2024-03-10")
    return {m.text: m.ref for m in rec.mentions if m.kind == "place"}


@pytest.mark.parametrize(("text", "word", "place"), [
    ("قال مسؤولون سودانيون إن وفدا حكوميا سيصل إلى السعودية غدا، على أن تعقد المحادثات في جدة مطلع الأسبوع.",
     "جدة", "sa-jeddah"),
    ("قصفت قوات الدعم السريع أحياء في الأبيض عاصمة ولاية شمال كردفان، ما أدى إلى مقتل خمسة مدنيين.",
     "الأبيض", "sd-el-obeid"),
    ("انفجرت سيارة مفخخة في الباب بريف حلب الشرقي، ما أدى إلى مقتل ثلاثة مدنيين.", "الباب", "sy-al-bab"),
    ("وصل مئات النازحين إلى طويلة في شمال دارفور هربا من القتال في الفاشر.", "طويلة", "sd-tawila"),
    ("شنت المقاتلات غارات على صعدة وحجة شمالي اليمن، وفق مصادر محلية.", "حجة", "gn-75337"),
    ("القائم - أعلنت القوات العراقية تطهير آخر أحياء المدينة من مسلحي تنظيم داعش.", "القائم", "iq-al-qaim"),
])
def test_linking_common_word_place_in_context(pipeline: Pipeline, text: str, word: str, place: str) -> None:
    found = _places(pipeline, text)
    assert found.get(word) == place, found


@pytest.mark.parametrize(("text", "inside", "place"), [
    ("قتل عشرة فلسطينيين في غارات إسرائيلية على وسط القطاع، بحسب الدفاع المدني في غزة.", "القطاع",
     "ps-gaza-strip"),
    ("استشهد خمسة أشخاص في غارات إسرائيلية على القطاع منذ الفجر، وفق مصادر طبية في غزة.", "القطاع",
     "ps-gaza-strip"),
])
def test_linking_common_word_region_after_a_direction(pipeline: Pipeline, text: str, inside: str, place: str) -> None:
    found = _places(pipeline, text)
    assert any(inside in t and ref == place for t, ref in found.items()), found


@pytest.mark.parametrize(("text", "long_form", "place"), [
    ("شهدت مدينة حجة اشتباكات عنيفة أمس بين القوات الحكومية والحوثيين.", "مدينة حجة", "gn-75337"),
    ("أعلنت القوات العراقية استعادة قضاء القائم غربي الأنبار بعد معارك استمرت أياما.", "قضاء القائم", "iq-al-qaim"),
])
def test_linking_long_form_with_its_descriptor_needs_no_cue(pipeline: Pipeline, text: str, long_form: str,
                                                           place: str) -> None:
    assert _places(pipeline, text).get(long_form) == place


@pytest.mark.parametrize(("text", "word"), [
    ("قال البيت الأبيض إن الرئيس سيلتقي نظيره السوداني في الخرطوم الأسبوع المقبل.", "الأبيض"),
    ("جلست الجدة أمام الباب تنتظر عودة أحفادها من المدرسة بعد يوم طويل.", "الباب"),
    ("أغلق الجنود الباب الخلفي للمبنى قبل انسحابهم من حلب.", "الباب"),
    ("يعمل آلاف الموظفين في القطاع الخاص في غزة منذ سنوات.", "القطاع"),
    ("اعتقلت قوات الأمن ثلاثة أشخاص بحجة التعاون مع الحوثيين في صنعاء.", "بحجة"),
    ("قال وزير المالية السوداني إن الحكومة تعول على شراكة طويلة مع المانحين في الخرطوم.", "طويلة"),
])
def test_linking_common_word_stays_a_word(pipeline: Pipeline, text: str, word: str) -> None:
    found = _places(pipeline, text)
    assert not any(word in t for t in found), found

"""Where the attackers came from (مسلحون قادمون من مدينة X، مجموعة قدمت من X) is not where the attack was: the
place of the clause's other place, of the sentence before, or of the document wins. All sentences written for
these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.mark.parametrize(("text", "place"), [
    ("صدت القوات الحكومية في مدينة الفاشر هجوما لمسلحين قادمين من بلدة كتم.", "sd-el-fasher"),
    ("أحبطت قوات الأمن في مدينة الزاوية هجوما شنه مسلحون قادمون من مدينة صبراتة.", "ly-zawiya"),
    ("قتل جنديان في كمين نصبه مسلحون قادمون من بلدة طفس قرب مدينة درعا.", "sy-daraa"),
])
def test_place_provenance_of_attackers_loses(pipeline: Pipeline, text: str, place: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert [e.location.id for e in rec.events if e.location is not None] == [place]


# the attackers' origin alone in its clause: the place told in the sentence before
def test_place_provenance_alone_takes_the_sentence_before(pipeline: Pipeline) -> None:
    rec = pipeline.extract_text("تراجعت قوات الحكومة من مواقعها جنوب مدينة غريان. وجاء ذلك بعد اشتباكات مع مجموعة "
                                "مسلحة قدمت من ترهونة.", source="test", published="2024-03-05")
    assert [e.location.id for e in rec.events if e.location is not None] == ["ly-gharyan", "ly-gharyan"]


# where a rocket, a shell or a drone was fired from (أطلقت من، انطلق من) is not where it struck
@pytest.mark.parametrize(("text", "place"), [
    ("سقط صاروخ أطلق من بلدة بيت حانون على مدينة سديروت مساء الجمعة.", "سديروت"),
    ("سقطت قذيفة صاروخية أطلقت من بلدة الفوعة على مدينة بنش وأصابت طفلين.", "بنش"),
    ("قتل مدنيان بقذيفة انطلقت من قرية الحمدانية على بلدة برطلة.", "برطلة"),
    ("أسقطت الدفاعات الجوية طائرة مسيرة فوق مدينة مأرب أطلقت من مديرية صرواح.", "مأرب"),
])
def test_place_provenance_launch_site_loses(pipeline: Pipeline, text: str, place: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert [e.location.name_ar for e in rec.events if e.location is not None] == [place]

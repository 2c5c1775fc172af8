"""A foreign place's name of several words after a descriptor (recognize.unlinked_titles.rare_run, linked_end):
a particle of Romance names (descriptors.yaml `name_links`: دا، دي، دو, and an article after it: دي لا) takes
the word after it into the name whatever that word looks like in Arabic (another place, a common word, a clitic
and a word), and a saint's name (ساو، سان) takes the next word as a compound's head does. All sentences are our
own."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


def _places(pipeline: Pipeline, text: str) -> list[tuple[str, str | None]]:
    rec = pipeline.extract_text(text, source="own", published="2025-05-06")
    return [(m.text, m.ref) for m in rec.mentions if m.kind == "place"]


@pytest.mark.parametrize(("text", "place"), [
    ("هاجم مسلحون بلدة موسيمبوا دا برايا في إقليم كابو ديلغادو شمالي موزمبيق فجر اليوم.", "بلدة موسيمبوا دا برايا"),
    ("وفر السكان من بلدة ساو جوزيه دو ريو بعد اشتباكات بين الجيش الكولومبي والمتمردين.", "بلدة ساو جوزيه دو ريو"),
    ("واشتبك الجيش الكولومبي مع المتمردين قرب مدينة بوا فيستا دي لا كروز.", "مدينة بوا فيستا دي لا كروز"),
    ("وقصفت الطائرات قرية كاتانغا دي سول الحدودية في جمهورية أفريقيا الوسطى.", "قرية كاتانغا دي سول"),
])
def test_unlinked_name_links_keep_a_foreign_name_whole(pipeline: Pipeline, text: str, place: str) -> None:
    places = _places(pipeline, text)
    assert (place, None) in places, places
    inner = place.split()[-1]
    assert not any(t == inner for t, _ref in places), places  # (the last word is no place of its own)


@pytest.mark.parametrize(("text", "place"), [
    # (controls: a rare one-word name read as a clitic and a word stays whole; no particle, no longer name)
    ("قتل أربعة مدنيين في هجوم على قرية كابانا شمال الكاميرون.", "قرية كابانا"),
    ("وقتل جنديان في كمين قرب بلدة كاسا ناوا في ولاية بورنو النيجيرية.", "بلدة كاسا ناوا"),
    ("وهاجم مسلحون قرية كابانا لا تبعد كثيرا عن الحدود في شمال الكاميرون.", "قرية كابانا"),
])
def test_unlinked_name_links_controls(pipeline: Pipeline, text: str, place: str) -> None:
    assert (place, None) in _places(pipeline, text)

"""A place written as a hashtag after a place cue (في #إثيوبيا) is where the event happened: the mark between the
cue and the name does not make a country a mere party. All sentences written for these tests."""

from __future__ import annotations

import pytest

from rasd.pipeline import Pipeline


@pytest.mark.parametrize(("text", "place"), [
    ("ووقعت الحكومة والمعارضة اتفاقا لوقف العدائيات في #إثيوبيا يوم الخميس.", "et"),
    ("وقع الطرفان اتفاق سلام في #الخرطوم أمس بعد مفاوضات طويلة.", "sd-khartoum"),
    ("عقد وفدا الحكومة والمتمردين جولة محادثات جديدة في #كينيا برعاية إقليمية.", "ke"),
])
def test_place_hashtag_after_a_cue_is_the_events_place(pipeline: Pipeline, text: str, place: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert [e.location.id for e in rec.events if e.location is not None][:1] == [place]
    for m in rec.mentions:
        assert text[m.start:m.end] == m.text


# without a cue a hashtagged country stays a party, as a bare one does
def test_place_hashtag_without_a_cue_stays_a_party(pipeline: Pipeline) -> None:
    rec = pipeline.extract_text("اتهمت #إثيوبيا المتمردين بشن هجوم على قواتها في بلدة ميكيلي.", source="test",
                                published="2024-03-05")
    assert "et" not in [e.location.id for e in rec.events if e.location is not None]

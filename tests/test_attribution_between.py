"""Tests of rasd.events.attribution: بين is the speech verb "showed" only with أن or إن after its subject; else it
is "between", and the parties it names are no source of a toll (issue 15: a toll's source is never its party).
Own sentences."""

from __future__ import annotations

from typing import Any

import pytest


def _sources(pipeline: Any, text: str) -> dict[tuple[str, int], str | None]:
    rec = pipeline.extract_text(text, source="own")
    return {(c.kind, c.value): c.source_attribution for c in rec.counts}


@pytest.mark.parametrize(("text", "figure", "source"), [
    ("اندلعت اشتباكات بين مجموعات مسلحة في ضواحي المدينة وأدت إلى مقتل 12 شخصا وإصابة 30، بحسب مصادر طبية.",
     ("killed", 12), "مصادر طبية"),
    ("دارت معارك بين قوات الجيش ومقاتلي الحركة قرب الجسر، وأسفرت عن مقتل 7 جنود وجرح 15 آخرين وفق وزارة الدفاع.",
     ("killed", 7), "وزارة الدفاع"),
    ("وقعت مواجهات بين المحتجين وقوات الأمن أمام مبنى البرلمان خلفت 3 قتلى و25 جريحا حسب المستشفى الجامعي.",
     ("killed", 3), "المستشفى الجامعي"),
    # بين among figures (بين القتلى: "among the dead") names no one either
    ("وقال الهلال الأحمر إن 40 شخصا قتلوا في القصف، وإن بين القتلى 9 أطفال.", ("killed", 9), "الهلال الأحمر"),
])
def test_attribution_between_names_no_source(pipeline: Any, text: str, figure: tuple[str, int], source: str) -> None:
    assert _sources(pipeline, text)[figure] == source


@pytest.mark.parametrize(("text", "figure", "source"), [
    # بين the speech verb, with أن after its subject, still speaks
    ("وبين المتحدث باسم الدفاع المدني أن 18 شخصا قتلوا في القصف.", ("killed", 18), "المتحدث باسم الدفاع المدني"),
    ("كما بين مدير المستشفى أن 6 جرحى ما زالوا في حالة حرجة.", ("wounded", 6), "مدير المستشفى"),
    # and ما بين of a range after a speaker leaves the speaker his figure
    ("وقالت المفوضية إن ما بين 400 و600 أسرة نزحت من القرى الحدودية.", ("displaced", 400), "المفوضية"),
])
def test_attribution_between_as_a_speech_verb_speaks(pipeline: Any, text: str, figure: tuple[str, int],
                                                    source: str) -> None:
    assert _sources(pipeline, text)[figure] == source

"""The clause layer (rasd.text.clauses): typed clauses built once per document by the pipeline's clause stage.

Every text here is ours, written for these tests."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.text.clauses import ClauseOpen, Opener, build_clauses
from rasd.text.normalize import normalize
from rasd.text.segment import segment


def _clauses(pipeline: Any, text: str) -> list[tuple[ClauseOpen, str]]:
    a = pipeline.analyse(text)
    norm = a.norm.text
    return [(c.opens, norm[c.start:c.end].strip(" ,")) for c in a.clauses.items]


def _kind_of(pipeline: Any, text: str, word: str) -> ClauseOpen:
    a = pipeline.analyse(text)
    pos = a.norm.text.index(normalize(word).text)
    clause = a.clauses.at(pos)
    assert clause is not None
    return clause.opens


def test_clauses_relative_clause_opens_at_the_pronoun(pipeline: Any) -> None:
    for text, word in [("ندد الوزير بالقصف الذي استهدف سوق المدينة أمس.", "استهدف"),
                       ("أدانت المنظمة الغارة التي طالت مدرسة في القرية.", "طالت"),
                       ("التقى الرئيس بالنازحين الذين وصلوا إلى المخيم.", "وصلوا")]:
        assert _kind_of(pipeline, text, word) is ClauseOpen.RELATIVE, text


def test_clauses_purpose_clause_opens_at_its_cue(pipeline: Any) -> None:
    for text, word in [("شنت القوات هجوما بهدف السيطرة على الجسر.", "السيطرة"),
                       ("دفع الجيش بتعزيزات من أجل استعادة البلدة.", "استعادة"),
                       ("تحركت الأرتال بغية اقتحام الحي الشرقي.", "اقتحام")]:
        assert _kind_of(pipeline, text, word) is ClauseOpen.PURPOSE, text


def test_clauses_reported_speech_after_a_speech_verb(pipeline: Any) -> None:
    for text, word in [("قال المتحدث باسم الشرطة إن مسلحين هاجموا الحاجز.", "هاجموا"),
                       ("وأكد مسؤول محلي أن القصف أصاب منزلين.", "أصاب"),
                       ("وأضاف الناطق: المسلحون انسحبوا من القرية.", "انسحبوا")]:
        assert _kind_of(pipeline, text, word) is ClauseOpen.SPEECH, text
    # the speaker is still in the clause of the speech verb
    assert _kind_of(pipeline, "قال المتحدث باسم الشرطة إن مسلحين هاجموا الحاجز.", "المتحدث") is ClauseOpen.MAIN


def test_clauses_background_after_since(pipeline: Any) -> None:
    for text, word in [("تشهد المدينة معارك منذ سيطرة المسلحين عليها في الربيع.", "سيطرة"),
                       ("نزح آلاف السكان ومنذ اندلاع القتال لم يعودوا.", "اندلاع"),
                       ("لم تصل المساعدات منذ إغلاق المعبر.", "إغلاق")]:
        assert _kind_of(pipeline, text, word) is ClauseOpen.BACKGROUND, text


def test_clauses_aside_ends_and_the_interrupted_clause_resumes(pipeline: Any) -> None:
    text = "قصفت الطائرات بلدة الشيخ (30 كيلومترا شمال المدينة) صباح اليوم."
    pieces = _clauses(pipeline, text)
    kinds = [k for k, _ in pieces]
    assert kinds == [ClauseOpen.MAIN, ClauseOpen.ASIDE, ClauseOpen.MAIN]
    assert pieces[1][1].startswith("(") and pieces[1][1].endswith(")")
    a = pipeline.analyse(text)
    assert a.clauses.items[2].resumes and not a.clauses.items[1].resumes
    # a pair of dashes makes an aside too; a lone dash (a dateline) does not
    assert [k for k, _ in _clauses(pipeline, "هاجم مسلحون - بحسب شهود - نقطة تفتيش.")] == \
        [ClauseOpen.MAIN, ClauseOpen.ASIDE, ClauseOpen.MAIN]
    assert [k for k, _ in _clauses(pipeline, "الموصل - هاجم مسلحون نقطة تفتيش.")] == [ClauseOpen.MAIN]


def test_clauses_comma_clause_has_its_own_subject(pipeline: Any) -> None:
    text = "قصفت المدفعية أطراف البلدة، فيما دعت المنظمة إلى وقف القتال."
    a = pipeline.analyse(text)
    kinds = [(c.opens, c.carries_subject) for c in a.clauses.items]
    assert kinds == [(ClauseOpen.MAIN, True), (ClauseOpen.COMMA, False)]
    # a clause-break cue goes on with the sentence's subject
    a = pipeline.analyse("اجتمع الوزير بنظيره قبل أن يتوجه إلى العاصمة.")
    assert [(c.opens, c.carries_subject) for c in a.clauses.items] == \
        [(ClauseOpen.MAIN, True), (ClauseOpen.CONTINUES, True)]
    assert a.clauses.breaks() == [(a.clauses.items[1].start, True)]


def test_clauses_token_ranges_hold_the_clause(pipeline: Any) -> None:
    a = pipeline.analyse("ندد الوزير بالقصف الذي استهدف السوق، فيما قال شهود إن القتلى خمسة.")
    toks = a.seg.tokens
    for c in a.clauses.items:
        inside = toks[c.first_token:c.end_token]
        assert inside and all(c.start <= t.start and t.end <= c.end for t in inside)
        assert c.first_token == 0 or toks[c.first_token - 1].start < c.start


def test_clauses_golden(pipeline: Any, golden: Any) -> None:
    text = ("أفادت مصادر محلية بأن غارة جوية استهدفت سوقا شعبيا في البلدة (شرق المحافظة) صباح الأحد، "
            "فيما قال مسؤول إن الغارة التي نفذتها طائرة مسيرة جاءت بهدف ضرب مخزن للذخيرة. "
            "ومنذ بدء المعارك نزح مئات السكان.")
    a = pipeline.analyse(text)
    golden("clauses/market_strike.json",
           [{"opens": c.opens.value, "sentence": c.sentence, "text": a.norm.text[c.start:c.end],
             "tokens": [c.first_token, c.end_token], "carries_subject": c.carries_subject, "resumes": c.resumes}
            for c in a.clauses.items])


_CHARS = st.sampled_from(list("قتل في غارة على بلدة الذي التي بهدف منذ قال إن ،,.()-: \n0123456789"))


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=120), st.lists(st.tuples(st.integers(0, 130), st.sampled_from(list(ClauseOpen)),
                                                         st.one_of(st.none(), st.integers(0, 130))), max_size=8))
def test_clauses_partition_every_sentence(text: str, raw: list[tuple[int, ClauseOpen, int | None]]) -> None:
    """Whatever the openers, the clauses of a sentence cover it exactly, in order, without overlap."""
    seg = segment(text)
    clauses = build_clauses(seg, [Opener(p, k, u if u is None or u > p else None) for p, k, u in raw])
    for sent in seg.sentences:
        mine = clauses.of_sentence(sent.index)
        if sent.start == sent.end:  # (the one empty sentence of an empty text)
            assert not mine
            continue
        assert mine and mine[0].start == sent.start and mine[-1].end == sent.end
        assert all(x.end == y.start for x, y in zip(mine, mine[1:], strict=False))
        assert all(c.start < c.end for c in mine)
        for c in mine:
            assert clauses.at(c.start) == c

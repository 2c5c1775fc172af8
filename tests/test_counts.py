"""Tests of rasd.recognize.counts: count nouns, triggers, duals, singulars, nesting, scope, golden paragraphs."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from count_fixtures import counts, recognizer, scopes
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.recognize.count_grammar import (
    LIST_CLOSED,
    NOT_NESTED,
    Before,
    Candidate,
    CountCue,
    Frame,
    KindSource,
    Rejection,
    Scope,
    decide_nesting,
    noun_at,
    nounless_value,
    number_candidate,
    second_kind,
)
from rasd.recognize.count_phrases import DEFINITE, PREFIXES
from rasd.recognize.count_resolve import decide_kind, decide_who, reject
from rasd.recognize.count_scope import goes_on, sentence_scope
from rasd.recognize.counts import CountMatch, CountRecognizer
from rasd.recognize.number_grammar import QUALIFIER_KINDS
from rasd.resources.datafiles import ResourceError
from rasd.text.normalize import normalize
from rasd.text.segment import TokenIndex, split_sentences, tokenize

GOLDEN = Path(__file__).parent / "golden" / "counts"


def pairs(text: str) -> list[tuple[str, int]]:
    return [(c.kind, c.value) for c in counts(text)]


def test_counts_nested_toll_with_parenthesis() -> None:
    cs = counts("أفاد مستشفى الميدان بأن الحصيلة حتى مساء الأحد وصلت إلى قرابة 384 قتيلا بينهم 57 مدنيا "
                "( منهم مسعفان و 9 سيدات و 21 طفلا) و 1730 جريحا.")
    got = [(c.kind, c.value, c.qualifier, c.who, c.scope, c.parent) for c in cs]
    assert got == [
        ("killed", 384, "approx", "total", "cumulative", None),
        ("killed", 57, "exact", "civilians", "cumulative", 0),
        ("killed", 2, "exact", "medics", "cumulative", 1),
        ("killed", 9, "exact", "women", "cumulative", 1),
        ("killed", 21, "exact", "children", "cumulative", 1),
        ("wounded", 1730, "exact", "total", "cumulative", None),
    ]


def test_counts_displaced_scale_and_at_least() -> None:
    [c] = counts("أدت الاشتباكات إلى نزوح أكثر من 38 ألف شخص من البلدة.")
    assert (c.kind, c.value, c.qualifier, c.who) == ("displaced", 38000, "at_least", "total")


def test_counts_rising_toll_two_kinds_cumulative() -> None:
    cs = counts("وأعلن المكتب الإعلامي مساء السبت ارتفاع عدد الشهداء إلى 9214 شهيدا، والجرحى إلى نحو 23 ألف جريح "
                "منذ بدء العدوان.")
    assert [(c.kind, c.value, c.qualifier, c.scope) for c in cs] == [
        ("killed", 9214, "exact", "cumulative"), ("wounded", 23000, "approx", "cumulative")]


def test_counts_kind_from_masdar_before_group_noun() -> None:
    cs = counts("أسفر القصف عن مقتل 3 أشخاص وإصابة 7 آخرين في الحي.")
    assert [(c.kind, c.value, c.scope) for c in cs] == [("killed", 3, "incident"), ("wounded", 7, "incident")]


def test_counts_who_from_group() -> None:
    cs = counts("قتل 9 عسكريين وخمسة مدنيين في الهجوم.")
    assert [(c.kind, c.value, c.who) for c in cs] == [("killed", 9, "fighters"), ("killed", 5, "civilians")]


def test_counts_kind_noun_before_bare_number() -> None:
    assert pairs("ارتفع عدد القتلى إلى 120 حسب المستشفى.") == [("killed", 120)]


def test_counts_bare_number_followed_by_other_noun_rejected() -> None:
    assert pairs("ارتفع عدد القتلى خلال 24 ساعة.") == []
    assert pairs("قتل في 3 مدن مختلفة.") == []


def test_counts_kind_from_verb_after() -> None:
    [c] = counts("قالت المنظمة إن 18 ألف شخص نزحوا من المدينة.")
    assert (c.kind, c.value) == ("displaced", 18000)


def test_counts_dual_and_singular() -> None:
    cs = counts("أسفرت الغارة عن مقتل مدني وإصابة طفلين.")
    assert [(c.kind, c.value, c.who) for c in cs] == [("killed", 1, "civilians"), ("wounded", 2, "children")]
    assert pairs("قتل جنديان في الانفجار.") == [("killed", 2)]


def test_counts_plural_in_in_not_read_as_dual() -> None:
    # مدنيين is a plural as well as a dual: alone after a trigger it is a vague "several"
    [c] = counts("أسفر القصف عن مقتل مدنيين.")
    assert (c.value, c.qualifier) == (3, "vague")


def test_counts_vague() -> None:
    cs = counts("خلف الهجوم عشرات القتلى ومئات الجرحى.")
    assert [(c.kind, c.value, c.qualifier) for c in cs] == [("killed", 12, "vague"), ("wounded", 100, "vague")]


def test_counts_killed_and_wounded_together() -> None:
    assert pairs("أدى القصف إلى مقتل وإصابة 20 شخصا.") == [("killed", 20), ("wounded", 20)]


def test_counts_dates_and_unrelated_numbers_ignored() -> None:
    assert pairs("وقع الهجوم في 14 نوفمبر عام 2019 وقتل فيه 5 أشخاص.") == [("killed", 5)]


def test_counts_nested_list_ends_at_break_word() -> None:
    cs = counts("بلغ عدد القتلى 300 قتيل، بينهم 40 طفلا و20 امرأة، فيما بلغ عدد المصابين 900.")
    assert [(c.kind, c.value, c.parent) for c in cs] == [
        ("killed", 300, None), ("killed", 40, 0), ("killed", 20, 0), ("wounded", 900, None)]


def test_counts_subset_after_family_phrase() -> None:
    [c] = counts("أسفرت الغارة عن استشهاد 26 شخصا من عائلة واحدة.")
    assert (c.kind, c.value, c.who) == ("killed", 26, "civilians")


def test_counts_post_qualifier_after_noun() -> None:
    [c] = counts("نزوح 2,960 أسرة على الأقل منذ بدء المواجهات في الجنوب.")
    assert (c.kind, c.value, c.qualifier, c.scope) == ("displaced", 2960, "at_least", "cumulative")
    assert c.text.endswith("علي الاقل")


@pytest.mark.parametrize("name", sorted(p.stem for p in GOLDEN.glob("*.txt")))
def test_counts_golden(name: str) -> None:
    norm = normalize((GOLDEN / f"{name}.txt").read_text(encoding="utf-8")).text
    got = [{"kind": m.kind, "value": m.value, "qualifier": m.qualifier, "who": m.who, "scope": m.scope,
            "parent": m.parent, "text": m.text} for m in recognizer().find(norm, split_sentences(norm))]
    assert got == json.loads((GOLDEN / f"{name}.json").read_text(encoding="utf-8"))


def test_counts_bad_resource_names_file(tmp_path: Path) -> None:
    src = (Path(__file__).parents[1] / "src" / "rasd" / "resources" / "data" / "counts.yaml").read_text(encoding="utf-8")
    bad = tmp_path / "counts.yaml"
    bad.write_text(src.replace("{kind: killed, who: total, sg: [قتيل", "{kind: slain, who: total, sg: [قتيل"),
                   encoding="utf-8")
    with pytest.raises(ResourceError) as exc:
        CountRecognizer.load(str(bad))
    assert "counts.yaml" in str(exc.value) and exc.value.line is not None


_PIECES = st.sampled_from(
    ["قتل", "مقتل", "اصابه", "نزوح", "بينهم", "منهم", "(", ")", ",", ".", "و", "قتيلا", "جرحي", "طفلا",
     "طبيبان", "مدنيين", "شخص", "اخرين", "عشرات", "نحو", "اكثر من", "علي الاقل", "الف", "ثلاثه", "عشر",
     "الحصيله", "فيما", "عدد القتلي", "الي", "نزحوا", "من", "عايله", "12", "2,243", "457", "2019", "\n", " "])


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=40).map(" ".join))
def test_counts_find_never_crashes_and_spans_hold(norm: str) -> None:
    cs = recognizer().find(norm, split_sentences(norm))
    for k, c in enumerate(cs):
        assert 0 <= c.start < c.end <= len(norm)
        assert norm[c.start:c.end] == c.text
        assert c.value > 0
        assert c.parent is None or (0 <= c.parent < k and cs[c.parent].value >= c.value)
        assert c.scope in ("incident", "cumulative")


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=60))
def test_counts_arbitrary_text_never_crashes(text: str) -> None:
    norm = normalize(text).text
    for c in recognizer().find(norm, split_sentences(norm)):
        assert norm[c.start:c.end] == c.text


def test_counts_others_inherit_group() -> None:
    cs = counts("أسفر القصف عن مقتل شرطي وإصابة آخرين بجروح.")
    assert [(c.kind, c.value, c.qualifier, c.who) for c in cs] == [
        ("killed", 1, "exact", "police"), ("wounded", 3, "vague", "police")]


def test_counts_of_group_applies_to_whole_list() -> None:
    cs = counts("بلغ عدد الضحايا 17 قتيلا و20 جريحا من اللاجئين.")
    assert [(c.kind, c.value, c.who) for c in cs] == [("killed", 17, "migrants"), ("wounded", 20, "migrants")]


def test_counts_family_is_not_one_person() -> None:
    assert pairs("أسفرت الغارة عن مقتل أسرة كاملة.") == []


def test_counts_postposed_several_is_not_a_count() -> None:
    assert pairs("قتل 7 مدنيين بينهم طفلان في غارات استهدفت مناطق عدة في الريف.") == [("killed", 7), ("killed", 2)]


def test_counts_verb_after_noun_beats_earlier_verb() -> None:
    cs = counts("قال الشهود إن خمسة مدنيين قتلوا وإن 20 آخرين جرحوا في الانفجار.")
    assert [(c.kind, c.value) for c in cs] == [("killed", 5), ("wounded", 20)]


def test_counts_ambiguous_victims_take_trigger_kind() -> None:
    assert pairs("ما زال عدد من الضحايا تحت الأنقاض.") == [("missing", 3)]
    assert pairs("وصل عدد الضحايا إلى 30 ضحية.") == [("affected", 30)]


def test_counts_nisba_plural_counts_people() -> None:
    cs = counts("أصيب خمسة فلسطينيين بينهم ثلاثة أطفال.")
    assert [(c.kind, c.value, c.parent) for c in cs] == [("wounded", 5, None), ("wounded", 3, 0)]
    [c] = counts("قتل ثمانية عراقيين مدنيين في القصف.")
    assert (c.value, c.who) == (8, "civilians")


def test_counts_hit_verb_only_right_before_number() -> None:
    assert pairs("قتل 30 على الأقل وأصابت 150 آخرين.") == [("killed", 30), ("wounded", 150)]
    assert pairs("أصابت الغارة مبنى كان يضم حوالي 120 لاجئا.") == []


def test_counts_day_of_month_not_a_count() -> None:
    assert pairs("اعتقل في الـ 25 من الشهر الماضي.") == []


def test_counts_continuation_sentence_keeps_the_cumulative_scope() -> None:
    from rasd.text.normalize import normalize
    from rasd.text.segment import split_sentences

    rec = CountRecognizer.load()
    norm = normalize("وبلغت الحصيلة منذ بدء القتال 300 قتيل. إضافة إلى 900 جريح. وفي حادث منفصل أصيب 4 أشخاص.").text
    found = {(c.kind, c.value): c.scope for c in rec.find(norm, split_sentences(norm))}
    assert found == {("killed", 300): "cumulative", ("wounded", 900): "cumulative", ("wounded", 4): "incident"}


def test_counts_subset_without_group_takes_its_parents_group() -> None:
    from rasd.text.normalize import normalize
    from rasd.text.segment import split_sentences

    norm = normalize("أصيب تسعة محتجين بجروح، بينهم ثلاثة في حالة خطرة.").text
    found = [(c.kind, c.value, c.who, c.parent) for c in CountRecognizer.load().find(norm, split_sentences(norm))]
    assert found == [("wounded", 9, "civilians", None), ("wounded", 3, "civilians", 0)]


def test_counts_the_displaced_or_detained_as_victims_of_a_killing() -> None:
    from rasd.text.normalize import normalize
    from rasd.text.segment import split_sentences

    rec = CountRecognizer.load()
    for text, expected in [("قتل 9 نازحين في قصف على المخيم.", ("killed", 9, "civilians")),
                           ("أصيب 4 مهجرين بجروح.", ("wounded", 4, "civilians")),
                           ("مقتل 3 معتقلين داخل السجن.", ("killed", 3, "other")),
                           ("نزح 20 ألف شخص.", ("displaced", 20000, "total"))]:
        norm = normalize(text).text
        assert [(c.kind, c.value, c.who) for c in rec.find(norm, split_sentences(norm))] == [expected]


def test_counts_suspects_are_a_group_that_can_be_detained() -> None:
    cs = counts("وتمكنت قوة من الشرطة من اعتقال أربعة مشتبه بهم في حي الجديدة.")
    assert [(c.kind, c.value, c.who) for c in cs] == [("detained", 4, "total")]


# ---------------------------------------------------------------- the decisions, one by one
def sentence(text: str) -> tuple[Frame, TokenIndex, list[Candidate]]:
    """One sentence read as CountRecognizer reads it: its frame, its tokens and the candidates of its numbers."""
    norm = normalize(text).text
    index = TokenIndex(tokenize(norm))
    toks, hi = index.toks, len(index.toks)
    g = recognizer().grammar
    starts = [t.start for t in toks]
    cands = [number_candidate(g, toks, starts, m, hi) for m in recognizer().numbers.find_tokens(norm, index)]
    triggers = g.tables.before.scan(index, 0, hi, PREFIXES) + g.tables.before_definite.scan(index, 0, hi, DEFINITE)
    frame = Frame(norm, toks, 0, hi, sorted(triggers, key=lambda h: (h.i, h.j)),
                  sentence_scope(g.tables, index, 0, hi).value)
    return frame, index, cands


def fresh() -> Before:
    return Before(None, -1, None, 0)


def test_counts_cue_and_kind_source_values_are_the_recorded_strings() -> None:
    assert [c.value for c in CountCue] == ["number_noun", "number_of_group", "bare_number", "dual", "singular",
                                           "bare_plural"]
    assert {s.suffix for s in KindSource} == {"", "+victims", "+list", "+after"}
    assert [s.value for s in Scope] == ["incident", "cumulative"]


def test_counts_number_candidate_reads_noun_group_and_post_qualifier() -> None:
    frame, _, [c] = sentence("سقط 14 مدنيا على الأقل في القرية")
    assert (c.value, c.cue, c.who, c.qualifier, c.noun is not None) == (14, CountCue.NUMBER_NOUN, "civilians",
                                                                        "at_least", True)
    assert frame.norm[c.start:c.end] == "14 مدنيا علي الاقل"
    assert c.nj == c.vi + 2  # an after-trigger may start right after the noun, before the qualifier


def test_counts_number_candidate_of_group() -> None:
    _, _, [c] = sentence("أصيب 9 من المسعفين خلال القصف")
    assert (c.value, c.cue, c.who, c.bare) == (9, CountCue.NUMBER_OF_GROUP, "medics", False)


def test_counts_number_candidate_bare() -> None:
    frame, _, [c] = sentence("بلغ عدد الجرحى 75 وفق المستشفى")
    assert (c.cue, c.bare, c.who, c.noun) == (CountCue.BARE_NUMBER, True, "total", None)
    assert frame.norm[c.start:c.end] == "75"


def test_counts_second_kind_joined_with_waw() -> None:
    toks = tokenize(normalize("30 قتيلا وجريحا").text)
    found = noun_at(recognizer().tables, toks, 1, len(toks), definite=False)
    assert found is not None and found[0].kind == "killed"
    assert second_kind(recognizer().tables, toks, found[1], len(toks), found[0]) == "wounded"


def test_counts_nounless_value_of_dual_singular_and_bare_plural() -> None:
    tables = recognizer().tables
    nouns = {n.words: n for n in tables.noun_list}
    dual = next(n for n in nouns.values() if n.form == "dual")
    sg = next(n for n in nouns.values() if n.form == "sg" and n.kind is None and not n.unit)
    pl = next(n for n in nouns.values() if n.form == "pl" and n.kind is None and not n.unit)
    assert nounless_value(dual, False, False, False) is not None
    assert (nounless_value(dual, True, False, False) or fail()).value == 2
    assert nounless_value(sg, False, False, False) is None  # a singular alone says no figure
    assert (nounless_value(sg, False, True, False) or fail()).cue == CountCue.SINGULAR
    assert nounless_value(sg, True, True, False) is None  # joined with و: not counted alone
    v = nounless_value(pl, False, True, False)
    assert v is not None and (v.value, v.qualifier, v.cue) == (3, "vague", CountCue.BARE_PLURAL)
    assert nounless_value(pl, False, False, True) is None  # a bare plural needs a trigger before it


def fail() -> None:
    raise AssertionError("expected a decision")


def test_counts_nesting_decision() -> None:
    _, _, [c] = sentence("بينهم 4 أطفال")
    parent = CountMatch(0, 5, "killed", 10, "exact", "total", "cumulative", None, "", "number_noun")
    assert decide_nesting(c, None, None) is NOT_NESTED
    n = decide_nesting(c, 0, parent)
    assert (n.parent, n.kind, n.scope, n.close) == (0, "killed", "cumulative", False)
    small = replace(parent, value=3)
    assert decide_nesting(c, 0, small) is LIST_CLOSED  # 4 cannot be a subset of 3


def test_counts_kind_from_trigger_before_and_verb_after() -> None:
    g = recognizer().grammar
    frame, _, [c] = sentence("أسفرت الغارة عن مقتل 6 مدنيين")
    k = decide_kind(g, frame, c, fresh(), NOT_NESTED)
    assert k is not None and (k.kinds, k.source) == (("killed",), KindSource.TRIGGER)
    frame, _, [c] = sentence("وصل 300 شخص نزحوا من القرى")
    k = decide_kind(g, frame, c, fresh(), NOT_NESTED)
    assert k is not None and (k.kinds, k.source) == (("displaced",), KindSource.AFTER)
    frame, _, [c] = sentence("شاهدنا 5 أشخاص في السوق")
    assert decide_kind(g, frame, c, fresh(), NOT_NESTED) is None


def test_counts_kind_of_a_list_continues() -> None:
    g = recognizer().grammar
    frame, _, [c1, c2] = sentence("قتل 8 جنود و3 مدنيين")
    k1 = decide_kind(g, frame, c1, fresh(), NOT_NESTED)
    assert k1 is not None and k1.kinds == ("killed",)
    m1 = CountMatch(c1.start, c1.end, "killed", 8, "exact", c1.who, "incident", None, "", "number_noun")
    k2 = decide_kind(g, frame, c2, Before(c1, 0, m1, 0), NOT_NESTED)
    assert k2 is not None and (k2.kinds, k2.source) == (("killed",), KindSource.LIST)


def test_counts_reject_bare_number_before_other_noun() -> None:
    g = recognizer().grammar
    frame, _, [c] = sentence("ارتفع عدد القتلى خلال 48 ساعة")
    k = decide_kind(g, frame, c, fresh(), NOT_NESTED)
    assert k is not None
    assert reject(g, frame, c, fresh(), NOT_NESTED, k.source) == Rejection.OTHER_NOUN_AFTER


def test_counts_who_of_others_is_the_group_before() -> None:
    _, _, [c1, c2] = sentence("مقتل 4 صحفيين وإصابة 6 آخرين")
    assert c2.noun is not None and c2.noun.others
    m1 = CountMatch(c1.start, c1.end, "killed", 4, "exact", "journalists", "incident", None, "", "number_noun")
    assert decide_who(c2, c2.who, Before(c1, 0, m1, 0)) == "journalists"
    assert decide_who(c2, c2.who, fresh()) == c2.who


def test_counts_scope_and_continuation_cues() -> None:
    tables = recognizer().tables
    for text, scope in (("ارتفعت حصيلة الضحايا إلى 90", Scope.CUMULATIVE), ("قتل 3 في الغارة", Scope.INCIDENT)):
        index = TokenIndex(tokenize(normalize(text).text))
        assert sentence_scope(tables, index, 0, len(index.toks)) is scope
    toks = tokenize(normalize("إضافة إلى 12 جريحا").text)
    assert goes_on(tables, toks, 0, len(toks))
    assert not goes_on(tables, toks, 1, len(toks))


@settings(max_examples=200, deadline=None)
@given(st.lists(_PIECES, max_size=30).map(" ".join))
def test_counts_number_candidate_stays_in_its_span(norm: str) -> None:
    index = TokenIndex(tokenize(norm))
    toks = index.toks
    starts = [t.start for t in toks]
    for m in recognizer().numbers.find_tokens(norm, index):
        c = number_candidate(recognizer().grammar, toks, starts, m, len(toks))
        assert c.start == m.start and m.end <= c.end <= len(norm)
        assert c.i <= c.vi < c.nj <= c.j <= len(toks)
        assert c.value == m.value and c.qualifier in QUALIFIER_KINDS
        assert c.bare == (c.cue == CountCue.BARE_NUMBER)


# ---------------------------------------------------------------- scope by the words of the figure's clause
@pytest.mark.parametrize("text", [
    "قتل 12 مدنيا في غارات جوية على سوق البلدة منذ صباح اليوم.",
    "أسفر القصف المدفعي عن مقتل 9 أشخاص، وفق حصيلة أولية لمصادر محلية.",
    "ارتفعت حصيلة ضحايا الانفجار الذي هز الميناء إلى 40 قتيلا.",
    "وارتفع عدد قتلى الهجوم على الحافلة إلى 14 شخصا، بحسب حصيلة جديدة.",
])
def test_counts_scope_an_incident_toll_stays_incident(text: str) -> None:
    assert set(scopes(text).values()) == {"incident"}


@pytest.mark.parametrize("text", [
    "وارتفعت حصيلة القتلى في المدينة إلى 600 قتيل.",
    "قتل أكثر من 900 شخص منذ بدء المعارك في الإقليم.",
    "وتقول الأمم المتحدة إن 300 مدني قتلوا حتى الآن في المواجهات.",
    "وقتل في المجموع 45 جنديا من القوات الحكومية.",
])
def test_counts_scope_a_running_total_is_cumulative(text: str) -> None:
    assert set(scopes(text).values()) == {"cumulative"}


def test_counts_scope_a_day_window_is_incident_beside_a_running_total() -> None:
    assert scopes("استشهد 40 فلسطينيا خلال الـ24 ساعة الماضية، ليرتفع عدد الشهداء منذ بداية الحرب إلى 30 ألف "
                  "شهيد.") == {("killed", 40): "incident", ("killed", 30000): "cumulative"}
    assert scopes("قتل 17 شخصا في الساعات الـ24 الأخيرة جراء القصف.") == {("killed", 17): "incident"}
    got = scopes("ارتفع عدد القتلى منذ اندلاع القتال إلى 2100 قتيل، بينهم 35 قتيلا خلال الـ24 ساعة الماضية.")
    assert got == {("killed", 2100): "cumulative", ("killed", 35): "incident"}


# ---------------------------------------------------------------- the singular after a number (tamyiz), nisba nouns
@pytest.mark.parametrize(("text", "want"), [
    ("قتل 23 فلسطينيا في غارة على المخيم.", ("killed", 23)),
    ("أصيب 300 سوداني في الهجوم على السوق.", ("wounded", 300)),
    ("اعتقلت الشرطة 14 صوماليا على الحدود.", ("detained", 14)),
    ("فر 1200 مواطن من البلدة بعد القصف.", ("displaced", 1200)),
])
def test_counts_singular_after_a_number(text: str, want: tuple[str, int]) -> None:
    assert pairs(text) == [want]


@pytest.mark.parametrize("text", ["وصل 20 شخصا إلى سوريا.", "قتل شخص في 18 يوميا من القصف."])
def test_counts_places_and_adverbs_are_no_nisba(text: str) -> None:
    assert ("killed", 18) not in pairs(text) and all(v != 20 or k != "displaced" for k, v in pairs(text))


# ---------------------------------------------------------------- ranges keep both ends
@pytest.mark.parametrize(("text", "low", "high"), [
    ("نزح ما بين 250 و300 ألف شخص من الولاية.", 250000, 300000),
    ("قتل بين خمسة وثمانية مدنيين في القصف.", 5, 8),
    ("أصيب ما بين 10 إلى 15 عاملا في الانفجار.", 10, 15),
    ("قتل 7-9 جنود في الكمين.", 7, 9),
])
def test_counts_range_keeps_both_ends(text: str, low: int, high: int) -> None:
    lower, upper = counts(text)
    assert (lower.value, lower.high, lower.qualifier) == (low, high, "at_least")
    assert (upper.value, upper.qualifier, upper.kind, upper.start) == (high, "at_most", lower.kind, lower.start)


def test_counts_a_rise_from_one_figure_to_another_is_no_range() -> None:
    # no range, and the toll it rose from is no count of its own (count_resolve.changed_from)
    assert [(c.value, c.high) for c in counts("ارتفع عدد القتلى من 20 إلى 30 قتيلا.")] == [(30, None)]


# ---------------------------------------------------------------- displaced: fleeing, hosting displaced families
@pytest.mark.parametrize(("text", "want"), [
    ("استضافت البلدة 200 أسرة نازحة من الريف.", ("displaced", 200)),
    ("استقبلت المدارس نحو 450 عائلة نازحة.", ("displaced", 450)),
    ("اضطرت 64 أسرة إلى النزوح من الحي.", ("displaced", 64)),
    ("أجبر القصف 30 عائلة على الرحيل عن القرية.", ("displaced", 30)),
    ("فرت قرابة ثلاثة آلاف من سكان البلدة.", ("displaced", 3000)),
])
def test_counts_fleeing_and_hosting_displaced(text: str, want: tuple[str, int]) -> None:
    assert want in pairs(text)


# ---------------------------------------------------------------- implicit counts: one, two, a numeral after its noun
@pytest.mark.parametrize(("text", "want"), [
    ("قتل أربعة أشخاص بينهم امرأة في القصف.", ("killed", 1, "women")),
    ("أصيب سبعة عمال، من بينهم طفل، في الانفجار.", ("wounded", 1, "children")),
    ("استشهد 12 مواطنا بينهم مسعف.", ("killed", 1, "medics")),
])
def test_counts_a_singular_after_a_subset_marker_is_one(text: str, want: tuple[str, int, str]) -> None:
    cs = counts(text)
    assert want in [(c.kind, c.value, c.who) for c in cs]
    assert [c.parent for c in cs if (c.kind, c.value, c.who) == want] == [0]


@pytest.mark.parametrize(("text", "want"), [
    ("أصيب أحد مسعفيه بشظايا القذيفة.", ("wounded", 1, "medics")),
    ("وقتل أحد عناصرها في الاشتباك الليلي.", ("killed", 1, "fighters")),
    ("واعتقلت إحدى الصحفيات قرب الحاجز.", ("detained", 1, "journalists")),
    ("قتل ثلاثة أشخاص بينهم أحد الأطباء.", ("killed", 1, "medics")),
])
def test_counts_one_of_a_group(text: str, want: tuple[str, int, str]) -> None:
    assert want in [(c.kind, c.value, c.who) for c in counts(text)]


def test_counts_one_of_a_group_needs_a_trigger_beside_it() -> None:
    assert pairs("قال أحد المسعفين إن الوضع صعب في المستشفى.") == []


@pytest.mark.parametrize(("text", "want"), [
    ("وارتقت شهيدة برصاص قناص.", ("killed", 1)),
    ("وسقط قتيل وجريحان في الحادث.", ("killed", 1)),
    ("اغتيال القيادي في الجماعة أمام منزله.", ("killed", 1)),
    ("اختطاف الطفل من أمام المدرسة.", ("abducted", 1)),
])
def test_counts_implicit_singulars(text: str, want: tuple[str, int]) -> None:
    assert want in pairs(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قال الشهود إن امرأة وابنتها قتلتا في القصف.", ("killed", 2)),
    ("وأفاد المستشفى بأن شابين من القرية أصيبا بالرصاص.", ("wounded", 2)),
    ("ولقي القياديان في الحركة مصرعهما في الغارة.", ("killed", 2)),
])
def test_counts_a_dual_verb_counts_two(text: str, want: tuple[str, int]) -> None:
    assert want in pairs(text)


@pytest.mark.parametrize(("text", "want"), [
    ("أسفر القصف عن إصابة مدنيين اثنين بجروح.", ("wounded", 2, "civilians")),
    ("اعتقال مستوطنين اثنين في الضفة.", ("detained", 2, "total")),
    ("قتل أطفال ثلاثة في الغارة.", ("killed", 3, "children")),
])
def test_counts_a_numeral_after_its_noun(text: str, want: tuple[str, int, str]) -> None:
    assert [(c.kind, c.value, c.who) for c in counts(text)] == [want]


@pytest.mark.parametrize(("text", "want"), [
    ("أصيب مسعفان في القصف.", ("wounded", 2, "medics")),
    ("قتلت ممرضتان في المستشفى.", ("killed", 2, "medics")),
    ("واستشهد معلمان في الغارة.", ("killed", 2, "other")),
    ("واعتقلت صحفيتان عند الحاجز.", ("detained", 2, "journalists")),
])
def test_counts_duals_of_group_nouns_made_from_the_singular(text: str, want: tuple[str, int, str]) -> None:
    assert [(c.kind, c.value, c.who) for c in counts(text)] == [want]


def test_counts_a_dual_or_trigger_after_a_kind_noun_is_a_figure_of_its_own() -> None:
    assert pairs("أكدت الوزارة أن هناك 11 قتيلا وجريحين.") == [("killed", 11), ("wounded", 2)]
    assert pairs("سقط 18 قتيلا وإصابة 600 آخرين.") == [("killed", 18), ("wounded", 600)]
    assert pairs("قتل وجرح 30 قتيلا وجريحا.")[:2] == [("killed", 30), ("wounded", 30)]


# ---------------------------------------------------------------- groups: health workers, students, crews; quotes
@pytest.mark.parametrize(("text", "who"), [
    ("قتل 3 عاملين صحيين في الهجوم على العيادة.", "medics"),
    ("أصيب 5 من العاملين في القطاع الصحي.", "medics"),
    ("قتل 12 طالبا في قصف المدرسة.", "other"),
    ("أصيبت 4 تلميذات في الانفجار.", "other"),
    ("اختطف 9 من أفراد الطاقم على متن السفينة.", "other"),
    ("قتل 6 من عمال الإغاثة في الغارة.", "other"),
])
def test_counts_health_worker_student_and_crew_groups(text: str, who: str) -> None:
    assert [c.who for c in counts(text)] == [who]


@pytest.mark.parametrize("text", ['قتل "25" شخصا في الهجوم.', "قتل «25» شخصا في الهجوم.", "قتل “25” شخصا في الهجوم."])
def test_counts_figures_in_quotation_marks(text: str) -> None:
    assert pairs(text) == [("killed", 25)]


# ---------------------------------------------------------------- who: others, a toll's subject, في صفوف, dual verbs
@pytest.mark.parametrize(("text", "want"), [
    ("قتل 40 شخصا، بينهم 9 مدنيين، وأصيب 70 آخرون.", ("wounded", 70, "total")),
    ("استشهد 12 مدنيا، منهم 4 نساء، وجرح 30 آخرين.", ("wounded", 30, "civilians")),
    ("قتل 6 جنود، من بينهم ضابطان، وأصيب 11 آخرون.", ("wounded", 11, "fighters")),
])
def test_counts_others_take_the_top_level_group(text: str, want: tuple[str, int, str]) -> None:
    assert want in [(c.kind, c.value, c.who) for c in counts(text)]


@pytest.mark.parametrize(("text", "want"), [
    ("وقال إن عدد القتلى المدنيين في الإقليم تجاوز 500 قتيل.", ("killed", 500, "civilians")),
    ("ارتفعت حصيلة القتلى العسكريين منذ بداية الهجوم إلى 90.", ("killed", 90, "fighters")),
    ("بلغ عدد الجرحى الأطفال في المدينة نحو 70 جريحا.", ("wounded", 70, "children")),
])
def test_counts_a_tolls_subject_names_its_group(text: str, want: tuple[str, int, str]) -> None:
    assert [(c.kind, c.value, c.who) for c in counts(text)] == [want]


@pytest.mark.parametrize(("text", "who"), [
    ("سقط 4 قتلى و9 جرحى في صفوف القوات الحكومية.", "fighters"),
    ("وأوقع الهجوم 7 قتلى في صفوف المسلحين.", "fighters"),
    ("خلف القصف 15 جريحا في صفوف المدنيين.", "civilians"),
])
def test_counts_in_the_ranks_of(text: str, who: str) -> None:
    assert {c.who for c in counts(text)} == {who}


def test_counts_in_the_ranks_of_a_people_says_no_group() -> None:
    assert {c.who for c in counts("سقط 30 جريحا في صفوف اليمنيين.")} == {"total"}


@pytest.mark.parametrize(("text", "who"), [
    ("أفاد الأهالي بأن امرأة وطفلتها قتلتا في القصف.", "civilians"),
    ("وكان مسلحان من الجماعة قد قتلا في اشتباك.", "fighters"),
    ("وأعلن المستشفى أن رجلين أصيبا في الحادث.", "civilians"),
])
def test_counts_a_dual_verb_takes_the_group_of_its_subject(text: str, who: str) -> None:
    assert [(c.value, c.who) for c in counts(text) if c.cue == "dual"][-1] == (2, who)


# ---------------------------------------------------------------- a toll told by its women and children is of civilians
@pytest.mark.parametrize("text", [
    "استشهد 15 فلسطينيا، بينهم 6 أطفال و3 نساء، في غارة إسرائيلية على منزل في رفح.",
    "قتل 9 أشخاص بينهم طفلان وامرأتان في قصف مدفعي على سوق مدينة إدلب.",
    "لقي 11 شخصا حتفهم، من بينهم 4 نساء و5 أطفال، في غارة جوية على قرية قرب مدينة صعدة.",
])
def test_counts_a_toll_of_women_and_children_has_civilian_victims(pipeline: Any, text: str) -> None:
    rec = pipeline.extract_text(text, source="test", published="2024-03-05")
    assert any(e.actor2 is not None and e.actor2.kind == "civilians" for e in rec.events)


def test_counts_since_a_day_is_a_running_total(pipeline: Any) -> None:
    """منذ before a day of the month, a digit or a month makes the figure a running total; منذ الصباح does not."""
    cases = [("ذكرت الوزارة أن حصيلة ضحايا الهجوم على المدينة ارتفعت إلى 189 قتيلا منذ الرابع من أبريل.", "cumulative"),
             ("بلغ عدد النازحين 3000 منذ 5 مايو.", "cumulative"),
             ("قتل 40 شخصا منذ مطلع الشهر في المعارك.", "cumulative"),
             ("قتل 12 شخصا في غارة على السوق منذ الصباح.", "incident")]
    for text, scope in cases:
        counts = pipeline.extract_text(text, published="2019-04-18").counts
        assert [c.scope for c in counts] == [scope], text

"""Tests of rasd.counts: count nouns, triggers, duals, singulars, nesting, scope, golden paragraphs."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.counts import CountMatch, CountRecognizer
from rasd.datafiles import ResourceError
from rasd.normalize import normalize
from rasd.segment import split_sentences

GOLDEN = Path(__file__).parent / "golden" / "counts"


@lru_cache(maxsize=1)
def recognizer() -> CountRecognizer:
    return CountRecognizer.load()


def counts(text: str) -> list[CountMatch]:
    norm = normalize(text).text
    return recognizer().find(norm, split_sentences(norm))


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
    src = (Path(__file__).parents[1] / "src" / "rasd" / "data" / "counts.yaml").read_text(encoding="utf-8")
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
    from rasd.normalize import normalize
    from rasd.segment import split_sentences

    rec = CountRecognizer.load()
    norm = normalize("وبلغت الحصيلة منذ بدء القتال 300 قتيل. إضافة إلى 900 جريح. وفي حادث منفصل أصيب 4 أشخاص.").text
    found = {(c.kind, c.value): c.scope for c in rec.find(norm, split_sentences(norm))}
    assert found == {("killed", 300): "cumulative", ("wounded", 900): "cumulative", ("wounded", 4): "incident"}


def test_counts_subset_without_group_takes_its_parents_group() -> None:
    from rasd.normalize import normalize
    from rasd.segment import split_sentences

    norm = normalize("أصيب تسعة محتجين بجروح، بينهم ثلاثة في حالة خطرة.").text
    found = [(c.kind, c.value, c.who, c.parent) for c in CountRecognizer.load().find(norm, split_sentences(norm))]
    assert found == [("wounded", 9, "civilians", None), ("wounded", 3, "civilians", 0)]


def test_counts_the_displaced_or_detained_as_victims_of_a_killing() -> None:
    from rasd.normalize import normalize
    from rasd.segment import split_sentences

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

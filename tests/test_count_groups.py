"""Tests of the count grammar's groups and subsets (rasd.recognize.count_resolve, count_implicit, count_grammar):
what the words after a count say of its group, a dual verb's two people, subset lists without بينهم, and
verbs right after a number without a noun. Every sentence is our own."""

from __future__ import annotations

import pytest
from count_fixtures import counts, triples


# ------------------------------------------------------------------ a killing told by its victims (راح ضحيته)
@pytest.mark.parametrize(("text", "want"), [
    ("استهدف صاروخ سوقا شعبيا في البلدة، وراح ضحيته 9 أشخاص على الأقل.", ("killed", 9, "total")),
    ("انفجرت عبوة ناسفة بحافلة ركاب راح ضحيتها سبعة مدنيين.", ("killed", 7, "civilians")),
    ("الغارة التي راح ضحيتها 14 شخصا وقعت فجر الأحد.", ("killed", 14, "total")),
    ("هجوم ذهب ضحيته 23 جنديا عند نقطة التفتيش.", ("killed", 23, "fighters")),
])
def test_count_resolve_killed_by_victims_phrase(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


# ------------------------------------------------------------------ what follows a count says of its group
@pytest.mark.parametrize(("text", "want"), [
    # most of them: no single group, even for آخرين after a count of one group
    ("قتل 4 جنود وأصيب 11 آخرون، معظمهم من المارة والأطفال.", ("wounded", 11, "total")),
    ("أسفر القصف عن مقتل 12 طفلا وجرح 30 آخرين غالبيتهم نساء.", ("wounded", 30, "total")),
    # a subset of a group that cannot be part of the others' (children among soldiers' "others")
    ("قتلت الغارة 5 مقاتلين وأصابت 9 آخرين بينهم 3 نساء.", ("wounded", 9, "total")),
    ("قتل شرطي وأصيب 17 آخرون من بينهم أربعة أطفال قرب المركز.", ("wounded", 17, "total")),
    # all of them: their group
    ("وقالت الشرطة إن عدد القتلى بلغ 17 وإن جميعهم من المدنيين.", ("killed", 17, "civilians")),
    ("قتل 8 أشخاص كلهم مدنيون في القصف.", ("killed", 8, "civilians")),
    ("أصيب 6 عمال، جميعهم من اللاجئين، في انهيار المبنى.", ("wounded", 6, "migrants")),
])
def test_count_resolve_group_said_after_count(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    # women or children among the others of civilians or migrants keep the others' group
    ("قتل مدني وأصيب ثلاثة آخرون، بينهم طفلان، في القصف.", ("wounded", 3, "civilians")),
    ("لقي مهاجر مصرعه وأصيب خمسة آخرون بينهم امرأة.", ("wounded", 5, "migrants")),
    ("قتل 3 جنود وأصيب 7 آخرون بينهم ضابطان.", ("wounded", 7, "fighters")),
])
def test_count_resolve_others_keep_group_of_compatible_subset(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قال مدير المفوضية إن من بين القتلى خمسة موظفين.", ("killed", 5, "civilians")),
    ("قتل 9 أشخاص بينهم ستة من قوات الأمن.", ("killed", 6, "police")),
    ("أصيب موظفان في الوزارة بجروح.", ("wounded", 2, "civilians")),
])
def test_count_resolve_employees_and_security_forces(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


# ------------------------------------------------------------------ a dual verb's two people
@pytest.mark.parametrize(("text", "want"), [
    ("أكد طبيب في المستوصف أن سيدة مسنة وطفلتها الصغيرة، وكانتا في الحقل، قتلتا برصاص قناص.",
     {("killed", 2, "civilians"), ("killed", 1, "women"), ("killed", 1, "children")}),
    ("قالت الوزارة إن طفلة رضيعة ووالدتها قتلتا في غارة فجر اليوم.",
     {("killed", 2, "civilians"), ("killed", 1, "women"), ("killed", 1, "children")}),
    ("أفاد مسعفون بأن رجلا وزوجته استشهدا بقصف مدفعي على منزلهما.",
     {("killed", 2, "civilians"), ("killed", 1, "women"), ("killed", 1, "men")}),
    ("وذكر شهود أن فتاة وشقيقها أصيبا بشظايا قذيفة.",
     {("wounded", 2, "civilians"), ("wounded", 1, "women"), ("wounded", 1, "men")}),
])
def test_count_implicit_dual_verb_members(text: str, want: set[tuple[str, int, str]]) -> None:
    cs = counts(text)
    assert want <= {(c.kind, c.value, c.who) for c in cs}
    dual = next(k for k, c in enumerate(cs) if c.value == 2)
    assert all(c.parent == dual for c in cs if c.value == 1)  # the two are subsets of the dual's count
    assert [c.start for c in cs] == sorted(c.start for c in cs)  # in text order, parents renumbered


def test_count_implicit_dual_verb_without_two_named_keeps_no_members() -> None:
    cs = counts("مسن وحفيده لقيا مصرعهما تحت أنقاض منزلهما.")
    assert [(c.kind, c.value) for c in cs] == [("killed", 2)]


# ------------------------------------------------------------------ subset lists without بينهم
@pytest.mark.parametrize(("text", "want"), [
    ("خلف القصف 15 جريحا، ستة في بيت لاهيا وتسعة في جباليا شمالي القطاع.",
     [("wounded", 15, None), ("wounded", 6, 0), ("wounded", 9, 0)]),
    ("قتل تسعة أشخاص، أربعة في حلب وخمسة في إدلب.", [("killed", 9, None), ("killed", 4, 0), ("killed", 5, 0)]),
    ("نزح 700 شخص، 300 في البلدة القديمة و400 في الأحياء الشرقية.",
     [("displaced", 700, None), ("displaced", 300, 0), ("displaced", 400, 0)]),
])
def test_count_resolve_shares_by_place_are_subsets(text: str, want: list[tuple[str, int, int | None]]) -> None:
    assert [(c.kind, c.value, c.parent) for c in counts(text)] == want


def test_count_resolve_figures_by_place_that_do_not_add_up_are_no_subsets() -> None:
    cs = counts("قتل 6 مسلحين و4 جنود في المعارك، ثلاثة في الشمال وسبعة في الجنوب.")
    assert all(c.parent is None for c in cs)


@pytest.mark.parametrize(("text", "want"), [
    ("وأصيب 20 شخصا، ثلاثة منهم مدنيون.", ("wounded", 3, "civilians")),
    ("استشهد خمسة فلسطينيين، اثنان منهم أطفال، في قصف على خان يونس.", ("killed", 2, "children")),
    ("قتل 12 شخصا وهم ثمانية رجال وأربع نساء.", ("killed", 4, "women")),
    ("أعلن الجيش سقوط أربعة قتلى هم ثلاثة جنود ومدني.", ("killed", 1, "civilians")),
    ("قتل سبعة أشخاص بينهم طفلان وامرأة في القصف.", ("killed", 1, "women")),
    ("أصيب عشرة، من بينهم ثلاثة أطفال ومسعف.", ("wounded", 1, "medics")),
])
def test_count_resolve_partitive_apposition_and_joined_singular(text: str, want: tuple[str, int, str]) -> None:
    cs = counts(text)
    found = [c for c in cs if (c.kind, c.value, c.who) == want]
    assert found and found[0].parent is not None


@pytest.mark.parametrize("text", [
    "بينهم أكثر من 4000 طفل وامرأة.",  # one number counting both nouns
    "وقتل تسعة مدنيين من بينهم أربعة أطفال وامرأتان وأصيب العشرات بجروح.",  # وإصابة: a trigger
    "قتل جنديان ومدني في الهجوم.",  # no subset list open
])
def test_count_grammar_joined_singular_outside_a_list_is_no_count(text: str) -> None:
    assert not [c for c in counts(text) if c.value == 1]


# ------------------------------------------------------------------ a verb right after a number without a noun
@pytest.mark.parametrize(("text", "want"), [
    ("وقالت المنظمة إن عشرات الآلاف جرى تشريدهم في المنطقة.", ("displaced", 12000)),
    ("وأفاد المكتب بأن المئات نزحوا خلال الليل.", ("displaced", 100)),
    ("وقال السكان إن 40 قتلوا في القرية.", ("killed", 40)),
    ("وأكد شهود أن 7 رجال تم إعدامهم ميدانيا في الساحة.", ("killed", 7)),
])
def test_count_resolve_verb_right_after_number(text: str, want: tuple[str, int]) -> None:
    assert want in {(c.kind, c.value) for c in counts(text)}


# ------------------------------------------------------------------ the same figure told again in other units
@pytest.mark.parametrize(("text", "want"), [
    ("فقد نزح نحو 9 آلاف أسرة، أي ما يعادل قرابة 45 ألف شخص، من البلدات الحدودية.", ("displaced", 45000)),
    ("نزحت 5 آلاف أسرة، أي ما يعادل 25 ألف شخص، من المدينة خلال الأسبوع.", ("displaced", 25000)),
    ("نزوح 1200 عائلة، أي حوالي 6 آلاف شخص، من الأحياء الغربية.", ("displaced", 6000)),
])
def test_count_resolve_restatement_in_other_units_takes_the_kind(text: str, want: tuple[str, int]) -> None:
    assert want in {(c.kind, c.value) for c in counts(text)}


def test_count_resolve_restatement_word_before_no_figure_of_people() -> None:
    assert [(c.kind, c.value) for c in counts("قتل 3 أشخاص، أي عام 2019.")] == [("killed", 3)]


@pytest.mark.parametrize("text", [
    "أدت الغارات إلى مقتل 19 مدنيا، معظمهم في قرية واحدة.",
    "قتل 14 طفلا، غالبيتهم خلال الليل، في القصف على المخيم.",
    "أصيب 30 مهاجرا معظمهم بجروح طفيفة.",
])
def test_count_resolve_most_of_them_somewhere_keeps_the_group(text: str) -> None:
    assert all(c.who != "total" for c in counts(text))


# ------------------------------------------------------------------ a verb's plural subject, then its object
# the bare plural right after a verb is its subject when a definite object follows (اختطف مسلحون الطفل X): who
# did it is no count; the object counts as if right after the verb. Without an object (a passive reading, قتل
# مدنيون في …) the plural still counts some.
@pytest.mark.parametrize(("text", "want", "not_want"), [
    ("اختطف مسلحون مجهولون الطفل أحمد الزعبي من أمام منزله.", ("abducted", 1, "children"), "fighters"),
    ("خطف مسلحون ملثمون الشاب محمد العلي في حلب.", ("abducted", 1, "civilians"), "fighters"),
    ("قتل مسلحون المواطن خالد العلي قرب منزله.", ("killed", 1, "civilians"), "fighters"),
])
def test_count_grammar_plural_subject_before_an_object_is_no_count(text: str, want: tuple[str, int, str],
                                                                    not_want: str) -> None:
    found = triples(text)
    assert want in found and not any(who == not_want for _, _, who in found), found


@pytest.mark.parametrize(("text", "want"), [
    ("قتل مدنيون في قصف على البلدة.", ("killed", 3, "civilians")),
    ("اختطف مسلحون في هجوم على الحاجز.", ("abducted", 3, "fighters")),
    ("أصيب مدنيون بجروح في القصف.", ("wounded", 3, "civilians")),
])
def test_count_grammar_plural_without_object_still_counts(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


# ------------------------------------------------------------------ a definite plural and a definite numeral
# المدنيين الثلاثة: a definite number word agreeing with the definite plural before it counts that group; with no
# kill, wound or arrest word beside it, or a number word of days, it counts nothing.
@pytest.mark.parametrize(("text", "want", "span"), [
    ("قتل المواطنين الثلاثة في قصف على القرية.", ("killed", 3, "civilians"), "المواطنين الثلاثه"),
    ("أصيب الجنود الأربعة بجروح خطيرة.", ("wounded", 4, "fighters"), "الجنود الاربعه"),
    ("وأكدت المصادر أن المدنيين الخمسة قتلوا برصاص قناصة.", ("killed", 5, "civilians"), "المدنيين الخمسه"),
    ("اعتقلت القوات المدنيين الستة قرب الساحل.", ("detained", 6, "civilians"), "المدنيين السته"),
])
def test_count_implicit_definite_numeral_after_definite_plural(text: str, want: tuple[str, int, str],
                                                               span: str) -> None:
    cs = counts(text)
    assert [((c.kind, c.value, c.who), c.text) for c in cs] == [(want, span)]


@pytest.mark.parametrize("text", [
    "التقى الجنود الثلاثة بعائلاتهم بعد عودتهم.",
    "وصل المدنيون الثلاثة إلى المستشفى سالمين.",
    "قتل شخص خلال الأيام الثلاثة الماضية.",
])
def test_count_implicit_definite_numeral_without_trigger_or_people_is_no_count(text: str) -> None:
    assert all(c.value != 3 for c in counts(text))


# ------------------------------------------------------------------ an unnamed subject before the victim
# اغتال مجهولون الصحفي X: a verb's subject in the nominative plural of a word that counts no one (مجهولون،
# ملثمون) stands between the verb and its definite object, which counts one as if right after the verb.
@pytest.mark.parametrize(("text", "want"), [
    ("اغتال مجهولون الصحفي أحمد سالم في المدينة.", ("killed", 1, "journalists")),
    ("اختطف ملثمون الطبيب محمد علي من عيادته.", ("abducted", 1, "medics")),
    ("واغتالت الصحفية ريم حسن أمام مكتبها.", ("killed", 1, "journalists")),
    ("قتل مجهولون الطفل سامي أثناء عودته من المدرسة.", ("killed", 1, "children")),
])
def test_count_grammar_unnamed_subject_before_the_victim(text: str, want: tuple[str, int, str]) -> None:
    assert triples(text) == {want}


@pytest.mark.parametrize("text", [
    "قتل مجهولون الليلة الماضية في هجوم على الحاجز.",  # no count noun after the subject
    "هاجم مجهولون الصحفي أحمد سالم أمام منزله.",  # no kill or abduction word
    "وصل مجهولون إلى المدينة صباحا.",
])
def test_count_grammar_unnamed_subject_without_victim_object_is_no_count(text: str) -> None:
    assert counts(text) == []


# ------------------------------------------------------------------ a child's siblings
@pytest.mark.parametrize(("text", "want"), [
    ("قتل طفل وأصيبت شقيقتاه بشظايا القذيفة.", ("wounded", 2, "children")),
    ("استشهدت طفلة وأصيب شقيقاها في الغارة على المنزل.", ("wounded", 2, "children")),
    ("قتل طفل وأصيب شقيقه برصاص قناص.", ("wounded", 1, "children")),
])
def test_count_resolve_a_childs_siblings_are_children(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize(("text", "want"), [
    ("قتل رجل وأصيبت شقيقتاه في القصف.", ("wounded", 2, "women")),
    ("قتلت امرأة وأصيب شقيقاها في الحريق.", ("wounded", 2, "men")),
    ("قتل طفل وأصيب 3 أشخاص في القصف.", ("wounded", 3, "total")),
])
def test_count_resolve_siblings_of_an_adult_keep_their_group(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


# ------------------------------------------------------------------ "among the killed/wounded" names the kind of one
@pytest.mark.parametrize(("text", "want"), [
    ("سقط عشرة قتلى في القصف، وكان بين القتلى مسعف متطوع.", ("killed", 1, "medics")),
    ("أصيب 12 شخصا في الانفجار، وقال المستشفى إن بين المصابين صحفيا.", ("wounded", 1, "journalists")),
    ("قتل 14 مدنيا وأصيب العشرات في القصف، وذكرت لجنة محلية أن من بين القتلى طبيبا.", ("killed", 1, "medics")),
    ("قتل ستة جنود وأصيب تسعة آخرون في الكمين، ومن بين الجرحى ضابطان.", ("wounded", 2, "fighters")),
    ("قتل ثمانية أشخاص وأصيب 15 في التفجير، وبين المصابين ثلاثة أطفال وبين الشهداء امرأة.", ("killed", 1, "women")),
])
def test_count_resolve_among_the_kind_opens_subset(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)


@pytest.mark.parametrize("text", [
    # a bare plural after a subset marker is no figure (no vague "several" made of it)
    "وقال المرصد إن من بين القتلى أطفالا.",
    "وأكدت المصادر أن بينهم نساء وأطفالا.",
    "وأوضح المسعفون أن بين الجرحى مسنين.",
    "قتل سبعة أشخاص بينهم أطفال ونساء.",  # (only the seven)
    # a verbal noun of taking people with the purpose ل: an aim, no count of the people after it
    "داهمت القوات القرية لاعتقال مطلوبين.",
    "تحركت دورية أمنية إلى الحي لاحتجاز عناصر من العصابة.",
    "نصب المسلحون حاجزا على الطريق لاختطاف ركاب.",
])
def test_count_grammar_no_figure_after_marker_plural_or_aim(text: str) -> None:
    assert {t for t in triples(text) if t[1] != 7} == set()


@pytest.mark.parametrize(("text", "want"), [
    # the same nouns told as a happening still count
    ("وقالت الشرطة إنها أوقفت عناصر من العصابة.", ("detained", 3, "fighters")),
    ("أدى القصف لمقتل مدنيين في السوق.", ("killed", 3, "civilians")),
    ("قتل عشرة أشخاص بينهم امرأة.", ("killed", 1, "women")),
])
def test_count_grammar_happening_still_counts(text: str, want: tuple[str, int, str]) -> None:
    assert want in triples(text)

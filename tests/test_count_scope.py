"""Tests of rasd.recognize.count_scope: incident or cumulative from the words (issue 15 item 3). Own sentences."""

from __future__ import annotations

import pytest
from count_fixtures import counts, scopes


@pytest.mark.parametrize(("text", "figure"), [
    # the toll's subject after the figure (verb first), or before the rise verb (subject first)
    ('وأضاف أنه بمقتل الطفلين ترتفع إلى "خمسة قتلى" حصيلة الضحايا في موجة الغارات التي بدأت ليل الثلاثاء.',
     ("killed", 5)),
    ("عدد قتلى القصف على السوق الشعبي ارتفع إلى 15 شخصا.", ("killed", 15)),
    ("وقال المسعفون إن عدد جرحى التفجير في الحي التجاري وصل إلى 60.", ("wounded", 60)),
    ("ترتفع بذلك إلى 22 قتيلا حصيلة الهجوم على القافلة.", ("killed", 22)),
])
def test_count_scope_rise_of_an_incident_toll_wherever_its_subject(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "incident"


@pytest.mark.parametrize(("text", "figure"), [
    ("ارتفع عدد الشهداء منذ بدء الحرب إلى 34 ألفا.", ("killed", 34000)),
    ("وخلفت هذه الحرب نحو 20 ألف قتيل.", ("killed", 20000)),
    ("في حملة عسكرية أسفرت عن مقتل 900 مدني.", ("killed", 900)),
    ("وقال التقرير إن حملة القصف حصدت أكثر من 5 آلاف قتيل.", ("killed", 5000)),
    ("تسبب العدوان في استشهاد 1200 فلسطيني.", ("killed", 1200)),
])
def test_count_scope_war_as_the_cause_is_cumulative(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "cumulative"


@pytest.mark.parametrize("text", [
    "أسفرت الغارة عن مقتل 7 أشخاص.",
    "أسفرت المعارك العنيفة أمس عن مقتل 9 مقاتلين.",  # one day's fighting
    "وقتل 4 جنود في الهجوم الذي خلف أيضا 10 جرحى.",
])
def test_count_scope_cause_without_a_war_stays_incident(text: str) -> None:
    assert set(scopes(text).values()) == {"incident"}


@pytest.mark.parametrize(("text", "scope"), [
    ("مع تفاقم الوضع الإنساني ونزوح أكثر من 40 ألف شخص.", "cumulative"),
    ("أجبر القتال في الضواحي أكثر من 3 آلاف أسرة على مغادرة منازلها.", "cumulative"),
    ("أفادت المنظمة بأن 9 آلاف شخص نزحوا من المدينة وريفها.", "cumulative"),
    # one day's, or beside an incident's casualties
    ("وفر أكثر من 3000 شخص منذ منتصف الليل من البلدة.", "incident"),
    ("نزح نحو 800 شخص من القرية اليوم بعد الهجوم.", "incident"),
    ("قتل 5 أشخاص واضطرت 30 عائلة إلى النزوح.", "incident"),
])
def test_count_scope_displacement_runs_unless_a_day_or_an_incident(text: str, scope: str) -> None:
    assert {c.scope for c in counts(text) if c.kind == "displaced"} == {scope}


def test_count_scope_since_a_time_of_day_is_no_running_total() -> None:
    assert scopes("قتل 6 أشخاص منذ منتصف الليل في قصف متواصل على الحي.") == {("killed", 6): "incident"}
    assert scopes("قتل 600 شخص منذ منتصف أبريل في المعارك حول العاصمة.") == {("killed", 600): "cumulative"}


def test_count_scope_two_day_window_is_incident() -> None:
    assert scopes("قتل نحو 300 شخص خلال يومين من الهجمات على المخيم.")[("killed", 300)] == "incident"


@pytest.mark.parametrize("text", [
    "أسفر التفجير الانتحاري عن سقوط أربعة قتلى. وقال الحاكم إن الحصيلة الأخيرة بلغت أربعة قتلى هم ثلاثة جنود ومدني.",
    "قتل 11 مدنيا في قصف على السوق. وبحسب آخر حصيلة، بلغ عدد القتلى 11.",
    "أصيب 25 شخصا في انفجار العبوة. وأفادت حصيلة جديدة بأن عدد الجرحى وصل إلى 25 جريحا.",
])
def test_count_scope_latest_toll_restating_an_incident_is_incident(text: str) -> None:
    assert {c.scope for c in counts(text)} == {"incident"}


def test_count_scope_latest_toll_with_a_war_anchor_stays_cumulative() -> None:
    cs = counts("قتل 30 مدنيا في قصف على البلدة. وارتفعت حصيلة القتلى منذ بدء الهجوم إلى 30.")
    assert [c.scope for c in cs] == ["incident", "cumulative"]


@pytest.mark.parametrize("text", [
    # a toll that reached a figure, with no rise, no since-phrase, no war: one incident's, told after it
    "تعرض مخيم للنازحين شرق المدينة لقصف مدفعي صباح اليوم. وأوضح مدير المستشفى أن عدد القتلى بلغ 9 قتلى و14 جريحا.",
    "وبلغت حصيلة الضحايا 23 قتيلا بحسب الدفاع المدني.",
    "وقد وصل عدد الجرحى إلى 31 جريحا، وفق ما أفاد مسعفون في المكان.",
    "وتجاوز عدد المصابين 50 مصابا حسب المستشفى الميداني.",
    "فقد بلغ عدد القتلى 17 قتيلا و6 جرحى من ركاب الحافلة.",
])
def test_count_scope_a_toll_that_reached_a_figure_is_incident(text: str) -> None:
    assert set(scopes(text).values()) == {"incident"}


@pytest.mark.parametrize(("text", "figure"), [
    ("بلغ عدد القتلى منذ بدء الحرب 4 آلاف قتيل.", ("killed", 4000)),
    ("وصلت الحصيلة الإجمالية للقتلى إلى 640 قتيلا.", ("killed", 640)),
    ("ارتفع عدد القتلى إلى 70 قتيلا.", ("killed", 70)),
    ("قتل 3 مدنيين في القصف، ليبلغ عدد القتلى منذ مطلع الشهر 90 قتيلا.", ("killed", 90)),
])
def test_count_scope_a_rise_a_since_or_a_total_stays_cumulative(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "cumulative"


@pytest.mark.parametrize("text", [
    "قتل أكثر من 20 ألف شخص منذ اندلاع النزاع، بينما تجاوز عدد النازحين 3 ملايين.",
    "ولقي 7 آلاف شخص حتفهم منذ بداية المعارك، في حين بلغ عدد المهجرين مليوني شخص.",
    "وأحصت الأمم المتحدة مقتل 900 مدني حتى الآن، فيما تخطى عدد النازحين 400 ألف.",
])
def test_count_scope_displacement_beside_a_running_toll_runs_too(text: str) -> None:
    assert {c.scope for c in counts(text) if c.kind == "displaced"} == {"cumulative"}


@pytest.mark.parametrize(("text", "figure"), [
    ("بلغت الحصيلة التراكمية لضحايا الألغام 870 قتيلا.", ("killed", 870)),
    ("وثقت المنظمة مقتل 2300 مدني خلال العام الماضي في الإقليم.", ("killed", 2300)),
    ("أصيب 410 أشخاص خلال الأشهر الأربعة الماضية بنيران القناصة.", ("wounded", 410)),
    ("اعتقلت السلطات 95 صحفيا منذ مطلع العام.", ("detained", 95)),
])
def test_count_scope_a_toll_that_adds_up_or_spans_a_year_is_cumulative(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "cumulative"


@pytest.mark.parametrize(("text", "figure"), [
    ("قتل 6 أشخاص في غارة على السوق أمس.", ("killed", 6)),
    ("أصيب 12 شخصا في انفجار خلال الأسبوع الماضي.", ("wounded", 12)),
    ("قتل 4 جنود في كمين مساء الخميس.", ("killed", 4)),
])
def test_count_scope_a_days_or_a_weeks_toll_stays_incident(text: str, figure: tuple[str, int]) -> None:
    assert scopes(text)[figure] == "incident"


@pytest.mark.parametrize(("text", "figures"), [
    ("ارتفع عدد القتلى في المدينة من 10 إلى 15.", {("killed", 15)}),
    ("وارتفعت حصيلة الجرحى من 40 إلى 65 جريحا.", {("wounded", 65)}),
    ("زاد عدد النازحين خلال يومين من 4 آلاف إلى 9 آلاف شخص.", {("displaced", 9000)}),
])
def test_count_scope_the_toll_a_rise_started_from_is_no_count(text: str, figures: set[tuple[str, int]]) -> None:
    assert {(c.kind, c.value) for c in counts(text)} == figures


def test_count_scope_a_range_without_a_change_keeps_both_ends() -> None:
    assert {(c.kind, c.value) for c in counts("قتل من 10 إلى 15 شخصا في القصف.")} == {("killed", 10), ("killed", 15)}

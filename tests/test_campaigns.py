"""Campaigns: cumulative tolls land in the campaign their words, theatre, date and parties fit, one series per
source, never summed (issue "Campaigns"). Every report here is our own text."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="needs the [store] extra: python -m pip install -e '.[store]'")

from rasd.resources.actors import ActorDictionary
from rasd.resources.campaigns import CampaignCatalog
from rasd.resources.datafiles import ResourceError
from rasd.store import Store

TRIPOLI = "ly-tripoli-offensive-2019"
# eight dated updates of one offensive from three sources (WHO, the GNA's health ministry, the LNA): a
# restatement (2019-04-22), a conflicting claim on one day (2019-04-14) and a report naming only one side
OFFENSIVE = [
    ("2019-04-10", "wire-one", "أعلنت منظمة الصحة العالمية أن حصيلة القتلى منذ بدء الهجوم على طرابلس ارتفعت إلى "
                               "56 قتيلا و266 جريحا."),
    ("2019-04-14", "wire-one", "قالت منظمة الصحة العالمية في بيان إن عدد القتلى جراء المعارك حول العاصمة طرابلس منذ "
                               "بدء الهجوم بلغ 121 قتيلا و561 جريحا بين قوات حكومة الوفاق وقوات حفتر."),
    ("2019-04-14", "paper-two", "أكد المركز الإعلامي للجيش الوطني الليبي أن عدد قتلى المعارك في طرابلس منذ بدء "
                                "الهجوم بلغ 14 قتيلا فقط."),
    ("2019-04-18", "paper-two", "ذكرت وزارة الصحة بحكومة الوفاق أن حصيلة ضحايا الهجوم على طرابلس ارتفعت إلى 189 "
                                "قتيلا و816 جريحا منذ الرابع من أبريل."),
    ("2019-04-21", "site-three", "ارتفعت حصيلة المعارك في طرابلس منذ بدء الهجوم إلى 220 قتيلا و1066 جريحا، بحسب "
                                 "منظمة الصحة العالمية."),
    ("2019-04-22", "site-three", "كررت منظمة الصحة العالمية أن حصيلة القتلى منذ بدء الهجوم على طرابلس بلغت 220 قتيلا."),
    ("2019-04-25", "wire-one", "أفادت وزارة الصحة بحكومة الوفاق بأن عدد القتلى منذ بدء هجوم قوات حفتر على طرابلس "
                               "ارتفع إلى 264 قتيلا."),
    ("2019-04-30", "paper-two", "أعلنت منظمة الصحة العالمية أن حصيلة القتلى منذ بدء الهجوم على العاصمة طرابلس بلغت "
                                "345 قتيلا و1652 جريحا."),
]


def _ingest(store: Store, pipeline: Any, reports: list[tuple[str | None, str, str]]) -> None:
    for published, source, text in reports:
        store.ingest(pipeline.extract_text(text, source=source, published=published))


@pytest.fixture(scope="module")
def catalog() -> CampaignCatalog:
    return CampaignCatalog.load()


def test_campaigns_reference_offensive_is_one_campaign_with_three_sources(pipeline: Any, store_url: str) -> None:
    with Store.open(store_url) as store:
        _ingest(store, pipeline, OFFENSIVE)
        listed = store.campaigns()
        assert [c["id"] for c in listed] == [TRIPOLI]
        found = store.campaign(TRIPOLI)
        assert found is not None
        killed = {s["source_key"]: s for s in found["series"] if s["kind"] == "killed"}
        assert set(killed) == {"who", "gna-ministry-of-health", "lna"}
        points = {k: [(p["date"], p["value"]) for p in s["points"]] for k, s in killed.items()}
        assert points["who"] == [("2019-04-10", 56), ("2019-04-14", 121), ("2019-04-21", 220),
                                 ("2019-04-22", 220), ("2019-04-30", 345)]  # the restatement is its own point
        assert points["gna-ministry-of-health"] == [("2019-04-18", 189), ("2019-04-25", 264)]
        assert points["lna"] == [("2019-04-14", 14)]  # the conflicting claim of that day, kept beside WHO's
        assert killed["lna"]["belligerent"] and not killed["who"]["belligerent"]
        assert killed["who"]["latest"]["value"] == 345
        headline = store.stats()["campaign_tolls"]
        assert [(h["campaign"], h["value"], h["date"]) for h in headline] == [(TRIPOLI, 345, "2019-04-30")]  # no sum
        text = store.get_document(killed["lna"]["points"][0]["document_id"])["text"]  # type: ignore[index]
        p = killed["lna"]["points"][0]
        assert text[p["start"]:p["end"]].startswith("14")  # the evidence span


@pytest.mark.parametrize("report", [
    # undated, anchored at another start: a campaign of its own, keyed by theatre and anchor
    "ارتفعت حصيلة الاشتباكات بين الفصائل المسلحة في طرابلس منذ 17 أغسطس إلى 61 قتيلا، وفق وزارة الصحة.",
    "بلغ عدد قتلى القتال في العاصمة طرابلس منذ الثالث من سبتمبر 47 قتيلا بحسب مصادر طبية.",
    "وصلت حصيلة القتلى في اشتباكات طرابلس منذ العاشر من أغسطس إلى 39 قتيلا حسب مصادر طبية.",
])
def test_campaigns_other_start_anchor_opens_a_provisional_campaign(pipeline: Any, tmp_path: Any,
                                                                    report: str) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, [(None, "paper", report)])
        listed = store.campaigns()
        assert listed, "the toll was not read as cumulative"
        assert all(c["provisional"] and c["id"].startswith("prov:ly-tripoli:") for c in listed)


@pytest.mark.parametrize(("published", "report"), [
    # the reporting organization is a source: the theatre and the date place the toll, not the WHO
    ("2019-05-20", "أعلنت منظمة الصحة العالمية ارتفاع حصيلة القتال في طرابلس إلى 510 قتلى."),
    ("2019-06-02", "قالت الأمم المتحدة إن حصيلة القتلى في معارك جنوب طرابلس ارتفعت إلى 653 قتيلا."),
    (None, "أعلنت وزارة الصحة أن حصيلة القتلى منذ بدء الهجوم على طرابلس ارتفعت إلى 400 قتيل."),
])
def test_campaigns_source_never_keys_the_campaign(pipeline: Any, tmp_path: Any, published: str | None,
                                                  report: str) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, [(published, "paper", report)])
        assert [c["id"] for c in store.campaigns()] == [TRIPOLI]


def test_campaigns_other_wars_by_anchor_and_theatre(pipeline: Any, tmp_path: Any) -> None:
    reports: list[tuple[str | None, str, str]] = [
        (None, "a", "أعلنت وزارة الصحة أن حصيلة العدوان على قطاع غزة منذ السابع من أكتوبر 2023 ارتفعت إلى 9000 شهيد."),
        ("2024-01-10", "b", "ارتفع عدد القتلى في السودان منذ اندلاع الحرب بين الجيش وقوات الدعم السريع إلى 12000 قتيل."),
        ("2016-05-01", "c", "ارتفعت حصيلة القتلى في طرابلس منذ بدء المعارك إلى 30 قتيلا."),  # before the offensive
    ]
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, reports)
        ids = {c["id"] for c in store.campaigns()}
    assert {"ps-gaza-war-2023", "sd-war-2023"} <= ids
    assert TRIPOLI not in ids and any(i.startswith("prov:ly-tripoli") for i in ids)


def test_campaigns_data_refers_to_known_places_and_actors(catalog: CampaignCatalog) -> None:
    actors = ActorDictionary.load()
    for c in catalog.campaigns:
        assert c.start and c.name_ar and c.phrases_ar
        assert all(actors.get(p) is not None for p in c.parties), c.id
        assert all(t in catalog.ancestry for t in c.theatre), c.id


def test_campaigns_theatre_fit(catalog: CampaignCatalog) -> None:
    tripoli = catalog.get(TRIPOLI)
    assert tripoli is not None
    assert catalog.theatre_fit(tripoli, "ly-tajoura-detention-centre", "LY") == 2  # under Tripoli
    assert catalog.theatre_fit(tripoli, "ly-benghazi", "LY") == 1
    assert catalog.theatre_fit(tripoli, "gn-2467454", "TN") == -1
    sudan = catalog.get("sd-war-2023")
    assert sudan is not None and catalog.theatre_fit(sudan, None, "SD") == 2  # a whole-country theatre


def test_campaigns_file_errors_name_the_problem(tmp_path: Any) -> None:
    bad = tmp_path / "campaigns.yaml"
    bad.write_text("campaigns:\n  - id: x\n    name_en: X\n    name_ar: س\n    country: LY\n    theatre: [nowhere]\n"
                   "    start: '2019-01-01'\n    parties: []\n    phrases_ar: [حرب]\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="nowhere"):
        CampaignCatalog.load(bad)
    bad.write_text("campaigns:\n  - id: x\n    name: X\n", encoding="utf-8")
    with pytest.raises(ResourceError, match="name"):
        CampaignCatalog.load(bad)


def test_campaigns_an_events_tolls_share_its_campaign(catalog: CampaignCatalog) -> None:
    from rasd.recognize.dates import DateRecognizer
    from rasd.store.campaigns import CampaignAssigner, TollContext

    assigner = CampaignAssigner(catalog, DateRecognizer.load())
    base = dict(anchor_text=None, generic=False, place_id="sy", country="SY", parties=frozenset(), day="2018-03-11")
    anchored = TollContext(sentence="", anchor="2018-02-18", **base)  # type: ignore[arg-type]
    bare = TollContext(sentence="", anchor=None, **base)  # type: ignore[arg-type]
    assert assigner.assign(bare).id == "sy-civil-war"  # alone, the wounded figure fits the whole war best
    assert [c.id for c in assigner.assign_event([anchored, bare])] == ["sy-eastern-ghouta-2018"] * 2
    later = TollContext(sentence="", anchor=None, **{**base, "day": "2019-01-01"})  # type: ignore[arg-type]
    assert [c.id for c in assigner.assign_event([anchored, later])] == ["sy-eastern-ghouta-2018", "sy-civil-war"]


@pytest.mark.parametrize(("words", "key"), [
    ("مصادر طبية ليبية", "medical-sources:ly"),
    ("مصدر طبي في مستشفى الزاوية", "medical-sources:ly"),
    ("المتحدث باسم وزارة الصحة", "gna-ministry-of-health"),  # the ministry the dictionary knows in Libya
    ("ما نقلته وكالة الأناضول للأنباء", "anadolu"),
    ("المكتب الإعلامي الحكومي", "government-media-office:ly"),
    ("الناطق العسكري باسم القوات", "army:ly"),
])
def test_campaigns_source_words_name_a_source_key(catalog: CampaignCatalog, words: str, key: str) -> None:
    from rasd.resources.campaigns import named_source
    from rasd.text.normalize import normalize_name

    found = named_source(catalog.sources, normalize_name(words))
    assert found is not None and not found.unnamed
    assert (found.actor("LY") or found.key("LY")) == key


@pytest.mark.parametrize("words", ["بيان", "تقارير إعلامية", "المصادر ذاتها", "الوزارة"])
def test_campaigns_words_that_name_no_source(catalog: CampaignCatalog, words: str) -> None:
    from rasd.resources.campaigns import named_source
    from rasd.text.normalize import normalize_name

    found = named_source(catalog.sources, normalize_name(words))
    assert found is not None and found.unnamed


def test_campaigns_series_keyed_by_source_key_not_raw_words(pipeline: Any, tmp_path: Any) -> None:
    reports: list[tuple[str | None, str, str]] = [
        ("2019-05-02", "a", "ارتفعت حصيلة القتلى منذ بدء الهجوم على طرابلس إلى 392 قتيلا، بحسب مصادر طبية."),
        ("2019-05-06", "b", "قالت مصادر طبية في العاصمة إن عدد القتلى منذ بدء الهجوم على طرابلس بلغ 432 قتيلا."),
        ("2019-05-07", "c", "ارتفع عدد القتلى منذ بدء الهجوم على طرابلس إلى 443 قتيلا وفق ما أوردته وكالة الأناضول."),
    ]
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, reports)
        found = store.campaign(TRIPOLI)
    assert found is not None
    keys = {s["source_key"]: [p["value"] for p in s["points"]] for s in found["series"] if s["kind"] == "killed"}
    assert keys == {"medical-sources:ly": [392, 432], "anadolu": [443]}
    assert not any(k.startswith("said:") for k in keys)


def test_campaigns_sources_refer_to_known_actors(catalog: CampaignCatalog) -> None:
    for s in catalog.sources:
        assert all(a in catalog.actors for _, a in s.actors), s.id


@pytest.mark.parametrize(("published", "report", "campaign"), [
    # "since three weeks" counted back from the report is a week off at most: the offensive that began then
    ("2018-03-12", "أدى الهجوم البري والجوي الذي يشنه الجيش السوري على ريف دمشق منذ ثلاثة أسابيع إلى مقتل "
                   "1150 مدنيا في حصيلة إجمالية.", "sy-eastern-ghouta-2018"),
    ("2019-05-03", "ارتفعت حصيلة القتلى في طرابلس منذ نحو شهر إلى 392 قتيلا، بحسب منظمة الصحة العالمية.",
     TRIPOLI),
])
def test_campaigns_anchor_counted_back_is_as_exact_as_its_unit(pipeline: Any, tmp_path: Any, published: str,
                                                               report: str, campaign: str) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, [(published, "paper", report)])
        assert [c["id"] for c in store.campaigns()] == [campaign]


def test_campaigns_anchor_counted_back_months_off_opens_a_provisional_campaign(pipeline: Any,
                                                                             tmp_path: Any) -> None:
    report = "ارتفعت حصيلة القتلى في طرابلس منذ ثلاثة أشهر إلى 392 قتيلا، بحسب منظمة الصحة العالمية."
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, [("2019-09-20", "paper", report)])
        assert all(c["provisional"] for c in store.campaigns())


@pytest.mark.parametrize("report", [
    "عقدت وزارة الصحة بحكومة الوفاق مؤتمرا صحفيا في طرابلس. وأعلنت الوزارة ارتفاع حصيلة القتلى منذ بدء الهجوم على "
    "طرابلس إلى 310 قتلى.",
    "نشرت منظمة الصحة العالمية تقريرا عن المستشفيات الميدانية. وقالت المنظمة إن عدد القتلى منذ بدء الهجوم على "
    "طرابلس بلغ 310 قتلى.",
])
def test_campaigns_source_told_before_keys_the_series(pipeline: Any, tmp_path: Any, report: str) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, [("2019-05-01", "paper", report)])
        found = store.campaign(TRIPOLI)
    assert found is not None
    keys = {s["source_key"] for s in found["series"] if s["kind"] == "killed"}
    assert keys & {"gna-ministry-of-health", "who"} and not any(k.startswith(("said:", "outlet:")) for k in keys)


def test_campaigns_latest_is_the_latest_dated_point(pipeline: Any, tmp_path: Any) -> None:
    """An undated point (a report with no date) never beats a dated one, whatever its value; a series with no
    dated point shows its highest figure; the header follows the series."""
    reports: list[tuple[str | None, str, str]] = [
        ("2019-04-12", "a", "أعلنت منظمة الصحة العالمية أن حصيلة القتلى منذ بدء الهجوم على طرابلس ارتفعت إلى 150 قتيلا."),
        (None, "b", "قالت منظمة الصحة العالمية إن عدد القتلى منذ بدء الهجوم على طرابلس ارتفع إلى 260 قتيلا."),
        ("2019-04-16", "c", "ارتفعت حصيلة القتلى منذ بدء الهجوم على طرابلس إلى 200 قتيل، بحسب منظمة الصحة العالمية."),
        (None, "d", "أفادت وزارة الصحة بحكومة الوفاق بأن حصيلة القتلى منذ بدء الهجوم على طرابلس ارتفعت إلى 90 قتيلا."),
        (None, "e", "ذكرت وزارة الصحة بحكومة الوفاق أن عدد القتلى منذ بدء الهجوم على طرابلس ارتفع إلى 120 قتيلا."),
    ]
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, reports)
        (camp,) = store.campaigns()
        latest = {x["source_key"]: (x["date"], x["value"]) for x in camp["latest"] if x["kind"] == "killed"}
        assert latest == {"who": ("2019-04-16", 200), "gna-ministry-of-health": (None, 120)}
        headline = store.stats()["campaign_tolls"]
        assert [(h["value"], h["date"]) for h in headline] == [(200, "2019-04-16")]


@pytest.mark.parametrize("report", [
    # a "since …" that closes a comparison dates the comparison, not the toll's start
    "أعلنت منظمة الصحة العالمية ارتفاع حصيلة القتال في طرابلس إلى 260 قتيلا، ووصفت المعارك بأنها الأعنف منذ عام 2011.",
    "قالت الأمم المتحدة إن 25 ألف شخص نزحوا بسبب القتال في طرابلس، في أسوأ موجة عنف تشهدها العاصمة منذ 2014.",
    "ارتفع عدد القتلى في معارك طرابلس إلى 310 قتلى، وهي أعلى حصيلة تسجلها المدينة منذ سنة 2011 بحسب وزارة الصحة.",
])
def test_campaigns_since_of_a_comparison_is_no_anchor(pipeline: Any, tmp_path: Any, report: str) -> None:
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        _ingest(store, pipeline, [("2019-04-20", "paper", report)])
        assert [c["id"] for c in store.campaigns()] == [TRIPOLI]


@pytest.mark.parametrize(("words", "compares"), [
    ("ووصفت المعارك بأنها الأسوأ منذ", True),
    ("في أسوأ موجة عنف تشهدها العاصمة منذ", True),
    ("وهي أعلى حصيلة منذ", True),
    ("إلى أكثر من 200 قتيل منذ", False),  # a figure's
    ("أعلن الجيش أن القتلى منذ", False),  # a verb of the elative's shape
    ("بلغ أكثر من ألف قتيل منذ", False),
    ("ارتفعت حصيلة القتلى في طرابلس منذ", False),
])
def test_campaigns_comparison_before_since(catalog: CampaignCatalog, words: str, compares: bool) -> None:
    from rasd.store.campaigns import compares as closes_comparison

    assert closes_comparison(catalog, words + " 2014", len(words) - 3) is compares

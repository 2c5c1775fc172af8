"""Campaigns of running tolls told across sentences: the start a toll runs from may be given by the sentence right
before it, the fighting told since a start is the war a later toll belongs to, and a toll's source is never the
party its sentence names (issue "Campaigns"). Every report here is our own text."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("sqlalchemy", reason="needs the [store] extra: python -m pip install -e '.[store]'")

from rasd.store import Store

TRIPOLI = "ly-tripoli-offensive-2019"


def _campaigns(pipeline: Any, tmp_path: Any, report: str, published: str | None = None) -> dict[str, Any]:
    """The campaigns of one report, by id, with their series."""
    with Store.open(f"sqlite:///{tmp_path / 'r.db'}") as store:
        store.ingest(pipeline.extract_text(report, source="paper", published=published))
        return {c["id"]: store.campaign(c["id"]) for c in store.campaigns()}


def _killed(found: dict[str, Any]) -> dict[str, set[int]]:
    """Campaign id -> the killed figures it holds."""
    return {cid: {p["value"] for s in c["series"] if s["kind"] == "killed" for p in s["points"]}
            for cid, c in found.items()}


@pytest.mark.parametrize(("report", "killed"), [
    # undated: only the start the sentence before gives ties the toll to the offensive
    ("اضطر نحو 25 ألف شخص إلى مغادرة أحياء جنوب طرابلس منذ بدء الهجوم على المدينة. وبحسب وزارة الصحة، قتل 390 "
     "شخصا وأصيب 1800 آخرون.", 390),
    ("تتعرض الضواحي الجنوبية لطرابلس لقصف عشوائي منذ اندلاع المعارك مطلع الشهر. فقد لقي 265 شخصا حتفهم، بحسب "
     "منظمة الصحة العالمية.", 265),
    ("تشهد طرابلس معارك بين قوات حفتر وقوات حكومة الوفاق منذ الرابع من أبريل.\nوتسببت المعارك في سقوط أكثر من 500 "
     "قتيل و2500 جريح، بحسب الأمم المتحدة.", 500),
])
def test_campaigns_toll_after_a_since_sentence_lands_in_the_offensive(pipeline: Any, tmp_path: Any, report: str,
                                                                      killed: int) -> None:
    found = _killed(_campaigns(pipeline, tmp_path, report))
    assert killed in found.get(TRIPOLI, set()), found


def test_campaigns_start_of_the_sentence_before_opens_its_provisional_campaign(pipeline: Any, tmp_path: Any) -> None:
    report = ("تتقاتل جماعات مسلحة في أحياء طرابلس منذ 20 سبتمبر. وقد قتل 70 شخصا وجرح 160، بحسب مصادر طبية.")
    found = _killed(_campaigns(pipeline, tmp_path, report))
    assert [cid for cid, values in found.items() if 70 in values] == ["prov:ly-tripoli:20-سبتمبر"]


@pytest.mark.parametrize("report", [
    "اندلعت اشتباكات بين مجموعات مسلحة في طرابلس منذ 20 سبتمبر وأدت إلى مقتل 70 شخصا وجرح 160، حسب آخر حصيلة "
    "لوزارة الصحة.",
    "تدور مواجهات بين كتائب متناحرة جنوب طرابلس منذ 20 سبتمبر، أوقعت 70 قتيلا و160 جريحا وفق وزارة الصحة.",
    "منذ 20 سبتمبر، تدور معارك بين ميليشيات متنافسة في طرابلس خلفت 70 قتيلا و160 جريحا بحسب وزارة الصحة الليبية.",
])
def test_campaigns_source_of_a_toll_is_never_its_party(pipeline: Any, tmp_path: Any, report: str) -> None:
    found = _campaigns(pipeline, tmp_path, report)
    keys = {s["source_key"] for c in found.values() for s in c["series"] if s["kind"] in ("killed", "wounded")}
    assert keys == {"gna-ministry-of-health"}


@pytest.mark.parametrize(("published", "report", "campaign"), [
    # "since <something> began on <day>": that day is the toll's start, a known campaign's or a provisional one's
    ("2018-09-05", "أفادت مصادر طبية بأن 45 شخصا قتلوا في طرابلس منذ اندلعت الاشتباكات بين الكتائب في 26 أغسطس.",
     "prov:ly-tripoli:2018-08-26"),
    ("2018-05-20", "قالت وزارة الصحة إن 70 متظاهرا قتلوا على حدود غزة منذ انطلقت المسيرات في 30 مارس.",
     ":2018-03-30"),
    ("2019-05-10", "ذكرت الأمم المتحدة أن 380 شخصا قتلوا في طرابلس منذ بدأ هجوم قوات حفتر في الرابع من أبريل.", TRIPOLI),
    ("2019-05-10", "قتل 90 شخصا في طرابلس منذ اندلعت اشتباكات الأحياء الشرقية في 20 أبريل، بحسب مصادر طبية.",
     "prov:ly-tripoli:2019-04-20"),
])
def test_campaigns_day_a_since_phrase_names_is_the_start(pipeline: Any, tmp_path: Any, published: str, report: str,
                                                         campaign: str) -> None:
    found = _campaigns(pipeline, tmp_path, report, published)
    assert len(found) == 1 and next(iter(found)).endswith(campaign), found.keys()


@pytest.mark.parametrize(("published", "report", "campaign"), [
    # a war's running toll whose words name no place, after the day's happening at a town: the country's
    ("2018-06-02", "اندلعت اشتباكات عنيفة بين الجيش ومسلحي المعارضة في بلدة ملكال صباح السبت، وقال متحدث عسكري إن "
     "القوات صدت الهجوم.\nومنذ عام 2013 تعاني البلاد من حرب أهلية بين الحكومة والمعارضة.\nوخلفت هذه الحرب نحو 50 "
     "ألف قتيل وأكثر من مليوني نازح.", "prov:ss"),
    ("2019-03-11", "هاجم مسلحون قاعدة للجيش في بلدة بوني شمال شرقي نيجيريا ليل الأحد، ودارت معارك استمرت ساعات.\n"
     "وتخوض الحكومة حربا ضد الجماعة منذ عام 2009.\nوأوقعت هذه الحرب أكثر من 27 ألف قتيل وشردت مليوني شخص.", "prov:ng"),
    ("2020-02-14", "قصفت طائرات مسيرة مواقع للمسلحين قرب قرية منكا وسط مالي يوم الجمعة.\nوتشهد البلاد منذ عام 2012 "
     "نزاعا مسلحا.\nوقد خلف النزاع آلاف القتلى ونزوح أكثر من 200 ألف شخص.", "prov:ml"),
])
def test_campaigns_provisional_theatre_is_the_place_the_toll_names(pipeline: Any, tmp_path: Any, published: str,
                                                                   report: str, campaign: str) -> None:
    assert list(_campaigns(pipeline, tmp_path, report, published)) == [campaign]

"""Hand-built document records for the store, API, export and dashboard tests (and the API benchmark).

The Arabic texts are written for these tests. Spans are found in the text, so `text[start:end]` is always
exactly the quoted stretch.
"""

from __future__ import annotations

import hashlib
import random
from dataclasses import dataclass, field
from typing import Any

from rasd.records import (
    ActorRef,
    Count,
    DocumentInfo,
    DocumentRecord,
    Event,
    EventDate,
    LocationRef,
    Mention,
    Span,
)

LNA = ActorRef("lna", "Libyan National Army", "الجيش الوطني الليبي", "state_forces", "LY")
GNA = ActorRef("gna", "Government of National Accord", "حكومة الوفاق الوطني", "state_forces", "LY")
PROTESTERS = ActorRef("protesters_tn", "Protesters (Tunisia)", "محتجون", "protesters", "TN")
CIVILIANS = ActorRef("civilians_ly", "Civilians (Libya)", "مدنيون", "civilians", "LY")
UN = ActorRef("un", "United Nations", "الأمم المتحدة", "international_org")

MISRATA = LocationRef("ly-misrata", "Misrata", "مصراتة", "LY", "Misrata", 32.3754, 15.0925, 1, "city")
TRIPOLI = LocationRef("ly-tripoli", "Tripoli", "طرابلس", "LY", "Tripoli", 32.8872, 13.1913, 1, "city")
SFAX = LocationRef("tn-sfax", "Sfax", "صفاقس", "TN", "Sfax", 34.7406, 10.7603, 1, "city")
BENGHAZI = LocationRef("ly-benghazi", "Benghazi", "بنغازي", "LY", "Benghazi", 32.1167, 20.0667, 1, "city")


def doc_id(text: str) -> str:
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def span(text: str, needle: str, nth: int = 0) -> Span:
    pos = -1
    for _ in range(nth + 1):
        pos = text.index(needle, pos + 1)
    return Span(pos, pos + len(needle))


def count(text: str, needle: str, kind: str, value: int, *, who: str = "total", scope: str = "incident",
          qualifier: str = "exact", parent: int | None = None, attribution: str | None = None) -> Count:
    s = span(text, needle)
    return Count(kind, value, qualifier, who, scope, s.start, s.end, needle, parent, attribution)


@dataclass
class EventSpec:
    """What an event says; `build_record` turns it into an `Event` with spans into the text."""

    evidence: str
    plover: str
    acled: tuple[str, str] | None = None
    actor1: ActorRef | None = None
    actor2: ActorRef | None = None
    location: LocationRef | None = None
    day: str | None = None
    counts: list[Count] = field(default_factory=list)
    modality: str = "asserted"
    attribution: str | None = None
    confidence: float = 0.8


def build_record(text: str, source: str, published: str | None, specs: list[EventSpec],
                 *, title: str | None = None, country: str | None = None) -> DocumentRecord:
    mentions: list[Mention] = []
    events: list[Event] = []
    doc_counts: list[Count] = []
    for i, sp in enumerate(specs, start=1):
        ev_span = span(text, sp.evidence)
        for c in sp.counts:
            mentions.append(Mention(f"m{len(mentions) + 1}", "count", c.text, c.start, c.end, None))
            doc_counts.append(c)
        if sp.location is not None and sp.location.name_ar in text:
            ls = span(text, sp.location.name_ar)
            mentions.append(Mention(f"m{len(mentions) + 1}", "place", sp.location.name_ar, ls.start, ls.end,
                                    sp.location.id))
        date = (EventDate(sp.day, sp.day, "day", "explicit") if sp.day
                else EventDate(None, None, "unknown", "unknown"))
        events.append(Event(
            id=f"e{i}", acled_event_type=sp.acled[0] if sp.acled else None,
            acled_sub_event_type=sp.acled[1] if sp.acled else None, plover=sp.plover, actor1=sp.actor1,
            actor2=sp.actor2, location=sp.location, date=date, counts=tuple(sp.counts), modality=sp.modality,
            source_attribution=sp.attribution, evidence=(ev_span,), confidence=sp.confidence))
    info = DocumentInfo(doc_id(text), source, published, "ar", len(text), "utf-8", "text/plain", title, country)
    return DocumentRecord(info, text, tuple(mentions), tuple(events), tuple(doc_counts))


# ------------------------------------------------------------------------------------------- samples

TEXT_A = (
    "مصراتة - قالت مصادر طبية إن قصفا مدفعيا استهدف حيا سكنيا في مصراتة صباح الثلاثاء أسفر عن مقتل 12 شخصا "
    "بينهم 3 أطفال وإصابة 20 آخرين. وتتبادل قوات الجيش الوطني الليبي وقوات حكومة الوفاق الاتهامات بالمسؤولية. "
    "وبذلك ارتفعت حصيلة القتلى منذ بدء الهجوم على المدينة إلى 230 قتيلا بحسب وزارة الصحة."
)

TEXT_B = (
    "أعلن مسؤولون محليون في مصراتة أن قذائف سقطت على منطقة مأهولة يوم الثلاثاء وأدت إلى مقتل 10 أشخاص. "
    "وقالت وزارة الصحة إن عدد القتلى منذ اندلاع المعارك ارتفع إلى 241 قتيلا."
)

# A reprint of TEXT_A by another outlet, with one sentence added.
TEXT_C = TEXT_A + " وطالبت منظمات إغاثة بفتح ممرات آمنة للمدنيين."

TEXT_D = (
    "صفاقس - خرج مئات المحتجين يوم الجمعة في مسيرة سلمية وسط صفاقس للمطالبة بتوفير فرص العمل، "
    "ورفع المتظاهرون لافتات تندد بارتفاع الأسعار."
)

TEXT_E = (
    "من المقرر أن يلتقي المبعوث الأممي بممثلين عن حكومة الوفاق في طرابلس الأسبوع المقبل لبحث وقف إطلاق النار. "
    "وفي بنغازي اندلعت اشتباكات عنيفة ليل الأحد بين مسلحين مجهولين وقوات الجيش الوطني الليبي دون ورود أنباء عن ضحايا."
)


def sample_records() -> list[DocumentRecord]:
    """Five documents: a shelling reported by two outlets and one reprint, a protest, a meeting + a clash."""
    a = build_record(TEXT_A, "wire-a/misrata-1", "2021-03-02", [EventSpec(
        evidence="قصفا مدفعيا استهدف حيا سكنيا في مصراتة صباح الثلاثاء أسفر عن مقتل 12 شخصا بينهم 3 أطفال",
        plover="ASSAULT", acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        actor1=LNA, actor2=GNA, location=MISRATA, day="2021-03-02",
        counts=[count(TEXT_A, "مقتل 12 شخصا", "killed", 12, attribution="مصادر طبية"),
                count(TEXT_A, "3 أطفال", "killed", 3, who="children", parent=0),
                count(TEXT_A, "إصابة 20 آخرين", "wounded", 20),
                count(TEXT_A, "إلى 230 قتيلا", "killed", 230, scope="cumulative", attribution="وزارة الصحة")],
        attribution="مصادر طبية", confidence=0.85)], title="قصف على مصراتة", country="LY")
    b = build_record(TEXT_B, "paper-b/2021/03/03", "2021-03-03", [EventSpec(
        evidence="قذائف سقطت على منطقة مأهولة يوم الثلاثاء وأدت إلى مقتل 10 أشخاص",
        plover="ASSAULT", acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        actor1=LNA, location=MISRATA, day="2021-03-02",
        counts=[count(TEXT_B, "مقتل 10 أشخاص", "killed", 10, attribution="مسؤولون محليون"),
                count(TEXT_B, "إلى 241 قتيلا", "killed", 241, scope="cumulative", attribution="وزارة الصحة")],
        attribution="مسؤولون محليون", confidence=0.7)], country="LY")
    c = build_record(TEXT_C, "site-c/reprint", "2021-03-02", [EventSpec(
        evidence="قصفا مدفعيا استهدف حيا سكنيا في مصراتة صباح الثلاثاء أسفر عن مقتل 12 شخصا بينهم 3 أطفال",
        plover="ASSAULT", acled=("Explosions/Remote violence", "Shelling/artillery/missile attack"),
        actor1=LNA, actor2=GNA, location=MISRATA, day="2021-03-02",
        counts=[count(TEXT_C, "مقتل 12 شخصا", "killed", 12)], confidence=0.85)], country="LY")
    d = build_record(TEXT_D, "tn-news/sfax", "2021-03-05", [EventSpec(
        evidence="خرج مئات المحتجين يوم الجمعة في مسيرة سلمية وسط صفاقس",
        plover="PROTEST", acled=("Protests", "Peaceful protest"), actor1=PROTESTERS, location=SFAX,
        day="2021-03-05", confidence=0.9)], country="TN")
    e = build_record(TEXT_E, "wire-a/tripoli-talks", "2021-03-08", [
        EventSpec(evidence="من المقرر أن يلتقي المبعوث الأممي بممثلين عن حكومة الوفاق في طرابلس",
                  plover="CONSULT", actor1=UN, actor2=GNA, location=TRIPOLI, day="2021-03-15",
                  modality="planned", confidence=0.6),
        EventSpec(evidence="اندلعت اشتباكات عنيفة ليل الأحد بين مسلحين مجهولين وقوات الجيش الوطني الليبي",
                  plover="ASSAULT", acled=("Battles", "Armed clash"), actor1=LNA, location=BENGHAZI,
                  day="2021-03-07", confidence=0.75)], country="LY")
    return [a, b, c, d, e]


# ------------------------------------------------------------------------------------------- synthetic

_PLACES = [MISRATA, TRIPOLI, SFAX, BENGHAZI]
_KINDS = [("ASSAULT", ("Battles", "Armed clash")),
          ("ASSAULT", ("Explosions/Remote violence", "Air/drone strike")),
          ("PROTEST", ("Protests", "Peaceful protest")),
          ("CONSULT", None)]
_WORDS = "قصف غارة اشتباكات مسلحين قوات المدينة الحي السكني مصادر محلية شهود عيان الطريق الساحلي".split()


def synthetic_record(i: int, *, events: int = 1, seed: int = 0) -> DocumentRecord:
    """A unique made-up document (number `i`) with `events` events, for load tests and benchmarks."""
    rng = random.Random(seed * 1_000_003 + i)
    sentences = []
    specs = []
    for k in range(events):
        place = rng.choice(_PLACES)
        plover, acled = rng.choice(_KINDS)
        n = rng.randint(1, 60)
        filler = " ".join(rng.choice(_WORDS) for _ in range(8))
        sentence = f"الخبر {i}-{k}: {filler} في {place.name_ar} أسفر عن مقتل {n} شخصا."
        sentences.append(sentence)
        specs.append((sentence, place, plover, acled, n))
    text = " ".join(sentences)
    day = f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    built = []
    for sentence, place, plover, acled, n in specs:
        built.append(EventSpec(evidence=sentence, plover=plover, acled=acled, actor1=rng.choice([LNA, GNA, None]),
                               location=place, day=day,
                               counts=[count(text, f"مقتل {n} شخصا", "killed", n)] if plover == "ASSAULT" else [],
                               confidence=round(rng.uniform(0.3, 0.95), 2)))
    return build_record(text, f"synthetic/{i}", day, built, country=specs[0][1].country)


def fail_after_writing(document_id: str, monkeypatch: Any) -> None:
    """Make `writes.insert_record` raise for `document_id` after it wrote every row of that document (a document
    failing midway: its savepoint or transaction must take all of it back); the others are written as usual."""
    from rasd.store import writes

    real = writes.insert_record

    def half_then_boom(conn: Any, t: Any, rec: DocumentRecord, *args: Any) -> Any:
        outcome = real(conn, t, rec, *args)
        if rec.document.id == document_id:
            raise RuntimeError("disk on fire")
        return outcome

    monkeypatch.setattr(writes, "insert_record", half_then_boom)


# ------------------------------------------------------------------------------------------- extractor

class FakeExtractor:
    """Stands in for the pipeline: one ASSAULT event in Misrata whose evidence is the first sentence."""

    def __init__(self) -> None:
        self.calls = 0

    def extract_text(self, text: str, *, source: str, published: str | None = None,
                     max_seconds: float | None = None) -> DocumentRecord:
        self.calls += 1
        first = text.strip().split(".")[0].strip() or text.strip()
        return build_record(text, source, published, [EventSpec(
            evidence=first, plover="ASSAULT", acled=("Battles", "Armed clash"), actor1=LNA, location=MISRATA,
            day=published)], country="LY")

    def extract_decoded(self, decoded: object, *, source: str, published: str | None = None,
                        max_seconds: float | None = None) -> DocumentRecord:
        text = decoded.text  # type: ignore[attr-defined]
        return self.extract_text(text, source=source, published=published or decoded.published_hint)  # type: ignore[attr-defined]


# ------------------------------------------------------------------------------------------- stores

PG_ENV = "RASD_TEST_PG_URL"


def reset_postgres(url: str) -> None:
    """Drop every rasd table in the PostgreSQL test database (tests there run one at a time)."""
    from sqlalchemy import create_engine, text

    from rasd.store.schema import build_metadata
    from rasd.store.store import normalize_url

    engine = create_engine(normalize_url(url))
    try:
        build_metadata().metadata.drop_all(engine)
        with engine.begin() as conn:  # outside the metadata: kept by triggers on events (versions 9, 11), the writes (18)
            for table in ("events_search", "event_day_counts", "happening_changes"):
                conn.execute(text(f"DROP TABLE IF EXISTS {table}"))
    finally:
        engine.dispose()


def ingest_range(url: str, start: int, end: int, events: int = 3) -> None:
    """Ingest synthetic documents start..end-1 (run in a subprocess by the concurrency/crash tests)."""
    from rasd.store import Store

    store = Store.open(url)
    try:
        for i in range(start, end):
            store.ingest(synthetic_record(i, events=events))
    finally:
        store.close()


if __name__ == "__main__":  # python tests/store_fixtures.py URL START END [EVENTS]
    import sys

    ingest_range(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), *(int(x) for x in sys.argv[4:5]))

"""Which campaign a cumulative toll belongs to, and whose claim it is.

A toll is assigned from its own words (a phrase naming the campaign, "since <its start date>", "since the start
of the war"), its theatre (the place, its ancestors, its country), its date and the belligerents the event or
the document names. The organization that reports a figure (WHO, a ministry, medical sources) is its source,
never a party: it keys the toll's series, and a belligerent's own figure is marked as its claim. A toll that
fits no known campaign opens a provisional one keyed by its theatre and start anchor.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from rasd.records import Count, DocumentRecord, Event, Mention
from rasd.resources.campaigns import Campaign, CampaignCatalog, named_source
from rasd.text.normalize import normalize, normalize_name
from rasd.text.segment import split_sentences

ARMED_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia",
                         "external_forces"})
REPORTING_KINDS = frozenset({"international_org", "government", "media"})  # report tolls; never a party by kind
ANAPHOR_KINDS = frozenset({"international_org", "government"})  # what الوزارة, المنظمة may refer back to
MIN_SCORE = 3  # the evidence a known campaign needs (see `score`)
_SLACK = {"week": 7, "month": 31}  # days a date counted back in weeks or months may be off
_COMPARE_REACH = 5  # words before منذ where an elative makes it a comparison's (الأسوأ منذ)
_SINCE_REACH = 7  # words before a day where منذ makes it a start (منذ اندلعت الاشتباكات بين الكتائب في 26 أغسطس)
_QUOTES = "\"'“”«»()"
_ELATIVE_PREFIXES = ("", "ال", "وال", "بال", "فال", "لل", "كال")


@dataclass(frozen=True, slots=True)
class TollContext:
    """What a toll's report says that can place it in a campaign."""

    sentence: str  # the count's sentence, normalized
    anchor: str | None  # the ISO date of the "since …" date the sentence gives, when the report's date fixes it
    anchor_text: str | None  # that "since …" phrase, normalized (without منذ)
    generic: bool  # "since the start (of the war …)" without a date
    place_id: str | None
    country: str | None  # the place's country, else the document's (a guess: it never rules a campaign out)
    parties: frozenset[str]  # belligerents (and their affiliations) the event or the document names
    day: str | None  # the toll's date
    place_told: bool = True  # the toll's words name the event's place (`_placed_there`)


@dataclass(frozen=True, slots=True)
class TollSource:
    """Whose figure a toll is: the attributed actor (its id), else the attribution (said:<words>), else the
    outlet that published the report (outlet:<source>)."""

    key: str
    label: str
    label_ar: str
    belligerent: bool


@dataclass(frozen=True, slots=True)
class CampaignAssigner:
    """The known campaigns and the date recognizer that resolves a "since …" anchor against a campaign's start."""

    catalog: CampaignCatalog
    dates: Any  # rasd.recognize.dates.DateRecognizer

    @classmethod
    def load(cls) -> CampaignAssigner:
        """Load campaigns.yaml, the gazetteer it refers to and the date recognizer."""
        from rasd.recognize.dates import DateRecognizer

        return cls(CampaignCatalog.load(), DateRecognizer.load())

    def assign(self, ctx: TollContext) -> Campaign:
        """The best-fitting known campaign, else the provisional campaign of the toll's theatre and anchor.
        Ties go to the campaign with a local theatre (an offensive within a war), then the later start."""
        ranked = []
        for c in self.catalog.campaigns:
            points = self.score(c, ctx)
            if points is not None and points >= MIN_SCORE:
                local = any(t not in self.catalog.countries for t in c.theatre)
                ranked.append((points, local, c.start or "", c))
        if not ranked:
            return self.provisional(ctx)
        return max(ranked, key=lambda r: r[:3])[3]

    def assign_event(self, ctxs: list[TollContext]) -> list[Campaign]:
        """The campaigns of one event's tolls: an event is one happening, so a toll whose own sentence says less
        ("… and 4,350 were wounded") joins the best-fitting known campaign of its siblings, unless its own
        words, place or date rule that campaign out."""
        own = [self.assign(ctx) for ctx in ctxs]
        scored = [(self.score(c, ctx) or 0, c) for c, ctx in zip(own, ctxs, strict=True) if not c.provisional]
        if not scored:
            return own
        top, best = max(scored, key=lambda x: x[0])
        out = []
        for c, ctx in zip(own, ctxs, strict=True):
            weaker = c.provisional or (self.score(c, ctx) or 0) < top
            out.append(best if weaker and c.id != best.id and self.score(best, ctx) is not None else c)
        return out

    def score(self, c: Campaign, ctx: TollContext) -> int | None:
        """How well a toll fits a campaign; None when its date, country or start anchor rule it out."""
        if not c.active_on(ctx.day):
            return None
        fit = self.catalog.theatre_fit(c, ctx.place_id, ctx.country)
        if fit < 0 and ctx.place_id is not None:
            return None
        phrase = any(p and p in ctx.sentence for p in c.phrases_ar)
        anchored = self.anchored_at(c, ctx)
        if anchored is False and not phrase:
            return None  # "since 17 August" is not a campaign that began on 4 April
        fit = max(fit, 0)
        points = 3 * phrase + 3 * bool(anchored) + fit + (fit > 0 and ctx.generic)
        points += min(2, len(ctx.parties & set(c.parties))) + (ctx.day is not None and fit > 0)
        return points

    def anchored_at(self, c: Campaign, ctx: TollContext) -> bool | None:
        """Whether the toll's "since …" date is the campaign's start (None: the toll gives no such date); a
        date counted back from the report (منذ ثلاثة أسابيع) is only as exact as its unit (a week, a month)."""
        if ctx.anchor is not None:
            if c.start is None:
                return False
            if ctx.anchor.startswith(c.start[:len(ctx.anchor)]):
                return True
            slack = self.slack(ctx)
            return slack > 0 and len(ctx.anchor) == 10 and abs(
                (datetime.date.fromisoformat(ctx.anchor) - datetime.date.fromisoformat(c.start)).days) <= slack
        if not ctx.anchor_text or c.start is None:
            return None
        start = datetime.date.fromisoformat(c.start)
        found = [m for m in self.dates.find(normalize(ctx.anchor_text).text, start) if m.date_start]
        if not found:
            return None
        return any(m.date_start == c.start for m in found)

    def slack(self, ctx: TollContext) -> int:
        """How many days a "since …" date counted back from the report may be off: a week's or a month's when the
        words count weeks or months back (منذ ثلاثة أسابيع, منذ نحو شهر), else none."""
        if not ctx.anchor_text or ctx.day is None:
            return 0
        found = self.dates.find(normalize("منذ " + ctx.anchor_text).text, datetime.date.fromisoformat(ctx.day))
        return max((_SLACK.get(m.precision, 0) for m in found if m.relative), default=0)

    def provisional(self, ctx: TollContext) -> Campaign:
        """The campaign a toll opens when it fits no known one: keyed by theatre and start anchor. Its theatre is
        the event's place where the toll's words name it, else the country (a war's toll told with no place is not
        the village's of the day's battle its event was folded into, nor that of the place the report named)."""
        theatre = (self.catalog.theatre_place.get(ctx.place_id, ctx.place_id) if ctx.place_id and ctx.place_told
                   else (ctx.country or "").lower()) or "unplaced"
        anchor = ctx.anchor or ctx.anchor_text or ("start" if ctx.generic else "")
        key = f"prov:{theatre}" + (f":{normalize_name(anchor).replace(' ', '-')}" if anchor else "")
        en, ar = self.catalog.place_names.get(theatre, (theatre, theatre))
        return Campaign(id=key, name_en=en + (f" since {anchor}" if anchor else ""),
                        name_ar=ar + (f" منذ {anchor}" if anchor else ""),
                        country=ctx.country, theatre=(theatre,), start=ctx.anchor, provisional=True)


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span of the sentence holding text[start:end] (the whole text when none does)."""
    for s, e in split_sentences(text):
        if s <= start < e:
            return s, max(e, end)
    return 0, len(text)


def previous_sentence(text: str, start: int) -> tuple[int, int] | None:
    """The span of the sentence right before the one that starts at offset `start`, when no line break parts them
    (they are of one paragraph); else None."""
    before = [(s, e) for s, e in split_sentences(text) if e <= start]
    if not before or "\n" in text[before[-1][1]:start]:
        return None
    return before[-1]


def _parties(rec: DocumentRecord, ev: Event) -> frozenset[str]:
    """The belligerents the event names (armed actors and what they belong to) and every actor the document
    names (a campaign's parties are belligerents, so a reporting organization never matches one)."""
    out: set[str] = set()
    for a in (ev.actor1, ev.actor2, *ev.other_actors):
        if a is not None and a.kind in ARMED_KINDS:
            out.add(a.id)
            if a.affiliation:
                out.add(a.affiliation)
    out.update(m.ref for m in rec.mentions if m.kind == "actor" and m.ref)
    return frozenset(out)


def _elative(word: str, before: str | None, openers: frozenset[str]) -> bool:
    """Whether a normalized word is an elative (ا and two or three radicals: أسوأ، أعنف، أشد): with the article
    (الأسوأ، بالأعنف), or after a word of `openers` (في أسوأ، وهي أعلى) — a verb of the same shape (أعلن) is
    neither."""
    for p in _ELATIVE_PREFIXES:
        stem = word[len(p):]
        if word.startswith(p) and 3 <= len(stem) <= 4 and stem[0] == "ا" and ("ال" in p or before in openers):
            return True
    return False


def compares(catalog: CampaignCatalog, text: str, start: int) -> bool:
    """Whether the "since …" phrase at text[start:] closes a comparison (الأسوأ منذ العام 2014، في أعلى حصيلة
    تسجلها المدينة منذ 2011): an elative at most five words before it, with no figure or punctuation between and
    no "من" right after it (أكثر من 200 قتيل منذ … counts a figure). It dates the comparison, never a toll's
    start."""
    words = [normalize_name(w).strip(_QUOTES) for w in text[max(0, start - 100):start].split()][-_COMPARE_REACH - 1:]
    for k in range(1, len(words)):
        if _elative(words[k], words[k - 1], catalog.comparison_openers) \
                and not any(ch.isdigit() or ch in "،,.:;؛" for x in words[k:] for ch in x) \
                and words[k + 1:k + 2] != ["من"]:
            return True
    return False


def _since_dates(catalog: CampaignCatalog, rec: DocumentRecord, s: int, e: int) -> list[Mention]:
    """The "since …" dates in text[s:e] that may start a toll (not one that closes a comparison: `compares`)."""
    return [m for m in rec.mentions if m.kind == "date" and s <= m.start < e
            and normalize_name(m.text).split(" ")[0] in catalog.since and not compares(catalog, rec.text, m.start)]


def _dated_start(catalog: CampaignCatalog, rec: DocumentRecord, s: int, e: int) -> Mention | None:
    """A dated day a "since …" phrase of text[s:e] names a few words on (منذ بدأت الاحتجاجات في 30 مارس; منذ بدء
    الهجوم في الرابع من أبريل): the first date mention with a day whose seven words before it hold منذ, with no
    punctuation or figure between, and that closes no comparison."""
    for m in rec.mentions:
        if m.kind != "date" or not m.ref or not s <= m.start < e:
            continue
        words = [normalize_name(w) for w in rec.text[max(s, m.start - 120):m.start].split()][-_SINCE_REACH:]
        at = [k for k, w in enumerate(words) if w in catalog.since]
        if at and not any(ch.isdigit() or ch in "،,.:;؛" for w in words[at[-1]:] for ch in w) \
                and not compares(catalog, rec.text, m.start):
            return m
    return None


def _since_start(catalog: CampaignCatalog, sentence: str) -> bool:
    """Whether normalized words say "since the start" (منذ بدء، منذ اندلاع) without a date."""
    return any(f"{w} {st}" in sentence for w in catalog.since for st in catalog.since_starts)


def toll_context(catalog: CampaignCatalog, rec: DocumentRecord, ev: Event, c: Count,
                 day: str | None) -> TollContext:
    """The words, place, parties and date of a cumulative count (a "since …" that closes a comparison gives
    no start: `compares`). A toll whose sentence gives no start takes the one the sentence right before it in its
    paragraph gives (منذ اندلاع النزاع … . وقتل 345 شخصا), with that sentence's words."""
    s, e = sentence_span(rec.text, c.start, c.end)
    since = _since_dates(catalog, rec, s, e)
    sentence = normalize_name(rec.text[s:e])
    before = previous_sentence(rec.text, s) if not since and not _since_start(catalog, sentence) else None
    if before is not None and (_since_dates(catalog, rec, *before)
                               or _since_start(catalog, normalize_name(rec.text[before[0]:before[1]]))):
        s = before[0]  # … منذ بدء الهجوم. وقتل 300: that start, and that sentence's words
        since, sentence = _since_dates(catalog, rec, s, e), normalize_name(rec.text[s:e])
    since.sort(key=lambda m: abs(m.start - c.start))
    words = since[0].text.split()[1:] if since else []
    generic = bool(words) and normalize_name(words[0]) in catalog.since_starts or _since_start(catalog, sentence)
    anchor, anchor_text = (since[0].ref, " ".join(words) or None) if since and not generic else (None, None)
    dated = _dated_start(catalog, rec, s, e) if anchor is None else None
    if dated is not None:  # منذ بدأت الاحتجاجات في 30 مارس: that day
        anchor, anchor_text = dated.ref, dated.text
    loc = ev.location
    return TollContext(
        sentence=sentence, anchor=anchor, anchor_text=anchor_text, generic=generic,
        place_id=loc.id if loc else None, country=(loc.country if loc else None) or rec.document.country,
        parties=_parties(rec, ev), day=day, place_told=_placed_there(rec, ev, s, e))


def _placed_there(rec: DocumentRecord, ev: Event, s: int, e: int) -> bool:
    """Whether the words of a toll told in text[s:e] name the event's place. A running toll whose words name no
    place (… وخلفت هذه الحرب نحو 10 آلاف قتيل) is of the country, not of the village of the day's battle its event
    was folded into or of the place the report named first."""
    loc = ev.location
    return loc is not None and any(s <= m.start < e and (m.id in loc.mentions or m.ref == loc.id)
                                   for m in rec.mentions)


def _actor_named(rec: DocumentRecord, s: int, e: int) -> Mention | None:
    """The first actor mention that overlaps text[s:e]."""
    return next((m for m in rec.mentions if m.kind == "actor" and m.ref and m.start < e and s < m.end), None)


def _reporter_before(catalog: CampaignCatalog, rec: DocumentRecord, start: int) -> str | None:
    """The last organization (a ministry, an agency; not an outlet) the report names before offset `start`:
    the one words like الوزارة or المنظمة refer back to."""
    before = [m for m in rec.mentions if m.kind == "actor" and m.ref and m.end <= start
              and catalog.actors.get(m.ref, ("", "", ""))[2] in ANAPHOR_KINDS]
    return max(before, key=lambda m: m.start).ref if before else None


def toll_source(catalog: CampaignCatalog, rec: DocumentRecord, ev: Event, c: Count, campaign: Campaign) -> TollSource:
    """Whose figure the count is: the actor its attribution names, else the attribution's words, else the
    reporting actor the event names, else the report's outlet. A figure of a party (or of an armed actor) is
    its own claim."""
    said = c.source_attribution or ev.source_attribution
    s, e = sentence_span(rec.text, c.start, c.end)
    at = rec.text.find(said, s, e) if said else -1
    if said and at < 0:
        at = rec.text.find(said)
    named = _actor_named(rec, at, at + len(said)) if said and at >= 0 else None
    if named is None and said:  # "the ministry of health", "medical sources": the words name the source
        words = named_source(catalog.sources, normalize_name(said))
        country = campaign.country or (ev.location.country if ev.location else None) or rec.document.country
        if words is None:
            return TollSource(key=f"said:{normalize_name(said)}", label=said, label_ar=said, belligerent=False)
        actor = words.actor(country)
        if actor is not None and actor in catalog.actors:  # وزارة الصحة in Gaza: the ministry the dictionary knows
            en, ar, _ = catalog.actors[actor]
            return TollSource(key=actor, label=en, label_ar=ar, belligerent=actor in campaign.parties)
        if not words.unnamed:
            en, ar = words.labels(country)
            return TollSource(key=words.key(country), label=en, label_ar=ar, belligerent=words.belligerent)
    refs = {a.id: a for a in (ev.actor1, ev.actor2, *ev.other_actors) if a is not None}
    actor_id = named.ref if named is not None else next(  # "the WHO repeated that the toll …": it speaks
        (a.id for a in refs.values() if a.kind in REPORTING_KINDS), None)
    if actor_id is None and said:  # أعلنت الوزارة: the ministry (an organization) the report named before
        actor_id = _reporter_before(catalog, rec, c.start)
    if actor_id is None:
        return TollSource(key=f"outlet:{rec.document.source}", label=rec.document.source,
                          label_ar=rec.document.source, belligerent=False)
    known = catalog.actors.get(actor_id)
    ref = refs.get(actor_id)
    en, ar, kind = known or ((ref.name_en, ref.name_ar, ref.kind) if ref else (named.text, named.text, "")
                             if named is not None else (actor_id, actor_id, ""))
    return TollSource(key=actor_id, label=en, label_ar=ar,
                      belligerent=actor_id in campaign.parties or kind in ARMED_KINDS)

"""The place resolver: where an event happened (its clause, the sentence before, the document's main place,
the dateline, the host country of a visit) and the places named together with it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final, NamedTuple

from ..recognize.linking import PlaceMention, is_dateline
from ..recognize.matcher import phrase_before
from ..recognize.unlinked import unlinked_container
from ..records import ActorRef, LocationRef, is_unlinked
from ..resources.gazetteer import Gazetteer
from ..resources.lexicon import CueLexicon
from ..text.clauses import ClauseOpen
from ..text.words import words_before
from .context import (
    PLACE_FALLBACK_FAMILIES,
    SPECIFIC_FEATURES,
    VIOLENT_FAMILIES,
    DocContext,
    Draft,
    location_ref,
    mention_ref,
    word_start,
)
from .place_fallback import (
    SETTLEMENTS,
    antecedent,
    lies_toward,
    names_part,
    party,
    previous_sentence,
    record_told,
    settlement_referred,
    told_before,
    where_antecedent,
)
from .place_located import located, locates_previous, reference_point, spoken_at
from .rules import PlaceRule


class PlaceDecision(NamedTuple):
    """The event's place, the rule that found it and the span of the mention it came from (normalized
    offsets; none for a country the text does not name)."""

    value: LocationRef | None
    rule: PlaceRule | None
    evidence: tuple[int, int] | None


NO_PLACE = PlaceDecision(None, None, None)
# actors a place after them does not seat: civilians or migrants in a town are where the event struck
UNSEATED_KINDS = frozenset({"civilians", "protesters", "rioters"})
# clauses that tell something beside the event: where they name a place, it is not the event's
SERVING_CLAUSES = (ClauseOpen.ASIDE, ClauseOpen.RELATIVE, ClauseOpen.BACKGROUND, ClauseOpen.PURPOSE)  # (tuple)
TRIP_SENTENCES = 8  # how many sentences before a meeting the trip abroad it is made on may be told
PLACE_PREPOSITIONS = frozenset({"في", "الي", "لدي"})  # (normalized: إلى، لدى)
# the words before where people or forces went (نزحوا إلى، انسحبت نحو، فروا باتجاه): normalized, with و
DESTINATION_WORDS = frozenset(w + x for w in ("", "و") for x in ("الي", "نحو", "باتجاه", "تجاه", "صوب", "حتي"))
DESTINATION_REACH = 2  # words from a destination word to the place it names (نحو مدينة غزة، باتجاه بلدتي نبل)
# the stems of arriving (وصل نازحون إلى كوستي، لجأت العائلات إلى المدارس، عاد النازحون إلى): where they went is
# then the happening's place (normalized; a word with or without و)
ARRIVAL_STEMS = ("وصل", "يصل", "تصل", "لجا", "يلجا", "تلجا", "توافد", "يتوافد", "تتوافد", "عاد", "يعود", "تعود",
                 "قادم", "استقبل", "يستقبل", "تستقبل", "استقر", "يستقر")


BETWEEN: Final = frozenset({"بين", "وبين"})  # places joined after it bound one happening: a fight, a road


VISITOR_WORDS = 3  # words (the visitor's name) that may stand between a word of visiting and the place it goes to
# the background cues that name a war (cues.yaml background: war, war_span), whose running toll is the country's
WAR_LABELS = frozenset({"war", "war_span"})
# the families whose event without a place of its own takes the document's main place: the violence, displacement,
# protests and truces of context.py, and a deployment of forces (أعادت القوات انتشارها، دفع الجيش بتعزيزات), which
# moves troops into the report's theatre as a withdrawal moves them out of it
DOCUMENT_PLACED = PLACE_FALLBACK_FAMILIES | {"mobilize"}


def geo_precision(m: PlaceMention) -> int:
    """ACLED's geo precision of a place mention: its cue's (في 1, قرب 2 …), at least 2 for a province and 3 for a
    region or a country."""
    feature = m.place.feature
    if is_unlinked(m.place.id):  # at the coordinates of the known place around it: a city's (2), a country's (3)
        parent = m.place.parent or ""
        return 3 if parent == m.place.country.lower() else max(m.cue or 1, 2)
    if feature == "country":
        return 3
    if feature in ("admin1", "region"):
        return max(m.cue or 1, 3 if feature == "region" else 2)
    return m.cue or 1


_CLAUSE_MARKS = frozenset(",.;:()،")  # (phrase_within: a set test in C, ~70,000 words per 300 articles)


def phrase_within(text: str, pos: int, words: frozenset[str], n: int) -> bool:
    """One of `words` is among the last `n` words before `pos` in its clause (not across a clause mark)."""
    for w in words_before(text, word_start(text, pos), n)[::-1]:
        if w.strip("(),،") in words:
            return True
        if not _CLAUSE_MARKS.isdisjoint(w):
            return False
    return False


def _moving(d: Draft) -> bool:
    """The draft tells people or forces leaving a place (a displacement, a withdrawal), not arriving (استقبلت
    البلدة نازحين)."""
    trig = d.trigger.trigger
    return (trig.family == "displacement" and trig.id != "host") or trig.plover == "RETREAT"


def _rank(p: PlaceMention, tpos: int) -> tuple[int, int, int, int]:
    # the place a cue introduces (في، قرب، جنوب …) wins; then the most specific; then the nearest to the
    # trigger, after it before before it
    spec = SPECIFIC_FEATURES.get(p.place.feature, 3)
    cue = p.cue
    bonus = 0 if cue is None else (4 if cue == 1 else 2)
    return (-(spec + bonus), 0 if p.nstart >= tpos else 1, abs(p.nstart - tpos), p.nstart)


class PlaceResolver:
    """Decides an event's place from the place mentions around its trigger."""

    def __init__(self, cues: CueLexicon, gazetteer: Gazetteer, provenance: frozenset[str] = frozenset()) -> None:
        self.cues = cues
        self.gazetteer = gazetteer
        # words of coming or launching before من + a place (قدمت، قادمين: descriptors.yaml; أطلقت: cues.yaml)
        self.provenance = provenance | cues.launch_words

    def _hashtag_cued(self, text: str, p: PlaceMention) -> bool:
        """A place written as a hashtag after a place cue (وقعوا الاتفاق في #إثيوبيا): where it happened, though
        the mark stands between the cue and the name."""
        return text[p.nstart - 1:p.nstart] == "#" and bool(
            self.cues.place_cues.find_ending(" ".join(words_before(text, p.nstart - 1, 2))))

    def _where_still(self, ctx: DocContext, d: Draft, p: PlaceMention) -> bool:
        """A country or capital named with no cue is still where the event is when a place cue stands before its
        hashtag, or when it is what a visit goes to: right after the word of visiting, its subject between at most
        (زيارة أنقرة، يزور الوزير طهران) — no party of it."""
        text = ctx.norm.text
        if self._hashtag_cued(text, p):
            return True
        return d.trigger.trigger.family == "consult" and d.trigger.nend <= p.nstart \
            and len(text[d.trigger.nend:p.nstart].split()) <= VISITOR_WORDS \
            and not any(ch in text[d.trigger.nend:p.nstart] for ch in ",،.") \
            and bool(ctx.hits_in(self.cues.visit_abroad, d.trigger.nstart - len(d.trigger.prefix), d.trigger.nend))

    def inside(self, inner: str, outer: str) -> bool:
        """True when place `inner` lies in place `outer` (by the gazetteer's parent chain; an unlinked place lies
        in the known place it stands at)."""
        container = unlinked_container(inner)
        if container is not None:
            return container == outer or self.inside(container, outer)
        if inner not in self.gazetteer or outer not in self.gazetteer:
            return False
        return any(a.id == outer for a in self.gazetteer.ancestors(self.gazetteer.get(inner)))

    def resolve(self, d: Draft, ctx: DocContext, s_start: int, s_end: int, main_place: PlaceMention | None,
                dateline: PlaceMention | None, cumulative: bool = False) -> PlaceDecision:
        """The event's place: the best of its clause's places, else of the sentence before, else (violence) the
        violent event's told just before, else a war's toll's theatre or (violence, displacement, protest) the main
        place. A violent incident placed only in a region or country takes the report's town inside it."""
        qualified = antecedent(d, ctx) or where_antecedent(self.cues, d, ctx)
        # (a clause that names a place, a party even, goes on at no place told before)
        if named := qualified is not None:  # (القاهرة التي زاروها: the visit is there, a capital though it is)
            cands, rule = [qualified], PlaceRule.ANAPHOR
        else:
            cands, rule = self._candidates(d, ctx, s_start)
            named = bool(cands)
            cands = [p for p in cands if not party(p) or self._where_still(ctx, d, p)]
        if _moving(d) and rule is PlaceRule.CLAUSE:
            cands = self._not_destinations(ctx, cands)
            if not cands:  # (فروا من المدينة باتجاه بلدة ع: the town told before)
                cands, rule = previous_sentence(d, ctx, s_start)
        elif d.trigger.trigger.family in VIOLENT_FAMILIES and rule is PlaceRule.CLAUSE:
            # (where the attacks spread or the wounded were taken, إلى بوركينا فاسو، إلى مستشفى: not where it
            # happened, when the clause names another place)
            cands = self._not_destinations(ctx, cands) or cands
            kept = [p for p in cands if not came_from(ctx.norm.text, p, self.provenance) and not self._sources_seat(ctx, p)]
            if len(kept) < len(cands):  # (هجوم لمسلحين قدموا من ترهونة، مصادر طبية في مدينة X: not where it was)
                cands, rule = (kept, rule) if kept else previous_sentence(d, ctx, s_start)
        if not cands and (back := settlement_referred(self.cues, d, ctx)) is not None:
            cands, rule = [back], PlaceRule.ANAPHOR
        violent = (trig := d.trigger.trigger).family in VIOLENT_FAMILIES
        if not cands and not named and violent and not cumulative and (told := told_before(ctx, d)) is not None \
                and not (main_place is not None and self._within_part(ctx, main_place, told)):
            cands, rule = [told], PlaceRule.TOLD
        if not cands and cumulative and d.trigger.trigger.family in DOCUMENT_PLACED and self._war_told(ctx, d):
            return self._theatre(ctx)
        if not cands and d.trigger.trigger.family in DOCUMENT_PLACED and main_place is not None:
            cands, rule = [main_place], PlaceRule.DOCUMENT
        if not cands:
            return NO_PLACE
        best = self.choose(ctx, cands, d.trigger.nstart, violent=violent)
        unplaced = trig.content or (trig.acled_event_type is None and trig.family != "consult")
        if unplaced and rule is not PlaceRule.DOCUMENT and all(
                is_dateline(ctx.norm.text, p.nstart, p.nend) or self._describes(ctx, p, offices_only=True)
                for p in cands):
            # a statement, or a happening ACLED does not code (a mobilization, aid; a visit takes the place it goes
            # to), about nothing located: not the dateline, an envoy's seat, where an actor is (الموجود في الرياض)
            return NO_PLACE
        if best.place.feature in ("admin1", "region", "country") and not cumulative \
                and d.trigger.trigger.family in VIOLENT_FAMILIES:
            # "سنجار - … غربي محافظة نينوى": the lead's place or the dateline names the town inside the region the
            # clause names (the main place only when named before the event: a town told after a country-wide
            # report is its own happening's place — غارات في سوريا أمس. وقصف الطيران بلدة أريحا)
            told = main_place if main_place is not None and main_place.nstart < d.trigger.nstart else None
            inner = next((p for p in (told, dateline) if p is not None and p.place.id != best.place.id
                          and self.inside(p.place.id, best.place.id)
                          and lies_toward(ctx, self.gazetteer, p.place, best)), None)  # (not the capital for شمال X)
            if inner is not None:
                best, rule = inner, PlaceRule.DATELINE_WITHIN
        if violent and rule is not PlaceRule.DOCUMENT:
            record_told(ctx, d, best)
        mids = ctx.ids_of([mention_ref("place", p.start, p.end) for p in cands if p.place.id == best.place.id])
        return tuple.__new__(PlaceDecision, (location_ref(best.place, geo_precision(best), mids), rule,
                                             (best.nstart, best.nend)))  # (tuple.__new__: see mention_ref)

    def _within_part(self, ctx: DocContext, inner: PlaceMention, part: PlaceMention) -> bool:
        """Whether `inner` is a place inside the part of a region `part` names (السويداء in جنوب سوريا): the
        more specific place to go on at."""
        return names_part(ctx, part) and inner.place.id != part.place.id \
            and self.inside(inner.place.id, part.place.id) and lies_toward(ctx, self.gazetteer, inner.place, part)

    def choose(self, ctx: DocContext, cands: Sequence[PlaceMention], tpos: int,
               violent: bool = False) -> PlaceMention:
        """The place of the event among its candidates, by role before proximity: a place that only serves
        another (a dateline, an aside in parentheses, the reference point of a distance, a place that describes
        an actor or an office) counts only when nothing else is named; then the cued and specific one; and
        of a region or country, the place named inside it (for a `violent` event, not where the wounded were
        taken: قصف على ريف حلب، ونقل المصابون إلى مدينة أعزاز)."""
        levels = self.subordinate(ctx, cands, tpos)
        low = min(levels)
        primary = [p for p, level in zip(cands, levels, strict=True) if level == low]
        best = min(primary, key=lambda p: _rank(p, tpos))
        if SPECIFIC_FEATURES.get(best.place.feature, 3) <= SPECIFIC_FEATURES["admin2"]:
            # too coarse: "بلدة ط في ولاية ش": the town inside the province the clause names
            inner = [p for p in primary if p.place.id != best.place.id and self.inside(p.place.id, best.place.id)]
            if not inner:  # (or named elsewhere in the sentence: زيارة إلى تركيا … وصل إلى أنقرة)
                sent = ctx.seg.sentence_at(tpos)
                inner = [p for p in ctx.places_in(sent.start, sent.end) if p.place.id != best.place.id
                         and self.inside(p.place.id, best.place.id)
                         and not is_dateline(ctx.norm.text, p.nstart, p.nend) and not (violent and phrase_within(
                             ctx.norm.text, p.nstart, DESTINATION_WORDS, DESTINATION_REACH))]
            if inner:
                best = min(inner, key=lambda p: _rank(p, tpos))
        elif best.place.feature in SETTLEMENTS and not is_unlinked(best.place.id):
            # a site, street or ward the text names with its town (القصر الجمهوري في الخرطوم، ساحة X وسط مدينة
            # ص): the event is there, at the town's coordinates (not places listed after the town: مدينة ص، منها …)
            sites = [p for p in primary if unlinked_container(p.place.id) == best.place.id and p.nend <= best.nstart]
            if sites:
                best = min(sites, key=lambda p: _rank(p, tpos))
        return located(self.cues, self.inside, self._locates, ctx.norm.text, primary, best) if best in primary \
            else best

    def subordinate(self, ctx: DocContext, cands: Sequence[PlaceMention], tpos: int) -> list[int]:
        """For each candidate place, how far it only serves another word of the clause (see `choose`): 0 not
        at all, 1 an aside, a distance's reference point, a place describing an actor, or one in a clause of
        another kind than the event's (a relative clause, a background منذ clause, a purpose), 2 the dateline,
        3 the place of an office (المبعوث إلى اليمن، السفير في بغداد).
        A place coordinated right after a described one (قوات الحكومة في أ وب), or locating it (مسلحين في
        مدينة د شرقي ليبيا), describes it too."""
        text = ctx.norm.text
        own = ctx.clauses.at(tpos)
        out: list[int] = []
        for k, p in enumerate(cands):
            prev = cands[k - 1] if k else None
            if prev is not None and out[-1] in (1, 3) and self._locates(text[prev.nend:p.nstart]):
                out.append(out[-1])
                continue
            serves = self._serves(ctx, p)
            if not serves:
                clause = ctx.clauses.at(p.nstart)
                serves = int(clause is not None and own is not None and clause is not own
                             and clause.sentence == own.sentence and clause.opens in SERVING_CLAUSES)  # (an aside)
            out.append(serves)
        return out

    def _serves(self, ctx: DocContext, p: PlaceMention) -> int:
        """What `subordinate` reads of a place whatever the event: 2 the dateline, 3 an office's place (an
        envoy's or an embassy's place is not even where the report was filed), 1 a distance's reference point,
        a place describing an actor or a source's seat, else 0. Kept per document by span: the same place is a
        candidate of several events."""
        known: dict[tuple[int, int], int] = ctx.memo("place-serves", dict)
        found = known.get((p.nstart, p.nend))
        if found is None:
            text = ctx.norm.text
            if is_dateline(text, p.nstart, p.nend):
                found = 2
            elif self._describes(ctx, p, offices_only=True):
                found = 3
            else:
                before = ctx.places_in(ctx.seg.sentence_at(p.nstart).start, p.nstart)
                found = int(phrase_within(text, p.nstart, self.cues.distance_units, 4) or self._describes(ctx, p)
                            or self._sources_seat(ctx, p) or bool(before) and reference_point(
                                self.cues, self.inside, text, before[-1], p))
            known[(p.nstart, p.nend)] = found
        return found

    def _not_destinations(self, ctx: DocContext, cands: Sequence[PlaceMention]) -> list[PlaceMention]:
        """The candidates of a movement but where it went (نزحوا من الفاشر إلى طويلة، فروا من المدينة باتجاه
        بلدتي نبل والزهراء، انسحبت واتجهت نحو مدينة غزة قرب حي الزيتون): a place right after a destination word,
        or joined or located by the one before it that is; all of them where the sentence tells people arriving."""
        text = ctx.norm.text
        if cands and any(w.removeprefix("و").startswith(ARRIVAL_STEMS)
                         for w in text[ctx.seg.sentence_at(cands[0].nstart).start:cands[-1].nstart].split()):
            return list(cands)  # (people arriving: the place they reach is the happening's)
        out: list[PlaceMention] = []
        went = False
        for k, p in enumerate(cands):
            went = phrase_within(text, p.nstart, DESTINATION_WORDS, DESTINATION_REACH) \
                or (went and k > 0 and self._locates(text[cands[k - 1].nend:p.nstart]))
            if not went:
                out.append(p)
        return out

    def _locates(self, gap: str) -> bool:
        """The words between two places join or locate them: و, or a place cue (شرقي، في)."""
        gap = gap.strip(" ،,")
        return gap in ("", "و") or any(h.start == 0 and h.end == len(gap) for h in self.cues.place_cues.find(gap))

    def describes(self, ctx: DocContext, p: PlaceMention) -> bool:
        """The place only tells where an actor, an office or a report's source is (see `_describes`)."""
        return self._describes(ctx, p) or self._sources_seat(ctx, p)

    def _sources_seat(self, ctx: DocContext, p: PlaceMention) -> bool:
        """A place inside the phrase that names the source of a report (بحسب مصادر طبية في مستشفى …، وفق لجان
        المقاومة في الفاشر; after a speech verb, a source's word before it and its said clause after: وذكرت مصادر
        طبية في مستشفى مدينة بول أن …): where the source sits, not where the event happened."""
        text = ctx.norm.text
        lo = ctx.seg.sentence_at(p.nstart).start
        for hit in ctx.hits_in(self.cues.introducers, lo, p.nstart)[-1:]:
            between = text[hit.end:word_start(text, p.nstart)]
            if len(between.split()) <= self.cues.attribution_max_words and not any(c in between for c in ",.;:،"):
                return True
        for hit in ctx.hits_in(self.cues.speech_verbs, lo, p.nstart)[-1:]:
            words = text[hit.end:word_start(text, p.nstart)].split()
            if len(words) <= self.cues.attribution_max_words and not any(c in w for w in words for c in ",.;:،") \
                    and not self.cues.that_words.intersection(words) and self.cues.sources.find(" ".join(words)):
                return True
        return False

    def _describes(self, ctx: DocContext, p: PlaceMention, offices_only: bool = False) -> bool:
        """A place that tells where an actor or an office is, or which one it is (الحكومة السودانية في
        بورتسودان، السفير التركي في بغداد، المبعوث الأممي إلى اليمن، المجلس البلدي لسوق الجمعة), not where the
        event happened. `offices_only`: only an office's."""
        text = ctx.norm.text
        head = word_start(text, p.nstart)  # where the words the place hangs on end: before في, or before بـ/لـ
        if head == p.nstart and phrase_before(text, head, self.cues.office_nouns, 1, proclitics="و"):
            return True  # in construct after an office (حاكم موبتي، سفير فرنسا): whose office, not where
        if not {"ب", "ل"} & set(text[head:p.nstart].replace("ال", "")):
            before = words_before(text, head, 1)
            if not before or before[-1].lstrip("و") not in PLACE_PREPOSITIONS:
                return False
            head = text.rfind(before[-1], 0, head)
            if before[-1].lstrip("و") != "في":  # (إلى after an actor is where it goes: only an office's)
                return phrase_within(text, head, self.cues.office_nouns, 6)
        if phrase_within(text, head, self.cues.office_nouns, 3):
            return True
        # (not the building of an actor, where a meeting is held: في مقر الجامعة العربية بالقاهرة)
        return not offices_only and any(0 <= head - m.nend <= 1 and m.actor.kind not in UNSEATED_KINDS
                                        and not phrase_before(text, word_start(text, m.nstart), self.cues.seat_words, 1)
                                        and not _paired(text, m.nstart) for m in ctx.actors_in(max(0, head - 80), head))

    def _candidates(self, d: Draft, ctx: DocContext, s_start: int) -> tuple[list[PlaceMention], PlaceRule]:
        """The places of an event: from its trigger to the next one (from the sentence start for the first),
        as for dates, and of the sentences it took figures from (unless its own clause refers back to a town:
        قصف طال مقبرة المدينة); else those of the sentence before."""
        # a place between two triggers belongs to the one before it
        lo = d.sentence.start if d.window[0] == d.sentence.start else d.trigger.nstart
        cands = list(ctx.places_in(lo, d.window[1]))
        if not cands and len(d.sentences) > 1 and (back := settlement_referred(self.cues, d, ctx)) is not None:
            return [back], PlaceRule.ANAPHOR
        for x in d.sentences[1:]:
            cands += [p for p in ctx.places_in(x.start, x.end) if p not in cands]
        if cands:  # (a statement's: not where it was made, في بيان صدر في نيامي, whatever it is about)
            return [p for p in cands if not (d.trigger.trigger.content and spoken_at(self.cues, ctx.norm.text, p))], \
                PlaceRule.CLAUSE
        return previous_sentence(d, ctx, s_start)

    def _war_told(self, ctx: DocContext, d: Draft) -> bool:
        """The draft's sentence names the war or its span (خلّفت الحرب، منذ اندلاع النزاع: cues.yaml background)."""
        return any(WAR_LABELS & set(h.payloads) for h in ctx.hits_in(self.cues.background, d.sentence.start,
                                                                     d.sentence.end))

    def _theatre(self, ctx: DocContext) -> PlaceDecision:
        """The place of a war's running toll that no clause places (خلّفت الحرب نحو 10 آلاف قتيل، ارتفع عدد القتلى
        منذ اندلاع النزاع إلى …): the war's theatre, not the town the report mostly tells of — the widest place of the
        document's country its headline names (اشتباكات طرابلس: the fighting in one city), else the country."""
        from .happenings import headline_end  # (happenings builds on this module)

        named = [p for p in ctx.places_in(0, headline_end(ctx)) if not ctx.country or p.place.country == ctx.country]
        if named:
            p = min(named, key=lambda m: (SPECIFIC_FEATURES.get(m.place.feature, 3), m.nstart))
            return tuple.__new__(PlaceDecision, (location_ref(p.place, geo_precision(p), ctx.ids_of(
                [mention_ref("place", p.start, p.end)])), PlaceRule.THEATRE, (p.nstart, p.nend)))
        country = self.gazetteer.country_place(ctx.country) if ctx.country else None
        if country is None:
            return NO_PLACE
        return tuple.__new__(PlaceDecision, (location_ref(country, 3, ()), PlaceRule.THEATRE, None))

    def host_country(self, ctx: DocContext, s_start: int, s_end: int, visitor: ActorRef | None,
                     host: ActorRef | None) -> PlaceDecision:
        """A meeting on a trip abroad (في جولة آسيوية اجتمع خلالها بالرئيس الصيني; the trip told in its sentence or
        a few before: بدأ جولة أوروبية … وفي روما التقى برئيس الوزراء) whose clause names no place, when the visitor
        comes from another country than the one met: the place of the host's country the
        sentence names (يزور بلينكن أنقرة، حيث يلتقي نظيره التركي → Ankara), else that country itself."""
        if visitor is None or host is None or not visitor.country or not host.country \
                or visitor.country == host.country or not ctx.hits_in(self.cues.visit_abroad, _trip_start(ctx, s_start), s_end):
            return NO_PLACE
        named = [m for m in ctx.places_in(s_start, s_end) if m.place.country == host.country]
        if named:
            m = max(named, key=lambda m: (SPECIFIC_FEATURES.get(m.place.feature, 3), -m.nstart))
            return PlaceDecision(location_ref(m.place, geo_precision(m), ctx.ids_of([mention_ref("place", m.start, m.end)])),
                                 PlaceRule.HOST_COUNTRY, (m.nstart, m.nend))
        country = self.gazetteer.country_place(host.country)
        if country is None:
            return NO_PLACE
        return PlaceDecision(location_ref(country, 3, ()), PlaceRule.HOST_COUNTRY, None)


def _trip_start(ctx: DocContext, s_start: int) -> int:
    """Where the sentences that may tell a trip a meeting is made on begin: TRIP_SENTENCES before the meeting's."""
    index = ctx.seg.sentence_at(s_start).index
    return ctx.seg.sentences[max(0, index - TRIP_SENTENCES)].start


def came_from(text: str, p: PlaceMention, provenance: frozenset[str]) -> bool:
    """The place is where an actor came from: after من and a word of coming (مسلحون قادمون من مدينة X، مجموعة
    قدمت من X، مقاتلين قادمين من بلدة X)."""
    before = words_before(text, word_start(text, p.nstart), 3)
    k = len(before) - 1 - (bool(before) and before[-1] != "من")  # (من بلدة X: the descriptor between)
    return k >= 1 and before[k] == "من" and before[k - 1].removeprefix("و") in provenance


def coordinated_places(ctx: DocContext, d: Draft, place: PlaceDecision, cumulative: bool,
                       cues: CueLexicon | None = None) -> list[LocationRef]:
    """Places of the same kind named together with the event's own in the clause of a violent happening told
    as an incident (غارات على صنعاء والحديدة، سيطرت على صبراتة وصرمان، بلدة أ وبلدة ب): each the place of an event
    of its own; with the `cues`, not a place that only tells where the one before it lies (قرية أ جنوب مدينة ب)."""
    loc = place.value
    if loc is None or place.rule is not PlaceRule.CLAUSE or d.trigger.trigger.family not in VIOLENT_FAMILIES \
            or cumulative:
        return []  # (a running toll, a displacement or an aid delivery over several places is one figure)
    text = ctx.norm.text
    here = ctx.places_in(d.window[0], d.window[1])
    start = next((k for k, m in enumerate(here) if m.place.id == loc.id), None)
    if start is None or phrase_within(text, here[start].nstart, BETWEEN, 4):
        return []  # (اشتباكات بين مسلحين من منطقتي X وY، الطريق بين X وY: one fight, one road, between the two)
    rank = SPECIFIC_FEATURES.get(here[start].place.feature, 3)
    out: list[LocationRef] = []
    seen = {loc.id}
    points = {(here[start].place.lat, here[start].place.lon)}
    prev = here[start]
    for m in here[start + 1:]:
        if cues is not None and locates_previous(cues, text, prev, m):
            prev = m  # (a place that only locates the one before: غارات على أ في مديرية ب، وج شمالي د → أ، ج)
            continue
        gap = text[prev.nend:m.nstart].strip(" ,،")
        if gap not in ("", "و") and not (cues is not None and gap.startswith("و") and any(  # (أ وبلدة ب، ومدينة ب)
                h.start == 0 and h.end == len(gap) - 1 for h in cues.place_cues.find(gap[1:]))) \
                or SPECIFIC_FEATURES.get(m.place.feature, 3) != rank:
            break
        point = (m.place.lat, m.place.lon)  # (two sites at one town's point, شارع X ومنطقة Y: one location)
        if m.place.id not in seen and point not in points:
            seen.add(m.place.id)
            points.add(point)
            out.append(location_ref(m.place, geo_precision(m), ctx.ids_of([mention_ref("place", m.start, m.end)])))
        prev = m
    return out


def _paired(text: str, start: int) -> bool:
    """The actor at `start` closes a pair its clause opens with بين (اشتباكات بين القوات ومسلحين من الميليشيا في
    مقاطعة ن): the place after it is where the two met, not where the second one is."""
    clause = re.split(r"[.،,؛;:!?\n]", text[max(0, start - 120):start])[-1]
    return "بين" in clause.split()


def document_place(ctx: DocContext, places: PlaceResolver, line: PlaceMention | None) -> PlaceMention | None:
    """The place an event without one of its own takes: the place of the lead (the sentence that opens
    with the dateline) in the document's country when it lies outside the dateline's place, else the
    dateline's own, else the main place."""
    local = line is not None and line.place.country == ctx.country and line.place.feature not in ("country", "region")
    if line is None:
        return main_place(ctx, places)
    lead = ctx.seg.sentence_at(line.nstart)
    named = [p for p in ctx.places_in(lead.start, lead.end) if p.nstart != line.nstart]
    if named:
        best = places.choose(ctx, named, lead.start)
        if best.place.country == ctx.country and best.place.feature not in ("country", "region") \
                and not places.inside(line.place.id, best.place.id) and not places.inside(best.place.id, line.place.id):
            return best  # (a district of the dateline's city leaves the document in that city)
    return line if local else main_place(ctx, places)


def main_place(ctx: DocContext, places: PlaceResolver | None = None) -> PlaceMention | None:
    """The document's main place: the sub-national place of its country named most often (first on ties); with
    `places`, not counting a place that only tells where an actor or an office is (حاكم موبتي، مكتب المفوضية في
    البصرة)."""
    tally: dict[str, list[PlaceMention]] = {}
    for p in ctx.places:
        if p.place.feature in ("country", "region") or p.place.metonym or is_unlinked(p.place.id):
            continue  # (an unlinked place is its clause's place, never the whole document's)
        if places is not None and places.describes(ctx, p):
            continue
        if ctx.country and p.place.country != ctx.country:
            continue
        tally.setdefault(p.place.id, []).append(p)
    if not tally:
        return None
    best = max(tally.values(), key=lambda ms: (len(ms), -ms[0].nstart))
    return best[0]


def dateline(ctx: DocContext) -> PlaceMention | None:
    """The place of a wire report's dateline ("نيالا - أعلن …"): a place name opening a line, right before a
    dash."""
    text = ctx.norm.text
    for p in ctx.places_in(0, min(len(text), 400)):
        if is_dateline(text, p.nstart, p.nend):
            return p
    return None

"""The place resolver: where an event happened (its clause, the sentence before, the document's main place,
the dateline, the host country of a visit) and the places named together with it."""

from __future__ import annotations

from typing import NamedTuple

from ..recognize.linking import PlaceMention, is_dateline
from ..recognize.unlinked import unlinked_container
from ..records import ActorRef, LocationRef, is_unlinked
from ..resources.gazetteer import Gazetteer
from ..resources.lexicon import CueLexicon
from .context import (
    PLACE_FALLBACK_FAMILIES,
    SPECIFIC_FEATURES,
    VIOLENT_FAMILIES,
    DocContext,
    Draft,
    MentionRef,
    location_ref,
)
from .rules import PlaceRule


class PlaceDecision(NamedTuple):
    """The event's place, the rule that found it and the span of the mention it came from (normalized
    offsets; none for a country the text does not name)."""

    value: LocationRef | None
    rule: PlaceRule | None
    evidence: tuple[int, int] | None


NO_PLACE = PlaceDecision(None, None, None)


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


def _rank(p: PlaceMention, tpos: int) -> tuple[int, int, int, int]:
    # the place a cue introduces (في، قرب، جنوب …) wins; then the most specific; then the nearest to the
    # trigger, after it before before it
    spec = SPECIFIC_FEATURES.get(p.place.feature, 3)
    cue = p.cue
    bonus = 0 if cue is None else (4 if cue == 1 else 2)
    return (-(spec + bonus), 0 if p.nstart >= tpos else 1, abs(p.nstart - tpos), p.nstart)


class PlaceResolver:
    """Decides an event's place from the place mentions around its trigger."""

    def __init__(self, cues: CueLexicon, gazetteer: Gazetteer) -> None:
        self.cues = cues
        self.gazetteer = gazetteer

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
                dateline: PlaceMention | None) -> PlaceDecision:
        """The event's place: the best of its clause's places, else of the sentence before, else (for
        violence, displacement, protest) the document's main place."""
        cands, rule = self._candidates(d, ctx, s_start)
        if not cands and d.trigger.trigger.family in PLACE_FALLBACK_FAMILIES and main_place is not None:
            cands, rule = [main_place], PlaceRule.DOCUMENT
        if not cands:
            return NO_PLACE
        tpos = d.trigger.nstart
        best = min(cands, key=lambda p: _rank(p, tpos))
        if best.place.feature in ("admin1", "region", "country") and dateline is not None \
                and dateline.place.id != best.place.id and self.inside(dateline.place.id, best.place.id):
            # "سنجار - … غربي محافظة نينوى": the dateline names the town inside the region the clause names
            best = dateline
            rule = PlaceRule.DATELINE_WITHIN
        mids = ctx.ids_of([MentionRef("place", p.start, p.end) for p in cands if p.place.id == best.place.id])
        return PlaceDecision(location_ref(best.place, geo_precision(best), mids), rule, (best.nstart, best.nend))

    @staticmethod
    def _candidates(d: Draft, ctx: DocContext, s_start: int) -> tuple[list[PlaceMention], PlaceRule]:
        """The places of an event: from its trigger to the next one (from the sentence start for the first),
        as for dates, and of the sentences it took figures from; else those of the sentence before."""
        # a place between two triggers belongs to the one before it
        lo = d.sentence.start if d.window[0] == d.sentence.start else d.trigger.nstart
        cands = list(ctx.places_in(lo, d.window[1]))
        for x in d.sentences[1:]:
            cands += [p for p in ctx.places_in(x.start, x.end) if p not in cands]
        if cands:
            return cands, PlaceRule.CLAUSE
        prev = [p for p in ctx.places_in(0, s_start)[-8:] if p.nend <= s_start]
        if prev:
            prev_sent = ctx.seg.sentence_at(prev[-1].nstart)
            if ctx.paragraph(prev_sent) == ctx.paragraph(ctx.seg.sentence_at(s_start)) \
                    and prev_sent.index >= d.sentence.index - 1:
                return [p for p in prev if prev_sent.start <= p.nstart], PlaceRule.PREVIOUS_SENTENCE
        return [], PlaceRule.CLAUSE

    def host_country(self, ctx: DocContext, s_start: int, s_end: int, visitor: ActorRef | None,
                     host: ActorRef | None) -> PlaceDecision:
        """A meeting on a trip abroad (في جولة آسيوية اجتمع خلالها بالرئيس الصيني) whose clause names no place,
        when the visitor comes from another country than the one met: the place of the host's country the
        sentence names (يزور بلينكن أنقرة، حيث يلتقي نظيره التركي → Ankara), else that country itself."""
        if visitor is None or host is None or not visitor.country or not host.country \
                or visitor.country == host.country or not ctx.hits_in(self.cues.visit_abroad, s_start, s_end):
            return NO_PLACE
        named = [m for m in ctx.places_in(s_start, s_end) if m.place.country == host.country]
        if named:
            m = max(named, key=lambda m: (SPECIFIC_FEATURES.get(m.place.feature, 3), -m.nstart))
            return PlaceDecision(location_ref(m.place, geo_precision(m), ctx.ids_of([MentionRef("place", m.start, m.end)])),
                                 PlaceRule.HOST_COUNTRY, (m.nstart, m.nend))
        country = self.gazetteer.country_place(host.country)
        if country is None:
            return NO_PLACE
        return PlaceDecision(location_ref(country, 3, ()), PlaceRule.HOST_COUNTRY, None)


def coordinated_places(ctx: DocContext, d: Draft, place: PlaceDecision, cumulative: bool) -> list[LocationRef]:
    """Places of the same kind named together with the event's own in the clause of a violent happening told
    as an incident (غارات على صنعاء والحديدة، سيطرت على صبراتة وصرمان): each the place of an event of its own."""
    loc = place.value
    if loc is None or place.rule is not PlaceRule.CLAUSE or d.trigger.trigger.family not in VIOLENT_FAMILIES \
            or cumulative:
        return []  # (a running toll, a displacement or an aid delivery over several places is one figure)
    text = ctx.norm.text
    here = ctx.places_in(d.window[0], d.window[1])
    start = next((k for k, m in enumerate(here) if m.place.id == loc.id), None)
    if start is None:
        return []
    rank = SPECIFIC_FEATURES.get(here[start].place.feature, 3)
    out: list[LocationRef] = []
    seen = {loc.id}
    prev = here[start]
    for m in here[start + 1:]:
        if text[prev.nend:m.nstart].strip(" ,") not in ("", "و") \
                or SPECIFIC_FEATURES.get(m.place.feature, 3) != rank:
            break
        if m.place.id not in seen:
            seen.add(m.place.id)
            out.append(location_ref(m.place, geo_precision(m), ctx.ids_of([MentionRef("place", m.start, m.end)])))
        prev = m
    return out


def main_place(ctx: DocContext) -> PlaceMention | None:
    """The document's main place: the sub-national place of its country named most often (first on ties)."""
    tally: dict[str, list[PlaceMention]] = {}
    for p in ctx.places:
        if p.place.feature in ("country", "region") or p.place.metonym or is_unlinked(p.place.id):
            continue  # (an unlinked place is its clause's place, never the whole document's)
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

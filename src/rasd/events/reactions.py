"""Reactions and their incidents: a statement, a call, a denial or an accusation about an incident (ندد بالقصف،
نفت مسؤوليتها عن هذه الغارة، دعا إلى تحقيق في الغارة، فيما وصفته بـ"جريمة") links to the event that tells the
incident and takes its place (a site's town) and date; a statement about nothing located (a call to stop the
fighting, crimes listed in general, a country named only in its speaker's title) keeps no place of its own."""

from __future__ import annotations

from collections.abc import Sequence

from ..recognize.matcher import phrase_before
from ..records import Event, LocationRef, replaced
from ..resources.gazetteer import Gazetteer
from ..resources.lexicon import CueLexicon
from ..text.words import clitic_splits
from .context import VIOLENT_FAMILIES, DocContext, Draft, TriggerHit, location_ref, word_start
from .place import NO_PLACE, PlaceDecision, PlaceResolver
from .rules import DateRule, PlaceRule
from .speech_sides import resumes_claim

INCIDENT_REACH = 8  # words from a statement's verb to the incident it is about (ندد رئيس الوزراء في بغداد بهذا …)
# words from a noun that holds the incident (cues.yaml incident_objects: تحقيق، مسؤولية) to its word, the
# article split from it counted (تحقيق "مستقل وسريع" في غارة، مسؤوليتها عن هذه الغارة)
OBJECT_REACH = 4
OBJECT_NOUN_REACH = 2 * INCIDENT_REACH  # words from the statement's verb to such a noun (a long speaker's name between)
_WORD_MARKS = "\"«»()،,.:؛"
# the places that name whose body or office an actor is when its name holds them (منسق الأمم المتحدة في اليمن)
SCOPE_FEATURES = frozenset({"country", "region", "admin1"})
SITE_FEATURES = frozenset({"district", "facility", "airport", "port", "base"})  # a statement takes their town
TOWN_FEATURES = frozenset({"city", "town", "village"})
OBJECT_PRONOUNS = ("ه", "ها")  # the suffixes of a verb's or a noun's pronoun for a thing told before
THREAT_FAMILIES = frozenset({"threaten"})  # statements whose word of violence is what they threaten, not an incident
DESCRIPTION_WORDS = 4  # words of an incident word's clause that describe it (القصف الذي استهدف السوق الشعبي)
_RELATIVES = frozenset({"الذي", "التي", "الذين", "اللذين", "اللتين"})  # (normalized: ي for ى)
ACTOR_REACH = 120  # characters before a place where an actor's name that holds it may start


def link_reactions(ctx: DocContext, drafts: Sequence[Draft], events: Sequence[Event],
                   places: Sequence[PlaceDecision], resolver: PlaceResolver) -> list[Event]:
    """A statement about an incident (ندد بالقصف، نفت مسؤوليتها عن هذه الغارة، أدانت الهجوم على المستشفى) takes
    the place and date of that incident: the event the incident's word tells, else the last violent event told
    before it when the word is definite, unless its own clause places the incident after that word (الهجوم الذي
    استهدف سوقا في الفاشر) more precisely than by its country; an accusation with a pronoun for the incident
    told before it in its sentence takes that one's; a statement placed only by the country in its speaker's or
    addressee's name has none of its own."""
    out = list(events)
    by_trigger = {d.trigger.nstart: k for k, d in enumerate(drafts)}
    last: int | None = None  # the last violent event with a place
    for k, d in enumerate(drafts):
        trig = d.trigger.trigger
        if trig.family in VIOLENT_FAMILIES and events[k].location is not None:
            last = k
            continue
        own = places[k].evidence
        if trig.content and _actors_scope(ctx, places[k]):
            ev = out[k]
            out[k] = replaced(ev, location=None, rules=(*(r for r in ev.rules if r != PlaceRule.CLAUSE.value),
                                                        PlaceRule.ACTORS_SCOPE.value))
            own = NO_PLACE.evidence
        # (a threat's word of violence is what it threatens to do, no incident told: مهددا بتكثيف الغارات)
        ref = _incident_word(ctx, d, resolver.cues) if trig.content and trig.family not in THREAT_FAMILIES else None
        if ref is None:
            resumed = trig.content and resumes_claim(ctx.norm.text, d.trigger.nstart, d.sentence.start, resolver.cues)
            before = _told_before(drafts, events, d, resumed) if resumed or _refers_back(ctx, d) else None
            if before is not None and _coarser(out[k].location, events[before].location, resolver):
                out[k] = _took(out[k], events[before], resolver.gazetteer)  # (قتل عشرة في غارة، فيما وصفته بـ"جريمة")
            continue
        j = by_trigger.get(ref.nstart)
        if j is None and not _definite(ctx.norm.text, ref):
            # (an alleged act, then the incident it was part of: اتهمت … بقتل 21 مدنيا في الغارات ذاتها)
            later = _incident_word(ctx, d, resolver.cues, after=ref)
            if later is not None and _definite(ctx.norm.text, later):
                ref, j = later, by_trigger.get(later.nstart)
        # (a word that makes no event of its own refers back to the last one when definite — the one its
        # description names, if any; an indefinite one names a happening of the statement's own, ارتكبت جرائم
        # شملت القتل والخطف, told nowhere else)
        if j is not None:
            back = last
        else:
            back = _described_incident(ctx, drafts, events, (k, ref), last) if _definite(ctx.norm.text, ref) else None
        told = [i for i in (j, back) if i is not None and i != k and events[i].location is not None]
        src = next((i for i in told if events[i].date.start is not None), told[0] if told else None)
        if src is None or (own is not None and own[0] >= ref.nstart
                           and not _coarser(out[k].location, events[src].location, resolver)):
            continue  # the statement's own clause places the incident (more precisely than by its country)
        out[k] = _took(out[k], events[src], resolver.gazetteer)
    return out


def _described_incident(ctx: DocContext, drafts: Sequence[Draft], events: Sequence[Event],
                        at: tuple[int, TriggerHit], last: int | None) -> int | None:
    """The violent event with a place, told before the statement `at` (its index, its incident word), that the
    incident word's description names (أدان القصف الذي استهدف السوق: the shelling of a market told before, not
    the last strike told): the one whose sentence holds the most of the description's words (the incident word
    and up to DESCRIPTION_WORDS words of its clause, bare of clitics), words that every such sentence holds
    left out; the latest of equals; `last` when none holds any."""
    k, ref = at
    text = ctx.norm.text
    told = [i for i in range(k) if drafts[i].trigger.trigger.family in VIOLENT_FAMILIES
            and events[i].location is not None]
    if len(told) < 2:
        return last
    end = min((e for e in (text.find("،", ref.nend), text.find(",", ref.nend)) if e >= 0),
              default=drafts[k].sentence.end)
    described = {_bare(w) for w in text[ref.nstart:min(end, drafts[k].sentence.end)].split()[:1 + DESCRIPTION_WORDS]}
    words = {i: {_bare(w) for sent in drafts[i].sentences for w in text[sent.start:sent.end].split()} for i in told}
    shared = set.intersection(*words.values())
    score = {i: len(words[i] & described - shared - {""}) for i in told}
    best = max(told, key=lambda i: (score[i], i))
    return best if score[best] else last


def _bare(word: str) -> str:
    """A word for comparing descriptions: its marks stripped, its proclitics and an accusative alif off (سوقا،
    السوق → سوق); "" for a word of two letters or fewer (a preposition, a relative pronoun's stem)."""
    stem = [st for pre, st in clitic_splits(word.strip(_WORD_MARKS), min_stem=3) if "س" not in pre][-1]
    stem = stem[:-1] if stem.endswith("ا") and len(stem) > 3 else stem
    return stem if len(stem) > 2 and stem not in _RELATIVES else ""


def _took(ev: Event, inc: Event, gazetteer: Gazetteer) -> Event:
    """The statement `ev` with the place (a site's town) and the date of its incident `inc`."""
    dated = ev.date.start is None or DateRule.PUBLISHED.value in ev.rules
    return replaced(ev, location=_town_of(gazetteer, inc.location), date=inc.date if dated else ev.date,
                    rules=(*ev.rules, PlaceRule.INCIDENT.value))


def _told_before(drafts: Sequence[Draft], events: Sequence[Event], d: Draft, resumed: bool = False) -> int | None:
    """The violent event with a place told last before the statement `d` in its sentence, by a word or by a
    figure (أن عدد القتلى بلغ 39 مدنيا، فيما وصفته بـ"جريمة"); for a reaction to a claim (`resumed`: …، وهو ما
    تنفيه الجماعة) with none, the claim itself (اتهم الجيش الجماعة بمهاجمة قرية في X، وهو ما تنفيه)."""
    told = [(x.trigger.trigger.family in VIOLENT_FAMILIES, x.trigger.nstart, i) for i, x in enumerate(drafts)
            if (resumed or x.trigger.trigger.family in VIOLENT_FAMILIES)
            and d.sentence.start <= x.trigger.nstart < d.trigger.nstart and events[i].location is not None]
    return max(told)[2] if told else None


def _coarser(own: LocationRef | None, incident: LocationRef | None, resolver: PlaceResolver) -> bool:
    """The statement has no place of its own, or only the country or region the incident's place lies in."""
    return own is None or (incident is not None and own.feature in SCOPE_FEATURES
                           and resolver.inside(incident.id, own.id))


def _refers_back(ctx: DocContext, d: Draft) -> bool:
    """An accusation whose word holds a pronoun that stands for the incident (وصفته، أدانته، استنكرها): about the
    violent happening told before it in its sentence. Read in the original text: a noun's ta marbuta (إدانة) is no
    pronoun."""
    return d.trigger.trigger.family == "accuse" and ctx.text[d.trigger.start:d.trigger.end].endswith(OBJECT_PRONOUNS)


def _town_of(gazetteer: Gazetteer, loc: LocationRef | None) -> LocationRef | None:
    """The place a statement about an incident at `loc` takes: a site's town (a statement about a strike on a
    college, an airport or a district is about that town's incident, as a report codes it), else `loc`."""
    if loc is None or loc.feature not in SITE_FEATURES:
        return loc
    inner = loc.within[0] if loc.within is not None else loc.id
    if inner not in gazetteer:
        return loc
    place = gazetteer.get(inner)
    town = next((a for a in [place, *gazetteer.ancestors(place)] if a.feature in TOWN_FEATURES), None)
    return loc if town is None else location_ref(town, 1, loc.mentions)


def _actors_scope(ctx: DocContext, place: PlaceDecision) -> bool:
    """The statement's place is a country or a region its clause names only inside the name of an actor, its
    speaker or its addressee (طالبت المفوضية العليا لحقوق الإنسان في العراق الحكومة، ناشد منسق الشؤون الإنسانية
    للأمم المتحدة في اليمن المانحين): whose body or office it is, not where anything happened."""
    if place.rule is not PlaceRule.CLAUSE or place.evidence is None:
        return False
    start, end = place.evidence
    mention = next((p for p in ctx.places_in(start, end) if p.nstart == start), None)
    return mention is not None and mention.place.feature in SCOPE_FEATURES and any(
        a.nend >= end for a in ctx.actors_in(max(0, start - ACTOR_REACH), start))


def reaction_objects(ctx: DocContext, drafts: Sequence[Draft], cues: CueLexicon) -> frozenset[int]:
    """Where the incident words a statement or a call is about start (ندد بالقصف، أدان هذه الغارة، دعا إلى
    تحقيق في الغارة): told by a definite word, such a word names the incident told before, not a new one."""
    return frozenset(ref.nstart for d in drafts if d.trigger.trigger.family not in VIOLENT_FAMILIES
                     and (ref := _incident_word(ctx, d, cues, whole_words=True)) is not None)


def _incident_word(ctx: DocContext, d: Draft, cues: CueLexicon, whole_words: bool = False,
                   after: TriggerHit | None = None) -> TriggerHit | None:
    """The word of a violent happening a statement is about: a violence trigger within a few words after the
    statement's verb, in its sentence (ندد بالقصف، أدان الهجوم، نفى مسؤوليته عن هذه الغارة), or further on right
    after a noun that holds it within that reach (طالب الأمين العام للأمم المتحدة بفتح تحقيق مستقل في غارة …); not
    a word for what is to be stopped (دعا إلى وقف القتال، إنهاء الحرب: the war, no incident); `whole_words`: the
    article of the word (في الغارة) is no word between; `after`: the next one after that incident word, within the
    same reach of it."""
    text = ctx.norm.text
    lo = d.trigger.nend if after is None else after.nend
    hits = ctx.triggers_starting_in(lo, d.sentence.end)
    pointed = -1  # where the last violent word pointed back starts (read once, when a word first lies too far)
    for th in hits:
        gap = text[lo:word_start(text, th.nstart) if whole_words else th.nstart].split()
        if len(gap) > INCIDENT_REACH and not _held_by_object(gap, cues.incident_objects) \
                and not _pointed_back(text, th, cues.incident_anaphors):
            if pointed < 0:
                pointed = max((x.nstart for x in hits if x.trigger.family in VIOLENT_FAMILIES
                               and _pointed_back(text, x, cues.incident_anaphors)), default=0)
            if pointed >= th.nend:
                continue  # (a word pointed back to the incident stands further on: في الغارات ذاتها)
            return None
        if th.trigger.family in VIOLENT_FAMILIES and not th.trigger.content and not phrase_before(
                text, th.nstart - len(th.prefix), cues.suppress_before, 2, lo=d.trigger.nend) \
                and not _listed_crime(ctx, cues, d.trigger.nstart, th.nstart):
            return th
    return None


def _pointed_back(text: str, th: TriggerHit, anaphors: frozenset[str]) -> bool:
    """A word right after the incident word or right before it points it back to an incident told before (الغارات
    ذاتها، القصف نفسه، هذا الهجوم)."""
    after = text[th.nend:th.nend + 20].split(maxsplit=1)
    before = text[max(0, th.nstart - len(th.prefix) - 20):th.nstart - len(th.prefix)].split()
    return bool(after and after[0].strip(_WORD_MARKS) in anaphors) or bool(before and before[-1] in anaphors)


def _listed_crime(ctx: DocContext, cues: CueLexicon, lo: int, pos: int) -> bool:
    """The word at `pos` is one of the crimes a statement lists (ارتكبت جرائم مروعة شملت القتل والخطف، انتهاكات
    منها القتل): crimes in general, no incident told elsewhere."""
    hits = ctx.hits_in(cues.background, lo, pos)
    crimes = next((h.end for h in hits if "crimes" in h.payloads), None)
    return crimes is not None and any("listing" in h.payloads and h.start >= crimes for h in hits)


def _definite(text: str, th: TriggerHit) -> bool:
    """The incident's word has the article (الغارة، للقصف، القصف الجوي) or a definite word after it (غارة الأمس،
    إطلاق النار، قصف الجيش): it refers back to a happening told."""
    if th.prefix.endswith(("ال", "لل")) or th.phrase.startswith("ال") or " ال" in th.phrase:
        return True
    after = text[th.nend:th.nend + 40].split(maxsplit=1)
    return bool(after) and text[th.nend:th.nend + 1] == " " and after[0].startswith("ال")


def _held_by_object(gap: list[str], objects: frozenset[str]) -> bool:
    """One of the last words before the incident's word, within a longer reach of the statement's verb, is a
    noun that holds it (تحقيق، المسؤولية، ملابسات): the words between a statement and an incident told far after it."""
    lo = max(0, len(gap) - 1 - OBJECT_REACH)
    return any(w.strip(_WORD_MARKS).removeprefix("و") in objects for w in gap[lo:OBJECT_NOUN_REACH + 1])

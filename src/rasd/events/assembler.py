"""EventAssembler: drafts a document's events, has each field decided by its resolver, and merges the events
that tell the same happening."""

from __future__ import annotations

from enum import Enum
from typing import NamedTuple

from ..recognize.linking import PlaceMention
from ..recognize.unlinked import UnlinkedFinder
from ..records import Count, Event, LocationRef, Mention, Span, replaced
from ..resources.actors import ActorDictionary
from ..resources.gazetteer import Gazetteer
from ..resources.lexicon import CueLexicon, Trigger
from .attribution import AttributionDecision, Attributor
from .confidence import confidence
from .context import DocContext, Draft, mention_ref, rstrip, within, words_from
from .date import bound_by_published, resolve_date
from .drafts import Drafter
from .figures import document_counts, drop_vague_told_exactly, event_counts
from .happenings import breakdown_at, headline_end
from .kind import KindResolver
from .merge import MergeHint, merge_same
from .modality import ModalityResolver
from .place import (
    PlaceDecision,
    PlaceResolver,
    coordinated_places,
    dateline,
    document_place,
)
from .reactions import link_reactions, reaction_objects
from .roles import RoleResolver, also_hit, protest_sides, with_victim_nouns
from .rules import AttributionRule, PlaceRule, RoleRule, ScopeRule, TypeRule
from .speech_sides import call_object


class Finished(NamedTuple):
    """One draft made an event: the record, what merging needs to know of it, and its place decision."""

    event: Event
    hint: MergeHint
    place: PlaceDecision
    also: tuple[LocationRef, ...] = ()  # the places of the other incidents its toll is broken down into


# Finished and MergeHint made by tuple.__new__: a named tuple's own __new__ is a Python function around this very
# call (each twice per draft, ~40 an article, from compiled code)
def _finished(event: Event, hint: MergeHint, place: PlaceDecision, also: tuple[LocationRef, ...]) -> Finished:
    return tuple.__new__(Finished, (event, hint, place, also))


def _hint(another: bool, place_rule: PlaceRule | None, headline: bool, refers_back: bool, definite: bool,
          statement_object: bool) -> MergeHint:
    return tuple.__new__(MergeHint, (another, place_rule, headline, refers_back, definite, statement_object))


def numbered(ev: Event, id: str) -> Event:
    """The event with its id (the record numbers them): dataclasses.replace(ev, id=id) without its generic walk
    over the 16 fields, once per event; compiled, a direct call of the constructor."""
    return Event(id, ev.acled_event_type, ev.acled_sub_event_type, ev.plover, ev.actor1, ev.actor2, ev.location,
                 ev.date, ev.counts, ev.modality, ev.source_attribution, ev.evidence, ev.confidence, ev.trigger,
                 ev.other_actors, ev.rules)


def _values(*rules: Enum | None) -> list[str]:
    """The rule strings of the decisions that have a rule, in the order given."""
    return [r._value_ for r in rules if r is not None]  # (_value_: the plain attribute; Enum.value is a descriptor)


class EventAssembler:
    """Assembles a document's events from its triggers, counts, actors, places and dates."""

    def __init__(self, cues: CueLexicon, actors: ActorDictionary, gazetteer: Gazetteer,
                 trigger_forms: frozenset[str] = frozenset(), number_words: frozenset[str] = frozenset(),
                 unlinked: UnlinkedFinder | None = None) -> None:
        self.cues = cues
        self.number_words = number_words
        self.trigger_forms = trigger_forms
        self.actors = actors
        self.gazetteer = gazetteer
        self.attributor = Attributor(cues, trigger_forms)
        self.drafter = Drafter(cues, trigger_forms)
        self.roles = RoleResolver(cues, actors, self.attributor)
        # (where gunmen came from, قادمين من: the words of descriptors.yaml)
        self.places = PlaceResolver(cues, gazetteer, unlinked.d.provenance if unlinked is not None else frozenset())
        self.modality = ModalityResolver(cues)
        self.kinds = KindResolver(cues)

    def assemble(self, ctx: DocContext,
                 fallback_trigger: dict[str, Trigger]) -> tuple[tuple[Event, ...], tuple[Count, ...]]:
        """The document's events (in document order; numbered e1, e2 … when the record is made) and counts."""
        clause_starts = ctx.clauses.breaks()
        drafts = self.drafter.draft(ctx, fallback_trigger, clause_starts)
        counts = document_counts(ctx, self.attributor)
        line = dateline(ctx)
        main = document_place(ctx, self.places, line)
        objects = reaction_objects(ctx, drafts, self.cues)  # (a definite one refers back: أدان هذه الغارة)
        for d in drafts:  # (what a statement condemns, its agent named after it: its speaker is none of its sides)
            if d.trigger.nstart in objects and d.window[0] < d.trigger.nstart < d.window[1] \
                    and self._agent_named_after(ctx, d):
                d.window = (d.trigger.nstart, d.window[1])
        finished = [self._finish(d, ctx, counts, clause_starts, main, line) for d in drafts]
        linked = link_reactions(ctx, drafts, [f.event for f in finished], [f.place for f in finished],
                                self.places)
        # (the tuples made directly: a named tuple's _replace is a Python function, twice per event)
        finished = [_finished(ev, _hint(h.another, h.place_rule, h.headline,
                                        h.refers_back or (h.definite and d.trigger.nstart in objects),
                                        h.definite, d.trigger.nstart in objects), f.place, f.also)
                    for d, f, ev in zip(drafts, finished, linked, strict=True) for h in (f.hint,)]
        also_at = [coordinated_places(ctx, d, f.place, any(c.scope == "cumulative" for c in f.event.counts),
                                     self.places.cues)
                   + list(f.also) for d, f in zip(drafts, finished, strict=True)]
        merged_into: list[int] = []
        events = merge_same([f.event for f in finished], [f.hint for f in finished], self.places.inside,
                            merged_into, self._family)
        if any(also_at):
            events = _split_by_place(events, merged_into, also_at)
        return tuple(drop_vague_told_exactly(events)), counts

    def _agent_named_after(self, ctx: DocContext, d: Draft) -> bool:
        """The word for the happening is followed, within three words, by a verb that names who carried it out
        (بغارة شنها الجيش، الهجوم الصاروخي الذي نفذته إيران: cues.yaml roles.agent_verbs)."""
        text = ctx.norm.text
        return any(text[s:e] in self.cues.agent_verbs for s, e in words_from(text, d.trigger.nend, d.window[1], 3))

    def _family(self, actor_id: str) -> frozenset[str]:
        """The actor's id and those of the actors it belongs to (an envoy, his mission, the UN)."""
        out = {actor_id}
        cur = self.actors.get(actor_id).affiliation if actor_id in self.actors else None
        while cur is not None and cur not in out and cur in self.actors:
            out.add(cur)
            cur = self.actors.get(cur).affiliation
        return frozenset(out)

    def _scope(self, ctx: DocContext, d: Draft, clause_starts: list[tuple[int, bool]]) -> list[ScopeRule]:
        """Ends the draft's window at the first clause break after its trigger; tells whether it is another
        happening than the one told before (غارة أخرى)."""
        text = ctx.norm.text
        rules: list[ScopeRule] = []
        breaks = within(clause_starts, d.trigger.nend, d.window[1])
        if breaks:  # a clause that tells another action, or another subject's, ends what belongs to this event
            d.window = (d.window[0], breaks[0][0])
            rules.append(ScopeRule.CLAUSE_BREAK)
        after = text[d.trigger.nend:d.window[1]]  # (a quick test in C before the word-by-word one)
        if any(w in after for w in self.cues.another_after) and any(
                text[w_s:w_e] in self.cues.another_after
                for w_s, w_e in words_from(text, d.trigger.nend, d.window[1], 2)):
            rules.append(ScopeRule.ANOTHER_HAPPENING)  # غارة أخرى: not the strike told before
        elif not d.fallback and self.drafter.renewed(text, d.sentence, d.trigger):
            rules.append(ScopeRule.ANOTHER_HAPPENING)  # تجدد القصف، استؤنف القتال: a new round, not the one told before
        return rules

    def _finish(self, d: Draft, ctx: DocContext, counts: tuple[Count, ...], clause_starts: list[tuple[int, bool]],
                main: PlaceMention | None, line: PlaceMention | None) -> Finished:
        """The event of one draft, each field decided by its resolver."""
        norm, trig = ctx.norm, d.trigger.trigger
        scope = self._scope(ctx, d, clause_starts)
        s_start = min(s.start for s in d.sentences)
        s_end = max(s.end for s in d.sentences)
        said = self.attributor.phrase(ctx, s_start, s_end)
        count_spans = [(c.start, c.end) for c in ctx.counts_in(max(0, d.sentences[0].start - 1), s_end)]
        roles = self.roles.resolve(ctx, d, said.evidence, count_spans, said.value is not None)
        reported = said if roles.reporter is None else \
            tuple.__new__(AttributionDecision, (roles.reporter, AttributionRule.REPORTER, None))  # (see _finished)
        my_counts = event_counts(counts, d.count_ids)
        told = _first_figure(reported, my_counts)
        actor1 = with_victim_nouns(ctx, roles.actor1, my_counts)
        actor2 = with_victim_nouns(ctx, roles.actor2, my_counts) \
            or self.roles.civilian_victims(ctx, roles, trig.acled_event_type, my_counts)
        kind = self.kinds.resolve(ctx, d, actor1, actor2, my_counts)
        others, victims_named = roles.others, roles.actor2 is None and actor2 is not None
        protest = protest_sides(self.roles.protesters.get(ctx.country or ""), self.roles.civilians.get(ctx.country or ""),
                                (actor1, actor2), others, (kind.acled_type, kind.acled_sub, kind.plover or trig.plover))
        if protest is not None:
            actor1, actor2, others = protest
        cumulative = any(c.scope == "cumulative" for c in my_counts)
        place = self.places.resolve(d, ctx, s_start, s_end, main, line, cumulative)
        if place.value is None and kind.plover == "CONSULT":
            place = self.places.host_country(ctx, s_start, s_end, actor1, actor2)
        place, also = breakdown_at(ctx, d, place, cumulative, self.number_words, self.places.inside)
        # a date between two triggers belongs to the one before it ("يلتقي … الأسبوع المقبل، فيما دعت")
        # (not the time of what a call calls for: دعت إلى هدنة بمناسبة شهر رمضان)
        date = resolve_date(ctx, d.sentence.start if d.window[0] == d.sentence.start else d.trigger.nstart,
                            call_object(norm.text, d), running_total=bool(my_counts)
                            and all(c.scope == "cumulative" for c in my_counts), speech=self.cues.speech_verbs)
        modality = self.modality.resolve(ctx, d, s_start)
        date = bound_by_published(date, modality.value == "planned", ctx.published)
        rules = [*d.rules, *_values(*scope, said.rule, None if roles.reporter is None else reported.rule),
                 *_values(*roles.rules, None if told is reported else told.rule,
                          RoleRule.CIVILIAN_VICTIMS if victims_named else None,
                          None if protest is None else RoleRule.PROTESTERS, *kind.rules,
                          place.rule, date.rule, modality.rule, date.bound)]
        ev_s, ev_e = norm.to_original(s_start, rstrip(norm.text, s_start, s_end))
        trig_ids = ctx.ids_of([mention_ref("trigger", d.trigger.start, d.trigger.end)])
        trig_mention = Mention(id=trig_ids[0] if trig_ids else "", kind="trigger", text=ctx.text[d.trigger.start:d.trigger.end],
                               start=d.trigger.start, end=d.trigger.end, ref=trig.id)
        event = Event(id="", acled_event_type=kind.acled_type, acled_sub_event_type=kind.acled_sub,
                      plover=kind.plover or trig.plover, actor1=actor1, actor2=actor2, location=place.value, date=date.value,
                      counts=my_counts, modality=modality.value, source_attribution=told.value,
                      evidence=(Span(ev_s, ev_e),),
                      confidence=confidence(trig.weight, d.fallback, roles, actor2 is not None, place, my_counts,
                                            modality),
                      trigger=trig_mention, other_actors=others + tuple(a for a in [also_hit(
                          ctx, self.roles.civilians.get(ctx.country or ""), actor1, actor2, kind.acled_type,
                          my_counts)] if a is not None),
                      rules=tuple(rules))
        return _finished(event, _hint(ScopeRule.ANOTHER_HAPPENING in scope, place.rule,
                                      d.trigger.nstart < headline_end(ctx),
                                      TypeRule.STRIKE_TOLD_BEFORE in kind.rules,
                                      d.trigger.prefix.endswith("ال") or d.trigger.phrase.startswith("ال"), False),
                         place, also)


def _first_figure(reported: AttributionDecision, counts: tuple[Count, ...]) -> AttributionDecision:
    """The event is told on the authority of whoever gives its first figure."""
    first_source = next((c.source_attribution for c in counts if c.parent is None and c.source_attribution), None)
    if first_source and first_source != reported.value:
        return tuple.__new__(AttributionDecision, (first_source, AttributionRule.FIRST_FIGURE, None))
    return reported


def _split_by_place(events: list[Event], merged_into: list[int], also_at: list[list[LocationRef]]) -> list[Event]:
    """One event per place named together (غارات على صنعاء والحديدة), as ACLED codes them (after merging, so
    that each copy has all the event has); the figures stay with the first."""
    places_of: dict[int, list[LocationRef]] = {}
    for k, locs in zip(merged_into, also_at, strict=True):
        places_of.setdefault(k, []).extend(locs)
    split: list[Event] = []
    for k, ev in enumerate(events):
        split.append(ev)
        seen = {ev.location.id} if ev.location is not None else set()
        for loc in places_of.get(k, []):
            if loc.id not in seen:
                seen.add(loc.id)
                split.append(replaced(ev, location=loc, counts=(),
                                     rules=(*ev.rules, PlaceRule.COORDINATED.value)))
    return split

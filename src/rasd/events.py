"""Assemble events from triggers, counts, actors, places and dates, clause by clause.

The unit is the sentence. In each sentence the triggers of one family (a strike and the killing it
caused) make one event, named by the most specific trigger. Counts attach to the event of their sentence
that accepts their kind, else to the nearest earlier event of the paragraph that does, else they open an
event of their own (a displacement figure is its own event, as FORMAT.md codes it). Actors come from the
sentence (target cues and "بين X و Y" set the roles), the place from the sentence or the sentence before
it in the paragraph, the date from a date expression in the sentence. Modality comes from cue words before
the trigger; attribution from "حسب/وفق/نقلا عن …" phrases and source words. Finally events of the same
type, place, date and modality whose actors agree are merged: the same happening told twice.

Every field records the rule that set it in `Event.rules`; the confidence is computed from those rules.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .actors import Actor, ActorDictionary
from .counts import CountMatch
from .dates import DateMatch
from .gazetteer import Gazetteer, Place
from .lexicon import CueLexicon, ModalityCue, Trigger
from .linking import ActorMention, PlaceMention, is_dateline
from .matcher import Hit, PhraseMatcher, ScannedPhrases, phrase_before
from .normalize import Normalized
from .records import UNKNOWN_DATE, ActorRef, Count, Event, EventDate, LocationRef, Mention, Span
from .segment import Segmented, Sentence

VIOLENT_FAMILIES = frozenset({"violence", "territory", "abduction", "siege", "arrest", "looting"})
PLACE_FALLBACK_FAMILIES = VIOLENT_FAMILIES | {"displacement", "protest"}
REPORTER_KINDS = frozenset({"international_org", "media", "government"})
RELATIVE_PRONOUNS = frozenset({"التي", "الذي", "الذين", "اللتي", "اللذين", "التى"})
ARMED_KINDS = frozenset({"state_forces", "rebel_group", "political_militia", "identity_militia", "external_forces"})
CIVILIAN_WHO = frozenset({"civilians", "children", "women", "migrants", "journalists", "medics"})
SPECIFIC_FEATURES = {"district": 6, "facility": 6, "airport": 6, "port": 6, "base": 6, "camp": 6, "crossing": 6,
                     "village": 5, "town": 5, "city": 5, "admin2": 4, "admin1": 3, "region": 2, "country": 1}


@dataclass(frozen=True, slots=True)
class TriggerHit:
    nstart: int
    nend: int
    prefix: str
    phrase: str
    trigger: Trigger
    start: int  # original offsets
    end: int


@dataclass(frozen=True, slots=True)
class DocContext:
    text: str
    norm: Normalized
    seg: Segmented
    triggers: tuple[TriggerHit, ...]
    counts: tuple[CountMatch, ...]
    dates: tuple[DateMatch, ...]
    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    country: str | None
    published: str | None
    phrases: ScannedPhrases | None = None  # the cue matchers' hits, when a scan of all the lexicons made them
    # start offsets of each list (all are in text order), for range look-ups that keep assembly linear
    _actor_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _place_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _count_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _date_starts: tuple[int, ...] = field(init=False, repr=False, compare=False)
    _paragraphs: tuple[int, ...] = field(init=False, repr=False, compare=False)  # per sentence
    # hits of the cue matchers over the whole text (the scan's, or found once per document when there was no
    # scan) with their word starts, keyed by matcher
    _phrases: ScannedPhrases = field(init=False, repr=False, compare=False)
    _cue_hits: dict[int, tuple[tuple[Hit[Any], ...], tuple[int, ...]]] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_actor_starts", tuple(m.nstart for m in self.actors))
        object.__setattr__(self, "_place_starts", tuple(p.nstart for p in self.places))
        object.__setattr__(self, "_count_starts", tuple(c.start for c in self.counts))
        object.__setattr__(self, "_date_starts", tuple(d.start for d in self.dates))
        object.__setattr__(self, "_paragraphs", tuple(_paragraph_ids(self.norm.text, self.seg.sentences)))
        object.__setattr__(self, "_phrases", self.phrases or ScannedPhrases(self.norm.text, {}))
        object.__setattr__(self, "_cue_hits", {})

    def hits_in(self, matcher: PhraseMatcher[Any], lo: int, hi: int) -> list[Hit[Any]]:
        """The matcher's hits over the whole text that lie in [lo, hi) (normalized offsets, absolute)."""
        found = self._cue_hits.get(id(matcher))
        if found is None:
            hits = self._phrases.of(matcher)
            found = (hits, tuple(h.word_start for h in hits))
            self._cue_hits[id(matcher)] = found
        hits, starts = found
        return [h for h in hits[bisect_left(starts, lo):bisect_left(starts, hi)] if h.end <= hi]

    def paragraph(self, sentence: Sentence) -> int:
        """Index of the paragraph (blocks of lines between line breaks) the sentence stands in."""
        return self._paragraphs[sentence.index]

    def actors_in(self, lo: int, hi: int) -> tuple[ActorMention, ...]:
        """Actor mentions starting in [lo, hi) (normalized offsets)."""
        return self.actors[bisect_left(self._actor_starts, lo):bisect_left(self._actor_starts, hi)]

    def places_in(self, lo: int, hi: int) -> tuple[PlaceMention, ...]:
        return self.places[bisect_left(self._place_starts, lo):bisect_left(self._place_starts, hi)]

    def counts_in(self, lo: int, hi: int) -> tuple[CountMatch, ...]:
        return self.counts[bisect_left(self._count_starts, lo):bisect_left(self._count_starts, hi)]

    def dates_in(self, lo: int, hi: int) -> tuple[DateMatch, ...]:
        return self.dates[bisect_left(self._date_starts, lo):bisect_left(self._date_starts, hi)]


@dataclass(slots=True)
class _Draft:
    """An event while it is being assembled (mutable inside this module only)."""

    trigger: TriggerHit
    sentence: Sentence
    paragraph: int
    sentences: list[Sentence]
    window: tuple[int, int] = (0, 0)  # normalized span whose actors belong to this event
    count_ids: list[int] = field(default_factory=list)
    rules: list[str] = field(default_factory=list)
    fallback: bool = False
    opens_clause: bool = False  # its trigger begins a clause after a clause break (قبل أن يتوجه)
    takes_subject: bool = True  # such a clause goes on with the sentence's subject (not a past one: منذ سقوطها)


class EventAssembler:
    def __init__(self, cues: CueLexicon, actors: ActorDictionary, gazetteer: Gazetteer,
                 trigger_forms: frozenset[str] = frozenset()) -> None:
        self.cues = cues
        self.trigger_forms = trigger_forms
        self.actors = actors
        self.gazetteer = gazetteer
        self._civilians = {a.country: a for a in actors.actors
                           if a.kind == "civilians" and a.country and a.id.startswith("civilians-")}

    def _inside(self, inner: str, outer: str) -> bool:
        """True when place `inner` lies in place `outer` (by the gazetteer's parent chain)."""
        if inner not in self.gazetteer or outer not in self.gazetteer:
            return False
        return any(a.id == outer for a in self.gazetteer.ancestors(self.gazetteer.get(inner)))

    # ------------------------------------------------------------------ drafts
    def assemble(self, ctx: DocContext, fallback_trigger: dict[str, Trigger]) -> tuple[tuple[Event, ...], tuple[Count, ...]]:
        seg, norm = ctx.seg, ctx.norm
        paragraphs = ctx._paragraphs
        by_sentence: dict[int, list[TriggerHit]] = {}
        for th in ctx.triggers:
            by_sentence.setdefault(seg.sentence_at(th.nstart).index, []).append(th)
        counts_by_sentence: dict[int, list[int]] = {}
        for ci, cm in enumerate(ctx.counts):
            counts_by_sentence.setdefault(seg.sentence_at(cm.start).index, []).append(ci)

        clause_starts = self._clause_starts(ctx)
        drafts: list[_Draft] = []
        for sent in seg.sentences:
            hits = self._live_triggers(norm.text, sent, by_sentence.get(sent.index, []), ctx)
            breaks = _within(clause_starts, sent.start, sent.end)
            past = frozenset(th.nstart for th in hits if self._told_as_past(norm.text, sent, th))
            sdrafts = self._family_drafts(hits, sent, paragraphs[sent.index], breaks, past)
            drafts.extend(sdrafts)
            for ci in counts_by_sentence.get(sent.index, []):
                cm = ctx.counts[ci]
                if cm.parent is not None:
                    parent_owner = next((d for d in drafts if cm.parent in d.count_ids), None)
                    if parent_owner is not None:
                        parent_owner.count_ids.append(ci)
                        continue
                target = next((d for d in sdrafts if cm.kind in d.trigger.trigger.counts), None)
                if target is None:
                    target = next((d for d in reversed(drafts) if d.paragraph == paragraphs[sent.index]
                                   and d.sentence.index >= sent.index - 2
                                   and cm.kind in d.trigger.trigger.counts
                                   and _scopes_fit(d, ctx.counts, cm)), None)
                    if target is not None:
                        target.sentences.append(sent)
                        target.rules.append("counts_from_next_sentence")
                if target is None:
                    target = self._fallback_draft(cm, sent, paragraphs[sent.index], ctx, fallback_trigger)
                    drafts.append(target)
                    sdrafts.append(target)
                target.count_ids.append(ci)
            for dr in list(sdrafts):
                if dr.count_ids or dr.fallback or not _definite(dr.trigger, self.trigger_forms):
                    continue
                # (the happening told before: in an earlier sentence, or in an earlier clause of this one)
                earlier = next((x for x in reversed(drafts) if x is not dr
                                and (x.sentence.index < sent.index or x.trigger.nstart < dr.trigger.nstart)
                                and x.trigger.trigger.family == dr.trigger.trigger.family), None)
                if earlier is not None:
                    earlier.sentences.append(sent)
                    earlier.rules.append("anaphor:" + dr.trigger.trigger.id)
                    drafts.remove(dr)
                    sdrafts.remove(dr)
            _set_windows([x for x in sdrafts if not x.fallback], sent)

        counts = self._document_counts(ctx)
        dateline = _dateline(ctx)
        main_place = dateline if dateline is not None and dateline.place.country == ctx.country \
            and dateline.place.feature not in ("country", "region") else self._main_place(ctx)
        events = [self._finish(d, ctx, counts, clause_starts, main_place, dateline) for d in drafts]
        also_at = [self._coordinated_places(ctx, d, ev) for d, ev in zip(drafts, events, strict=True)]
        merged_into: list[int] = []
        events = merge_same(events, self._inside, merged_into)
        if any(also_at):
            # "غارات على صنعاء والحديدة": one event per place, as ACLED codes them (after merging, so that each
            # copy has all the event has); the figures stay with the first
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
                        split.append(replace(ev, location=loc, counts=(), rules=(*ev.rules, "location:coordinated")))
            events = split
        # a vague figure (عشرات القتلى) stands only where the report gives no exact one of that kind for the same
        # kind of happening: the vague mention is then the same toll told loosely elsewhere in the text
        exact = {(e.acled_event_type, c.kind) for e in events for c in e.counts
                 if c.qualifier != "vague" and c.parent is None}
        events = [replace(e, counts=tuple(c for c in e.counts
                                          if c.qualifier != "vague" or (e.acled_event_type, c.kind) not in exact))
                  if any(c.qualifier == "vague" and (e.acled_event_type, c.kind) in exact for c in e.counts) else e
                  for e in events]
        return tuple(events), counts  # numbered e1, e2 … when the record is made

    def _live_triggers(self, text: str, sent: Sentence, hits: list[TriggerHit], ctx: DocContext) -> list[TriggerHit]:
        """Triggers that name a happening: not the object of 'stop/end …', not inside a speech act's clause."""
        live: list[TriggerHit] = []
        content_seen = False
        count_kinds = {c.kind for c in ctx.counts_in(sent.start, sent.end)}
        opinion = [h.end for h in ctx.hits_in(self.cues.opinion_openers, sent.start, sent.end)]
        ordered = sorted(hits, key=lambda h: h.nstart)
        for k, th in enumerate(ordered):
            if phrase_before(text, th.nstart, self.cues.suppress_before, 2, lo=sent.start):
                continue
            if opinion and opinion[0] <= th.nstart and not (th.trigger.counts & count_kinds):
                continue  # ويرى محللون أن لا مخرج غير … الحوار: what observers think, not what happened
            if any(c.start <= th.nstart < c.end and c.kind not in th.trigger.counts
                   for c in ctx.counts_in(max(sent.start, th.nstart - 40), th.nend)):
                continue  # "قتل 14 نازحا": the word names the victims of another toll, not a happening of its own
            if th.trigger.family == "reject" and any(not x.trigger.content for x in ordered[k + 1:]):
                # نفى الجيش أن تكون قواته قد أطلقت النار: what is coded is the denied happening (modality
                # "denied", from the cue), not a separate act of denial
                continue
            if content_seen and not (th.trigger.counts & count_kinds) and not th.trigger.content \
                    and not self._told_as_past(text, sent, th):
                continue  # what the speech act calls for, denies or condemns — unless told as past (منذ سقوطها)
            live.append(th)
            if th.trigger.content:
                content_seen = True
        return live

    def _told_as_past(self, text: str, sent: Sentence, th: TriggerHit) -> bool:
        """A trigger right after منذ: a past happening of its own, in a clause of its own."""
        return phrase_before(text, th.nstart, self.cues.happened_before, 1, lo=sent.start)

    def _clause_starts(self, ctx: DocContext) -> list[tuple[int, bool]]:
        """Where clauses start in the document, each with whether the clause goes on with the sentence's
        subject: clause-break cues (قبل أن يتوجه: yes), and right after a comma the comma-clause words (، فيما:
        no) or a known name written with ف (، فميناء طرابلس: no)."""
        text, end = ctx.norm.text, len(ctx.norm.text)
        starts = [(h.word_start, True) for h in ctx.hits_in(self.cues.clause_breaks, 0, end)]
        after_comma = [h.word_start for h in ctx.hits_in(self.cues.comma_clauses, 0, end)]
        names = [m.nstart for m in ctx.actors] + [m.nstart for m in ctx.places]
        after_comma += [pos - 1 for pos in names if pos > 0 and text[pos - 1] == "ف"]
        for pos in set(after_comma):
            before = pos - 1
            while before >= 0 and text[before] == " ":
                before -= 1
            if before >= 0 and text[before] == ",":
                starts.append((pos, False))
        return sorted(starts)

    @staticmethod
    def _family_drafts(hits: list[TriggerHit], sent: Sentence, paragraph: int,
                       breaks: Sequence[tuple[int, bool]] = (), past: frozenset[int] = frozenset()) -> list[_Draft]:
        """One draft per family of trigger in each clause of the sentence (clauses start at `breaks`, each with
        whether it goes on with the sentence's subject, and at triggers told as `past`): the strongest trigger
        of the family names it. A clause after a clause-break cue goes on with the sentence's subject; one
        after a comma clause or a past one has its own."""
        starts = sorted({*(pos for pos, _ in breaks), *past})
        own_subject = {pos for pos, carries in breaks if not carries} | past
        best: dict[tuple[str, int], TriggerHit] = {}  # (family, clause) → trigger
        for th in hits:
            key = (th.trigger.family, bisect_right(starts, th.nstart))
            cur = best.get(key)
            if cur is None or th.trigger.priority > cur.trigger.priority:
                best[key] = th
        chosen = sorted(best.items(), key=lambda kv: kv[1].nstart)
        drafts = [_Draft(trigger=th, sentence=sent, paragraph=paragraph, sentences=[sent],
                         rules=[f"trigger:{th.trigger.id}"], opens_clause=k > 0 and clause > chosen[k - 1][0][1],
                         takes_subject=clause == 0 or starts[clause - 1] not in own_subject)
                  for k, ((_family, clause), th) in enumerate(chosen)]
        _set_windows(drafts, sent)
        return drafts

    def _fallback_draft(self, cm: CountMatch, sent: Sentence, paragraph: int, ctx: DocContext,
                        fallback_trigger: dict[str, Trigger]) -> _Draft:
        kind = cm.kind
        if kind in ("killed", "wounded", "missing", "affected", "sick"):
            doc_violent = [th for th in ctx.triggers if th.trigger.family == "violence"]
            before = doc_violent[:bisect_left([th.nstart for th in doc_violent], cm.start)]
            if before:
                # a toll with no trigger of its own is the toll of the violence told before it: the most
                # specific kind named (a strike over the "aggression" it belongs to), the latest among equals
                trig = max(reversed(before), key=lambda h: h.trigger.priority).trigger
                rule = f"fallback:previous_trigger:{trig.id}"
            elif doc_violent:
                trig = max(doc_violent, key=lambda h: h.trigger.priority).trigger
                rule = f"fallback:document_trigger:{trig.id}"
            else:
                key = "civilians" if cm.who in CIVILIAN_WHO else "killed"
                trig = fallback_trigger[key]
                rule = f"fallback:{key}"
        else:
            trig = fallback_trigger[kind]
            rule = f"fallback:{kind}"
        s, e = ctx.norm.to_original(cm.start, cm.end)
        th = TriggerHit(nstart=cm.start, nend=cm.end, prefix="", phrase=cm.text, trigger=trig, start=s, end=e)
        return _Draft(trigger=th, sentence=sent, paragraph=paragraph, sentences=[sent], window=(sent.start, sent.end),
                      rules=[rule], fallback=True)

    # ------------------------------------------------------------------ counts
    def _document_counts(self, ctx: DocContext) -> tuple[Count, ...]:
        sources = [self._count_source(ctx, k) for k in range(len(ctx.counts))]
        # a figure with no source of its own has the source of the figure before it in its sentence (a subset,
        # "إضافة إلى 2400 جريح"), or else of the one after it ("قتل 7 وأصيب 12، بحسب مصادر طبية")
        sentence = [ctx.seg.sentence_at(cm.start).index for cm in ctx.counts]
        for k in range(1, len(sources)):
            if sources[k] is None and sentence[k] == sentence[k - 1]:
                sources[k] = sources[k - 1]
        for k in range(len(sources) - 2, -1, -1):
            if sources[k] is None and sentence[k] == sentence[k + 1]:
                sources[k] = sources[k + 1]
        # … or, in a sentence that only goes on with the toll told before it (". إضافة إلى 85 جريحا"), the
        # source of the last figure before that sentence
        for k, cm in enumerate(ctx.counts):
            if sources[k] is None and cm.goes_on:
                before = next((j for j in range(k - 1, -1, -1) if sentence[j] < sentence[k]), None)
                if before is not None and sources[before] is not None:
                    sources[k] = sources[before]
        out: list[Count] = []
        for cm, source in zip(ctx.counts, sources, strict=True):
            s, e = ctx.norm.to_original(cm.start, cm.end)
            out.append(Count(kind=cm.kind, value=cm.value, qualifier=cm.qualifier, who=cm.who, scope=cm.scope,
                             start=s, end=e, text=ctx.text[s:e], parent=cm.parent, source_attribution=source))
        return tuple(out)

    def _count_source(self, ctx: DocContext, k: int) -> str | None:
        """Who gives this figure: an attribution right after it (… قتيلا، حسب مصادر طبية), else the speaker of
        the report it stands in (وقالت وزارة الصحة إن …), looked for between it and the figure before it. Two
        sources giving two tolls in one sentence each keep their own."""
        cm = ctx.counts[k]
        sent = ctx.seg.sentence_at(cm.start)
        later = [c.start for c in ctx.counts_in(cm.end, sent.end)]
        after_end = min(later) if later else sent.end
        found, _span = self._attribution(ctx, cm.end, after_end, introducers_only=True)
        if found:
            return found
        earlier = [c.end for c in ctx.counts_in(sent.start, cm.start) if c.end <= cm.start]
        lo = max(earlier) if earlier else sent.start
        return self._speaker(ctx, lo, cm.start)

    def _speaker(self, ctx: DocContext, lo: int, hi: int) -> str | None:
        """The words after the last speech verb in [lo, hi), up to إن/أن (وقالت وزارة الصحة إن → وزارة الصحة)."""
        ntext = ctx.norm.text
        hits = ctx.hits_in(self.cues.speech_verbs, lo, hi)
        if not hits:
            found, _span = self._attribution(ctx, lo, hi)
            return found
        start = hits[-1].end
        named = next((m for m in ctx.actors_in(start, start + 3) if m.nend <= hi), None)
        if named is not None:
            return named.text  # the speaker is a name the dictionary knows: exactly that name
        words = _words_from(ntext, start, hi, self.cues.attribution_max_words)
        stop = None
        for n, (w_s, w_e) in enumerate(words):
            word = ntext[w_s:w_e]
            if n >= self.cues.attribution_max_words or word in self.cues.attribution_stop \
                    or word in self.trigger_forms or word.lstrip("و") in self.trigger_forms:
                break
            stop = (words[0][0], w_e)
        if stop is None:
            return None
        s, e = ctx.norm.to_original(*stop)
        return ctx.text[s:e]

    # ------------------------------------------------------------------ one event
    def _finish(self, d: _Draft, ctx: DocContext, counts: tuple[Count, ...], clause_starts: list[tuple[int, bool]],
                main_place: PlaceMention | None = None, dateline: PlaceMention | None = None) -> Event:
        norm = ctx.norm
        trig = d.trigger.trigger
        rules = list(d.rules)
        breaks = _within(clause_starts, d.trigger.nend, d.window[1])
        if breaks:  # a clause that tells another action, or another subject's, ends what belongs to this event
            d.window = (d.window[0], breaks[0][0])
            rules.append("window:clause_break")
        after = norm.text[d.trigger.nend:d.window[1]]  # (a quick test in C before the word-by-word one)
        if any(w in after for w in self.cues.another_after) and any(
                norm.text[w_s:w_e] in self.cues.another_after
                for w_s, w_e in _words_from(norm.text, d.trigger.nend, d.window[1], 2)):
            rules.append("another_happening")  # غارة أخرى: not the strike told before
        s_start = min(s.start for s in d.sentences)
        s_end = max(s.end for s in d.sentences)
        attribution, att_span = self._attribution(ctx, s_start, s_end)
        if attribution:
            rules.append("attribution")

        # actors
        w_start, w_end = d.window
        first_sentence = d.sentences[0]
        count_spans = [(c.start, c.end) for c in ctx.counts_in(max(0, first_sentence.start - 1), s_end)]
        in_clause = [m for m in ctx.actors_in(w_start, w_end)
                     if not (att_span and att_span[0] <= m.nstart < att_span[1])
                     and not (m.actor.kind == "civilians" and any(cs <= m.nstart < ce for cs, ce in count_spans))]
        if trig.content:
            # civilians named in a call or an accusation (حماية المدنيين) are what it is about, not a party to it
            in_clause = [m for m in in_clause if m.actor.kind != "civilians"]
        else:
            # an organisation that only announces the figure or the happening is its source, not a party
            reporters = [m for m in in_clause if m.actor.kind in REPORTER_KINDS and m.nstart < d.trigger.nstart
                         and self._after_speech_verb(norm.text, m.nstart)]
            if reporters:
                in_clause = [m for m in in_clause if m not in reporters]
                if attribution is None:
                    attribution = reporters[0].text
                    rules.append("attribution:reporter")
        if not in_clause and trig.family in VIOLENT_FAMILIES and not d.fallback:
            # the actors of a battle are often named in the sentence before the one that gives its toll
            prev = self._previous_sentence_actors(ctx, d, count_spans)
            if prev:
                in_clause = prev
                rules.append("actors:previous_sentence")
        sentence_mentions = [m for m in ctx.actors_in(d.sentence.start, d.trigger.nstart)
                             if not self._is_victim(norm.text, m, count_spans)]
        if d.opens_clause and d.takes_subject and sentence_mentions and sentence_mentions[0] not in in_clause:
            # "… قبل أن يتوجه إلى بريطانيا": the clause goes on with the sentence's subject
            in_clause = [sentence_mentions[0], *in_clause]
            rules.append("actors:subject_of_sentence")
        actor1, actor2, others, role_rules = self._roles(in_clause, d, norm.text, trig, count_spans,
                                                         sentence_mentions)
        rules += role_rules
        my_counts = _drop_shadowed_vague(tuple(counts[i] for i in sorted(set(d.count_ids))))
        first_source = next((c.source_attribution for c in my_counts if c.parent is None and c.source_attribution), None)
        if first_source and first_source != attribution:
            attribution = first_source  # the event is told on the authority of whoever gives its first figure
            rules.append("attribution:first_figure")
        acled_type, acled_sub = trig.acled_event_type, trig.acled_sub_event_type
        if actor2 is None and acled_type in ("Battles", "Explosions/Remote violence", "Violence against civilians") \
                and _victims_civilian(my_counts):
            civ = self._civilians.get(ctx.country or "")
            if civ is not None and (actor1 is None or actor1.id != civ.id):
                actor2 = _actor_ref(civ, ())
                rules.append("actor2:civilian_victims")
        if acled_type == "Battles" and acled_sub == "Armed clash" and actor1 is not None \
                and actor1.kind in ("protesters", "rioters"):
            # demonstrators fighting the police: a riot, not a battle
            acled_type, acled_sub = "Riots", "Violent demonstration"
            rules.append("type:demonstrators_clash")
        if trig.id == "offensive" and actor2 is not None and actor2.kind == "civilians":
            acled_type, acled_sub = "Violence against civilians", "Attack"
            rules.append("type:civilian_target")
        if acled_sub == "territory":
            acled_sub = ("Government regains territory" if actor1 is not None and actor1.kind in ("state_forces", "government")
                         else "Non-state actor overtakes territory")

        # place
        location, loc_rule = self._location(d, ctx, s_start, s_end, main_place, dateline)
        if location is None and trig.plover == "CONSULT":
            location, loc_rule = self._host_country(ctx, s_start, s_end, actor1, actor2)
        if loc_rule:
            rules.append(loc_rule)

        # date
        # a date between two triggers belongs to the one before it ("يلتقي … الأسبوع المقبل، فيما دعت")
        date = self._date(ctx, d.sentence.start if d.window[0] == d.sentence.start else d.trigger.nstart, d.window[1],
                          running_total=bool(my_counts) and all(c.scope == "cumulative" for c in my_counts))
        if date.anchor != "unknown":
            rules.append(f"date:{date.anchor}")

        modality, mod_rule = self._modality(ctx, d, s_start)
        if mod_rule:
            rules.append(mod_rule)
        if modality != "planned" and ctx.published and date.end and date.end > ctx.published:
            # what is told as done (or as asked, denied …) happened by the day of the report: a call made "on the
            # occasion of Ramadan" is not dated after it; a date wholly after the report is not this event's
            if date.start and date.start > ctx.published:
                date = UNKNOWN_DATE
                rules.append("date:after_published_dropped")
            else:
                date = replace(date, end=ctx.published)
                rules.append("date:not_after_published")

        ev_s, ev_e = norm.to_original(s_start, _rstrip(norm.text, s_start, s_end))
        evidence = (Span(ev_s, ev_e),)
        trig_mention = Mention(id="", kind="trigger", text=ctx.text[d.trigger.start:d.trigger.end],
                               start=d.trigger.start, end=d.trigger.end, ref=trig.id)
        confidence = _confidence(trig.weight, d.fallback, actor1, actor2, location, loc_rule, my_counts, modality)
        return Event(id="", acled_event_type=acled_type, acled_sub_event_type=acled_sub, plover=trig.plover,
                     actor1=actor1, actor2=actor2, location=location, date=date, counts=my_counts,
                     modality=modality, source_attribution=attribution, evidence=evidence,
                     confidence=confidence, trigger=trig_mention, other_actors=others, rules=tuple(rules))

    @staticmethod
    def _is_victim(text: str, m: ActorMention, count_spans: Sequence[tuple[int, int]]) -> bool:
        """A name inside a toll (سبعة متظاهرين) or right after one (أربعة عناصر من قوات …) names the victims."""
        for cs, ce in count_spans:
            if cs <= m.nstart < ce:
                return True
            if ce <= m.nstart <= ce + 4 and text[ce:m.nstart].strip() in ("من", ""):
                return True
        return False

    def _roles(self, mentions: list[ActorMention], d: _Draft, text: str, trig: Trigger,
               count_spans: Sequence[tuple[int, int]] = (), sentence_mentions: Sequence[ActorMention] = ()
               ) -> tuple[ActorRef | None, ActorRef | None, tuple[ActorRef, ...], list[str]]:
        violent = trig.family in VIOLENT_FAMILIES
        groups: dict[str, list[ActorMention]] = {}
        order: list[str] = []
        targets: set[str] = set()
        between: list[str] = []
        allies: set[str] = set()  # in a violent event, named right after another side with و: on its side
        last_named: ActorMention | None = None
        for m in mentions:
            actor = self.actors.get(groups_key(m, violent, self.actors))
            if actor.id not in groups:
                groups[actor.id] = []
                order.append(actor.id)
            groups[actor.id].append(m)
            # (not "بين X وY", the two sides of a clash, even when the name of X begins after a word: بين قوات التحالف)
            coordinated = violent and last_named is not None and text[last_named.nend:m.nstart].strip() in ("", "و") \
                and not set(text[max(0, last_named.nstart - 16):last_named.nstart].split()[-2:]) & self.cues.between_words
            last_named = m
            if violent and self._is_victim(text, m, count_spans):
                targets.add(actor.id)
                continue
            if violent and (coordinated or phrase_before(text, m.nstart, self.cues.support_words, 3)) \
                    and groups_key(mentions[0], violent, self.actors) != actor.id:
                allies.add(actor.id)  # مقاتلات أمريكية وبريطانية: the British are no target of the Americans
            prev = text[max(0, m.nstart - 20):m.nstart].split()
            if prev and (prev[-1] in self.cues.target_words or (m.nstart > 0 and text[m.nstart - 1] != " "
                                                                and text[m.nstart - 1] == "ب")):
                if prev[-1] in self.cues.between_words:
                    if 0 <= len(text[d.trigger.nend:m.nstart].split()) <= 5:
                        between.append(actor.id)
                elif m.nstart > d.trigger.nstart:
                    targets.add(actor.id)
            elif prev and prev[-1] in self.cues.between_words \
                    and 0 <= len(text[d.trigger.nend:m.nstart].split()) <= 5:
                between.append(actor.id)
        if not order and not (trig.content and sentence_mentions):
            return None, None, (), []
        rules: list[str] = []
        if trig.content:
            # a speech act's speaker: right after the verb (VSO), else the nearest name before it; the rest
            # of its actors are those after it (whom it calls on, accuses, rejects)
            tpos, tend = d.trigger.nstart, d.trigger.nend
            after = [m for m in mentions if tend <= m.nstart <= tend + 12 and not text[tend:m.nstart].strip(" ,")]
            before = [m for m in mentions if m.nend <= tpos]
            speaker = after[0] if after else None
            if speaker is None and sentence_mentions:
                last = before[-1] if before else sentence_mentions[-1]
                gap_words = {w.lstrip("و") for w in text[last.nend:tpos].split()}
                if gap_words & RELATIVE_PRONOUNS or self._speech_between(text[last.nend:tpos]):
                    # الوزيرة التي قالت إن حكومتها تعمل على …: the name the relative clause or the report hangs on
                    speaker = last
                else:
                    # the verb's subject is dropped: the sentence's subject goes on (السراج … التقى … وطلب)
                    speaker = sentence_mentions[0]
            elif speaker is None and before:
                speaker = before[-1]
            if speaker is not None:
                sid = groups_key(speaker, violent, self.actors)
                if sid not in groups:
                    groups[sid] = [speaker]
                # whom it calls on, accuses, rejects: named close after it
                later = {groups_key(m, violent, self.actors) for m in mentions if tend <= m.nstart <= tend + 40}
                order = [sid] + [a for a in order if a != sid and a in later]
                targets.discard(sid)
                rules.append("roles:speaker")
        if between and len(order) >= 2:
            first = between[0]
            rest = [a for a in order if a != first]
            order = [first] + rest
            rules.append("roles:between")
        elif targets:
            non_targets = [a for a in order if a not in targets]
            tgt = [a for a in order if a in targets]
            order = non_targets[:1] + tgt + non_targets[1:]
            if non_targets:
                rules.append("roles:target_cue")
            else:
                rules.append("roles:target_only")
                refs = [self._ref(a, groups[a]) for a in tgt]
                return None, refs[0], tuple(refs[1:]), rules
        elif trig.subject_is_target:
            rules.append("roles:subject_is_target")
            refs = [self._ref(a, groups[a]) for a in order]
            return (refs[1] if len(refs) > 1 else None), refs[0], tuple(refs[2:]), rules
        else:
            rules.append("roles:order")
        if not between and len(order) > 1 and order[1] in allies:
            # an ally of the first side is none of its targets: the second side is the first actor that is not one
            # (or none), the allies go with the others
            rest = [a for a in order[1:] if a not in allies] + [a for a in order[1:] if a in allies]
            order = [order[0]] + rest
            rules.append("roles:allies")
            if rest[0] in allies:
                refs = [self._ref(a, groups[a]) for a in order]
                return refs[0], None, tuple(refs[1:]), rules
        refs = [self._ref(a, groups[a]) for a in order]
        return refs[0], (refs[1] if len(refs) > 1 else None), tuple(refs[2:]), rules

    def _speech_between(self, span: str) -> bool:
        return bool(self.cues.speech_verbs.find(span))

    def _after_speech_verb(self, text: str, pos: int) -> bool:
        before = " ".join(text[max(0, pos - 20):pos].split()[-2:])
        return any(h.end == len(before) for h in self.cues.speech_verbs.find(before))

    @staticmethod
    def _previous_sentence_actors(ctx: DocContext, d: _Draft, count_spans: list[tuple[int, int]]) -> list[ActorMention]:
        idx = d.sentence.index - 1
        if idx < 0:
            return []
        prev = ctx.seg.sentences[idx]
        if ctx.paragraph(prev) != ctx.paragraph(d.sentence):
            return []
        if any(prev.start <= th.nstart < prev.end and th.trigger.family not in VIOLENT_FAMILIES
               and th.trigger.family != "displacement" for th in ctx.triggers):
            return []  # the sentence before tells another kind of happening
        prev_counts = [(c.start, c.end) for c in ctx.counts_in(prev.start, prev.end)]
        return [m for m in ctx.actors_in(prev.start, prev.end) if m.actor.kind in ARMED_KINDS | {"person"}
                and not any(cs <= m.nstart < ce for cs, ce in prev_counts)]

    def _ref(self, actor_id: str, mentions: list[ActorMention]) -> ActorRef:
        return _actor_ref(self.actors.get(actor_id), tuple(f"@{m.start}:{m.end}" for m in mentions))

    def _location(self, d: _Draft, ctx: DocContext, s_start: int, s_end: int,
                  main_place: PlaceMention | None = None,
                  dateline: PlaceMention | None = None) -> tuple[LocationRef | None, str | None]:
        # the places of an event: from its trigger to the next one (from the sentence start for the first),
        # as for dates; a place between two triggers belongs to the one before it
        lo = d.sentence.start if d.window[0] == d.sentence.start else d.trigger.nstart
        cands = list(ctx.places_in(lo, d.window[1]))
        for x in d.sentences[1:]:
            cands += [p for p in ctx.places_in(x.start, x.end) if p not in cands]
        rule = "location:clause"
        if not cands:
            before_start = ctx.places_in(0, s_start)
            prev = [p for p in before_start[-8:] if p.nend <= s_start]
            if prev:
                prev_sent = ctx.seg.sentence_at(prev[-1].nstart)
                if ctx.paragraph(prev_sent) == ctx.paragraph(ctx.seg.sentence_at(s_start)) \
                        and prev_sent.index >= d.sentence.index - 1:
                    cands = [p for p in prev if prev_sent.start <= p.nstart]
                    rule = "location:previous_sentence"
        if not cands and d.trigger.trigger.family in PLACE_FALLBACK_FAMILIES:
            main = main_place
            if main is not None:
                cands = [main]
                rule = "location:document"
        if not cands:
            return None, None
        # the place a cue introduces (في، قرب، جنوب …) wins; then the most specific; then the nearest to the
        # trigger, after it before before it
        tpos = d.trigger.nstart

        def key(p: PlaceMention) -> tuple[int, int, int, int]:
            spec = SPECIFIC_FEATURES.get(p.place.feature, 3)
            cue = p.cue
            bonus = 0 if cue is None else (4 if cue == 1 else 2)
            return (-(spec + bonus), 0 if p.nstart >= tpos else 1, abs(p.nstart - tpos), p.nstart)

        best = sorted(cands, key=key)[0]
        if best.place.feature in ("admin1", "region", "country") and dateline is not None \
                and dateline.place.id != best.place.id and self._inside(dateline.place.id, best.place.id):
            # "سنجار - … غربي محافظة نينوى": the dateline names the town inside the region the clause names
            best = dateline
            rule = "location:dateline_within"
        mids = tuple(f"@{p.start}:{p.end}" for p in cands if p.place.id == best.place.id)
        return _location_ref(best.place, _geo_precision(best), mids), rule

    @staticmethod
    def _coordinated_places(ctx: DocContext, d: _Draft, ev: Event) -> list[LocationRef]:
        """Places of the same kind named together with the event's own in the clause of a violent happening told
        as an incident (غارات على صنعاء والحديدة، سيطرت على صبراتة وصرمان): each the place of an event of its own."""
        if ev.location is None or "location:clause" not in ev.rules or d.trigger.trigger.family not in VIOLENT_FAMILIES \
                or any(c.scope == "cumulative" for c in ev.counts):
            return []  # (a running toll, a displacement or an aid delivery over several places is one figure)
        text = ctx.norm.text
        here = ctx.places_in(d.window[0], d.window[1])
        start = next((k for k, m in enumerate(here) if m.place.id == ev.location.id), None)
        if start is None:
            return []
        rank = SPECIFIC_FEATURES.get(here[start].place.feature, 3)
        out: list[LocationRef] = []
        seen = {ev.location.id}
        prev = here[start]
        for m in here[start + 1:]:
            if text[prev.nend:m.nstart].strip(" ,") not in ("", "و") \
                    or SPECIFIC_FEATURES.get(m.place.feature, 3) != rank:
                break
            if m.place.id not in seen:
                seen.add(m.place.id)
                out.append(_location_ref(m.place, _geo_precision(m), (f"@{m.start}:{m.end}",)))
            prev = m
        return out

    def _host_country(self, ctx: DocContext, s_start: int, s_end: int, visitor: ActorRef | None,
                      host: ActorRef | None) -> tuple[LocationRef | None, str | None]:
        """A meeting on a trip abroad (في جولة آسيوية اجتمع خلالها بالرئيس الصيني) whose clause names no place,
        when the visitor comes from another country than the one met: the place of the host's country the
        sentence names (يزور بلينكن أنقرة، حيث يلتقي نظيره التركي → Ankara), else that country itself."""
        if visitor is None or host is None or not visitor.country or not host.country \
                or visitor.country == host.country or not ctx.hits_in(self.cues.visit_abroad, s_start, s_end):
            return None, None
        named = [m for m in ctx.places_in(s_start, s_end) if m.place.country == host.country]
        if named:
            m = max(named, key=lambda m: (SPECIFIC_FEATURES.get(m.place.feature, 3), -m.nstart))
            return _location_ref(m.place, _geo_precision(m), (f"@{m.start}:{m.end}",)), "location:host_country"
        country = self.gazetteer.country_place(host.country)
        if country is None:
            return None, None
        return _location_ref(country, 3, ()), "location:host_country"

    @staticmethod
    def _main_place(ctx: DocContext) -> PlaceMention | None:
        """The document's main place: the sub-national place of its country named most often (first on ties)."""
        tally: dict[str, list[PlaceMention]] = {}
        for p in ctx.places:
            if p.place.feature in ("country", "region") or p.place.metonym:
                continue
            if ctx.country and p.place.country != ctx.country:
                continue
            tally.setdefault(p.place.id, []).append(p)
        if not tally:
            return None
        best = max(tally.values(), key=lambda ms: (len(ms), -ms[0].nstart))
        return best[0]

    @staticmethod
    def _date(ctx: DocContext, s_start: int, s_end: int, running_total: bool = False) -> EventDate:
        # a point in time first; else a span that ends now (الحصار المفروض منذ قرابة شهر). "منذ 7 أكتوبر" dates the
        # campaign a running toll counts from, not the toll: never the event's date — nor, for a running total,
        # a day named a few words after منذ (منذ اندلاعها في الرابع من أبريل)
        text = ctx.norm.text
        in_span = [dm for dm in ctx.dates_in(s_start, s_end)
                   if (dm.kind == "point" or (dm.kind == "duration" and dm.date_start))
                   and not (running_total and "منذ" in text[max(s_start, dm.start - 30):dm.start].split()[-4:])]
        if not in_span:
            return UNKNOWN_DATE
        dm = min(in_span, key=lambda x: (x.kind != "point", x.start))
        s, e = ctx.norm.to_original(dm.start, dm.end)
        return EventDate(start=dm.date_start, end=dm.date_end,
                         precision=dm.precision if dm.date_start else "unknown",  # type: ignore[arg-type]
                         anchor=dm.anchor if dm.date_start else "unknown",  # type: ignore[arg-type]
                         text=ctx.text[s:e], span=Span(s, e))

    def _modality(self, ctx: DocContext, d: _Draft, s_start: int) -> tuple[str, str | None]:
        text = ctx.norm.text
        trig = d.trigger
        if d.fallback:
            pass
        elif trig.trigger.plover == "REQUEST":
            return "called_for", "modality:request_trigger"
        elif trig.prefix.endswith("س") or trig.phrase in self.cues.planned_triggers:
            return "planned", "modality:planned_form"
        found: dict[str, int] = {}
        for hit in ctx.hits_in(self.cues.modality, s_start, trig.nstart):
            cue = hit.payloads[0]
            words_after_cue = len(text[hit.end:trig.nstart].split())
            if words_after_cue > cue.window:
                continue
            if cue.exceptions and _is_exception(text, hit, cue.exceptions):
                continue
            if trig.trigger.content and cue.modality in ("called_for", "reported"):
                continue
            found.setdefault(cue.modality, words_after_cue)
        for name in self.cues.modality_order:
            if name in found:
                return name, f"modality:{name}_cue"
        return "asserted", None

    def _attribution(self, ctx: DocContext, s_start: int, s_end: int,
                     introducers_only: bool = False) -> tuple[str | None, tuple[int, int] | None]:
        ntext, text, norm = ctx.norm.text, ctx.text, ctx.norm
        for hit in ctx.hits_in(self.cues.introducers, s_start, s_end):
            start = hit.end
            while start < s_end and ntext[start] == " ":
                start += 1
            stop = start
            for n, word in enumerate(_words_from(ntext, start, s_end, self.cues.attribution_max_words)):
                w_s, w_e = word
                if n >= self.cues.attribution_max_words or ntext[w_s:w_e] in self.cues.attribution_stop:
                    break
                stop = w_e
                if w_e < s_end and ntext[w_e] in ",.;:\"()\n":
                    break
            if stop > start:
                s, e = norm.to_original(start, stop)
                return text[s:e], (hit.word_start, stop)
        if introducers_only:
            return None, None
        for hit in ctx.hits_in(self.cues.sources, s_start, s_end):
            s, e = norm.to_original(hit.word_start, hit.end)
            return text[s:e], (hit.word_start, hit.end)
        return None, None


def _geo_precision(m: PlaceMention) -> int:
    """ACLED's geo precision of a place mention: its cue's (في 1, قرب 2 …), at least 2 for a province and 3 for a
    region or a country."""
    feature = m.place.feature
    if feature == "country":
        return 3
    if feature in ("admin1", "region"):
        return max(m.cue or 1, 3 if feature == "region" else 2)
    return m.cue or 1


def _location_ref(p: Place, precision: int, mentions: tuple[str, ...]) -> LocationRef:
    return LocationRef(id=p.id, name_en=p.name_en, name_ar=p.name_ar, country=p.country, admin1=p.admin1,
                       lat=p.lat, lon=p.lon, geo_precision=precision, feature=p.feature, mentions=mentions)


def _is_exception(text: str, hit: Hit[ModalityCue], exceptions: tuple[str, ...]) -> bool:
    """The cue's word starts one of the cue's exceptions, read from the word's start after any و or ف (كما
    and ما أدى start like the negation ما; وكما too)."""
    start = hit.word_start
    while not any(text.startswith(x, start) for x in exceptions):
        if start >= hit.start or text[start] not in "وف":
            return False
        start += 1
    return True


def groups_key(m: ActorMention, violent: bool, actors: ActorDictionary) -> str:
    if violent and m.actor.kind == "person" and m.actor.affiliation:
        return actors.get(m.actor.affiliation).id
    return m.actor.id


def _actor_ref(actor: Actor, mentions: tuple[str, ...]) -> ActorRef:
    return ActorRef(id=actor.id, name_en=actor.name_en, name_ar=actor.name_ar, kind=actor.kind,
                    country=actor.country, affiliation=actor.affiliation, mentions=mentions)


def _dateline(ctx: DocContext) -> PlaceMention | None:
    """The place of a wire report's dateline ("نيالا - أعلن …"): a place name opening a line, right before a
    dash."""
    text = ctx.norm.text
    for p in ctx.places_in(0, min(len(text), 400)):
        if is_dateline(text, p.nstart, p.nend):
            return p
    return None


def _victims_civilian(counts: Sequence[Count]) -> bool:
    """The victims are civilians when the event's top-level figures of people killed or wounded say so
    (27 مدنيا بينهم 10 أطفال، وأصيب العشرات), not when civilians are only a part of a larger toll."""
    top = [c for c in counts if c.parent is None and c.kind in ("killed", "wounded", "abducted", "missing")]
    return any(c.who in CIVILIAN_WHO for c in top) and not any(c.who in ("fighters", "police") for c in top) \
        and not any(c.who == "total" and c.qualifier != "vague" and c.kind == "killed" for c in top)


def _drop_shadowed_vague(counts: tuple[Count, ...]) -> tuple[Count, ...]:
    """A vague quantity (عشرات القتلى) counts only when it is the event's only figure of that kind (ACLED's rule,
    FORMAT.md); the document's count list keeps it."""
    exact_kinds = {c.kind for c in counts if c.qualifier != "vague"}
    return tuple(c for c in counts if c.qualifier != "vague" or c.kind not in exact_kinds)


def _set_windows(drafts: list[_Draft], sent: Sentence) -> None:
    """The actors of one event stand between the trigger before it and the trigger after it."""
    drafts.sort(key=lambda d: d.trigger.nstart)
    for i, d in enumerate(drafts):
        # a trigger that opens a clause of its own takes nothing from the clause before it
        lo = sent.start if i == 0 else (d.trigger.nstart if d.opens_clause else drafts[i - 1].trigger.nend)
        hi = drafts[i + 1].trigger.nstart if i + 1 < len(drafts) else sent.end
        d.window = (lo, hi)


def _within(starts: list[tuple[int, bool]], lo: int, hi: int) -> list[tuple[int, bool]]:
    """The clause starts in [lo, hi), from the document's sorted list."""
    return starts[bisect_left(starts, (lo, False)):bisect_left(starts, (hi, False))]


def _definite(th: TriggerHit, forms: frozenset[str]) -> bool:
    """A trigger noun written with the article (الغارة، القصف): usually a reference back to a happening
    already told. The article is either a proclitic before the listed form, or the listed form carries it and
    the bare noun is a form too (القصف/قصف) — التقى is a verb, not ال + تقى."""
    if th.prefix.endswith("ال") or th.prefix.endswith("لل"):
        return True
    return th.phrase.startswith("ال") and th.phrase[2:] in forms


def _scopes_fit(d: _Draft, counts: Sequence[CountMatch], cm: CountMatch) -> bool:
    """A count from a later sentence joins an event only if the event has no figure of its kind and scope,
    and no figure of another scope: a day's toll and the campaign's running toll are two events."""
    own = [counts[i] for i in d.count_ids if counts[i].parent is None]
    if any(c.kind == cm.kind and c.scope == cm.scope for c in own):
        return False
    return all(c.scope == cm.scope for c in own)


def _words_from(text: str, start: int, end: int, limit: int) -> list[tuple[int, int]]:
    """Spans of the first `limit` space-separated words of text[start:end], punctuation-trimmed; stops at a
    clause mark."""
    out: list[tuple[int, int]] = []
    i = start
    while i < end and len(out) < limit:
        while i < end and text[i] == " ":
            i += 1
        if i >= end or text[i] in ",.;:\"()\n":
            break
        j = i
        while j < end and text[j] not in " ,.;:\"()\n":
            j += 1
        out.append((i, j))
        i = j
        if i < end and text[i] != " ":
            break
    return out


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;"):
        end -= 1
    return end


def _paragraph_ids(text: str, sentences: Sequence[Sentence]) -> list[int]:
    out: list[int] = []
    para = 0
    last = 0
    for s in sentences:
        para += text.count("\n", last, s.start)
        last = s.start
        out.append(para)
    return out


def _confidence(weight: float, fallback: bool, a1: ActorRef | None, a2: ActorRef | None,
                loc: LocationRef | None, loc_rule: str | None, counts: Sequence[Count], modality: str) -> float:
    c = weight * (0.55 if fallback else 0.75)
    if a1 is not None:
        c += 0.08
    if a2 is not None:
        c += 0.04
    if loc is not None:
        c += {"location:clause": 0.08, "location:previous_sentence": 0.03}.get(loc_rule or "", 0.0)
    if counts:
        c += 0.05
    if modality in ("reported",):
        c -= 0.05
    return max(0.05, min(0.99, c))


def _counts_clash(a: Event, b: Event) -> bool:
    """Both give an incident figure of the same kind and group, with different values, or one gives only
    incident figures and the other only running totals: two happenings (a day's clash, a campaign's toll)."""
    # a vague figure (عشرات القتلى) retells a toll loosely: it never tells two happenings apart
    inc_a = {(c.kind, c.who): c.value for c in a.counts
             if c.scope == "incident" and c.parent is None and c.qualifier != "vague"}
    inc_b = {(c.kind, c.who): c.value for c in b.counts
             if c.scope == "incident" and c.parent is None and c.qualifier != "vague"}
    if any(k in inc_b and inc_b[k] != v for k, v in inc_a.items()):
        return True
    scopes_a = {c.scope for c in a.counts}
    scopes_b = {c.scope for c in b.counts}
    return len(scopes_a) == 1 and len(scopes_b) == 1 and scopes_a != scopes_b


def _same_kind(a: Event, b: Event) -> bool:
    return (a.acled_event_type, a.acled_sub_event_type, a.plover, a.modality) == \
        (b.acled_event_type, b.acled_sub_event_type, b.plover, b.modality)


def _actors_agree(a: Event, b: Event) -> bool:
    ids_a = {x.id for x in (a.actor1, a.actor2) if x}
    ids_b = {x.id for x in (b.actor1, b.actor2) if x}
    return not ids_a or not ids_b or bool(ids_a & ids_b)


def _dates_agree(a: Event, b: Event) -> bool:
    return a.date.start is None or b.date.start is None or a.date.start == b.date.start


def _merge_two(prev: Event, ev: Event, location: LocationRef | None) -> Event:
    actor2 = prev.actor2
    if actor2 is None and ev.actor2 is not None and (prev.actor1 is None or ev.actor2.id != prev.actor1.id):
        actor2 = ev.actor2
    if actor2 is None and prev.actor1 is not None and ev.actor1 is not None and ev.actor1.id != prev.actor1.id:
        actor2 = ev.actor1
    return replace(
        prev,
        actor1=prev.actor1 or ev.actor1,
        actor2=actor2,
        location=location,
        date=prev.date if prev.date.start else ev.date,
        counts=prev.counts + tuple(c for c in ev.counts if c not in prev.counts),
        evidence=prev.evidence + tuple(s for s in ev.evidence if s not in prev.evidence),
        source_attribution=prev.source_attribution or ev.source_attribution,
        confidence=min(0.99, max(prev.confidence, ev.confidence) + 0.02),
        rules=prev.rules + ("merged",),
    )


def _continues(prev: Event, ev: Event) -> bool:
    """`ev`, placed only by the sentence before, goes on telling `prev` (انسحبت القوات الحكومية … من غريان. وتفيد
    أنباء بأن البلدة باتت في قبضة خصومها): same kind of happening, actors that do not contradict."""
    if (prev.acled_event_type, prev.plover) != (ev.acled_event_type, ev.plover) or prev.acled_event_type is None:
        return False
    if prev.location is None or ev.location is None or prev.location.id != ev.location.id:
        return False
    if _counts_clash(prev, ev):
        return False
    a_prev = [x.id for x in (prev.actor1, prev.actor2) if x]
    return not (ev.actor1 and ev.actor1.id in a_prev[1:] and prev.actor1 and prev.actor1.id != ev.actor1.id)


MODALITY_STRENGTH = {"asserted": 0, "reported": 1, "planned": 2, "called_for": 2, "negated": 3, "denied": 3}


def _continue(prev: Event, ev: Event) -> Event:
    actor1 = prev.actor1 or ev.actor1
    actor2 = prev.actor2
    if prev.actor1 is None and ev.actor1 is not None and prev.actor2 is not None:
        actor1, actor2 = ev.actor1, prev.actor2
    elif actor2 is None and ev.actor1 is not None and (actor1 is None or ev.actor1.id != actor1.id):
        actor2 = ev.actor1
    sub = prev.acled_sub_event_type
    if sub in ("Government regains territory", "Non-state actor overtakes territory") and actor1 is not None:
        sub = ("Government regains territory" if actor1.kind in ("state_forces", "government")
               else "Non-state actor overtakes territory")
    modality = max(prev.modality, ev.modality, key=lambda m: MODALITY_STRENGTH.get(m, 0))
    return replace(prev, actor1=actor1, actor2=actor2, acled_sub_event_type=sub, modality=modality,
                   counts=prev.counts + tuple(c for c in ev.counts if c not in prev.counts),
                   evidence=prev.evidence + tuple(s for s in ev.evidence if s not in prev.evidence),
                   source_attribution=prev.source_attribution or ev.source_attribution,
                   rules=prev.rules + ("continued",))


def merge_same(events: list[Event], related: Callable[[str, str], bool],
               merged_into: list[int] | None = None) -> list[Event]:
    """Merge events that tell the same happening: same type and modality, agreeing actors and dates, places
    that are the same or one inside the other (a district and its city; `related` decides), and counts that
    do not give two different incident figures of the same kind. A report names its battle many times. An
    event told as another one (غارة أخرى) merges into none before it. `merged_into`, when given, receives for
    each input event the index of the output event it became part of."""
    out: list[Event] = []
    where = merged_into if merged_into is not None else []
    for ev in events:
        if "another_happening" in ev.rules:
            out.append(ev)
            where.append(len(out) - 1)
            continue
        if out and "location:previous_sentence" in ev.rules and _continues(out[-1], ev):
            out[-1] = _continue(out[-1], ev)
            where.append(len(out) - 1)
            continue
        target = None
        loc: LocationRef | None = None
        for i, prev in enumerate(out):
            if not _same_kind(prev, ev) or not _actors_agree(prev, ev) or not _dates_agree(prev, ev):
                continue
            if _counts_clash(prev, ev):
                continue
            if prev.location is None or ev.location is None:
                if prev.acled_event_type is None and (prev.location or ev.location):
                    continue  # two meetings, one placed and one not, are not evidently one
                loc = prev.location or ev.location
            elif prev.location.id == ev.location.id or related(ev.location.id, prev.location.id):
                loc = prev.location
            elif related(prev.location.id, ev.location.id):
                loc = ev.location  # keep the more specific place
            else:
                continue
            target = i
            break
        if target is None:
            out.append(ev)
            where.append(len(out) - 1)
        else:
            out[target] = _merge_two(out[target], ev, loc)
            where.append(target)
    return out

"""Drafts events from a document's sentences and clauses: one draft per trigger family in each clause, the
counts attached to the draft that accepts their kind, a draft of its own for a count that finds none."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from .. import budget
from ..recognize.counts import CountMatch
from ..recognize.matcher import phrase_before
from ..resources.lexicon import CueLexicon, Trigger
from ..text.segment import Sentence
from .background import BackgroundResolver
from .context import CIVILIAN_WHO, DocContext, Draft, TriggerHit, within
from .happenings import incident_breaks, owner_in_sentence
from .rules import DraftRule

PRELUDE_WORDS = 5  # words that may stand between "after" and the fighting it names (بعد أربعة أيام من المعارك)


class Drafter:
    """Makes the drafts of one document, sentence by sentence, in text order."""

    def __init__(self, cues: CueLexicon, trigger_forms: frozenset[str]) -> None:
        self.cues = cues
        self.trigger_forms = trigger_forms
        self.background = BackgroundResolver(cues)

    def draft(self, ctx: DocContext, fallback_trigger: dict[str, Trigger],
              clause_starts: list[tuple[int, bool]]) -> list[Draft]:
        """The drafts of the document, with their counts, in the order they were made."""
        seg, text = ctx.seg, ctx.norm.text
        by_sentence: dict[int, list[TriggerHit]] = {}
        for th in ctx.triggers:
            by_sentence.setdefault(seg.sentence_at(th.nstart).index, []).append(th)
        counts_by_sentence: dict[int, list[int]] = {}
        for ci, cm in enumerate(ctx.counts):
            counts_by_sentence.setdefault(seg.sentence_at(cm.start).index, []).append(ci)
        drafts: list[Draft] = []
        for sent in seg.sentences:
            budget.check("event drafts")
            hits = self.live_triggers(text, sent, by_sentence.get(sent.index, []), ctx,
                                      [pos for pos, _ in within(clause_starts, sent.start, sent.end)])
            breaks = sorted([*within(clause_starts, sent.start, sent.end), *incident_breaks(ctx, sent, hits)])
            past = frozenset(th.nstart for th in hits if self.told_as_past(text, sent, th))
            sdrafts = family_drafts(hits, sent, ctx.paragraph_of(sent.index), breaks, past)
            self._fold_preludes(ctx, sdrafts)
            drafts.extend(sdrafts)
            for ci in counts_by_sentence.get(sent.index, []):
                self._attach_count(ci, sent, (drafts, sdrafts), ctx, fallback_trigger, breaks)
            self._fold_anaphors(text, sent, drafts, sdrafts)
            self._drop_history(ctx, sent, drafts, sdrafts)
            set_windows([x for x in sdrafts if not x.fallback], sent)
        return drafts

    def _attach_count(self, ci: int, sent: Sentence, made: tuple[list[Draft], list[Draft]], ctx: DocContext,
                      fallback_trigger: dict[str, Trigger], breaks: Sequence[tuple[int, bool]]) -> None:
        """Gives count `ci` to the draft it belongs to: its parent's, the one of its sentence (and clause) that
        accepts its kind, one of the two sentences before in the paragraph, or a fallback draft of its own.
        `made` holds the document's drafts so far and those of this sentence."""
        drafts, sdrafts = made
        cm = ctx.counts[ci]
        if cm.parent is not None:
            parent_owner = next((d for d in drafts if cm.parent in d.count_ids), None)
            if parent_owner is not None:
                parent_owner.count_ids.append(ci)
                return
        paragraph = ctx.paragraph_of(sent.index)
        target = owner_in_sentence(ctx, sdrafts, cm, breaks)
        # (منذ اندلاع الحرب names the war too: its span is matched as one cue)
        war = target is None and cm.scope == "cumulative" and any(WAR_LABELS & set(h.payloads) for h in ctx.hits_in(
            self.cues.background, sent.start, sent.end))
        if target is None and not war:
            # (a war's running toll is none of the happenings told before it: اندلعت اشتباكات في المدينة. وخلّفت
            # الحرب 15 ألف قتيل)
            target = _recent_taker(drafts, sent.index - 2, paragraph, cm, ctx)
            if target is not None:
                target.sentences.append(sent)
                target.rules.append(DraftRule.COUNTS_FROM_NEXT_SENTENCE._value_)
        if target is None:
            target = fallback_draft(cm, sent, paragraph, ctx, fallback_trigger, war=war)
            drafts.append(target)
            sdrafts.append(target)
        target.count_ids.append(ci)

    def _fold_preludes(self, ctx: DocContext, sdrafts: list[Draft]) -> None:
        """Fighting told as what led to the taking of ground in its sentence (سيطرت على المدينة بعد أربعة أيام من
        المعارك، بعد حصار استمر أسابيع دخلت القوات البلدة) is part of that taking: one event, not two."""
        taking = next((d for d in sdrafts if d.trigger.trigger.family == "territory"
                       and d.trigger.trigger.acled_event_type == "Battles"), None)
        if taking is None:
            return
        text = ctx.norm.text
        for dr in list(sdrafts):
            trig = dr.trigger.trigger
            if not (trig.family == "siege" or (trig.family == "violence" and trig.acled_event_type == "Battles")):
                continue
            lo = max(dr.sentence.start, dr.trigger.nstart - 60)
            if any("after" in h.payloads and text.count(" ", h.end, dr.trigger.nstart) <= PRELUDE_WORDS
                   for h in ctx.hits_in(self.cues.background, lo, dr.trigger.nstart)):
                taking.rules.append(DraftRule.PRELUDE._value_ + trig.id)
                sdrafts.remove(dr)

    def _drop_history(self, ctx: DocContext, sent: Sentence, drafts: list[Draft], sdrafts: list[Draft]) -> None:
        """A happening recalled with its toll and a date long before the report is history (background.py
        history_toll): its draft goes, and its figures with it."""
        live = [d for d in sdrafts if not d.fallback]
        told = ctx.triggers_starting_in(sent.start, sent.end)
        for dr in live:
            # (the sentence's other happenings, told or not: the date of a relative clause is its own, قصف على البلدة
            # التي سيطرت عليها الفصائل العام الماضي; words of the draft's family are its own, الهجوم … الذي قتل فيه)
            others = [x.trigger for x in live if x is not dr] \
                + [th for th in told if th.trigger.family != dr.trigger.trigger.family]
            if self.background.history_toll(ctx, sent, dr.trigger, others, [ctx.counts[i] for i in dr.count_ids]):
                _remove_last(drafts, dr)
                _remove_last(sdrafts, dr)

    def _fold_anaphors(self, text: str, sent: Sentence, drafts: list[Draft], sdrafts: list[Draft]) -> None:
        """A definite trigger with no figure (الغارة) refers back to the happening of its family told before:
        its sentence joins that event instead of making one."""
        for dr in list(sdrafts):
            # (the figures an accusation holds go with it: الاتهامات … باحتجاز 200 شخص)
            if (dr.count_ids and not dr.trigger.trigger.content) or dr.fallback \
                    or not definite(dr.trigger, self.trigger_forms) or self.renewed(text, sent, dr.trigger):
                continue
            # (the happening told before: in an earlier sentence, or in an earlier clause of this one)
            earlier = next((x for x in reversed(drafts) if x is not dr
                            and (x.sentence.index < sent.index or x.trigger.nstart < dr.trigger.nstart)
                            and x.trigger.trigger.family == dr.trigger.trigger.family), None)
            if earlier is not None and dr.trigger.trigger.content and earlier.sentence.index < sent.index - 1:
                continue  # (a statement refers back to one told right before it: تبادل الطرفان الاتهام is another)
            if earlier is not None:
                earlier.count_ids.extend(dr.count_ids)
                earlier.sentences.append(sent)
                earlier.rules.append(DraftRule.ANAPHOR._value_ + dr.trigger.trigger.id)
                _remove_last(drafts, dr)
                _remove_last(sdrafts, dr)

    def live_triggers(self, text: str, sent: Sentence, hits: list[TriggerHit], ctx: DocContext,
                      clause_starts: Sequence[int] = ()) -> list[TriggerHit]:
        """Triggers that name a happening: not the object of 'stop/end …', not inside a speech act's clause
        (`clause_starts`: where the sentence's later clauses start)."""
        live: list[TriggerHit] = []
        content_seen, content_end, denied = False, sent.end, False
        count_kinds = {c.kind for c in ctx.counts_in(sent.start, sent.end)}
        opinion = [h.end for h in ctx.hits_in(self.cues.opinion_openers, sent.start, sent.end)]
        ordered = sorted(hits, key=lambda h: h.nstart)
        for k, th in enumerate(ordered):
            clause_end = next((pos for pos in clause_starts if pos > th.nstart), sent.end)
            # (read before the trigger's word: its article is no word of its own, لوقف القتال)
            if phrase_before(text, th.nstart - len(th.prefix), self.cues.suppress_before, 2, lo=sent.start):
                continue
            if opinion and opinion[0] <= th.nstart and not (th.trigger.counts & count_kinds):
                continue  # ويرى محللون أن لا مخرج غير … الحوار: what observers think, not what happened
            if self.background.told(ctx, sent, th, ordered[:k]):
                # history, a habit, a fear, a relative or purpose clause, an alleged crime (background.py); what a
                # speech act told as background says is no happening either (مظاهرات تطالب بإسقاط الحكومة)
                if th.trigger.content:
                    content_seen, content_end = True, clause_end
                continue
            if any(c.kind not in th.trigger.counts for c in ctx.counts_holding(th.nstart)):
                continue  # "قتل 14 نازحا": the word names the victims of another toll, not a happening of its own
            if th.trigger.family == "reject" and (denied or any(
                    not x.trigger.content and x.nstart < min(clause_end, self._next_report(ctx, th.nend, sent.end))
                    for x in ordered[k + 1:])):
                # نفى الجيش أن تكون قواته قد أطلقت النار: what is coded is the denied happening (modality
                # "denied", from the cue), not a separate act of denial, nor the denial said again (واصفا
                # التقارير بأنها عارية عن الصحة) — a happening of a later clause (… لم تتدخل في البلدة، فيما قتل
                # عشرة مدنيين), or one another speaker reports after it (… حيث أفاد المرصد أن …), is no part of it
                denied = True
                continue
            # (what a speech act says ends at its clause: … ، فيما اندلعت اشتباكات is a happening of its own)
            content_seen = content_seen and th.nstart < content_end
            if content_seen and not (th.trigger.counts & count_kinds) and not th.trigger.content \
                    and not self.told_as_past(text, sent, th):
                continue  # what the speech act calls for, denies or condemns — unless told as past (منذ سقوطها)
            live.append(th)
            if th.trigger.content:  # (… and another speaker's report after it: وذكرت مصادر أن … is no part of it)
                content_seen, content_end = True, min(clause_end, self._next_report(ctx, th.nend, sent.end))
        return live

    def _next_report(self, ctx: DocContext, lo: int, hi: int) -> int:
        """Where the first speech verb in [lo, hi) that opens a report of its own starts (أفاد المرصد أن …: a that-word
        after its subject), else `hi`: what follows is another speaker's word."""
        text = ctx.norm.text
        for h in ctx.hits_in(self.cues.speech_verbs, lo, hi):
            if any(w in self.cues.that_words for w in text[h.end:hi].split()[:self.cues.attribution_max_words + 1]):
                return h.start
        return hi

    def renewed(self, text: str, sent: Sentence, th: TriggerHit) -> bool:
        """A trigger right after a word of renewal or outbreak (تجدد القصف، استؤنف القتال): a happening of its own."""
        return phrase_before(text, th.nstart - len(th.prefix), self.cues.another_before, 1,
                             lo=sent.start, proclitics="وف")

    def told_as_past(self, text: str, sent: Sentence, th: TriggerHit) -> bool:
        """A trigger right after منذ: a past happening of its own, in a clause of its own."""
        return phrase_before(text, th.nstart, self.cues.happened_before, 1, lo=sent.start)


# the background cues that name the war a running toll belongs to
WAR_LABELS = frozenset({"war", "war_span"})


def family_drafts(hits: list[TriggerHit], sent: Sentence, paragraph: int,
                  breaks: Sequence[tuple[int, bool]] = (), past: frozenset[int] = frozenset()) -> list[Draft]:
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
    drafts = [Draft(trigger=th, sentence=sent, paragraph=paragraph, sentences=[sent],
                    rules=[DraftRule.TRIGGER._value_ + th.trigger.id],
                    opens_clause=k > 0 and clause > chosen[k - 1][0][1],
                    takes_subject=clause == 0 or starts[clause - 1] not in own_subject,
                    clause_start=starts[clause - 1] if clause else -1)
              for k, ((_family, clause), th) in enumerate(chosen)]
    set_windows(drafts, sent)
    return drafts


def _remove_last(drafts: list[Draft], dr: Draft) -> None:
    """Removes `dr` itself from the list, looked for from the end (where the drafts of this sentence are)."""
    for k in range(len(drafts) - 1, -1, -1):
        if drafts[k] is dr:
            del drafts[k]
            return


class _ViolentTriggers:
    """The document's triggers of violence, where they start, and for each the one of highest priority up to
    it (the latest among equals), found once per document instead of once per toll."""

    def __init__(self, triggers: Sequence[TriggerHit]) -> None:
        hits = [th for th in triggers if th.trigger.family == "violence"]
        self.starts = [th.nstart for th in hits]
        self.best_up_to: list[TriggerHit] = []
        for th in hits:
            top = self.best_up_to[-1] if self.best_up_to else None
            self.best_up_to.append(th if top is None or th.trigger.priority >= top.trigger.priority else top)
        # over all of them: the first of the highest priority
        self.best = max(hits, key=lambda h: h.trigger.priority) if hits else None


def fallback_draft(cm: CountMatch, sent: Sentence, paragraph: int, ctx: DocContext,
                   fallback_trigger: dict[str, Trigger], war: bool = False) -> Draft:
    """The draft of a count that no trigger's event takes: named by the violence told before it, or by the
    lexicon's fallback trigger for its kind; a running toll of a war (`war`: خلّف النزاع نحو 400 ألف قتيل)
    is the war's, not the latest strike's."""
    kind = cm.kind
    if war and kind in ("killed", "wounded", "missing"):
        key = "civilians" if cm.who in CIVILIAN_WHO else "killed"
        trig, rule = fallback_trigger[key], DraftRule.FALLBACK._value_ + "war"
    elif kind in ("killed", "wounded", "missing", "affected", "sick"):
        violent = ctx.memo("violent triggers", lambda: _ViolentTriggers(ctx.triggers))
        n_before = bisect_left(violent.starts, cm.start)
        if n_before:
            # a toll with no trigger of its own is the toll of the violence told before it: the most
            # specific kind named (a strike over the "aggression" it belongs to), the latest among equals
            trig = violent.best_up_to[n_before - 1].trigger
            rule = DraftRule.FALLBACK_PREVIOUS_TRIGGER._value_ + trig.id
        elif violent.best is not None:
            trig = violent.best.trigger
            rule = DraftRule.FALLBACK_DOCUMENT_TRIGGER._value_ + trig.id
        else:
            key = "civilians" if cm.who in CIVILIAN_WHO else "killed"
            trig = fallback_trigger[key]
            rule = DraftRule.FALLBACK._value_ + key
    else:
        trig = fallback_trigger[kind]
        rule = DraftRule.FALLBACK._value_ + kind
    s, e = ctx.norm.to_original(cm.start, cm.end)
    th = TriggerHit(nstart=cm.start, nend=cm.end, prefix="", phrase=cm.text, trigger=trig, start=s, end=e)
    return Draft(trigger=th, sentence=sent, paragraph=paragraph, sentences=[sent], window=(sent.start, sent.end),
                 rules=[rule], fallback=True)


def set_windows(drafts: list[Draft], sent: Sentence) -> None:
    """The actors of one event stand between the trigger before it and the trigger after it."""
    drafts.sort(key=lambda d: d.trigger.nstart)
    for i, d in enumerate(drafts):
        # a trigger that opens a clause of its own takes nothing from the clause before it, but its clause's
        # words before it (… في حين أكدت مصادر في الجيش أن قواته انسحبت: the subject of the verb after أن)
        lo = sent.start if i == 0 else drafts[i - 1].trigger.nend
        if i and d.opens_clause:
            lo = max(lo, min(d.clause_start, d.trigger.nstart)) if d.clause_start >= 0 else d.trigger.nstart
        hi = drafts[i + 1].trigger.nstart if i + 1 < len(drafts) else sent.end
        d.window = (lo, hi)


def definite(th: TriggerHit, forms: frozenset[str]) -> bool:
    """A trigger noun written with the article (الغارة، القصف): usually a reference back to a happening
    already told. The article is either a proclitic before the listed form, or the listed form carries it and
    the bare noun is a form too (القصف/قصف) — التقى is a verb, not ال + تقى."""
    if th.prefix.endswith("ال") or th.prefix.endswith("لل"):
        return True
    return th.phrase.startswith("ال") and th.phrase[2:] in forms


def scopes_fit(d: Draft, counts: Sequence[CountMatch], cm: CountMatch) -> bool:
    """A count from a later sentence joins an event only if the event has no figure of its kind and scope,
    and no figure of another scope: a day's toll and the campaign's running toll are two events."""
    own = [counts[i] for i in d.count_ids if counts[i].parent is None]
    if any(c.kind == cm.kind and c.scope == cm.scope for c in own):
        return False
    return all(c.scope == cm.scope for c in own)


def _recent_taker(drafts: list[Draft], first: int, paragraph: int, cm: CountMatch, ctx: DocContext) -> Draft | None:
    """The last draft of the paragraph, made in sentence `first` or later, that takes a count of this kind and
    scope (the drafts are in order of the sentence that made them: the look-back stops at `first`)."""
    for d in reversed(drafts):
        if d.sentence.index < first:
            return None
        if d.paragraph == paragraph and cm.kind in d.trigger.trigger.counts and scopes_fit(d, ctx.counts, cm):
            return d
    return None

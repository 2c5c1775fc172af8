"""The background resolver: a trigger told as history, a state, a habit, a fear or the description of what a
strike hit (cues.yaml background), in a relative, purpose or منذ clause (text/clauses.py), or listed as a crime
inside an accusation makes no event of its own."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..recognize.matcher import phrase_before
from ..resources.lexicon import CueLexicon
from ..text.clauses import ClauseOpen
from ..text.segment import Sentence, word_spans_before
from .context import PLACE_FALLBACK_FAMILIES, VIOLENT_FAMILIES, DocContext, TriggerHit
from .rules import BackgroundRule

# how many words before a trigger a habit, a fear or a history cue may stand (in the trigger's clause)
CUE_WORDS = 10
# the longest background cue, in words (سبق لهم أن، بين فترة وأخرى)
CUE_SPAN = 4
# a date that ends this many days or more before the publication is history, not the news of the day
HISTORY_DAYS = 60
_QAD = frozenset({"قد"})
# how many words after the opener of a relative or منذ clause its predicate stands (التي سيطرت عليها، الذين
# شاركوا في معارك، منذ أن شنت القوات هجومها)
PREDICATE_WORDS = 4
# clauses with a subject of their own, or what a speaker goes on to say (مشيرة إلى أن …): an accusation's list of
# crimes ends where one starts
OWN_SUBJECT = frozenset({ClauseOpen.COMMA, ClauseOpen.SPEECH})
# the proclitic ل before a verbal noun of taking ground: what an action aims at (للسيطرة على، لاستعادة)
PURPOSE_PREFIXES = frozenset({"ل", "لل", "ول", "ولل"})


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause of the word at `pos` starts: after the last comma before it in its sentence."""
    return max(lo, text.rfind(",", lo, pos) + 1, text.rfind("،", lo, pos) + 1)


def _iso(day: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(day[:10]) if day else None
    except ValueError:
        return None


def counted(ctx: DocContext, sent: Sentence, th: TriggerHit, before: Sequence[TriggerHit]) -> bool:
    """The sentence gives a figure of a kind the trigger takes, after the last trigger of its family before it
    (… 300 ألف شخص فروا من الجزيرة، كثير منهم كانوا قد نزحوا إليها: the figure is of the first)."""
    lo = next((b.nend for b in reversed(before) if b.trigger.family == th.trigger.family), sent.start)
    return any(c.kind in th.trigger.counts for c in ctx.counts_in(lo, sent.end))


class BackgroundResolver:
    """Tells whether a trigger is background (the rule that says so) or a happening (None)."""

    def __init__(self, cues: CueLexicon) -> None:
        self.cues = cues

    def _cues_before(self, ctx: DocContext, lo: int, th: TriggerHit, words: int) -> set[str]:
        """The background cue labels that stand in [lo, trigger) at most `words` words before the trigger."""
        text = ctx.norm.text
        # (a cue of up to CUE_SPAN words ends fewer than `words` words before the trigger)
        spans = word_spans_before(text, th.nstart, words + CUE_SPAN, lo)
        first = spans[0][0] if spans else th.nstart
        return {label for h in ctx.hits_in(self.cues.background, first, th.nstart)
                if len(text[h.end:th.nstart].split()) < words for label in h.payloads}

    def told(self, ctx: DocContext, sent: Sentence, th: TriggerHit,
             before: Sequence[TriggerHit]) -> BackgroundRule | None:
        """The rule that makes the trigger no event of its own, or None; `before` are the sentence's triggers
        before it. A trigger with a figure is a happening, unless it is a crime an accusation lists."""
        if not th.trigger.content and self._alleged(ctx, th, before):
            return BackgroundRule.ALLEGED  # اتهمت … القوات بارتكاب عمليات قتل ونهب: the accusation is the event
        if th.trigger.family != "agreement" and "terms" in self._cues_before(
                ctx, _clause_start(ctx.norm.text, sent.start, th.nstart), th, CUE_WORDS):
            return BackgroundRule.TERMS  # وينص الاتفاق على إدخال 600 شاحنة مساعدات: the agreement is the event
        if counted(ctx, sent, th, before):
            return None
        return self._subordinate(ctx, th, before) or self._background(ctx, sent, th, before)

    def _alleged(self, ctx: DocContext, th: TriggerHit, before: Sequence[TriggerHit]) -> bool:
        """An accusation before it in its sentence lists it, with no clause of another subject between."""
        accusation = next((b for b in reversed(before) if b.trigger.family == "accuse"), None)
        return accusation is not None and not ctx.clauses.starts_within(accusation.nend, th.nstart, OWN_SUBJECT) \
            and any("alleging" in h.payloads and h.start == accusation.nstart
                    for h in ctx.hits_in(self.cues.background, accusation.nstart - len(accusation.prefix),
                                         accusation.nend + 1))

    def _subordinate(self, ctx: DocContext, th: TriggerHit, before: Sequence[TriggerHit]) -> BackgroundRule | None:
        """A relative clause after a happening told (المدينة التي سيطرت عليها …), a purpose (بهدف السيطرة على،
        للسيطرة على) or a background clause (منذ …) tells no happening of its own."""
        clause = ctx.clauses.at(th.nstart)
        if clause is None:
            return None
        # (the clause's own predicate: a clause runs on to the next opener, past commas that open none)
        words = len(ctx.norm.text[clause.start:th.nstart].split())
        if clause.opens is ClauseOpen.RELATIVE and before and words <= PREDICATE_WORDS:
            return BackgroundRule.RELATIVE
        if clause.opens is ClauseOpen.PURPOSE or (th.trigger.family == "territory" and th.prefix in PURPOSE_PREFIXES):
            return BackgroundRule.PURPOSE
        # (the word right after منذ is a past happening of its own: منذ سقوطها في أيدي …, drafts.told_as_past)
        if clause.opens is ClauseOpen.BACKGROUND and 1 < words <= PREDICATE_WORDS:
            return BackgroundRule.SINCE
        return None

    def _background(self, ctx: DocContext, sent: Sentence, th: TriggerHit,
                    before: Sequence[TriggerHit]) -> BackgroundRule | None:
        """History, a habit, a fear, a state of control, what a strike hit, by the cues before the trigger."""
        text = ctx.norm.text
        clause = _clause_start(text, sent.start, th.nstart)
        near = self._cues_before(ctx, clause, th, CUE_WORDS)
        if th.trigger.family in PLACE_FALLBACK_FAMILIES and phrase_before(text, th.nstart, _QAD, 1, lo=sent.start) \
                and "pluperfect" in self._cues_before(ctx, sent.start, th, CUE_WORDS):
            return BackgroundRule.PLUPERFECT  # وكانت القوات قد سيطرت على المدينة (a call made before is news)
        for label, rule in (("history", BackgroundRule.HISTORY), ("habitual", BackgroundRule.HABITUAL),
                            ("fear", BackgroundRule.FEAR)):
            if label in near:
                return rule
        if th.trigger.family == "territory" and self._state(ctx, th, clause):
            return BackgroundRule.STATE
        if th.trigger.family not in VIOLENT_FAMILIES and any(b.trigger.family in VIOLENT_FAMILIES for b in before) \
                and "description" in self._cues_before(ctx, clause, th, 3):
            return BackgroundRule.DESCRIPTION  # قصفت مقرا كان يعقد فيه اجتماع: the meeting is what was hit
        if "generic" in self._cues_before(ctx, clause, th, 1):
            return BackgroundRule.GENERIC  # لم تسجل أي مواجهات، الرد على أي هجوم: no happening at all
        if th.trigger.family == "consult" and any(b.trigger.family == "agreement" for b in before) \
                and "talks" in self._cues_before(ctx, clause, th, 2):
            return BackgroundRule.TALKS  # توصل الطرفان إلى اتفاق في ختام جولة مفاوضات: the talks made the agreement
        if self._old_date(ctx, sent, th, before):
            return BackgroundRule.HISTORY_DATE
        return None

    def _state(self, ctx: DocContext, th: TriggerHit, clause: int) -> bool:
        """Ground held, not taken: under someone's control (تحت سيطرة، الخاضعة لسيطرة), or the taking told of a
        place already named (بعد استعادتها)."""
        text = ctx.norm.text
        near = self._cues_before(ctx, clause, th, 2)
        if "state" in near or (th.phrase.startswith("تحت") and "become" not in near):
            return True  # (أصبحت تحت سيطرة: ground taken)
        # (a pronoun suffix the matched form leaves off, or one a generated form carries: استعادتها; a bare ه
        # may be a normalized ة)
        suffixed = (th.nend < len(text) and text[th.nend].isalpha()) or th.phrase.endswith(("ها", "هم", "هما", "هن"))
        return suffixed and "after" in self._cues_before(ctx, clause, th, 1)

    def _old_date(self, ctx: DocContext, sent: Sentence, th: TriggerHit, before: Sequence[TriggerHit]) -> bool:
        """A date of its clause, nearer to it than to any other trigger of the sentence, ends long before the
        publication (سيطرت على المدينة عام 2018)."""
        published = _iso(ctx.published)
        if published is None:
            return False
        others = [b.nstart for b in before] + [t.nstart for t in ctx.triggers_starting_in(th.nend, sent.end)]
        for dm in ctx.dates_in(sent.start, sent.end):
            end = _iso(dm.date_end)
            if end is None or dm.anchor != "explicit" or (published - end).days < HISTORY_DAYS:
                continue
            gap = abs(dm.start - th.nstart)
            if all(gap < abs(dm.start - o) for o in others):
                return True
        return False

"""The background resolver: a trigger told as history, a state, a habit, a fear or the description of what a
strike hit makes no event of its own (cues.yaml background)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from ..recognize.matcher import phrase_before
from ..resources.lexicon import CueLexicon
from ..text.segment import Sentence
from .context import PLACE_FALLBACK_FAMILIES, VIOLENT_FAMILIES, DocContext, TriggerHit
from .rules import BackgroundRule

# how many words before a trigger a habit, a fear or a history cue may stand (in the trigger's clause)
CUE_WORDS = 10
# a date that ends this many days or more before the publication is history, not the news of the day
HISTORY_DAYS = 60
_QAD = frozenset({"قد"})


def _clause_start(text: str, lo: int, pos: int) -> int:
    """Where the clause of the word at `pos` starts: after the last comma before it in its sentence."""
    return max(lo, text.rfind(",", lo, pos) + 1, text.rfind("،", lo, pos) + 1)


def _iso(day: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(day[:10]) if day else None
    except ValueError:
        return None


class BackgroundResolver:
    """Tells whether a trigger is background (the rule that says so) or a happening (None)."""

    def __init__(self, cues: CueLexicon) -> None:
        self.cues = cues

    def _cues_before(self, ctx: DocContext, lo: int, th: TriggerHit, words: int) -> set[str]:
        """The background cue labels that stand in [lo, trigger) at most `words` words before the trigger."""
        text = ctx.norm.text
        return {h.payloads[0] for h in ctx.hits_in(self.cues.background, lo, th.nstart)
                if len(text[h.end:th.nstart].split()) < words}

    def told(self, ctx: DocContext, sent: Sentence, th: TriggerHit,
             before: Sequence[TriggerHit]) -> BackgroundRule | None:
        """The rule that makes the trigger background, or None; `before` are the sentence's triggers before it."""
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
        suffixed = th.nend < len(text) and text[th.nend].isalpha()
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

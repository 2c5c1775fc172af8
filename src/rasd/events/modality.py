"""The modality resolver: whether an event is told as done, reported, planned, called for, negated or denied."""

from __future__ import annotations

from typing import NamedTuple

from ..recognize.matcher import Hit
from ..resources.lexicon import CueLexicon, ModalityCue
from .context import DocContext, Draft
from .rules import ModalityRule
from .speech_sides import claim_head

_MODALITY_RULES = {r._value_: r for r in ModalityRule}  # (ModalityRule(value) runs Enum.__call__ as Python)


class ModalityDecision(NamedTuple):
    """The event's modality, the rule that set it (none for asserted) and the span of its cue or trigger
    (normalized offsets)."""

    value: str
    rule: ModalityRule | None
    evidence: tuple[int, int] | None


class ModalityResolver:
    """Reads the modality from the trigger's form and the cue words before it."""

    def __init__(self, cues: CueLexicon) -> None:
        self.cues = cues

    def resolve(self, ctx: DocContext, d: Draft, s_start: int) -> ModalityDecision:
        """A request trigger is called for, a future form planned; else the strongest cue (in the lexicon's
        order) within its window before the trigger; else asserted."""
        text = ctx.norm.text
        trig = d.trigger
        if not d.fallback:
            if trig.trigger.plover == "REQUEST":
                return ModalityDecision("called_for", ModalityRule.REQUEST_TRIGGER, (trig.nstart, trig.nend))
            if trig.prefix.endswith("س") or trig.phrase in self.cues.planned_triggers:
                return ModalityDecision("planned", ModalityRule.PLANNED_FORM, (trig.nstart, trig.nend))
        found: dict[str, tuple[int, int]] = {}
        # (the ما of a head that resumes a claim negates nothing: …، وهو ما نفته الحركة)
        head = claim_head(text, trig.nstart, d.sentence.start, self.cues) if trig.trigger.content else None
        for hit in ctx.hits_in(self.cues.modality, s_start, trig.nstart if head is None else head):
            cue = hit.payloads[0]
            if len(text[hit.end:trig.nstart].split()) > cue.window:
                continue
            if cue.exceptions and is_exception(text, hit, cue.exceptions):
                continue
            if trig.trigger.content and cue.modality in ("called_for", "reported"):
                continue
            found.setdefault(cue.modality, (hit.word_start, hit.end))
        for name in self.cues.modality_order:
            if name in found:
                return tuple.__new__(ModalityDecision, (name, _MODALITY_RULES[f"modality:{name}_cue"], found[name]))
        return tuple.__new__(ModalityDecision, ("asserted", None, None))  # (tuple.__new__: see mention_ref)


def is_exception(text: str, hit: Hit[ModalityCue], exceptions: tuple[str, ...]) -> bool:
    """The cue's word starts one of the cue's exceptions, read from the word's start after any و or ف (كما
    and ما أدى start like the negation ما; وكما too)."""
    start = hit.word_start
    while not any(text.startswith(x, start) for x in exceptions):
        if start >= hit.start or text[start] not in "وف":
            return False
        start += 1
    return True

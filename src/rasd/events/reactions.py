"""Reactions and their incidents: a statement, a call, a denial or an accusation about an incident (ندد بالقصف،
نفت مسؤوليتها عن هذه الغارة، دعا إلى تحقيق في الغارة) links to the event that tells the incident and takes its
place and date."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Event, replaced
from .context import VIOLENT_FAMILIES, DocContext, Draft, TriggerHit, word_start
from .place import PlaceDecision
from .rules import DateRule, PlaceRule

INCIDENT_REACH = 8  # words from a statement's verb to the incident it is about (ندد رئيس الوزراء في بغداد بهذا …)


def link_reactions(ctx: DocContext, drafts: Sequence[Draft], events: Sequence[Event],
                   places: Sequence[PlaceDecision]) -> list[Event]:
    """A statement about an incident (ندد بالقصف، نفت مسؤوليتها عن هذه الغارة، أدانت الهجوم على المستشفى) takes
    the place and date of that incident: the event the incident's word tells, else the last violent event told
    before it, unless its own clause places the incident after that word (الهجوم الذي استهدف سوقا في الفاشر)."""
    out = list(events)
    by_trigger = {d.trigger.nstart: k for k, d in enumerate(drafts)}
    last: int | None = None  # the last violent event with a place
    for k, d in enumerate(drafts):
        trig = d.trigger.trigger
        if trig.family in VIOLENT_FAMILIES and events[k].location is not None:
            last = k
            continue
        ref = _incident_word(ctx, d) if trig.content else None
        if ref is None:
            continue
        own = places[k].evidence
        if own is not None and own[0] >= ref.nstart:
            continue  # the statement's own clause places the incident
        j = by_trigger.get(ref.nstart)
        told = [i for i in (j, last) if i is not None and i != k and events[i].location is not None]
        src = next((i for i in told if events[i].date.start is not None), told[0] if told else None)
        if src is None:
            continue
        ev, inc = out[k], events[src]
        dated = ev.date.start is None or DateRule.PUBLISHED.value in ev.rules
        out[k] = replaced(ev, location=inc.location, date=inc.date if dated else ev.date,
                         rules=(*ev.rules, PlaceRule.INCIDENT.value))
    return out


def reaction_objects(ctx: DocContext, drafts: Sequence[Draft]) -> frozenset[int]:
    """Where the incident words a statement or a call is about start (ندد بالقصف، أدان هذه الغارة، دعا إلى
    تحقيق في الغارة): told by a definite word, such a word names the incident told before, not a new one."""
    return frozenset(ref.nstart for d in drafts if d.trigger.trigger.family not in VIOLENT_FAMILIES
                     and (ref := _incident_word(ctx, d, whole_words=True)) is not None)


def _incident_word(ctx: DocContext, d: Draft, whole_words: bool = False) -> TriggerHit | None:
    """The word of a violent happening a statement is about: a violence trigger within a few words after the
    statement's verb, in its sentence (ندد بالقصف، أدان الهجوم، نفى مسؤوليته عن هذه الغارة); `whole_words`:
    the article of the word (في الغارة) is no word between."""
    text = ctx.norm.text
    for th in ctx.triggers_starting_in(d.trigger.nend, d.sentence.end):
        if len(text[d.trigger.nend:word_start(text, th.nstart) if whole_words else th.nstart].split()) \
                > INCIDENT_REACH:
            return None
        if th.trigger.family in VIOLENT_FAMILIES and not th.trigger.content:
            return th
    return None

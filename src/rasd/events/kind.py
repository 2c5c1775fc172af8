"""The event type resolver: the trigger's ACLED type, changed where the parties say otherwise."""

from __future__ import annotations

from typing import NamedTuple

from ..records import ActorRef
from ..resources.lexicon import Trigger
from .rules import TypeRule

TERRITORY_SUBTYPES = ("Government regains territory", "Non-state actor overtakes territory")


class TypeDecision(NamedTuple):
    """The event's ACLED type and sub-type and the rules that changed them from the trigger's."""

    acled_type: str | None
    acled_sub: str | None
    rules: tuple[TypeRule, ...]
    plover: str = ""


def territory_subtype(actor1: ActorRef | None) -> str:
    """Who takes ground: the government regains it, anyone else overtakes it."""
    if actor1 is not None and actor1.kind in ("state_forces", "government"):
        return TERRITORY_SUBTYPES[0]
    return TERRITORY_SUBTYPES[1]


def event_type(trig: Trigger, actor1: ActorRef | None, actor2: ActorRef | None,
               count_kinds: frozenset[str] = frozenset()) -> TypeDecision:
    """The trigger's type, unless its counts (the trigger's `with_counts`) or its parties make it another one."""
    acled_type, acled_sub, plover = trig.acled_event_type, trig.acled_sub_event_type, trig.plover
    rules: list[TypeRule] = []
    retype = next((r for r in trig.with_counts if r.kind in count_kinds), None)
    if retype is not None:  # استقبلت البلدة 300 عائلة نازحة: displacement, not a meeting
        acled_type, acled_sub, plover = retype.acled_event_type, retype.acled_sub_event_type, retype.plover
        rules.append(TypeRule.COUNT_KIND)
    if acled_type == "Battles" and acled_sub == "Armed clash" and actor1 is not None \
            and actor1.kind in ("protesters", "rioters"):
        # demonstrators fighting the police: a riot, not a battle
        acled_type, acled_sub = "Riots", "Violent demonstration"
        rules.append(TypeRule.DEMONSTRATORS_CLASH)
    if trig.id == "offensive" and actor2 is not None and actor2.kind == "civilians":
        acled_type, acled_sub = "Violence against civilians", "Attack"
        rules.append(TypeRule.CIVILIAN_TARGET)
    if acled_sub == "territory":
        acled_sub = territory_subtype(actor1)
    return TypeDecision(acled_type, acled_sub, tuple(rules), plover)

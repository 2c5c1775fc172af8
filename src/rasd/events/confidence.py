"""The confidence of an event, computed from the decisions that made it."""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Count
from .modality import ModalityDecision
from .place import PlaceDecision
from .roles import RolesDecision
from .rules import PlaceRule

# what a place found by each rule adds: the event's own clause names it, or the sentence before does (keyed by the
# rule's value: an Enum's __hash__ runs as Python even in the compiled build)
PLACE_BONUS = {PlaceRule.CLAUSE._value_: 0.08, PlaceRule.PREVIOUS_SENTENCE._value_: 0.03}


def confidence(weight: float, fallback: bool, roles: RolesDecision, actor2_found: bool, place: PlaceDecision,
               counts: Sequence[Count], modality: ModalityDecision) -> float:
    """The trigger's weight (less for a fallback draft), raised by each field found, lowered for hearsay."""
    c = weight * (0.55 if fallback else 0.75)
    if roles.actor1 is not None:
        c += 0.08
    if actor2_found:
        c += 0.04
    if place.value is not None and place.rule is not None:
        c += PLACE_BONUS.get(place.rule._value_, 0.0)
    if counts:
        c += 0.05
    if modality.value == "reported":
        c -= 0.05
    return max(0.05, min(0.99, c))

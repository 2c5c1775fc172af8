"""Event assembly: events from triggers, counts, actors, places and dates, clause by clause.

The unit is the sentence. In each sentence the triggers of one family (a strike and the killing it
caused) make one event, named by the most specific trigger (drafts.py). Counts attach to the event of their
sentence that accepts their kind, else to the nearest earlier event of the paragraph that does, else they
open an event of their own (a displacement figure is its own event, as FORMAT.md codes it). Then one resolver
per field decides it: the actors (roles.py: target cues and "بين X و Y" set the roles), the place (place.py:
the clause, the sentence before, the document), the date (date.py), the figures and their sources
(figures.py), the modality (modality.py: cue words before the trigger), the attribution (attribution.py:
"حسب/وفق/نقلا عن …" phrases and source words), the type (kind.py) and the confidence (confidence.py).
Finally events of the same type, place, date and modality whose actors agree are merged (merge.py): the same
happening told twice. Every decision names its rule (rules.py), recorded in `Event.rules`.
"""

from __future__ import annotations

from .assembler import EventAssembler, numbered
from .context import DocContext, MentionRef, TriggerHit, mention_ref
from .merge import MergeHint, merge_same
from .roles import groups_key

__all__ = ["DocContext", "EventAssembler", "MentionRef", "MergeHint", "TriggerHit", "groups_key", "mention_ref",
           "merge_same", "numbered"]

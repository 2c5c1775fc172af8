"""A name's readings (the actors it may name), indexed once per name for choosing one fast.

The per-country template gives every country of the gazetteer the same names (مدنيين، قوات الأمن، الشرطة): such
a name has some 240 readings, one per country, and choosing the document's country's among them by walking the
list cost a fifth of the extraction time. `Readings` keeps a name's plain readings (not a bare noun's national
ones) grouped by descriptiveness and country, in the dictionary's order, so that `choose` looks at the few of the
document's country; it answers what walking the whole list in rank order would (see `choose`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..resources.actor_names import ActorName
from ..resources.actors import ActorDictionary, valid_on

FORCE_AND_GOVERNMENT = frozenset({"external_forces", "state_forces", "government"})  # (linking.FORCE_KINDS + government)


@dataclass(frozen=True, slots=True)
class Readings:
    """The readings of one name: the plain ones in order, those by (descriptive, country) with their rank in that
    order, whether one names a force or a government, whether they name more than one actor."""
    plain: tuple[ActorName, ...]
    by_desc: tuple[tuple[ActorName, ...], tuple[ActorName, ...]]  # (plain, descriptive), each in order
    groups: dict[tuple[bool, str | None], tuple[tuple[int, ActorName], ...]]
    forces: bool
    ambiguous: bool


def index_readings(actors: ActorDictionary, names: Sequence[ActorName], with_national: bool = False) -> Readings:
    """The index of one name's readings (a matcher hit's payloads); `with_national`: a bare noun's national
    readings count among the plain ones too."""
    plain = tuple(n for n in names if with_national or not n.national)
    groups: dict[tuple[bool, str | None], list[tuple[int, ActorName]]] = {}
    for k, n in enumerate(plain):
        groups.setdefault((n.descriptive, actors.get(n.actor_id).country), []).append((k, n))
    return Readings(plain=plain, by_desc=(tuple(n for n in plain if not n.descriptive),
                                          tuple(n for n in plain if n.descriptive)),
                    groups={key: tuple(v) for key, v in groups.items()},
                    forces=any(actors.get(n.actor_id).kind in FORCE_AND_GOVERNMENT for n in names),
                    ambiguous=len({n.actor_id for n in names}) > 1)


def choose(actors: ActorDictionary, r: Readings, published: str | None, country: str | None) -> ActorName | None:
    """The reading of an ambiguous name among `r.plain`: the first, in the dictionary's order, of the best rank of
    (descriptive, not valid on the publication date, of another country than the document's). By rank:
    plain before descriptive; within each, the first valid one of the document's country (or of none), else the
    first valid one, else the first of the document's country, else the first."""
    def valid(n: ActorName) -> bool:
        return not published or valid_on(actors.get(n.actor_id), published)

    for desc in (False, True):
        ordered = r.by_desc[int(desc)]
        if not ordered:
            continue
        if country is None:  # (every reading is of the document's country then)
            same: Sequence[ActorName] = ordered
        else:
            same = [n for _, n in sorted(r.groups.get((desc, country), ()) + r.groups.get((desc, None), ()))] \
                if (desc, None) in r.groups else [n for _, n in r.groups.get((desc, country), ())]
        found = next((n for n in same if valid(n)), None) or next((n for n in ordered if valid(n)), None)
        if found is not None:
            return found
        return same[0] if same else ordered[0]
    return None

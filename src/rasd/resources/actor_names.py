"""The names of the actor dictionary (rasd.resources.actors): every Arabic surface form of every entry, with its
framing and whether it is descriptive or a national role's bare noun, and the index from a normalized name
(Arabic or English, or the id) to the entries it names.

Built once when the dictionary loads. An entry's forms come in this order: neutral variants, hostile and own names,
descriptions, hostile descriptions (a form the entry has already given is not repeated), then the bare nouns of
its national roles (no lookup by those: only the document's country says whose); its English names and its id
serve lookups only. A person's full names spelt with one alif more or less (سالفا كير for سلفا كير) come last,
where no entry already holds that spelling.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rasd.resources.spelling import alif_variants
from rasd.text.normalize import normalize_name

if TYPE_CHECKING:
    from rasd.resources.actors import Actor


@dataclass(frozen=True, slots=True)
class ActorName:
    """One Arabic surface form of an actor."""

    text: str
    actor_id: str
    framing: str | None
    descriptive: bool
    national: bool = False  # a bare noun (الجيش): this actor only in a document about its country

    @property
    def normalized(self) -> str:
        """The name normalized as the matcher reads it."""
        return normalize_name(self.text)


def name_index(actors: Sequence[Actor]) -> tuple[dict[str, tuple[Actor, ...]], list[ActorName],
                                                  dict[str, tuple[ActorName, ...]]]:
    """({normalized name: the entries it names}, every Arabic name in order, {normalized Arabic name: its names in
    that order}) of the entries."""
    by_name: dict[str, list[Actor]] = defaultdict(list)
    names: list[ActorName] = []
    known: dict[str, str] = {}  # (the template's names, shared by every country's entry, normalized once)

    def norm_of(text: str) -> str:
        out = known.get(text)
        if out is None:
            out = known[text] = normalize_name(text)
        return out

    for a in actors:
        seen: set[str] = set()
        forms: list[tuple[str, str | None, bool]] = [(v, None, False) for v in a.variants_ar]
        forms += [(v, "hostile", False) for v in a.hostile_ar]
        forms += [(v, "own", False) for v in a.own_ar]
        forms += [(v, None, True) for v in a.descriptions_ar]
        forms += [(v, "hostile", True) for v in a.hostile_descriptions_ar]
        for text, framing, descriptive in forms:
            k = norm_of(text)
            if not k or k in seen:
                continue
            seen.add(k)
            names.append(ActorName(text=text, actor_id=a.id, framing=framing, descriptive=descriptive))
            by_name[k].append(a)
        for text in a.national_ar:  # (no lookup by a bare noun: only the document's country says whose)
            if norm_of(text) not in seen:
                names.append(ActorName(text=text, actor_id=a.id, framing=None, descriptive=False, national=True))
        for v in a.variants_en:
            k = norm_of(v)
            if k and k not in seen:
                seen.add(k)
                by_name[k].append(a)
        k = norm_of(a.id)
        if k not in seen:
            by_name[k].append(a)
    names += _spellings(actors, by_name)
    info: dict[str, list[ActorName]] = defaultdict(list)
    for n in names:  # (name_info's index: the names in the order they were added)
        info[norm_of(n.text)].append(n)
    return {k: tuple(v) for k, v in by_name.items()}, names, {k: tuple(v) for k, v in info.items()}


def _spellings(actors: Sequence[Actor], by_name: dict[str, list[Actor]]) -> list[ActorName]:
    """A person's full names spelt with one alif more or less (سالفا كير for سلفا كير), where no entry already
    holds that spelling: added to `by_name`, and returned as names."""
    out: list[ActorName] = []
    for a in actors:
        if a.kind != "person":
            continue
        for v in a.variants_ar:
            for form in alif_variants(v):
                k = normalize_name(form)
                if k and k not in by_name:
                    by_name[k].append(a)
                    out.append(ActorName(text=form, actor_id=a.id, framing=None, descriptive=False))
    return out

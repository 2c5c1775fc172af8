"""Unlinked groups and the records of what the unlinked finder found: a name's display form, the unlinked actor a
found group or person stands for, and groups named by a phrase around unidentified gunmen — where they came from
(مسلحون من بلدة X) or who they are (المسلحين الدروز، مقاتلين أكراد). Split out of recognize.unlinked."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import UNLINKED, is_unlinked, replaced
from ..resources.actors import Actor
from ..text.normalize import Normalized, normalize_name
from ..text.words import word_spans_after
from .linking import UNIDENTIFIED, ActorMention, PlaceMention
from .matcher import SpanSet

_AND_NAME = re.compile(r" +و([\u0621-\u064a]{2,})(?: +([\u0621-\u064a]{2,}))?")  # (normalized) و + one or two words
_WORD = re.compile(r"[\u0621-\u064a]+")
PLURAL_NISBA = ("يين", "يون")  # (normalized) المسلحين العلويين، مسلحون فلسطينيون
IDENTITY_KIND = "identity_militia"
_DIACRITICS = frozenset(chr(c) for c in (*range(0x064B, 0x0660), 0x0670, 0x0640))


def display_name(text: str) -> str:
    """A name as the text writes it, without diacritics or tatweel, spaces collapsed."""
    return " ".join("".join(ch for ch in text if ch not in _DIACRITICS).split())


@dataclass(frozen=True, slots=True)
class Found:
    """A name a descriptor, a title or a phrase introduces, before it becomes a mention."""

    what: str          # place | group | person
    kind: str          # feature of a place, kind of an actor
    span: tuple[int, int]  # normalized: the mention (descriptor + name for places and groups)
    name: tuple[int, int]  # normalized: the name alone
    site: bool = False     # a building, a street, a square: the descriptor is part of its name (مبنى وزارة X)


def groups_from_place(provenance: frozenset[str], duals: frozenset[str], stop_words: frozenset[str], text: str,
                      norm: Normalized, actors: Sequence[ActorMention],
                      places: Sequence[PlaceMention]) -> list[tuple[ActorMention, ActorMention]]:
    """Unidentified gunmen named by where they came from (مجموعة مسلحة قدمت من ترهونة، مسلحون من بلدة X):
    (the generic mention, an unlinked group of the gunmen's kind named by the whole phrase)."""
    ntext, out = norm.text, []
    for m in actors:
        if not m.actor.id.startswith(UNIDENTIFIED):
            continue
        spans = word_spans_after(ntext, m.nend, 2)
        k = 1 if spans and ntext[spans[0][0]:spans[0][1]] in provenance else 0
        if len(spans) <= k or ntext[spans[k][0]:spans[k][1]] != "من":
            continue
        lo = spans[k][1]  # (the place right after من, or after its descriptor: من مدينة X)
        p = next((p for p in places if lo < p.nstart and len(ntext[lo:p.nstart].split()) <= 1
                  and not any(c in ntext[lo:p.nstart] for c in ".,،؛:")), None)
        if p is None:
            continue
        if not set(head := ntext[lo:p.nend].split()[:1]) & duals:
            out.append((m, unlinked_actor(text, norm, Found("group", m.actor.kind, (m.nstart, p.nend),
                                                              (m.nstart, p.nend)))))
            continue
        # two places, two groups (بين مسلحين من منطقتي X وY), each named by its place, mentioned by the gunmen's word
        second = next(((q.nstart, q.nend) for q in places if q.nstart > p.nend and ntext[p.nend:q.nstart].strip() == "و"),
                      None) or _dual_second(stop_words, ntext, p.nend)
        for name in ((p.nstart + len(head[0]) + 1 if p.nstart == lo + 1 else p.nstart, p.nend), second):
            if name is not None:
                out.append((m, unlinked_actor(text, norm, Found("group", m.actor.kind, (m.nstart, m.nend), name),
                                               by_name=True)))
    return out


def _dual_second(stop_words: frozenset[str], ntext: str, end: int) -> tuple[int, int] | None:
    """The second name of a dual (بلدتي X وY) no place holds: one or two words after و, no stop words."""
    m = _AND_NAME.match(ntext, end)
    if m is None or m.group(1) in stop_words:
        return None
    return m.start(1), m.end(2) if m.group(2) is not None and m.group(2) not in stop_words else m.end(1)


def unlinked_actor(text: str, norm: Normalized, f: Found, by_name: bool = False) -> ActorMention:
    """The unlinked actor a group or a person found after its descriptor stands for (`by_name`: by f.name)."""
    s, e = norm.to_original(*f.span)
    name = display_name(text[slice(*norm.to_original(*f.name))] if by_name else text[s:e])
    actor = Actor(id=UNLINKED + "actor:" + normalize_name(name), name_en="", name_ar=name, kind=f.kind,
                  country=None, affiliation=None, role=None, valid_from=None, valid_to=None, variants_ar=(),
                  variants_en=(), descriptions_ar=(), source="unlinked")
    return ActorMention(start=s, end=e, nstart=f.span[0], nend=f.span[1], text=text[s:e], actor=actor,
                        framing=None, descriptive=False)


def groups_by_identity(heads: frozenset[str], identities: frozenset[str], text: str, norm: Normalized,
                       actors: Sequence[ActorMention], taken: SpanSet) -> list[tuple[list[ActorMention], ActorMention]]:
    """Gunmen or fighters named by who they are (المسلحين الدروز، مقاتلين أكراد، الفصائل الدرزية): (the generic
    mentions inside the phrase, an unlinked identity militia named by the whole phrase). The identity is a word of
    `identities` or, after a sound plural, a plural nisba of the head's definiteness; not a known actor or place
    (مسلحي حماس)."""
    ntext, out = norm.text, []
    words = list(_WORD.finditer(ntext))
    firsts = {h.split(" ", 1)[0] for h in heads}  # (most words begin no head: passed over at one look-up)
    for k, w in enumerate(words[:-1]):
        head, start = w.group(), w.start()
        if head not in firsts and not (head[:1] in "وف" and head[1:] in firsts):
            continue
        if head not in heads and head[:1] in "وف" and head[1:] in heads:
            head, start = head[1:], start + 1
        nxt = words[k + 1]
        two = f"{head} {nxt.group()}"
        if two in heads and k + 2 < len(words):  # (a head of two words: عناصر مسلحة)
            head, nxt = two, words[k + 2]
        if head not in heads or ntext[start + len(head):nxt.start()] != " " or taken.overlaps(nxt.start(), nxt.end()):
            continue
        if not _identity(head, nxt.group(), identities):
            continue
        span = (start, nxt.end())
        generic = [m for m in actors if m.actor.id.startswith(UNIDENTIFIED) and span[0] <= m.nstart < span[1]]
        out.append((generic, unlinked_actor(text, norm, Found("group", IDENTITY_KIND, span, span))))
    return out


def _identity(head: str, word: str, identities: frozenset[str]) -> bool:
    """The word after a fighters' noun says who they are: a community's name, or a nisba that agrees with it."""
    if word in identities:
        return True
    sound = head.endswith(("ين", "ون")) and " " not in head
    return sound and head.startswith("ال") == word.startswith("ال") and len(word) >= 6 and word.endswith(PLURAL_NISBA)


def short_forms(found: Sequence[ActorMention], known: Sequence[ActorMention], ntext: str) -> list[ActorMention]:
    """A body named again by the first words of a longer name the text gave it before (اللجنة العسكرية after
    اللجنة العسكرية المشتركة (5+5)، اللجنة الدولية after اللجنة الدولية للصليب الأحمر): the unlinked short name is
    that body, linked or not. A name of one word, a person or a name no earlier one begins with stays as found."""
    pool = sorted((m for m in [*known, *found] if m.actor.kind != "person"), key=lambda m: m.nstart)
    out: list[ActorMention] = []
    for m in found:
        short = ntext[m.nstart:m.nend]
        longer = None if m.actor.kind == "person" or not is_unlinked(m.actor.id) or " " not in short else next(
            (o for o in reversed(pool) if o.nstart < m.nstart and o.actor.id != m.actor.id
             and ntext[o.nstart:o.nend].startswith(short + " ")), None)
        out.append(m if longer is None else replaced(m, actor=longer.actor))
    return out

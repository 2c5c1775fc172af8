"""An army's units named by their number or ordinal (اللواء السابع، الفرقة السادسة مشاة، الكتيبة 128، اللواء 22 ميكا):
the force they belong to, with the unit's phrase as the mention.

A unit noun, an ordinal or a number, and at most two words of the unit's arm (مشاة، مدرع) make the phrase (the
words are data: actors/generic.yaml `units`). The force is the one a word of belonging and لـ tie the phrase to
(الفرقة الثالثة التابعة للجيش X), else the army of the document's country (the entry playing the national role
`army`); in a country with no such entry (the text does not say whose side the unit is on) nothing is named. A
unit noun with no number after it names no unit here: اللواء X is a rank before a name, لواء X a brigade named by
its own name (recognize.unlinked).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..resources.actors import Actor, ActorDictionary, valid_on
from ..resources.morphology import proclitic_runs
from ..text.normalize import Normalized
from .linking import ActorMention

PROCLITICS = ("", *sorted(proclitic_runs(), key=len))  # before a unit noun (واللواء، بالفرقة: ب + ال…)
MAX_ARMS = 2  # words of the arm after the number (مشاة ميكانيكي)
OWNER_KINDS = frozenset({"state_forces", "external_forces", "rebel_group", "political_militia", "identity_militia",
                         "government"})  # what a unit belongs to
_WORD = re.compile(r"[\u0621-\u064a0-9]+")
_NUMBER = re.compile(r"[0-9]+[\u0621-\u064a]*")  # (22ميكا: the arm glued to the number)


def numbered_units(text: str, norm: Normalized, actors: ActorDictionary, country: str | None,
                   published: str | None, mentions: Sequence[ActorMention]) -> list[ActorMention]:
    """A mention for each numbered unit no mention overlaps, of the force it belongs to (see the module)."""
    words = dict(actors.units)
    nouns, ordinals = words.get("nouns", frozenset()), words.get("ordinals", frozenset())
    if not nouns or not ordinals:
        return []
    ntext = norm.text
    # (each form of a noun holds the noun without its article: with none of them in the text, no word is one —
    # most texts, which then need no word scan)
    if not any((noun[2:] if noun.startswith("ال") else noun) in ntext for noun in nouns):
        return []
    toks = [m.span() for m in _WORD.finditer(ntext)]
    forms = _noun_forms(nouns)
    army = _army(actors, country, published)
    out: list[ActorMention] = []
    for k, (ws, we) in enumerate(toks):
        start = forms.get(ntext[ws:we])
        if start is None:
            continue
        end_k = _number_end(ntext, toks, k + 1, ordinals)
        if end_k is None:
            continue
        end_k = _arms_end(ntext, toks, end_k, words.get("arms", frozenset()))
        s0, e0 = ws + start, toks[end_k - 1][1]
        if any(m.nstart < e0 and s0 < m.nend for m in mentions):
            continue
        owner = _owner(ntext, toks, end_k, words.get("belonging", frozenset()), mentions)
        actor = owner or army
        if actor is None:
            continue
        s, e = norm.to_original(s0, e0)
        out.append(ActorMention(start=s, end=e, nstart=s0, nend=e0, text=text[s:e], actor=actor, framing=None,
                                descriptive=False))
    return out


def _noun_forms(nouns: frozenset[str]) -> dict[str, int]:
    """Each word that is a unit noun after its proclitics, with where the noun begins in it: the first run of
    PROCLITICS that gives a noun, either whole (واللواء: و + اللواء) or as ل + the noun without its article's alif
    (للفرقة: ل + الفرقة)."""
    forms: dict[str, int] = {}
    for p in PROCLITICS:
        for noun in nouns:
            forms.setdefault(p + noun, len(p))
            if p.endswith("ل") and noun.startswith("ال"):
                forms.setdefault(p + "ل" + noun[2:], len(p))
    return forms


def _adjacent(ntext: str, toks: Sequence[tuple[int, int]], k: int) -> bool:
    """Token k follows token k-1 across spaces alone (no comma, no mark between)."""
    return 0 < k < len(toks) and not ntext[toks[k - 1][1]:toks[k][0]].strip()


def _number_end(ntext: str, toks: Sequence[tuple[int, int]], k: int, ordinals: frozenset[str]) -> int | None:
    """The token index after the unit's number or ordinal that begins at token k, None when none does."""
    if not _adjacent(ntext, toks, k):
        return None
    word = ntext[toks[k][0]:toks[k][1]]
    if _NUMBER.fullmatch(word):
        return k + 1
    if _adjacent(ntext, toks, k + 1) and f"{word} {ntext[toks[k + 1][0]:toks[k + 1][1]]}" in ordinals:
        return k + 2  # (الحادي عشر)
    return k + 1 if word in ordinals else None


def _arms_end(ntext: str, toks: Sequence[tuple[int, int]], k: int, arms: frozenset[str]) -> int:
    """The token index after the words of the unit's arm from token k (مشاة، مدرع ميكا), k when none."""
    for _ in range(MAX_ARMS):
        if not _adjacent(ntext, toks, k):
            break
        one = ntext[toks[k][0]:toks[k][1]]
        two = f"{one} {ntext[toks[k + 1][0]:toks[k + 1][1]]}" if _adjacent(ntext, toks, k + 1) else ""
        if two in arms:
            k += 2
        elif one in arms:
            k += 1
        else:
            break
    return k


def _owner(ntext: str, toks: Sequence[tuple[int, int]], k: int, belonging: frozenset[str],
           mentions: Sequence[ActorMention]) -> Actor | None:
    """The force a word of belonging at token k and لـ tie the unit to (التابعة للجيش X), None when none does."""
    if not _adjacent(ntext, toks, k + 1) or ntext[toks[k][0]:toks[k][1]] not in belonging:
        return None
    ws, we = toks[k + 1]
    if not ntext[ws:we].startswith("ل"):
        return None
    return next((m.actor for m in mentions if ws <= m.nstart < we and m.actor.kind in OWNER_KINDS), None)


def _army(actors: ActorDictionary, country: str | None, published: str | None) -> Actor | None:
    """The document's country's army (its entry playing the national role `army`), None without one."""
    if country is None:
        return None
    return next((a for a in actors.actors if a.country == country and "army" in a.national
                 and valid_on(a, published)), None)

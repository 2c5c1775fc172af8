"""A name with another name or an abbreviation after it in brackets (أنصار الله (الحوثيين)، القيادة المركزية
الأمريكية (سنتكوم)، اللجنة العسكرية المشتركة (5+5)): both name one entity, so they make one mention over the
whole phrase — a longer name wins over the names inside it.

The entity: the reading of the name before the brackets that the name inside shares (an ambiguous name is
chosen by its gloss), else the name before. Brackets that hold anything else — a place, two names, a phrase —
are no gloss (قوات الجيش (شمال البلاد)، القوات المشتركة (الجيش والحركات)).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import is_unlinked, replaced
from ..resources.actors import Actor, ActorDictionary
from ..text.normalize import Normalized
from .linking import ActorMention, PlaceMention

MAX_GLOSS_WORDS = 3  # a gloss in brackets is a name or an abbreviation: at most this many words


def _readings(m: ActorMention) -> set[str]:
    return {n.actor_id for n in m.readings} | {m.actor.id}


def _entity(m: ActorMention, gloss: ActorMention, dictionary: ActorDictionary) -> Actor | None:
    """The entity a name and its gloss share: the gloss's, where the name can be it; the name's, where the gloss
    can be it; the gloss's for a name no entry resolves; None when they share no reading."""
    if is_unlinked(m.actor.id):
        return gloss.actor
    shared = _readings(m) & _readings(gloss)
    if gloss.actor.id in shared:
        return gloss.actor
    if m.actor.id in shared:
        return m.actor
    return dictionary.get(sorted(shared)[0]) if shared else None


def _abbreviation(inner: str) -> bool:
    """A gloss no entry knows that can still be a name: one word (سنتكوم، تأسيس) or no Arabic letters (5+5، RSF)."""
    return len(inner.split()) == 1 or not any("\u0600" <= ch <= "\u06ff" for ch in inner)


def _gloss_end(ntext: str, end: int) -> tuple[int, int] | None:
    """(start, end) of the text inside brackets that open right after `end` (one space at most), when short."""
    k = end + 1 if ntext[end:end + 1] == " " else end
    if ntext[k:k + 1] != "(":
        return None
    close = ntext.find(")", k + 1, k + 60)
    inner = ntext[k + 1:close] if close > 0 else ""
    if not inner.strip() or len(inner.split()) > MAX_GLOSS_WORDS or any(ch in inner for ch in "،,.;؛:("):
        return None
    return k + 1, close


def glossed(text: str, norm: Normalized, actors: Sequence[ActorMention], places: Sequence[PlaceMention],
            dictionary: ActorDictionary) -> tuple[list[ActorMention], list[ActorMention]]:
    """(the mentions over a name and its gloss in brackets, the mentions they replace)."""
    ntext = norm.text
    made: list[ActorMention] = []
    gone: list[ActorMention] = []
    for m in actors:
        inner = _gloss_end(ntext, m.nend)
        if inner is None or any(p.nstart < inner[1] and inner[0] < p.nend for p in places):
            continue
        lo, hi = inner
        inside = [o for o in actors if lo <= o.nstart and o.nend <= hi]
        if len(inside) > 1 or any(o not in inside and o.nstart < hi and lo < o.nend for o in actors if o is not m):
            continue
        if not inside and not _abbreviation(ntext[lo:hi]):
            continue  # (غرب المدينة: a phrase, no other name of the entity)
        actor = m.actor if not inside else _entity(m, inside[0], dictionary)
        if actor is None:
            continue  # two entities (an ally in brackets), not one name and its gloss
        s, e = norm.to_original(m.nstart, hi + 1)
        made.append(replaced(m, start=s, end=e, nend=hi + 1, text=text[s:e], actor=actor, ambiguous=False,
                            readings=()))
        gone += [m, *inside]
    return made, gone

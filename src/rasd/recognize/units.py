"""An army's units named by their number or ordinal (اللواء السابع، الفرقة السادسة مشاة، الكتيبة 128، اللواء 22 ميكا):
the force they belong to, with the unit's phrase as the mention.

A unit noun, an ordinal or a number, and at most two words of the unit's arm (مشاة، مدرع) make the phrase (the
words are data: actors/generic.yaml `units`). The force is the one a word of belonging and لـ tie the phrase to
(الفرقة الثالثة التابعة للجيش X) or a word of `within` puts them in (الكتيبة 55 من قوات X، ضمن قوات X), or the force
that sends part of it (`senders`, `parts`: نشرت قوات X وحدات من اللواء 128), else the army
of the document's country (the entry playing the national role `army`); in a country with no such entry (Libya,
Yemen: rival forces; the text does not say whose side the unit is on) no force is guessed and nothing is named
(kept as an unlinked name, such a unit was a false alarm where gold codes its side: 3 on own and dev gold) —
unless the document ties the same unit (its noun and number) to a force elsewhere: then it is that force's
wherever named, before the army of the country too (اللواء 52 التابع لـX … وقال إن اللواء 52 …). A unit noun with no number after it names no unit here: اللواء X is a rank before a name, لواء X
a brigade named by its own name (recognize.unlinked).
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
    found: list[tuple[int, int, str, Actor | None]] = []  # (start, end, the unit's key, the force the text says)
    for k, (ws, we) in enumerate(toks):
        start = forms.get(ntext[ws:we])
        if start is None:
            continue
        end_k = _number_end(ntext, toks, k + 1, ordinals)
        if end_k is None:
            continue
        # (the unit's key: its noun without proclitics or article, and its number: اللواء 52، واللواء 52 مشاة)
        noun = ntext[ws + start:we]
        key = f"{noun[2:] if noun.startswith('ال') else noun} {ntext[toks[k + 1][0]:toks[end_k - 1][1]]}"
        end_k = _arms_end(ntext, toks, end_k, words.get("arms", frozenset()))
        s0, e0 = ws + start, toks[end_k - 1][1]
        if any(m.nstart < e0 and s0 < m.nend for m in mentions):
            continue
        found.append((s0, e0, key, _owner(ntext, toks, end_k, words, mentions)
                      or _sender(ntext, toks, k, words, mentions)))
    # (a unit the document puts inside a force once is that force's wherever it names it again)
    told = {key: actor for _, _, key, actor in found if actor is not None}
    out: list[ActorMention] = []
    for s0, e0, key, actor in found:
        actor = actor or told.get(key) or army
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


def _owner(ntext: str, toks: Sequence[tuple[int, int]], k: int, words: dict[str, frozenset[str]],
           mentions: Sequence[ActorMention]) -> Actor | None:
    """The force a word of belonging at token k and لـ tie the unit to (التابعة للجيش X، in an aside too: ، التابع
    لـX), or a word of `within` puts it in (من قوات X، ضمن قوات X), None when none does: the force's name must
    begin right there."""
    if k >= len(toks) or ntext[toks[k - 1][1]:toks[k][0]].strip(" (،,-"):
        return None
    word = ntext[toks[k][0]:toks[k][1]]
    if word in words.get("belonging", frozenset()) and _adjacent(ntext, toks, k + 1) \
            and ntext[toks[k + 1][0]:toks[k + 1][1]].startswith("ل"):
        return _force_at(toks[k + 1], mentions)
    within = words.get("within", frozenset())
    for n in (2, 1):  # (في صفوف قوات X before في)
        if k + n < len(toks) and all(_adjacent(ntext, toks, j) for j in range(k + 1, k + n + 1)) \
                and " ".join(ntext[s:e] for s, e in toks[k:k + n]) in within:
            force = _force_at(toks[k + n], mentions)
            if force is not None:
                return force
    return None


def _sender(ntext: str, toks: Sequence[tuple[int, int]], k: int, words: dict[str, frozenset[str]],
            mentions: Sequence[ActorMention]) -> Actor | None:
    """The force that sends part of the unit at token k: a verb of sending, the force, part of it and من before
    the unit (نشرت قوات X وحدات من اللواء 128، قوات X دفعت بعناصر من الكتيبة 116), None otherwise. What a force
    attacks or fights (هاجمت قوات X وحدات من …) is not its own."""
    def word(j: int) -> str:
        return ntext[toks[j][0]:toks[j][1]] if 0 <= j < len(toks) else ""

    parts, verbs = words.get("parts", frozenset()), words.get("senders", frozenset())
    part = word(k - 2)
    if word(k - 1) != "من" or not (part in parts or (part[:1] == "ب" and part[1:] in parts)) \
            or not all(_adjacent(ntext, toks, j) for j in (k - 1, k)):
        return None
    for m in mentions:  # (VSO: a verb right before the force; SVO: the force right before the verb)
        if m.actor.kind not in OWNER_KINDS:
            continue
        if toks[k - 3][0] < m.nend <= toks[k - 3][1]:
            before = next((j for j in range(k - 3, -1, -1) if toks[j][1] <= m.nstart), -1)
            if word(before) in verbs or word(before)[1:] in verbs and word(before)[:1] in "وف":
                return m.actor
        if word(k - 3) in verbs and k >= 4 and toks[k - 4][0] < m.nend <= toks[k - 4][1]:
            return m.actor
    return None


def _force_at(tok: tuple[int, int], mentions: Sequence[ActorMention]) -> Actor | None:
    """The force whose mention begins in the token (after its proclitics: لقوات، للجيش)."""
    ws, we = tok
    return next((m.actor for m in mentions if ws <= m.nstart < we and m.actor.kind in OWNER_KINDS), None)


def _army(actors: ActorDictionary, country: str | None, published: str | None) -> Actor | None:
    """The document's country's army (its entry playing the national role `army`), None without one."""
    if country is None:
        return None
    return next((a for a in actors.actors if a.country == country and "army" in a.national
                 and valid_on(a, published)), None)

"""Groups named with their abbreviation: a group's head noun and name, then its short form in parentheses
(جبهة الخلاص الوطني (NSF)، الحركة من أجل الوحدة (موج)) or after "known as" (الجبهة الشعبية للعدالة، المعروفة
اختصارا باسم "فاج"). The parentheses or the phrase close the name as quotation marks do, so the whole run from the
head to them is one name, though no entry knows it; the short form names the same group wherever the document
uses it again (وتنشط NSF في المنطقة). A name the dictionary knows whole keeps its entry and lends it the short form;
known names inside a longer one give way to it (الجبهة الشعبية inside الجبهة الشعبية للعدالة). Grammar of Arabic
reports, not a list of groups: the heads are descriptors.yaml's group, quoted and abbreviation heads (قوات،
ائتلاف)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from ..records import replaced
from ..text.normalize import Normalized
from ..text.segment import Segmented
from .linking import ActorMention, PlaceMention
from .organisations import OrganisationFinder
from .unlinked_groups import Found, unlinked_actor

MAX_NAME_WORDS = 8  # words of a name from its head to the parenthesis
# (normalized) words that end a name read backwards from its abbreviation: a relative, a preposition of place
BREAKS = frozenset({"في", "علي", "التي", "الذي", "الذين", "ان", "انه", "بعد", "قبل", "ضد", "الي", "حيث"})
PRONOUN_ENDS = ("ته", "تها", "تهم", "وه", "وها", "وهم", "ها", "هم")  # (normalized) a word with an attached pronoun
CLITICS = ("وب", "ول", "فب", "فل", "و", "ف", "ب", "ل")
_LATIN = r"[a-z0-9][a-z0-9&./-]{0,8}[a-z0-9]"  # (normalized: lower case) NSF، M23، 3R، AFC/M23
_SHORT = rf'(?:{_LATIN}|[\u0621-\u064a]{{2,8}})'
_PAREN = re.compile(rf'\(\s*"?({_SHORT})"?\s*\)')  # (ABC)، ("فاج")
_KNOWN_AS = re.compile(rf'\s*[,،]?\s*(?:و)?المعروفه?(?: اختصارا)?(?: باسم| ب|ب)\s*(?:"({_SHORT})"|({_LATIN})(?![\w]))')
# (after "known as": one word in quotation marks, or Latin letters bare; a name of two words there is the
# group's own name, no short form: تحالف العصابات المعروف باسم "فيف أنسانم")
_WORD = re.compile(r"[\u0621-\u064a0-9]+")


@dataclass(frozen=True, slots=True)
class Abbreviated:
    """What the abbreviations of a document add: group mentions, and the known names and places they replace."""
    actors: tuple[ActorMention, ...]
    dropped: tuple[ActorMention, ...]
    dropped_places: tuple[PlaceMention, ...]


def _head(word: str, heads: Mapping[str, str]) -> str | None:
    """The head noun a word is (with or without its article and a clitic before it), or None."""
    for w in (word, *(word[len(c):] for c in CLITICS if word.startswith(c) and len(word) > len(c) + 2)):
        if w.startswith("ل") and not w.startswith("ال"):
            w = "ا" + w  # (ل + ال: للجبهه is ل + الجبهه)
        if w in heads:
            return w
        if w.startswith("ال") and w[2:] in heads:
            return w[2:]
    return None


def _plain_word(short: str) -> bool:
    """An Arabic word in brackets that is no short form: a definite word or a nisba (الجيش الوطني (الليبي))."""
    return short[0] >= "\u0621" and (short.startswith("ال") or short.endswith(("ي", "يه", "يين", "يون")))


def _name_before(ntext: str, end: int, heads: Mapping[str, str]) -> tuple[int, str] | None:
    """(start, head) of the group name ending at `end`: the nearest head noun before it within MAX_NAME_WORDS
    words, with no punctuation and no word of BREAKS between; the head's clitic stays outside the name."""
    words = [m for m in _WORD.finditer(ntext, max(0, end - 120), end)]
    if not words or ntext[words[-1].end():end].strip():
        return None
    for k in range(len(words) - 1, max(-1, len(words) - 1 - MAX_NAME_WORDS), -1):
        w = words[k]
        if k < len(words) - 1 and ntext[w.end():words[k + 1].start()] != " ":
            return None  # (punctuation between: the name does not reach further back)
        head = _head(w.group(), heads)
        if head is not None and k < len(words) - 1:
            while k > 0 and ntext[words[k - 1].end():w.start()] == " " and _head(words[k - 1].group(), heads):
                k -= 1  # (a head before the head: جماعة أنصار الحق)
                w = words[k]
                head = _head(w.group(), heads) or head
            word = w.group()
            cut = next((len(c) for c in CLITICS if word.startswith(c) and word[len(c):] in (head, "ال" + head)
                        ), 0)  # (للجبهه: the name keeps the ل its article lost)
            return w.start() + cut, head
        if w.group() in BREAKS or (not w.group().startswith("ال") and w.group().endswith(PRONOUN_ENDS)):
            return None  # (a relative, a preposition of place, a verb with its object: بيان للتحالف نشرته وكالة X (واس))
    return None


def abbreviated_groups(heads: Mapping[str, str], text: str, norm: Normalized, actors: Sequence[ActorMention],
                       places: Sequence[PlaceMention]) -> Abbreviated:
    """The groups of a document named with their abbreviation, and the abbreviation's later uses."""
    ntext = norm.text
    if "(" not in ntext and "المعروفه" not in ntext:
        return Abbreviated((), (), ())
    found: list[tuple[ActorMention, str, int]] = []  # (the group's mention, its short form, where that stands)
    dropped: list[ActorMention] = []
    gone_places: list[PlaceMention] = []
    for m in [*_PAREN.finditer(ntext), *_KNOWN_AS.finditer(ntext)]:
        short = m.group(1) or m.group(2)
        if _plain_word(short):
            continue
        end = m.start()
        while end > 0 and ntext[end - 1] == " ":
            end -= 1
        at = _name_before(ntext, end, heads)
        if at is None:
            continue
        start, head = at
        whole = next((a for a in actors if a.nstart <= start and end <= a.nend), None)
        if whole is None and any(a.nstart < start < a.nend or a.nstart < end < a.nend for a in actors):
            continue  # (a known name reaching out of it: not this group's)
        if whole is not None:
            group = whole
        else:
            group = unlinked_actor(text, norm, Found("group", heads[head], (start, end), (start, end)))
            dropped += [a for a in actors if start <= a.nstart and a.nend <= end]
            gone_places += [p for p in places if start <= p.nstart and p.nend <= end]
        found.append((group, short, m.end()))
    out = [g for g, _s, _e in found if g not in actors]
    for group, short, after in found:
        for u in re.finditer(rf"(?<![\w]){re.escape(short)}(?![\w])", ntext[after:]):
            s, e = after + u.start(), after + u.end()
            if any(a.nstart < e and s < a.nend for a in actors):
                continue
            os, oe = norm.to_original(s, e)
            out.append(replaced(group, start=os, end=oe, nstart=s, nend=e, text=text[os:oe]))
    return Abbreviated(tuple(sorted(out, key=lambda a: a.nstart)), tuple(dropped), tuple(gone_places))


class _Finder(Protocol):
    """What named_bodies reads of recognize.unlinked.UnlinkedFinder."""
    bodies: OrganisationFinder
    group_heads: dict[str, str]


def named_bodies(finder: _Finder, text: str, norm: Normalized, seg: Segmented, actors: Sequence[ActorMention],
                 new_actors: list[ActorMention], places: Sequence[PlaceMention], new_places: list[PlaceMention],
                 ) -> tuple[list[ActorMention], list[PlaceMention], list[ActorMention], list[PlaceMention]]:
    """The unlinked actors and places found so far with the bodies named by their qualifiers (recognize.
    organisations, the finder's `bodies`) and the groups named with their abbreviation (its `group_heads`) added,
    and the known actors and places such a group's name replaces."""
    heads = finder.group_heads
    new_actors = new_actors + finder.bodies.find(text, norm, seg, [*actors, *new_actors], [*places, *new_places])
    abbr = abbreviated_groups(heads, text, norm, [*actors, *new_actors], [*places, *new_places])
    new_actors = [m for m in new_actors if m not in abbr.dropped] + list(abbr.actors)
    return (new_actors, [p for p in new_places if p not in abbr.dropped_places],
            [m for m in abbr.dropped if m in actors], [p for p in abbr.dropped_places if p in places])

"""The country a document is about (split out of recognize.linking): a vote of its unambiguous places, of its
actors' countries and of place nouns a country's nisba qualifies (العاصمة الهايتية، ولاية خوست الأفغانية)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..text.normalize import normalize_name
from .linked import ActorMention, PlaceCandidate
from .matcher import is_word_char

# (normalized, without the article) the nouns of settlements and lands a country's nisba can qualify (العاصمة
# الهايتية، قرى سودانية، الأراضي السورية); not facilities, often named after another country (المستشفى الكويتي)
NISBA_PLACE_HEADS = frozenset({"مدينه", "عاصمه", "بلده", "قريه", "محافظه", "ولايه", "اقليم", "دوله", "بلاد",
                               "اراضي", "مدن", "قري", "بلدات"})
_NISBA_PLACE = re.compile(r"(?<![\u0621-\u064a])[وف]?(?:[بك]?(ال)|(ل)ل|[بكل])?(" + "|".join(sorted(NISBA_PLACE_HEADS, key=len,
                          reverse=True)) + r") ([\u0621-\u064a]+)")  # (a head noun with its proclitics — بالعاصمة،
# للعاصمة —, whole, and the word after it)
# (a head noun without the article, a name of one or two words, and a definite nisba: ولاية خوست الأفغانية، مقاطعة
# لامو الكينية — the nisba tells the named place's country, as a place's name does; مقاطعة only here, where a name
# follows it, and منطقة (a region named: منطقة إيتوري الكونغولية); no look-behind, which would cost a try at
# every position: the word's start is checked after)
_NAMED_NISBA_PLACE = re.compile(r"[وف]?[بل]?(" + "|".join(sorted(NISBA_PLACE_HEADS | {"مقاطعه", "منطقه"},
                                key=len, reverse=True)) + r")((?: [\u0621-\u064a]+){1,2}) (ال[\u0621-\u064a]+)")


def nisba_places(ntext: str, nisbas: dict[str, str]) -> list[tuple[int, str, float]]:
    """(position, country, weight) of each place noun qualified by a country's nisba (العاصمة الهايتية، مدينة
    كولومبية، قرى سودانية: as a bare country name) or a place named after such a noun with the nisba after the name
    (ولاية خوست الأفغانية: as a place's own name): where the text says things happen, though no name of the
    gazetteer says it."""
    out: list[tuple[int, str, float]] = []
    for m in _NISBA_PLACE.finditer(ntext):
        word = m.group(4)
        country = nisbas.get(word) or nisbas.get("ال" + word)  # (مدينة كولومبية: indefinite after one)
        definite = m.group(1) is not None or m.group(2) is not None
        if country is not None and definite == word.startswith("ال"):  # (the two agree)
            out.append((m.start(), country, 1.0))
    for m in _NAMED_NISBA_PLACE.finditer(ntext):
        country = nisbas.get(m.group(3))
        if country is not None and not (m.start() and is_word_char(ntext[m.start() - 1])) \
                and not any(w in nisbas or "ال" + w in nisbas for w in m.group(2).split()):
            out.append((m.start(), country, 2.0))
    return sorted(out)


def document_country(candidates: Sequence[PlaceCandidate], actors: Sequence[ActorMention],
                     nisba_votes: Sequence[tuple[int, str, float]] = (),
                     nisbas: Mapping[str, str] | None = None) -> str | None:
    """The country the document is about: a vote of unambiguous place names (sub-national places, and countries
    after a place cue, weigh more than bare country names, which are often foreign partners; where a trip goes
    weighs half; a dateline, where the report was filed, only breaks a tie) and of actors' countries, each
    actor once, and of place nouns qualified by a country's nisba (`nisba_votes`: العاصمة الهايتية, as a bare
    country name; ولاية خوست الأفغانية, as a place's name); on a tie, the country whose evidence comes first (a
    report's lead names what it is about).
    An armed group a country's nisba qualifies (`nisbas`: طالبان الأفغانية، حركة الشباب الصومالية، جيش التحرير الوطني
    الكولومبي) is named so where it is foreign to the report: it votes only when nothing else does. A group whose
    own name holds its country's name (حركة طالبان باكستان) votes as any other."""
    votes: dict[str, float] = {}
    first: dict[str, int] = {}
    for at, country, weight in nisba_votes:
        votes[country] = votes.get(country, 0.0) + weight
        first[country] = min(first.get(country, at), at)
    for cand in candidates:
        places = cand.places
        if not cand.cued or cand.common:
            continue  # (a common word that is a place only after a cue: الخمس "the five"; an everyday word)
        countries = {p.country for p in places}
        if len(countries) == 1:  # (a country after a place cue is where things happen: جنوبي لبنان، في اليمن)
            p = places[0]
            # (a word, not بـ: مرتبطة بإسرائيل; not where things go: امتدت إلى بوركينا فاسو)
            cued = cand.cue is not None and "ب" not in cand.prefix and not cand.toward
            weight = 1.0 if p.feature == "country" and not cued else 2.0
            votes[p.country] = votes.get(p.country, 0.0) + (0.5 if cand.dateline else weight / 2 if cand.toward
                                                              else weight)
            first[p.country] = min(first.get(p.country, cand.nstart), cand.nstart)
    seen: set[str] = set()
    marked: list[ActorMention] = []
    for m in actors:  # (each actor once: forces named in every sentence do not outvote the places)
        if m.actor.country and not m.ambiguous and m.actor.id not in seen \
                and m.actor.kind not in ("government", "international_org", "media"):
            if m.actor.kind in GROUP_KINDS and _qualified(m.text, nisbas or {}):
                marked.append(m)
                continue
            seen.add(m.actor.id)
            votes[m.actor.country] = votes.get(m.actor.country, 0.0) + 1.5
            first[m.actor.country] = min(first.get(m.actor.country, m.nstart), m.nstart)
    if not votes:
        for m in marked:
            votes[str(m.actor.country)] = votes.get(str(m.actor.country), 0.0) + 1.5
            first[str(m.actor.country)] = min(first.get(str(m.actor.country), m.nstart), m.nstart)
    if not votes:
        return None
    return max(sorted(votes), key=lambda c: (votes[c], -first[c]))


GROUP_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})  # (armed groups, not a state's)


def _qualified(name: str, nisbas: Mapping[str, str]) -> bool:
    """Whether a group's name ends with a country's definite nisba (طالبان الأفغانية، حركة الشباب الصومالية)."""
    words = normalize_name(name).split()
    return len(words) > 1 and words[-1] in nisbas

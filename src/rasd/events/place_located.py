"""A place named right after another to tell where that one lies (بلدة أ في قضاء ب، حي أ بمدينة ب، مخيم أ شمالي
مدينة ب، قرية أ بريف ب): the event is in the first, the second only locates it; and a known first place the
gazetteer puts far from the second is a homonym, so the event takes the second (events/place.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from math import cos, hypot, radians

from ..recognize.linking import PlaceMention
from ..records import is_unlinked
from ..resources.lexicon import CueLexicon
from ..text.words import words_before
from .context import SPECIFIC_FEATURES, word_start

VENUE_WORDS = 5  # the words from a statement's occasion to the place it was made at (في بيان صدر أمس في X)
# (normalized) the words that may stand between an occasion and its place: prepositions, a verb of issuing or
# holding with its pronoun, an adjective of the occasion, a day, a town's noun (في بيان صدر في، خلال مؤتمر صحفي عقده
# في مدينة)
VENUE_LINKS = frozenset({"في", "من", "صدر", "صادر", "الصادر", "صحفي", "صحافي", "رسمي", "مشترك", "متلفز", "عقده",
                         "عقدته", "عقدها", "عقداه", "القاه", "القته", "القاها", "اصدره", "اصدرته", "اصدرها", "نشره",
                         "نشرته", "بثه", "بثته", "اليوم", "امس", "مساء", "صباح", "مدينه", "بمدينه", "العاصمه",
                         "بالعاصمه"})
LOCATED_KM = 100.0  # a place the text locates by a town (حي أ شمالي مدينة ب) lies within this of it, else a homonym


def locates_previous(cues: CueLexicon, text: str, prev: PlaceMention, p: PlaceMention) -> bool:
    """Place `p` only tells where the place named right before it lies: the words between them (or the direction
    its mention opens with) are a locating phrase (cues.yaml `locating_words`) and `p` is no more specific than
    `prev` (an administrative unit, قضاء/مديرية, counts as coarser than a town). The event is in `prev`."""
    own = text[p.nstart:p.nend].split()
    coarse = SPECIFIC_FEATURES["admin2"] if is_unlinked(p.place.id) and own[0] in cues.admin_units \
        else SPECIFIC_FEATURES.get(p.place.feature, 3)  # (قضاء صور: a district of many towns)
    if coarse > SPECIFIC_FEATURES.get(prev.place.feature, 3) or p.place.id == prev.place.id:
        return False
    gap = text[prev.nend:p.nstart].split()
    lead = next((own[:n] for n in (2, 1) if len(own) > n and " ".join(own[:n]) in cues.locating_words), [])
    if gap[:1] == ["،"] and lead:  # (بلدة أ، جنوبي مدينة ب)
        gap = gap[1:]
    words = gap + lead
    inside = len(words) > 1 and words[0] in ("في", "ب")
    if inside:  # (في شمال مدينة ب، بـ + شمال)
        words = words[1:]
    phrase = " ".join(words)
    if len(words) == 1 and (inside or phrase.startswith("ب")) and any(  # (في قضاء ب، بمديرية ب، بمدينة ب)
            h.start == 0 and h.end == len(phrase) for h in cues.place_cues.find(phrase)):
        return True
    return bool(phrase) and (phrase in cues.locating_words or (
        phrase.startswith("ب") and phrase[1:] in cues.locating_words))


def located(cues: CueLexicon, inside: Callable[[str, str], bool], joined: Callable[[str], bool], text: str,
            primary: Sequence[PlaceMention], best: PlaceMention) -> PlaceMention:
    """The place `best` only locates, when one is named right before it (بلدة أ في قضاء ب → أ), alone: not one
    of two `joined` by و (بين منطقتي أ وج في مدينة ب: the fight is between them, in ب), nor a known place the
    gazetteer puts elsewhere (a homonym: the locating place is then the event's)."""
    k = next(i for i, p in enumerate(primary) if p is best)
    while k > 0 and locates_previous(cues, text, primary[k - 1], primary[k]):
        if k > 1 and joined(text[primary[k - 2].nend:primary[k - 1].nstart]) \
                and not locates_previous(cues, text, primary[k - 2], primary[k - 1]):
            break  # (أ وج في ب)
        if _elsewhere(inside, primary[k - 1], primary[k]):
            break  # (حي أ شمالي مدينة ب, where the gazetteer's أ is a village of another province: a homonym)
        k -= 1
    if k + 1 < len(primary) and locates_previous(cues, text, primary[k], primary[k + 1]) \
            and _elsewhere(inside, primary[k], primary[k + 1]):
        return primary[k + 1]  # (the town the text locates a homonym by: حي أ شمالي مدينة ب → ب)
    return primary[k]


def _elsewhere(inside: Callable[[str, str], bool], inner: PlaceMention, outer: PlaceMention) -> bool:
    """The gazetteer puts the known place `inner` away from the place the text locates it by: outside a
    province or country, or more than LOCATED_KM from a town."""
    if is_unlinked(inner.place.id) or is_unlinked(outer.place.id):
        return False
    if outer.place.feature in ("country", "admin1"):
        return not inside(inner.place.id, outer.place.id)
    if outer.place.feature == "region":
        return inner.place.country != outer.place.country
    km_lat = abs(inner.place.lat - outer.place.lat) * 111.0
    km_lon = abs(inner.place.lon - outer.place.lon) * 111.0 * cos(radians(outer.place.lat))
    return hypot(km_lat, km_lon) > LOCATED_KM


def reference_point(cues: CueLexicon, inside: Callable[[str, str], bool], text: str, prev: PlaceMention,
                    p: PlaceMention) -> bool:
    """Place `p` is only the reference point of the place named right before it: a word of nearness stands
    between them (cues.yaml `reference_words`; at most two definite adjectives of the first before it: الغوطة
    الشرقية المحاصرة قرب دمشق، مخيم أ على مشارف مدينة ب), and neither lies in the other (قرب بلدة أ in ريف ب is
    the town, more precise than the countryside). The event is in `prev`, whatever `p`'s size."""
    if prev.place.id == p.place.id or inside(prev.place.id, p.place.id) or inside(p.place.id, prev.place.id):
        return False
    words = text[prev.nend:p.nstart].split()
    for n in (3, 2, 1):
        if len(words) >= n and " ".join(words[-n:]) in cues.reference_words:
            rest = words[:-n]
            return len(rest) <= 2 and all(w.startswith("ال") and w.isalpha() for w in rest)
    return False


def spoken_at(cues: CueLexicon, text: str, p: PlaceMention) -> bool:
    """The place is where a statement was made, not where anything happened: a few words after the occasion it
    was made on, with only links between (في بيان صدر في نيامي، خلال مؤتمر صحفي عقده في أبوجا، في كلمة ألقاها
    بنيروبي; cues.yaml `venue_nouns`)."""
    for w in reversed(words_before(text, word_start(text, p.nstart), VENUE_WORDS)):
        bare = w.removeprefix("و")
        if w in cues.venue_nouns or bare in cues.venue_nouns:
            return True
        if bare not in VENUE_LINKS:
            return False
    return False

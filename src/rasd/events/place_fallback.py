"""Where an event takes its place from when its own clause names none (events/place.py): the place a relative
clause holding it qualifies, the settlement a word refers back to (القرية، المدينة), the places of the sentence
before, and the place of the violent event told just before it (the story goes on there: اقتحموا القرية … وأضافت
أن المهاجمين اختطفوا ثلاثين شابا)."""

from __future__ import annotations

import re

from ..recognize.linking import PlaceMention, is_dateline
from ..resources.gazetteer import Gazetteer, Place
from ..resources.lexicon import CueLexicon
from ..text.clauses import ClauseOpen
from ..text.words import words_before
from .context import SPECIFIC_FEATURES, DocContext, Draft, word_start
from .place_located import locates_previous
from .rules import PlaceRule

SETTLEMENTS = frozenset({"city", "town", "village", "camp"})  # what المدينة، البلدة، القرية، المخيم refer back to
ANAPHOR_FEATURES = {"المدينه": "city", "البلده": "town", "القريه": "village", "المخيم": "camp"}  # (normalized)
RESUMPTIVES = frozenset({"فيها", "فيه", "بها", "به"})  # "there": a pronoun that refers back to a place
WHERE, WHERE_REACH = "حيث", 4  # (normalized) "where", and words from it to the trigger of its clause
TOLD_REACH = 2  # sentences back to the violent event whose place a placeless one goes on at
_TOLD = "places-told"  # (DocContext.memo key: trigger start → (sentence index, place) of each violent event placed)


# (normalized) direction words opening a region's mention (شمال بوركينا فاسو، غربي محافظة نينوى) and the signs
# (latitude, longitude) of the part of the region they name
DIRECTION_SIGNS = {"شمال": (1, 0), "شمالي": (1, 0), "جنوب": (-1, 0), "جنوبي": (-1, 0), "شرق": (0, 1),
                   "شرقي": (0, 1), "غرب": (0, -1), "غربي": (0, -1)}


def _part_signs(ctx: DocContext, p: PlaceMention) -> list[tuple[int, int]]:
    """The signs of the direction words the mention opens with (شمال غرب سوريا: north and west), none when it
    opens with none."""
    out: list[tuple[int, int]] = []
    for w in ctx.norm.text[p.nstart:p.nend].split(maxsplit=2)[:2]:
        if w not in DIRECTION_SIGNS:
            break
        out.append(DIRECTION_SIGNS[w])
    return out


def names_part(ctx: DocContext, p: PlaceMention) -> bool:
    """The mention opens with a direction word: it names a part of its place (شمال بوركينا فاسو)."""
    return bool(_part_signs(ctx, p))


def lies_toward(ctx: DocContext, gazetteer: Gazetteer, inner: Place, region: PlaceMention) -> bool:
    """Whether `inner` lies in the part of the region a direction word before its name says (شمال بوركينا فاسو:
    north of the country's middle; the capital, in its middle, is not there), measured from the middle of a
    country's bounding box or a region's point; true when the mention names no direction."""
    signs = _part_signs(ctx, region)
    if not signs:
        return True
    box = gazetteer.bbox(region.place.country) if region.place.feature == "country" else None
    lat, lon = ((box.min_lat + box.max_lat) / 2, (box.min_lon + box.max_lon) / 2) if box is not None \
        else (region.place.lat, region.place.lon)
    return all((inner.lat - lat) * dlat >= 0 and (inner.lon - lon) * dlon >= 0 for dlat, dlon in signs)


def party(p: PlaceMention) -> bool:
    """A country or a capital that stands for its government, named with no place cue (لكن طهران تنفي، قصف إيران
    لمقر …، اتفاق مع إسرائيل): a party to the event, not where it happened."""
    return p.cue is None and (p.place.feature == "country" or p.place.metonym)


def antecedent(d: Draft, ctx: DocContext) -> PlaceMention | None:
    """The place a relative clause holding the trigger qualifies, when that clause names no place of its own
    (عائدا من القاهرة التي زارها، البلدة التي تعرضت لقصف، مدينة حلب، التي شهدت معارك): the happening is there."""
    clause = ctx.clauses.at(d.trigger.nstart)
    if clause is not None and clause.opens is ClauseOpen.CONTINUES and clause.index > 0 \
            and RESUMPTIVES & set(ctx.norm.text[clause.start:clause.end].split()):
        # (… التي زارها يومين والتقى فيها: the relative clause goes on, "there" says it)
        clause = ctx.clauses.items[clause.index - 1]
    if clause is None or clause.opens is not ClauseOpen.RELATIVE or any(
            not party(p) for p in ctx.places_in(clause.start, min(clause.end, d.window[1]))):
        return None  # (a country named there is a party: التقى فيها أمير قطر)
    before = ctx.places_in(max(0, clause.start - 80), clause.start)
    if not before or ctx.norm.text[before[-1].nend:clause.start].strip(" ،,") != "":
        return None
    return before[-1]


def where_antecedent(cues: CueLexicon, d: Draft, ctx: DocContext) -> PlaceMention | None:
    """The place right before a clause that opens with حيث "where" and holds the trigger, when that clause names
    no place of its own (… قرب حي الزيتون، حيث اندلعت اشتباكات؛ وصلوا إلى بلدة ص حيث قصفت الطائرات): there."""
    text = ctx.norm.text
    lo = ctx.seg.sentence_at(d.trigger.nstart).start
    at = text.rfind(WHERE, lo, d.trigger.nstart)
    if at < 0 or (at > 0 and text[at - 1] not in " ،,(") or not text.startswith(" ", at + len(WHERE)) \
            or len(text[_reported_from(cues, text, at + len(WHERE), d.trigger.nstart):d.trigger.nstart].split()) \
            > WHERE_REACH or any(c in text[at:d.trigger.nstart] for c in ",.،;:") \
            or ctx.places_in(at, d.window[1]):
        return None
    before = ctx.places_in(lo, at)
    if not before or text[before[-1].nend:at].strip(" ،,") != "":
        return None
    k = len(before) - 1  # (حي أ في مدينة ب، حيث …: the place the town only locates)
    while k > 0 and locates_previous(cues, text, before[k - 1], before[k]):
        k -= 1
    return before[k]


def _reported_from(cues: CueLexicon, text: str, pos: int, hi: int) -> int:
    """Where what a حيث clause tells starts: right after حيث, or, when a speech verb opens the clause, after the
    that-word that ends its speaker (حيث أفاد المرصد السوري لحقوق الإنسان أن …: the report is the clause's)."""
    words = [(m.start(), m.end()) for m in re.finditer(r"\S+", text[pos:hi])][:cues.attribution_max_words + 2]
    if not words or not cues.speech_verbs.find(text[pos + words[0][0]:pos + words[0][1]].removeprefix("و")):
        return pos
    return next((pos + e for s, e in words[1:] if text[pos + s:pos + e] in cues.that_words), pos)


def settlement_referred(cues: CueLexicon, d: Draft, ctx: DocContext) -> PlaceMention | None:
    """The town named last before the event when its clause refers back to one (داخل المدينة، القرية): the
    last one of the kind the word says (في محيط القرية: the village, not the city they fled to), else the
    last settlement. The word may stand before the trigger in its sentence (اقتحموا القرية … ثم نهبوا المنازل)."""
    lo = d.sentence.start if d.window[0] == d.sentence.start else d.trigger.nstart
    words = [w.strip(".,،\"") for w in ctx.norm.text[d.sentence.start:d.window[1]].split()]
    said = next((w for w in words if w in cues.place_anaphors), None)
    if said is None:
        return None
    kind = ANAPHOR_FEATURES.get(said[said.find("ال"):])
    # (not the city a wire report was filed from: في محيط القرية after "نيامي (أ ف ب) -" is no part of Niamey)
    before = [p for p in reversed(ctx.places_in(0, lo)) if p.place.feature in SETTLEMENTS
              and not is_dateline(ctx.norm.text, p.nstart, p.nend)]

    def called(p: PlaceMention) -> str | None:  # what the text calls it (مدينة طفس: a city, whatever its size)
        word = words_before(ctx.norm.text, word_start(ctx.norm.text, p.nstart), 1)
        # (the word, or it without و، ب، وب: بمدينة)
        return next((ANAPHOR_FEATURES["ال" + word[0][k:]] for k in range(3)
                     if "ال" + word[0][k:] in ANAPHOR_FEATURES), None) if word else None

    return next((p for p in before if called(p) == kind), next(
        (p for p in before if called(p) is None and p.place.feature == kind), before[0] if before else None))


def previous_sentence(d: Draft, ctx: DocContext, s_start: int) -> tuple[list[PlaceMention], PlaceRule]:
    """The places of the sentence before the event's, in its paragraph."""
    prev = [p for p in ctx.places_in(0, s_start)[-8:] if p.nend <= s_start]
    if prev:
        prev_sent = ctx.seg.sentence_at(prev[-1].nstart)
        if ctx.paragraph(prev_sent) == ctx.paragraph(ctx.seg.sentence_at(s_start)) \
                and prev_sent.index >= d.sentence.index - 1:
            return [p for p in prev if prev_sent.start <= p.nstart], PlaceRule.PREVIOUS_SENTENCE
    return [], PlaceRule.CLAUSE


def record_told(ctx: DocContext, d: Draft, place: PlaceMention) -> None:
    """Keeps the place a violent event took from its own words, for the placeless events told after it."""
    told: dict[int, tuple[int, PlaceMention]] = ctx.memo(_TOLD, dict)
    told[d.trigger.nstart] = (d.sentence.index, place)


def told_before(ctx: DocContext, d: Draft) -> PlaceMention | None:
    """The place of the last violent event placed before this one, at most TOLD_REACH sentences back, when it is
    a settlement or a site, or the part of a region a direction names (شمال بوركينا فاسو; not a whole province or
    country): a violent happening told with no place of its own goes on where the story is (هاجمت قوة بلدة ص …
    وأضاف المصدر أن المهاجمين خطفوا عشرة شبان)."""
    told: dict[int, tuple[int, PlaceMention]] = ctx.memo(_TOLD, dict)
    before = [k for k in told if k < d.trigger.nstart]
    if not before:
        return None
    index, place = told[max(before)]
    if index < d.sentence.index - TOLD_REACH or (SPECIFIC_FEATURES.get(place.place.feature, 3)
                                                 < SPECIFIC_FEATURES["village"] and not names_part(ctx, place)):
        return None
    return place

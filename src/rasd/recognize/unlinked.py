"""Names no entry resolves: a place or a group after a descriptor (قرية X، حي X، لواء X), a person after a title
(وزير الخارجية الإيطالي X). They become unlinked entities: id null, their Arabic name from the text, their kind
from the descriptor; a place takes its coordinates from the most specific known place around it (a city named
in the sentence, else the document's country) with a geo precision of 2 or 3.

The descriptors are data (data/descriptors.yaml). A strong descriptor (قرية، حي، مخيم) names the word after it
unless that word is a common one; a weak one (منطقة، مجموعة، قوة) and every title need the learned recognizer
(`recognize.names`, the CRF) to tag a name right there. The CRF runs only on the words around a descriptor.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..records import UNLINKED, is_unlinked, replaced
from ..resources.datafiles import ResourceError, load_yaml
from ..resources.gazetteer import Gazetteer, Place
from ..text.normalize import Normalized, normalize_name
from ..text.segment import Segmented, Token
from .linking import SMALL_PLACE, ActorLinker, ActorMention, PlaceLinker, PlaceMention, is_dateline
from .matcher import Hit, PhraseMatcher, SpanSet
from .names import NameTagger, TaggedName, marks_from_hits, typed_hits
from .organisations import OrganisationFinder, definite_nisba, headed_governments
from .unlinked_abbrev import named_bodies
from .unlinked_compound import with_compounds
from .unlinked_groups import Found as _Found
from .unlinked_groups import display_name as display_name  # (re-exported)
from .unlinked_groups import groups_by_identity, groups_from_place, short_forms, unlinked_actor
from .unlinked_titles import (
    APPOSITIVE_REACH,
    TITLE_REACH,
    linked_end,
    rare_person,
    rare_run,
    remit_end,
    title_person,
)
from .unlinked_titles import appositive_may_follow as appositive_may_follow

MAX_NAME_WORDS = 4
PHRASE_PREFIXES = ("لل", "بال", "كال", "فال", "وال", "وب", "ول")  # a word with these begins a phrase, no name
WINDOW_BEFORE, WINDOW_AFTER = 2, 10  # the words around a descriptor the CRF reads (after a title: to the comma
TITLE_WINDOW = APPOSITIVE_REACH + 4  # that closes a name in apposition, unlinked_titles)
CITY_FEATURES = frozenset({"city", "town", "village", "district"})
REGION_FEATURES = frozenset({"country", "admin1", "region", "city"})  # places a direction word makes a region of


def unlinked_container(place_id: str) -> str | None:
    """The id of the known place an unlinked place stands at (its id is unlinked:place:<that id>:<name>)."""
    parts = place_id.split(":", 3)
    return parts[2] if is_unlinked(place_id) and len(parts) == 4 and parts[1] == "place" else None


def _nisba(word: str) -> bool:
    """A definite word of the nisba form (الزبيدي، البرزاني): a family name after a given name."""
    return word.startswith("ال") and word.endswith("ي") and len(word) >= 5


def _adjective(word: str, descriptor: str = "") -> bool:
    """An indefinite nisba adjective (سكنية، شعبي): it describes the descriptor, it names nothing. An adjective
    agrees with its noun: after a feminine descriptor (مدينة، قرية، بلدة: normalized ending ه) only a feminine
    one (ساحلية) is an adjective; a word ending ي there is a name (مدينة تندلتي)."""
    if word.startswith("ال") or len(word) < 4:
        return False
    return word.endswith("يه") or (word.endswith("ي") and not descriptor.endswith("ه"))


@dataclass(frozen=True, slots=True)
class Descriptors:
    """The descriptor words (normalized): places and groups with (feature or kind, strong), titles, stop words."""

    places: dict[str, tuple[str, bool]]
    groups: dict[str, tuple[str, bool]]
    titles: frozenset[str]
    stop_words: frozenset[str]
    compound_heads: frozenset[str]
    ranks: frozenset[str] = frozenset()  # (phrases, normalized) ranks and honorifics before a person's name
    directions: frozenset[str] = frozenset()  # words that make a region of the place after them (جنوبي، ريف)
    given_names: frozenset[str] = frozenset()  # stop words that are given names too (علي): after a title, the CRF decides
    named_after: frozenset[str] = frozenset()  # descriptors named after other places (شارع بغداد، دوار الكويت)
    organisations: Mapping[str, str] = field(default_factory=dict)  # a body's head noun → its kind (recognize.organisations)
    quoted: Mapping[str, str] = field(default_factory=dict)  # heads of group names in quotation marks → their kind
    abbreviated: Mapping[str, str] = field(default_factory=dict)  # more heads of names closed by an abbreviation
    site_heads: frozenset[str] = frozenset()  # descriptors that are part of the site's name (القصر الجمهوري، شارع X)
    name_links: frozenset[str] = frozenset()  # particles inside a foreign place's name (دا، دي): unlinked_titles.rare_run
    name_link_articles: frozenset[str] = frozenset()  # articles after such a particle (دي لا)
    also_adjectives: frozenset[str] = frozenset()  # descriptors that are nisba adjectives too (محلية "local")
    duals: frozenset[str] = frozenset()  # dual constructs of place descriptors: two names joined by و follow
    regions: frozenset[str] = frozenset()  # open land naming the region around a place (البادية، الصحراء)
    provenance: frozenset[str] = frozenset()  # words of coming before من + a place (قدمت، قادمين)
    fighter_heads: frozenset[str] = frozenset()  # gunmen, fighters whose identity after them names a group
    identities: frozenset[str] = frozenset()  # communities and peoples that name such a group (الدروز، البدو)
    matcher: PhraseMatcher[str] = field(init=False, repr=False, compare=False)
    rank_words: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # names=True: no article before a place or group descriptor (اللواء is a rank, لواء a brigade)
        entries = [(w, "place") for w in self.places] + [(w, "group") for w in self.groups] \
            + [(w, "title") for w in self.titles]  # (a rank alone names an officer, rarely an event's actor)
        object.__setattr__(self, "matcher", PhraseMatcher(entries, names=True))
        object.__setattr__(self, "rank_words", frozenset(w for r in self.ranks for w in r.split()))

    def word_of(self, phrase: str) -> str:
        """The descriptor a matcher hit's phrase stands for: after ل the article's alif drops (للقصر الجمهوري: the
        hit is لقصر, the descriptor القصر)."""
        if phrase in self.places or phrase in self.groups or phrase in self.titles or not phrase.startswith("ل"):
            return phrase
        return "ال" + phrase[1:]

    @classmethod
    def load(cls, path: str | Path | None = None) -> Descriptors:
        """Reads data/descriptors.yaml (or `path`), checked against its schema."""
        data, shown = load_yaml(path or "descriptors.yaml", schema="descriptors")

        def words(items: list[str]) -> frozenset[str]:
            return frozenset(normalize_name(w) for w in items)

        places = {normalize_name(d["word"]): (d["feature"], d["strong"]) for d in data["places"]}
        for dual, single in (data.get("duals") or {}).items():  # (a dual is strong: its two names are the proof)
            if normalize_name(single) not in places:
                raise ResourceError(shown, f"dual {dual}: {single} is no place descriptor")
            places[normalize_name(dual)] = (places[normalize_name(single)][0], True)
        return cls(places=places, duals=words(list(data.get("duals") or {})), regions=words(data.get("regions") or []),
                   provenance=words(data.get("provenance") or []), fighter_heads=words(data.get("fighter_heads") or []),
                   identities=words(data.get("identities") or []),
                   groups={normalize_name(d["word"]): (d["kind"], d["strong"]) for d in data["groups"]},
                   titles=words(data["titles"]), stop_words=words(data["stop_words"]),
                   compound_heads=words(data["compound_heads"]), ranks=words(data.get("ranks") or []),
                   name_links=words(data.get("name_links") or []),
                   name_link_articles=words(data.get("name_link_articles") or []),
                   directions=words(data.get("directions") or []), given_names=words(data.get("given_names") or []),
                   named_after=words(data.get("named_after") or []), site_heads=words(data.get("site_heads") or []),
                   also_adjectives=words(data.get("also_adjectives") or []),
                   organisations={normalize_name(d["word"]): d["kind"] for d in data.get("organisations") or []},
                   quoted={normalize_name(d["word"]): d["kind"] for d in data.get("quoted_heads") or []},
                   abbreviated={normalize_name(d["word"]): d["kind"] for d in data.get("abbreviation_heads") or []})


def _only_abroad(known: Sequence[Place], places: Sequence[PlaceMention], country: str | None) -> bool:
    """Every place of a name lies in a country other than the document's, and the text names no place there:
    after a descriptor (حارة بغداد in a Sudanese town) the name is a homonym of the document's country."""
    abroad = {p.country for p in known}
    return country is not None and country not in abroad and not any(q.place.country in abroad for q in places)


def _qualifies(d: Descriptors, toks: Sequence[Token], j: int, word: str) -> bool:
    """A descriptor that is a feminine nisba too (محلية "local"), bare right after an indefinite noun it
    qualifies (مصادر محلية، تقارير محلية): an adjective there, no unit (بمحلية X، في محلية X name one)."""
    if word not in d.also_adjectives or toks[j].text != word or j == 0:
        return False
    prev = toks[j - 1]
    return prev.kind == "word" and not prev.text.startswith("ال") and prev.text not in d.stop_words


def _common_after_site(d: Descriptors, gaz: Gazetteer, toks: Sequence[Token], j: int, word: str) -> bool:
    """An indefinite word after a site's head, neither a known name nor the head of a construct (ساحة سيارات
    "a car park"; not مبنى وزارة الداخلية, ساحة بغداد, ساحة الشهداء): a common noun as often as a name, so the
    learned recognizer decides."""
    if word not in d.site_heads or j + 1 >= len(toks) or toks[j + 1].text.startswith("ال"):
        return False
    construct = j + 2 < len(toks) and toks[j + 2].kind == "word" and toks[j + 2].text.startswith("ال") \
        and toks[j + 2].text not in d.stop_words
    return not construct and not gaz.lookup(toks[j + 1].text)[1]


def _for_phrase(d: Descriptors, gaz: Gazetteer, first: str, word: str) -> bool:
    """A site's head before a word with the preposition لـ (مقر لقيادة القوة "a headquarters for"): no name."""
    return word in d.site_heads and first.startswith("ل") and not gaz.lookup(first)[1]


def _name_word(d: Descriptors, tok: Token, taken: SpanSet, person: bool = False) -> bool:
    """A word that can be (part of) a name: not a stop word (in a person's name, a given name that is one too:
    علي), not a known name, not a word with a preposition and the article (للنازحين، بالقرب: a phrase)."""
    return tok.kind == "word" and len(tok.text) >= 2 \
        and (tok.text not in d.stop_words or (person and tok.text in d.given_names)) \
        and not tok.text.startswith(PHRASE_PREFIXES) and not taken.overlaps(tok.start, tok.end)


def _given_name(d: Descriptors, toks: Sequence[Token], j: int, taken: SpanSet, sites: SpanSet) -> list[TaggedName]:
    """A person the CRF misses after a title and its remit (a known place, one comma at most): a given name
    and a family name of the nisba form right after it (العميد علي الخزاعي، محافظ البصرة أسعد العيداني،
    وزير الداخلية، سالم الزبيدي): a given name that is a stop word too (علي) the recognizer reads as "on"."""
    k = remit_end(d, toks, j, sites)
    if k is None or k + 1 >= len(toks):
        return []
    t, nxt = toks[k], toks[k + 1]
    if (t.text in d.given_names or _name_word(d, t, taken, person=True)) and not t.text.startswith("ال") \
            and nxt.kind == "word" and _nisba(nxt.text) and not taken.overlaps(nxt.start, nxt.end):
        return [TaggedName(k, k + 2, "PERS")]
    return []


def _name_may_follow(d: Descriptors, toks: Sequence[Token], j: int, title: bool, taken: SpanSet, sites: SpanSet) -> bool:
    """A cheap test before the CRF: a name word right after a descriptor; after a title, a word without the
    article among the next few (a given name: خالد، أنطونيو), past a known place (its remit: محافظ البصرة) and
    at most one comma before the name (المتحدث باسم الشرطة، العقيد فلان)."""
    if not title:
        return j + 1 < len(toks) and _name_word(d, toks[j + 1], taken) \
            and not _adjective(toks[j + 1].text, toks[j].text)
    k = remit_end(d, toks, j, sites)  # past the title's complements (الخارجية الإيطالي، باسم الجيش)
    return k is not None and _name_word(d, toks[k], taken, person=True)  # the first other word begins the name


def _second_of_dual(d: Descriptors, toks: Sequence[Token], f: _Found, taken: SpanSet) -> list[_Found]:
    """The second name after a dual descriptor (منطقتي باب التبانة وجبل محسن): right after the first, with و, one
    word, or two for a compound (جبل X) or a construct (باب التبانة); [] when none follows."""
    k = bisect_left(toks, f.name[1], key=_token_start)
    if k >= len(toks) or toks[k].start != f.name[1] + 1 or not toks[k].text.startswith("و") \
            or not _name_word(d, Token(toks[k].text[1:], toks[k].start + 1, toks[k].end, "word"), taken):
        return []
    head, end = toks[k].text[1:], k + 1
    if end < len(toks) and _name_word(d, toks[end], taken) and (
            head in d.compound_heads or (not head.startswith("ال") and toks[end].text.startswith("ال"))):
        end += 1
    span = (toks[k].start + 1, toks[end - 1].end)
    return [_Found("place", f.kind, span, span)]


ANAPHORS = frozenset({"المدينه", "البلده", "القريه", "المخيم", "المحافظه", "العاصمه", "الولايه", "المديريه"})
LOCATIVES = frozenset({"في", "قرب", "داخل", "وسط"})


def _name_by_structure(d: Descriptors, toks: Sequence[Token], j: int, taken: SpanSet) -> bool:
    """After a weak place descriptor (منطقة، قطاع), a name the grammar shows without the learned recognizer: a
    compound's head (منطقة باب بن غشير، منطقة أبو X), or a word (two for a construct) that a locative phrase places
    in a known place right after it (منطقة الرقو بمديرية منبه، منطقة الأزقول في مديرية X، منطقة Y شمال المدينة)."""
    k = j + 1
    if k >= len(toks) or not _name_word(d, toks[k], taken):
        return False
    if toks[k].text in d.compound_heads:
        return k + 1 < len(toks) and _name_word(d, toks[k + 1], taken)
    after = k + 1
    if after < len(toks) and not toks[k].text.startswith("ال") and toks[after].text.startswith("ال") \
            and _name_word(d, toks[after], taken):
        after += 1  # (a construct: شهداء الفجر)
    return _places_it(d, toks, after, taken)


def _places_it(d: Descriptors, toks: Sequence[Token], k: int, taken: SpanSet) -> bool:
    """The words from token k place what precedes them in a known place: بمديرية X، بطرابلس، في مدينة X، شمال
    المدينة، قرب X (a known place, a place descriptor or a settlement's anaphor after the locative)."""
    if k >= len(toks) or toks[k].kind != "word":
        return False
    t = toks[k]
    if t.text.startswith("ب") and (t.text[1:] in d.places or t.text[1:] in ANAPHORS or taken.overlaps(t.start, t.end)):
        return True
    if t.text not in LOCATIVES and (t.text not in d.directions or t.text.startswith("ال")) or k + 1 >= len(toks):
        return False
    u = toks[k + 1]
    return u.text in d.places or u.text in ANAPHORS or taken.overlaps(u.start, u.end)


def _regions(d: Descriptors, linker: PlaceLinker, seg: Segmented, taken: SpanSet) -> list[_Found]:
    """Open land after a place cue (مواقع في البادية القريبة، قرب الصحراء): the region around the place told with it,
    with the definite nisba after it (البادية السورية)."""
    out: list[_Found] = []
    toks, ends = seg.tokens, tuple(d.regions)
    for k, t in enumerate(toks):
        if not t.text.endswith(ends):
            continue
        stem = next((t.text[i:] for i in range(3) if t.text[i:] in d.regions and set(t.text[:i]) <= set("وفب")), None)
        if stem is None or taken.overlaps(t.start, t.end):
            continue
        start = t.end - len(stem)
        if linker.cue_at(seg.text, t.start) is None and "ب" not in t.text[:-len(stem)]:
            continue
        end = t.end
        if k + 1 < len(toks) and definite_nisba(toks[k + 1].text) and _name_word(d, toks[k + 1], taken):
            end = toks[k + 1].end
        out.append(_Found("place", "region", (start, end), (start, end)))
    return out


def _token_start(t: Token) -> int:
    return t.start


@dataclass(frozen=True, slots=True)
class Unlinked:
    """What the finder found: new actor and place mentions, and dictionary persons a longer name replaces."""

    actors: tuple[ActorMention, ...]
    places: tuple[PlaceMention, ...]
    dropped: tuple[ActorMention, ...]
    dropped_places: tuple[PlaceMention, ...] = ()  # foreign homonyms an unlinked place of the country replaces


class UnlinkedFinder:
    """Finds unlinked places, groups and persons in a document, beside the linked mentions."""

    def __init__(self, descriptors: Descriptors, actor_linker: ActorLinker, place_linker: PlaceLinker,
                 tagger: NameTagger | None, locating_words: frozenset[str] = frozenset()) -> None:
        """`locating_words`: what may stand between a name and the place that locates it (cues.yaml
        `locating_words`, normalized: X بولاية ص، X جنوبي محافظة ع)."""
        self.d = descriptors
        self.locating = locating_words | {""}  # (or nothing: the place's mention opens with its direction)
        self.actor_linker = actor_linker
        self.place_linker = place_linker
        self.gazetteer = place_linker.gazetteer
        self.tagger = tagger
        self.group_heads = {**{w: k for w, (k, _) in descriptors.groups.items()}, **descriptors.quoted}
        self.bodies = OrganisationFinder(descriptors.organisations, descriptors.stop_words, display_name,
                                         frozenset(descriptors.places), self.group_heads)
        self.group_heads = {**self.group_heads, **descriptors.abbreviated}  # (قوات X (ABC): unlinked_abbrev)

    def find(self, text: str, norm: Normalized, seg: Segmented, actors: Sequence[ActorMention],
             places: Sequence[PlaceMention], country: str | None,
             hits: tuple[Sequence[Hit[Any]], Sequence[Hit[Any]]] = ((), ()),
             descriptor_hits: Sequence[Hit[str]] | None = None) -> Unlinked:
        """The unlinked mentions, and the dictionary persons a longer unlinked name holds (الزبيدي inside خالد الزبيدي),
        to drop. `hits`: the actor and place phrase hits (CRF features); `descriptor_hits`: the descriptors' hits."""
        people = [m for m in actors if m.actor.kind == "person"]
        descs = list(self.d.matcher.find(norm.text) if descriptor_hits is None else descriptor_hits)
        homonyms = self._foreign_homonyms(norm.text, descs, places, country)
        places = [p for p in places if p not in homonyms]
        widened = [(p, r) for p in places if (r := self._region(text, norm.text, norm, p)) is not None]
        places = [next((r for q, r in widened if q is p), p) for p in places]
        taken = SpanSet([(m.nstart, m.nend) for m in actors if m.actor.kind != "person"]
                        + [(p.nstart, p.nend) for p in places])
        remits = SpanSet([(p.nstart, p.nend) for p in places if p.place.feature != "country"])  # (a country: he speaks for it)
        found: list[_Found] = []
        used_to = -1
        for h in descs:
            if h.word_start < used_to or taken.overlaps(h.start, h.end):
                continue
            toks = seg.sentence_tokens(seg.sentence_at(h.start))
            j = bisect_left(toks, h.word_start, key=_token_start)
            if j < len(toks) and toks[j].start == h.word_start and toks[j].end == h.end:
                word = self.d.word_of(h.phrase)
                f = self._at(toks, j, h.payloads[0], word, taken, hits, remits)
                pair = _second_of_dual(self.d, toks, f, taken) if f is not None and word in self.d.duals else []
                if f is not None and (pair or word not in self.d.duals):
                    found += [f, *pair]
                    used_to = found[-1].span[1]
        found, places, compounded = with_compounds(self.d, self.tagger.vocab if self.tagger else {}, seg, descs,
                                                   found + _regions(self.d, self.place_linker, seg, taken), places)
        new_actors: list[ActorMention] = []
        new_places: list[PlaceMention] = []
        dropped: list[ActorMention] = []
        for f in found:
            s, e = f.name
            inside = [m for m in people if m.nstart < e and s < m.nend]
            if any(m.nstart < s or m.nend > e or (m.nstart, m.nend) == (s, e) for m in inside):
                continue  # a dictionary person as long as the name, or reaching out of it, wins
            dropped += inside
            if f.what == "place":
                pm = self._place(text, norm, seg, f, places, country,
                                 known_abroad=any(h.nstart < e and s < h.nend for h in homonyms))
                if pm is not None:
                    new_places.append(pm)
            else:
                new_actors.append(unlinked_actor(text, norm, f))
        new_actors, new_places, gone, gone_places = named_bodies(self, text, norm, seg, actors, new_actors, places, new_places)
        groups, generic = _described_groups(self.d, text, norm, actors, [*places, *new_places], taken)
        new_actors += groups
        dropped += generic + gone
        for person, headed in headed_governments(norm, [m for m in people if m not in dropped]):
            dropped.append(person)
            new_actors.append(headed)
        named = {h.end for h in descs if h.payloads[0] == "place" and self.d.word_of(h.phrase) in self.d.named_after}
        replaced = [h for h in homonyms if any(p.nstart <= h.nstart and h.nend <= p.nend and (
            p.nend > h.nend or h.place.country != country or h.nstart - 1 in named) for p in new_places)]
        # (the place a street or an island is named after, جزيرة الفرناج: the site's name, no place of its own)
        return Unlinked(tuple(short_forms(new_actors, actors, norm.text)), tuple(new_places) + tuple(r for _, r in widened), tuple(dropped),
                        tuple(replaced) + tuple(p for p, _ in widened) + tuple(compounded) + tuple(gone_places))

    def _region(self, text: str, ntext: str, norm: Normalized, p: PlaceMention) -> PlaceMention | None:
        """The mention of a country, province or city widened over the direction words before it (جنوبي سوريا،
        شمال غرب البلاد، ريف حماة الشمالي): the text names a region of the place; the place stays linked to
        it and keeps its cue. None when no direction word stands right before it."""
        if p.place.feature not in REGION_FEATURES or is_unlinked(p.place.id):
            return None
        start = p.nstart
        words: list[str] = []
        for _ in range(2):
            ws = ntext.rfind(" ", 0, max(0, start - 1)) + 1
            word = ntext[ws:start - 1] if start > 0 and ntext[start - 1] == " " else ""
            k = next((k for k in range(3) if word[k:] in self.d.directions and set(word[:k]) <= set("وفبل")), None)
            if k is None or word[k:].startswith("ال"):
                break
            start, words = ws + k, [word[k:], *words]
            if words[0] in ("ريف", "ريفي"):  # (ريفي إدلب وحماة: the countryside of both)
                break
        if not words:
            return None
        end = p.nend
        nxt = ntext[end + 1:].split(maxsplit=1)[:1] if ntext[end:end + 1] == " " else []
        if words[0] == "ريف" and nxt and nxt[0].startswith("ال") and nxt[0] in self.d.directions:
            end += 1 + len(nxt[0])  # ريف حماة الشمالي
        s, e = norm.to_original(start, end)
        return replaced(p, start=s, end=e, nstart=start, nend=end, text=text[s:e],
                       cue=p.cue if p.cue is not None else 2)

    def _foreign_homonyms(self, ntext: str, descs: Sequence[Hit[str]], places: Sequence[PlaceMention],
                          country: str | None) -> list[PlaceMention]:
        """Places a place descriptor qualifies that the name after it is not: linked abroad in a document about
        another country that names no other place of theirs (حي المنامة، قاطع الرياض: a ward or a village of the
        document's country that shares a foreign city's name), a city or country a street is named after (شارع
        الزاوية، دوار الكويت), or the head of a longer name (`_head_of_longer`)."""
        ends = {h.end: self.d.word_of(h.phrase) for h in descs if h.payloads[0] == "place"}
        out = []
        for p in places:
            if is_unlinked(p.place.id) or p.nstart - 1 not in ends or ntext[p.nstart - 1] != " ":
                continue
            if self._head_of_longer(ntext, p) or ends[p.nstart - 1] in self.d.named_after \
                    or (country is not None and p.place.country != country and not any(
                        q.place.country == p.place.country for q in places if q is not p)):
                out.append(p)
        return out

    def _head_of_longer(self, ntext: str, p: PlaceMention) -> bool:
        """A small place's one-word name the next word continues as a construct (بلدة راشيا الفخار is not راشيا):
        a longer name after the descriptor, which wins over the name inside it."""
        nxt = ntext[p.nend:].split(maxsplit=1)[:1] if ntext[p.nend:p.nend + 1] == " " else []
        return bool(nxt) and " " not in ntext[p.nstart:p.nend] and not ntext[p.nstart:p.nend].startswith("ال") \
            and nxt[0].startswith("ال") and nxt[0] not in self.d.stop_words \
            and p.place.id.startswith("gn-") and p.place.population < SMALL_PLACE

    def _at(self, toks: Sequence[Token], j: int, what: str, word: str, taken: SpanSet,
            hits: tuple[Sequence[Hit[Any]], Sequence[Hit[Any]]], sites: SpanSet) -> _Found | None:
        """The name the descriptor at token j introduces, if any (`sites`: the known places, a title's remit)."""
        if not (_name_may_follow(self.d, toks, j, what == "title", taken, sites)
                or (what == "title" and appositive_may_follow(toks, j))) or (
                what == "place" and word.startswith("ال") and not definite_nisba(toks[j + 1].text)) \
                or _qualifies(self.d, toks, j, word):
            return None  # (the CRF need not run; a definite site head (القصر، المجمع) needs its nisba: القصر الجمهوري)
        strong = what != "title" and ((self.d.places.get(word) or self.d.groups[word])[1]
                                      or (what == "place" and _name_by_structure(self.d, toks, j, taken))) \
            and not _common_after_site(self.d, self.gazetteer, toks, j, word)
        after = TITLE_WINDOW if what == "title" else WINDOW_AFTER
        tags = [] if strong else self._tag(toks, max(0, j - WINDOW_BEFORE), min(len(toks), j + after), hits)
        if what == "title" and not any(n.type == "PERS" and j < n.first <= j + TITLE_REACH for n in tags):
            tags += _given_name(self.d, toks, j, taken, sites) \
                or rare_person(self.d, self.tagger.vocab if self.tagger else {}, toks, j, taken, sites)
        last = self._name_end(toks, j, what, word, tags, taken, strong, sites)
        if last is None:
            return None
        first = j + 1 if what != "title" else self._person_start(toks, tags, j, taken, sites)
        name = (toks[first].start, toks[last - 1].end)
        desc_start = toks[j].end - len(word)
        if what == "title":
            return _Found("person", "person", name, name)
        if what == "place":
            return _Found("place", self.d.places[word][0], (desc_start, name[1]), name, word in self.d.site_heads)
        return _Found("group", self.d.groups[word][0], (desc_start, name[1]), (desc_start, name[1]))

    def _tag(self, toks: Sequence[Token], first: int, last: int,
             hits: tuple[Sequence[Hit[Any]], Sequence[Hit[Any]]]) -> list[TaggedName]:
        """The CRF's names among tokens [first, last) (indices into `toks`): the words around a descriptor."""
        if self.tagger is None:
            return []
        window = toks[first:last]
        lo, hi = window[0].start, window[-1].end
        near = typed_hits([h for h in hits[0] if lo <= h.start < hi], [h for h in hits[1] if lo <= h.start < hi],
                          self.actor_linker, self.place_linker)
        names = self.tagger.names([t.text for t in window], marks_from_hits([(t.start, t.end) for t in window], near))
        return [TaggedName(n.first + first, n.last + first, n.type) for n in names]

    def _person_start(self, toks: Sequence[Token], tags: Sequence[TaggedName], j: int, taken: SpanSet,
                      sites: SpanSet) -> int:
        """The first word of the person a title at token j introduces: the CRF's name, less the ranks,
        honorifics and the title's own nisba it begins with (العقيد خالد X → خالد X; الكونغولي غيدو X → غيدو X)."""
        person = title_person(toks, j, tags, taken, sites)
        assert person is not None  # (_name_end found it)
        first = person.first
        while first < person.last - 1 and (toks[first].text in self.d.rank_words or _nisba(toks[first].text)):
            first += 1  # (a rank, or the title's nisba the recognizer took in: وزير الدفاع [الكونغولي X])
        return first

    def _name_end(self, toks: Sequence[Token], j: int, what: str, word: str, tags: Sequence[TaggedName],
                  taken: SpanSet, strong: bool, sites: SpanSet) -> int | None:
        """The end (token index) of the name a descriptor at token j introduces; None when there is none."""
        if what == "title":
            person = title_person(toks, j, tags, taken, sites)
            if person is None:
                return None  # (a known actor in the title: the person speaks for it, unless named in apposition)
            start = self._person_start(toks, tags, j, taken, sites)
            end = self._clip(toks, start, person.last, taken, person=True)
            while end is not None and end < min(len(toks), person.first + MAX_NAME_WORDS) \
                    and self._name_word(toks[end], taken, person=True) and _nisba(toks[end].text):
                end += 1  # a family name of the nisba form (خالد الزبيدي) goes on with the name
            return end
        k = j + 1
        if k >= len(toks) or not self._name_word(toks[k], taken) or _for_phrase(self.d, self.gazetteer, toks[k].text, word):
            return None
        tagged = next((n for n in tags if n.first == k or (n.first == j and n.last > k)), None)
        if tagged is not None:
            end = self._clip(toks, k, tagged.last, taken)
            if what == "place" and end is not None:  # (a particle after the tagged name: بوا فيستا دي لا كروز)
                end = linked_end(self.d, self.tagger.vocab if self.tagger else {}, toks, k, end, taken, MAX_NAME_WORDS)
        elif strong:  # a strong descriptor: the next word (no CRF)
            end = k + 1
        else:
            return None
        head = toks[k].text
        if end == k + 1 and end < len(toks) and self._name_word(toks[end], taken) and (
                head in self.d.compound_heads or (not head.startswith("ال") and toks[end].text.startswith("ال"))):
            end += 1  # أبو X، كفر X; a word without the article before one with it is a construct (شهداء الفجر)
        while end is not None and end < min(len(toks), k + MAX_NAME_WORDS) and toks[end - 1].text in self.d.compound_heads \
                and self._name_word(toks[end], taken):
            end += 1  # a compound inside the name goes on (باب بن غشير، عين أبو X)
        if what == "place" and tagged is None and end is not None and (end == k + 1 or toks[k].text in self.d.compound_heads):
            # (a foreign name of several words: بلدة X دا Y، مدينة ساو جوزيه دو ريو)
            end = rare_run(self.d, self.tagger.vocab if self.tagger else {}, toks, k, end, taken, MAX_NAME_WORDS)
        return self._site_end(toks, k, end, taken) if word in self.d.site_heads and end is not None else end

    def _site_end(self, toks: Sequence[Token], k: int, end: int, taken: SpanSet) -> int:
        """A site's name goes on with its definite adjectives (مقر المفوضية العليا، القصر الجمهوري)."""
        while end < min(len(toks), k + MAX_NAME_WORDS) and toks[end - 1].text.startswith("ال") \
                and toks[end].text.startswith("ال") and self._name_word(toks[end], taken):
            end += 1
        return end

    def _clip(self, toks: Sequence[Token], first: int, last: int, taken: SpanSet, person: bool = False) -> int | None:
        end = first
        while end < min(last, first + MAX_NAME_WORDS) and self._name_word(toks[end], taken, person):
            end += 1
        return end if end > first else None

    def _name_word(self, tok: Token, taken: SpanSet, person: bool = False) -> bool:
        """A word that can be (part of) a name (`_name_word`)."""
        return _name_word(self.d, tok, taken, person)

    def _place(self, text: str, norm: Normalized, seg: Segmented, f: _Found, places: Sequence[PlaceMention],
               country: str | None, known_abroad: bool = False) -> PlaceMention | None:
        name = norm.text[f.name[0]:f.name[1]]
        known = self.gazetteer.lookup(name)[1]
        street = f.site or norm.text[f.span[0]:f.name[0]].strip() in self.d.named_after  # (شارع الزاوية: named after it)
        if known and not known_abroad and not street and not _only_abroad(known, places, country):
            return None  # a known name the linker left out on purpose
        container = self._container(seg, f, places, country)
        if container is None:
            return None
        ws = f.span[0]
        while ws > 0 and norm.text[ws - 1] not in " \n":
            ws -= 1
        cue = self.place_linker.cue_at(norm.text, ws)
        if cue is None and "ب" in norm.text[ws:f.span[0]]:
            cue = 1  # بحي X: "in"
        s, e = norm.to_original(*f.span)
        ns, ne = norm.to_original(*(f.span if f.site else f.name))  # (a site: its descriptor too, مبنى وزارة X)
        place = Place(id=f"{UNLINKED}place:{container.id}:{normalize_name(text[ns:ne])}", name_en="",
                      name_ar=display_name(text[ns:ne]),
                      variants_ar=(container.name_ar,), variants_en=(container.name_en,), country=container.country, admin1=container.admin1,
                      lat=container.lat, lon=container.lon, feature=f.kind, population=0, parent=container.id,
                      metonym=False, source="unlinked")
        return PlaceMention(start=s, end=e, nstart=f.span[0], nend=f.span[1], text=text[s:e], place=place, score=0.0,
                            reasons=(f"unlinked: placed by {container.id}",), alternatives=0, cue=cue)

    def _container(self, seg: Segmented, f: _Found, places: Sequence[PlaceMention],
                   country: str | None) -> Place | None:
        """The most specific known place around an unlinked one: the place that locates it right after its name
        (بولاية ص، في محافظة ع); else a city or district named in its sentence (the nearest; not a dateline's); else, when the sentence names no other known place (a province, a region), the last city of
        the document's country named before it; else that country."""
        sent = seg.sentence_at(f.span[0])
        ntext = seg.text
        locating = next((p for p in places if p.nstart >= f.span[1] and not is_unlinked(p.place.id)
                         and ntext[f.span[1]:p.nstart].strip() in self.locating), None)
        if locating is not None:  # (مقاطعة ناصر بولاية أعالي النيل: the place that locates it, right after it)
            return locating.place
        cities = [p for p in places if p.place.feature in CITY_FEATURES and not is_unlinked(p.place.id)
                  and not is_dateline(ntext, p.nstart, p.nend)]  # (not the city the report was filed from)
        near = [p for p in cities if sent.start <= p.nstart < sent.end]
        if near:
            best = min(near, key=lambda p: (abs(p.nstart - f.span[1]) if p.nstart >= f.span[1]
                                            else f.span[0] - p.nend + 20))
            return best.place
        elsewhere = any(sent.start <= p.nstart < sent.end and not is_unlinked(p.place.id) for p in places)
        if f.site:  # (a building or a street stands in a town: the last one named before it, of any country)
            return next((p.place for p in reversed(cities) if p.nend <= f.span[0]), None)
        before = [] if elsewhere else [p for p in cities if p.nend <= f.span[0] and p.place.country == country]
        if before:
            return before[-1].place
        return self.gazetteer.country_place(country) if country else None


def _described_groups(d: Descriptors, text: str, norm: Normalized, actors: Sequence[ActorMention],
                      places: Sequence[PlaceMention], taken: SpanSet) -> tuple[list[ActorMention], list[ActorMention]]:
    """Unidentified gunmen a phrase describes (مسلحون من بلدة X، المسلحين الدروز): (the unlinked groups the
    phrases name, the generic mentions they replace)."""
    groups: list[ActorMention] = []
    generic: list[ActorMention] = []
    for gunmen, group in groups_from_place(d.provenance, d.duals, d.stop_words, text, norm, actors, places):
        generic.append(gunmen)
        groups.append(group)
    for inside, identity in groups_by_identity(d.fighter_heads, d.identities, text, norm, actors, taken):
        generic += inside
        groups.append(identity)
    return groups, generic

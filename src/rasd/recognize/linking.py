"""Recognize actor and place names and link them to dictionary and gazetteer entries.

Both use one clitic-aware Aho-Corasick automaton over the normalized variants of every name
(`matcher.PhraseMatcher`). Actor names win over place names where they overlap ("حكومة الوفاق" is an
actor, not a place). Descriptive references ("المشير", "الرجل القوي في ليبيا") resolve only when the
document names the same actor (or one affiliated with it) plainly elsewhere. Places are disambiguated by
the document's country, nearby places and the words around them (`Gazetteer.rank`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Final

from ..records import replaced
from ..resources.actors import ActorDictionary, ActorName, valid_on
from ..resources.gazetteer import LOOKUP_HEADS, Gazetteer, Place, haversine_km
from ..text.normalize import Normalized, normalize_name
from ..text.words import word_spans_after, word_spans_before, words_after, words_before
from .country_vote import document_country as document_country  # (re-exported: the vote lives there)
from .country_vote import nisba_places as nisba_places

# (the mentions live in linked, where they write their __init__ out: re-exported here)
from .linked import ActorMention as ActorMention
from .linked import PlaceCandidate as PlaceCandidate
from .linked import PlaceMention as PlaceMention
from .matcher import Hit, PhraseMatcher, SpanSet, is_word_char, not_qualified, phrase_before
from .readings import Readings, choose, index_readings

NISBA_ENDINGS = ("ي", "يه", "يين", "يون", "يات")  # (normalized) a nisba adjective: الوطني، السورية، الأمريكيين
UNIDENTIFIED = "unidentified-armed-group-"  # the id prefix of the generic template's unidentified gunmen
NOT_ADJECTIVES = frozenset({"الي", "الا", "الذي", "التي", "الذين"})  # (normalized) إلى، إلا، relatives: no nisba
TOWARD = frozenset({"الي", "نحو", "باتجاه", "تجاه", "صوب"})  # (normalized) where something goes
FORCE_KINDS = frozenset({"external_forces", "state_forces"})  # whom a nationality after a word for forces names


class ActorLinker:
    """Finds the dictionary's actors in a text and resolves descriptive references to them."""
    def __init__(self, actors: ActorDictionary, not_names: frozenset[str] = frozenset(),
                 force_nouns: frozenset[str] = frozenset(), place_words: frozenset[str] = frozenset()) -> None:
        self.actors = actors
        self.not_names = not_names
        self.force_nouns = force_nouns
        entries = [(norm, name) for norm, name in actors.normalized_names() if len(norm) >= 2]
        self.matcher: PhraseMatcher[ActorName] = PhraseMatcher(entries, names=True)
        self.generic = _generic_names(entries, actors, place_words)
        self.nisbas = dict(actors.nisbas)
        # (a hit's payloads, the matcher's own tuple, by id → its readings indexed: see rasd.recognize.readings)
        self._indexed: dict[int, tuple[Sequence[ActorName], Readings]] = {}

    def readings(self, names: Sequence[ActorName]) -> Readings:
        """A name's readings, indexed once (the matcher's payload tuples live as long as it does)."""
        got = self._indexed.get(id(names))
        if got is None or got[0] is not names:
            got = self._indexed[id(names)] = (names, index_readings(self.actors, names))
        return got[1]

    def find(self, text: str, norm: Normalized, published: str | None = None,
             country: str | None = None) -> list[ActorMention]:
        """Actor mentions. A name several actors share (مدنيين: the civilians of every country) goes to the
        one of the document's `country`; `with_country` chooses again once the country is known."""
        return self.resolve_descriptions(self.scan(text, norm, published, country), norm.text)

    def scan(self, text: str, norm: Normalized, published: str | None = None,
             country: str | None = None, hits: Sequence[Hit[ActorName]] | None = None) -> list[ActorMention]:
        """Every name the dictionary knows, descriptive references (المشير) included. `hits`: the matcher's
        hits over `norm`, when a scan of all the lexicons found them already."""
        found: list[ActorMention] = []
        for hit in self.matcher.find(norm.text) if hits is None else hits:
            if self.not_names and _whole_word(norm.text, hit.word_start, hit.end) in self.not_names:
                continue
            r = self.readings(hit.payloads)
            if not r.plain:
                continue  # a bare noun (الجيش): `national` reads it once the document's country is known
            chosen = choose(self.actors, r, published, country)
            if chosen is None or (self.actors.get(chosen.actor_id).kind == "government"
                                  and is_dateline(norm.text, hit.word_start, hit.end)):
                continue  # (a capital that names its government is a place in a dateline: الدوحة - أعلن …)
            s, e = norm.to_original(hit.start, hit.end)
            ambiguous = r.ambiguous
            found.append(ActorMention(start=s, end=e, nstart=hit.start, nend=hit.end, text=text[s:e],
                                      actor=self.actors.get(chosen.actor_id), framing=chosen.framing,
                                      descriptive=chosen.descriptive, ambiguous=ambiguous,
                                      readings=hit.payloads if ambiguous else ()))
        return found

    def with_country(self, mentions: Sequence[ActorMention], published: str | None,
                     country: str | None, text: str = "", norm: Normalized | None = None) -> list[ActorMention]:
        """The mentions again, each ambiguous name chosen for the document's `country` (no second scan) — or for
        the country a nisba right after it names (عناصر الشرطة الكينية، قوات الأمن العراقية: the mention takes the
        nisba), given the `text` and its `norm`."""
        out = []
        for m in mentions:
            if m.readings:  # (a bare noun's national readings are `national`'s to read, not a name's)
                adj_end, whose = nisba_after(norm.text, m.nend, self.nisbas, False) if norm else (m.nend, None)
                chosen = choose(self.actors, self.readings(m.readings), published, whose or country)
                if chosen is not None and whose and norm and self.actors.get(chosen.actor_id).country == whose:
                    s, e = norm.to_original(m.nstart, adj_end)
                    m = replaced(m, end=e, nend=adj_end, text=text[s:e])
                if chosen is not None and chosen.actor_id != m.actor.id:
                    m = replaced(m, actor=self.actors.get(chosen.actor_id), framing=chosen.framing,
                                descriptive=chosen.descriptive)
            out.append(m)
        return out

    def in_context(self, text: str, norm: Normalized, published: str | None, country: str | None,
                   mentions: Sequence[ActorMention], hits: Sequence[Hit[ActorName]] | None = None) -> list[ActorMention]:
        """The mentions once the document's country is known: with the bare nouns of its national roles
        (`national`), without gunmen a named actor owns (`drop_identified_gunmen`); the definite head nouns that
        take up a group named before come after (rasd.recognize.anaphora)."""
        hits = list(self.matcher.find(norm.text) if hits is None else hits)
        found = sorted([*mentions, *self.national(text, norm, published, country, hits),
                        *self._inside_dropped(text, norm, mentions, hits, published, country)], key=lambda m: m.nstart)
        from .units import numbered_units  # (units makes ActorMentions: imported here, not in a cycle)
        found = sorted([*found, *numbered_units(text, norm, self.actors, country, published, found)],
                       key=lambda m: m.nstart)  # (اللواء السابع، الفرقة السادسة مشاة: an army's units)
        return self.drop_identified_gunmen(found, norm.text)

    def _inside_dropped(self, text: str, norm: Normalized, mentions: Sequence[ActorMention],
                        hits: Sequence[Hit[ActorName]], published: str | None,
                        country: str | None) -> list[ActorMention]:
        """The plain name inside a description the document does not support (قائد قوات الدعم السريع without
        Hemedti named: قوات الدعم السريع), read again from the description's second word."""
        taken = SpanSet([(m.nstart, m.nend) for m in mentions])
        out: list[ActorMention] = []
        for hit in hits:
            if not all(n.descriptive for n in hit.payloads) or taken.overlaps(hit.start, hit.end):
                continue
            lo = norm.text.find(" ", hit.start, hit.end) + 1
            inner = next(iter(self.matcher.find(norm.text[lo:hit.end])), None) if lo else None
            if inner is None:
                continue
            r = self.readings(inner.payloads)  # (a plain reading only: none when all are descriptive)
            chosen = choose(self.actors, r, published, country) if r.by_desc[0] else None
            if chosen is not None:
                s, e = norm.to_original(lo + inner.start, lo + inner.end)
                out.append(ActorMention(start=s, end=e, nstart=lo + inner.start, nend=lo + inner.end,
                                        text=text[s:e], actor=self.actors.get(chosen.actor_id),
                                        framing=chosen.framing, descriptive=False))
        return out

    def national(self, text: str, norm: Normalized, published: str | None, country: str | None,
                 hits: Sequence[Hit[ActorName]] | None = None) -> list[ActorMention]:
        """Bare nouns of a national role (الجيش، الجنود، الشرطة، الحكومة) as the actor of the document's `country`
        that plays it, or of the country a nisba adjective after the noun names (وزارة الخارجية العراقية، الرئاسة
        السورية: the mention takes the adjective); not before another definite adjective that continues the noun
        (الجيش الحر، القوات المتمركزة) or another country's forces (الجنود الأمريكيين)."""
        out: list[ActorMention] = []
        found = list(self.matcher.find(norm.text) if hits is None else hits)
        named = {h.word_start for h in found if self.readings(h.payloads).forces}  # (الجنود الأمريكيين)
        for hit in found:
            if self.readings(hit.payloads).plain:
                continue  # (a name: `scan` read it)
            before = words_before(norm.text, hit.word_start, 1)
            if (hit.end < len(norm.text) and is_word_char(norm.text[hit.end])) \
                    or (before and _without_proclitics(before[-1]) & self.actors.national_not_after):
                continue
            adj_end, whose = nisba_after(norm.text, hit.end, self.nisbas, not hit.phrase.startswith("ال"))
            if whose is None and self._continued(norm.text, hit.end, named):
                continue
            mine = [n for n in hit.payloads if self.actors.get(n.actor_id).country == (whose or country)
                    and (not published or valid_on(self.actors.get(n.actor_id), published))]
            if not mine:
                continue
            s, e = norm.to_original(hit.start, adj_end)  # (وزارة الخارجية العراقية: the adjective says whose)
            out.append(ActorMention(start=s, end=e, nstart=hit.start, nend=adj_end, text=text[s:e],
                                    actor=self.actors.get(mine[0].actor_id), framing=None, descriptive=False))
        return out

    @staticmethod
    def _continued(ntext: str, end: int, named: set[int]) -> bool:
        """A definite adjective right after a bare noun: a nisba (الوطني، السورية) or a participle (المختصة،
        المتمركزة) continues it; a force's name says another country (الجنود الأمريكيين). Another definite noun
        is its object (اتهمت الحكومة الجبهة)."""
        if ntext[end:end + 1] != " ":
            return False
        word = ntext[end + 1:].split(maxsplit=1)[0] if ntext[end + 1:].strip() else ""
        return word.startswith("ال") and word not in NOT_ADJECTIVES \
            and (word.endswith(NISBA_ENDINGS) or word.startswith("الم") or end + 1 in named)

    def drop_identified_gunmen(self, mentions: Sequence[ActorMention], ntext: str) -> list[ActorMention]:
        """Unidentified gunmen (مسلحون) whom the words after them tie to a named actor (مسلحون من قوات X،
        مسلحين تابعين للجيش، مسلحون يعتقد أنهم من خلايا التنظيم، مسلحون يشتبه في انتمائهم إلى X) are that actor's:
        the mention names it, no unidentified group; right after another actor's name, the word is its adjective
        (مستنفرين مسلحين تابعين للجيش: armed volunteers) and goes."""
        out = []
        for k, m in enumerate(mentions):
            nxt = next((n for n in mentions[k + 1:] if n.nstart >= m.nend), None)
            if m.actor.id.startswith(UNIDENTIFIED) and nxt is not None and not nxt.actor.id.startswith(UNIDENTIFIED) \
                    and nxt.actor.kind != "civilians":
                gap = [_without_proclitics(w) for w in ntext[m.nend:nxt.nstart].split()]
                at = next((i for i, forms in enumerate(gap) if forms & self.actors.identified_by), None)
                if at is not None and at <= 2 and len(gap) - at <= 3 and not re.search(r"[.,،؛:]", ntext[m.nend:nxt.nstart]):
                    if k and not ntext[mentions[k - 1].nend:m.nstart].strip():
                        continue
                    m = replaced(m, actor=nxt.actor, framing=None, descriptive=False, ambiguous=False, readings=())
            out.append(m)
        return out

    def drop_foreign_generic(self, mentions: Sequence[ActorMention], text: str, norm: Normalized,
                             country: str | None) -> list[ActorMention]:
        """Without a word that says another country, a generic name (القيادة العامة، قوات الجيش الوطني، الحكومة
        المعترف بها دوليا) is no actor of that other country: in a document about `country`, such a mention
        goes, and the names inside its stretch are read again (قوات الجيش الوطني الليبي → الجيش الوطني الليبي)."""
        if country is None:
            return list(mentions)
        ntext = norm.text
        out: list[ActorMention] = []
        for m in mentions:
            if not (m.actor.country and m.actor.country != country
                    and normalize_name(ntext[m.nstart:m.nend]) in self.generic):
                out.append(m)
                continue
            lo = ntext.find(" ", m.nstart, m.nend) + 1  # the name again from its second word
            hit = next(iter(self.matcher.find(ntext[lo:min(len(ntext), m.nend + 60)])), None) if lo else None
            if hit is None or lo + hit.start >= m.nend:
                continue
            chosen = choose(self.actors, index_readings(self.actors, hit.payloads, with_national=True), None, country)
            if chosen is not None:
                s, e = norm.to_original(lo + hit.start, lo + hit.end)
                out.append(ActorMention(start=s, end=e, nstart=lo + hit.start, nend=lo + hit.end, text=text[s:e],
                                        actor=self.actors.get(chosen.actor_id), framing=chosen.framing,
                                        descriptive=chosen.descriptive))
        return out

    def resolve_descriptions(self, found: list[ActorMention], ntext: str) -> list[ActorMention]:
        """Keep a descriptive reference only when the document names its actor, or one affiliated with it,
        plainly — or when it is a nationality right after a word for forces (طائرات أردنية), or coordinated
        after such a one (… وأمريكية وفرنسية). `ntext`: the normalized text the mentions point into."""
        plain = {m.actor.id for m in found if not m.descriptive}
        related = set(plain)
        for aid in plain:
            aff = self.actors.get(aid).affiliation
            if aff:
                related.add(aff)
        out: list[ActorMention] = []
        prev_end = -1  # end of the last mention of forces named by a word for forces, or coordinated after one
        for m in found:
            forces = bool(self.force_nouns) and m.actor.kind in FORCE_KINDS and (
                force_noun_before(ntext, m.nstart, self.force_nouns)  # طائرات أردنية، غارات جوية روسية
                or (prev_end >= 0 and ntext[prev_end:m.nstart].strip() in ("", "و"))  # … وأمريكية
                or _starts_with_phrase(ntext, m.nstart, m.nend, self.force_nouns))  # غارة أمريكية
            if forces or not m.descriptive or m.actor.id in related \
                    or (m.actor.affiliation and m.actor.affiliation in related):
                out.append(m)
                if forces:
                    prev_end = m.nend
        return out


# (normalized) a nisba's case and number endings the dictionary does not list, and the listed form each stands for:
# the accusative after an indefinite noun (جنديا نيجريا), the nominative plural, the feminine plural
NISBA_FORMS = (("يون", "يين"), ("يات", "يه"))
INDEFINITE_NISBA_FORMS = (("يا", "ي"),)  # (after a definite noun a country's name: دعت الحكومة تركيا)


def nisba_country(word: str, nisbas: Mapping[str, str], indefinite: bool) -> str | None:
    """The country whose nisba `word` is (normalized) in any number and case: the listed forms (السوري، السورية،
    سوريين), the article before a form listed without it (النيجرية) and the others (سوريون، سوريات; after an
    `indefinite` noun the accusative سوريا); None for another word."""
    if word in nisbas:
        return nisbas[word]
    if word.startswith("ال") and word[2:] in nisbas:  # (a country with no definite form listed: النيجرية)
        return nisbas[word[2:]]
    for end, listed in NISBA_FORMS + (INDEFINITE_NISBA_FORMS if indefinite else ()):
        if word.endswith(end) and len(word) > len(end) + 2 and word[: -len(end)] + listed in nisbas:
            return nisbas[word[: -len(end)] + listed]
    return None


def nisba_after(ntext: str, end: int, nisbas: Mapping[str, str], indefinite: bool) -> tuple[int, str | None]:
    """The nisba right after a name ending at `end` (normalized text): (where it ends, its country); (`end`, None)
    when the next word is none (`nisba_country`, `indefinite` as there)."""
    adj = word_spans_after(ntext, end, 1) if ntext[end:end + 1] == " " else []
    whose = nisba_country(ntext[adj[0][0]:adj[0][1]], nisbas, indefinite) if adj else None
    return (adj[0][1], whose) if whose else (end, None)


_ADJECTIVE_ENDINGS = ("ي", "يه", "يين", "يات")  # (normalized) a relative adjective: جويه، حربيه، المدفعيه


def force_noun_before(ntext: str, pos: int, force_nouns: frozenset[str]) -> bool:
    """Whether a word for forces ends right before `pos`, or before one or two relative adjectives of its own that
    stand before `pos` (غارات جوية روسية، القصف المدفعي التركي، طائرات حربية مسيرة تركية): the nationality after
    them names whose forces they are."""
    for skip in range(3):
        if phrase_before(ntext, pos, force_nouns, 2, proclitics="وفب"):
            return True
        before = word_spans_before(ntext, pos, 1)  # (a comma after the adjective is part of its word: no match)
        if skip == 2 or not before or not ntext[before[0][0]:before[0][1]].endswith(_ADJECTIVE_ENDINGS):
            return False
        pos = before[0][0]
    return False


GENERIC_KINDS = frozenset({"state_forces", "government"})  # whose names are often the same words in every country


def _generic_names(entries: Sequence[tuple[str, ActorName]], actors: ActorDictionary,
                   place_words: frozenset[str]) -> frozenset[str]:
    """The names of a country's forces and government made only of words that the forces and governments of
    other countries use too (قوات الجيش الوطني، القيادة العامة، الحكومة المعترف بها دوليا): they do not say
    which country they belong to. A name with a word of `place_words` (السودان، جوبا) says it."""
    countries: dict[str, set[str]] = {}
    for norm, name in entries:
        actor = actors.get(name.actor_id)
        if actor.country and actor.kind in GENERIC_KINDS:
            for w in norm.split():
                countries.setdefault(w, set()).add(actor.country)
    out = set()
    for norm, name in entries:
        actor = actors.get(name.actor_id)
        if actor.country and actor.kind in GENERIC_KINDS \
                and all(len(countries[w]) > 1 and w not in place_words for w in norm.split()):
            out.add(norm)
    return frozenset(out)


def capital_mentions(linker: PlaceLinker, text: str, norm: Normalized, taken: Sequence[tuple[int, int]],
                     country: str | None, hits: Sequence[Hit[str]] | None = None,
                     nisbas: Mapping[str, str] | None = None) -> list[PlaceMention]:
    """A bare "العاصمة" in a document about one country is that country's capital; not when a name or an
    adjective follows it (العاصمة الليبية طرابلس is a name already). With `nisbas` (a country's definite nisba →
    its code), "العاصمة" and a country's nisba with no known name after them is that country's capital
    (العاصمة الهايتية: Port-au-Prince; العاصمة التركية: Ankara)."""
    out: list[PlaceMention] = []
    names = SpanSet(taken)
    for hit in linker.capital_words.find(norm.text) if hits is None else hits:
        following_spans = word_spans_after(norm.text, hit.end, 2)
        if names.overlaps(hit.start, following_spans[0][1] if following_spans else hit.end):
            continue  # a name right after it: العاصمة الليبية طرابلس
        following = [norm.text[s:e] for s, e in following_spans]
        end, whose, why = hit.end, country, f"the capital of the document's country {country}"
        if following and following[0].endswith("يه"):
            whose = (nisbas or {}).get(following[0])
            if whose is None or (len(following_spans) > 1 and names.overlaps(*following_spans[1])):
                continue  # (another adjective; or a name after the nisba: العاصمة الليبية طرابلس)
            end, why = following_spans[0][1], f"the capital of the country its adjective names ({whose})"
        capital = linker.capitals.get(whose or "")
        if capital is None:
            continue
        s, e = norm.to_original(hit.start, end)
        out.append(PlaceMention(start=s, end=e, nstart=hit.start, nend=end, text=text[s:e], place=capital,
                                score=0.0, reasons=(why,), alternatives=0))
    return out


_DATELINE_TAIL = re.compile(r"[ )]*(?:\([^()\n]{1,40}\) *)?[-\u2013\u2014]")  # (an agency between: نيامي (أ ف ب) -)


def is_dateline(text: str, start: int, end: int) -> bool:
    """A name opening a line (or the text) right before a dash, maybe with the agency in parentheses between
    (نيامي (أ ف ب) -، جوبا (رويترز) –): a wire report's dateline."""
    line_start = text.rfind("\n", 0, start) + 1
    return text[line_start:start].strip(" ([") == "" and _DATELINE_TAIL.match(text, end) is not None


def _starts_with_phrase(text: str, start: int, end: int, phrases: frozenset[str]) -> bool:
    """The first one or two words of text[start:end] are one of `phrases`."""
    words = text[start:end].split(maxsplit=2)[:2]
    return bool(words) and (words[0] in phrases or " ".join(words) in phrases)


def _without_proclitics(word: str) -> set[str]:
    """A word and its readings without one or two proclitics (لسيطره → سيطره)."""
    return {word} | {word[k:] for k in (1, 2) if len(word) - k >= 2 and set(word[:k]) <= set("وفبل")}


def _whole_word(text: str, start: int, end: int) -> str:
    while end < len(text) and is_word_char(text[end]):
        end += 1
    return text[start:end]


# a GeoNames place under this population is small: its name counts only with a place cue before it
# (module-level: the compiled build has no class attributes to read from outside an instance)
SMALL_PLACE: Final = 100_000


def province_seats(gazetteer: Gazetteer) -> frozenset[str]:
    """The GeoNames towns that give their name to their province (السويداء of محافظة السويداء، مأرب of محافظة
    مأرب): a province's seat is a name the text may write without a cue, however few live there."""
    out: set[str] = set()
    for p in gazetteer.places:
        parent = gazetteer.get(p.parent) if p.parent and p.parent in gazetteer else None
        if parent is not None and parent.feature == "admin1" and p.id.startswith("gn-"):
            own, whole = normalize_name(p.name_ar), normalize_name(parent.name_ar).split()
            if len(whole) == 2 and whole[1] == own and len(own) > 3 and not gazetteer.is_stopword(own):
                out.add(p.id)
    return frozenset(out)


class PlaceLinker:
    """Place names. A name known only from the generated GeoNames list, of a small place, counts only with
    a place cue before it (في، قرب، مدينة، بلدة …): GeoNames holds many
    villages whose names are ordinary words (وقف، جديدة، الاتحاد)."""


    def __init__(self, gazetteer: Gazetteer, place_cues: PhraseMatcher[int] | None = None,
                 capital_words: Sequence[str] = (), blockers: frozenset[str] = frozenset(),
                 cue_only: frozenset[str] = frozenset(), idioms: frozenset[str] = frozenset(),
                 common_words: frozenset[str] = frozenset()) -> None:
        self.gazetteer = gazetteer
        self.common_words = frozenset(w for w in common_words if gazetteer.is_stopword(w))
        self.blockers = blockers
        self.cue_only = cue_only
        self.idioms = idioms
        self.place_cues = place_cues
        self.capitals = capitals(gazetteer)
        self.seats = province_seats(gazetteer)
        self.capital_words: PhraseMatcher[str] = PhraseMatcher(
            ((normalize_name(w), "capital") for w in capital_words), names=True)
        entries = [(name, pid) for name, pid in gazetteer.names()
                   if len(name) >= 2 and not gazetteer.is_stopword(name)]
        entries += [(w, p.id) for w in sorted(self.common_words) for p in gazetteer.candidates(w)]
        self.matcher: PhraseMatcher[str] = PhraseMatcher(entries, names=True)

    def find_candidates(self, norm: Normalized, blocked: Sequence[tuple[int, int]],
                        hits: Sequence[Hit[str]] | None = None) -> list[PlaceCandidate]:
        """Place names with their candidate places, skipping spans inside `blocked` and weak names. `hits`: the
        matcher's hits over `norm`, when a scan of all the lexicons found them already."""
        out: list[PlaceCandidate] = []
        taken = SpanSet(blocked)
        for hit in self.matcher.find(norm.text) if hits is None else hits:
            if taken.overlaps(hit.start, hit.end):
                continue
            common = self.gazetteer.is_stopword(hit.phrase)
            if common and hit.phrase not in self.common_words:
                continue
            before = words_before(norm.text, hit.word_start, 1)
            if not hit.prefix and before and before[-1] in self.blockers:
                continue
            if before and before[-1].removeprefix("و") in LOOKUP_HEADS and set(hit.prefix.replace("ال", "")) & set("بكلف"):
                continue  # (a name in construct after its head takes no preposition: إقليم كاوكا is no ك + أوكا)
            if self._fragment(norm.text, hit, before):
                continue
            places = tuple(self.gazetteer.get(pid) for pid in hit.payloads)
            cue = self._cue(norm.text, hit.word_start)
            line = cue is None and is_dateline(norm.text, hit.word_start, hit.end)
            if line:
                cue = 1  # "سنجار - …": a wire report's dateline names a place
            # (في حرستا وعربين: coordinated with a cued place, a place too, though the cue is the first one's)
            cued = cue is not None or (bool(out) and out[-1].cue is not None and hit.prefix.startswith("و")
                                       and norm.text[out[-1].nend:hit.start] == " " + hit.prefix) \
                or hit.phrase.split(maxsplit=1)[0] in LOOKUP_HEADS  # (a long form: مدينة حجة، قضاء القائم)
            if (common and not (cued and not_qualified(norm.text, hit.end))) \
                    or (not cued and not self._strong(places, hit.phrase)):
                continue
            if cue is None and "ب" in hit.prefix.replace("ال", ""):
                cue = 1  # بطرابلس: "in", though not enough to make a weak name a place
            out.append(PlaceCandidate(hit.start, hit.end, hit.prefix, places,
                                      cued=cued or hit.phrase not in self.cue_only, cue=cue,
                                      toward=bool(before) and before[-1].removeprefix("و") in TOWARD,
                                      common=common, dateline=line))
        return out

    def _fragment(self, text: str, hit: Hit[str], before: Sequence[str]) -> bool:
        """The name is a word of an idiom (مسقط رأسه "his birthplace", سدة الحكم) or of a compound glued by an
        underscore (#جنوب_السودان), not a place of its own."""
        if (hit.word_start > 0 and text[hit.word_start - 1] == "_") or text[hit.end:hit.end + 1] == "_":
            return True
        if not self.idioms:
            return False
        after = words_after(text, hit.end, 1)
        own = text[hit.word_start:hit.end]
        return (bool(after) and f"{hit.phrase} {after[0]}" in self.idioms) \
            or (bool(before) and f"{before[-1]} {own}" in self.idioms)

    def _unnamed_abroad(self, text: str, cand: PlaceCandidate, doc_country: str,
                        named: frozenset[str]) -> bool:
        """Every reading of the name lies in a foreign country the text never names, and nothing makes it a
        place there: no place cue (في، إلى) nor, for a capital, the word for capital before it. A common word
        or a fragment of a name is no place abroad (قاطع المنامة، طريق مكة، أحياء … والجنينة)."""
        places = cand.places
        if cand.cue is not None or any(p.country == doc_country or p.country in named for p in places):
            return False
        capital = any(self.capitals.get(p.country) == p for p in places)
        return not capital or not self.capital_words.find(" ".join(words_before(text, cand.nstart, 2)))

    def is_place_here(self, norm: Normalized, start: int, end: int) -> bool:
        """True when a metonym capital is named at [start, end) right after a place cue (في باريس) or the word
        for capital."""
        name = norm.text[start:end]
        places = self.gazetteer.candidates(name)
        if not any(p.metonym for p in places):
            return False
        ws = start
        while ws > 0 and norm.text[ws - 1] not in " \n":
            ws -= 1
        # (or after the word for capital: العاصمة التركية أنقرة)
        return self._cue(norm.text, ws) is not None or norm.text[ws:start].endswith("ب") \
            or bool(self.capital_words.find(" ".join(words_before(norm.text, ws, 2))))

    def _strong(self, places: Sequence[Place], name: str) -> bool:
        return any(not p.id.startswith("gn-") or (p.population >= SMALL_PLACE and len(name) > 3) or p.id in self.seats
                   for p in places)

    def cue_at(self, text: str, word_start: int) -> int | None:
        """The geo precision of the place cue ending right before the word at `word_start` (None: no cue)."""
        return self._cue(text, word_start)

    def _cue(self, text: str, word_start: int) -> int | None:
        """The geo precision of the place cue ending right before the word (the tightest when several)."""
        if self.place_cues is None:
            return None
        before = " ".join(words_before(text, word_start, 2))
        precs = [h.payloads[0] for h in self.place_cues.find_ending(before)]
        return min(precs) if precs else None

    def link(self, text: str, norm: Normalized, candidates: Sequence[PlaceCandidate],
             doc_country: str | None, named_countries: frozenset[str] | None = None) -> list[PlaceMention]:
        """Each candidate linked to its place; with `named_countries` (the countries the text names), not a
        name read abroad in a country the text never names (see `_unnamed_abroad`)."""
        mentions: list[PlaceMention] = []
        resolved: list[Place] = [c.places[0] for c in candidates if len(c.places) == 1]
        for cand in candidates:
            ns, ne, places = cand.nstart, cand.nend, cand.places
            if not cand.cued and not any(p.country == doc_country for p in places):
                continue  # a common word that is also a place name, with nothing to make it one
            if cand.common:  # (an everyday word: only a place of the document's country or one the text names)
                places = tuple(p for p in places if p.country == doc_country
                               or p.country in (named_countries or frozenset()))
                if not places:
                    continue
            if named_countries is not None and doc_country is not None \
                    and self._unnamed_abroad(norm.text, cand, doc_country, named_countries):
                continue
            if len(places) == 1:
                place, score, reasons = places[0], 1.0, ["the only place of that name"]
            else:
                before = words_before(norm.text, ns, 3)
                after = words_after(norm.text, ne, 2)
                ranked = self.gazetteer.rank(places, doc_country=doc_country, context_words=before + after,
                                             nearby=resolved, named=named_countries or frozenset())
                if not ranked:
                    continue
                place, score, reasons = ranked[0]
            s, e = norm.to_original(ns, ne)
            mentions.append(PlaceMention(start=s, end=e, nstart=ns, nend=ne, text=text[s:e], place=place,
                                         score=score, reasons=tuple(reasons), alternatives=len(places) - 1,
                                         cue=cand.cue))
        return mentions


def capitals(gazetteer: Gazetteer) -> dict[str, Place]:
    """Each country's capital: the gazetteer gives a country the point of its capital, so it is the city of
    that country standing on that point."""
    points = {p.country: p for p in gazetteer.places if p.feature == "country"}
    best: dict[str, tuple[float, Place]] = {}
    for p in gazetteer.places:
        if p.feature != "city" or p.country not in points:
            continue
        d = haversine_km(p, points[p.country])
        if d < 10 and (p.country not in best or (d, -p.population) < (best[p.country][0], -best[p.country][1].population)):
            best[p.country] = (d, p)
    return {c: p for c, (_d, p) in best.items()}


def named_countries(candidates: Sequence[PlaceCandidate], actors: Sequence[ActorMention]) -> frozenset[str]:
    """The countries a text names: by their own name, or by an actor of theirs (نظيره التركي)."""
    named = {c.places[0].country for c in candidates if all(p.feature == "country" for p in c.places)}
    named |= {m.actor.country for m in actors if m.actor.country and not m.ambiguous}
    return frozenset(named)

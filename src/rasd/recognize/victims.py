"""The words a toll counts its victims with (شابا، طفل، امرأة، مواطنا، نازحا، متظاهر) as mentions of the unarmed
actor they belong to: the civilians, protesters or migrants of the document's country.

A count of people killed, wounded, abducted, detained, missing or displaced names who they were with a noun of
the count lexicon (counts.yaml `groups` and the displaced kind nouns). When the victims of an event are a side
of it (the civilians a violent event hit), that side's mentions are these words, so the record shows them.
Which actor a noun stands for: the unarmed actor of the dictionary one of whose names is the noun, with the
article, or its sound masculine plural (متظاهر، محتجان → المتظاهرين، المحتجين: the protesters);
any other victim noun (طفل، امرأة، شاب، مواطن، نازح) names the civilians.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from ..resources.actors import Actor, ActorDictionary
from ..resources.lexicon import Trigger
from ..resources.morphology import proclitic_runs
from ..text.normalize import Normalized
from ..text.segment import Segmented
from ..text.words import letter_runs, word_spans_after
from .count_phrases import Noun
from .counts import CountMatch
from .linking import NISBA_ENDINGS, ActorMention
from .matcher import Hit, SpanSet
from .victim_names import named_victims, person_stems

VICTIM_KINDS = frozenset({"killed", "wounded", "abducted", "detained", "missing", "displaced"})
VICTIM_WHO = frozenset({"civilians", "children", "women", "men"})  # the unarmed people a toll names
# the unarmed people a group noun names (الطلبة، المعلمين، صحفيين، مهاجرين); outside a toll, not by sex or
# age alone (الشبان، أطفال), and a trade or a station (الطلبة، المعلمين، العمال: `other`) only where people protest
GROUP_WHO = VICTIM_WHO | {"other", "journalists", "migrants"}
OUTSIDE_WHO = frozenset({"civilians", "journalists", "migrants"})
TRADE_WHO = frozenset({"other"})
UNARMED_KINDS = frozenset({"civilians", "protesters"})  # the actors victim nouns may stand for
# (normalized) a pronoun a group noun of the count lexicon may carry (اطفالها، شقيقه): a relative, no group
PRONOUN_ENDINGS = ("ها", "هم", "ه")
NISBA_NOUN_ENDINGS = ("", "ا", "ين", "ون", "ه", "ات")  # (normalized) فلسطيني، فلسطينيا، فلسطينيين، فلسطينيه
PROCLITICS = proclitic_runs(article=True)  # (والمدنيين، للمدنيين، بالمدنيين)
# the event types whose sentence makes the civilians it names by an activity or a place its victims (متسوقين)
VIOLENT_TYPES = frozenset({"Violence against civilians", "Explosions/Remote violence", "Battles"})


def told_sentences(seg: Segmented, hits: Iterable[Hit[Trigger]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(the sentences that tell a protest, those that tell violence) as spans of the normalized text, from the
    event triggers found in it: the people named in the first protest, the civilians named in the second are hit."""
    protests: set[tuple[int, int]] = set()
    violent: set[tuple[int, int]] = set()
    for h in hits:
        s = seg.sentence_at(h.start)
        if any(t.plover == "PROTEST" for t in h.payloads):
            protests.add((s.start, s.end))
        if any(t.acled_event_type in VIOLENT_TYPES for t in h.payloads):
            violent.add((s.start, s.end))
    return sorted(protests), sorted(violent)


def struck_forms(nouns: Iterable[Noun]) -> frozenset[str]:
    """The words (normalized) that name civilians by what they do or where they are (متسوقين، ركاب; the head of
    a construct: طالبي المساعدات) outside a toll only where a violent event hits them (counts.yaml victim_only)."""
    return frozenset(n.words[0] for n in nouns if n.victim_only and not n.toll_only and n.form == "pl")


def victim_forms(nouns: Iterable[Noun]) -> frozenset[str]:
    """The one-word forms (normalized) of the count nouns that name unarmed victims: the unarmed groups
    (مدنيين، أطفال، نساء، شبان) and the displaced (نازحين، مهجرين)."""
    return frozenset(n.words[0] for n in nouns if len(n.words) == 1 and not n.unit and not n.others
                     and (n.who in GROUP_WHO or n.kind == "displaced"))


def group_forms(nouns: Iterable[Noun], who: frozenset[str] = OUTSIDE_WHO, displaced: bool = True) -> frozenset[str]:
    """The one-word forms (normalized) that name a group of unarmed people outside a toll: the plurals and duals
    of the count lexicon's group nouns of `who` (مواطنين، صحفيين، مهاجرين; طلبة، معلمين for `other`) and of the
    displaced (نازحين), not those with a pronoun (اطفالها: her children)."""
    plural = [n.words[0] for n in nouns if len(n.words) == 1 and not n.unit and not n.others and n.form != "sg"
              and not n.victim_only and (n.who in who or (displaced and n.kind == "displaced"))]
    every = {n.words[0] for n in nouns if len(n.words) == 1}
    return frozenset(w for w in plural if not any(w.endswith(p) and w[:-len(p)] in every for p in PRONOUN_ENDINGS))


class VictimNouns:
    """Finds the victim nouns inside a document's counts and links each to its unarmed actor."""

    def __init__(self, actors: ActorDictionary, forms: frozenset[str], groups: frozenset[str] = frozenset(),
                 singulars: frozenset[str] = frozenset(), sites: frozenset[str] = frozenset(),
                 trades: frozenset[str] = frozenset(), named: frozenset[str] = frozenset(),
                 persons: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
                 heads: frozenset[str] = frozenset(), struck: frozenset[str] = frozenset()) -> None:
        self.actors = actors
        self.struck = struck  # civilians by an activity or a place (متسوقين): a group where a violent event hits
        self.named = named  # definite victim singulars a person's name may follow (الطفل، الشابة، المواطن)
        self.given, self.later = persons  # given names, and the later words of a name (recognize.victim_names)
        self.heads = heads  # first words of two-word names (عبد الله)
        self.forms = forms
        self.trades = trades  # plurals of trades and stations (الطلبة، المعلمين): a group where people protest
        self.sites = sites  # words for a site (مخيم، معسكر، حي): the group noun after one names the site's people
        self.groups = groups  # plurals and duals that name unarmed people outside a toll too (الطلبة، مهاجرين)
        self.definite = frozenset("ال" + w for w in singulars)  # المتظاهر، المهاجر: one of a group, outside a toll
        self.civilians = {a.country: a for a in actors.actors
                          if a.kind == "civilians" and a.country and a.id.startswith("civilians-")}
        self.protesters = {a.country: a for a in actors.actors
                           if a.kind == "protesters" and a.country and a.id.startswith("protesters-")}
        # a nationality's nouns (فلسطيني، فلسطينيا، فلسطينيين): in a toll of a report about that country, its people
        self.nationals = {stem + end: country for nisba, country in actors.nisbas if nisba.endswith("ي")
                          for stem in [nisba.removeprefix("ال")] for end in NISBA_NOUN_ENDINGS}
        # every word groups_outside may read as a group noun (a form of any of its lists, with its proclitics):
        # the other words of a text it skips at once
        readable = groups | trades | struck | self.definite | {w for w in self.nationals if w.endswith(("ين", "ون"))}
        self._group_words = frozenset(p + w for w in readable for p in ("", *PROCLITICS))

    @classmethod
    def of(cls, actors: ActorDictionary, nouns: Sequence[Noun], sites: frozenset[str] = frozenset(),
           persons: Mapping[str, str] | None = None, heads: frozenset[str] = frozenset()) -> VictimNouns:
        """The finder for the count lexicon's nouns: victim nouns in tolls, group nouns outside them, and the
        definite singulars of the nouns for a role (المتظاهر، المهاجر; not a nisba such as المدني). `sites`: the
        place descriptors (مخيم، معسكر); `persons` the name recognizer's persons table (stem → B or I) and `heads`
        the descriptors' first words of two-word names (عبد، أبو), for the names after a victim noun."""
        singulars = frozenset(n.words[0] for n in nouns if len(n.words) == 1 and n.form == "sg" and not n.others
                              and n.who in GROUP_WHO and not n.words[0].endswith(("ا", "ي", *PRONOUN_ENDINGS)))
        named = frozenset("ال" + n.words[0] for n in nouns if len(n.words) == 1 and n.form == "sg" and not n.others
                          and n.who in VICTIM_WHO and not n.words[0].endswith(("ا", "ته", "تها", "ها", "هم", "تهم")))
        return cls(actors, victim_forms(nouns), group_forms(nouns), singulars, sites,
                   group_forms(nouns, TRADE_WHO, displaced=False), named, person_stems(persons or {}), heads,
                   struck_forms(nouns))

    def actor_for(self, word: str, country: str) -> Actor | None:
        """The unarmed actor of `country` (or of no country: the journalists) a victim noun (without proclitics)
        stands for; the civilians of `country` for any other."""
        return self._role_actor(word, country) or self.civilians.get(country)

    def _role_actor(self, word: str, country: str) -> Actor | None:
        """The unarmed actor whose name is the noun with the article or in its sound plural (متظاهر، محتجان →
        المتظاهرين: the protesters; مهاجر → the migrants; صحفي → the journalists), None for plain civilians."""
        stem = word[:-1] if word.endswith("ا") else word[:-2] if word.endswith("ان") else word  # (متظاهرا، محتجان)
        stem = stem[2:] if stem.startswith("ال") else stem
        forms = (word, "ال" + word, stem + "ين", "ال" + stem + "ين")
        for home in (country, None):
            for form in forms:
                for a in self.actors.find(form):
                    if a.country == home and a.kind in UNARMED_KINDS and a.id != self._civilians_id(country):
                        return a
        return None

    def _civilians_id(self, country: str) -> str | None:
        civ = self.civilians.get(country)
        return civ.id if civ is not None else None

    def find(self, text: str, norm: Normalized, counts: Sequence[CountMatch], taken: Sequence[ActorMention],
             country: str | None, triggers: Sequence[tuple[int, int]] = (),
             protests: Sequence[tuple[int, int]] = (),
             violent: Sequence[tuple[int, int]] = ()) -> list[ActorMention]:
        """A mention for each victim noun inside a count of victims, where no actor is named already. In a count
        of the displaced a noun that is a trigger too (300 نازح) tells the displacement and stays its trigger;
        in a toll (قتل 14 نازحا، أصيب ستة محتجين) it names the victims. Then the group nouns outside the tolls
        (`groups_outside`; `protests`: the sentences that tell a protest, `violent` those that tell violence)."""
        if country is None:
            return []
        spans = [(m.nstart, m.nend) for m in taken]
        names = SpanSet(spans)
        told = SpanSet(triggers)
        forms = self.forms | {w for w, k in self.nationals.items() if k == country}
        out: list[ActorMention] = []
        for c in counts:
            if c.kind not in VICTIM_KINDS or not (c.who in GROUP_WHO or c.kind == "displaced" or c.who == "total"):
                continue
            for ws, we in _words(norm.text, c.start, c.end):
                found = _stem(norm.text[ws:we], forms)
                if found is None or names.overlaps(ws, we) or (c.kind == "displaced" and told.overlaps(ws, we)):
                    continue
                if (actor := self.actor_for(found[0], country)) is not None:  # (no civilians entry: no mention)
                    out.append(self._mention(text, norm, ws + found[1], we, actor))
        out = self._named(text, norm, country, spans, out)
        names = SpanSet([*spans, *((m.nstart, m.nend) for m in out)])
        plain = any(m.actor.id == self._civilians_id(country) and not m.descriptive for m in taken)
        outside = self.groups_outside(text, norm, names, country, told, SpanSet(protests), plain, SpanSet(violent))
        return sorted([*out, *outside], key=lambda m: m.nstart)

    def _named(self, text: str, norm: Normalized, country: str, spans: Sequence[tuple[int, int]],
               out: list[ActorMention]) -> list[ActorMention]:
        """`out` with a mention for each victim noun and the person's name after it (الطفل أحمد X), in place of the
        noun's own mention (recognize.victim_names)."""
        found = named_victims(norm.text, self.named, self.given, self.later,
                              [*spans, *((m.nstart, m.nend) for m in out)], self.heads)
        if not found:
            return out
        nouns = {s for s, _e, _w in found}
        kept = [m for m in out if m.nstart not in nouns]
        made = [self._mention(text, norm, s, e, actor) for s, e, w in found
                if (actor := self.actor_for(w, country)) is not None]
        return [*kept, *made]

    def groups_outside(self, text: str, norm: Normalized, names: SpanSet, country: str, told: SpanSet,
                       protests: SpanSet, plain: bool = False, violent: SpanSet | None = None) -> list[ActorMention]:
        """The group nouns no toll counts, where no actor is named already: a plural or a dual of the count
        lexicon's nouns for unarmed people (المواطنين، مهاجرين، صحفيين، النازحين) names the unarmed actor of
        `country` it stands for, the definite singular of a role noun (المتظاهر، المهاجر) too; in a sentence
        that tells a protest (`protests`) so do a trade's (الطلبة، المعلمين), the residents (أهالي، سكان), which
        the dictionary reads as a description elsewhere (as it does, where the document names the civilians
        plainly: `plain`), and the country's nationals (آلاف الفلسطينيين), all its
        protesters; in a sentence that tells violence (`violent`), civilians named by what they do or where
        they are (متسوقين، طالبي المساعدات) are the civilians it hits (not a trade's: عمال، طلاب there are often
        no victims). Not a noun that is an event's trigger (النازحين in a count of the displaced tells the
        displacement), nor one that names a site's people (مخيم للنازحين). A noun in construct takes its
        genitive (أهالي المدينة، سكان مدينة الفاشر)."""
        out: list[ActorMention] = []
        nationals = frozenset(w for w, k in self.nationals.items() if k == country and w.endswith(("ين", "ون")))
        for ws, we in letter_runs(norm.text):
            word = norm.text[ws:we]
            if word not in self._group_words:
                continue
            if names.overlaps(ws, we) or told.overlaps(ws, we):
                continue
            protest = protests.overlaps(ws, we)
            found, actor = self._group_at(word, country, protest, plain)
            if found is None and protest and not names.overlaps(ws - 2, ws - 1):  # (not اللاجيين الفلسطينيين)
                found = _stem(word, nationals)
                actor = self.protesters.get(country) if found is not None else None
            elif found is None and not protest and violent is not None and violent.overlaps(ws, we):
                found = _stem(word, self.struck)  # (المتسوقين، طالبي المساعدات)
                actor = self.civilians.get(country) if found is not None else None
            if found is not None and actor is not None and not self._of_site(norm.text, ws, word):
                out.append(self._mention(text, norm, ws + found[1], self._genitive_end(norm.text, found[0], we),
                                         actor))
        return out

    def _group_at(self, word: str, country: str, protest: bool,
                  plain: bool = False) -> tuple[tuple[str, int] | None, Actor | None]:
        """The group noun a word is (its stem and where its mention begins) and the actor it names."""
        found = _stem(word, self.groups | self.trades if protest else self.groups)
        if found is not None and not (protest or plain) and self._descriptive(found[0]):
            return None, None
        if found is not None:
            actor = self.actor_for(found[0], country)
            if protest and actor is not None and actor.id == self._civilians_id(country):
                actor = self.protesters.get(country, actor)  # (the people a protest is told of protest)
            return found, actor
        found = _stem(word, self.definite)
        return found, None if found is None else self._role_actor(found[0], country)

    def _genitive_end(self, ntext: str, stem: str, we: int) -> int:
        """Where the mention of a group noun ends: a plural in construct (أهالي، سكان، not a sound plural's -ين)
        takes the definite noun after it (أهالي المدينة), or a word for a site and its name (سكان مدينة الفاشر)."""
        if stem.startswith("ال") or stem.endswith(("ين", "ون")) or (stem.endswith("ان") and stem[:-2] + "ين" in self.forms):
            return we  # (definite, or a sound plural or a dual: مدنيان)
        after = word_spans_after(ntext, we, 2)
        words = [ntext[a:b] for a, b in after]
        if words and words[0].startswith("ال") and words[0].isalpha() and not words[0].endswith(NISBA_ENDINGS):
            return after[0][1]
        if len(words) == 2 and words[0] in self.sites and words[1].isalpha():
            return after[1][1]
        return we

    def _descriptive(self, word: str) -> bool:
        """The dictionary reads the noun only as a description (الأهالي، السكان: the civilians when the document
        names them otherwise)."""
        infos = [*self.actors.name_info(word), *self.actors.name_info("ال" + word)]
        return bool(infos) and all(n.descriptive for n in infos)

    def _of_site(self, ntext: str, ws: int, word: str) -> bool:
        """The noun is part of a site's name: right after a word for a site or its plural (مخيمات النازحين), or
        after لل within three words of one (معسكر أبو شوك للنازحين، مخيم للاجئين)."""
        before = [w.removeprefix("و") for w in ntext[max(0, ws - 60):ws].split()[-3:]]
        near = before[-1:] if not word.startswith("لل") else before
        return any(w.removeprefix("ال").startswith(site) for w in near for site in self.sites if len(site) >= 3)

    @staticmethod
    def _mention(text: str, norm: Normalized, ws: int, we: int, actor: Actor) -> ActorMention:
        s, e = norm.to_original(ws, we)
        return ActorMention(start=s, end=e, nstart=ws, nend=we, text=text[s:e], actor=actor, framing=None,
                            descriptive=False)


def only_victim_noun(actors: ActorDictionary, m: ActorMention) -> bool:
    """The mention is a victim noun no dictionary name reads (شابا، متظاهر): it names the toll's victims without
    being a name, so a trigger under it (مقتل متظاهر) stays one."""
    return m.actor.kind in UNARMED_KINDS and " " not in m.text and not actors.lookup(m.text)[1]


def _words(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The word spans inside [lo, hi)."""
    out: list[tuple[int, int]] = []
    pos = lo
    for w in text[lo:hi].split(" "):
        if w:
            out.append((pos, pos + len(w)))
        pos += len(w) + 1
    return out


def _stem(word: str, forms: frozenset[str]) -> tuple[str, int] | None:
    """The word as a victim noun without its proclitics (والمدنيين → مدنيين) and where its mention begins:
    after a conjunction or a preposition, with the article (المدنيين); None when it is no victim noun."""
    if word in forms:
        return word, 0
    for p in PROCLITICS:
        if word.startswith(p) and word[len(p):] in forms:
            article = 2 if p.endswith(("ال", "لل")) else 0  # (للمدنيين: the whole word)
            return word[len(p):], len(p) - article
    return None

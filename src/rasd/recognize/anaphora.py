"""Actors named only through the document: a definite head noun that takes up an actor named before it
(المليشيا، التنظيم، المهاجمين، العدوان) and a country's name where an actor stands (قالت إسرائيل، نفذته إيران).

Data: data/anaphora.yaml (schema rasd.resources.schema_anaphora): each head noun with the kinds of actor it may
take up; the verbs of being a country's name may follow as a subject. With no actor of a fitting kind in the
document, a head noun names nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..records import replaced
from ..resources.actors import Actor, ActorDictionary
from ..resources.datafiles import load_yaml
from ..resources.gazetteer import Gazetteer
from ..text.normalize import Normalized, normalize_name
from ..text.words import word_spans_after, words_after, words_before
from .linking import NISBA_ENDINGS, UNIDENTIFIED, ActorMention, PlaceMention, capitals
from .matcher import SpanSet

ANAPHORA_FILE = "anaphora.yaml"
NO_ANTECEDENT = frozenset({"person", "civilians"})  # kinds a group's head noun never takes up
SHORT_WORDS = 2  # at most this many definite words after a group's head noun make its name's first words
COUNTRY_KINDS = frozenset({"state_forces", "external_forces", "government"})  # the actors a country acts as
STATE_KINDS = frozenset({"state_forces", "external_forces"})  # a state's forces
GROUP_KINDS = frozenset({"rebel_group", "political_militia", "identity_militia"})  # armed groups, not a state's
_AFTER_NAME = frozenset(" \n.,،؛:!?\"»)")  # what may follow a name
_CLAUSE_MARKS = frozenset(".،,؛;:!?\n")
_END_PUNCT = (".", "،", ",", "؛", ":", "!", "?")
_BEFORE_HEAD = ("", *_END_PUNCT, "\n", "\"", "«")  # what may stand right before the head of a clause
_WORD = re.compile(r"[\u0621-\u064a]+")  # a word of normalized text (basic Arabic letters)


@dataclass(frozen=True, slots=True)
class Head:
    """A head noun's reading: the kinds of actor it takes up, only a foreign one, one named after it too."""
    kinds: frozenset[str]
    foreign: bool = False
    ahead: bool = False


@dataclass(frozen=True, slots=True)
class Owned:
    """Words for forces with an attached pronoun that open a speaker's report (أكد الجيش أن قواته …): the
    speaker's forces. See data/anaphora.yaml `owned`."""
    nouns: tuple[str, ...]  # (قوات، عناصر)
    pronouns: tuple[str, ...]  # (ه، ها، هم)
    kinds: frozenset[str]  # the actors whose forces they may be
    after: frozenset[str]  # (أن، إن) the word before the noun
    verbs: frozenset[str]  # (تكون) a verb of being between that word and the noun
    gap: int  # at most this many words between the speaker's name and that word


@dataclass(frozen=True, slots=True)
class AnaphoraTable:
    """data/anaphora.yaml, normalized: head nouns, relative pronouns, verbs of being."""
    heads: Mapping[str, Head]
    relatives: frozenset[str] = frozenset()
    describing: frozenset[str] = frozenset()  # (المتمردة، المسلحة) after a head: it still takes a group up
    breaks: frozenset[str] = frozenset()
    family_words: frozenset[str] = frozenset()  # (آل) a family name's first word
    subject_after: frozenset[str] = frozenset()
    prepositions: frozenset[str] = frozenset()
    verb_ending: str = ""  # a past-tense verb agreeing with a feminine subject ends so (قصفت) …
    not_verb_endings: tuple[str, ...] = ()  # … unless so (صادرات، بيروت)
    object_clitics: tuple[str, ...] = ()  # … before these (شنتها)
    missions: frozenset[str] = frozenset()  # a country's missions abroad (السفارة): its government
    sponsors: frozenset[str] = frozenset()  # a country's sponsorship or mediation (برعاية، بوساطة): its government
    statement_verbs: frozenset[str] = frozenset()  # (أعلنت، تنفي) a capital after one, a name heading one: an actor
    owned: Owned | None = None  # a word for forces with a pronoun (قواته) after أن: the speaker's forces
    armed_men: frozenset[str] = frozenset()  # (مسلحون، مسلحا) with one armed group named, that group's men
    linked: frozenset[str] = frozenset()  # (على صلة) two words after gunmen that tie them to someone

    @classmethod
    def load(cls, path: str | Path | None = None) -> AnaphoraTable:
        """Reads data/anaphora.yaml (or `path`), checked against its schema."""
        data, _ = load_yaml(path or ANAPHORA_FILE, schema="anaphora")
        heads = {normalize_name(n): Head(frozenset(h["kinds"]), bool(h.get("foreign")), bool(h.get("ahead")))
                 for h in data["heads"] for n in h["nouns"]}
        countries = data.get("countries") or {}
        owned = data.get("owned") or {}
        verbs = countries.get("feminine_verbs") or {}

        def words(items: list[str] | None) -> tuple[str, ...]:
            return tuple(normalize_name(w) for w in items or ())

        return cls(heads=heads, relatives=frozenset(words(data.get("relatives"))),
                   describing=frozenset(words(data.get("describing"))),
                   breaks=frozenset(words(data.get("clause_words"))),
                   family_words=frozenset(words(data.get("family_words"))),
                   armed_men=frozenset(words(data.get("armed_men"))),
                   linked=frozenset(words(data.get("armed_men_linked"))),
                   subject_after=frozenset(words(countries.get("subject_after"))),
                   prepositions=frozenset(words(countries.get("prepositions"))),
                   verb_ending=normalize_name(verbs.get("ending") or ""),
                   not_verb_endings=words(verbs.get("not_endings")),
                   object_clitics=tuple(sorted(words(verbs.get("object_clitics")), key=len, reverse=True)),
                   missions=frozenset(words(countries.get("missions"))),
                   sponsors=frozenset(words(countries.get("sponsors"))),
                   statement_verbs=frozenset(words(countries.get("statement_verbs"))),
                   owned=Owned(words(owned["nouns"]), words(owned["pronouns"]), frozenset(owned["kinds"]),
                               frozenset(words(owned["after"])), frozenset(words(owned.get("verbs"))),
                               int(owned.get("gap", 3))) if owned else None)


class Anaphora:
    """Definite head nouns alone, each resolved to the actor of the document it takes up."""

    def __init__(self, table: AnaphoraTable, actors: ActorDictionary) -> None:
        self.table = table
        # the one-word names of unidentified gunmen, without the article (مسلحون، مسلحين), and the words that tie
        # gunmen to an actor named after them (من، تابعين: actors/generic.yaml identified_by)
        self.gunmen_words = frozenset(
            w.removeprefix("ال") for a in actors.actors if a.id.startswith(UNIDENTIFIED)
            for w in (normalize_name(v) for v in (a.name_ar, *a.variants_ar)) if " " not in w)
        self.tied_words = actors.identified_by
        self.name_heads = actors.anaphora_heads  # (groups whose own name begins with the noun: تنظيم داعش)
        nouns = sorted(set(table.heads) | self.name_heads, key=len, reverse=True)
        self._re = re.compile(r"(?<![^\s\"«(])([وفبل]{0,2})(?:ال|(?<=ل)ل)(" + "|".join(map(re.escape, nouns) or ["(?!)"])
                              + r")(?=[\s.,،؛:!?\"»)]|$)")
        owned = table.owned
        self._owned_re = re.compile(r"(?<![^\s\"«(])((?:" + "|".join(map(re.escape, sorted(owned.nouns, key=len, reverse=True)))
                                    + r")(?:" + "|".join(map(re.escape, sorted(owned.pronouns, key=len, reverse=True)))
                                    + r"))(?=[\s.,،؛:!?\"»)]|$)") if owned else None

    def find(self, text: str, norm: Normalized, mentions: Sequence[ActorMention],
             country: str | None) -> list[ActorMention]:
        """The head nouns (with the article, after 0-2 proclitics; للمليشيا) that take up an actor of `mentions`: not inside
        another name, not before a definite word that makes the noun a name of its own (الحركة الشعبية)."""
        if not mentions:
            return []
        ntext = norm.text
        taken = SpanSet([(m.nstart, m.nend) for m in mentions])
        out: list[ActorMention] = []
        for match in self._re.finditer(ntext):
            ws, we, k = match.start(), match.end(), len(match.group(1))
            if taken.overlaps(ws, we):
                continue
            if self._named_on(ntext, we, match.group(2) in self.name_heads):  # (a name's first words: الحركة الشعبية)
                m, we = self.shortened(ntext, mentions, ws + k, we) if match.group(2) in self.name_heads \
                    else (None, we)
            else:
                m = self.antecedent(match.group(2), mentions, ntext, (ws, we), country)
            if m is not None and not taken.overlaps(ws, we):
                s, e = norm.to_original(ws + k, we)
                out.append(ActorMention(start=s, end=e, nstart=ws + k, nend=we, text=text[s:e], actor=m.actor,
                                        framing=None, descriptive=False))
        taken = SpanSet([(m.nstart, m.nend) for m in [*mentions, *out]])
        more = [*self.first_words(text, norm, mentions), *self.family_names(text, norm, mentions),
                *self.owned(text, norm, mentions)]
        return out + [m for m in more if not taken.overlaps(m.nstart, m.nend)]

    def resolve(self, text: str, norm: Normalized, mentions: Sequence[ActorMention],
                country: str | None) -> list[ActorMention]:
        """The mentions with the gunmen they take up (gunmen_taken_up) and the head nouns and names found in
        context (find), in text order."""
        return sorted([*self.gunmen_taken_up(norm, mentions), *self.find(text, norm, mentions, country)],
                      key=lambda m: m.nstart)

    def gunmen_taken_up(self, norm: Normalized, mentions: Sequence[ActorMention]) -> list[ActorMention]:
        """The gunmen named again with the article alone (المسلحين، المسلحون) after the report tied gunmen to one
        actor (قتل مسلحون من قوات X … أن المسلحين اقتحموا القرية): that actor's, no unidentified group. With
        gunmen tied to two actors before it, or none, the mention stays as it is — unless the document names one
        armed group and no other: then gunmen who are no one's else (مسلحون، قتل 12 مسلحا: `armed_men`) are its."""
        ntext, out = norm.text, list(mentions)
        sole = _sole_group(None, mentions)
        owners: list[tuple[int, Actor]] = []  # (where, whose) gunmen tied to an actor: مسلحون من X، مسلحين تابعين لـX
        for k, m in enumerate(mentions):
            if not m.actor.id.startswith(UNIDENTIFIED):
                ws = _word_start(ntext, m.nstart)
                words = [w.lstrip("و") for w in words_before(ntext, ws, 3)]
                at = next((i for i, w in enumerate(words) if w in self.tied_words), len(words))
                gunmen = words[at - 1] if 0 < at < len(words) else ""
                if {gunmen, gunmen[1:], gunmen[2:]} & self.gunmen_words and m.actor.kind not in NO_ANTECEDENT:
                    owners.append((m.nstart, m.actor))
                continue
            word = ntext[m.nstart:m.nend]
            tied = {a.id: a for pos, a in owners if pos < m.nstart}
            if " " not in word and word.startswith("ال") and word[2:] in self.gunmen_words and len(tied) == 1:
                out[k] = replaced(m, actor=next(iter(tied.values())), framing=None, descriptive=False,
                                  ambiguous=False, readings=())
            elif word in self.table.armed_men and sole is not None and set(tied) <= {sole.actor.id} \
                    and self._nobodys(ntext, m, mentions):
                out[k] = replaced(m, actor=sole.actor, framing=None, descriptive=False, ambiguous=False, readings=())
        return out

    def _nobodys(self, ntext: str, m: ActorMention, mentions: Sequence[ActorMention]) -> bool:
        """Gunmen whom nothing in their clause sets apart: no word after them that says whose or where from they are
        (مسلحين من الزاوية، مسلحين على صلة بـX), no armed group before them in their clause (its opponents: اشتبكت
        قوة الردع مع مسلحين; one after them may be their own: قتل 15 مسلحا في غارة على معسكر للجماعة)."""
        after = words_after(ntext, m.nend, 2)
        if after and (after[0] in self.tied_words or " ".join(after) in self.table.linked):
            return False
        return all(self._apart(ntext, g.nend, m.nstart) for g in mentions if g.nend <= m.nstart
                   and g.actor.kind in GROUP_KINDS and not g.actor.id.startswith(UNIDENTIFIED))

    def owned(self, text: str, norm: Normalized, mentions: Sequence[ActorMention]) -> list[ActorMention]:
        """A word for forces with an attached pronoun right after a word that opens a speaker's report (أكدت مصادر
        في الجيش أن قواته انسحبت، نفى الجيش أن تكون قواته …): the speaker's forces. The speaker is the actor named
        last before that word, at most `gap` words before it, with no punctuation between (not past another
        clause: هاجمت المليشيا المعسكر، مؤكدة أن قواتها …), of one of the `kinds` that have forces."""
        rule, ntext = self.table.owned, norm.text
        if rule is None or self._owned_re is None:
            return []
        out: list[ActorMention] = []
        for match in self._owned_re.finditer(ntext):
            ws, we = match.span(1)
            before = words_before(ntext, ws, 2)
            if before[-1:] and before[-1] in rule.verbs:
                before = before[:-1]
            if not before or before[-1].lstrip("وف") not in rule.after:
                continue
            that = ntext.rfind(before[-1], 0, ws)
            m = next((m for m in reversed(mentions) if m.nend <= that), None)
            gap = ntext[m.nend:that] if m is not None else ""
            if m is None or m.actor.kind not in rule.kinds or len(gap.split()) > rule.gap \
                    or any(ch in _CLAUSE_MARKS for ch in gap):
                continue
            s, e = norm.to_original(ws, we)
            out.append(ActorMention(start=s, end=e, nstart=ws, nend=we, text=text[s:e], actor=m.actor,
                                    framing=None, descriptive=False))
        return out

    def family_names(self, text: str, norm: Normalized, mentions: Sequence[ActorMention]) -> list[ActorMention]:
        """A person named, then by the family name alone (الشيخ محمد بن عبد الرحمن آل ثاني … آل ثاني): the family
        name is the last two words of the mention or of the person's Arabic names when the first is a family word
        (`family_words`: آل)."""
        ntext = norm.text
        families: dict[str, ActorMention] = {}
        for m in mentions:
            if m.actor.kind != "person":
                continue
            for name in (ntext[m.nstart:m.nend], normalize_name(m.actor.name_ar),
                         *(normalize_name(v) for v in m.actor.variants_ar)):
                words = name.split()
                if len(words) >= 3 and words[-2] in self.table.family_words:
                    families.setdefault(" ".join(words[-2:]), m)
        out: list[ActorMention] = []
        for family, m in families.items():
            at = ntext.find(family, m.nend)
            while at >= 0:
                ms, me = at, at + len(family)
                at = ntext.find(family, me)
                if _opens_word(ntext, ms) and (me == len(ntext) or ntext[me] in _AFTER_NAME) \
                        and ntext[m.nend:ms].strip():  # (not the name's own end)
                    s, e = norm.to_original(ms, me)
                    out.append(ActorMention(start=s, end=e, nstart=ms, nend=me, text=text[s:e], actor=m.actor,
                                            framing=None, descriptive=False))
        return out

    def first_words(self, text: str, norm: Normalized, mentions: Sequence[ActorMention]) -> list[ActorMention]:
        """A name of three words or more shortened to its first words after it (المرصد السوري لحقوق الإنسان …
        المرصد السوري، سلاح الجو الإسرائيلي … سلاح الجو): the actor named before. Not where the next word
        continues the phrase: a definite word after a word in construct (رئيس مجلس الوزراء) or a nisba (سلاح الجو
        المصري)."""
        ntext = norm.text
        starts: dict[str, list[ActorMention]] = {}
        for m in mentions:
            words = ntext[m.nstart:m.nend].split()
            if m.actor.kind not in NO_ANTECEDENT and len(words) >= 3 and not m.descriptive:
                for k in range(2, len(words)):
                    starts.setdefault(" ".join(words[:k]), []).append(m)
        out: list[ActorMention] = []
        for phrase, named in starts.items():
            at = ntext.find(phrase, named[0].nend)
            while at >= 0:
                ms, me = at, at + len(phrase)
                at = ntext.find(phrase, me)
                if not (_opens_word(ntext, ms) and (me == len(ntext) or ntext[me] in _AFTER_NAME)):
                    continue
                before = [m for m in named if m.nend <= ms]
                if not before or self._continued(ntext, phrase, me):
                    continue
                s, e = norm.to_original(ms, me)
                out.append(ActorMention(start=s, end=e, nstart=ms, nend=me, text=text[s:e], actor=before[-1].actor,
                                        framing=None, descriptive=False))
        return sorted(out, key=lambda m: m.nstart)

    @staticmethod
    def _continued(ntext: str, phrase: str, end: int) -> bool:
        """The word after a shortened name continues it: a definite word after an indefinite one, or a nisba."""
        after = ntext[end:end + 1] == " " and ntext[end + 1:].split(maxsplit=1)[:1]
        if not after:
            return False
        word = after[0]
        return word.startswith("ال") and (not phrase.split()[-1].startswith("ال") or word.endswith(NISBA_ENDINGS))

    def shortened(self, ntext: str, mentions: Sequence[ActorMention], start: int,
                  end: int) -> tuple[ActorMention | None, int]:
        """(the group named before whose name the head noun at [start, end) and the definite words after it begin,
        the end of those words): a long name shortened to its first words (الحركة الشعبية لتحرير السودان …
        الحركة الشعبية); (None, end) when no name named before begins so."""
        spans = []
        for ws, we in word_spans_after(ntext, end, SHORT_WORDS):
            trimmed = len(ntext[ws:we].rstrip("".join(_END_PUNCT))) + ws
            if not ntext.startswith("ال", ws) or trimmed == ws:
                break
            spans.append((ws, trimmed))
            if trimmed < we:
                break  # (a punctuation mark ends the name)
        for n in range(len(spans), 0, -1):
            phrase = " ".join([ntext[start:end], *(ntext[ws:we] for ws, we in spans[:n])])
            m = next((m for m in reversed(mentions) if m.nend <= start and m.actor.kind not in NO_ANTECEDENT
                      and _shortens(phrase, m)), None)
            if m is not None:
                return m, spans[n - 1][1]
        return None, end

    def _named_on(self, ntext: str, end: int, group_head: bool = False) -> bool:
        """A definite word right after the noun (no relative pronoun) continues it: a name or a phrase; after the
        head of a group's name (`group_head`: الحركة، التنظيم), not an adjective that only describes the group
        (الحركة المتمردة; a plural stays a phrase: الميليشيات المسلحة are militias in general)."""
        if ntext[end:end + 1] != " ":
            return False
        after = ntext[end + 1:].split(maxsplit=1)[:1]
        return bool(after) and after[0].startswith("ال") and not after[0].endswith(_END_PUNCT) \
            and after[0] not in self.table.relatives and not (group_head and after[0] in self.table.describing)

    def antecedent(self, noun: str, mentions: Sequence[ActorMention], ntext: str, span: tuple[int, int],
                   country: str | None) -> ActorMention | None:
        """The actor the head noun at `span` takes up: the last group before it whose name begins with the noun,
        else the last actor of a fitting kind named before it in another clause (in its own clause, an actor of
        that kind is its opponent or partner: قوات الأمن اشتبكت مع المهاجمين), else (for a head read `ahead`) the
        first named after it in another clause; None when no actor fits. A head that may take up either side
        (المهاجمين) takes up the one armed group the document names rather than a state's forces or gunmen of no
        side told (مسلحون) named nearer."""
        head = self.table.heads.get(noun)
        if noun in self.name_heads:
            named = [m for m in mentions if m.nend <= span[0] and m.actor.kind not in NO_ANTECEDENT
                     and _begins_with(m, noun)]
            if named:
                return named[-1]
        if head is None:
            return None

        def fits(m: ActorMention) -> bool:
            return m.actor.kind in head.kinds and m.actor.kind not in NO_ANTECEDENT \
                and (not head.foreign or (country is not None and m.actor.country not in (None, country)))

        before = next((m for m in reversed(mentions) if m.nend <= span[0] and fits(m)
                       and self._apart(ntext, m.nend, span[0])), None)
        sole = _sole_group(head, [m for m in mentions if fits(m)])  # (the one group the document names)
        if sole is not None and (before is None or before.actor.kind in STATE_KINDS
                                 or normalize_name(before.text) in self.table.armed_men):
            return sole  # (not over gunmen told apart: مجموعة من المتشددين … المهاجمين)
        if before is not None:
            return before
        if head.ahead:
            return next((m for m in mentions if m.nstart >= span[1] and fits(m)
                         and self._apart(ntext, span[1], m.nstart)), None)
        return None

    def _apart(self, ntext: str, start: int, end: int) -> bool:
        """A clause ends between `start` and `end`: a punctuation mark or a word that opens a clause (أن، فيما)."""
        gap = ntext[start:end]
        return any(ch in _CLAUSE_MARKS for ch in gap) or any(w in self.table.breaks for w in gap.split())


def _sole_group(head: Head | None, named: Sequence[ActorMention]) -> ActorMention | None:
    """The last of `named` that is an armed group when they name one only (not unidentified gunmen), None when
    they name none or several. For a head noun (`head`), only one that may take up either side (المهاجمين: an
    armed group or a state's forces): a state's forces named nearer do not outweigh the one group."""
    if head is not None and not head.kinds & STATE_KINDS:
        return None
    groups = [m for m in named if m.actor.kind in GROUP_KINDS and not m.actor.id.startswith(UNIDENTIFIED)]
    return groups[-1] if len({m.actor.id for m in groups}) == 1 else None


def _shortens(phrase: str, m: ActorMention) -> bool:
    """`phrase` (normalized, two words or more) is the first words of the mention's text or of one of its actor's
    Arabic names, which go on after it."""
    names = [normalize_name(m.text), normalize_name(m.actor.name_ar), *(normalize_name(v) for v in m.actor.variants_ar)]
    return any(n.startswith(phrase + " ") for n in names)


def _begins_with(m: ActorMention, head: str) -> bool:
    """The mention's text or its actor's Arabic names begin with the head noun (with or without ال)."""
    names = [normalize_name(m.text), normalize_name(m.actor.name_ar),
             *(normalize_name(v) for v in m.actor.variants_ar)]
    return any(n.split(maxsplit=1)[:1] in ([head], ["ال" + head]) for n in names)


def _government_nisbas(governments: Mapping[str, Actor]) -> dict[str, str]:
    """{nisba form: country} read off each government's name (الحكومة الروسية → الروسي، الروسية، روسي، روسية)."""
    out: dict[str, str] = {}
    for country, gov in governments.items():
        for name in gov.variants_ar:
            words = normalize_name(name).split()
            if len(words) == 2 and words[0] == "الحكومه" and words[1].startswith("ال") and words[1].endswith("يه"):
                stem = words[1][2:-1]
                out.update({form: country for form in (stem, stem + "ه", "ال" + stem, "ال" + stem + "ه")})
    return out


class CountryActors:
    """A country's name where an actor stands, read as the country's own forces or government the document names,
    else as its government entry (the one whose English names hold the country's): right after a verb or a verbal noun (a trigger or a speech verb: قالت إسرائيل،
    قصف إيران), after a verb of being (كانت روسيا قد), after a verb's subject (ناشدت الوكالة إسرائيل) or
    coordinated with another actor (اتفقت روسيا والأردن). Never after a place cue or a glued preposition
    (بإسرائيل، لتركيا), nor in a dateline: there it stays a place."""

    def __init__(self, table: AnaphoraTable, actors: ActorDictionary, gazetteer: Gazetteer) -> None:
        self.table = table
        self.governments: dict[str, Actor] = {}
        for p in gazetteer.places:
            if p.feature != "country" or p.country in self.governments:
                continue
            own = normalize_name(p.name_en)
            gov = next((a for a in actors.actors if a.kind == "government" and a.country == p.country
                        and own in {normalize_name(n) for n in (a.name_en, *a.variants_en)}), None)
            if gov is not None:
                self.governments[p.country] = gov
        self.nisbas = {**_government_nisbas(self.governments), **dict(actors.nisbas)}  # (السفارة الأمريكية)
        self.capitals = {p.id: c for c, p in capitals(gazetteer).items() if c in self.governments}

    def find(self, text: str, norm: Normalized, places: Sequence[PlaceMention], actors: Sequence[ActorMention],
             verbs: Iterable[int]) -> tuple[list[ActorMention], list[PlaceMention]]:
        """(the countries read as actors, the place mentions they were) among `places`; `verbs`: where the words
        of the trigger and speech-verb lexicons' hits begin in the normalized text."""
        ntext = norm.text
        verb_words = set(verbs)
        ends = {m.nend: m for m in actors}
        made: list[ActorMention] = []
        gone: list[PlaceMention] = []
        for p in places:
            gov = self.governments.get(p.place.country)
            capital = p.place.id in self.capitals
            if gov is None or (p.place.feature != "country" and not capital) or p.cue is not None:
                continue
            if capital and not (self._after_statement(ntext, p) or self._heading(ntext, p)):
                continue  # (a capital acts only as a statement's subject: قالت موسكو، موسكو تنفي)
            mission = None if capital else self._mission_before(ntext, p.nstart)
            if mission is not None:  # (سفارة الولايات المتحدة: the government's mission)
                s, _ = norm.to_original(mission, p.nend)
                made.append(ActorMention(start=s, end=p.end, nstart=mission, nend=p.nend, text=text[s:p.end],
                                         actor=gov, framing=None, descriptive=False))
                gone.append(p)
                continue
            if not capital and not self._acting(ntext, p, verb_words, ends) and not self._heading(ntext, p):
                continue
            made.append(ActorMention(start=p.start, end=p.end, nstart=p.nstart, nend=p.nend, text=p.text,
                                     actor=_named_for(p, actors) or gov, framing=None, descriptive=False))
            ends[p.nend] = made[-1]
            gone.append(p)
        return made + self._missions(text, norm, [*actors, *made]), gone

    def _mission_before(self, ntext: str, start: int) -> int | None:
        """Where a word for a mission begins (after its proclitics) right before `start`, else None."""
        ws = _word_start(ntext, start)
        if ws != start:
            return None
        prev_start, prev_end = _word_before(ntext, ws)
        word = ntext[prev_start:prev_end]
        for k in range(0, 3):
            if (word[k:] in self.table.missions or word[k:] in self.table.sponsors) and all(c in "وفبل" for c in word[:k]):
                return prev_start + k
        return None

    def _missions(self, text: str, norm: Normalized, actors: Sequence[ActorMention]) -> list[ActorMention]:
        """A mission or a sponsorship and a country's nisba after it (السفارة الأمريكية، برعاية روسية): the
        country's government, the phrase its mention; each nisba right after (بوساطة قطرية ومصرية، أمريكية سعودية)
        another sponsor, the nisba its mention; not where a mention is already."""
        ntext = norm.text
        if not any(w in ntext for w in (*self.table.missions, *self.table.sponsors)):  # (neither word in the text)
            return []
        taken = [(m.nstart, m.nend) for m in actors]
        out: list[ActorMention] = []
        last_end = -1  # (where the last sponsor's nisba ended)
        for w in _WORD.finditer(ntext):
            word = w.group()
            clitic = 1 if word not in self.nisbas and word.startswith("و") else 0  # (ومصرية)
            gov = self.governments.get(self.nisbas.get(word[clitic:], ""))
            start = self._mission_before(ntext, w.start()) if gov is not None else None
            if start is None and gov is not None and last_end >= 0 and ntext[last_end:w.start()] == " ":
                start = w.start() + clitic
            if gov is None or start is None or any(a < w.end() and start < b for a, b in taken):
                last_end = -1
                continue
            sponsor = start < w.start() and ntext[start:w.start()].split()[0] in self.table.sponsors
            # (برعاية روسية: the nisba alone names the sponsor too, as a force's nisba does)
            for lo in (start, w.start()) if sponsor else (start,):
                s, e = norm.to_original(lo, w.end())
                out.append(ActorMention(start=s, end=e, nstart=lo, nend=w.end(), text=text[s:e], actor=gov,
                                        framing=None, descriptive=False))
            last_end = w.end()
        return out

    def _acting(self, ntext: str, p: PlaceMention, verb_words: set[int], ends: Mapping[int, ActorMention]) -> bool:
        """The country's name stands where an actor does (see the class); `ends`: the actors by their end."""
        ws = _word_start(ntext, p.nstart)
        clitics = ntext[ws:p.nstart]
        if set(clitics) & set("بلك"):
            return False
        prev_start, prev_end = _word_before(ntext, ws)
        if ntext[prev_start:prev_end].removeprefix("و") in self.table.prepositions:
            return _with_actor(ntext, p.nend, ends.values())  # (بين إسرائيل وحماس: two sides)
        subject = ends.get(prev_end)
        return prev_start in verb_words or self._subject_after(ntext, prev_start, prev_end) \
            or self._feminine_verb(ntext[prev_start:prev_end]) \
            or (subject is not None and _word_before(ntext, _word_start(ntext, subject.nstart))[0]
                in verb_words) \
            or (subject is not None and clitics.startswith("و"))  # (coordinated: حماس وإسرائيل)

    def _after_statement(self, ntext: str, p: PlaceMention) -> bool:
        """The name, with no proclitic, follows a verb of statement right before it (قالت موسكو، واعترضت الرياض)."""
        ws = _word_start(ntext, p.nstart)
        if ws != p.nstart:
            return False
        prev_start, prev_end = _word_before(ntext, ws)
        word = ntext[prev_start:prev_end]
        return word in self.table.statement_verbs or (word[:1] in ("و", "ف")
                                                      and word[1:] in self.table.statement_verbs)

    def _heading(self, ntext: str, p: PlaceMention) -> bool:
        """The name heads a sentence or a clause (nothing or a punctuation mark before it, و at most glued to it)
        and a verb of statement follows it right away (إسرائيل تعلن، وموسكو تنفي: a headline's order)."""
        ws = _word_start(ntext, p.nstart)
        if ntext[ws:p.nstart] not in ("", "و") or _word_before(ntext, ws) != (ws, ws):
            return False
        if ws > 0 and ntext[:ws].rstrip()[-1:] not in _BEFORE_HEAD:
            return False  # (a word ends right before: no head of a clause)
        nxt = word_spans_after(ntext, p.nend, 1) if ntext[p.nend:p.nend + 1] == " " else []
        return bool(nxt) and ntext[nxt[0][0]:nxt[0][1]] in self.table.statement_verbs

    def _subject_after(self, ntext: str, start: int, end: int) -> bool:
        """The word at [start, end) (or it and the word before) is one a clause's subject follows (كانت، لا تزال،
        أن)."""
        word = ntext[start:end].removeprefix("و").removeprefix("ف")
        two = " ".join([*words_before(ntext, start, 1), ntext[start:end]])
        return word in self.table.subject_after or two in self.table.subject_after

    def _feminine_verb(self, word: str) -> bool:
        """The word has the shape of a past-tense verb agreeing with a feminine subject (قصفت، شنتها)."""
        t = self.table
        if not t.verb_ending:
            return False
        stem = next((word[:-len(c)] for c in t.object_clitics if word.endswith(t.verb_ending + c)), word)
        return len(stem) >= 3 and stem.endswith(t.verb_ending) and not stem.endswith(t.not_verb_endings)


def _with_actor(ntext: str, end: int, actors: Iterable[ActorMention]) -> bool:
    """An actor's name follows the name ending at `end`, coordinated with و (… وحماس)."""
    rest = ntext[end:end + 3]
    at = end + len(rest) - len(rest.lstrip())
    return ntext[at:at + 1] == "و" and any(m.nstart in (at + 1, at + 2) for m in actors)


def _named_for(p: PlaceMention, actors: Sequence[ActorMention]) -> Actor | None:
    """The country's own forces or government the document names (the last before the country's name, else the
    first after it): the country acting is that actor."""
    own = [m for m in actors if m.actor.country == p.place.country and m.actor.kind in COUNTRY_KINDS
           and not m.ambiguous]
    before = [m for m in own if m.nend <= p.nstart]
    return before[-1].actor if before else (own[0].actor if own else None)


def _opens_word(ntext: str, pos: int) -> bool:
    """A word begins at `pos`, after at most two proclitics (و، ف، ب) or an opening mark."""
    k = pos
    while k > 0 and pos - k < 2 and ntext[k - 1] in "وفب":
        k -= 1
    return k == 0 or ntext[k - 1].isspace() or ntext[k - 1] in "\"«("


def _word_before(ntext: str, start: int) -> tuple[int, int]:
    """The span of the word before the word at `start` ((start, start) when punctuation or nothing ends it)."""
    end = start
    while end > 0 and ntext[end - 1].isspace():
        end -= 1
    if end == 0 or ntext[end - 1] in _END_PUNCT:
        return start, start
    return _word_start(ntext, end), end


def _word_start(ntext: str, pos: int) -> int:
    """The start of the word that holds (or ends at) `pos`."""
    while pos > 0 and not ntext[pos - 1].isspace():
        pos -= 1
    return pos

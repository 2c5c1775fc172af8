"""A force named by a word for forces and the nisba adjective of its country or group (طائرات حربية روسية، مقاتلات
أمريكية، رتل عسكري تركي، قناص حوثي، جنود ماليين): the forces of that country or group, named by the whole phrase.

The nisbas are read from the actor dictionary, not listed: every one-word name of a force or an armed group that
is a nisba adjective (روسية، التركي، حوثي) gives its stem (روسي، تركي، حوثي) and with it every form the adjective
takes after a noun (masculine and feminine, singular and plural, with or without the article); the countries of
the generic template (السوري، الليبية) give theirs, which name the country's army. A word for forces (cues.yaml
`force_nouns`) followed by at most two adjectives of its own (حربية، مسيرة، عسكري) and such a nisba is one
mention of that actor, spanning the phrase, beside the mentions of the same actor inside it (the nisba alone,
غارات روسية); a phrase a name of another actor overlaps is left alone.

A word for forces before a name (قوات الجيش الوطني الليبي، جنود الجيش السوداني) names that name's actor. Where a
name that the word for forces opens (قوات الجيش الوطني, the Yemeni army) ends inside a longer name that begins
after the word (الجيش الوطني الليبي), the longer name is the one meant: the phrase is a mention of its actor.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ..resources.actors import Actor, ActorDictionary, valid_on
from ..resources.morphology import PROCLITIC_LETTERS
from ..text.normalize import Normalized, normalize_name
from ..text.words import letter_runs
from .hits import Hit
from .linking import ActorLinker, ActorMention

NISBA_KINDS = frozenset({"external_forces", "state_forces", "rebel_group", "political_militia"})
MEMBER_KINDS = NISBA_KINDS | {"identity_militia"}  # forces whose members a word names (مقاتلي الجبهة)
STEM_ENDINGS = ("يين", "يون", "يه", "ي")  # (normalized) how a nisba name ends: its stem ends in ي
FORM_ENDINGS = ("", "ه", "ين", "ون", "ا", "ات")  # (after the stem's ي) روسي، روسيه، روسيين، روسيون، روسيا، روسيات
PROCLITICS = PROCLITIC_LETTERS  # (وطائرات، بقوات)
MAX_ADJECTIVES = 2  # words between the word for forces and the nisba (طائرات حربية مسيرة تركية)
LOOKAHEAD = 120  # characters after a word for forces read for a longer name


def nisba_stems(actors: ActorDictionary) -> dict[str, tuple[Actor, ...]]:
    """{stem of a nisba adjective (روسي، حوثي): the actors it names}: the forces and armed groups that have a
    one-word nisba name, and each template country's army (national role `army`) for that country's nisba."""
    out: dict[str, list[Actor]] = {}
    for a in actors.actors:
        if a.kind not in NISBA_KINDS or not a.country:
            continue
        for name in (*a.variants_ar, *a.descriptions_ar):
            stem = _stem(normalize_name(name))
            if stem and a not in out.setdefault(stem, []):
                out[stem].append(a)
    armies: dict[str, list[Actor]] = {}
    for a in actors.actors:
        if "army" in a.national and a.country:
            armies.setdefault(a.country, []).append(a)
    for nisba, country in actors.nisbas:
        stem = nisba.removeprefix("ال")
        if stem.endswith("ي") and stem not in out and country in armies:
            out[stem] = armies[country]
    return {k: tuple(v) for k, v in out.items()}


def _stem(word: str) -> str | None:
    """The stem of a one-word nisba name (الروسيه → روسي), None for a word that is no nisba or a longer name."""
    if " " in word:
        return None
    bare = word.removeprefix("ال")
    for end in STEM_ENDINGS:
        if bare.endswith(end) and len(bare) - len(end) >= 3:
            return bare[: len(bare) - len(end)] + "ي"
    return None


class ForcePhrases:
    """Finds the phrases that name a force by a word for forces and a nisba."""

    def __init__(self, actors: ActorDictionary, force_nouns: Iterable[str], acts: Iterable[str] = (),
                 members: Iterable[str] = (), ellipsis: Iterable[str] = ()) -> None:
        """`acts`: the words for forces that name an act, a trigger of their own (غارة، القصف): a report names the
        force after them by its nisba (القصف المدفعي التركي: التركي), and the phrase is no name of it. `members`:
        the words for a force's members in construct before its name (مقاتلي الجبهة). `ellipsis`: the words that
        stand for the word for forces of a force named right before them (وأخرى روسية)."""
        self.ellipsis = frozenset(ellipsis)
        self.nouns = (frozenset(p.split()[0] for p in force_nouns if p) - frozenset(acts)) | self.ellipsis
        self.members = frozenset(members)
        self.forms: dict[str, tuple[Actor, ...]] = {}
        for stem, who in nisba_stems(actors).items():
            for end in FORM_ENDINGS:
                self.forms.setdefault(stem + end, who)
                self.forms.setdefault("ال" + stem + end, who)

    def find(self, text: str, norm: Normalized, mentions: Sequence[ActorMention],
             published: str | None = None) -> list[ActorMention]:
        """The mentions and a mention for each force phrase (the mentions of its actor inside it stay: the
        record shows the nisba a report may name it by alone, التركي، as well as the phrase)."""
        ntext = norm.text
        words = letter_runs(ntext)
        out = list(mentions)
        for k, (ws, we) in enumerate(words):
            who = self.forms.get(ntext[ws:we]) or (self.forms.get(ntext[ws + 1:we]) if ntext[ws] == "و" else None)
            if not who:
                continue
            start = self._noun_before(ntext, words, k)
            if start is None or (ntext[start:].startswith(tuple(self.ellipsis)) and not _after_force(ntext, start, out)):
                continue
            actor = _valid(who, published)
            inside = [m for m in out if m.nstart < we and start < m.nend]
            if any(m.actor.id != actor.id or m.nstart < start or m.nend > we for m in inside):
                continue  # (another actor's name, or a longer one, overlaps the phrase)
            if any(m.nstart == start and m.nend == we for m in inside):
                continue
            s, e = norm.to_original(start, we)
            out.append(ActorMention(start=s, end=e, nstart=start, nend=we, text=text[s:e], actor=actor,
                                    framing=None, descriptive=False))
        return sorted(out + self._members(text, norm, out), key=lambda m: m.nstart)

    def _members(self, text: str, norm: Normalized, mentions: Sequence[ActorMention]) -> list[ActorMention]:
        """A mention for each force's name that a word for its members opens in construct (مقاتلي الجبهة، وعناصر
        التنظيم): the phrase names the force too. Not after another name, nor where a mention begins already."""
        ntext = norm.text
        starts = {m.nstart for m in mentions}
        ends = {m.nend for m in mentions}
        out: list[ActorMention] = []
        for m in mentions:
            if m.actor.kind not in MEMBER_KINDS or m.nstart < 2 or ntext[m.nstart - 1] != " ":
                continue
            ws = ntext.rfind(" ", 0, m.nstart - 1) + 1
            word = ntext[ws:m.nstart - 1]
            cut = next((k for k in range(0, 3) if word[k:] in self.members
                        and all(c in PROCLITICS for c in word[:k])), None)
            if cut is None or ws + cut in starts or (ws - 1) in ends:
                continue
            s, _ = norm.to_original(ws + cut, m.nend)
            out.append(ActorMention(start=s, end=m.end, nstart=ws + cut, nend=m.nend, text=text[s:m.end],
                                    actor=m.actor, framing=m.framing, descriptive=m.descriptive))
            starts.add(ws + cut)
        return out

    def longer_names(self, linker: ActorLinker, text: str, norm: Normalized, mentions: Sequence[ActorMention],
                     published: str | None = None) -> list[ActorMention]:
        """The mentions, each one a word for forces opens replaced by the longer name that begins after the
        word and ends past the mention, widened to the word (قوات الجيش الوطني الليبي)."""
        ntext = norm.text
        out: list[ActorMention] = []
        for m in mentions:
            first, space, _ = ntext[m.nstart:m.nend].partition(" ")
            if not space or first.lstrip(PROCLITICS) not in self.nouns and first not in self.nouns:
                out.append(m)
                continue
            rest = m.nstart + len(first) + 1
            cut = ntext.rfind(" ", rest, rest + LOOKAHEAD) if len(ntext) > rest + LOOKAHEAD else len(ntext)
            hit = next((h for h in linker.matcher.find(ntext[rest:cut]) if h.word_start == 0), None)
            if hit is None or rest + hit.end <= m.nend:
                out.append(m)
                continue
            shifted = Hit(hit.start + rest, hit.end + rest, rest, hit.prefix, hit.phrase, hit.payloads)
            found = linker.scan(text, norm, published, hits=[shifted])
            if not found:
                out.append(m)
                continue
            s, e = norm.to_original(m.nstart, found[0].nend)
            out.append(ActorMention(start=s, end=e, nstart=m.nstart, nend=found[0].nend, text=text[s:e],
                                    actor=found[0].actor, framing=found[0].framing,
                                    descriptive=found[0].descriptive))
        return out

    def _noun_before(self, ntext: str, words: Sequence[tuple[int, int]], k: int) -> int | None:
        """Where the word for forces begins (after its proclitics, with its article) when one stands at most
        MAX_ADJECTIVES words before word k, joined to it by spaces alone; None otherwise."""
        for j in range(k - 1, max(-1, k - 2 - MAX_ADJECTIVES), -1):
            if ntext[words[j][1]:words[j + 1][0]].strip():
                return None  # (a comma, a quotation mark: no longer one phrase)
            ws, we = words[j]
            word = ntext[ws:we]
            for cut in range(0, min(2, len(word) - 2) + 1):
                if cut and word[cut - 1] not in PROCLITICS:
                    break
                bare = word[cut:]
                if bare in self.nouns or (bare.startswith("ال") and bare[2:] in self.nouns):
                    return ws + cut
        return None


def _after_force(ntext: str, start: int, mentions: Sequence[ActorMention]) -> bool:
    """The word at `start` carries و and follows a force's name, a comma at most between (طائرات روسية وأخرى):
    a word that stands for the word for forces names one there only."""
    if start == 0 or ntext[start - 1] != "و":
        return False
    return any(m.actor.kind in NISBA_KINDS and m.nend < start and not ntext[m.nend:start - 1].strip(" ،,")
               for m in mentions)


def _valid(who: Sequence[Actor], published: str | None) -> Actor:
    """The actor valid on the publication date among those a nisba names (the first when none or all are)."""
    if published:
        for a in who:
            if valid_on(a, published):
                return a
    return who[0]

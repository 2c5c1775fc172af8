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

from collections.abc import Iterable, Sequence

from ..resources.actors import Actor, ActorDictionary
from ..text.normalize import Normalized
from .count_phrases import Noun
from .counts import CountMatch
from .linking import ActorMention
from .matcher import SpanSet

VICTIM_KINDS = frozenset({"killed", "wounded", "abducted", "detained", "missing", "displaced"})
VICTIM_WHO = frozenset({"civilians", "children", "women", "men"})  # the unarmed people a toll names
UNARMED_KINDS = frozenset({"civilians", "protesters"})  # the actors victim nouns may stand for
NISBA_NOUN_ENDINGS = ("", "ا", "ين", "ون", "ه", "ات")  # (normalized) فلسطيني، فلسطينيا، فلسطينيين، فلسطينيه
PROCLITICS = ("وال", "بال", "لل", "ال", "و", "ب", "ل", "ف")


def victim_forms(nouns: Iterable[Noun]) -> frozenset[str]:
    """The one-word forms (normalized) of the count nouns that name unarmed victims: the unarmed groups
    (مدنيين، أطفال، نساء، شبان) and the displaced (نازحين، مهجرين)."""
    return frozenset(n.words[0] for n in nouns if len(n.words) == 1 and not n.unit and not n.others
                     and (n.who in VICTIM_WHO or n.kind == "displaced"))


class VictimNouns:
    """Finds the victim nouns inside a document's counts and links each to its unarmed actor."""

    def __init__(self, actors: ActorDictionary, forms: frozenset[str]) -> None:
        self.actors = actors
        self.forms = forms
        self.civilians = {a.country: a for a in actors.actors
                          if a.kind == "civilians" and a.country and a.id.startswith("civilians-")}
        # a nationality's nouns (فلسطيني، فلسطينيا، فلسطينيين): in a toll of a report about that country, its people
        self.nationals = {stem + end: country for nisba, country in actors.nisbas if nisba.endswith("ي")
                          for stem in [nisba.removeprefix("ال")] for end in NISBA_NOUN_ENDINGS}

    def actor_for(self, word: str, country: str) -> Actor | None:
        """The unarmed actor of `country` a victim noun (without proclitics) stands for."""
        stem = word[:-1] if word.endswith("ا") else word[:-2] if word.endswith("ان") else word  # (متظاهرا، محتجان)
        for form in (word, "ال" + word, stem + "ين", "ال" + stem + "ين"):
            for a in self.actors.find(form):
                if a.country == country and a.kind in UNARMED_KINDS:
                    return a
        return self.civilians.get(country)

    def find(self, text: str, norm: Normalized, counts: Sequence[CountMatch], taken: Sequence[ActorMention],
             country: str | None, triggers: Sequence[tuple[int, int]] = ()) -> list[ActorMention]:
        """A mention for each victim noun inside a count of victims, where no actor is named already. In a count
        of the displaced a noun that is a trigger too (300 نازح) tells the displacement and stays its trigger;
        in a toll (قتل 14 نازحا، أصيب ستة محتجين) it names the victims."""
        if country is None:
            return []
        names = SpanSet([(m.nstart, m.nend) for m in taken])
        told = SpanSet(triggers)
        forms = self.forms | {w for w, k in self.nationals.items() if k == country}
        out: list[ActorMention] = []
        for c in counts:
            if c.kind not in VICTIM_KINDS or not (c.who in VICTIM_WHO or c.kind == "displaced" or c.who == "total"):
                continue
            for ws, we in _words(norm.text, c.start, c.end):
                found = _stem(norm.text[ws:we], forms)
                if found is None or names.overlaps(ws, we) or (c.kind == "displaced" and told.overlaps(ws, we)):
                    continue
                stem, ws = found[0], ws + found[1]
                actor = self.actor_for(stem, country)
                if actor is None:
                    continue
                s, e = norm.to_original(ws, we)
                out.append(ActorMention(start=s, end=e, nstart=ws, nend=we, text=text[s:e], actor=actor,
                                        framing=None, descriptive=False))
        return out


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

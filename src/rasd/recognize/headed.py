"""A government named by its head: حكومة فتحي باشاغا، لحكومة نتنياهو، حكومة الدبيبة is the government that person
headed (data/offices.yaml's heads of government, rasd.resources.offices), not the person.

Which government a person heads is read from the offices data, never from a list of names: an office titled
"رئيس حكومة X" heads the dictionary's "حكومة X"; a prime minister's office (رئيس الوزراء، رئيس الحكومة) heads
the national government of the holder's country (the entry whose `national` roles include government). On the
document's date the holder of that day counts; without a date, or past the last term, the latest term does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..resources.actors import Actor, ActorDictionary
from ..resources.offices import Holder, Office, OfficeBook
from ..text.normalize import Normalized, normalize_name
from ..text.segment import is_proclitic_sequence
from .linking import ActorMention
from .matcher import is_word_char

HEAD = normalize_name("رئيس") + " "  # the word a head-of-government title opens with
GOVERNMENT = normalize_name("حكومة")  # the word before a head's name
PRIME_MINISTER = frozenset(normalize_name(t) for t in ("رئيس الوزراء", "رئيسة الوزراء", "رئيس الحكومة",
                                                       "رئيس مجلس الوزراء"))  # a country's head of government


@dataclass(frozen=True, slots=True)
class _Term:
    holder: Holder
    governments: tuple[str, ...]  # the actor ids of the government the office heads (several: a country's)


def _valid(actor: Actor, day: str | None) -> bool:
    return day is None or ((actor.valid_from is None or actor.valid_from <= day[:len(actor.valid_from)])
                           and (actor.valid_to is None or day[:len(actor.valid_to)] <= actor.valid_to))


class HeadedGovernments:
    """Person → the governments they headed, by term, from the offices data."""

    def __init__(self, book: OfficeBook, actors: ActorDictionary) -> None:
        self.actors = actors
        national: dict[str, list[str]] = {}
        for a in actors.actors:
            if "government" in a.national and a.country:
                national.setdefault(a.country, []).append(a.id)
        terms: dict[str, list[_Term]] = {}
        for office in book.offices:
            for h in office.holders:
                govs = self._governments(office, h, national)
                if govs and h.actor in actors:
                    terms.setdefault(h.actor, []).append(_Term(h, govs))
        self.terms = {k: tuple(v) for k, v in terms.items()}

    def _governments(self, office: Office, holder: Holder, national: dict[str, list[str]]) -> tuple[str, ...]:
        """The government an office heads: the entry "حكومة X" of its title "رئيس حكومة X", or the holder's
        country's national government for a prime minister."""
        titles = [normalize_name(t) for t in (*office.titles, *office.bare_titles)]
        for t in titles:
            if t.startswith(HEAD + GOVERNMENT + " "):
                found = [a.id for a in self.actors.lookup(t[len(HEAD):])[1] if a.kind != "person"]
                if found:
                    return tuple(found)
        if any(t in PRIME_MINISTER for t in titles) and holder.country:
            return tuple(national.get(holder.country, ()))
        return ()

    def government(self, person: str, day: str | None) -> Actor | None:
        """The government `person` headed on `day` (the latest term when no term holds it), None if none."""
        terms = self.terms.get(person, ())
        if not terms:
            return None
        now = [t for t in terms if day is not None and t.holder.holds_on(day)]
        term = now[0] if now else max(terms, key=lambda t: (t.holder.start, -len(t.governments)))  # (the office's own)
        valid = [g for g in term.governments if _valid(self.actors.get(g), day)]
        return self.actors.get((valid or list(term.governments))[0])

    def find(self, text: str, norm: Normalized, mentions: Sequence[ActorMention],
             day: str | None) -> tuple[list[ActorMention], list[ActorMention]]:
        """(the governments named by حكومة + their head's name, the person mentions they replace)."""
        ntext = norm.text
        found: list[ActorMention] = []
        replaced: list[ActorMention] = []
        for m in mentions:
            if m.actor.kind != "person" or m.descriptive or m.actor.id not in self.terms:
                continue
            start = _government_word(ntext, m.nstart)
            gov = self.government(m.actor.id, day) if start is not None else None
            if start is None or gov is None:
                continue
            s, e = norm.to_original(start, m.nend)
            found.append(ActorMention(start=s, end=e, nstart=start, nend=m.nend, text=text[s:e], actor=gov,
                                      framing=None, descriptive=False))
            replaced.append(m)
        return found, replaced


def _government_word(ntext: str, pos: int) -> int | None:
    """Where the word حكومة right before `pos` starts, after its proclitics (لحكومة، وبحكومة); None without one."""
    if pos < len(GOVERNMENT) + 1 or ntext[pos - 1] != " ":
        return None
    ws = pos - 1
    while ws > 0 and is_word_char(ntext[ws - 1]):
        ws -= 1
    word = ntext[ws:pos - 1]
    if not word.endswith(GOVERNMENT):
        return None
    prefix = word[:-len(GOVERNMENT)]
    if prefix and not is_proclitic_sequence(prefix):
        return None
    return ws + len(prefix)

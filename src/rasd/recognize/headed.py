"""Which government a person heads, from the offices data: حكومة نوري المالكي، لحكومة فايز السراج is the government
that person headed (data/offices.yaml's heads of government), not the person. The pairs join those recognize.belonging
reads from the dictionary's own "head word + person" names (LedBodies: حكومة باشاغا، قوات حفتر).

Which government a person heads is read from the offices data, never from a list of names: an office titled
"رئيس حكومة X" heads the dictionary's "حكومة X"; a prime minister's office (رئيس الوزراء، رئيس الحكومة) heads
the national government of the holder's country (the entry whose `national` roles include government). On the
person's latest term counts, the office's own government before a country's.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..resources.actors import Actor, ActorDictionary, valid_on
from ..resources.offices import Holder, Office, OfficeBook
from ..text.normalize import normalize_name

HEAD = normalize_name("رئيس") + " "  # the word a head-of-government title opens with
GOVERNMENT = normalize_name("حكومة")  # the word before a head's name
PRIME_MINISTER = frozenset(normalize_name(t) for t in ("رئيس الوزراء", "رئيسة الوزراء", "رئيس الحكومة",
                                                       "رئيس مجلس الوزراء"))  # a country's head of government


@dataclass(frozen=True, slots=True)
class _Term:
    holder: Holder
    governments: tuple[str, ...]  # the actor ids of the government the office heads (several: a country's)


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
        """The government `person` headed on `day` (the latest term when no day is given or no term holds it, the
        office's own government before a country's), None if none."""
        terms = self.terms.get(person, ())
        if not terms:
            return None
        now = [t for t in terms if day is not None and t.holder.holds_on(day)]
        term = now[0] if now else max(terms, key=lambda t: (t.holder.start, -len(t.governments)))  # (the office's own)
        valid = [g for g in term.governments if valid_on(self.actors.get(g), day, whole_bounds=True)]
        return self.actors.get((valid or list(term.governments))[0])

    def by_head(self) -> dict[tuple[str, str], Actor]:
        """{(حكومه, person id): the government the person heads, or headed last} — the pairs LedBodies reads
        (recognize.belonging: حكومة فتحي باشاغا is that government)."""
        out: dict[tuple[str, str], Actor] = {}
        for person in self.terms:
            gov = self.government(person, None)
            if gov is not None:
                out[(GOVERNMENT, person)] = gov
        return out

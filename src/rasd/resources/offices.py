"""Office holders (data/offices.yaml): who held an office of a country or a body on a given day.

A person named only by an office ("رئيس الوزراء القطري", "قائد الجيش", "المبعوث الأممي إلى اليمن") is the actor who
held it on the document's date (rasd.recognize.offices reads the titles). Dates compare at their own precision:
a holder starts on `start` and holds until the day before `end` (the next holder's first day).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from rasd.resources.datafiles import load_yaml
from rasd.text.normalize import normalize_name

OFFICES_FILE = "offices.yaml"


@dataclass(frozen=True, slots=True)
class Holder:
    """One holder of an office: the actor, the country whose office it is (None: a body's one seat), the period."""

    actor: str
    country: str | None
    start: str
    end: str | None = None

    def holds_on(self, day: str) -> bool:
        """Whether the holder held the office on `day` (ISO date; each bound compared at its own precision)."""
        return day[:len(self.start)] >= self.start and (self.end is None or day[:len(self.end)] < self.end)


@dataclass(frozen=True, slots=True)
class Office:
    """An office: its titles (normalized), the one country it serves, the body standing for it, its holders."""

    id: str
    titles: tuple[str, ...]       # need the country said after them, unless `country` is set
    bare_titles: tuple[str, ...]  # take the document's country when none is said
    country: str | None
    organisation: str | None
    holders: tuple[Holder, ...]

    def holder(self, country: str | None, day: str) -> str | None:
        """The actor id of the holder for `country` on `day`; the organisation's when none is dated; else None."""
        for h in self.holders:
            if h.country in (None, country) and h.holds_on(day):
                return h.actor
        return self.organisation

    def seated(self) -> bool:
        """The office has one seat (a body's: the UN's secretary-general), not one per country."""
        return bool(self.holders) and all(h.country is None for h in self.holders)


@dataclass(frozen=True, slots=True)
class OfficeBook:
    """Every office of offices.yaml, with the nisbas and the words that make a title someone else's."""

    offices: tuple[Office, ...]
    nisbas: tuple[tuple[str, str], ...] = ()  # (normalized nisba, country)
    not_after: frozenset[str] = frozenset()  # (normalized) نائب رئيس الوزراء: the deputy, not the holder
    not_before: frozenset[str] = frozenset()  # (normalized) رئيس الوزراء السابق: a former holder

    @classmethod
    def load(cls, path: str | Path | None = None) -> OfficeBook:
        """Reads data/offices.yaml (or `path`), checked against its schema."""
        data, _ = load_yaml(path or OFFICES_FILE, schema="offices")

        def words(items: list[str]) -> tuple[str, ...]:
            return tuple(normalize_name(w) for w in items)

        offices = tuple(Office(id=o["id"], titles=words(o.get("titles") or []),
                               bare_titles=words(o.get("bare_titles") or []), country=o.get("country"),
                               organisation=o.get("organisation"),
                               holders=tuple(Holder(actor=h["actor"], country=h.get("country"), start=h["start"],
                                                    end=h.get("end")) for h in o.get("holders") or []))
                        for o in data["offices"])
        return cls(offices=offices,
                   nisbas=tuple((normalize_name(w), c) for c, ws in (data.get("nisbas") or {}).items() for w in ws),
                   not_after=frozenset(words(data.get("not_after") or [])),
                   not_before=frozenset(words(data.get("not_before") or [])))

    def problems(self, known: Collection[str]) -> list[str]:
        """Holders and organisations that are no actor id of `known` (the actor dictionary's ids)."""
        out = []
        for o in self.offices:
            for aid in [h.actor for h in o.holders] + ([o.organisation] if o.organisation else []):
                if aid not in known:
                    out.append(f"office {o.id}: unknown actor {aid}")
        return out

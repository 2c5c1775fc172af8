"""The schema of data/offices.yaml (rasd.resources.offices), registered in rasd.resources.schemas.

Like the other file schemas: no keys but the declared ones, strict types; an office names its titles, the one
country it serves (when it serves one), the body that stands for it where no holder is dated, and its holders,
each an actor of the dictionary with the country whose office it holds and the period.
"""

from __future__ import annotations

from pydantic import Field

from rasd.resources.schema_types import ActorId, Country, IsoDate, Names, SomeNames, _Yaml


class HolderEntry(_Yaml):
    """A holder of an office: the actor, the country whose office it is (none for a body's one seat), the period."""
    actor: ActorId
    country: Country | None = None
    start: IsoDate
    end: IsoDate | None = None  # the day the next holder took office (exclusive); none: still in office


class OfficeEntry(_Yaml):
    """An office of offices.yaml: its titles, the country or body it belongs to, its holders."""
    id: ActorId
    titles: Names = []  # need the country said (a nisba, في/إلى X) unless `country` is set
    bare_titles: Names = []  # may take the document's country when none is said
    country: Country | None = None  # the one country the office serves (رئيس حكومة الوحدة الوطنية: LY)
    organisation: ActorId | None = None  # the body that stands for the office where no holder is dated
    holders: list[HolderEntry] = []


class OfficesFile(_Yaml):
    """offices.yaml."""
    nisbas: dict[Country, SomeNames] = Field(default_factory=dict)  # definite singular nisbas (القطري، القطرية)
    not_after: Names = []  # words before a title that make it someone else's (نائب رئيس الوزراء)
    not_before: Names = []  # words after a title (and its country) that make it no present holder (السابق)
    offices: list[OfficeEntry]

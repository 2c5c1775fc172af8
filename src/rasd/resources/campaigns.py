"""Campaigns: the wars and offensives running tolls belong to (data/campaigns.yaml), with their theatres expanded.

A campaign's theatre is a list of gazetteer ids; a place lies in it when the place or one of its ancestors is
listed (a country's id covers the whole country). The words that anchor a toll at a campaign's start without a
date ("since the start of …") are dates.yaml's `since` + `since_starts`, shared with the date recognizer.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasd.resources.datafiles import ResourceError, data_path, load_yaml
from rasd.text.normalize import normalize_name

CAMPAIGNS_FILE = "campaigns.yaml"
AREA_FEATURES = frozenset({"country", "admin1", "region", "city", "town", "village"})  # a district's city is its area


@dataclass(frozen=True, slots=True)
class Campaign:
    """A war or offensive in a theatre over a period; provisional ones are opened by a toll that fits none."""

    id: str
    name_en: str
    name_ar: str
    country: str | None
    theatre: tuple[str, ...]
    start: str | None
    end: str | None = None
    parties: tuple[str, ...] = ()
    phrases_ar: tuple[str, ...] = ()  # normalized
    provisional: bool = False

    def active_on(self, day: str | None) -> bool:
        """Whether a toll dated `day` can belong to the campaign (an undated toll can)."""
        if day is None:
            return True
        return (self.start is None or day >= self.start) and (self.end is None or day[:len(self.end)] <= self.end)


@dataclass(frozen=True, slots=True)
class SourceName:
    """A toll's source named by words (وزارة الصحة, مصادر طبية, وكالة الأناضول): its key and names."""

    id: str
    name_en: str
    name_ar: str
    phrases: tuple[str, ...]  # normalized
    per_country: bool = False
    belligerent: bool = False
    unnamed: bool = False
    actors: tuple[tuple[str, str], ...] = ()  # (country, actor id): the actor that is this source there

    def actor(self, country: str | None) -> str | None:
        """The actor that is this source in a country (a ministry of health the dictionary knows), or None."""
        return next((a for c, a in self.actors if country and c == country.upper()), None)

    def key(self, country: str | None) -> str:
        """The series key: the id, with the country for a country's source (health-ministry:ps)."""
        return f"{self.id}:{country.lower()}" if self.per_country and country else self.id

    def labels(self, country: str | None) -> tuple[str, str]:
        """The English and Arabic labels, with the country for a country's source."""
        if self.per_country and country:
            return f"{self.name_en} ({country.upper()})", f"{self.name_ar} ({country.upper()})"
        return self.name_en, self.name_ar


_PROCLITICS = ("", "ل", "ب", "و", "ول", "وب")  # what an attribution's first word may carry (حصيلة لوزارة الصحة)


def _with_proclitic(phrase: str, pre: str) -> str:
    """A phrase with a proclitic on its first word: ل before the article drops its alif (للمكتب)."""
    return pre + (phrase[1:] if pre.endswith("ل") and phrase.startswith("ال") else phrase)


def named_source(sources: tuple[SourceName, ...], said: str) -> SourceName | None:
    """The source an attribution's normalized words name: the longest phrase found in them as whole words (its first
    word may carry ل, ب or و: آخر حصيلة لوزارة الصحة), a source that names someone before words that name no one
    (ما أوردته وكالة الأناضول: the agency)."""
    padded = f" {said} "
    found = [(not s.unnamed, len(p), s) for s in sources for p in s.phrases
             if any(f" {_with_proclitic(p, pre)} " in padded for pre in _PROCLITICS)]
    return max(found, key=lambda f: f[:2])[2] if found else None


def actor_names() -> dict[str, tuple[str, str, str]]:
    """(English name, Arabic name, kind) of every actor the actor files list by id (not the per-country
    template's), read without building the actor dictionary's recognizer."""
    out: dict[str, tuple[str, str, str]] = {}
    for path in sorted(data_path("actors").glob("*.yaml")):
        data, _ = load_yaml(path)
        for a in data.get("actors") or []:
            out[a["id"]] = (a["name_en"], a["name_ar"], a["kind"])
    return out


@dataclass(frozen=True, slots=True)
class CampaignCatalog:
    """The known campaigns, the place hierarchy that decides theatres, and the since-the-start words."""

    campaigns: tuple[Campaign, ...]
    ancestry: dict[str, tuple[str, ...]]  # place id -> itself and its ancestors' ids (places in some theatre)
    countries: dict[str, str]  # the id of a country's gazetteer entry -> its code
    theatre_place: dict[str, str]  # place id -> itself or the settlement or area it lies in (a provisional theatre)
    place_names: dict[str, tuple[str, str]]  # place id -> (English, Arabic) name
    actors: dict[str, tuple[str, str, str]]  # actor id -> (English name, Arabic name, kind): a toll's source's names
    since: tuple[str, ...]  # normalized منذ
    since_starts: tuple[str, ...]  # normalized بدء, اندلاع …
    sources: tuple[SourceName, ...] = ()  # sources named by words (campaigns.yaml's sources)
    comparison_openers: frozenset[str] = frozenset()  # normalized: after them an elative compares (في أسوأ …)

    @classmethod
    def load(cls, path: str | Path | None = None, gazetteer: Any = None) -> CampaignCatalog:
        """Read campaigns.yaml (schema-checked); every theatre id must be a gazetteer place."""
        from rasd.resources.gazetteer import Gazetteer

        data, shown = load_yaml(path or CAMPAIGNS_FILE, schema="campaigns")
        dates, _ = load_yaml("dates.yaml")
        gaz = gazetteer or Gazetteer.load()
        campaigns = []
        for entry in data["campaigns"]:
            for pid in entry["theatre"]:
                if pid not in gaz:
                    raise ResourceError(shown, f"campaign {entry['id']}: theatre {pid!r} is not a gazetteer id")
            campaigns.append(Campaign(
                id=entry["id"], name_en=entry["name_en"], name_ar=entry["name_ar"], country=entry["country"],
                theatre=tuple(entry["theatre"]), start=entry["start"], end=entry.get("end"),
                parties=tuple(entry["parties"]), phrases_ar=tuple(normalize_name(p) for p in entry["phrases_ar"])))
        ids = [c.id for c in campaigns]
        if len(set(ids)) != len(ids):
            raise ResourceError(shown, "a campaign id is given twice")
        ancestry = {p.id: (p.id, *(a.id for a in gaz.ancestors(p))) for p in gaz.places}
        countries = {p.id: p.country for p in gaz.places if p.feature == "country"}
        areas = {p.id for p in gaz.places if p.feature in AREA_FEATURES}
        theatre_place = {pid: next((a for a in chain if a in areas), pid) for pid, chain in ancestry.items()}
        names = {p.id: (p.name_en, p.name_ar) for p in gaz.places}
        sources = tuple(SourceName(e["id"], e["name_en"], e["name_ar"],
                                   tuple(normalize_name(p) for p in e["phrases_ar"]), e.get("per_country", False),
                                   e.get("belligerent", False), e.get("unnamed", False),
                                   tuple(sorted((e.get("actors") or {}).items())))
                        for e in data.get("sources") or [])
        return cls(tuple(campaigns), ancestry, countries, theatre_place, names, actor_names(),
                   tuple(normalize_name(w) for w in dates["since"]),
                   tuple(normalize_name(w) for w in dates["since_starts"]), sources,
                   frozenset(normalize_name(w) for w in data.get("comparison_openers") or []))

    def get(self, campaign_id: str) -> Campaign | None:
        """The known campaign with this id, None for any other (a provisional campaign's id)."""
        return next((c for c in self.campaigns if c.id == campaign_id), None)

    def theatre_fit(self, campaign: Campaign, place_id: str | None, country: str | None) -> int:
        """2: the place lies in the theatre (a listed place or a whole country); 1: elsewhere in the campaign's
        country; 0: place and country unknown; -1: another country."""
        if place_id is not None:
            chain = self.ancestry.get(place_id, (place_id,))
            local = [t for t in campaign.theatre if t not in self.countries]
            if any(t in chain for t in local):
                return 2
        if country is None or campaign.country is None:
            return 0
        if country.upper() != campaign.country:
            return -1
        whole = any(self.countries.get(t) == campaign.country for t in campaign.theatre)
        return 2 if whole else 1

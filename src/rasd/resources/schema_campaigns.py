"""The schema of data/campaigns.yaml (rasd.resources.campaigns), registered in rasd.resources.schemas.

Like the other file schemas: no keys but the declared ones, strict types; a campaign names its country, theatre,
period and parties, a toll source its key and the words that name it.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from rasd.resources.schema_types import ActorId, Country, IsoDate, NonBlank, SomeNames, _Yaml


class CampaignEntry(_Yaml):
    """A campaign of campaigns.yaml: id, names, country, theatre, period, parties and naming phrases."""
    id: ActorId
    name_en: NonBlank
    name_ar: NonBlank
    country: Country
    theatre: SomeNames  # gazetteer ids
    start: IsoDate
    end: IsoDate | None = None
    parties: list[ActorId]
    phrases_ar: SomeNames


class TollSourceEntry(_Yaml):
    """A toll's source of campaigns.yaml: its key, names, the phrases that name it, whether a country's."""
    id: ActorId
    name_en: NonBlank
    name_ar: NonBlank
    per_country: bool = False  # a country's (its ministry of health): keyed id:country
    belligerent: bool = False  # a party's own figure (an army, a defence ministry)
    unnamed: bool = False  # words that name no source (تقارير, بيان, الوزارة): the source is told elsewhere
    actors: dict[Country, ActorId] = {}  # the actor that is this source in a country (its ministry of health)
    phrases_ar: SomeNames


class CampaignsFile(_Yaml):
    """campaigns.yaml."""
    campaigns: Annotated[list[CampaignEntry], Field(min_length=1)]
    sources: list[TollSourceEntry] = []
    comparison_openers: list[NonBlank] = []  # words after which an elative opens a comparison (في أسوأ …)

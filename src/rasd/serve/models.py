"""Pydantic models of the API's responses, so that /openapi.json documents every response's schema.

Field order is the order the store builds its dicts in, so a response serialized through its model is the
same JSON as the dict itself. Fields a record leaves out (a mention's `framing`, a date's `span`) stay out:
the routes serialize with `response_model_exclude_unset=True`. Models that mirror the extraction record
(`rasd.records`) allow extra keys, so a field added to the record reaches clients before it is documented.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class _Record(BaseModel):
    """A part of an extraction record: documented fields plus any the record gains later."""

    model_config = ConfigDict(extra="allow")


class SpanOut(_Record):
    """A character span into the document text (`text[start:end]`)."""

    start: int
    end: int


class MentionOut(_Record):
    """A recognized stretch of the text: actor, place, date, count …, with what it refers to."""

    id: str
    kind: str
    text: str
    start: int
    end: int
    ref: str | None = None
    framing: str | None = Field(default=None, description="present only when the text frames the mention")


class ActorOut(_Record):
    """An actor of an event, from the actor dictionary (id and name_en null: an unlinked actor)."""

    id: str | None
    name_en: str | None
    name_ar: str
    kind: str
    country: str | None = None
    affiliation: str | None = None
    mentions: list[str] = Field(default_factory=list, description="ids of the mentions naming the actor")


class LocationOut(_Record):
    """The place of an event, from the gazetteer (id and name_en null: an unlinked place)."""

    id: str | None
    name_en: str | None
    name_ar: str
    country: str
    admin1: str | None = None
    lat: float
    lon: float
    geo_precision: int
    feature: str
    mentions: list[str] = Field(default_factory=list)
    within: dict[str, str | None] | None = Field(default=None, description="an unlinked place: the known place "
                                                                         "it stands at (id, name_en, name_ar)")


class DateOut(_Record):
    """When an event happened: a day or a range, its precision and what it was resolved against."""

    start: str | None = None
    end: str | None = None
    precision: str
    anchor: str
    text: str | None = Field(default=None, description="present only when the date was read from the text")
    span: SpanOut | None = None


class CountOut(_Record):
    """A figure the text gives (killed, wounded …), its group, scope and attribution."""

    kind: str
    value: int
    qualifier: str
    who: str
    scope: str
    start: int
    end: int
    text: str
    parent: int | None = None
    source_attribution: str | None = None


class AcledOut(_Record):
    """An event's ACLED type and sub-type."""

    event_type: str
    sub_event_type: str | None = None


class EventRecordOut(_Record):
    """An event as the extraction record gives it."""

    id: str
    acled: AcledOut | None = None
    plover: str
    actor1: ActorOut | None = None
    actor2: ActorOut | None = None
    actors: list[ActorOut] = Field(default_factory=list, description="other actors")
    location: LocationOut | None = None
    date: DateOut
    counts: list[CountOut] = Field(default_factory=list)
    modality: str
    source_attribution: str | None = None
    evidence: list[SpanOut] = Field(default_factory=list)
    confidence: float
    trigger: MentionOut | None = None
    rules: list[str] = Field(default_factory=list)


class SourceOut(BaseModel):
    """One report of a happening: the document, its outlet and the figures it gave."""

    event_id: str = Field(description="store id of the reporting event")
    document_id: str
    source: str
    published: str | None = None
    reprint_of: str | None = None
    fatalities: int | None = Field(default=None, description="incident killed in this report; null: none said")
    cumulative_killed: int | None = None
    source_attribution: str | None = None
    ingested_at: str


class EventOut(EventRecordOut):
    """A stored event with every report of its happening and the happening's fatalities."""

    event_id: str = Field(description="the event's id within its document")
    document_id: str
    merged_id: str = Field(description="store id of the canonical event of the happening")
    canonical: bool
    country: str | None = None
    evidence_text: str
    fatalities_reported: int | None = Field(default=None, description="what this document reported")
    fatalities: int = Field(description="the most conservative report of the happening (ACLED's rule)")
    fatalities_known: bool
    fatalities_low: int
    fatalities_high: int
    cumulative_killed: int | None = None
    n_sources: int
    sources: list[SourceOut]


class EventPage(BaseModel):
    """A page of events matching the filters."""

    total: int = Field(description="how many events match; when total_exact is false, at least this many (the "
                                   "server's count cap, 10,000 by default; 1,000 for the counts no table keeps: "
                                   "merged=false, two facets at once, text search on PostgreSQL)")
    total_exact: bool = Field(description="false when more events match than the server counts")
    limit: int
    offset: int
    sort: str
    next_cursor: str | None = Field(description="pass as `cursor` for the page after this one (keyset paging); "
                                               "null after a short page")
    items: list[EventOut]


class ReportOut(BaseModel):
    """What one document reported of a happening."""

    event_id: str
    document_id: str
    source: str
    published: str | None = None
    title: str | None = None
    counts: list[CountOut]
    source_attribution: str | None = None
    modality: str | None = None


class DocumentRefOut(BaseModel):
    """The document an event was read from."""

    title: str | None = None
    source: str
    published: str | None = None


class EventDetail(EventOut):
    """One event with every report of its happening (conflicting figures kept)."""

    reports: list[ReportOut]
    document: DocumentRefOut | None = None


class DocumentSummary(BaseModel):
    """A stored document, without its text."""

    id: str
    source: str
    published: str | None = None
    title: str | None = None
    length: int
    n_events: int
    reprint_of: str | None = None
    ingested_at: str


class DocumentPage(BaseModel):
    """A page of stored documents, newest first."""

    total: int
    limit: int
    offset: int
    next_cursor: str | None = Field(description="pass as `cursor` for the page after this one (keyset paging); "
                                               "null after a short page")
    items: list[DocumentSummary]


class DocumentInfoOut(_Record):
    """What is known of a document besides its text."""

    id: str
    source: str
    published: str | None = None
    language: str
    length: int
    encoding: str | None = None
    content_type: str | None = None
    title: str | None = None
    country: str | None = None


class DocumentEventOut(EventRecordOut):
    """An event of a document; `id` is its store id once stored."""

    event_id: str | None = Field(default=None, description="the event's id within its document")
    merged_id: str | None = Field(default=None, description="store id of the canonical event of the happening")


class ReprintOut(BaseModel):
    """A document stored as a reprint of this one."""

    id: str
    source: str


class DocumentDetail(BaseModel):
    """A document's text with its mentions, events and counts; every span indexes `text`."""

    schema_: str | None = Field(default=None, alias="schema", description="record schema version")
    document: DocumentInfoOut | None = None
    text: str
    mentions: list[MentionOut]
    events: list[DocumentEventOut]
    counts: list[CountOut]
    reprint_of: str | None = None
    reprint_similarity: float | None = None
    reprints: list[ReprintOut]
    ingested_at: str
    external_id: str | None = None


class IngestResult(BaseModel):
    """What storing a posted document did (`duplicate`: its text was already stored)."""

    document_id: str
    status: Literal["ingested", "duplicate"]
    events: int
    merged: int | None = Field(default=None, description="events that joined a stored happening")
    reprint_of: str | None = None


class TollPointOut(BaseModel):
    """One report of a cumulative toll: its value, the rise over the previous point and its source."""

    date: str | None = None
    value: int
    qualifier: str
    delta: int | None = None
    source: str
    source_attribution: str | None = None
    document_id: str
    event_id: str
    start: int
    end: int


class TollSeriesOut(BaseModel):
    """A cumulative toll series: one campaign, kind, group and source, its points by date and the latest."""

    series: str
    campaign: str
    place_id: str
    place_name_en: str | None = None
    place_name_ar: str | None = None
    country: str | None = None
    kind: str
    who: str
    source_key: str = Field(description="whose figure: an actor id, else outlet:<the report's source>")
    source_label: str = Field(description="the source's English name, else the attribution's words or the outlet")
    source_label_ar: str
    belligerent: bool = Field(description="the figure is a party's own claim")
    points: list[TollPointOut]
    latest: TollPointOut


class TollsOut(BaseModel):
    """Cumulative toll series matching the filters."""

    series: list[TollSeriesOut]


class CampaignSourceOut(BaseModel):
    """A source of a campaign's tolls and how many points it gave."""

    source_key: str
    source_label: str
    source_label_ar: str
    belligerent: bool
    points: int


class CampaignLatestOut(BaseModel):
    """The latest figure of one series of a campaign (kind, group, source)."""

    kind: str
    who: str
    source_key: str
    source_label: str
    source_label_ar: str
    belligerent: bool
    date: str | None = None
    value: int
    qualifier: str


class CampaignOut(BaseModel):
    """A war or offensive with its sources and the latest figure of each series (never a sum)."""

    id: str
    name_en: str
    name_ar: str
    provisional: bool = Field(description="opened by a toll that fits no known campaign: keyed by theatre and anchor")
    country: str | None = None
    theatre: list[str]
    start: str | None = None
    end: str | None = None
    parties: list[str]
    points: int
    documents: int
    date_min: str | None = None
    date_max: str | None = None
    sources: list[CampaignSourceOut]
    latest: list[CampaignLatestOut]


class CampaignsOut(BaseModel):
    """The campaigns tolls were assigned to."""

    campaigns: list[CampaignOut]


class CampaignTollsOut(BaseModel):
    """One campaign and its toll series, one per kind, group and source."""

    campaign: CampaignOut
    series: list[TollSeriesOut]


class HeadlineTollOut(BaseModel):
    """The latest killed toll of one campaign, with its source (one figure per campaign, never summed)."""

    campaign: str
    name_en: str
    name_ar: str
    provisional: bool
    kind: str
    value: int
    qualifier: str
    date: str | None = None
    source_label: str
    source_label_ar: str
    belligerent: bool
    sources: int


class TimelinePoint(BaseModel):
    """Events and merged fatalities on one day."""

    date: str
    events: int
    fatalities: int


class StatsOut(BaseModel):
    """Totals, breakdowns and the events timeline of the events matching the filters."""

    schema_version: int
    documents: int
    reprints: int
    events_stored: int
    events: int
    by_acled_type: dict[str, int]
    by_plover: dict[str, int]
    by_country: dict[str, int]
    by_modality: dict[str, int]
    date_min: str | None = None
    date_max: str | None = None
    fatalities: int
    timeline: list[TimelinePoint]
    toll_series: int
    documents_undated: int = Field(description="stored documents without a publication date")
    campaign_tolls: list[HeadlineTollOut]


class DatabaseHealth(BaseModel):
    """The store as the service sees it."""

    reachable: bool = Field(description="a query on the store succeeded")
    backend: Literal["sqlite", "postgresql"] | str
    schema_version: int | None = Field(description="the store's schema version (None when unreachable)")
    error: str | None = Field(default=None, description="why the store is unreachable (one line)")


class HealthOut(BaseModel):
    """GET /api/health: the service is up and its store reachable (200), or not (503, same body)."""

    ok: bool
    version: str = Field(description="rasd's version")
    database: DatabaseHealth
    documents: int | None = Field(description="documents stored (None when the store is unreachable)")
    events: int | None = Field(description="event records stored, one per report")
    happenings: int | None = Field(description="events merged across reports: what /api/events lists")


class FieldErrorOut(BaseModel):
    """One rejected part of a request: where it is, what is wrong with it."""

    loc: list[str | int] = Field(description='where, e.g. ["query", "limit"]')
    msg: str
    type: str


class ErrorOut(BaseModel):
    """Every error response, 4xx and 5xx: the status, one line saying what went wrong, and for a rejected
    request (422) each rejected parameter."""

    status: int = Field(description="the HTTP status code, repeated")
    detail: str = Field(description="what went wrong, one line")
    errors: list[FieldErrorOut] = Field(default_factory=list, description="422: each rejected parameter")

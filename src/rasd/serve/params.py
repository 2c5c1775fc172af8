"""Request parameters: the event and toll filters read from the query string, and a posted document."""

from typing import Annotated, Any

from fastapi import HTTPException, Query
from pydantic import BaseModel, Field, field_validator

from rasd.isodates import parse_published, strict_day
from rasd.store.filters import EventFilter, TollFilter
from rasd.text.decode import replace_surrogates


class DocumentIn(BaseModel):
    """A document posted for extraction."""

    text: str = Field(min_length=1, description="The article text (plain text)")
    source: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    id: str | None = Field(default=None, max_length=200, description="Your own id for the document")

    @field_validator("text", "source", "published", "id", mode="before")
    @classmethod
    def _no_lone_surrogates(cls, v: Any) -> Any:
        """Lone surrogates ("\\ud800" in the JSON) become U+FFFD before anything else sees the string: same
        length, so every span still indexes the text, and no error response can echo an unencodable value."""
        return replace_surrogates(v) if isinstance(v, str) else v

    @field_validator("published")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None
        return parse_published(v)  # as ingest and batch read a document's date


async def event_filter(  # async: pure parsing, so FastAPI runs it in the event loop, not a worker thread
    date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(max_length=3)] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    actor: Annotated[str | None, Query(max_length=200)] = None,
    acled_type: Annotated[str | None, Query(max_length=100)] = None,
    plover: Annotated[str | None, Query(max_length=40)] = None,
    modality: Annotated[str | None, Query(max_length=200, description="comma-separated")] = None,
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    q: Annotated[str | None, Query(max_length=200, description="text search")] = None,
    document_id: Annotated[str | None, Query(max_length=100)] = None,
    merged: Annotated[bool, Query(description="one row per happening")] = True,
) -> EventFilter:
    """The event filter a query string asks for (422 on a malformed date)."""
    _check_dates(date_from, date_to)
    return EventFilter(date_from=date_from or None, date_to=date_to or None, country=country or None,
                       place=place or None, actor=actor or None, acled_type=acled_type or None,
                       plover=plover or None, modality=modality or None, min_confidence=min_confidence,
                       q=q or None, document_id=document_id or None, merged=merged)


def _check_dates(date_from: str | None, date_to: str | None) -> None:
    """422 unless each given date is YYYY-MM-DD (dates are compared as ISO strings in SQL)."""
    for value, name in ((date_from, "from"), (date_to, "to")):
        if value:
            try:
                strict_day(value)
            except ValueError:
                raise HTTPException(422, f"{name}: not a YYYY-MM-DD date") from None


def toll_filter(
    country: Annotated[str | None, Query(max_length=3)] = None,
    place: Annotated[str | None, Query(max_length=200)] = None,
    kind: Annotated[str | None, Query(max_length=20)] = None,
    who: Annotated[str | None, Query(max_length=40)] = None,
    campaign: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
) -> TollFilter:
    """The toll filter a query string asks for (422 on a malformed date)."""
    _check_dates(date_from, date_to)
    return TollFilter(country=country or None, place=place or None, kind=kind or None, who=who or None,
                      campaign=campaign or None, date_from=date_from or None, date_to=date_to or None)

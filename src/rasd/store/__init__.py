"""The rasd store: schema, ingest and queries over SQLite or PostgreSQL."""

from rasd.store.store import (
    DEFAULT_URL,
    EventFilter,
    IngestOutcome,
    Store,
    TollFilter,
    incident_fatalities,
    normalize_url,
    text_hash,
)

__all__ = ["DEFAULT_URL", "EventFilter", "IngestOutcome", "Store", "TollFilter", "incident_fatalities",
           "normalize_url", "text_hash"]

"""The rasd store: schema, ingest and queries over SQLite or PostgreSQL.

Modules: `store` (the `Store` facade: connections, transactions), `schema` (tables, migrations), `writes`
(the rows a record becomes), `reads` and `filters` (queries), `reprints` (near-duplicate documents),
`merging` (one happening across documents), `tolls` (fatality figures, cumulative toll series), `ingest`
(reading inputs into the store).
"""

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

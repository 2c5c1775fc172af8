"""The rasd store: schema, ingest and queries over SQLite or PostgreSQL.

Modules: `store` (the `Store` facade: connections, transactions), `schema` (tables, migrations), `writes`
(the rows a record becomes), `reads` and `filters` (queries), `reprints` (near-duplicate documents),
`merging` (one happening across documents), `tolls` (fatality figures, cumulative toll series), `ingest`
(reading inputs into the store).

The names below are imported from `rasd.store.store` on first use, so that importing the package (the
command line does, for DEFAULT_URL) does not import SQLAlchemy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

DEFAULT_URL = "sqlite:///rasd.db"

if TYPE_CHECKING:
    from rasd.store.store import (
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


def __getattr__(name: str) -> Any:
    """The store's public names, imported from `rasd.store.store` when first asked for."""
    if name in __all__:
        from rasd.store import store

        return getattr(store, name)
    raise AttributeError(f"module 'rasd.store' has no attribute {name!r}")

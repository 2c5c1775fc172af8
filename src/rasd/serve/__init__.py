"""The rasd HTTP API and dashboard (FastAPI). Build it with `create_app(Settings(...))`.

GET  /api/events            filtered, paginated, sorted events (one per happening by default)
GET  /api/events/{id}       one event with every report of its happening
GET  /api/documents         documents, newest first
GET  /api/documents/{id}    a document's text with mentions, events and counts (spans index the text)
GET  /api/tolls             cumulative toll series
GET  /api/stats             totals, breakdowns and the events timeline
GET  /api/export?format=…   acled-csv | geojson | jsonl | parquet, with the event filters
POST /api/documents         extract and store a document; needs `Authorization: Bearer <token>`
GET  /                      the dashboard (static files served by the app; no CDN)

Every response has a pydantic model (`rasd.serve.models`), so /openapi.json documents its schema. Every
query value reaches SQL as a bound parameter; request bodies are limited in size; writes need the
operator's token (env RASD_API_TOKEN for `rasd serve`), and are refused when no token is configured.
"""

from rasd.serve.app import STATIC_DIR, Settings, create_app
from rasd.serve.params import DocumentIn
from rasd.serve.security import CSP, BodyLimit

__all__ = ["CSP", "STATIC_DIR", "BodyLimit", "DocumentIn", "Settings", "create_app"]

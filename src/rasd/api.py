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

Every query value reaches SQL as a bound parameter; request bodies are limited in size; writes need the
operator's token (env RASD_API_TOKEN for `rasd serve`), and are refused when no token is configured.
"""



import hmac
import threading
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, field_validator

from rasd.store.store import DEFAULT_URL, SORT_KEYS, EventFilter, Store, TollFilter, text_hash

STATIC_DIR = Path(__file__).with_name("static")
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True, slots=True)
class Settings:
    db_url: str = DEFAULT_URL
    api_token: str | None = None  # None: POST /api/documents is refused
    max_body_bytes: int = 2_000_000
    max_page_size: int = 500
    extractor_factory: Callable[[], Any] | None = None  # default: rasd.pipeline.Pipeline.load
    static_dir: Path = STATIC_DIR


class DocumentIn(BaseModel):
    text: str = Field(min_length=1, description="The article text (plain text)")
    source: str | None = Field(default=None, max_length=2000)
    published: str | None = Field(default=None, description="YYYY-MM-DD")
    id: str | None = Field(default=None, max_length=200, description="Your own id for the document")

    @field_validator("published")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v is None or v == "":
            return None
        return date.fromisoformat(v).isoformat()


class BodyLimit:
    """Reject request bodies above `limit` bytes (413), by Content-Length and while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    await self._reject(send)
                    return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise _TooLarge()
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await self._reject(send)

    async def _reject(self, send: Send) -> None:
        body = b'{"detail":"request body too large"}'
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(Exception):
    pass


def _event_filter(
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
    for value, name in ((date_from, "from"), (date_to, "to")):
        if value:
            try:
                date.fromisoformat(value)
            except ValueError:
                raise HTTPException(422, f"{name}: not a YYYY-MM-DD date") from None
    return EventFilter(date_from=date_from or None, date_to=date_to or None, country=country or None,
                       place=place or None, actor=actor or None, acled_type=acled_type or None,
                       plover=plover or None, modality=modality or None, min_confidence=min_confidence,
                       q=q or None, document_id=document_id or None, merged=merged)


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    store = Store.open(settings.db_url)
    extractor_lock = threading.Lock()
    extractor_box: list[Any] = []

    def extractor() -> Any:
        with extractor_lock:
            if not extractor_box:
                if settings.extractor_factory is not None:
                    extractor_box.append(settings.extractor_factory())
                else:
                    from rasd.pipeline import Pipeline

                    extractor_box.append(Pipeline.load())
            return extractor_box[0]

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        store.close()

    app = FastAPI(title="rasd", version="1", lifespan=lifespan,
                  description="Structured, sourced conflict events from Arabic news.")
    app.state.settings = settings
    app.state.store = store

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers["Content-Security-Policy"] = CSP
        return response

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not settings.api_token:
            raise HTTPException(403, "writes are disabled: the operator has configured no API token")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), settings.api_token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    Filter = Annotated[EventFilter, Depends(_event_filter)]

    @app.get("/api/events", summary="Events matching filters (paginated)")
    def list_events(
        f: Filter,
        limit: Annotated[int, Query(ge=1, le=settings.max_page_size)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
        sort: Annotated[str, Query(pattern="^(" + "|".join(SORT_KEYS) + ")$")] = "-date",
    ) -> dict[str, Any]:
        return store.query_events(f, limit=limit, offset=offset, sort=sort)

    @app.get("/api/events/{event_id:path}", summary="One event with all reports of its happening")
    def get_event(event_id: str) -> dict[str, Any]:
        ev = store.get_event(event_id)
        if ev is None:
            raise HTTPException(404, "no such event")
        return ev

    @app.get("/api/documents", summary="Stored documents")
    def list_documents(
        limit: Annotated[int, Query(ge=1, le=settings.max_page_size)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict[str, Any]:
        return store.list_documents(limit=limit, offset=offset)

    @app.get("/api/documents/{document_id}", summary="A document's text with its spans")
    def get_document(document_id: str) -> dict[str, Any]:
        doc = store.get_document(document_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return doc

    @app.post("/api/documents", status_code=201, dependencies=[Depends(require_token)],
              summary="Extract and store a document (bearer token)")
    def post_document(body: DocumentIn) -> JSONResponse:
        doc_id = text_hash(body.text)
        if store.has_document(doc_id):
            return JSONResponse({"document_id": doc_id, "status": "duplicate", "events": 0}, status_code=200)
        record = extractor().extract_text(body.text, source=body.source or "api", published=body.published)
        outcome = store.ingest(record, external_id=body.id)
        status = 201 if outcome.status == "ingested" else 200
        return JSONResponse({"document_id": outcome.document_id, "status": outcome.status,
                             "events": outcome.events, "merged": outcome.merged,
                             "reprint_of": outcome.reprint_of}, status_code=status)

    @app.get("/api/tolls", summary="Cumulative toll time series")
    def get_tolls(
        country: Annotated[str | None, Query(max_length=3)] = None,
        place: Annotated[str | None, Query(max_length=200)] = None,
        kind: Annotated[str | None, Query(max_length=20)] = None,
        who: Annotated[str | None, Query(max_length=40)] = None,
        campaign: Annotated[str | None, Query(max_length=200)] = None,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
    ) -> dict[str, Any]:
        series = store.tolls(TollFilter(country=country or None, place=place or None, kind=kind or None,
                                        who=who or None, campaign=campaign or None, date_from=date_from or None,
                                        date_to=date_to or None))
        return {"series": series}

    @app.get("/api/stats", summary="Totals, breakdowns and the events timeline")
    def get_stats(f: Filter) -> dict[str, Any]:
        return store.stats(f)

    @app.get("/api/export", summary="Export events: acled-csv | geojson | jsonl | parquet")
    def export(f: Filter, format: Annotated[str, Query(pattern="^(acled-csv|geojson|jsonl|parquet)$")] = "jsonl") -> Response:
        from rasd.exports import export_bytes

        data, media, ext = export_bytes(store, format, f)
        return Response(data, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="rasd-events.{ext}"'})

    @app.get("/api/health", include_in_schema=False)
    def health() -> dict[str, Any]:
        return {"ok": True, "schema_version": store.schema_version()}

    static_dir = settings.static_dir
    if static_dir.is_dir():
        app.mount("/static", StaticFiles(directory=static_dir), name="static")

        @app.get("/", include_in_schema=False)
        def index() -> FileResponse:
            return FileResponse(static_dir / "index.html", media_type="text/html; charset=utf-8")

    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app

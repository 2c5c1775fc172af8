"""The API's routes, one router per resource: events, documents, and tolls, stats and exports.

No `from __future__ import annotations` here: FastAPI must evaluate the route signatures, whose `Query`
limits close over the factories' arguments.
"""

import functools
import threading
from collections.abc import Callable, Hashable
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse, StreamingResponse
from starlette.concurrency import run_in_threadpool

from rasd.budget import TimeBudgetExceeded, default_budget
from rasd.serve import models
from rasd.serve.cache import ANY_WRITE, CACHE_HIT_HEADER, CANONICAL, HAPPENINGS, ReadCache, cached
from rasd.serve.params import DocumentIn, event_filter, toll_filter
from rasd.serve.security import token_checker
from rasd.store import keyset
from rasd.store.filters import SORT_KEYS, EventFilter, TollFilter
from rasd.store.store import Store, text_hash

Filter = Annotated[EventFilter, Depends(event_filter)]
NOT_FOUND: dict[int | str, dict[str, Any]] = {404: {"model": models.ErrorOut, "description": "not stored"}}
WRITE_ERRORS: dict[int | str, dict[str, Any]] = {
    401: {"model": models.ErrorOut, "description": "no valid bearer token"},
    403: {"model": models.ErrorOut, "description": "writes are disabled (no token configured)"},
    413: {"model": models.ErrorOut, "description": "request body too large"},
    422: {"model": models.ErrorOut, "description": "the text could not be extracted within the time budget"}}
CACHE_HEADERS = {"X-Rasd-Cache": {"description": "`hit` when the body came from the server's read cache on its "
                                                "event loop, without a query or a worker thread (absent otherwise)",
                                 "schema": {"type": "string", "enum": ["hit"]}}}


def documented(model: type[Any], extra: dict[int | str, dict[str, Any]] | None = None,
               headers: dict[str, Any] | None = None) -> dict[str, Any]:
    """Route options documenting `model` as the 200 response while the route returns its JSON directly.

    The store's dicts already have the documented shape (tests/test_api.py checks real responses against the
    schema), so validating every response through pydantic again (3-8 ms per page of events) is skipped.
    """
    return {"response_model": None, "response_class": JSONResponse,
            "responses": {200: {"model": model, "description": "Successful Response",
                                **({"headers": headers} if headers else {})}, **(extra or {})}}


MAX_OFFSET = 10_000_000  # every offset is bounded (a 64-bit overflow in SQL was a 500)
Cursor = Annotated[str | None, Query(max_length=keyset.MAX_TOKEN, description=(
    "the `next_cursor` of the page before: this page starts after its last row (keyset paging: as cheap as a "
    "first page at any depth, and rows stored meanwhile shift nothing); not with `offset`"))]


def _after(cursor: str | None, offset: int, kind: str, sort: str) -> keyset.Cursor | None:
    """The position a `cursor` parameter names (None without one); 422 when it is malformed, was made for another
    sort, or comes with an offset."""
    if not cursor:
        return None
    if offset:
        raise HTTPException(422, "cursor: not with offset (a cursor names the position itself)")
    try:
        return keyset.decode(cursor, kind, sort)
    except ValueError as exc:
        raise HTTPException(422, f"cursor: {exc}") from None
EXPORT_MEDIA = ("text/csv", "application/geo+json", "application/x-ndjson", "application/vnd.apache.parquet")


def _json(body: bytes) -> Response:
    """A rendered JSON body as the response."""
    return Response(content=body, media_type="application/json")


async def _cached_response(cache: ReadCache | None, key: Hashable, compute: Callable[[], Any],
                           request: Request, rendered: bool = False, scope: str = ANY_WRITE) -> Response:
    """The JSON response for `key`: a valid cached body straight from the event loop, else computed (or taken
    from the cache after a generation check) in a worker thread, where the store's blocking reads belong. The
    request is recorded as answered by `key` (cache.CachedReads answers it again without validation).
    `rendered`: `compute` returns the body's bytes already (then `scope`: what it depends on, `ReadCache.get`)."""
    if cache is not None:
        cache.alias((request.scope["path"], request.scope["query_string"]), key)
    body = cache.peek(key) if cache is not None else None
    if body is None:
        if rendered:
            return _json(await run_in_threadpool(compute) if cache is None else
                         await run_in_threadpool(functools.partial(cache.get, key, compute, scope=scope)))
        return _json(await run_in_threadpool(cached, cache, key, compute))
    response = _json(body)
    response.headers[CACHE_HIT_HEADER[0].decode()] = CACHE_HIT_HEADER[1].decode()
    return response


def events_router(store: Store, max_page_size: int, cache: ReadCache | None = None,
                  count_cap: int | None = None) -> APIRouter:
    """GET /api/events (a filtered, sorted page; through the read cache; a total above `count_cap` is given as
    `count_cap` with total_exact false) and GET /api/events/{id} (one event with its reports)."""
    router = APIRouter(prefix="/api/events", tags=["events"])

    @router.get("", **documented(models.EventPage, headers=CACHE_HEADERS),
                summary="Events matching filters (paginated)")
    async def list_events(
        request: Request,
        f: Filter,
        limit: Annotated[int, Query(ge=1, le=max_page_size)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        sort: Annotated[str, Query(pattern="^(" + "|".join(SORT_KEYS) + ")$")] = "-date",
        cursor: Cursor = None,
    ) -> Response:
        after = _after(cursor, offset, "events", sort)

        def page() -> bytes:
            # the filter's count is cached on its own: every page and sort order of a filter shares it, and a page
            # built on a stale count is stamped as old as the count (ReadCache._compute), so it lags no more than
            # any entry. Over canonical events a count holds while the canonical set does, and a page while its
            # happenings got no report too (`rasd.store.changes`)
            total = None if cache is None else int(cache.get(("count", f),
                                                             lambda: b"%d" % store.count_events(f, count_cap),
                                                             fresh=True, scope=CANONICAL if f.merged else ANY_WRITE))
            shown: list[str] = []
            body = store.query_events_json(f, limit=limit, offset=offset, sort=sort, total=total, cap=count_cap,
                                           after=after, happenings=shown)
            if cache is not None and f.merged:
                cache.note_happenings(shown)
            return body

        return await _cached_response(cache, ("events", f, limit, offset, sort, after), page, request,
                                      rendered=True, scope=HAPPENINGS if f.merged else ANY_WRITE)

    @router.get("/{event_id:path}", **documented(models.EventDetail, NOT_FOUND),
                summary="One event with all reports of its happening")
    def get_event(event_id: str) -> JSONResponse:
        ev = store.get_event(event_id)
        if ev is None:
            raise HTTPException(404, "no such event")
        return JSONResponse(ev)

    return router


class _LazyExtractor:
    """The extractor, built on first use (loading the pipeline takes a while) and shared by every request."""

    def __init__(self, factory: Callable[[], Any] | None) -> None:
        self._factory = factory
        self._lock = threading.Lock()
        self._made: list[Any] = []

    def __call__(self) -> Any:
        with self._lock:
            if not self._made:
                if self._factory is not None:
                    self._made.append(self._factory())
                else:
                    from rasd.pipeline import load_for_process

                    self._made.append(load_for_process())
            return self._made[0]


def documents_router(store: Store, max_page_size: int, api_token: str | None,
                     extractor_factory: Callable[[], Any] | None, max_seconds: float | None = None,
                     cache: ReadCache | None = None) -> APIRouter:
    """GET /api/documents, GET /api/documents/{id} and POST /api/documents (extract and store; bearer token;
    the extraction within `max_seconds`, default budget.default_budget of the text's length, else a 422)."""
    router = APIRouter(prefix="/api/documents", tags=["documents"])
    extractor = _LazyExtractor(extractor_factory)

    @router.get("", **documented(models.DocumentPage),
                summary="Stored documents")
    def list_documents(
        limit: Annotated[int, Query(ge=1, le=max_page_size)] = 50,
        offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
        cursor: Cursor = None,
    ) -> JSONResponse:
        after = _after(cursor, offset, "documents", "-published")
        return JSONResponse(store.list_documents(limit=limit, offset=offset, after=after))

    @router.get("/{document_id}", **documented(models.DocumentDetail, NOT_FOUND),
                summary="A document's text with its spans")
    def get_document(document_id: str) -> JSONResponse:
        doc = store.get_document(document_id)
        if doc is None:
            raise HTTPException(404, "no such document")
        return JSONResponse(doc)

    @router.post("", status_code=201, dependencies=[Depends(token_checker(api_token))],
                 response_model=models.IngestResult, response_model_exclude_unset=True,
                 responses={200: {"model": models.IngestResult, "description": "the text was already stored"},
                            **WRITE_ERRORS},
                 summary="Extract and store a document (bearer token)")
    def post_document(body: DocumentIn, response: Response) -> models.IngestResult:
        doc_id = text_hash(body.text)
        if store.has_document(doc_id):
            response.status_code = 200
            return models.IngestResult(document_id=doc_id, status="duplicate", events=0)
        try:
            record = extractor().extract_text(body.text, source=body.source or "api", published=body.published,
                                              max_seconds=max_seconds or default_budget(len(body.text)))
        except TimeBudgetExceeded as exc:  # the worker is free again; nothing was stored
            raise HTTPException(422, f"{exc}; the document was not stored") from None
        outcome = store.ingest(record, external_id=body.id)
        if cache is not None:
            cache.clear()  # read your writes
        response.status_code = 201 if outcome.status == "ingested" else 200
        return models.IngestResult(document_id=outcome.document_id, status=outcome.status, events=outcome.events,
                                   merged=outcome.merged, reprint_of=outcome.reprint_of)

    return router


def health_of(store: Store) -> models.HealthOut:
    """The store's health: reachable, its schema version, what it holds; ok=False with the reason if not."""
    from rasd import __version__

    backend = store.engine.dialect.name
    try:
        version = store.schema_version()
        documents = int(store.list_documents(limit=1)["total"])
        events = store.count_events(EventFilter(merged=False))
        happenings = store.count_events(EventFilter())
    except Exception as exc:  # an unreachable store is the answer here, not an error
        reason = (str(getattr(exc, "orig", None) or exc).strip().splitlines() or [type(exc).__name__])[0]
        db = models.DatabaseHealth(reachable=False, backend=backend, schema_version=None, error=reason)
        return models.HealthOut(ok=False, version=__version__, database=db, documents=None, events=None,
                                happenings=None)
    db = models.DatabaseHealth(reachable=True, backend=backend, schema_version=version)
    return models.HealthOut(ok=True, version=__version__, database=db, documents=documents, events=events,
                            happenings=happenings)


def data_router(store: Store, export_max_rows: int = 10_000, cache: ReadCache | None = None) -> APIRouter:
    """GET /api/tolls, /api/campaigns, /api/stats, /api/export (acled-csv, geojson, jsonl, parquet), /api/health."""
    router = APIRouter(prefix="/api")

    @router.get("/tolls", **documented(models.TollsOut), tags=["tolls"],
                summary="Cumulative toll time series")
    def get_tolls(tf: Annotated[TollFilter, Depends(toll_filter)]) -> JSONResponse:
        return JSONResponse({"series": store.tolls(tf)})

    @router.get("/campaigns", **documented(models.CampaignsOut), tags=["tolls"],
                summary="Campaigns with the latest figure of each kind, group and source")
    def get_campaigns(tf: Annotated[TollFilter, Depends(toll_filter)]) -> JSONResponse:
        return JSONResponse({"campaigns": store.campaigns(tf)})

    @router.get("/campaigns/{campaign_id}/tolls", **documented(models.CampaignTollsOut, NOT_FOUND), tags=["tolls"],
                summary="A campaign's toll series, one per kind, group and source")
    def get_campaign_tolls(campaign_id: str) -> JSONResponse:
        found = store.campaign(campaign_id)
        if found is None:
            raise HTTPException(404, "no such campaign")
        return JSONResponse(found)

    @router.get("/stats", **documented(models.StatsOut, headers=CACHE_HEADERS), tags=["stats"],
                summary="Totals, breakdowns and the events timeline")
    async def get_stats(request: Request, f: Filter) -> Response:
        return await _cached_response(cache, ("stats", f), lambda: store.stats(f), request)

    @router.get("/export", response_class=StreamingResponse, tags=["export"],
                responses={200: {"description": "the events as a file (Content-Disposition: attachment); "
                                                "X-Rasd-Max-Rows: the row cap applied, absent for a full dump",
                                 "content": {m: {"schema": {"type": "string", "format": "binary"}}
                                             for m in EXPORT_MEDIA}}},
                summary="Export events: acled-csv | geojson | jsonl | parquet (streamed)")
    def export(f: Filter,
               format: Annotated[str, Query(pattern="^(acled-csv|geojson|jsonl|parquet)$")] = "jsonl",
               max_rows: Annotated[int | None, Query(ge=1, le=export_max_rows,
                                                     description="at most this many events")] = None,
               full: Annotated[bool, Query(description="every matching event (no row cap)")] = False,
               ) -> StreamingResponse:
        from rasd.exports import EXPORT_MEDIA as MEDIA
        from rasd.exports import stream_export

        cap = None if full else (max_rows or export_max_rows)
        media, ext = MEDIA[format]
        headers = {"Content-Disposition": f'attachment; filename="rasd-events.{ext}"'}
        if cap is not None:
            headers["X-Rasd-Max-Rows"] = str(cap)
        return StreamingResponse(stream_export(store, format, f, max_rows=cap), media_type=media, headers=headers)

    @router.get("/health", response_model=models.HealthOut, tags=["health"],
                responses={503: {"model": models.HealthOut, "description": "the store is unreachable"}},
                summary="Whether the service and its store work: versions and counts")
    def health() -> JSONResponse:
        out = health_of(store)
        return JSONResponse(out.model_dump(mode="json"), status_code=200 if out.ok else 503)

    return router

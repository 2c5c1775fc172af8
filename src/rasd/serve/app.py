"""The FastAPI application: settings, the store's lifetime, middleware, the API routers and the dashboard."""

from __future__ import annotations

import gc
import json
import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from rasd.serve.cache import CachedReads, ReadCache
from rasd.serve.errors import ERROR_RESPONSES, install_error_handlers
from rasd.serve.routes import data_router, documents_router, events_router
from rasd.serve.security import BodyLimit, SecurityHeaders
from rasd.store.store import DEFAULT_URL, Store

STATIC_DIR = Path(__file__).parent / "static"


@dataclass(frozen=True, slots=True)
class Settings:
    """How the app runs: its store, the write token, request limits, the extractor and the dashboard files."""

    db_url: str = DEFAULT_URL
    api_token: str | None = None  # None: POST /api/documents is refused
    max_body_bytes: int = 2_000_000
    max_page_size: int = 500
    export_max_rows: int = 10_000  # /api/export's row cap unless `full=true`
    count_cap: int | None = 10_000  # /api/events counts this many matches at most (then "total_exact": false)
    threads: int = 40  # requests served at once (anyio's worker threads); the store's pool holds as many
    extractor_factory: Callable[[], Any] | None = None  # default: rasd.pipeline.load_for_process
    max_seconds: float | None = None  # POST /api/documents' time budget per text (None: budget.default_budget)
    cache_seconds: float = 2.0  # GET /api/events and /api/stats: a write of another process may go unseen for
    # twice this at most (serve.cache; this process's writes are seen at once); 0: no read cache
    static_dir: Path = STATIC_DIR
    # at startup, keep the objects made so far (modules, app, store) out of the garbage collector's full passes
    # (gc.freeze): a full pass over them stopped every request of the process for tens of ms (an uncached page's
    # items: p99 ~5 ms, a page that met one 66 ms). Set by `app_from_environment` (the worker processes of
    # `rasd serve --workers N`); off by default (a test process builds many apps)
    freeze_gc: bool = False


def _mount_dashboard(app: FastAPI, static_dir: Path) -> None:
    """Serve the dashboard: its static files under /static, its page at /, and the API's documentation at
    /docs (Swagger UI) and /redoc (ReDoc), both from vendored files so that they work offline."""
    if not static_dir.is_dir():
        return
    app.mount("/static", StaticFiles(directory=static_dir), name="static")
    for path, page in (("/", "index.html"), ("/docs", "docs.html"), ("/redoc", "redoc.html")):
        _page(app, path, static_dir / page, "text/html; charset=utf-8")
    # the icon a browser asks for by itself (the pages name /static/favicon.svg)
    _page(app, "/favicon.ico", static_dir / "favicon.svg", "image/svg+xml")


def _page(app: FastAPI, path: str, file: Path, media_type: str) -> None:
    """Serve one file of the static folder at `path`."""

    @app.get(path, include_in_schema=False)
    def page() -> FileResponse:
        return FileResponse(file, media_type=media_type)


SETTINGS_ENV = "RASD_SERVE_SETTINGS"  # `rasd serve --workers N`: the settings each worker process reads


def settings_to_env(settings: Settings) -> str:
    """The settings a worker process needs, as JSON (the API token stays in $RASD_API_TOKEN)."""
    return json.dumps({"db_url": settings.db_url, "max_body_bytes": settings.max_body_bytes,
                       "max_page_size": settings.max_page_size, "export_max_rows": settings.export_max_rows,
                       "count_cap": settings.count_cap,
                       "threads": settings.threads, "max_seconds": settings.max_seconds,
                       "cache_seconds": settings.cache_seconds})


def app_from_environment() -> FastAPI:
    """The app of one `rasd serve --workers N` process: settings from $RASD_SERVE_SETTINGS and $RASD_API_TOKEN."""
    fields = json.loads(os.environ.get(SETTINGS_ENV) or "{}")
    return create_app(Settings(**fields, api_token=os.environ.get("RASD_API_TOKEN") or None, freeze_gc=True))


def create_app(settings: Settings | None = None) -> FastAPI:
    """The rasd API and dashboard over the store `settings.db_url` names (opened now, closed on shutdown)."""
    settings = settings or Settings()
    store = Store.open(settings.db_url, pool_size=settings.threads)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        import anyio.to_thread

        anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threads
        if settings.freeze_gc:
            gc.collect()
            gc.freeze()
        yield
        store.close()

    # /docs and /redoc are the dashboard's own pages over vendored Swagger UI and ReDoc: FastAPI's defaults
    # load them from a CDN and are blank offline
    # every error response has one shape (serve.errors), documented for every route
    app = FastAPI(title="rasd", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  responses=ERROR_RESPONSES, description="Structured, sourced conflict events from Arabic news.")
    app.state.settings = settings
    install_error_handlers(app)
    app.state.store = store
    cache = (ReadCache(store.generation, stale_seconds=settings.cache_seconds, changes=store.changes_since)
             if settings.cache_seconds > 0 else None)
    app.state.read_cache = cache
    app.include_router(events_router(store, settings.max_page_size, cache, settings.count_cap))
    app.include_router(documents_router(store, settings.max_page_size, settings.api_token,
                                        settings.extractor_factory, settings.max_seconds, cache))
    app.include_router(data_router(store, settings.export_max_rows, cache))
    _mount_dashboard(app, settings.static_dir)
    if cache is not None:
        app.add_middleware(CachedReads, cache=cache)  # innermost of the three: its answers get the headers
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    return app

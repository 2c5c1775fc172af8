"""One error body for every 4xx and 5xx the API gives: `models.ErrorOut` {status, detail, errors}.

FastAPI's own bodies differ by cause (`{"detail": "..."}` for an HTTPException, `{"detail": [...]}` for a
rejected parameter, plain text for a 500); the handlers here give the one shape instead, and
`ERROR_RESPONSES` documents it in /openapi.json for every route.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from rasd.serve.models import ErrorOut, FieldErrorOut
from rasd.text.decode import replace_surrogates

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorOut, "description": "a parameter or the body was rejected (each one in `errors`)"},
    500: {"model": ErrorOut, "description": "internal error"},
}
_LOG = logging.getLogger("rasd.serve")


def error_body(status: int, detail: str, errors: list[FieldErrorOut] | None = None) -> dict[str, Any]:
    """The JSON of an error response."""
    return ErrorOut(status=status, detail=" ".join(detail.split()), errors=errors or []).model_dump(mode="json")


def _no_surrogates(value: Any) -> Any:
    """`value` (decoded JSON) with lone surrogates in its strings replaced by U+FFFD."""
    if isinstance(value, str):
        return replace_surrogates(value)
    if isinstance(value, list):
        return [_no_surrogates(v) for v in value]
    if isinstance(value, dict):
        return {_no_surrogates(k): _no_surrogates(v) for k, v in value.items()}
    return value


def _field_error(err: Any) -> FieldErrorOut:
    """One of pydantic's validation errors as a FieldErrorOut (the rejected value is not echoed)."""
    loc = [p if isinstance(p, int) else str(p) for p in err.get("loc", ())]
    return FieldErrorOut(loc=loc, msg=str(err.get("msg", "")), type=str(err.get("type", "")))


async def _validation_error(_request: Request, exc: Exception) -> JSONResponse:
    """422 for a rejected parameter or body; a lone surrogate in a message is echoed as U+FFFD (never a 500)."""
    raw = _no_surrogates(jsonable_encoder(exc.errors())) if isinstance(exc, RequestValidationError) else []
    errors = [_field_error(e) for e in raw if isinstance(e, dict)]
    first = errors[0] if errors else None
    detail = f"{'.'.join(map(str, first.loc))}: {first.msg}" if first else "invalid request"
    if len(errors) > 1:
        detail += f" (and {len(errors) - 1} more)"
    return JSONResponse(status_code=422, content=error_body(422, detail, errors))


async def _http_error(_request: Request, exc: Exception) -> JSONResponse:
    """An HTTPException (ours, or the router's 404 and 405) in the one error shape, its headers kept."""
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
    return JSONResponse(status_code=exc.status_code, content=error_body(exc.status_code, detail),
                        headers=getattr(exc, "headers", None))


async def _internal_error(_request: Request, exc: Exception) -> JSONResponse:
    """500 in the one error shape; the exception itself goes to the server's log, not to the client."""
    _LOG.error("internal error: %s: %s", type(exc).__name__, exc, exc_info=exc)
    return JSONResponse(status_code=500, content=error_body(500, "internal server error"))


def install_error_handlers(app: FastAPI) -> None:
    """Give every error response of `app` the ErrorOut shape."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _internal_error)

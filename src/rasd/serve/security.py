"""Request guards: the body-size limit, security headers on every response and the bearer-token check."""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Annotated, Any

from fastapi import Header, HTTPException

from rasd.serve.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


SECURITY_HEADERS = (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "no-referrer"),
                    ("X-Frame-Options", "DENY"))


class _TooLarge(Exception):
    pass


class BodyLimit:
    """Reject request bodies above `limit` bytes (413), by Content-Length and while streaming."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    def _declared_too_big(self, scope: Scope) -> bool:
        """Whether the Content-Length header announces too big (or an unreadable) a body."""
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    return True
        return False

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self._declared_too_big(scope):
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
        body = json.dumps(error_body(413, "request body too large")).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                                *((k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS),
                                (b"content-security-policy", CSP.encode())]})
        await send({"type": "http.response.body", "body": body})


_HEADER_NAMES = {k.lower().encode() for k, _ in SECURITY_HEADERS} | {b"content-security-policy"}
_HEADERS = [*((k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS), (b"content-security-policy", CSP.encode())]


class SecurityHeaders:
    """Add no-sniff, no-referrer, no-framing and the content security policy to every response (the API docs
    too: their pages load only vendored files). Plain ASGI: Starlette's `BaseHTTPMiddleware` cost more per
    request than a cached response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                kept = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _HEADER_NAMES]
                message["headers"] = kept + _HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


def token_checker(api_token: str | None) -> Callable[..., None]:
    """A dependency refusing writes without `Authorization: Bearer <api_token>` (all writes when no token)."""

    def require_token(authorization: Annotated[str | None, Header()] = None) -> None:
        if not api_token:
            raise HTTPException(403, "writes are disabled: the operator has configured no API token")
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip().encode(), api_token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    return require_token

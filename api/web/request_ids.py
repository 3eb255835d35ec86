"""A fresh id per HTTP request and per WebSocket connection, on every log line of that work."""

from __future__ import annotations

from uuid import uuid4

from starlette.types import ASGIApp, Receive, Scope, Send

from core.logs import request_id


class RequestIds:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        # Our own id, never the client's: a header could forge or flood log lines.
        token = request_id.set(uuid4().hex[:16])
        try:
            await self.app(scope, receive, send)
        finally:
            request_id.reset(token)

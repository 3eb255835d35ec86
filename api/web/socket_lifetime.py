"""What ends one WebSocket besides its client, and the promise that none of it outlives the socket.

A socket is closed by the server when its token expires (4403), when its token, key or
staff account is revoked (4403), or when it falls too far behind its live events
(`SLOW_CONSUMER`). Every client treats these codes as "reconnect" (then refresh the token
and resume from the last message it has). `end` runs when the socket is gone: the expiry
timer is cancelled and the revocation watch dropped, so a closed socket costs nothing.
"""

from __future__ import annotations

import asyncio
from contextlib import suppress
from dataclasses import dataclass

from starlette.websockets import WebSocket, WebSocketState

from api.auth.principal import Principal
from api.auth.revocation import Revocations
from api.schema.context import Context
from core.clock import utc_now

FORBIDDEN = 4403
SLOW_CONSUMER = 4008  # 4000 + 1008 (policy violation): fell too far behind its live events


class SocketLifetime:
    __slots__ = ("_closing", "_expiry", "_revocations", "_websocket")

    def __init__(self, websocket: WebSocket, revocations: Revocations) -> None:
        self._websocket = websocket
        self._revocations = revocations
        self._expiry: asyncio.TimerHandle | None = None
        self._closing: asyncio.Task[None] | None = None

    def authenticated(self, principal: Principal) -> None:
        """From connection_init on: close at the token's expiry or its revocation."""
        if principal.expires_at is not None:
            delay = (principal.expires_at - utc_now()).total_seconds()
            self._expiry = asyncio.get_running_loop().call_later(
                delay, self.close, FORBIDDEN, "Token expired"
            )
        self._revocations.watch(principal, self._revoked)

    def slow_consumer(self) -> None:
        self.close(SLOW_CONSUMER, "Too far behind: reconnect and resume")

    def close(self, code: int, reason: str) -> None:
        if self._closing is None:
            self._closing = asyncio.create_task(self._close(code, reason))

    async def end(self) -> None:
        if self._expiry is not None:
            self._expiry.cancel()
        self._revocations.unwatch(self._revoked)
        if self._closing is not None:
            with suppress(asyncio.CancelledError):
                await self._closing

    def _revoked(self) -> None:
        self.close(FORBIDDEN, "Token revoked")

    async def _close(self, code: int, reason: str) -> None:
        if self._websocket.application_state is WebSocketState.CONNECTED:
            with suppress(RuntimeError, OSError):
                await self._websocket.close(code=code, reason=reason)


@dataclass(kw_only=True, slots=True)
class SocketContext(Context):
    """The context of one WebSocket, shared by every operation on it."""

    lifetime: SocketLifetime

"""graphql-transport-ws with every incoming message checked before it is handled.

Strawberry trusts the shape of `subscribe` and `complete` messages; a frame
such as `{"type": "subscribe", "id": "", "payload": null}` would end the
connection without a close code. The protocol says: close with 4400.
When the connection ends, so does everything its lifetime started (expiry timer,
revocation watch, the staff member's presence).
"""

from __future__ import annotations

from typing import Any

from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ConnectionInitMessage,
    Message,
)

from api.schema.context import Context
from api.web.socket_lifetime import SocketContext


def _problem(message: dict[str, Any]) -> str | None:
    """What is wrong with this message, if anything."""
    kind = message.get("type")
    if not isinstance(kind, str):
        return "The message has no type"
    if kind in ("subscribe", "complete"):
        operation_id = message.get("id")
        if not isinstance(operation_id, str) or not operation_id:
            return f"A {kind} message needs a non-empty string id"
    if kind == "subscribe":
        payload = message.get("payload")
        if not isinstance(payload, dict) or not isinstance(payload.get("query"), str):
            return "A subscribe message needs a payload with a query string"
        for key in ("variables", "extensions"):
            if payload.get(key) is not None and not isinstance(payload[key], dict):
                return f"payload.{key} must be an object"
        if payload.get("operationName") is not None and not isinstance(
            payload["operationName"], str
        ):
            return "payload.operationName must be a string"
    return None


class CheckedTransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_message(self, message: Message) -> None:
        problem = _problem(dict(message))
        if problem is not None:
            await self.handle_invalid_message(problem)
            return
        await super().handle_message(message)

    async def handle_connection_init(self, message: ConnectionInitMessage) -> None:
        await super().handle_connection_init(message)
        # What stays from here on stays as long as the socket: not the payload (its token was
        # read by on_ws_connect), nor the cancelled timeout's task (its CancelledError's
        # traceback holds its frames).
        self.context.connection_params = None
        self.connection_init_timeout_task = None

    async def shutdown(self) -> None:
        try:
            await super().shutdown()
        finally:
            if self.context.presence_lease is not None:
                await self.context.presence_lease.release()
            if isinstance(self.context, SocketContext):
                await self.context.lifetime.end()

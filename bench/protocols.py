"""The two paths the load generator drives, behind one interface: the GraphQL API and the
bare baseline. Only what differs between them lives here: how a subscriber subscribes,
how a message is sent, and how a received frame is read."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass
from typing import Any, Protocol
from uuid import UUID

from websockets.asyncio.client import ClientConnection

from api.live.events import ADMIN_NOTIFICATIONS, chat_channel
from bench.httpclient import Json, JsonClient

GRAPHQL_WS = "graphql-transport-ws"
# The documents the clients send: the widget's (clients/widget/src/types.ts, socket.ts,
# api.ts) and the dashboard's (clients/dashboard/src/graphql/operations.ts).
ATTACHMENT_FIELDS = "id filename contentType size width height url thumbnailUrl urlExpiresAt"
MESSAGE_FIELDS = (
    "id chatId content senderType readAt createdAt clientId seq senderName"
    f" attachments {{ {ATTACHMENT_FIELDS} }}"
)
# Both clients subscribe, and resubscribe after a reconnect, after the newest seq they hold.
WIDGET_MESSAGE_ADDED = (
    f"subscription($afterSeq: Int) {{ messageAdded(afterSeq: $afterSeq) {{ {MESSAGE_FIELDS} }} }}"
)
WIDGET_RESUME = WIDGET_MESSAGE_ADDED
DASHBOARD_MESSAGE_FIELDS = f"fragment MessageFields on Message {{ {MESSAGE_FIELDS} }}"
DASHBOARD_MESSAGE_ADDED = (
    "subscription MessageAdded($chatId: ID!, $afterSeq: Int) "
    "{ messageAdded(chatId: $chatId, afterSeq: $afterSeq) { ...MessageFields } } "
    + DASHBOARD_MESSAGE_FIELDS
)
DASHBOARD_NEW_USER_MESSAGE = (
    "subscription NewUserMessage($after: String) { newUserMessage(after: $after) "
    "{ chatId userEmail cursor message { ...MessageFields } } } " + DASHBOARD_MESSAGE_FIELDS
)
WIDGET_SEND = (
    "mutation($content: String!, $clientId: String, $attachmentIds: [ID!]) "
    "{ sendMessage(content: $content, clientId: $clientId, attachmentIds: $attachmentIds) "
    f"{{ {MESSAGE_FIELDS} }} }}"
)


@dataclass(frozen=True, slots=True)
class Subscriber:
    server: str  # ws://host:port
    token: str | None  # a user token (own chat), or a staff token
    chat_id: str | None  # None: the staff notifications (newUserMessage)
    own_chat: bool = False  # subscribes as the chat's user (the widget) rather than as staff
    after_seq: int | None = None  # the newest seq the client holds


@dataclass(frozen=True, slots=True)
class Sender:
    server: str  # http://host:port
    token: str  # the chat's user
    chat_id: str
    user_email: str


@dataclass(frozen=True, slots=True)
class Received:
    message_id: str
    content: str


class ProtocolError(RuntimeError):
    pass


class Endpoint(Protocol):
    name: str

    def path(self) -> str: ...

    def subprotocols(self) -> list[str]: ...

    async def subscribe(self, connection: ClientConnection, subscriber: Subscriber) -> None:
        """From an open socket to a subscription that receives messages."""

    async def resubscribe(self, connection: ClientConnection, subscriber: Subscriber) -> None:
        """Subscribe again on a socket whose subscription was refused."""

    async def send(self, client: JsonClient, sender: Sender, content: str, client_id: str) -> str:
        """Send one message; its id."""

    def read(self, frame: str) -> Received:
        """The message in one received frame."""


async def _answer(connection: ClientConnection, within: float) -> Json:
    answer: Json = json.loads(await asyncio.wait_for(connection.recv(), within))
    return answer


class GraphQLEndpoint:
    """graphql-transport-ws subscriptions and the sendMessage mutation, as the clients use them."""

    name = "graphql"

    def path(self) -> str:
        return "/graphql"

    def subprotocols(self) -> list[str]:
        return [GRAPHQL_WS]

    async def subscribe(self, connection: ClientConnection, subscriber: Subscriber) -> None:
        init = {"type": "connection_init", "payload": {"token": subscriber.token}}
        await connection.send(json.dumps(init))
        ack = await _answer(connection, 30)
        if ack.get("type") != "connection_ack":
            raise ProtocolError(f"connection_init answered {ack}")
        await self.resubscribe(connection, subscriber)

    async def resubscribe(self, connection: ClientConnection, subscriber: Subscriber) -> None:
        """Send the subscription (again, after the server refused it for a moment)."""
        query: str
        variables: dict[str, Any]
        if subscriber.chat_id is None:
            query, variables = DASHBOARD_NEW_USER_MESSAGE, {"after": None}
        elif subscriber.own_chat:
            query, variables = WIDGET_MESSAGE_ADDED, {"afterSeq": subscriber.after_seq}
        else:
            query = DASHBOARD_MESSAGE_ADDED
            variables = {"chatId": subscriber.chat_id, "afterSeq": subscriber.after_seq}
        payload = {"query": query, "variables": variables}
        await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))

    async def send(self, client: JsonClient, sender: Sender, content: str, client_id: str) -> str:
        variables = {"content": content, "clientId": client_id, "attachmentIds": []}
        answer = await client.post(
            "/graphql", {"query": WIDGET_SEND, "variables": variables}, sender.token
        )
        if answer.get("errors"):
            raise ProtocolError(f"sendMessage failed: {answer['errors']}")
        message_id: str = answer["data"]["sendMessage"]["id"]
        return message_id

    def read(self, frame: str) -> Received:
        decoded = json.loads(frame)
        if decoded.get("type") != "next" or decoded["payload"].get("errors"):
            raise ProtocolError(f"unexpected frame {frame[:300]}")
        data = decoded["payload"]["data"]
        message = data["messageAdded"] if "messageAdded" in data else data["newUserMessage"]
        if "message" in message:
            message = message["message"]
        return Received(message["id"], message["content"])


class BareEndpoint:
    """The bench's own Starlette endpoint (bench/baseline.py) on the same Redis pub/sub."""

    name = "baseline"

    def path(self) -> str:
        return "/ws"

    def subprotocols(self) -> list[str]:
        return []

    async def subscribe(self, connection: ClientConnection, subscriber: Subscriber) -> None:
        chat_id = subscriber.chat_id
        channel = ADMIN_NOTIFICATIONS if chat_id is None else chat_channel(UUID(chat_id))
        await connection.send(json.dumps({"channel": channel}))
        ready = await _answer(connection, 30)
        if ready.get("type") != "ready":
            raise ProtocolError(f"the baseline answered {ready}")

    async def resubscribe(self, connection: ClientConnection, subscriber: Subscriber) -> None:
        raise ProtocolError("the baseline never refuses a subscription")

    async def send(self, client: JsonClient, sender: Sender, content: str, client_id: str) -> str:
        document = {
            "chat_id": sender.chat_id,
            "content": content,
            "client_id": client_id,
            "user_email": sender.user_email,
        }
        answer = await client.post("/send", document)
        message_id: str = answer["id"]
        return message_id

    def read(self, frame: str) -> Received:
        message = json.loads(frame)
        return Received(message["id"], message["content"])


def endpoint_named(name: str) -> Endpoint:
    endpoints: dict[str, Endpoint] = {"graphql": GraphQLEndpoint(), "baseline": BareEndpoint()}
    return endpoints[name]

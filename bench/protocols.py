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
MESSAGE_FIELDS = "id chatId content senderType readAt createdAt clientId"
# The documents the clients send (clients/widget/src, clients/dashboard/src/graphql).
WIDGET_MESSAGE_ADDED = (
    f"subscription($after: ID) {{ messageAdded(after: $after) {{ {MESSAGE_FIELDS} }} }}"
)
# The widget reconnecting: it resumes after the newest seq it holds.
WIDGET_RESUME = (
    f"subscription($afterSeq: Int) {{ messageAdded(afterSeq: $afterSeq) {{ {MESSAGE_FIELDS} }} }}"
)
DASHBOARD_MESSAGE_ADDED = (
    "subscription($chatId: ID!, $after: ID) "
    f"{{ messageAdded(chatId: $chatId, after: $after) {{ {MESSAGE_FIELDS} }} }}"
)
DASHBOARD_NEW_USER_MESSAGE = (
    f"subscription {{ newUserMessage {{ chatId userEmail message {{ {MESSAGE_FIELDS} }} }} }}"
)
WIDGET_SEND = (
    "mutation($content: String!, $clientId: String) "
    f"{{ sendMessage(content: $content, clientId: $clientId) {{ {MESSAGE_FIELDS} }} }}"
)


@dataclass(frozen=True, slots=True)
class Subscriber:
    server: str  # ws://host:port
    token: str | None  # a user token (own chat), or a staff token
    chat_id: str | None  # None: the staff notifications (newUserMessage)
    own_chat: bool = False  # subscribes as the chat's user (the widget) rather than as staff
    after: str | None = None
    after_seq: int | None = None  # the widget resuming by seq (then `after` is not sent)


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
        payload: dict[str, Any]
        if subscriber.chat_id is None:
            payload = {"query": DASHBOARD_NEW_USER_MESSAGE}
        elif subscriber.own_chat and subscriber.after_seq is not None:
            payload = {"query": WIDGET_RESUME, "variables": {"afterSeq": subscriber.after_seq}}
        elif subscriber.own_chat:
            payload = {"query": WIDGET_MESSAGE_ADDED, "variables": {"after": subscriber.after}}
        else:
            variables = {"chatId": subscriber.chat_id, "after": subscriber.after}
            payload = {"query": DASHBOARD_MESSAGE_ADDED, "variables": variables}
        await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))

    async def send(self, client: JsonClient, sender: Sender, content: str, client_id: str) -> str:
        variables = {"content": content, "clientId": client_id}
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

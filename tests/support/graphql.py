"""GraphQL clients as a real client talks: HTTP POST, and graphql-transport-ws."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import websockets
from websockets.asyncio.client import ClientConnection

Json = dict[str, Any]
PROTOCOL = "graphql-transport-ws"


class Http:
    def __init__(self, url: str, token: str | None = None) -> None:
        self.url = f"{url}/graphql"
        self.token = token

    def post(self, query: str, variables: Json | None = None, **extra: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {self.token}"} if self.token else {}
        body = {"query": query, "variables": variables or {}, **extra}
        return httpx.post(self.url, json=body, headers=headers, timeout=10)

    def execute(self, query: str, variables: Json | None = None) -> Json:
        """The data of a query that must succeed."""
        result = self.post(query, variables).json()
        assert not result.get("errors"), result["errors"]
        data: Json = result["data"]
        return data

    def error_code(self, query: str, variables: Json | None = None) -> str:
        """The code of the first error of a query that must fail."""
        result = self.post(query, variables).json()
        assert result.get("errors"), f"expected an error, got {result}"
        code: str = result["errors"][0]["extensions"]["code"]
        return code


class Socket:
    """One graphql-transport-ws connection with any number of subscriptions."""

    def __init__(self, connection: ClientConnection) -> None:
        self.connection = connection
        self._ids = itertools.count(1)
        self._queues: dict[str, asyncio.Queue[Json]] = {}
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for raw in self.connection:
            frame = json.loads(raw)
            if frame.get("type") == "ping":
                await self.connection.send(json.dumps({"type": "pong"}))
            elif (queue := self._queues.get(frame.get("id", ""))) is not None:
                await queue.put(frame)

    async def subscribe(self, query: str, variables: Json | None = None) -> Subscription:
        subscription_id = str(next(self._ids))
        queue: asyncio.Queue[Json] = asyncio.Queue()
        self._queues[subscription_id] = queue
        payload = {"query": query, "variables": variables or {}}
        await self.connection.send(
            json.dumps({"id": subscription_id, "type": "subscribe", "payload": payload})
        )
        return Subscription(subscription_id, queue, self)

    async def close(self) -> None:
        await self.connection.close()
        self._reader.cancel()

    @property
    def reading(self) -> asyncio.Task[None]:
        """Done once the connection has ended."""
        return self._reader


class Subscription:
    def __init__(self, subscription_id: str, queue: asyncio.Queue[Json], socket: Socket) -> None:
        self.id = subscription_id
        self.queue = queue
        self.socket = socket

    async def frame(self, within: float = 5.0) -> Json:
        return await asyncio.wait_for(self.queue.get(), within)

    async def next(self, within: float = 5.0) -> Json:
        """The data of the next event; fails on an error frame."""
        frame = await self.frame(within)
        assert frame["type"] == "next", frame
        assert not frame["payload"].get("errors"), frame["payload"]["errors"]
        data: Json = frame["payload"]["data"]
        return data

    async def nothing_more(self, wait: float = 0.5) -> None:
        await asyncio.sleep(wait)
        assert self.queue.empty(), f"unexpected frame {self.queue.get_nowait()}"


@asynccontextmanager
async def socket(ws_url: str, token: str | None) -> AsyncIterator[Socket]:
    async with acknowledged(ws_url, token) as connection:
        client = Socket(connection)
        try:
            yield client
        finally:
            await client.close()


@asynccontextmanager
async def opened(ws_url: str, **options: Any) -> AsyncIterator[ClientConnection]:
    """A raw graphql-transport-ws connection, before connection_init."""
    async with websockets.connect(ws_url, subprotocols=[PROTOCOL], **options) as connection:  # type: ignore[list-item]
        yield connection


async def initialise(connection: ClientConnection, token: str | None) -> Json:
    """Send connection_init; the server's first answer."""
    payload = {"token": token} if token is not None else {}
    await connection.send(json.dumps({"type": "connection_init", "payload": payload}))
    answer: Json = json.loads(await asyncio.wait_for(connection.recv(), 5))
    return answer


@asynccontextmanager
async def acknowledged(
    ws_url: str, token: str | None, **options: Any
) -> AsyncIterator[ClientConnection]:
    """A raw connection the server has acknowledged, for tests that send frames of their own."""
    async with opened(ws_url, **options) as connection:
        ack = await initialise(connection, token)
        assert ack["type"] == "connection_ack", ack
        yield connection


async def close_code(connection: ClientConnection, within: float = 5) -> int | None:
    """The code the server closes this connection with (None: closed without one)."""
    try:
        while True:
            await asyncio.wait_for(connection.recv(), within)
    except websockets.ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd is not None else None

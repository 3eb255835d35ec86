"""A minimal keep-alive HTTP/1.1 JSON client for the load generator.

A general-purpose client costs several times more CPU per request than the few lines
here; on two shared cores that difference would be taken from the server under test.
The same client drives the API and the bare baseline.
"""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any
from urllib.parse import urlsplit

Json = dict[str, Any]
# uvicorn closes a keep-alive connection after 5 s idle: never reuse one that old.
MAX_IDLE_S = 3.0


class HttpError(RuntimeError):
    pass


class _Stale(Exception):
    """The server had closed this kept-alive connection: it never saw the request."""


class _Connection:
    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.used_at = time.monotonic()

    async def request(self, head: bytes, body: bytes) -> tuple[int, bytes]:
        try:
            self.writer.write(head + body)
            status_line = await self.reader.readuntil(b"\r\n")
        except (asyncio.IncompleteReadError, ConnectionError) as error:
            if isinstance(error, asyncio.IncompleteReadError) and error.partial:
                raise
            raise _Stale from error
        status = int(status_line.split(b" ", 2)[1])
        length = 0
        while (line := await self.reader.readuntil(b"\r\n")) != b"\r\n":
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
            elif name.strip().lower() == b"transfer-encoding":
                raise HttpError("chunked responses are not supported")
        payload = await self.reader.readexactly(length)
        self.used_at = time.monotonic()
        return status, payload

    def close(self) -> None:
        self.writer.close()


class JsonClient:
    """POSTs JSON to one server over a pool of persistent connections."""

    def __init__(self, base_url: str, pool_size: int) -> None:
        parts = urlsplit(base_url)
        self._host = parts.hostname or "127.0.0.1"
        self._port = parts.port or 80
        self._idle: list[_Connection] = []
        self._slots = asyncio.Semaphore(pool_size)

    async def post(self, path: str, document: Json, token: str | None = None) -> Json:
        body = json.dumps(document, separators=(",", ":")).encode()
        authorization = f"Authorization: Bearer {token}\r\n" if token else ""
        head = (
            f"POST {path} HTTP/1.1\r\nHost: {self._host}:{self._port}\r\n"
            f"Content-Type: application/json\r\nAccept: application/json\r\n{authorization}"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        async with self._slots:
            status, payload = await self._exchange(head, body)
        if status != 200:
            raise HttpError(f"HTTP {status}: {payload[:300]!r}")
        answer: Json = json.loads(payload)
        return answer

    async def _exchange(self, head: bytes, body: bytes) -> tuple[int, bytes]:
        connection = self._reusable()
        if connection is not None:
            try:
                return self._keep(connection, await connection.request(head, body))
            except _Stale:
                connection.close()  # then the request goes once more, on a fresh connection
        connection = await self._connect()
        try:
            return self._keep(connection, await connection.request(head, body))
        except BaseException:
            connection.close()
            raise

    def _keep(self, connection: _Connection, answer: tuple[int, bytes]) -> tuple[int, bytes]:
        self._idle.append(connection)
        return answer

    def _reusable(self) -> _Connection | None:
        while self._idle:
            connection = self._idle.pop()
            if time.monotonic() - connection.used_at < MAX_IDLE_S:
                return connection
            connection.close()
        return None

    async def _connect(self) -> _Connection:
        reader, writer = await asyncio.open_connection(self._host, self._port)
        return _Connection(reader, writer)

    def close(self) -> None:
        for connection in self._idle:
            connection.close()
        self._idle.clear()

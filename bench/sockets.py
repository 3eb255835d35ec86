"""Subscriber sockets in the load generator: connected with bounded concurrency, then each
only stamps and stores the frames it receives (parsing them happens after the run)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Sequence
from uuid import UUID

import websockets
from redis.asyncio import Redis
from websockets.asyncio.client import ClientConnection

from api.live.events import ADMIN_NOTIFICATIONS, chat_channel
from bench.protocols import Endpoint, ProtocolError, Subscriber

PING_PREFIX = '{"type":"ping"'
# A subscription refused for a moment (graphql-transport-ws "error", code UNAVAILABLE: the
# API fails closed while it cannot check revocations); a client subscribes again.
REFUSED_FOR_NOW = '"UNAVAILABLE"'
FIRST_RETRY_S = 1.0  # then twice as long each round, as a client backs off
LAST_RETRY_S = 16.0
CONNECT_TIMEOUT = 240.0
NUMSUB_BATCH = 500


class Subscribers:
    """Every socket opened so far, and every frame they received:
    (subscriber index, receive time in ns, frame)."""

    def __init__(self, endpoint: Endpoint, *, reconnect: bool = False) -> None:
        """`reconnect`: a socket that fails to open or subscribe tries again, backing off, as
        a widget does (the reconnect storm); otherwise its failure is final."""
        self.endpoint = endpoint
        self.reconnect = reconnect
        self.reconnects = 0
        self.specs: list[Subscriber] = []
        self.frames: list[tuple[int, int, str]] = []
        self.failures: list[str] = []
        self._ready = 0
        self._progress = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        self._connections: dict[int, ClientConnection] = {}
        self._stopping = False
        self.retries = 0  # subscriptions sent again after a refusal
        self._retry_after = FIRST_RETRY_S

    async def connect(self, specs: Sequence[Subscriber], concurrency: int) -> None:
        """Open and subscribe these sockets; raise if any of them failed."""
        gate = asyncio.Semaphore(concurrency)
        first = len(self.specs)
        self.specs.extend(specs)
        self._tasks += [
            asyncio.create_task(self._run(first + offset, spec, gate))
            for offset, spec in enumerate(specs)
        ]
        deadline = time.monotonic() + CONNECT_TIMEOUT
        while self._ready + len(self.failures) < len(self.specs) and not self.failures:
            self._progress.clear()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"{len(self.specs) - self._ready} sockets never subscribed")
            try:
                await asyncio.wait_for(self._progress.wait(), remaining)
            except TimeoutError:
                continue
        if self.failures:
            raise RuntimeError(f"{len(self.failures)} subscribers failed: {self.failures[:3]}")

    @property
    def ready(self) -> int:
        """Sockets subscribed so far."""
        return self._ready

    async def _open(self, spec: Subscriber, gate: asyncio.Semaphore) -> ClientConnection:
        """A socket with its subscription sent; with `reconnect`, tried until it is."""
        delay = FIRST_RETRY_S
        while True:
            try:
                async with gate:
                    connection = await websockets.connect(
                        spec.server + self.endpoint.path(),
                        subprotocols=self.endpoint.subprotocols() or None,  # type: ignore[arg-type]
                        ping_interval=None,
                        open_timeout=60,
                        close_timeout=5,
                        max_size=2**20,
                    )
                    try:
                        await self.endpoint.subscribe(connection, spec)
                    except BaseException:
                        await connection.close()
                        raise
                return connection
            except Exception:
                if not self.reconnect:
                    raise
            self.reconnects += 1
            await asyncio.sleep(delay)
            delay = min(2 * delay, LAST_RETRY_S)

    async def _run(self, index: int, spec: Subscriber, gate: asyncio.Semaphore) -> None:
        try:
            connection = await self._open(spec, gate)
            self._connections[index] = connection
            self._ready += 1
            self._progress.set()
            await self._receive(index, connection)
        except asyncio.CancelledError:
            raise
        except Exception as error:
            self.failures.append(f"subscriber {index}: {type(error).__name__}: {error}")
            self._progress.set()

    async def _receive(self, index: int, connection: ClientConnection) -> None:
        frames = self.frames
        try:
            async for frame in connection:
                received_ns = time.time_ns()
                if isinstance(frame, bytes):
                    frame = frame.decode()
                if frame.startswith(PING_PREFIX):
                    await connection.send('{"type":"pong"}')
                    continue
                frames.append((index, received_ns, frame))
            if not self._stopping:
                self.failures.append(f"subscriber {index}: the server closed the socket")
        finally:
            await connection.close()

    async def retry_refused(self) -> None:
        """Before any message is sent a frame can only be an error: subscribe again where the
        refusal was for now; raise on any other error."""
        refused = [index for index, _, frame in self.frames if REFUSED_FOR_NOW in frame]
        others = [frame for _, _, frame in self.frames if REFUSED_FOR_NOW not in frame]
        if others:
            raise ProtocolError(f"a subscription was refused: {others[0][:300]}")
        if not refused:
            return
        self.frames.clear()  # in place: the receivers hold this very list
        await asyncio.sleep(self._retry_after)
        self._retry_after = min(2 * self._retry_after, LAST_RETRY_S)
        for index in refused:
            await self.endpoint.resubscribe(self._connections[index], self.specs[index])
        self.retries += len(refused)

    async def stop(self) -> None:
        self._stopping = True
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


async def redis_confirmed(
    redis_url: str,
    subscribers: Sequence[Subscriber],
    between: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Until each channel has, in Redis, as many listeners as there are servers with a subscriber
    of it (graphql-transport-ws has no subscription acknowledgement); `between` runs after
    each look."""
    wanted: dict[str, set[str]] = {}
    for subscriber in subscribers:
        chat_id = subscriber.chat_id
        channel = ADMIN_NOTIFICATIONS if chat_id is None else chat_channel(UUID(chat_id))
        wanted.setdefault(channel, set()).add(subscriber.server)
    redis = Redis.from_url(redis_url)
    deadline = time.monotonic() + CONNECT_TIMEOUT
    pending = list(wanted)
    try:
        while pending:
            unconfirmed: list[str] = []
            for first in range(0, len(pending), NUMSUB_BATCH):
                batch = pending[first : first + NUMSUB_BATCH]
                for raw, listeners in await redis.pubsub_numsub(*batch):
                    channel = raw.decode() if isinstance(raw, bytes) else str(raw)
                    if int(listeners) < len(wanted[channel]):
                        unconfirmed.append(channel)
            pending = unconfirmed
            if between is not None:
                await between()
            if pending:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"{len(pending)} channels never subscribed in Redis")
                await asyncio.sleep(0.1)
    finally:
        await redis.aclose()

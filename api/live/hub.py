"""Redis pub/sub for one API process: one Redis subscription, many listeners.

Every WebSocket subscription gets its own in-memory queue; the hub holds a
single Redis connection subscribed to the union of the channels its listeners
want, decodes each event once and copies it into their queues. When the Redis connection
drops, the hub reconnects, subscribes again and puts `GAP` into every queue so
that listeners which can (messageAdded) catch up from MongoDB.

A channel may carry a position: the highest number (a chat's message seq) announced on it,
kept in Redis beside the announcement and set in the same script, so that a subscriber
resuming after number N can tell, once Redis has confirmed its subscription, whether
anything after N was announced before that; if not, it has missed nothing and reads nothing
from storage. A position Redis no longer has (expired, flushed) reads as unknown.

Each queue is bounded: a listener that falls `queue_limit` events behind is dropped from
(its queue emptied, nothing more put in) and its `on_overflow` called once, so its socket
is closed and its client resumes from storage; the hub never waits for a slow reader.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, suppress
from dataclasses import dataclass
from typing import Any, Final, Protocol

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

from api.live.events import LiveEvent, decode, encode
from core.slim_async import SlimQueue

logger = logging.getLogger(__name__)


class Gap:
    """Put into listeners' queues when events may have been lost while Redis was away."""

    def __repr__(self) -> str:
        return "GAP"


GAP: Final = Gap()

SUBSCRIBE_TIMEOUT = 5.0
POSITION_SECONDS = 7 * 24 * 3600  # a channel quiet this long asks storage again

# KEYS[1]: the position; ARGV: channel, number, expiry, event. The position never goes back.
_PUBLISH_AT_POSITION = """
local current = tonumber(redis.call('GET', KEYS[1]))
if current == nil or tonumber(ARGV[2]) > current then
  redis.call('SET', KEYS[1], ARGV[2], 'EX', ARGV[3])
end
return redis.call('PUBLISH', ARGV[1], ARGV[4])
"""


OnOverflow = Callable[[], None]


@dataclass(frozen=True, slots=True)
class Announcement:
    """An event for a channel; with a position, the channel's position rises to it."""

    channel: str
    event: LiveEvent
    position: int | None = None


class Listener:
    """The events of some channels, in the order Redis delivered them, until it overflows."""

    __slots__ = ("_limit", "_on_overflow", "_overflowed", "_queue")

    def __init__(self, limit: int, on_overflow: OnOverflow) -> None:
        self._queue: SlimQueue[LiveEvent | Gap] = SlimQueue()  # thousands sit idle
        self._limit = limit
        self._on_overflow = on_overflow
        self._overflowed = False

    def put(self, item: LiveEvent | Gap) -> None:
        if self._overflowed:
            return
        if len(self._queue) >= self._limit:
            self._overflowed = True
            self._queue.clear()  # the memory goes now, not when the socket is gone
            self._on_overflow()
            return
        self._queue.put_nowait(item)

    def __aiter__(self) -> AsyncIterator[LiveEvent | Gap]:
        return self

    async def __anext__(self) -> LiveEvent | Gap:
        if self._overflowed:
            # After a hole nothing more may be delivered: wait for the socket to close.
            await asyncio.Future()
        return await self._queue.get()


class Channels(Protocol):
    """Where a subscription listens: the hub, as one socket sees it."""

    def listen(self, *channels: str) -> AbstractAsyncContextManager[Listener]: ...

    async def position(self, channel: str) -> int | None: ...


class Hub:
    def __init__(self, redis: Redis, queue_limit: int) -> None:
        self._redis = redis
        self._queue_limit = queue_limit
        self._pubsub: PubSub = redis.pubsub()
        self._listeners: dict[str, set[Listener]] = defaultdict(set)
        self._confirmed: dict[str, asyncio.Event] = {}
        self._lock = asyncio.Lock()
        self._has_channels = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._reader = asyncio.create_task(self._read_forever(), name="pubsub-reader")

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with suppress(asyncio.CancelledError):
                await self._reader
        await self._pubsub.aclose()  # type: ignore[no-untyped-call]

    async def publish(self, *announcements: Announcement) -> None:
        """Announce events in this order, in one round trip."""
        async with self._redis.pipeline(transaction=False) as pipeline:
            for announced in announcements:
                data = encode(announced.event)
                if announced.position is None:
                    pipeline.publish(announced.channel, data)
                else:
                    key = _position_key(announced.channel)
                    args = (announced.channel, announced.position, POSITION_SECONDS, data)
                    pipeline.eval(_PUBLISH_AT_POSITION, 1, key, *args)
            await pipeline.execute()

    async def position(self, channel: str) -> int | None:
        """The highest number announced on the channel, if Redis knows it."""
        try:
            value = await self._redis.get(_position_key(channel))
        except (RedisError, OSError):
            return None
        return int(value) if value is not None else None

    def for_socket(self, on_overflow: OnOverflow) -> Channels:
        """The channels of one socket: `on_overflow` ends it when it falls too far behind."""
        return _SocketChannels(self, on_overflow)

    def listen(self, *channels: str, on_overflow: OnOverflow) -> Listening:
        """Listen to channels; Redis has confirmed the subscription when this enters."""
        return Listening(self, channels, Listener(self._queue_limit, on_overflow))

    async def _add(self, channel: str, listener: Listener) -> None:
        async with self._lock:
            first = not self._listeners[channel]
            self._listeners[channel].add(listener)
            if first:
                confirmed = self._confirmed[channel] = asyncio.Event()
                await self._pubsub.subscribe(channel)
                self._has_channels.set()
            else:
                confirmed = self._confirmed[channel]
        await asyncio.wait_for(confirmed.wait(), SUBSCRIBE_TIMEOUT)

    async def _remove(self, channel: str, listener: Listener) -> None:
        async with self._lock:
            listeners = self._listeners.get(channel)
            if listeners is None:
                return
            listeners.discard(listener)
            if not listeners:
                del self._listeners[channel]
                self._confirmed.pop(channel, None)
                with suppress(RedisError):
                    await self._pubsub.unsubscribe(channel)

    async def _read_forever(self) -> None:
        lost_connection = False
        backoff = 0.1
        while True:
            await self._has_channels.wait()
            try:
                message = await self._pubsub.get_message(timeout=1.0)
            except (RedisError, OSError) as error:
                if not lost_connection:
                    logger.warning("lost the Redis pub/sub connection: %s", error)
                lost_connection = True
                await asyncio.sleep(backoff)
                backoff = min(backoff * 2, 2.0)
                continue
            if message is None:
                if not self._pubsub.subscribed and not self._listeners:
                    self._has_channels.clear()
                continue
            if lost_connection:
                logger.warning("Redis pub/sub connection is back")
                lost_connection, backoff = False, 0.1
                self._broadcast(GAP)
            self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        channel = _text(message["channel"])
        if message["type"] == "subscribe":
            if (confirmed := self._confirmed.get(channel)) is not None:
                confirmed.set()
        elif message["type"] == "message":
            listeners = self._listeners.get(channel)
            if not listeners:
                return
            try:
                event = decode(message["data"])  # once, however many listeners share it
            except ValueError as error:
                logger.error("dropped a malformed event on %s: %s", channel, error)
                return
            for listener in listeners:
                listener.put(event)

    def _broadcast(self, item: Gap) -> None:
        for listener in {listener for group in self._listeners.values() for listener in group}:
            listener.put(item)


class Listening:
    """`Hub.listen`, entered for as long as a subscription lasts: an object, not a generator."""

    __slots__ = ("_channels", "_hub", "_listener")

    def __init__(self, hub: Hub, channels: tuple[str, ...], listener: Listener) -> None:
        self._hub = hub
        self._channels = channels
        self._listener = listener

    async def __aenter__(self) -> Listener:
        try:
            for channel in self._channels:
                await self._hub._add(channel, self._listener)
        except BaseException:
            await self.__aexit__()
            raise
        return self._listener

    async def __aexit__(self, *exc_info: object) -> None:
        for channel in self._channels:
            await self._hub._remove(channel, self._listener)


class _SocketChannels:
    __slots__ = ("_hub", "_on_overflow")

    def __init__(self, hub: Hub, on_overflow: OnOverflow) -> None:
        self._hub = hub
        self._on_overflow = on_overflow

    def listen(self, *channels: str) -> AbstractAsyncContextManager[Listener]:
        return self._hub.listen(*channels, on_overflow=self._on_overflow)

    async def position(self, channel: str) -> int | None:
        return await self._hub.position(channel)


def _position_key(channel: str) -> str:
    return f"position:{channel}"


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value

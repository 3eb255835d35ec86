"""What one subscriber gets: live events, and what a gap may have lost read back from storage.

`follow` is the one listen / gap / catch-up loop every subscription runs;
`MessageStream` makes a message feed exactly-once across replays and live events.
"""

from __future__ import annotations

from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from datetime import timedelta
from typing import TypeVar
from uuid import UUID

from api.live.events import LiveEvent
from api.live.hub import Channels, Gap
from core.clock import utc_now
from documents import Message
from documents.messages import Position, position

T = TypeVar("T")

# Messages are published by several processes, so one stored a little earlier
# can arrive a little later; a catch-up looks back this far and dedupes.
LOOKBACK = timedelta(seconds=10)
REMEMBERED_IDS = 5000
NO_ID = UUID(int=0)

StoredAfter = Callable[[Position], Awaitable[list[Message]]]
"""Where a catch-up reads: the stored messages ordered after a position, oldest first."""


class MessageStream:
    """Dedupes live messages and catch-ups, never reaching back before where it started:
    the `after` message, or the moment of subscribing."""

    def __init__(self, stored_after: StoredAfter, after: Message | None) -> None:
        self._stored_after = stored_after
        self._floor: Position = position(after) if after else (utc_now(), NO_ID)
        self._newest = self._floor
        self._seen: set[UUID] = set()
        self._order: deque[UUID] = deque()

    async def catch_up(self) -> list[Message]:
        """Stored messages this subscriber has not had yet, oldest first."""
        start = max(self._floor, (self._newest[0] - LOOKBACK, NO_ID))
        stored = await self._stored_after(start)
        return [message for message in stored if self._fresh(message)]

    def accept(self, message: Message) -> list[Message]:
        """A live message, unless this subscriber already had it."""
        return [message] if self._fresh(message) else []

    def _fresh(self, message: Message) -> bool:
        if message.id in self._seen:
            return False
        self._seen.add(message.id)
        self._order.append(message.id)
        if len(self._order) > REMEMBERED_IDS:
            self._seen.discard(self._order.popleft())
        self._newest = max(self._newest, position(message))
        return True


async def follow(
    hub: Channels,
    channel: str,
    pick: Callable[[LiveEvent], Sequence[T]],
    catch_up: Callable[[], Awaitable[Sequence[T]]] | None,
    *,
    replay_first: bool = False,
) -> AsyncIterator[T]:
    """What a subscriber wants of a channel: `pick` chooses from each live event; after a
    gap (Redis was away), `catch_up` reads what may have been lost from storage (None:
    a gap loses nothing this subscriber needs).

    Redis has confirmed the subscription before `replay_first` reads storage, so a
    message stored in between arrives live or in the replay (the caller dedupes).
    """
    async with hub.listen(channel) as events:
        if replay_first and catch_up is not None:
            for item in await catch_up():
                yield item
        async for event in events:
            if isinstance(event, Gap):
                batch = await catch_up() if catch_up is not None else ()
            else:
                batch = pick(event)
            for item in batch:
                yield item

"""Messages for one subscriber: replayed, then live, each exactly once."""

from __future__ import annotations

from collections import deque
from collections.abc import Awaitable, Callable
from datetime import timedelta
from uuid import UUID

from api import chats
from documents import Message
from documents._time import utc_now

# Messages are published by several processes, so one stored a little earlier
# can arrive a little later; a catch-up looks back this far and dedupes.
LOOKBACK = timedelta(seconds=10)
REMEMBERED_IDS = 5000
NO_ID = UUID(int=0)

StoredAfter = Callable[[chats.Position], Awaitable[list[Message]]]
"""Where a catch-up reads: the stored messages ordered after a position, oldest first."""


class MessageStream:
    """Dedupes live messages and catch-ups, never reaching back before where it started:
    the `after` message, or the moment of subscribing."""

    def __init__(self, stored_after: StoredAfter, after: Message | None) -> None:
        self._stored_after = stored_after
        self._floor: chats.Position = chats.position(after) if after else (utc_now(), NO_ID)
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
        self._newest = max(self._newest, chats.position(message))
        return True

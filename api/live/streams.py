"""What one subscriber gets: live events, and what a gap may have lost read back from storage.

`follow` is the one listen / gap / catch-up loop every subscription runs;
`Sequenced` makes a numbered message feed (a chat by seq, USER messages by feed
position) gap-free, ordered and exactly-once across live events and catch-ups.
"""

from __future__ import annotations

import asyncio
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from typing import TypeVar

from api.live.events import LiveEvent, MessageAdded
from api.live.hub import Channels, Gap, Listener
from core.metrics import CATCH_UPS, DELIVERY_SECONDS, EVENTS_DELIVERED, SUBSCRIPTIONS
from documents import Message

T = TypeVar("T")

PAGE = 500
# A missing number is usually a message between its `$inc` and its insert; after
# this long it is taken as skipped (its sender died), and delivered late if it shows up.
HOLE_WAIT = 2.0
HOLE_RETRY = 0.2
REMEMBERED_HOLES = 1000

DELIVERED_LIVE = EVENTS_DELIVERED.labels(source="live")
DELIVERED_AFTER_GAP = EVENTS_DELIVERED.labels(source="gap")

StoredAfter = Callable[[int, int], Awaitable[list[Message]]]
"""Where a catch-up reads: up to `limit` stored messages numbered above `after`, in order."""


class Sequenced:
    """Delivers a numbered feed in order, each number once: a live message beyond the
    next expected number first brings the missing ones from storage."""

    def __init__(
        self, stored_after: StoredAfter, number: Callable[[Message], int], after: int
    ) -> None:
        """`after`: the number delivery starts after. To follow from now, read the newest
        stored number before listening: what is stored meanwhile comes from `catch_up`."""
        self._stored_after = stored_after
        self._number = number
        self._next = after + 1
        self._holes: deque[int] = deque(maxlen=REMEMBERED_HOLES)

    @property
    def delivered_through(self) -> int:
        """Every number up to this one was delivered or given up as skipped."""
        return self._next - 1

    async def catch_up(self) -> list[Message]:
        """Everything stored after what was delivered, in order."""
        return await self._fill(through=0)

    async def accept(self, message: Message) -> list[Message]:
        """A live message: itself after any number missing before it, or nothing if delivered."""
        number = self._number(message)
        if number in self._holes:
            self._holes.remove(number)
            return [message]  # late, but not lost: clients order by number
        if number < self._next:
            return []
        delivered = await self._fill(through=number - 1) if number > self._next else []
        if number == self._next:  # not already read back with the missing ones
            delivered.append(message)
            self._next += 1
        return delivered

    async def _fill(self, through: int) -> list[Message]:
        """Stored messages from the next number on, in order, at least up to `through`;
        numbers still missing after HOLE_WAIT while a later one exists are skipped."""
        delivered: list[Message] = []
        waited = 0.0
        while True:
            stored = await self._stored_after(self._next - 1, PAGE)
            progressed = False
            for message in stored:
                if self._number(message) != self._next:
                    break
                delivered.append(message)
                self._next += 1
                progressed = True
            if progressed and len(stored) == PAGE:
                continue  # read the next page
            if self._next > max([through, *(self._number(message) for message in stored)]):
                return delivered
            if progressed:
                waited = 0.0
            elif waited >= HOLE_WAIT:
                # Every number up to the next one stored has been missing this long.
                following = [self._number(message) for message in stored[:1]]
                resume_at = min([*following, through + 1])
                self._holes.extend(range(self._next, resume_at))
                self._next = resume_at
                waited = 0.0
                continue
            await asyncio.sleep(HOLE_RETRY)
            waited += HOLE_RETRY


async def follow(
    hub: Channels,
    channel: str,
    pick: Callable[[LiveEvent], Awaitable[Sequence[T]]],
    catch_up: Callable[[], Awaitable[Sequence[T]]],
    *,
    start: Callable[[], Awaitable[Sequence[T]]] | None = None,
    watch: Callable[[Listener], AbstractContextManager[object]] | None = None,
) -> AsyncIterator[T]:
    """What a subscriber wants of a channel: `pick` chooses from each live event; after a
    gap (Redis was away, or `watch` saw storage ahead of delivery), `catch_up` reads
    what may have been lost from storage, or resends current state.

    Redis has confirmed the subscription before `start` reads storage, so a
    write stored in between arrives live or in what `start` returns (the caller dedupes).
    """
    kind = channel.partition(":")[0]  # one chat's channel counts as its kind, not by id
    with SUBSCRIPTIONS.labels(kind=kind).track_inprogress():
        async with hub.listen(channel) as events:
            with watch(events) if watch is not None else nullcontext():
                if start is not None:
                    for item in await start():
                        yield item
                async for event in events:
                    if isinstance(event, Gap):
                        CATCH_UPS.inc()
                        batch, delivered = await catch_up(), DELIVERED_AFTER_GAP
                    else:
                        batch, delivered = await pick(event), DELIVERED_LIVE
                    for item in batch:
                        yield item  # resumes once the item was sent on the socket
                        delivered.inc()
                        if isinstance(event, MessageAdded):
                            stored_at = event.message.created_at.timestamp()
                            DELIVERY_SECONDS.observe(time.time() - stored_at)

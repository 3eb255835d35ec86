"""Unpublished messages reach live subscribers anyway: one check per process, not per subscriber.

A message can be stored and never announced (its process died between the two,
or Redis refused the publish). Every `interval` seconds this process reads the
`lastSeq` of every chat it has a messageAdded subscriber for, in one `$in` query,
and the USER feed's counter when something follows `newUserMessage`. A subscriber
still behind a number that was already handed out one check earlier gets a gap
marker in its queue, and its stream catches up from MongoDB. Idle subscribers cost
nothing but their share of that one query; a message merely in flight between
the check and its live event is not chased.
"""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from uuid import UUID

from api.live.hub import GAP, Listener
from documents import chats
from documents.counters import USER_FEED, current_count

logger = logging.getLogger(__name__)

CHUNK = 10_000  # chat ids per query (about 250 kB of UUIDs)


NUDGES = 2  # per number: one never stored (skipped) must not cost a query every check


class _Watcher:
    def __init__(self, delivered_through: Callable[[], int], listener: Listener) -> None:
        self._delivered_through = delivered_through
        self._listener = listener
        self._due = -1  # the last number handed out, at the previous check
        self._nudges = 0

    def observe(self, last: int) -> None:
        if self._delivered_through() < self._due and self._nudges < NUDGES:
            self._listener.put(GAP)
            self._nudges += 1
        if last != self._due:
            self._due, self._nudges = last, 0


class SeqWatch:
    def __init__(self, interval: float) -> None:
        self._interval = interval
        self._chats: dict[UUID, set[_Watcher]] = defaultdict(set)
        self._feed: set[_Watcher] = set()
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._check_forever(), name="seq-watch")

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with suppress(asyncio.CancelledError):
                await self._task

    @contextmanager
    def chat(
        self, chat_id: UUID, delivered_through: Callable[[], int], listener: Listener
    ) -> Iterator[None]:
        watcher = _Watcher(delivered_through, listener)
        self._chats[chat_id].add(watcher)
        try:
            yield
        finally:
            watchers = self._chats[chat_id]
            watchers.discard(watcher)
            if not watchers:
                del self._chats[chat_id]

    @contextmanager
    def feed(self, delivered_through: Callable[[], int], listener: Listener) -> Iterator[None]:
        watcher = _Watcher(delivered_through, listener)
        self._feed.add(watcher)
        try:
            yield
        finally:
            self._feed.discard(watcher)

    async def check(self) -> None:
        chat_ids = list(self._chats)
        for start in range(0, len(chat_ids), CHUNK):
            last_seqs = await chats.last_seqs(chat_ids[start : start + CHUNK])
            for chat_id, last in last_seqs.items():
                for watcher in list(self._chats.get(chat_id, ())):
                    watcher.observe(last)
        if self._feed:
            last = await current_count(USER_FEED)
            for watcher in list(self._feed):
                watcher.observe(last)

    async def _check_forever(self) -> None:
        while True:
            await asyncio.sleep(self._interval)
            try:
                await self.check()
            except Exception:  # MongoDB away: the next check tries again
                logger.exception("could not check for unpublished messages")

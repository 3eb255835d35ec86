"""Enqueueing jobs from the API, by actor name, without importing the worker's actors."""

from __future__ import annotations

import asyncio
import logging
from uuid import UUID

import dramatiq
from dramatiq.brokers.redis import RedisBroker

from core.jobs import EMAIL_QUEUE, UNREAD_REPLY_ACTOR, redis_broker
from core.settings import Settings

logger = logging.getLogger(__name__)

RETRY_FOR_SECONDS = 600  # while Redis is away, keep trying to queue the job this long


class EmailScheduler:
    def __init__(self, broker: RedisBroker, delay_seconds: float) -> None:
        self._broker = broker
        self._delay_ms = int(delay_seconds * 1000)
        self._retries: set[asyncio.Task[None]] = set()

    @classmethod
    def from_settings(cls, settings: Settings) -> EmailScheduler:
        return cls(redis_broker(settings), settings.email_delay_seconds)

    async def schedule_unread_reply(self, message_id: UUID) -> None:
        """Check after the delay whether this staff reply is still unread, then email."""
        if not await self._enqueue(message_id, self._delay_ms):
            # Redis is away: keep trying in the background; the reply itself is stored.
            task = asyncio.create_task(self._enqueue_when_possible(message_id))
            self._retries.add(task)
            task.add_done_callback(self._retries.discard)

    async def _enqueue(self, message_id: UUID, delay_ms: int) -> bool:
        job: dramatiq.Message[None] = dramatiq.Message(
            queue_name=EMAIL_QUEUE,
            actor_name=UNREAD_REPLY_ACTOR,
            args=(str(message_id),),
            kwargs={},
            options={},
        )
        try:
            await asyncio.to_thread(self._broker.enqueue, job, delay=delay_ms)
        except Exception as error:
            logger.warning("could not queue the unread-reply email for %s: %s", message_id, error)
            return False
        return True

    async def _enqueue_when_possible(self, message_id: UUID) -> None:
        loop = asyncio.get_running_loop()
        started = loop.time()
        while loop.time() - started < RETRY_FOR_SECONDS:
            await asyncio.sleep(1)
            waited_ms = int((loop.time() - started) * 1000)
            if await self._enqueue(message_id, max(self._delay_ms - waited_ms, 0)):
                return
        logger.error("gave up queueing the unread-reply email for %s", message_id)

    def close(self) -> None:
        for task in self._retries:
            task.cancel()
        self._broker.close()

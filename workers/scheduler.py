"""Enqueueing jobs from the API, by actor name, without importing the worker's actors."""

from __future__ import annotations

import asyncio
import logging
from uuid import UUID

import dramatiq
from dramatiq.brokers.redis import RedisBroker

logger = logging.getLogger(__name__)

EMAIL_QUEUE = "emails"
UNREAD_REPLY_ACTOR = "send_unread_reply_email"


class EmailScheduler:
    def __init__(self, broker: RedisBroker, delay_seconds: float) -> None:
        self._broker = broker
        self._delay_ms = int(delay_seconds * 1000)

    async def schedule_unread_reply(self, message_id: UUID) -> None:
        """Check after the delay whether this staff reply is still unread, then email."""
        job: dramatiq.Message[None] = dramatiq.Message(
            queue_name=EMAIL_QUEUE,
            actor_name=UNREAD_REPLY_ACTOR,
            args=(str(message_id),),
            kwargs={},
            options={},
        )
        try:
            await asyncio.to_thread(self._broker.enqueue, job, delay=self._delay_ms)
        except Exception:
            logger.exception("could not schedule the unread-reply email for %s", message_id)

    def close(self) -> None:
        self._broker.close()

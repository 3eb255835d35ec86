"""Queue the deletion of an upload that no message takes in time (ATTACHMENT_ORPHAN_SECONDS).

One delayed job per upload, queued before its bytes are stored: the broker keeps
it across restarts, and the job deletes nothing that was sent.
"""

from __future__ import annotations

import asyncio
from uuid import UUID

import dramatiq
from dramatiq.brokers.redis import RedisBroker

from core.errors import Unavailable
from core.jobs import ATTACHMENTS_QUEUE, ORPHAN_ATTACHMENT_ACTOR, redis_broker
from core.settings import Settings


class OrphanCleanup:
    def __init__(self, broker: RedisBroker, delay_seconds: float) -> None:
        self._broker = broker
        self._delay_ms = int(delay_seconds * 1000)

    @classmethod
    def from_settings(cls, settings: Settings) -> OrphanCleanup:
        return cls(redis_broker(settings), settings.attachment_orphan_seconds)

    async def schedule(self, attachment_id: UUID) -> None:
        job: dramatiq.Message[None] = dramatiq.Message(
            queue_name=ATTACHMENTS_QUEUE,
            actor_name=ORPHAN_ATTACHMENT_ACTOR,
            args=(str(attachment_id),),
            kwargs={},
            options={},
        )
        try:
            await asyncio.to_thread(self._broker.enqueue, job, delay=self._delay_ms)
        except Exception as error:
            # Without the job nothing would ever delete it: take no upload.
            raise Unavailable("Uploads are unavailable; try again shortly.") from error

    def close(self) -> None:
        self._broker.close()

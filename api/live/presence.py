"""Which staff members have the dashboard open now, across every API process.

Each staff WebSocket holds a lease: an entry in one Redis sorted set whose score is
when it expires. The lease is renewed every third of its time to live and removed
when the socket closes; a crashed tab or process stops renewing, so its staff
member goes offline within one time to live. The set itself also expires, so
nothing is left behind when every API process is gone. Nothing is stored in MongoDB.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from contextlib import suppress
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Member "<staff id>/<connection id>", score: when it expires (epoch seconds, by the clock
# of the process that renewed it). API hosts' clocks may disagree by seconds: a lease
# renewed every third of a 40 s time to live stays valid for every reader.
ONLINE_STAFF = "presence:staff"


class PresenceLease:
    """One open dashboard connection of one staff member."""

    def __init__(self, presence: StaffPresence, staff_id: UUID) -> None:
        self._presence = presence
        self.member = f"{staff_id}/{uuid.uuid4()}"
        self._renewal: asyncio.Task[None] | None = None

    async def start(self) -> None:
        await self._presence.renew(self.member)
        self._renewal = asyncio.create_task(self._renew_forever(), name="presence-renewal")

    async def _renew_forever(self) -> None:
        while True:
            await asyncio.sleep(self._presence.ttl_seconds / 3)
            await self._presence.renew(self.member)

    async def release(self) -> None:
        if self._renewal is not None:
            self._renewal.cancel()
            with suppress(asyncio.CancelledError):
                await self._renewal
        await self._presence.remove(self.member)


class StaffPresence:
    def __init__(self, redis: Redis, ttl_seconds: float) -> None:
        self._redis = redis
        self.ttl_seconds = ttl_seconds

    async def hold(self, staff_id: UUID) -> PresenceLease:
        """Mark the staff member online until the lease is released (or stops renewing)."""
        lease = PresenceLease(self, staff_id)
        await lease.start()
        return lease

    async def online_staff(self) -> set[UUID]:
        """The staff members with a live lease; nobody while Redis is unavailable."""
        try:
            members = await self._redis.zrangebyscore(ONLINE_STAFF, time.time(), "+inf")
        except (RedisError, OSError):
            logger.warning("presence unknown: Redis is unavailable")
            return set()
        return {UUID(_text(member).partition("/")[0]) for member in members}

    async def renew(self, member: str) -> None:
        now = time.time()
        try:
            async with self._redis.pipeline(transaction=True) as pipeline:
                pipeline.zadd(ONLINE_STAFF, {member: now + self.ttl_seconds})
                pipeline.zremrangebyscore(ONLINE_STAFF, "-inf", now)  # leases nobody renewed
                pipeline.expire(ONLINE_STAFF, int(self.ttl_seconds) + 1)
                await pipeline.execute()
        except (RedisError, OSError):
            logger.warning("could not renew a staff presence: Redis is unavailable")

    async def remove(self, member: str) -> None:
        try:
            await self._redis.zrem(ONLINE_STAFF, member)
        except (RedisError, OSError):
            logger.warning("could not end a staff presence: Redis is unavailable")


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)

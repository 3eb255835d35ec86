"""Staff tokens revoked before they expire (logout), remembered in Redis until they would."""

from __future__ import annotations

import logging
from datetime import datetime

from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.clock import utc_now

logger = logging.getLogger(__name__)


class Revocations:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def revoke(self, token_id: str, expires_at: datetime) -> None:
        seconds = int((expires_at - utc_now()).total_seconds()) + 1
        if seconds > 0:
            await self._redis.set(f"revoked:{token_id}", 1, ex=seconds)

    async def is_revoked(self, token_id: str) -> bool:
        try:
            return bool(await self._redis.exists(f"revoked:{token_id}"))
        except (RedisError, OSError):
            logger.warning("could not check token revocation: Redis is unavailable")
            return False

"""How often one caller's typing in one chat is announced: nothing about it is stored.

A caller's last announced value lives in Redis for THROTTLE_SECONDS: the same value
again within that time is not announced again; a change always is.
"""

from __future__ import annotations

import logging
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

THROTTLE_SECONDS = 2


class TypingThrottle:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def should_announce(self, chat_id: UUID, caller_id: UUID, typing: bool) -> bool:
        key, value = f"typing:{chat_id}:{caller_id}", "1" if typing else "0"
        try:
            if await self._redis.set(key, value, nx=True, ex=THROTTLE_SECONDS):
                return True
            previous = await self._redis.set(key, value, keepttl=True, get=True)
        except (RedisError, OSError):
            logger.warning("typing not throttled: Redis is unavailable")
            return True
        return _text(previous) != value


def _text(value: object) -> str | None:
    return value.decode() if isinstance(value, bytes) else value if isinstance(value, str) else None

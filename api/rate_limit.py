"""Fixed-window rate limits and throttles in Redis, so every API process counts together."""

from __future__ import annotations

import logging

from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.errors import RateLimited

logger = logging.getLogger(__name__)


class RateLimiter:
    def __init__(self, redis: Redis, window_seconds: int) -> None:
        self._redis = redis
        self._window = window_seconds

    async def hit(self, key: str, limit: int) -> None:
        """Count one action under `key`; RATE_LIMITED once `limit` is passed in this window.

        The window starts at the key's first action, so no boundary lets a burst of
        twice the limit through.
        """
        redis_key = f"rate:{key}"
        try:
            async with self._redis.pipeline(transaction=True) as pipeline:
                pipeline.incr(redis_key)
                pipeline.expire(redis_key, self._window, nx=True)
                pipeline.ttl(redis_key)
                count, _, ttl = await pipeline.execute()
        except (RedisError, OSError):
            # Without Redis nothing can be counted; keep serving rather than refuse everyone.
            logger.warning("rate limit %s not checked: Redis is unavailable", key)
            return
        if count > limit:
            retry_after = max(int(ttl), 1)
            raise RateLimited(
                f"Too many requests; try again in {retry_after} s.", retryAfter=retry_after
            )

    async def first_within(self, key: str, seconds: float) -> bool:
        """Throttle: True for the first action under `key` in `seconds`, False for the rest.

        Callers skip the effect of a throttled action (no write, no broadcast) and answer
        with the current state, e.g. `markRead` per caller and chat.
        """
        try:
            first = await self._redis.set(f"throttle:{key}", 1, px=int(seconds * 1000), nx=True)
        except (RedisError, OSError):
            logger.warning("throttle %s not checked: Redis is unavailable", key)
            return True
        return bool(first)

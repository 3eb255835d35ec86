"""Fixed-window rate limits in Redis, so every API process counts together."""

from __future__ import annotations

import logging
import time

from redis.asyncio import Redis
from redis.exceptions import RedisError

from api.errors import RateLimited

logger = logging.getLogger(__name__)


class RateLimiter:
    def __init__(self, redis: Redis, window_seconds: int) -> None:
        self._redis = redis
        self._window = window_seconds

    async def hit(self, key: str, limit: int) -> None:
        """Count one action under `key`; RATE_LIMITED once `limit` is passed in this window."""
        now = time.time()
        window = int(now // self._window)
        redis_key = f"rate:{key}:{window}"
        try:
            async with self._redis.pipeline(transaction=False) as pipeline:
                pipeline.incr(redis_key)
                pipeline.expire(redis_key, self._window + 1)
                count, _ = await pipeline.execute()
        except (RedisError, OSError):
            # Without Redis nothing can be counted; keep serving rather than refuse everyone.
            logger.warning("rate limit %s not checked: Redis is unavailable", key)
            return
        if count > limit:
            retry_after = max(1, int((window + 1) * self._window - now))
            raise RateLimited(
                f"Too many requests; try again in {retry_after} s.", retryAfter=retry_after
            )

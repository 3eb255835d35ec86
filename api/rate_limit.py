"""Fixed-window rate limits, counters and throttles in Redis, so every API process counts
together.

Without Redis nothing can be counted: every check then lets the call through rather
than refuse everyone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from redis.asyncio import Redis
from redis.exceptions import RedisError

from core.errors import RateLimited
from core.metrics import RATE_LIMITED

logger = logging.getLogger(__name__)

# KEYS: the counters, in order; ARGV: the window, then each counter's limit.
# Counts one action under each key until one is past its limit: (its 1-based index,
# seconds left), or (0, 0) when none is; the keys after a refusal are not counted.
HIT_IN_ORDER = """
for index, key in ipairs(KEYS) do
  local count = redis.call('INCR', key)
  redis.call('EXPIRE', key, ARGV[1], 'NX')
  if count > tonumber(ARGV[index + 1]) then
    return {index, redis.call('TTL', key)}
  end
end
return {0, 0}
"""


class RateLimiter:
    def __init__(self, redis: Redis, window_seconds: int) -> None:
        self._redis = redis
        self._window = window_seconds
        self._hit_in_order = redis.register_script(HIT_IN_ORDER)

    async def hit(self, key: str, limit: int) -> None:
        """Count one action under `key`; RATE_LIMITED once `limit` is passed in this window.

        The window starts at the key's first action, so no boundary lets a burst of
        twice the limit through.
        """
        await self.hit_all([(key, limit)])

    async def hit_all(self, limits: Sequence[tuple[str, int]]) -> None:
        """`hit` for each (key, limit) in order, in one round trip; a refused action
        is not counted under the keys after the one that refused it."""
        keys = [f"rate:{key}" for key, _ in limits]
        try:
            refused, ttl = await self._hit_in_order(
                keys, [self._window, *(limit for _, limit in limits)]
            )
        except (RedisError, OSError):
            logger.warning("rate limits %s not checked: Redis is unavailable", keys)
            return
        if refused:
            self._refuse(limits[int(refused) - 1][0], int(ttl))

    async def refuse_if_reached(self, key: str, limit: int) -> None:
        """RATE_LIMITED when `key` already counts `limit` actions in this window; counts none."""
        try:
            async with self._redis.pipeline(transaction=True) as pipeline:
                pipeline.get(f"rate:{key}")
                pipeline.ttl(f"rate:{key}")
                count, ttl = await pipeline.execute()
        except (RedisError, OSError):
            logger.warning("rate limit %s not checked: Redis is unavailable", key)
            return
        if count is not None and int(count) >= limit:
            self._refuse(key, ttl)

    async def count(self, key: str, *, window_seconds: int | None = None) -> None:
        """Count one action under `key` without refusing it (e.g. a failed log-in)."""
        await self._add(key, window_seconds or self._window)

    async def counted(self, key: str) -> int:
        try:
            value = await self._redis.get(f"rate:{key}")
        except (RedisError, OSError):
            return 0
        return int(value or 0)

    async def forget(self, key: str) -> None:
        try:
            await self._redis.delete(f"rate:{key}")
        except (RedisError, OSError):
            logger.warning("could not reset %s: Redis is unavailable", key)

    async def _add(self, key: str, window_seconds: int) -> tuple[int, int] | None:
        """The count and seconds left after adding one, or None without Redis."""
        redis_key = f"rate:{key}"
        try:
            async with self._redis.pipeline(transaction=True) as pipeline:
                pipeline.incr(redis_key)
                pipeline.expire(redis_key, window_seconds, nx=True)
                pipeline.ttl(redis_key)
                count, _, ttl = await pipeline.execute()
        except (RedisError, OSError):
            logger.warning("rate limit %s not checked: Redis is unavailable", key)
            return None
        return int(count), int(ttl)

    @staticmethod
    def _refuse(key: str, ttl: int) -> None:
        RATE_LIMITED.labels(limit=":".join(key.split(":")[:2])).inc()
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

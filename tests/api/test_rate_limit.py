"""Rate limits counted in Redis: several limits of one action in one round trip, in order."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from api.rate_limit import RateLimiter
from core.errors import RateLimited

pytestmark = pytest.mark.anyio

WINDOW_SECONDS = 60


@pytest.fixture
async def redis(env: dict[str, str]) -> AsyncIterator[Redis]:
    client = Redis.from_url(env["REDIS_URL"])
    yield client
    await client.aclose()


def _keys() -> tuple[str, str]:
    run = uuid.uuid4().hex
    return f"test:user:{run}", f"test:ip:{run}"


async def _counts(redis: Redis, *keys: str) -> list[int]:
    return [int(await redis.get(f"rate:{key}") or 0) for key in keys]


async def test_each_limit_counts_the_action_once(redis: Redis) -> None:
    limits, (user, ip) = RateLimiter(redis, WINDOW_SECONDS), _keys()

    for _ in range(3):
        await limits.hit_all([(user, 5), (ip, 5)])

    assert await _counts(redis, user, ip) == [3, 3]
    assert 0 < await redis.ttl(f"rate:{user}") <= WINDOW_SECONDS


async def test_the_first_limit_passed_refuses_and_the_later_ones_do_not_count(
    redis: Redis,
) -> None:
    limits, (user, ip) = RateLimiter(redis, WINDOW_SECONDS), _keys()
    await limits.hit_all([(user, 1), (ip, 10)])

    with pytest.raises(RateLimited) as refused:
        await limits.hit_all([(user, 1), (ip, 10)])

    assert 0 < int(str(refused.value.details["retryAfter"])) <= WINDOW_SECONDS
    assert await _counts(redis, user, ip) == [2, 1]


async def test_a_later_limit_refuses_once_passed(redis: Redis) -> None:
    limits, (user, ip) = RateLimiter(redis, WINDOW_SECONDS), _keys()
    await limits.hit_all([(user, 10), (ip, 1)])

    with pytest.raises(RateLimited):
        await limits.hit_all([(user, 10), (ip, 1)])

    assert await _counts(redis, user, ip) == [2, 2]


async def test_the_script_is_loaded_again_after_redis_forgot_it(redis: Redis) -> None:
    limits, (user, ip) = RateLimiter(redis, WINDOW_SECONDS), _keys()
    await limits.hit_all([(user, 5)])
    await redis.script_flush()

    await limits.hit_all([(user, 5), (ip, 5)])

    assert await _counts(redis, user, ip) == [2, 1]

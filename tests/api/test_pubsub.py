"""The hub: one Redis subscription per process, fanned out, and resumed after Redis restarts."""

from __future__ import annotations

import asyncio

import pytest
from redis.asyncio import Redis

from api.pubsub import GAP, Hub
from devtools.services import RedisServer

pytestmark = pytest.mark.anyio


async def test_publish_reaches_every_listener_of_the_channel(service_env: dict[str, str]) -> None:
    redis = Redis.from_url(service_env["REDIS_URL"])
    hub = Hub(redis)
    await hub.start()
    try:
        async with (
            hub.listen("room:a") as first,
            hub.listen("room:a") as second,
            hub.listen("room:b") as elsewhere,
        ):
            [(_, subscriptions)] = await redis.pubsub_numsub("room:a")
            assert subscriptions == 1  # one Redis subscription, two listeners

            await hub.publish("room:a", {"type": "hello", "n": 1})

            assert await asyncio.wait_for(anext(first), 2) == {"type": "hello", "n": 1}
            assert await asyncio.wait_for(anext(second), 2) == {"type": "hello", "n": 1}
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(anext(elsewhere), 0.3)
    finally:
        await hub.close()
        await redis.aclose()


async def test_listeners_get_a_gap_marker_and_events_again_after_a_redis_restart() -> None:
    server = RedisServer()
    server.start()
    redis = Redis.from_url(server.url)
    hub = Hub(redis)
    await hub.start()
    try:
        async with hub.listen("room:c") as listener:
            server.stop()
            await asyncio.sleep(0.5)
            server.start()

            assert await asyncio.wait_for(anext(listener), 10) is GAP
            await hub.publish("room:c", {"type": "after"})
            assert await asyncio.wait_for(anext(listener), 5) == {"type": "after"}
    finally:
        await hub.close()
        await redis.aclose()
        server.stop()

"""The hub: one Redis subscription per process, fanned out, and resumed after Redis restarts."""

from __future__ import annotations

import asyncio
from uuid import uuid4

import pytest
from redis.asyncio import Redis

from api.live.events import ChatUpdated
from api.live.hub import GAP, Announcement, Hub
from devtools.services import RedisServer
from documents import Chat

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("beanie_ready")]


def chat_updated(email: str) -> ChatUpdated:
    return ChatUpdated(Chat(user_id=uuid4(), user_email=email))


def fail() -> None:
    raise AssertionError("a listener that keeps up never overflows")


async def test_publish_reaches_every_listener_of_the_channel(service_env: dict[str, str]) -> None:
    redis = Redis.from_url(service_env["REDIS_URL"])
    hub = Hub(redis, queue_limit=100)
    await hub.start()
    try:
        async with (
            hub.listen("room:a", on_overflow=fail) as first,
            hub.listen("room:a", on_overflow=fail) as second,
            hub.listen("room:b", on_overflow=fail) as elsewhere,
        ):
            [(_, subscriptions)] = await redis.pubsub_numsub("room:a")
            assert subscriptions == 1  # one Redis subscription, two listeners

            event = chat_updated("hello@example.com")
            await hub.publish(Announcement("room:a", event))

            assert await asyncio.wait_for(anext(first), 2) == event
            assert await asyncio.wait_for(anext(second), 2) == event
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(anext(elsewhere), 0.3)
    finally:
        await hub.close()
        await redis.aclose()


async def test_listeners_get_a_gap_marker_and_events_again_after_a_redis_restart() -> None:
    server = RedisServer()
    server.start()
    redis = Redis.from_url(server.url)
    hub = Hub(redis, queue_limit=100)
    await hub.start()
    try:
        async with hub.listen("room:c", on_overflow=fail) as listener:
            server.stop()
            await asyncio.sleep(0.5)
            server.start()

            assert await asyncio.wait_for(anext(listener), 10) is GAP
            event = chat_updated("after@example.com")
            await hub.publish(Announcement("room:c", event))
            assert await asyncio.wait_for(anext(listener), 5) == event
    finally:
        await hub.close()
        await redis.aclose()
        server.stop()


async def test_a_listener_that_falls_behind_is_dropped_from_without_slowing_the_others(
    service_env: dict[str, str],
) -> None:
    redis = Redis.from_url(service_env["REDIS_URL"])
    hub = Hub(redis, queue_limit=10)
    overflows: list[str] = []
    await hub.start()
    try:
        async with (
            hub.listen("room:d", on_overflow=lambda: overflows.append("slow")) as slow,
            hub.listen("room:d", on_overflow=fail) as keeping_up,
        ):
            for number in range(25):
                await hub.publish(Announcement("room:d", chat_updated(f"{number}@example.com")))
                event = await asyncio.wait_for(anext(keeping_up), 2)
                assert isinstance(event, ChatUpdated)
                assert event.chat.user_email == f"{number}@example.com"

            assert overflows == ["slow"]  # once, at the eleventh event
            with pytest.raises(TimeoutError):  # nothing after the hole, not even what was queued
                await asyncio.wait_for(anext(slow), 0.3)
    finally:
        await hub.close()
        await redis.aclose()


async def test_a_channel_position_only_rises_and_is_unknown_until_announced(
    service_env: dict[str, str],
) -> None:
    redis = Redis.from_url(service_env["REDIS_URL"])
    hub = Hub(redis, queue_limit=100)
    channel = f"room:{uuid4()}"
    event = chat_updated("position@example.com")
    try:
        assert await hub.position(channel) is None
        await hub.publish(Announcement(channel, event, position=5))
        # Announced out of order (two senders): the position stays at the highest.
        await hub.publish(Announcement(channel, event, position=4), Announcement("room:e", event))
        assert await hub.position(channel) == 5
        await hub.publish(Announcement(channel, event, position=6))
        assert await hub.position(channel) == 6
        assert await redis.ttl(f"position:{channel}") > 0  # a quiet channel is forgotten
    finally:
        await redis.aclose()

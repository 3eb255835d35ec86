"""Waiting, without sleeping blindly, until a subscription reached Redis."""

from __future__ import annotations

import asyncio
import time

import redis


async def subscribed(redis_url: str, channel: str, count: int = 1, within: float = 5.0) -> None:
    """Until `count` API processes listen on the channel (graphql-ws has no subscribe ack)."""
    client = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + within
    try:
        while True:
            [(_, listeners)] = client.pubsub_numsub(channel)
            if listeners >= count:
                return
            assert time.monotonic() < deadline, f"nobody subscribed to {channel}"
            await asyncio.sleep(0.02)
    finally:
        client.close()

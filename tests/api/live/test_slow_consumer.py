"""A subscriber that never reads costs a bounded amount of memory, and its socket is closed
with 4008 so that its client resumes from storage; the others are not slowed down."""

from __future__ import annotations

import json
from uuid import uuid4

import pytest
import websockets
from redis.asyncio import Redis

from api.live.events import CHAT_UPDATES, ChatUpdated, encode
from bench.usage import rss
from documents import Chat
from tests.support.graphql import acknowledged, close_code
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = [pytest.mark.anyio, pytest.mark.usefixtures("beanie_ready")]

SLOW_CONSUMER = 4008
EVENTS = 8_000  # about 7 kB each: kept in full, the backlog alone would be over 50 MB
BATCH = 200
MAX_GROWTH_MB = 20


async def _subscribe(connection: websockets.ClientConnection, query: str) -> None:
    payload = {"query": query}
    await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))


async def test_a_reader_that_never_reads_is_closed_and_memory_stays_bounded(
    api: ApiServer, env: dict[str, str], staff_token: str
) -> None:
    wire = encode(
        ChatUpdated(
            Chat(user_id=uuid4(), user_email="slow@example.test", last_message_preview="x" * 5_000)
        )
    )
    redis = Redis.from_url(env["REDIS_URL"])
    # max_queue: the client stops reading its socket after a few frames and never resumes.
    async with (
        acknowledged(api.ws_url, staff_token, max_queue=4) as never_reads,
        acknowledged(api.ws_url, staff_token) as keeps_up,
    ):
        await _subscribe(never_reads, "subscription { chatUpdated { id lastMessagePreview } }")
        await _subscribe(keeps_up, "subscription { chatUpdated { id } }")
        await subscribed(env["REDIS_URL"], CHAT_UPDATES)
        rss_before = rss(api.pid)

        received = 0
        for start in range(0, EVENTS, BATCH):
            async with redis.pipeline(transaction=False) as pipeline:
                for _ in range(BATCH):
                    pipeline.publish(CHAT_UPDATES, wire)
                await pipeline.execute()
            while received < start + BATCH:  # the other subscriber gets every event, in time
                frame = json.loads(await keeps_up.recv())
                assert frame["type"] == "next", frame
                received += 1

        growth_mb = (rss(api.pid) - rss_before) / 1e6
        print(
            f"\nAPI process RSS growth with a reader that never reads {EVENTS} events:"
            f" {growth_mb:.1f} MB"
        )
        assert growth_mb < MAX_GROWTH_MB
        assert await close_code(never_reads, within=15) == SLOW_CONSUMER
    await redis.aclose()

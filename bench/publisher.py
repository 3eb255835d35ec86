"""Fan-out only: messages published straight into Redis, as the API publishes them after
a send, with no HTTP request and no database write. Both the API's subscriptions and the
bare baseline then deliver the very same events, so the comparison isolates the delivery
path (Hub -> subscription -> socket) from the write path."""

from __future__ import annotations

import asyncio
import json
from uuid import UUID, uuid4

from redis.asyncio import Redis

from api.live.events import ADMIN_NOTIFICATIONS, NEW_MESSAGE, chat_channel
from bench.protocols import Sender
from core.clock import utc_now

# The delivery bench seeds one message per chat: live numbers go on from there.
SEEDED_MESSAGES_PER_CHAT = 1


class RedisPublisher:
    """Numbers each chat's messages on from the seeded ones, and the USER feed from 1, as
    the API would: subscribers then deliver them in order with no MongoDB read."""

    def __init__(self, redis_url: str) -> None:
        self._redis = Redis.from_url(redis_url)
        self._last_seq: dict[str, int] = {}
        self._last_feed = 0
        # Numbers reach Redis in order: nothing is stored, so a subscriber that saw a later
        # number first could only wait for the missing one and give it up.
        self._in_order = asyncio.Lock()

    async def send(self, sender: Sender, content: str, client_id: str) -> str:
        async with self._in_order:
            return await self._publish(sender, content, client_id)

    async def _publish(self, sender: Sender, content: str, client_id: str) -> str:
        message_id = str(uuid4())
        created_at = utc_now().isoformat().replace("+00:00", "Z")
        # The JSON `api.live.events.encode` produces for a stored USER message.
        message = {
            "id": message_id,
            "chat_id": sender.chat_id,
            "content": content,
            "sender_type": "USER",
            "sender_id": sender.chat_id,
            "created_at": created_at,
            "read_at": None,
            "client_id": client_id,
            "client_id_given": True,
            "seq": self._next_seq(sender.chat_id),
            "feed": self._next_feed(),
        }
        event: dict[str, object] = {"type": NEW_MESSAGE, "message": message}
        pipeline = self._redis.pipeline(transaction=False)
        pipeline.publish(chat_channel(UUID(sender.chat_id)), _encode(event))
        pipeline.publish(ADMIN_NOTIFICATIONS, _encode({**event, "user_email": sender.user_email}))
        await pipeline.execute()
        return message_id

    def _next_seq(self, chat_id: str) -> int:
        seq = self._last_seq.get(chat_id, SEEDED_MESSAGES_PER_CHAT) + 1
        self._last_seq[chat_id] = seq
        return seq

    def _next_feed(self) -> int:
        self._last_feed += 1
        return self._last_feed

    async def close(self) -> None:
        await self._redis.aclose()


def _encode(event: dict[str, object]) -> str:
    return json.dumps(event, separators=(",", ":"))

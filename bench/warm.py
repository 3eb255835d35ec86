"""What API processes that ran before leave in Redis, for a scenario that starts after them.

Widgets and dashboards that were connected before a deploy (or before the measured window)
left their users known (`api/auth/known_users.py`) and each chat's newest message announced
(the chat's position, `api/live/hub.py`). The bench writes that state through the API's
own classes, as those processes would have, instead of replaying the traffic that made it.
"""

from __future__ import annotations

from typing import Any

from pymongo import AsyncMongoClient
from redis.asyncio import Redis

from api.auth.known_users import KnownUsers, TokenIdentity
from api.live.events import MessageAdded, chat_channel
from api.live.hub import Announcement, Hub
from bench.seed import SeededChat
from documents import Message
from documents.counters import EPOCH


async def as_left_by_earlier_processes(
    env: dict[str, str], database: str, chats: list[SeededChat]
) -> None:
    """Call once an API process has started on `database` (it draws the epoch)."""
    mongo: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(env["MONGODB_URL"])
    redis = Redis.from_url(env["REDIS_URL"])
    try:
        epoch = await mongo[database]["counters"].find_one({"_id": EPOCH})
        assert epoch is not None, "the API process writes the epoch at start-up"
        known_users, hub = KnownUsers(redis, epoch["value"]), Hub(redis, queue_limit=1)
        for chat in chats:
            identity = TokenIdentity(chat.external_id, chat.email, chat.name, None)
            await known_users.remember(identity, chat.user_id)
            await known_users.remember_chat(chat.external_id, chat.chat_id)
        async for stored in mongo[database]["messages"].find({}):
            newest = Message.model_validate(stored)
            announced = MessageAdded(newest)
            await hub.publish(Announcement(chat_channel(newest.chat_id), announced, newest.seq))
    finally:
        await redis.aclose()
        await mongo.close()

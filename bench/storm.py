"""Scenario 7: a reconnect storm. N widgets, each with a chat holding one message, all
resubscribe at once after their newest seq (`messageAdded(afterSeq:)`); the seconds until
every one is subscribed, ours against the bare baseline's `/ws` subscribe.

The API meets the state a deploy leaves: the processes before it had every widget
connected (so each user is known, `api/auth/known_users.py`) and had announced each chat's
newest message (so Redis has the chat's position). The bench writes that state through
the API's own classes, as those processes would have, instead of replaying their traffic.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import Any

from pymongo import AsyncMongoClient
from redis.asyncio import Redis

from api.auth.known_users import KnownUsers, TokenIdentity
from api.live.events import MessageAdded, chat_channel
from api.live.hub import Announcement, Hub
from bench.accounts import widget_token
from bench.delivery import ENDPOINTS
from bench.generator import run_generator
from bench.protocols import Subscriber
from bench.seed import SeededChat, Seeder, drop_database
from bench.servers import Group, Server, api_environment, api_server, baseline_server
from bench.stack import Stack
from documents import Message
from documents.counters import EPOCH

MESSAGES_EACH = 1  # so each chat's newest seq is 1
TIMEOUT_S = 300.0


def run(stack: Stack) -> dict[str, Any]:
    seconds = {endpoint: _storm(stack, endpoint) for endpoint in ENDPOINTS}
    return {
        "widgets": stack.profile.storm_widgets,
        "ours_s": round(seconds["graphql"], 2),
        "baseline_s": round(seconds["baseline"], 2),
        "ratio": round(seconds["graphql"] / seconds["baseline"], 2),
    }


def _storm(stack: Stack, endpoint: str) -> float:
    """Seconds until every widget of a fresh database is subscribed through `endpoint`."""
    stack.check_time(f"before the {endpoint} reconnect storm")
    database = stack.database(f"storm_{endpoint}")
    url = stack.env["MONGODB_URL"]
    try:
        chats = asyncio.run(_seed(url, database, stack.profile.storm_widgets))
        make = api_server if endpoint == "graphql" else baseline_server
        server = make(api_environment(stack.env, database), f"{endpoint}-storm")
        with Group([server]):
            if endpoint == "graphql":
                asyncio.run(_as_left_by_the_last_deploy(stack.env, database, chats))
            spec = {
                "kind": "storm",
                "endpoint": endpoint,
                "subscribers": [_widget(server, chat) for chat in chats],
                "redis_url": stack.env["REDIS_URL"],
            }
            result = run_generator(spec, min(stack.remaining(), TIMEOUT_S))
            seconds: float = result["seconds"]
            return seconds
    finally:
        asyncio.run(drop_database(url, database))


def _widget(server: Server, chat: SeededChat) -> dict[str, Any]:
    chat_id = str(chat.chat_id)
    widget = Subscriber(server.ws_url, widget_token(chat), chat_id, True, after_seq=MESSAGES_EACH)
    return asdict(widget)


async def _as_left_by_the_last_deploy(
    env: dict[str, str], database: str, chats: list[SeededChat]
) -> None:
    mongo: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(env["MONGODB_URL"])
    redis = Redis.from_url(env["REDIS_URL"])
    try:
        epoch = await mongo[database]["counters"].find_one({"_id": EPOCH})  # the API made it
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


async def _seed(mongodb_url: str, database: str, widgets: int) -> list[SeededChat]:
    async with Seeder(mongodb_url, database) as seeder:
        return await seeder.chats(widgets, prefix="storm", messages_each=MESSAGES_EACH)

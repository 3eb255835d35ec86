"""Scenario 7: a reconnect storm. N widgets, each with a chat holding one message, all
resubscribe at once after their newest seq (`messageAdded(afterSeq:)`); the seconds until
every one is subscribed, ours against the bare baseline's `/ws` subscribe."""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import Any

from bench.accounts import widget_token
from bench.delivery import ENDPOINTS
from bench.generator import run_generator
from bench.protocols import Subscriber
from bench.seed import SeededChat, Seeder, drop_database
from bench.servers import Group, Server, api_environment, api_server, baseline_server
from bench.stack import Stack

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


async def _seed(mongodb_url: str, database: str, widgets: int) -> list[SeededChat]:
    async with Seeder(mongodb_url, database) as seeder:
        return await seeder.chats(widgets, prefix="storm", messages_each=MESSAGES_EACH)

"""Scenario 7: a reconnect storm. N widgets, each with a chat holding one message, all
resubscribe at once after their newest seq (`messageAdded(afterSeq:)`); the seconds until
every one is subscribed, ours against the bare baseline's `/ws` subscribe. A storm that
does not finish within the profile's timeout is reported as such (at least that long).

The API meets the state a deploy leaves (`bench/warm.py`): every widget was connected
before it, and each chat's newest message was announced.
"""

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
from bench.stack import OutOfTime, Stack
from bench.warm import as_left_by_earlier_processes

MESSAGES_EACH = 1  # so each chat's newest seq is 1
GENERATOR_MARGIN_S = 60.0  # for the generator to start, give up and close its sockets


def run(stack: Stack) -> dict[str, Any]:
    storms: list[dict[str, Any]] = []
    for widgets in stack.profile.storm_widgets:
        try:
            storms.append(_pair(stack, widgets))
        except OutOfTime as error:  # keep the storms measured; the next scenario stops the run
            storms.append({"widgets": widgets, "skipped": str(error)})
            break
    return {"storms": storms}


def _pair(stack: Stack, widgets: int) -> dict[str, Any]:
    storms = {endpoint: _storm(stack, endpoint, widgets) for endpoint in ENDPOINTS}
    ours, bare = storms["graphql"]["seconds"], storms["baseline"]["seconds"]
    return {
        "widgets": widgets,
        "ours_s": None if ours is None else round(ours, 2),
        "baseline_s": None if bare is None else round(bare, 2),
        "ratio": None if ours is None or bare is None else round(ours / bare, 2),
        # Ours given up while the baseline finished: the ratio is above this.
        "ratio_above": round(stack.profile.storm_timeout_s / bare, 1)
        if ours is None and bare is not None
        else None,
        # A storm that ran over: how many widgets had subscribed when it was given up.
        "timeout_s": stack.profile.storm_timeout_s,
        "ours_acknowledged": storms["graphql"]["acknowledged"],
        "baseline_acknowledged": storms["baseline"]["acknowledged"],
        "ours_failed": storms["graphql"]["failed"],
        "baseline_failed": storms["baseline"]["failed"],
        # Sockets that failed to open or subscribe and tried again (included in the seconds).
        "ours_reconnects": storms["graphql"]["reconnects"],
        "baseline_reconnects": storms["baseline"]["reconnects"],
    }


def _storm(stack: Stack, endpoint: str, widgets: int) -> dict[str, Any]:
    """The storm of `widgets` of a fresh database through `endpoint`: its "seconds" until
    every one is subscribed (None past the profile's storm timeout)."""
    stack.check_time(f"before the {endpoint} reconnect storm of {widgets}")
    database = stack.database(f"storm_{endpoint}_{widgets}")
    url = stack.env["MONGODB_URL"]
    try:
        chats = asyncio.run(_seed(url, database, widgets))
        make = api_server if endpoint == "graphql" else baseline_server
        server = make(api_environment(stack.env, database), f"{endpoint}-storm")
        with Group([server]):
            if endpoint == "graphql":
                asyncio.run(as_left_by_earlier_processes(stack.env, database, chats))
            spec = {
                "kind": "storm",
                "endpoint": endpoint,
                "subscribers": [_widget(server, chat) for chat in chats],
                "redis_url": stack.env["REDIS_URL"],
            }
            give_up_s = max(1.0, min(stack.profile.storm_timeout_s, stack.remaining()))
            return run_generator({**spec, "timeout_s": give_up_s}, give_up_s + GENERATOR_MARGIN_S)
    finally:
        asyncio.run(drop_database(url, database))


def _widget(server: Server, chat: SeededChat) -> dict[str, Any]:
    chat_id = str(chat.chat_id)
    widget = Subscriber(server.ws_url, widget_token(chat), chat_id, True, after_seq=MESSAGES_EACH)
    return asdict(widget)


async def _seed(mongodb_url: str, database: str, widgets: int) -> list[SeededChat]:
    async with Seeder(mongodb_url, database) as seeder:
        return await seeder.chats(widgets, prefix="storm", messages_each=MESSAGES_EACH)

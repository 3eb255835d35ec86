"""Scenario 1 and 2: live delivery through the API and through the bare baseline.

For each subscriber count S and process count P, a fresh database gets S / 2 chats (one
seeded message each). Each chat has two `messageAdded` subscribers: its user's widget
(user token, `after` the newest message, as the widget subscribes) and a staff member's
chat view (staff token, chatId and `after`, as the dashboard subscribes), on different
processes when there are two. A few staff dashboards subscribe to `newUserMessage`.
The chats' users send at a fixed rate, round-robin over chats and processes. The bare
baseline gets the same subscribers, the same senders and the same schedule.
"""

from __future__ import annotations

import asyncio
from dataclasses import asdict
from typing import Any

from bench.accounts import staff_token, widget_token
from bench.fairness import flag, load_average
from bench.generator import run_generator
from bench.live import DeliverySpec
from bench.protocols import Sender, Subscriber
from bench.publisher import SEEDED_MESSAGES_PER_CHAT
from bench.seed import SeededChat, Seeder, drop_database
from bench.servers import Group, Server, api_environment, api_server, baseline_server
from bench.stack import Stack

ENDPOINTS = ("graphql", "baseline")


def run(
    stack: Stack, subscribers: int, processes: int, endpoint: str, *, fan_out_only: bool = False
) -> dict[str, Any]:
    profile = stack.profile
    mode = "fanout" if fan_out_only else "live"
    database = stack.database(f"{mode}_{endpoint}_{subscribers}_{processes}")
    chat_count = subscribers // profile.subscribers_per_chat
    env = api_environment(stack.env, database)
    chats = asyncio.run(_seed(stack.env["MONGODB_URL"], database, chat_count))
    make = api_server if endpoint == "graphql" else baseline_server
    servers = [make(env, f"{endpoint}-{n}") for n in range(processes)]
    try:
        with Group(servers):
            staff = staff_token(servers[0].url) if endpoint == "graphql" else None
            spec = DeliverySpec(
                endpoint=endpoint,
                subscribers=_subscribers(chats, servers, staff, profile.staff_watchers),
                senders=[
                    Sender(
                        servers[n % processes].url,
                        widget_token(chat),
                        str(chat.chat_id),
                        chat.email,
                    )
                    for n, chat in enumerate(chats)
                ],
                rate=profile.rate,
                warmup_s=profile.warmup_s,
                measure_s=profile.measure_s,
                drain_s=profile.drain_s,
                redis_url=stack.env["REDIS_URL"],
                processes=processes,
                publish_directly=fan_out_only,
                watched_pids={"server": [server.pid for server in servers], **stack.service_pids()},
            )
            timeout = min(stack.remaining(), 240 + profile.measure_s + profile.drain_s)
            load_at_start = load_average()
            result = run_generator({"kind": "delivery", **_plain(spec)}, timeout)
            result["subscribers_requested"] = subscribers
            result["server_rss_mb"] = [round(server.rss() / 2**20, 1) for server in servers]
            return flag(result, load_at_start)
    finally:
        asyncio.run(drop_database(stack.env["MONGODB_URL"], database))


def _subscribers(
    chats: list[SeededChat], servers: list[Server], staff: str | None, watchers: int
) -> list[Subscriber]:
    count = len(servers)
    subscribers: list[Subscriber] = []
    for n, chat in enumerate(chats):
        chat_id = str(chat.chat_id)
        after = str(chat.newest_message_id)
        subscribers.append(
            Subscriber(servers[n % count].ws_url, widget_token(chat), chat_id, True, after)
        )
        subscribers.append(
            Subscriber(servers[(n + 1) % count].ws_url, staff, chat_id, False, after)
        )
    subscribers += [Subscriber(servers[n % count].ws_url, staff, None) for n in range(watchers)]
    return subscribers


async def _seed(mongodb_url: str, database: str, chats: int) -> list[SeededChat]:
    async with Seeder(mongodb_url, database) as seeder:
        await seeder.staff()
        return await seeder.chats(chats, prefix="live", messages_each=SEEDED_MESSAGES_PER_CHAT)


def _plain(spec: DeliverySpec) -> dict[str, Any]:
    return asdict(spec)

"""Scenario 1 and 2: live delivery through the API and through the bare baseline.

For each subscriber count S and process count P, a fresh database gets S / 2 chats (one
seeded message each; at most `max_chats`, past which each chat has more subscribers).
Each chat has `messageAdded` subscribers in turn: its user's widget (user token, `afterSeq`
of the newest message, as the widget subscribes) and a staff member's chat view (staff
token, chatId and `afterSeq`, as the dashboard subscribes), on different processes when there are
two. A few staff dashboards subscribe to `newUserMessage`. The chats' users send at a
fixed rate, round-robin over chats and processes. The bare baseline gets the same
subscribers, the same senders and the same schedule. The API starts from what earlier
processes leave in Redis (`bench/warm.py`): its users known, each chat's newest message
announced, as for clients that were connected before the measured window.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from typing import Any

from bench import usage
from bench.accounts import staff_token, widget_token
from bench.fairness import flag, load_average
from bench.generator import run_generator
from bench.live import DeliverySpec
from bench.protocols import Sender, Subscriber
from bench.publisher import SEEDED_MESSAGES_PER_CHAT
from bench.seed import SeededChat, Seeder, drop_database
from bench.servers import Group, Server, api_environment, api_server, baseline_server
from bench.stack import Stack
from bench.warm import as_left_by_earlier_processes

ENDPOINTS = ("graphql", "baseline")


def run(
    stack: Stack, subscribers: int, processes: int, endpoint: str, *, fan_out_only: bool = False
) -> dict[str, Any]:
    profile = stack.profile
    with prepared(stack, subscribers, processes, endpoint, fan_out_only=fan_out_only) as spec:
        timeout = min(stack.remaining(), 300 + profile.measure_s + profile.drain_s)
        load_at_start = load_average()
        result = run_generator({"kind": "delivery", **asdict(spec)}, timeout)
        result["subscribers_requested"] = subscribers
        result["server_rss_mb"] = [
            round(usage.rss(pid) / 2**20, 1) for pid in spec.watched_pids["server"]
        ]
        return flag(result, load_at_start)


@contextmanager
def prepared(
    stack: Stack,
    subscribers: int,
    processes: int,
    endpoint: str,
    *,
    fan_out_only: bool,
    purpose: str = "",
) -> Iterator[DeliverySpec]:
    """A seeded database, running servers and the load's spec; all gone on exit."""
    profile = stack.profile
    mode = purpose or ("fanout" if fan_out_only else "live")
    database = stack.database(f"{mode}_{endpoint}_{subscribers}_{processes}")
    chat_count = max(1, min(subscribers // profile.subscribers_per_chat, profile.max_chats))
    env = api_environment(stack.env, database)
    try:
        chats = asyncio.run(_seed(stack.env["MONGODB_URL"], database, chat_count))
        make = api_server if endpoint == "graphql" else baseline_server
        servers = [make(env, f"{endpoint}-{n}") for n in range(processes)]
        with Group(servers):
            staff = staff_token(servers[0].url) if endpoint == "graphql" else None
            if endpoint == "graphql":  # connected before the measured window, as in service
                asyncio.run(as_left_by_earlier_processes(stack.env, database, chats))
            yield DeliverySpec(
                endpoint=endpoint,
                subscribers=_subscribers(
                    chats, servers, staff, subscribers, profile.staff_watchers
                ),
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
    finally:
        asyncio.run(drop_database(stack.env["MONGODB_URL"], database))


def _subscribers(
    chats: list[SeededChat], servers: list[Server], staff: str | None, count: int, watchers: int
) -> list[Subscriber]:
    """`count` messageAdded subscribers, in turn a chat's widget and a staff chat view, over
    the chats and the servers; then the staff dashboards on newUserMessage."""
    processes = len(servers)
    subscribers: list[Subscriber] = []
    for n in range(count):
        chat = chats[(n // 2) % len(chats)]
        chat_id = str(chat.chat_id)
        after_seq = SEEDED_MESSAGES_PER_CHAT  # the chat's newest seq
        if n % 2 == 0:
            server = servers[(n // 2) % processes]
            widget = Subscriber(server.ws_url, widget_token(chat), chat_id, True, after_seq)
            subscribers.append(widget)
        else:
            server = servers[(n // 2 + 1) % processes]
            subscribers.append(Subscriber(server.ws_url, staff, chat_id, False, after_seq))
    subscribers += [Subscriber(servers[n % processes].ws_url, staff, None) for n in range(watchers)]
    return subscribers


async def _seed(mongodb_url: str, database: str, chats: int) -> list[SeededChat]:
    async with Seeder(mongodb_url, database) as seeder:
        await seeder.staff()
        return await seeder.chats(chats, prefix="live", messages_each=SEEDED_MESSAGES_PER_CHAT)

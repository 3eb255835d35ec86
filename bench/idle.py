"""Scenario 3: memory per idle subscription on one process, ours and the bare baseline's.

Widgets subscribe to `messageAdded` with their user's token and then stay idle; the bare
baseline (bench/baseline.py) holds the same number of `/ws` sockets, each listening to its
chat's channel. The server's resident memory is read after one warm-up subscription
(imports and caches are loaded then) and after each stage; the growth divided by the
sockets added is the cost of one.

The dev database (FerretDB 1.24 on SQLite) scans a whole collection for every lookup by a
field, and authenticating a widget looks its user and chat up, so connecting 5 000 users
would spend minutes in the database alone: the sockets belong to `idle_users` users, each
with several tabs open. Every socket still has its own connection, GraphQL operation,
Redis listener and queue; only the per-chat Redis channel is shared between tabs.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from dataclasses import asdict
from typing import Any

from bench.accounts import widget_token
from bench.delivery import ENDPOINTS
from bench.generator import Generator
from bench.protocols import Subscriber
from bench.seed import SeededChat, Seeder, drop_database
from bench.servers import Group, Server, api_environment, api_server, baseline_server
from bench.stack import Stack

SETTLE_S = 2.0
SAMPLES = 5


def run(stack: Stack) -> dict[str, Any]:
    profile = stack.profile
    database = stack.database("idle")
    try:
        chats = asyncio.run(_seed(stack.env["MONGODB_URL"], database, profile.idle_users))
        held = {endpoint: _hold(stack, database, chats, endpoint) for endpoint in ENDPOINTS}
    finally:
        asyncio.run(drop_database(stack.env["MONGODB_URL"], database))
    ours, bare = held["graphql"], held["baseline"]
    for stage, baseline_stage in zip(ours["stages"], bare["stages"], strict=False):
        stage["baseline_kb_per_socket"] = baseline_stage["kb_per_subscription"]
        stage["ratio"] = round(
            stage["kb_per_subscription"] / max(baseline_stage["kb_per_subscription"], 1e-9), 1
        )
    return {**ours, "baseline": bare}


def _hold(stack: Stack, database: str, chats: list[SeededChat], endpoint: str) -> dict[str, Any]:
    stack.check_time(f"before the {endpoint} idle sockets")
    stages = stack.profile.idle_stages
    make = api_server if endpoint == "graphql" else baseline_server
    server = make(api_environment(stack.env, database), f"{endpoint}-idle")
    with Group([server]):
        tokens = [widget_token(chat) for chat in chats]
        subscribers = [
            Subscriber(
                server.ws_url, tokens[n % len(chats)], str(chats[n % len(chats)].chat_id), True
            )
            for n in range(max(stages))
        ]
        spec = {
            "kind": "idle",
            "endpoint": endpoint,
            "subscribers": [asdict(subscriber) for subscriber in subscribers],
            "stages": [1, *stages],
            "redis_url": stack.env["REDIS_URL"],
        }
        return _measure(stack, server, spec, stages)


def _measure(
    stack: Stack, server: Server, spec: dict[str, Any], stages: tuple[int, ...]
) -> dict[str, Any]:
    results: dict[str, Any] = {"users": stack.profile.idle_users, "stages": []}
    with Generator(spec, interactive=True) as generator:
        generator.read_line(timeout=min(stack.remaining(), 120))  # the warm-up subscription
        base_rss = _steady_rss(server)
        results["rss_with_one_mb"] = round(base_rss / 2**20, 1)
        for _ in stages:
            generator.write_line("next")
            reported = generator.read_line(timeout=max(1.0, stack.remaining()))
            rss = _steady_rss(server)
            opened = int(reported["open"])
            results["stages"].append(
                {
                    "subscriptions": opened,
                    "connect_seconds": reported["seconds"],
                    "rss_mb": round(rss / 2**20, 1),
                    "kb_per_subscription": round((rss - base_rss) / (opened - 1) / 1000, 1),
                }
            )
        generator.write_line("")
        results["generator"] = generator.result(timeout=60)
    return results


def _steady_rss(server: Server) -> float:
    """The median of a few readings once the process has settled."""
    time.sleep(SETTLE_S)
    readings = []
    for _ in range(SAMPLES):
        readings.append(server.rss())
        time.sleep(0.2)
    return float(statistics.median(readings))


async def _seed(mongodb_url: str, database: str, users: int) -> list[SeededChat]:
    async with Seeder(mongodb_url, database) as seeder:
        return await seeder.chats(users, prefix="idle")

"""Scenario 5: sendMessage per second, one client sending back-to-back and many at once.

Each mode gets a fresh database with one chat per client, so both start from the same
state; clients are the chats' users, sending through the widget's mutation over
persistent connections.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from bench.accounts import widget_token
from bench.httpclient import JsonClient
from bench.protocols import GraphQLEndpoint, Sender
from bench.seed import Seeder, drop_database
from bench.servers import Group, api_environment, api_server
from bench.stack import Stack
from bench.stats import summarize
from bench.usage import CpuMeter


def run(stack: Stack) -> dict[str, Any]:
    clients = stack.profile.write_clients
    return {
        "sequential": _mode(stack, "sequential", 1),
        "concurrent": _mode(stack, "concurrent", clients),
    }


def _mode(stack: Stack, name: str, clients: int) -> dict[str, Any]:
    stack.check_time(f"before the {name} writes")
    database = stack.database(f"writes_{name}")
    url = stack.env["MONGODB_URL"]
    try:
        server = api_server(api_environment(stack.env, database), f"api-writes-{name}")
        senders = asyncio.run(_seed(url, database, clients, server.url))
        with Group([server]):
            watched = {"api": [server.pid], **stack.service_pids()}
            return asyncio.run(_send(server.url, senders, stack.profile.write_seconds, watched))
    finally:
        asyncio.run(drop_database(url, database))


async def _seed(url: str, database: str, clients: int, server_url: str) -> list[Sender]:
    async with Seeder(url, database) as seeder:
        chats = await seeder.chats(clients, prefix="writer", messages_each=1)
    return [Sender(server_url, widget_token(chat), str(chat.chat_id), chat.email) for chat in chats]


async def _send(
    server_url: str, senders: list[Sender], seconds: float, watched: dict[str, list[int]]
) -> dict[str, Any]:
    endpoint = GraphQLEndpoint()
    client = JsonClient(server_url, len(senders))
    durations: list[float] = []
    meter = CpuMeter(watched)

    async def keep_sending(sender: Sender, until: float) -> None:
        sequence = 0
        while time.monotonic() < until:
            started = time.perf_counter()
            await endpoint.send(client, sender, f"write {sequence}", f"w{sequence}")
            durations.append((time.perf_counter() - started) * 1000)
            sequence += 1

    try:
        # A short warm-up (connections, first requests), then the measured window.
        await asyncio.gather(*(keep_sending(sender, time.monotonic() + 0.5) for sender in senders))
        durations.clear()
        meter.start()
        started = time.monotonic()
        await asyncio.gather(*(keep_sending(sender, started + seconds) for sender in senders))
        elapsed = time.monotonic() - started
    finally:
        client.close()
    return {
        "clients": len(senders),
        "sent": len(durations),
        "per_second": round(len(durations) / elapsed, 1),
        "latency_ms": summarize(durations),
        "cpu_seconds": meter.stop(),
        "seconds": round(elapsed, 1),
    }

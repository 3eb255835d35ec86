"""Whether every GraphQL subscription is running, read from each API process's /metrics.

graphql-transport-ws has no subscription acknowledgement, and a chat's Redis channel being
subscribed proves only that one of its subscribers listens. The API counts the
subscriptions that entered its delivery loop (`support_chat_subscriptions`, by kind);
once each process counts every subscription sent to it, they all listen (the hub then
confirms a channel already subscribed at once).
"""

from __future__ import annotations

import asyncio
import re
import time
import urllib.request
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence

from bench.protocols import Subscriber

METRICS_TOKEN = "bench-metrics-token"
RUNNING = re.compile(r'^support_chat_subscriptions\{kind="[^"]*"\} (\S+)$', re.MULTILINE)
TIMEOUT_S = 240.0


def _running(server: str) -> int:
    """Subscriptions running in the process behind ws://host:port."""
    request = urllib.request.Request(
        server.replace("ws://", "http://", 1) + "/metrics",
        headers={"Authorization": f"Bearer {METRICS_TOKEN}"},
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        text = answer.read().decode()
    return round(sum(float(value) for value in RUNNING.findall(text)))


async def all_running(
    subscribers: Sequence[Subscriber], between: Callable[[], Awaitable[None]]
) -> None:
    """Until each process runs as many subscriptions as were sent to it; `between` runs
    after each look."""
    wanted = Counter(subscriber.server for subscriber in subscribers)
    loop = asyncio.get_running_loop()
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        counts = await asyncio.gather(
            *(loop.run_in_executor(None, _running, server) for server in wanted)
        )
        short = {
            server: (count, wanted[server])
            for server, count in zip(wanted, counts, strict=True)
            if count < wanted[server]
        }
        await between()
        if not short:
            return
        if time.monotonic() > deadline:
            raise TimeoutError(f"subscriptions running / sent, by process: {short}")
        await asyncio.sleep(0.2)

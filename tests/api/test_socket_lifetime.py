"""Nothing of a WebSocket outlives it: 10 000 authenticated sockets opened and closed leave
the API process's asyncio tasks and memory where they were."""

from __future__ import annotations

import asyncio
import time

import httpx
import pytest

from bench.usage import rss
from tests.support.graphql import acknowledged
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

SOCKETS = 10_000
AT_ONCE = 50
MAX_GROWTH_MB = 15  # a kept expiry timer alone costs about 20 kB per socket: 200 MB


async def _open_and_close(ws_url: str, token: str, count: int) -> None:
    async def one() -> None:
        async with acknowledged(ws_url, token):
            pass

    for _ in range(0, count, AT_ONCE):
        await asyncio.gather(*(one() for _ in range(AT_ONCE)))


def _tasks(api: ApiServer) -> int:
    count: int = httpx.get(f"{api.url}/dev/tasks").json()["tasks"]
    return count


async def _settled_tasks(api: ApiServer, at_most: int, within: float = 10) -> int:
    """The task count once it is at most `at_most`, or after `within` seconds."""
    deadline = time.monotonic() + within
    while True:
        count = _tasks(api)
        if count <= at_most or time.monotonic() > deadline:
            return count
        await asyncio.sleep(0.2)


@pytest.mark.timeout(600)
async def test_closed_sockets_leave_no_tasks_and_no_memory_behind(
    api: ApiServer, staff_token: str
) -> None:
    await _open_and_close(api.ws_url, staff_token, 500)  # warm caches and allocator up
    tasks_before = await _settled_tasks(api, at_most=0, within=1)
    rss_before = rss(api.pid)
    started = time.monotonic()

    await _open_and_close(api.ws_url, staff_token, SOCKETS)

    elapsed = time.monotonic() - started
    tasks_after = await _settled_tasks(api, at_most=tasks_before)
    growth_mb = (rss(api.pid) - rss_before) / 1e6
    print(
        f"\n{SOCKETS} sockets opened and closed in {elapsed:.0f} s: asyncio tasks"
        f" {tasks_before} -> {tasks_after}, API RSS growth {growth_mb:.1f} MB"
    )
    assert tasks_after <= tasks_before
    assert growth_mb < MAX_GROWTH_MB

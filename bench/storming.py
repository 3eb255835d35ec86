"""The reconnect storm, inside the load generator process: every widget subscribes at once.

The clock stops when every socket is acknowledged and subscribed and, for the API (whose
protocol has no subscription acknowledgement), when Redis has every chat's channel and the
API counts every subscription as running (bench/readiness.py). Past
`timeout_s` the storm is given up: then it reports how many sockets had subscribed. A
socket that fails to open or subscribe tries again, backing off, as a widget does.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

from bench.protocols import Subscriber, endpoint_named
from bench.readiness import all_running
from bench.sockets import Subscribers, redis_confirmed


@dataclass
class StormSpec:
    endpoint: str
    subscribers: list[Subscriber]
    redis_url: str
    timeout_s: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StormSpec:
        return cls(**{**data, "subscribers": [Subscriber(**item) for item in data["subscribers"]]})


async def run(spec: StormSpec) -> dict[str, Any]:
    endpoint = endpoint_named(spec.endpoint)
    subscribers = Subscribers(endpoint, reconnect=True)

    async def storm() -> None:
        await subscribers.connect(spec.subscribers, concurrency=len(spec.subscribers))
        if endpoint.name == "graphql":
            retry = subscribers.retry_refused
            await redis_confirmed(spec.redis_url, spec.subscribers, retry)
            await all_running(spec.subscribers, retry)

    started = time.monotonic()
    seconds: float | None = None
    try:
        await asyncio.wait_for(storm(), spec.timeout_s)
        seconds = time.monotonic() - started
    except TimeoutError:
        pass
    except RuntimeError:
        pass  # a socket failed (its answer never came): the storm never completed
    finally:
        ready = subscribers.ready
        await subscribers.stop()
    return {
        "endpoint": endpoint.name,
        "widgets": len(spec.subscribers),
        "seconds": seconds,
        "acknowledged": ready,
        "retries": subscribers.retries,
        "reconnects": subscribers.reconnects,
        "failed": subscribers.failures[:3],
    }

"""Idle subscriptions, held stage by stage, inside the load generator process.

After each stage is connected and confirmed in Redis, the generator prints one JSON line
and waits for a line on stdin: the orchestrator measures the API's memory in between.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from dataclasses import dataclass
from typing import Any

from bench.protocols import Subscriber, endpoint_named
from bench.readiness import all_running
from bench.sockets import Subscribers, redis_confirmed


@dataclass
class IdleSpec:
    endpoint: str
    subscribers: list[Subscriber]
    stages: list[int]
    redis_url: str
    connect_concurrency: int = 50

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> IdleSpec:
        return cls(**{**data, "subscribers": [Subscriber(**item) for item in data["subscribers"]]})


def _say(line: dict[str, Any]) -> None:
    print(json.dumps(line), flush=True)


async def _next_line() -> str:
    return await asyncio.get_running_loop().run_in_executor(None, sys.stdin.readline)


async def run(spec: IdleSpec) -> dict[str, Any]:
    subscribers = Subscribers(endpoint_named(spec.endpoint))
    stages: list[dict[str, Any]] = []
    try:
        for stage in spec.stages:
            started = time.monotonic()
            wanted = spec.subscribers[len(subscribers.specs) : stage]
            await subscribers.connect(wanted, spec.connect_concurrency)
            if spec.endpoint == "graphql":  # the baseline answers once Redis confirmed
                retry = subscribers.retry_refused
                await redis_confirmed(spec.redis_url, subscribers.specs, retry)
                await all_running(subscribers.specs, retry)
            stages.append(
                {
                    "open": stage,
                    "seconds": round(time.monotonic() - started, 1),
                    "retries": subscribers.retries,
                }
            )
            _say(stages[-1])
            if not (await _next_line()).strip():
                break
        if subscribers.failures:
            raise RuntimeError(f"idle sockets failed: {subscribers.failures[:3]}")
    finally:
        await subscribers.stop()
    return {"stages": stages, "frames": len(subscribers.frames)}

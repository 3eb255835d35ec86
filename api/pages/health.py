"""Probes: /livez (the process answers) and /readyz (MongoDB answers; Redis is only reported).

Chat keeps working without Redis (no live push, no rate limits; clients poll and catch
up), so a Redis outage must not take every API process out of the load balancer.
`/healthz` is the old name of `/readyz`.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable

from starlette.requests import Request
from starlette.responses import JSONResponse

from documents import ping

CHECK_TIMEOUT = 2.0


async def _check(probe: Awaitable[object]) -> str:
    try:
        await asyncio.wait_for(probe, CHECK_TIMEOUT)
    except Exception as error:
        return f"unavailable: {type(error).__name__}"
    return "ok"


async def livez(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> JSONResponse:
    state = request.state
    mongodb, redis = await asyncio.gather(_check(ping(state.mongo)), _check(state.redis.ping()))
    ready = mongodb == "ok"
    status = "ok" if ready and redis == "ok" else "degraded" if ready else "unavailable"
    body = {"status": status, "mongodb": mongodb, "redis": redis}
    return JSONResponse(body, status_code=200 if ready else 503)

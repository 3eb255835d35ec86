"""GET /healthz: 200 when MongoDB and Redis answer, 503 naming the one that does not."""

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


async def healthz(request: Request) -> JSONResponse:
    state = request.state
    mongodb, redis = await asyncio.gather(_check(ping(state.mongo)), _check(state.redis.ping()))
    checks = {"mongodb": mongodb, "redis": redis}
    healthy = all(result == "ok" for result in checks.values())
    body = {"status": "ok" if healthy else "unavailable", **checks}
    return JSONResponse(body, status_code=200 if healthy else 503)

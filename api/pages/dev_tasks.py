"""Dev only: /dev/tasks, how many asyncio tasks this process runs (to check nothing leaks)."""

from __future__ import annotations

import asyncio

from starlette.requests import Request
from starlette.responses import JSONResponse


async def dev_tasks(request: Request) -> JSONResponse:
    return JSONResponse({"tasks": len(asyncio.all_tasks())})

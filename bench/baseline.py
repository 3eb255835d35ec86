"""The bare path the bench compares against: no GraphQL, written only for the bench.

    python -m bench.baseline --port P      (MONGODB_URL, MONGODB_DB, REDIS_URL from the env)

- `POST /send {"chat_id", "content", "client_id", "user_email"}` stores the message with one
  `insert_one` (the least a real send must do) and publishes the same events as the API, with
  the same Hub, on the same channels: `support_chat:<chat id>` and the staff channel.
- `WS /ws`: the first frame names a channel (`{"channel": "..."}`); the server listens to it
  through the API's own Redis Hub, answers `{"type": "ready"}` once Redis confirmed, then
  forwards every new message as the JSON the API publishes.

No authentication, no schema, no validation beyond what the JSON needs: the floor that the
real endpoint's cost is measured against.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from typing import Any
from uuid import UUID, uuid4

import uvicorn
from redis.asyncio import Redis
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from api.live.events import ADMIN_NOTIFICATIONS, MessageAdded, chat_channel
from api.live.hub import Announcement, Hub
from core.clock import utc_now
from documents import Message, connect, init_db


def create_app(mongodb_url: str, database: str, redis_url: str) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        mongo = connect(mongodb_url)
        redis = Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=5)
        hub = Hub(redis, queue_limit=1_000)
        await init_db(mongo, database)  # the hub decodes events into Beanie documents
        await hub.start()
        try:
            yield {"hub": hub, "messages": mongo[database]["messages"]}
        finally:
            await hub.close()
            await redis.aclose()
            await mongo.close()

    return Starlette(
        routes=[
            Route("/healthz", healthz),
            Route("/send", send, methods=["POST"]),
            WebSocketRoute("/ws", listen),
        ],
        lifespan=lifespan,
    )


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"})


async def send(request: Request) -> JSONResponse:
    body = await request.json()
    chat_id = UUID(body["chat_id"])
    message_id = uuid4()
    now = utc_now()
    stored = {
        "_id": message_id,
        "chat_id": chat_id,
        "content": str(body["content"]).strip(),
        "sender_type": "USER",
        "sender_id": chat_id,
        "created_at": now,
        "read_at": None,
        "client_id": str(body.get("client_id") or message_id),
        "client_id_given": body.get("client_id") is not None,
    }
    await request.state.messages.insert_one(stored)
    published = {
        **{key: value for key, value in stored.items() if key != "_id"},
        "id": str(message_id),
        "chat_id": str(chat_id),
        "sender_id": str(chat_id),
        "created_at": now.isoformat(),
    }
    hub: Hub = request.state.hub
    message = Message.model_validate(published)
    notice = MessageAdded(message, body.get("user_email", ""))
    await hub.publish(  # in one round trip, as the API publishes a send's events
        Announcement(chat_channel(chat_id), MessageAdded(message)),
        Announcement(ADMIN_NOTIFICATIONS, notice),
    )
    return JSONResponse({"id": str(message_id)})


async def listen(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        channel = json.loads(await websocket.receive_text())["channel"]
    except (WebSocketDisconnect, ValueError, KeyError, TypeError):
        return
    hub: Hub = websocket.state.hub
    async with hub.listen(channel, on_overflow=lambda: None) as events:
        await websocket.send_text('{"type":"ready"}')

        async def forward() -> None:
            async for event in events:
                if isinstance(event, MessageAdded):
                    await websocket.send_text(event.message.model_dump_json())

        forwarding = asyncio.create_task(forward())
        try:
            while (await websocket.receive())["type"] != "websocket.disconnect":
                pass
        finally:
            forwarding.cancel()
            with suppress(asyncio.CancelledError, WebSocketDisconnect, RuntimeError):
                await forwarding


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.baseline", description=__doc__)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    app = create_app(os.environ["MONGODB_URL"], os.environ["MONGODB_DB"], os.environ["REDIS_URL"])
    # The same server settings as `support-chat serve`, so only the application differs.
    uvicorn.run(
        app,
        host="127.0.0.1",
        port=args.port,
        proxy_headers=True,
        ws="websockets-sansio",  # the implementation `support-chat serve` builds on
        ws_max_size=64 * 1024,
        ws_per_message_deflate=False,
        timeout_graceful_shutdown=5,
        log_level="info",
    )


if __name__ == "__main__":
    main()

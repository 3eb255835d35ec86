"""Round trips per operation: how many MongoDB commands one request of each kind sends.

One API process logs the shape of every query command it sends
(`MONGODB_COMMAND_LOG_DIR`, documents/command_log.py). After a warm-up of each
operation, the operation runs once more and counts the lines the log gained, leaving
out the process's own background polls (`BACKGROUND`).
"""

from __future__ import annotations

import asyncio
import json
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from uuid import UUID

import httpx
import websockets
from redis.asyncio import Redis
from websockets.typing import Subprotocol

from api.live.events import chat_channel
from bench.accounts import staff_token, widget_token
from bench.protocols import GRAPHQL_WS, WIDGET_RESUME, WIDGET_SEND
from bench.reads import CHAT_MESSAGES, CHATS
from bench.seed import SeededChat, Seeder, drop_database
from bench.servers import Group, api_environment, api_server
from bench.stack import Stack

CHATS_SEEDED = 30
SETTLE_S = 0.3  # for the last commands of an operation to reach the log
CONFIRM_TIMEOUT_S = 30.0
# The per-process polls, by (command, collection, filter shape): the revocation poll
# (documents/revocations.py current_revocations) and the seq watch (documents/chats.py
# last_seqs, documents/counters.py current_count). None of the measured operations
# sends these shapes itself.
BACKGROUND = (
    ("find", "revoked_tokens", {"expires_at": {"$gt": "?"}}),
    ("find", "staff", {"disabled_at": {"$ne": "?"}}),
    ("find", "integration_keys", {"revoked_at": {"$ne": "?"}}),
    ("find", "chats", {"_id": {"$in": "?"}}),
    ("find", "counters", {"_id": "?"}),
)
LAST_SEQ = "query($id: ID!) { chat(id: $id) { lastSeq } }"

Operation = Callable[[], None]


def is_background(shape: dict[str, Any]) -> bool:
    return (shape["command"], shape["collection"], shape["filter"]) in BACKGROUND


def foreground_commands(directory: Path) -> list[dict[str, Any]]:
    """The shapes logged so far by the process writing into `directory`, polls left out."""
    shapes = [
        json.loads(line)
        for path in sorted(directory.glob("commands-*.jsonl"))
        for line in path.read_text().splitlines()
    ]
    return [shape for shape in shapes if not is_background(shape)]


def commands_of(operation: Operation, directory: Path) -> list[dict[str, Any]]:
    """The commands one run of `operation` sent, after a warm-up run."""
    operation()
    time.sleep(SETTLE_S)
    before = len(foreground_commands(directory))
    operation()
    time.sleep(SETTLE_S)
    return foreground_commands(directory)[before:]


def _graphql(http: httpx.Client, query: str, variables: dict[str, Any], token: str) -> Any:
    answer = http.post(
        "/graphql",
        json={"query": query, "variables": variables},
        headers={"Authorization": f"Bearer {token}"},
    ).json()
    if answer.get("errors"):
        raise RuntimeError(f"the API answered {answer['errors']}")
    return answer["data"]


async def _resume(ws_url: str, redis_url: str, token: str, chat_id: str, after_seq: int) -> None:
    """Subscribe as the widget does after a reconnect; close once Redis has the subscription."""
    redis = Redis.from_url(redis_url)
    try:
        async with websockets.connect(
            f"{ws_url}/graphql", subprotocols=[Subprotocol(GRAPHQL_WS)], ping_interval=None
        ) as socket:
            await socket.send(json.dumps({"type": "connection_init", "payload": {"token": token}}))
            ack = json.loads(await asyncio.wait_for(socket.recv(), CONFIRM_TIMEOUT_S))
            if ack.get("type") != "connection_ack":
                raise RuntimeError(f"connection_init answered {ack}")
            payload = {"query": WIDGET_RESUME, "variables": {"afterSeq": after_seq}}
            await socket.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
            await _confirmed(redis, chat_channel(UUID(chat_id)))
            await asyncio.sleep(SETTLE_S)
    finally:
        await redis.aclose()


async def _confirmed(redis: Redis, channel: str) -> None:
    deadline = time.monotonic() + CONFIRM_TIMEOUT_S
    while not any(int(listeners) for _, listeners in await redis.pubsub_numsub(channel)):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{channel} never subscribed in Redis")
        await asyncio.sleep(0.01)


def _requests(http: httpx.Client, chat: SeededChat, staff: str) -> dict[str, Operation]:
    user = widget_token(chat)
    chat_id = str(chat.chat_id)

    def send() -> None:
        _graphql(http, WIDGET_SEND, {"content": "round trip", "clientId": None}, user)

    def list_chats() -> None:
        _graphql(http, CHATS, {"archived": False, "first": 30}, staff)

    def open_chat() -> None:
        _graphql(http, CHAT_MESSAGES, {"id": chat_id, "last": 50}, staff)

    return {"send": send, "list chats": list_chats, "open chat": open_chat}


def _resume_operation(
    http: httpx.Client, ws_url: str, redis_url: str, chat: SeededChat, staff: str
) -> Operation:
    """A widget resuming after the chat's newest message (read now, outside the count)."""
    chat_id = str(chat.chat_id)
    last_seq: int = _graphql(http, LAST_SEQ, {"id": chat_id}, staff)["chat"]["lastSeq"]
    user = widget_token(chat)
    return lambda: asyncio.run(_resume(ws_url, redis_url, user, chat_id, last_seq))


def _measure(
    http: httpx.Client, ws_url: str, redis_url: str, chat: SeededChat, directory: Path
) -> dict[str, list[dict[str, Any]]]:
    staff = staff_token(str(http.base_url))
    sent = {
        name: commands_of(operation, directory)
        for name, operation in _requests(http, chat, staff).items()
    }
    resume = _resume_operation(http, ws_url, redis_url, chat, staff)
    return {**sent, "resume": commands_of(resume, directory)}


def run(stack: Stack) -> dict[str, Any]:
    database = stack.database("round_trips")
    directory = Path(tempfile.mkdtemp(prefix="bench-commands-"))
    env = {**api_environment(stack.env, database), "MONGODB_COMMAND_LOG_DIR": str(directory)}
    try:
        chats = asyncio.run(_seed(stack.env["MONGODB_URL"], database))
        server = api_server(env, "api-round-trips")
        with Group([server]), httpx.Client(base_url=server.url, timeout=60) as http:
            shapes = _measure(http, server.ws_url, stack.env["REDIS_URL"], chats[0], directory)
            return {
                "commands": {name: len(sent) for name, sent in shapes.items()},
                "shapes": shapes,
            }
    finally:
        shutil.rmtree(directory, ignore_errors=True)
        asyncio.run(drop_database(stack.env["MONGODB_URL"], database))


async def _seed(mongodb_url: str, database: str) -> list[SeededChat]:
    async with Seeder(mongodb_url, database) as seeder:
        await seeder.staff()
        return await seeder.chats(CHATS_SEEDED, prefix="round-trips", messages_each=1)

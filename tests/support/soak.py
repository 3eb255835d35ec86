"""A bounded soak: users and staff chatting across two API processes, with reconnects and a
Redis restart; at the end every stored message reached each rightful subscriber exactly once.

    python -m tests.support.soak --seconds 180      (make soak)

tests/test_soak.py runs a short form in `make test`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import sys
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx

from devtools.services import RedisServer
from tests.conftest import LOGIN, SECRET_KEY, STAFF_PASSWORD, WIDGET_SECRET, create_staff, make_user
from tests.support import operations as ops
from tests.support.graphql import Socket, Subscription, socket
from tests.support.servers import ApiServer


@dataclass
class Report:
    messages: int = 0
    reconnects: int = 0
    redis_restarts: int = 0
    losses: int = 0
    duplicates: int = 0
    count_mismatches: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        faults = self.losses or self.duplicates or self.count_mismatches or self.problems
        return self.messages > 0 and not faults

    def summary(self) -> str:
        return (
            f"soak: {self.messages} messages, {self.reconnects} reconnects, "
            f"{self.redis_restarts} Redis restart(s), losses {self.losses}, "
            f"duplicates {self.duplicates}, count mismatches {self.count_mismatches}"
        )


class Listener:
    """One party's view of one chat: every messageAdded it received, over any connection."""

    def __init__(self, name: str, token: str, chat_id: str | None) -> None:
        self.name, self.token, self.chat_id = name, token, chat_id
        self.received: Counter[str] = Counter()
        self.newest: tuple[str, str] | None = None  # (createdAt, id) of the newest received
        self._task: asyncio.Task[None] | None = None

    def start(self, server: ApiServer) -> None:
        self._task = asyncio.create_task(self._listen(server))

    async def stop(self) -> BaseException | None:
        """Stop listening; what made it stop early, if anything did."""
        if self._task is None:
            return None
        failure = self._task.exception() if self._task.done() else None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        return failure

    async def _listen(self, server: ApiServer) -> None:
        variables: dict[str, Any] = {"chatId": self.chat_id}
        if self.newest is not None:
            variables["after"] = self.newest[1]
        async with socket(server.ws_url, self.token) as connection:
            subscription = await connection.subscribe(ops.MESSAGE_ADDED, variables)
            await self._consume(connection, subscription)

    async def _consume(self, connection: Socket, subscription: Subscription) -> None:
        while True:
            frame = await subscription.queue.get()
            if frame["type"] != "next":
                raise RuntimeError(f"{self.name}: {json.dumps(frame)[:300]}")
            message = frame["payload"]["data"]["messageAdded"]
            self.received[message["id"]] += 1
            position = (message["createdAt"], message["id"])
            if self.newest is None or position > self.newest:
                self.newest = position


async def soak(env: dict[str, str], seconds: float, users: int = 6, seed: int = 7) -> Report:
    rng = random.Random(seed)
    report = Report()
    redis = RedisServer()
    redis.start()
    shared = {**env, "REDIS_URL": redis.url, "RATE_SEND_PER_USER": "1000000"}
    servers = [ApiServer(shared, name=f"api-soak-{n}").start() for n in range(2)]
    try:
        return await _run(env, servers, redis, rng, report, seconds, users)
    finally:
        for server in servers:
            server.stop()
        redis.stop()


async def _run(
    env: dict[str, str],
    servers: list[ApiServer],
    redis: RedisServer,
    rng: random.Random,
    report: Report,
    seconds: float,
    user_count: int,
) -> Report:
    staff_email = f"soak-{uuid.uuid4().hex[:8]}@example.test"
    create_staff(env, staff_email)
    async with httpx.AsyncClient(timeout=30) as http:

        async def call(server: ApiServer, token: str | None, query: str, **variables: Any) -> Any:
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            body = {"query": query, "variables": variables}
            result = (await http.post(f"{server.url}/graphql", json=body, headers=headers)).json()
            if result.get("errors"):
                raise RuntimeError(json.dumps(result["errors"])[:300])
            return result["data"]

        login = await call(servers[0], None, LOGIN, e=staff_email, p=STAFF_PASSWORD)
        staff_token = login["login"]["token"]
        people = [make_user(f"soak{n}") for n in range(user_count)]
        chats = [(await call(servers[0], p.token, ops.MY_CHAT))["chat"]["id"] for p in people]
        listeners = [Listener(f"user{n}", p.token, None) for n, p in enumerate(people)]
        listeners += [Listener(f"staff:{chat}", staff_token, chat) for chat in chats]
        for listener in listeners:
            listener.start(rng.choice(servers))
        await asyncio.sleep(1)  # every listener subscribed

        acknowledged: Counter[str] = Counter()  # message id -> acknowledgements (retries give 1 id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        restart_at = loop.time() + seconds / 2
        while loop.time() < deadline:
            action = rng.random()
            n = rng.randrange(user_count)
            server = rng.choice(servers)
            if action < 0.45:
                client_id = str(uuid.uuid4())
                for _ in range(rng.choice([1, 1, 2])):  # sometimes a retry of the same send
                    sent = await call(
                        server, people[n].token, ops.SEND, content="hi", clientId=client_id
                    )
                acknowledged[sent["sendMessage"]["id"]] += 1
            elif action < 0.75:
                sent = await call(server, staff_token, ops.SEND, content="hello", chatId=chats[n])
                acknowledged[sent["sendMessage"]["id"]] += 1
            elif action < 0.85:
                await call(server, people[n].token, ops.MARK_READ)
            elif action < 0.9:
                await call(server, staff_token, ops.MARK_READ, chatId=chats[n])
            elif action < 0.95:
                mutation = rng.choice([ops.ARCHIVE, ops.UNARCHIVE])
                await call(server, staff_token, mutation, chatId=chats[n])
            else:
                listener = rng.choice(listeners)
                if failure := await listener.stop():
                    report.problems.append(f"{listener.name} stopped: {failure!r}")
                listener.start(rng.choice(servers))
                report.reconnects += 1
            if loop.time() > restart_at and not report.redis_restarts:
                redis.stop()
                await asyncio.sleep(0.5)
                redis.start()
                report.redis_restarts += 1
            await asyncio.sleep(rng.uniform(0, 0.02))

        await asyncio.sleep(3)  # let the last events arrive
        for listener in listeners:
            if failure := await listener.stop():
                report.problems.append(f"{listener.name} stopped: {failure!r}")

        report.messages = len(acknowledged)
        stored: dict[str, list[str]] = {}
        for person, chat_id in zip(people, chats, strict=True):
            stored[chat_id], before = [], None
            while True:
                page = (
                    await call(
                        servers[1], staff_token, ops.MESSAGES, id=chat_id, last=200, before=before
                    )
                )["chat"]["messages"]
                stored[chat_id][:0] = [node["id"] for node in page["nodes"]]
                if not page["hasMore"]:
                    break
                before = page["nodes"][0]["id"]
            chat = (await call(servers[1], staff_token, ops.CHAT, id=chat_id))["chat"]
            if chat["messageCount"] != len(stored[chat_id]):
                report.count_mismatches += 1
                report.problems.append(f"{person.email}: messageCount {chat['messageCount']}")
        every_stored = [message for ids in stored.values() for message in ids]
        if sorted(every_stored) != sorted(acknowledged):
            report.count_mismatches += 1
            report.problems.append("stored messages differ from the acknowledged ones")
        for listener, chat_id in zip(listeners, chats + chats, strict=True):
            for message_id in stored[chat_id]:
                times = listener.received[message_id]
                report.losses += times == 0
                report.duplicates += max(times - 1, 0)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--users", type=int, default=8)
    args = parser.parse_args()
    env = {
        **os.environ,
        "ENV": "dev",
        "MONGODB_DB": f"soak_{uuid.uuid4().hex[:8]}",
        "WIDGET_SECRET": WIDGET_SECRET,
        "SECRET_KEY": SECRET_KEY,
        "RATE_SEND_PER_IP": "1000000",
        "RATE_SEND_PER_USER": "1000000",
    }
    report = asyncio.run(soak(env, args.seconds, args.users))
    print(report.summary())
    for problem in report.problems:
        print(f"  {problem}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())

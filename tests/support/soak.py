"""A bounded soak: users and staff chatting across two API processes whose clocks disagree
(one runs SKEW_SECONDS behind under libfaketime), with reconnects, a Redis restart and an API
process killed and started again; at the end every stored message reached each rightful
subscriber exactly once, in seq order, and history follows the order sends were accepted in.

    python -m tests.support.soak --seconds 180      (make soak)

tests/test_soak.py runs a short form in `make test`.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import random
import sys
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
import websockets

from devtools.services import RedisServer, skewed_clock_env
from tests.conftest import LOGIN, SECRET_KEY, STAFF_PASSWORD, WIDGET_SECRET, create_staff, make_user
from tests.support import operations as ops
from tests.support.graphql import Subscription, socket
from tests.support.servers import ApiServer


@dataclass
class Report:
    messages: int = 0
    reconnects: int = 0
    redis_restarts: int = 0
    process_kills: int = 0
    losses: int = 0
    duplicates: int = 0
    order_violations: int = 0
    count_mismatches: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        faults = (
            self.losses
            or self.duplicates
            or self.order_violations
            or self.count_mismatches
            or self.problems
        )
        return self.messages > 0 and not faults

    def summary(self) -> str:
        return (
            f"soak: {self.messages} messages, {self.reconnects} reconnects, "
            f"{self.redis_restarts} Redis restart(s), {self.process_kills} process kill(s), "
            f"losses {self.losses}, duplicates {self.duplicates}, "
            f"order violations {self.order_violations}, count mismatches {self.count_mismatches}"
        )


class Listener:
    """One party's view of one chat: every messageAdded it received, over any connection,
    resuming with `afterSeq` of the newest one it had whenever its connection ends."""

    def __init__(self, name: str, token: str, chat_id: str | None, report: Report) -> None:
        self.name, self.token, self.chat_id, self.report = name, token, chat_id, report
        self.received: Counter[str] = Counter()
        self.newest_seq: int | None = None
        self._task: asyncio.Task[None] | None = None

    def start(self, servers: list[ApiServer], rng: random.Random) -> None:
        self._task = asyncio.create_task(self._listen(servers, rng))

    async def stop(self) -> BaseException | None:
        """Stop listening; what made it stop early, if anything did."""
        if self._task is None:
            return None
        failure = self._task.exception() if self._task.done() else None
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        return failure

    async def _listen(self, servers: list[ApiServer], rng: random.Random) -> None:
        while True:
            server = rng.choice(servers)
            variables: dict[str, Any] = {"chatId": self.chat_id, "afterSeq": self.newest_seq}
            try:
                async with socket(server.ws_url, self.token) as connection:
                    subscription = await connection.subscribe(ops.MESSAGE_ADDED, variables)
                    await self._consume(subscription)
            except (OSError, TimeoutError, websockets.ConnectionClosed, ConnectionDropped):
                self.report.reconnects += 1  # its process was killed: resume on another
                await asyncio.sleep(0.2)

    async def _consume(self, subscription: Subscription) -> None:
        previous = self.newest_seq
        while True:
            frame = await _next_frame(subscription)
            if frame["type"] != "next":
                raise RuntimeError(f"{self.name}: {json.dumps(frame)[:300]}")
            message = frame["payload"]["data"]["messageAdded"]
            self.received[message["id"]] += 1
            if previous is not None and message["seq"] <= previous:
                self.report.order_violations += 1
                self.report.problems.append(f"{self.name}: seq {message['seq']} after {previous}")
            previous = message["seq"]
            self.newest_seq = max(self.newest_seq or 0, message["seq"])


class ConnectionDropped(Exception):
    """The subscription ended without an error: its socket closed."""


async def _next_frame(subscription: Subscription) -> dict[str, Any]:
    if subscription.queue.empty() and subscription.socket.reading.done():
        raise ConnectionDropped
    getter = asyncio.ensure_future(subscription.queue.get())
    try:
        await asyncio.wait(
            {getter, subscription.socket.reading}, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        pending = not getter.done()
        if pending:
            getter.cancel()
    if pending:
        raise ConnectionDropped
    frame: dict[str, Any] = getter.result()
    if frame["type"] == "complete":
        raise ConnectionDropped
    return frame


SKEW_SECONDS = -4


async def soak(env: dict[str, str], seconds: float, users: int = 6, seed: int = 7) -> Report:
    rng = random.Random(seed)
    report = Report()
    redis = RedisServer()
    redis.start()
    shared = {**env, "REDIS_URL": redis.url, "RATE_SEND_PER_USER": "1000000"}
    servers = [
        ApiServer(shared, name="api-soak-0").start(),
        ApiServer(skewed_clock_env(shared, SKEW_SECONDS), name="api-soak-skewed").start(),
    ]
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

        # From the process behind: its token's `iat` is not in the future for the other.
        login = await call(servers[1], None, LOGIN, e=staff_email, p=STAFF_PASSWORD)
        staff_token = login["login"]["token"]
        people = [make_user(f"soak{n}") for n in range(user_count)]
        chats = [(await call(servers[0], p.token, ops.MY_CHAT))["chat"]["id"] for p in people]
        listeners = [Listener(f"user{n}", p.token, None, report) for n, p in enumerate(people)]
        listeners += [Listener(f"staff:{chat}", staff_token, chat, report) for chat in chats]
        for listener in listeners:
            listener.start(servers, rng)
        await asyncio.sleep(1)  # every listener subscribed

        acknowledged: Counter[str] = Counter()  # message id -> acknowledgements (retries give 1 id)
        accepted: dict[str, list[tuple[int, str]]] = {chat: [] for chat in chats}  # in ack order
        loop = asyncio.get_running_loop()
        deadline = loop.time() + seconds
        restart_at = loop.time() + seconds / 2
        kill_at = loop.time() + seconds * 3 / 4
        killed: ApiServer | None = None
        restarting: asyncio.Task[object] | None = None
        while loop.time() < deadline:
            action = rng.random()
            n = rng.randrange(user_count)
            server = rng.choice([s for s in servers if s is not killed])
            if action < 0.45:
                client_id = str(uuid.uuid4())
                for _ in range(rng.choice([1, 1, 2])):  # sometimes a retry of the same send
                    sent = await call(
                        server, people[n].token, ops.SEND, content="hi", clientId=client_id
                    )
                acknowledged[sent["sendMessage"]["id"]] += 1
                accepted[chats[n]].append((sent["sendMessage"]["seq"], sent["sendMessage"]["id"]))
            elif action < 0.75:
                sent = await call(server, staff_token, ops.SEND, content="hello", chatId=chats[n])
                acknowledged[sent["sendMessage"]["id"]] += 1
                accepted[chats[n]].append((sent["sendMessage"]["seq"], sent["sendMessage"]["id"]))
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
                listener.start(servers, rng)
                report.reconnects += 1
            if loop.time() > restart_at and not report.redis_restarts:
                redis.stop()
                await asyncio.sleep(0.5)
                redis.start()
                report.redis_restarts += 1
            if loop.time() > kill_at and not report.process_kills:
                killed = rng.choice(servers)
                killed.kill()  # its sockets drop; their listeners resume on the other process
                report.process_kills += 1
            elif killed is not None and restarting is None and loop.time() > kill_at + 2:
                restarting = asyncio.create_task(asyncio.to_thread(killed.start))
            elif restarting is not None and restarting.done():
                await restarting
                killed, restarting = None, None
            await asyncio.sleep(rng.uniform(0, 0.02))

        if restarting is not None:
            await restarting
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
        for chat_id, in_ack_order in accepted.items():
            seqs = [seq for seq, _ in dict.fromkeys(in_ack_order)]  # a retry acks one id twice
            report.order_violations += sum(b <= a for a, b in itertools.pairwise(seqs))
            if [message for _, message in sorted(set(in_ack_order))] != stored[chat_id]:
                report.order_violations += 1
                report.problems.append(f"history of {chat_id} differs from the acceptance order")
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

"""Parts fail, real processes: nothing lost, nothing twice, and service comes back by itself."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from devtools.services import FerretDB, RedisServer
from tests.conftest import EndUser
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


def send(server: ApiServer, token: str, content: str, **variables: Any) -> dict[str, Any]:
    sent: dict[str, Any] = Http(server.url, token).execute(
        ops.SEND, {"content": content, **variables}
    )["sendMessage"]
    return sent


async def test_a_redis_restart_loses_no_message_for_live_subscribers(
    env: dict[str, str], own_redis: RedisServer, user: EndUser, staff_token: str
) -> None:
    server = ApiServer({**env, "REDIS_URL": own_redis.url}, name="api-redis-restart").start()
    try:
        chat_id = Http(server.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
        async with (
            socket(server.ws_url, user.token) as widget,
            socket(server.ws_url, staff_token) as dashboard,
        ):
            live = await widget.subscribe(ops.MESSAGE_ADDED)
            inbox = await dashboard.subscribe(ops.NEW_USER_MESSAGE)
            await subscribed(own_redis.url, f"support_chat:{chat_id}")
            await subscribed(own_redis.url, "admin_support_notifications")
            before = send(server, staff_token, "before the restart", chatId=chat_id)
            assert (await live.next())["messageAdded"] == before

            own_redis.stop()
            during = send(server, staff_token, "while Redis is down", chatId=chat_id)
            question = send(server, user.token, "a question while Redis is down")
            own_redis.start()

            # The hub reconnects, resubscribes and catches up from MongoDB.
            assert (await live.next(within=15))["messageAdded"] == during
            assert (await live.next())["messageAdded"] == question
            notification = (await inbox.next(within=15))["newUserMessage"]
            assert notification["message"] == question
            assert notification["userEmail"] == user.email
            await inbox.nothing_more()
            await subscribed(own_redis.url, f"support_chat:{chat_id}")
            after = send(server, staff_token, "after the restart", chatId=chat_id)
            assert (await live.next())["messageAdded"] == after
            await live.nothing_more()
    finally:
        server.stop()


async def test_after_a_redis_restart_chat_updates_and_read_receipts_are_sent_again(
    env: dict[str, str], own_redis: RedisServer, user: EndUser, staff_token: str
) -> None:
    server = ApiServer({**env, "REDIS_URL": own_redis.url}, name="api-redis-state").start()
    try:
        chat_id = Http(server.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
        reply = send(server, staff_token, "please read me", chatId=chat_id)
        async with socket(server.ws_url, staff_token) as dashboard:
            chats = await dashboard.subscribe(ops.CHAT_UPDATED)
            receipts = await dashboard.subscribe(ops.MESSAGES_READ, {"chatId": chat_id})
            await subscribed(own_redis.url, "admin_chat_updates")
            await subscribed(own_redis.url, f"support_chat:{chat_id}")

            own_redis.stop()  # what happens now is announced to nobody
            send(server, user.token, "changed while Redis is down")
            Http(server.url, user.token).execute(ops.MARK_READ)
            own_redis.start()

            resent: list[dict[str, Any]] = []
            while not any(c["id"] == chat_id and c["messageCount"] == 2 for c in resent):
                resent.append((await chats.next(within=15))["chatUpdated"])
            read = (await receipts.next(within=15))["messagesRead"]
            assert [(m["id"], m["readAt"] is not None) for m in read] == [(reply["id"], True)]
    finally:
        server.stop()


async def test_clients_of_a_killed_process_catch_up_on_another(
    env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    doomed = ApiServer(env, name="api-doomed").start()
    survivor = ApiServer(env, name="api-survivor").start()
    try:
        chat_id = Http(survivor.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
        received: list[dict[str, Any]] = []
        async with socket(doomed.ws_url, user.token) as widget:
            live = await widget.subscribe(ops.MESSAGE_ADDED)
            await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
            received.append(await _sent_and_received(survivor, staff_token, chat_id, live))
            doomed.kill()

        missed = [send(survivor, staff_token, f"missed {n}", chatId=chat_id) for n in range(3)]
        async with socket(survivor.ws_url, user.token) as widget:
            catch_up = await widget.subscribe(ops.MESSAGE_ADDED, {"after": received[-1]["id"]})
            replayed = [(await catch_up.next())["messageAdded"] for _ in missed]
            await catch_up.nothing_more()

        assert replayed == missed
    finally:
        survivor.stop()
        doomed.stop()


async def _sent_and_received(
    server: ApiServer, token: str, chat_id: str, live: Any
) -> dict[str, Any]:
    sent = send(server, token, "before the crash", chatId=chat_id)
    received: dict[str, Any] = (await live.next())["messageAdded"]
    assert received == sent
    return received


def test_an_unreachable_database_answers_unavailable_and_recovers(
    env: dict[str, str], tmp_path: Path, user: EndUser
) -> None:
    database = FerretDB(tmp_path / "db")
    database.start()
    server = ApiServer(
        {**env, "MONGODB_URL": database.url, "MONGODB_TIMEOUT_MS": "1000"}, name="api-db-outage"
    ).start()
    http = Http(server.url, user.token)
    try:
        stored = send(server, user.token, "stored while the database is up")

        database.stop()
        health = httpx.get(f"{server.url}/healthz", timeout=10)
        refused = http.post(ops.SEND, {"content": "sent while the database is down"}).json()

        assert health.status_code == 503
        assert health.json()["mongodb"].startswith("unavailable")
        assert refused["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
        assert "Traceback" not in str(refused)

        database.start()  # same port, same files
        assert httpx.get(f"{server.url}/healthz", timeout=10).status_code == 200
        nodes = http.execute(ops.MY_CHAT)["chat"]["messages"]["nodes"]
        assert [node["id"] for node in nodes] == [stored["id"]]
        assert http.execute(ops.MY_CHAT)["chat"]["messageCount"] == 1
    finally:
        server.stop()
        database.stop()

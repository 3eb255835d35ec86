"""Order and resume by seq: two API processes with clocks seconds apart, gaps filled from
MongoDB, messages stored but never announced, numbers skipped, newUserMessage cursors."""

from __future__ import annotations

import asyncio
import base64
import time
import uuid
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import httpx
import pytest
import redis

from api.live.events import MessageAdded, chat_channel, encode
from devtools.services import skewed_clock_env
from documents import Message
from tests.conftest import LOGIN, STAFF_PASSWORD, EndUser
from tests.support import operations as ops
from tests.support.graphql import Http, Subscription, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

SKEW_SECONDS = -5


@pytest.fixture(scope="module")
def skewed_api(env: dict[str, str]) -> Iterator[ApiServer]:
    """An API process whose clock is SKEW_SECONDS behind the others'."""
    server = ApiServer(skewed_clock_env(env, SKEW_SECONDS), name="api-skewed").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def dropping_api(env: dict[str, str]) -> Iterator[ApiServer]:
    """Stores messages and never announces them, as if it died between the two."""
    server = ApiServer({**env, "DEV_DROP_MESSAGE_EVENTS": "1"}, name="api-dropping").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def unwatched_api(env: dict[str, str]) -> Iterator[ApiServer]:
    """Checks for unannounced messages only every minute: what it delivers sooner, the
    stream itself found."""
    server = ApiServer({**env, "LIVE_CHECK_SECONDS": "60"}, name="api-unwatched").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def skewed_staff_token(skewed_api: ApiServer, staff_email: str) -> str:
    """Issued by the process behind, so that every process takes it (`iat` is not ahead)."""
    data = Http(skewed_api.url).execute(LOGIN, {"e": staff_email, "p": STAFF_PASSWORD})
    token: str = data["login"]["token"]
    return token


def history(server: ApiServer, token: str, chat_id: str, **bounds: Any) -> list[dict[str, Any]]:
    variables = {"id": chat_id, "last": 200, **bounds}
    nodes: list[dict[str, Any]] = Http(server.url, token).execute(ops.MESSAGES, variables)["chat"][
        "messages"
    ]["nodes"]
    return nodes


async def received(subscription: Subscription, count: int, within: float = 5) -> list[str]:
    return [(await subscription.next(within))["messageAdded"]["id"] for _ in range(count)]


async def test_history_and_live_follow_acceptance_order_across_skewed_clocks(
    api: ApiServer,
    skewed_api: ApiServer,
    env: dict[str, str],
    user: EndUser,
    skewed_staff_token: str,
) -> None:
    chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
    async with (
        socket(api.ws_url, user.token) as widget,
        socket(skewed_api.ws_url, skewed_staff_token) as dashboard,
    ):
        on_true_clock = await widget.subscribe(ops.MESSAGE_ADDED)
        on_skewed_clock = await dashboard.subscribe(ops.MESSAGE_ADDED, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], chat_channel(uuid.UUID(chat_id)), count=2)

        accepted = []
        for n in range(10):  # one after the other: acceptance order is this order
            server, token = (api, user.token) if n % 2 else (skewed_api, skewed_staff_token)
            sent = Http(server.url, token).execute(
                ops.SEND, {"content": f"m{n}", "chatId": chat_id}
            )
            accepted.append(sent["sendMessage"])
        ids = [message["id"] for message in accepted]

        assert await received(on_true_clock, 10) == ids
        assert await received(on_skewed_clock, 10) == ids
        await on_true_clock.nothing_more()

    seqs = [message["seq"] for message in accepted]
    assert seqs == sorted(seqs)
    assert len(set(seqs)) == 10
    created = [message["createdAt"] for message in accepted]
    assert created != sorted(created), "the clocks were not apart: this test proves nothing"
    for server in (api, skewed_api):
        assert [m["id"] for m in history(server, skewed_staff_token, chat_id)] == ids
        assert [m["id"] for m in history(server, user.token, chat_id, after=ids[3])] == ids[4:]
        assert [m["id"] for m in history(server, user.token, chat_id, before=ids[5])] == ids[:5]
        chat = Http(server.url, skewed_staff_token).execute(ops.CHAT, {"id": chat_id})["chat"]
        assert chat["lastSeq"] == seqs[-1]
        assert chat["lastMessagePreview"] == "m9"

    # Resuming after any message, by id or by seq, on either process misses nothing.
    for server in (api, skewed_api):
        async with socket(server.ws_url, user.token) as widget:
            by_id = await widget.subscribe(ops.MESSAGE_ADDED, {"after": ids[2]})
            by_seq = await widget.subscribe(ops.MESSAGE_ADDED, {"afterSeq": seqs[6]})
            assert await received(by_id, 7) == ids[3:]
            assert await received(by_seq, 3) == ids[7:]
            await by_id.nothing_more()
            await by_seq.nothing_more()


async def test_seq_strictly_increases_under_concurrent_sends_through_two_processes(
    api: ApiServer, skewed_api: ApiServer, user: EndUser, skewed_staff_token: str
) -> None:
    chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]

    async def send(client: httpx.AsyncClient, n: int) -> dict[str, Any]:
        server, token = (api, user.token) if n % 2 else (skewed_api, skewed_staff_token)
        body = {"query": ops.SEND, "variables": {"content": f"c{n}", "chatId": chat_id}}
        response = await client.post(
            f"{server.url}/graphql", json=body, headers={"Authorization": f"Bearer {token}"}
        )
        sent: dict[str, Any] = response.json()["data"]["sendMessage"]
        return sent

    async with httpx.AsyncClient(timeout=30) as client:
        sent = await asyncio.gather(*(send(client, n) for n in range(40)))

    seqs = sorted(message["seq"] for message in sent)
    assert len(set(seqs)) == 40
    stored = history(api, skewed_staff_token, chat_id)
    assert [m["seq"] for m in stored] == seqs
    assert {m["id"] for m in stored} == {m["id"] for m in sent}


async def test_a_seq_seen_before_the_one_before_it_brings_that_one_from_storage_first(
    api: ApiServer,
    unwatched_api: ApiServer,
    dropping_api: ApiServer,
    env: dict[str, str],
    user: EndUser,
    beanie_ready: None,
) -> None:
    chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
    async with socket(unwatched_api.ws_url, user.token) as widget:
        live = await widget.subscribe(ops.MESSAGE_ADDED)
        await subscribed(env["REDIS_URL"], chat_channel(uuid.UUID(chat_id)))
        first = Http(api.url, user.token).execute(ops.SEND, {"content": "n"})["sendMessage"]
        assert await received(live, 1) == [first["id"]]
        # N+1 and N+2 stored, neither announced; then only N+2's event arrives.
        missed = Http(dropping_api.url, user.token).execute(ops.SEND, {"content": "n+1"})
        later = Http(dropping_api.url, user.token).execute(ops.SEND, {"content": "n+2"})
        stored = await Message.get(uuid.UUID(later["sendMessage"]["id"]))
        assert stored is not None
        publisher = redis.Redis.from_url(env["REDIS_URL"])
        publisher.publish(chat_channel(uuid.UUID(chat_id)), encode(MessageAdded(stored)))
        publisher.publish(chat_channel(uuid.UUID(chat_id)), encode(MessageAdded(stored)))
        publisher.close()

        expected = [missed["sendMessage"]["id"], later["sendMessage"]["id"]]
        assert await received(live, 2, within=2) == expected  # long before the minute's check
        await live.nothing_more()  # the repeated event is dropped by seq


async def test_a_skipped_seq_does_not_hold_back_the_next_message(
    api: ApiServer, unwatched_api: ApiServer, env: dict[str, str], user: EndUser, db: Any
) -> None:
    chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
    async with socket(unwatched_api.ws_url, user.token) as widget:
        live = await widget.subscribe(ops.MESSAGE_ADDED)
        await subscribed(env["REDIS_URL"], chat_channel(uuid.UUID(chat_id)))
        # A sender took a number and died before storing its message.
        db.chats.update_one({"_id": uuid.UUID(chat_id)}, {"$inc": {"last_seq": 1}})
        sent = Http(api.url, user.token).execute(ops.SEND, {"content": "after the hole"})

        started = time.monotonic()
        assert await received(live, 1, within=5) == [sent["sendMessage"]["id"]]
        print(f"\ndelivered past a skipped seq in {time.monotonic() - started:.1f} s")


async def test_a_message_stored_but_never_announced_arrives_live_within_5_s(
    api: ApiServer,
    dropping_api: ApiServer,
    env: dict[str, str],
    user: EndUser,
    staff_token: str,
) -> None:
    chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
    async with (
        socket(api.ws_url, user.token) as widget,
        socket(api.ws_url, staff_token) as dashboard,
    ):
        to_user = await widget.subscribe(ops.MESSAGE_ADDED)
        to_staff = await dashboard.subscribe(ops.MESSAGE_ADDED, {"chatId": chat_id})
        inbox = await dashboard.subscribe(ops.NEW_USER_MESSAGE)
        await subscribed(env["REDIS_URL"], chat_channel(uuid.UUID(chat_id)))
        await subscribed(env["REDIS_URL"], "admin_support_notifications")

        started = time.monotonic()
        sent = Http(dropping_api.url, user.token).execute(ops.SEND, {"content": "lost?"})
        message_id = sent["sendMessage"]["id"]

        assert await received(to_user, 1, within=5) == [message_id]
        assert await received(to_staff, 1, within=5) == [message_id]
        assert (await inbox.next(within=5))["newUserMessage"]["message"]["id"] == message_id
        assert time.monotonic() - started < 5
        await to_user.nothing_more()


async def test_new_user_message_resumes_from_a_cursor_after_a_redis_flush(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    async with socket(api.ws_url, staff_token) as dashboard:
        inbox = await dashboard.subscribe(ops.NEW_USER_MESSAGE)
        await subscribed(env["REDIS_URL"], "admin_support_notifications")
        Http(api.url, user.token).execute(ops.SEND, {"content": "before"})
        cursor = (await inbox.next())["newUserMessage"]["cursor"]

    missed = [
        Http(api.url, user.token).execute(ops.SEND, {"content": f"missed {n}"})["sendMessage"]
        for n in range(3)
    ]
    flusher = redis.Redis.from_url(env["REDIS_URL"])
    flusher.flushall()
    flusher.close()

    async with socket(api.ws_url, staff_token) as dashboard:
        inbox = await dashboard.subscribe(ops.NEW_USER_MESSAGE, {"after": cursor})
        events = [(await inbox.next())["newUserMessage"] for _ in missed]
        assert [event["message"]["id"] for event in events] == [m["id"] for m in missed]
        assert {event["userEmail"] for event in events} == {user.email}
        await subscribed(env["REDIS_URL"], "admin_support_notifications")
        live = Http(api.url, user.token).execute(ops.SEND, {"content": "live"})["sendMessage"]
        assert (await inbox.next())["newUserMessage"]["message"]["id"] == live["id"]
        await inbox.nothing_more()

        # The last cursor resumes after the last event, and only after it.
        resumed = await dashboard.subscribe(ops.NEW_USER_MESSAGE, {"after": events[-1]["cursor"]})
        assert (await resumed.next())["newUserMessage"]["message"]["id"] == live["id"]
        await resumed.nothing_more()


def _cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    "cursor",
    ["garbage", _cursor("feed:-1"), _cursor("feed:x"), _cursor("chat:1"), _cursor("feed:99999999")],
)
async def test_a_malformed_or_unknown_cursor_is_bad_user_input(
    api: ApiServer, staff_token: str, cursor: str
) -> None:
    async with socket(api.ws_url, staff_token) as dashboard:
        frame = await (await dashboard.subscribe(ops.NEW_USER_MESSAGE, {"after": cursor})).frame()

    errors = frame["payload"] if frame["type"] == "error" else frame["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", frame
    assert "after" in errors[0]["message"]


async def test_a_cursor_older_than_the_retention_is_bad_user_input(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str, db: Any
) -> None:
    async with socket(api.ws_url, staff_token) as dashboard:
        inbox = await dashboard.subscribe(ops.NEW_USER_MESSAGE)
        await subscribed(env["REDIS_URL"], "admin_support_notifications")
        sent = Http(api.url, user.token).execute(ops.SEND, {"content": "old"})["sendMessage"]
        cursor = (await inbox.next())["newUserMessage"]["cursor"]
        eight_days_ago = db.messages.find_one({"_id": uuid.UUID(sent["id"])})["created_at"] - (
            timedelta(days=8)
        )
        db.messages.update_one(
            {"_id": uuid.UUID(sent["id"])}, {"$set": {"created_at": eight_days_ago}}
        )

        frame = await (await dashboard.subscribe(ops.NEW_USER_MESSAGE, {"after": cursor})).frame()

    errors = frame["payload"] if frame["type"] == "error" else frame["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", frame
    assert "7-day retention" in errors[0]["message"]


@pytest.mark.parametrize(
    "variables", [{"afterSeq": -1}, {"afterSeq": 10**6}, {"afterSeq": 0, "after": "x"}]
)
async def test_an_impossible_after_seq_is_bad_user_input(
    api: ApiServer, user: EndUser, variables: dict[str, Any]
) -> None:
    async with socket(api.ws_url, user.token) as widget:
        frame = await (await widget.subscribe(ops.MESSAGE_ADDED, variables)).frame()

    errors = frame["payload"] if frame["type"] == "error" else frame["payload"]["errors"]
    assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", frame
    assert errors[0]["extensions"]["field"] == "afterSeq"

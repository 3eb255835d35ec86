"""Resuming `messageAdded(afterSeq:)`: a widget that missed nothing costs MongoDB nothing;
one that missed something, or that Redis cannot vouch for, reads it from storage."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from redis.asyncio import Redis

from tests.conftest import EndUser
from tests.support import operations as ops
from tests.support.commands import sent_by
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

SETTLE_S = 0.3  # for a command to reach the log


def send(api: ApiServer, token: str, content: str, **variables: Any) -> dict[str, Any]:
    sent: dict[str, Any] = Http(api.url, token).execute(
        ops.SEND, {"content": content, **variables}
    )["sendMessage"]
    return sent


async def set_position(env: dict[str, str], chat_id: str, seq: int | None) -> None:
    """What Redis says was announced on the chat's channel (None: it forgot)."""
    redis = Redis.from_url(env["REDIS_URL"])
    key = f"position:support_chat:{chat_id}"
    await (redis.delete(key) if seq is None else redis.set(key, seq))
    await redis.aclose()


async def test_a_widget_that_missed_nothing_resumes_without_a_mongodb_round_trip(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    newest = send(api, user.token, "before the deploy")  # the user and the chat are known now
    chat_id = newest["chatId"]
    await asyncio.sleep(SETTLE_S)
    before = sent_by(env["MONGODB_COMMAND_LOG_DIR"], api.pid)

    async with socket(api.ws_url, user.token) as widget:
        resumed = await widget.subscribe(ops.MESSAGE_ADDED, {"afterSeq": newest["seq"]})
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
        await resumed.nothing_more()
        assert sent_by(env["MONGODB_COMMAND_LOG_DIR"], api.pid) == before

        reply = send(api, staff_token, "after the deploy", chatId=chat_id)
        assert (await resumed.next())["messageAdded"] == reply
        await resumed.nothing_more()


async def test_a_widget_behind_the_position_gets_what_it_missed_once(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    seen = send(api, user.token, "seen")
    missed = [send(api, staff_token, f"missed {n}", chatId=seen["chatId"]) for n in range(3)]

    async with socket(api.ws_url, user.token) as widget:
        resumed = await widget.subscribe(ops.MESSAGE_ADDED, {"afterSeq": seen["seq"]})
        assert [(await resumed.next())["messageAdded"] for _ in missed] == missed
        await resumed.nothing_more()


@pytest.mark.parametrize("position", [None, 1], ids=["forgotten", "behind storage"])
async def test_where_redis_cannot_vouch_storage_decides(
    api: ApiServer, env: dict[str, str], user: EndUser, position: int | None
) -> None:
    sent = [send(api, user.token, f"message {n}") for n in range(3)]
    chat_id, last = sent[0]["chatId"], sent[-1]["seq"]
    # Redis lost the position, or lags behind a message stored but not yet announced.
    await set_position(env, chat_id, position)

    async with socket(api.ws_url, user.token) as widget:
        up_to_date = await widget.subscribe(ops.MESSAGE_ADDED, {"afterSeq": last})
        one_behind = await widget.subscribe(ops.MESSAGE_ADDED, {"afterSeq": last - 1})
        beyond = await widget.subscribe(ops.MESSAGE_ADDED, {"afterSeq": last + 1})

        assert (await one_behind.next())["messageAdded"] == sent[-1]
        frame = await beyond.frame()
        errors = frame["payload"] if frame["type"] == "error" else frame["payload"]["errors"]
        assert errors[0]["extensions"]["code"] == "BAD_USER_INPUT", frame
        await up_to_date.nothing_more()
        await one_behind.nothing_more()

"""One client cannot flood every dashboard: markRead is throttled per caller and chat, and
chatUpdated events of one chat are coalesced (the latest state always goes out)."""

from __future__ import annotations

import asyncio
from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.conftest import EndUser
from tests.support import operations as ops
from tests.support.graphql import Http, Subscription, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

CHAT_UPDATES = "admin_chat_updates"


async def _updates_of(chat_id: str, updates: Subscription, quiet: float = 0.6) -> list[Any]:
    """The chatUpdated events of this chat until none came for `quiet` seconds."""
    seen: list[Any] = []
    while True:
        try:
            data = await updates.next(within=quiet)
        except TimeoutError:
            return seen
        if data["chatUpdated"]["id"] == chat_id:
            seen.append(data["chatUpdated"])


async def test_mark_read_with_nothing_new_takes_effect_once_a_second(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str, db: Any
) -> None:
    owner, staff = Http(api.url, user.token), Http(api.url, staff_token)
    owner.execute(ops.SEND, {"content": "hello"})
    chat_id = owner.execute(ops.MY_CHAT)["chat"]["id"]
    async with socket(api.ws_url, staff_token) as client:
        updates = await client.subscribe(ops.CHAT_UPDATED)
        await subscribed(env["REDIS_URL"], CHAT_UPDATES)
        assert staff.execute(ops.MARK_READ, {"chatId": chat_id})["markRead"]["unread"] is False
        await _updates_of(chat_id, updates)
        viewed_at = db.chats.find_one({"_id": UUID(chat_id)})["admin_viewed_at"]

        for _ in range(5):  # nothing new: the first counts, the rest change and announce nothing
            staff.execute(ops.MARK_READ, {"chatId": chat_id})
        announced = await _updates_of(chat_id, updates)
        stored = db.chats.find_one({"_id": UUID(chat_id)})["admin_viewed_at"]

        owner.execute(ops.SEND, {"content": "news"})  # something new: never throttled
        read_at_once = staff.execute(ops.MARK_READ, {"chatId": chat_id})["markRead"]

    assert len(announced) == 1
    assert stored > viewed_at
    assert read_at_once["unread"] is False


async def test_chat_updates_of_one_chat_are_coalesced_and_the_last_state_goes_out(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    owner, staff = Http(api.url, user.token), Http(api.url, staff_token)
    owner.execute(ops.SEND, {"content": "hello"})
    chat_id = owner.execute(ops.MY_CHAT)["chat"]["id"]
    async with socket(api.ws_url, staff_token) as client:
        updates = await client.subscribe(ops.CHAT_UPDATED)
        await subscribed(env["REDIS_URL"], CHAT_UPDATES)
        await _updates_of(chat_id, updates)

        toggles = 10
        async with httpx.AsyncClient(headers={"Authorization": f"Bearer {staff_token}"}) as http:
            await asyncio.gather(
                *(
                    http.post(f"{api.url}/graphql", json={"query": query, "variables": variables})
                    for query in [ops.ARCHIVE, ops.UNARCHIVE] * (toggles // 2)
                    for variables in [{"chatId": chat_id}]
                )
            )
        announced = await _updates_of(chat_id, updates)
    final = staff.execute(ops.CHAT, {"id": chat_id})["chat"]

    print(f"\n{toggles} changes of one chat at once: {len(announced)} chatUpdated events")
    assert 1 <= len(announced) <= 3
    assert announced[-1]["archived"] is final["archived"]  # the last state always goes out

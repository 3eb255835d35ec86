"""Subscribers share an event's execution only when their results would be the same."""

from __future__ import annotations

import asyncio

import pytest

from api.schema.shared_events import one_payload
from tests.api.test_attachments import MESSAGE_ADDED, chat_id_of, sent
from tests.conftest import EndUser
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer
from tests.support.uploads import image_bytes, uploaded

pytestmark = pytest.mark.anyio


def test_the_same_sources_give_the_same_payload_and_others_their_own() -> None:
    built: list[tuple[object, ...]] = []

    def build(*sources: object) -> list[object]:
        built.append(sources)
        return [*sources]

    first, second = object(), object()
    shared = one_payload(build, first, "a")
    assert one_payload(build, first, "a") is shared
    assert one_payload(build, second, "a") is not shared
    assert one_payload(build, first, "b") is not shared
    assert built == [(first, "a"), (second, "a"), (first, "b")]


async def test_each_subscriber_gets_links_to_the_address_it_reached(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    """Same document, variables and role, but two addresses: two executions."""
    Http(api.url, user.token).execute(ops.SEND, {"content": "hello"})
    chat_id = chat_id_of(api, user)
    picture = uploaded(api.url, user.token, "p.png", image_bytes("PNG", (32, 32)))
    by_name = api.ws_url.replace("127.0.0.1", "localhost")

    async with socket(api.ws_url, staff_token) as by_ip, socket(by_name, staff_token) as named:
        first = await by_ip.subscribe(MESSAGE_ADDED, {"chatId": chat_id})
        second = await named.subscribe(MESSAGE_ADDED, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
        await asyncio.sleep(0.5)  # both in one process: the second may still be reading its start
        message = sent(user.token, api, [picture["id"]])
        received = [(await live.next())["messageAdded"] for live in (first, second)]

    assert [item["id"] for item in received] == [message["id"]] * 2
    [via_ip], [via_name] = (item["attachments"] for item in received)
    assert via_ip["url"].startswith("http://127.0.0.1:")
    assert via_name["url"].startswith("http://localhost:")

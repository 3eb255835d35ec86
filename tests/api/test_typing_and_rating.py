"""Issue 17's API: typing both ways (throttled, never stored), and the user's rating."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import EndUser
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio


@pytest.fixture(scope="module")
def second_api(env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer(env, name="api-typing").start()
    yield server
    server.stop()


def my_chat_id(api: ApiServer, user: EndUser) -> str:
    chat_id: str = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
    return chat_id


def set_typing(api: ApiServer, token: str, chat_id: str | None, typing: bool) -> None:
    done = Http(api.url, token).execute(ops.SET_TYPING, {"chatId": chat_id, "typing": typing})
    assert done == {"setTyping": True}


# Typing ----------------------------------------------------------------------------------


async def test_each_side_sees_the_other_typing_across_processes(
    api: ApiServer, second_api: ApiServer, env: dict[str, str], staff_token: str, user: EndUser
) -> None:
    chat_id = my_chat_id(api, user)
    async with (
        socket(second_api.ws_url, user.token) as widget,
        socket(api.ws_url, staff_token) as dashboard,
    ):
        user_sees = await widget.subscribe(ops.TYPING)
        staff_sees = await dashboard.subscribe(ops.TYPING, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"support_chat_typing:{chat_id}", count=2)

        set_typing(api, staff_token, chat_id, True)
        assert (await user_sees.next())["typing"] == {
            "chatId": chat_id, "senderType": "ADMIN", "name": "Sam Staff", "typing": True,
        }  # fmt: skip
        set_typing(second_api, user.token, None, True)
        assert (await staff_sees.next())["typing"] == {
            "chatId": chat_id, "senderType": "USER", "name": "Ann", "typing": True,
        }  # fmt: skip
        set_typing(api, user.token, chat_id, False)
        assert (await staff_sees.next())["typing"]["typing"] is False

        # Nobody hears their own side.
        await user_sees.nothing_more()
        await staff_sees.nothing_more(0)


async def test_the_same_value_is_announced_at_most_once_per_throttle_window(
    api: ApiServer, env: dict[str, str], staff_token: str, user: EndUser
) -> None:
    chat_id = my_chat_id(api, user)
    async with socket(api.ws_url, staff_token) as dashboard:
        heard = await dashboard.subscribe(ops.TYPING, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"support_chat_typing:{chat_id}")

        for _ in range(5):
            set_typing(api, user.token, None, True)
        assert (await heard.next())["typing"]["typing"] is True
        await heard.nothing_more(0.3)

        set_typing(api, user.token, None, False)  # a change always goes out at once
        assert (await heard.next())["typing"]["typing"] is False
        set_typing(api, user.token, None, True)
        assert (await heard.next())["typing"]["typing"] is True

        await asyncio.sleep(2.1)  # the window has passed: the same value goes out again
        set_typing(api, user.token, None, True)
        assert (await heard.next())["typing"]["typing"] is True


async def test_a_sent_message_ends_its_senders_typing(
    api: ApiServer, env: dict[str, str], staff_token: str, user: EndUser
) -> None:
    chat_id = my_chat_id(api, user)
    async with socket(api.ws_url, staff_token) as dashboard:
        messages = await dashboard.subscribe(ops.MESSAGE_ADDED, {"chatId": chat_id})
        heard = await dashboard.subscribe(ops.TYPING, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
        await subscribed(env["REDIS_URL"], f"support_chat_typing:{chat_id}")
        set_typing(api, user.token, None, True)
        assert (await heard.next())["typing"]["typing"] is True

        Http(api.url, user.token).execute(ops.SEND, {"content": "done typing"})

        assert (await messages.next())["messageAdded"]["content"] == "done typing"
        assert (await heard.next())["typing"] == {
            "chatId": chat_id, "senderType": "USER", "name": "Ann", "typing": False,
        }  # fmt: skip
        await heard.nothing_more()


async def test_staff_without_a_chat_id_see_users_typing_in_every_chat(
    api: ApiServer,
    env: dict[str, str],
    staff_token: str,
    integration_key: str,
    user: EndUser,
    other_user: EndUser,
) -> None:
    first, second = my_chat_id(api, user), my_chat_id(api, other_user)
    async with (
        socket(api.ws_url, staff_token) as dashboard,
        socket(api.ws_url, integration_key) as integration,
    ):
        staff_list = await dashboard.subscribe(ops.TYPING)
        crm = await integration.subscribe(ops.TYPING)
        await subscribed(env["REDIS_URL"], "admin_users_typing")

        set_typing(api, user.token, None, True)
        set_typing(api, staff_token, first, True)  # staff's own side: not on this feed
        set_typing(api, other_user.token, None, True)

        for feed in (staff_list, crm):
            heard = [(await feed.next())["typing"] for _ in range(2)]
            assert [(event["chatId"], event["name"]) for event in heard] == [
                (first, "Ann"),
                (second, "Bob"),
            ]
            await feed.nothing_more(0.2)


def test_typing_is_never_stored(api: ApiServer, user: EndUser, db: Any) -> None:
    chat_id = my_chat_id(api, user)
    before = {name: db[name].count_documents({}) for name in db.list_collection_names()}
    chat_before = db["chats"].find_one({"_id": uuid.UUID(chat_id)})

    set_typing(api, user.token, None, True)
    set_typing(api, user.token, None, False)

    assert {name: db[name].count_documents({}) for name in db.list_collection_names()} == before
    assert db["chats"].find_one({"_id": uuid.UUID(chat_id)}) == chat_before


@pytest.mark.parametrize(
    ("variables", "code"),
    [({"chatId": "nope"}, "BAD_USER_INPUT"), ({"chatId": str(uuid.uuid4())}, "NOT_FOUND")],
)
def test_typing_in_a_chat_that_is_not_there(
    api: ApiServer, staff_token: str, variables: dict[str, str], code: str
) -> None:
    result = Http(api.url, staff_token).post(ops.SET_TYPING, {**variables, "typing": True})

    assert result.json()["errors"][0]["extensions"]["code"] == code


def test_staff_must_name_the_chat(api: ApiServer, staff_token: str) -> None:
    result = Http(api.url, staff_token).post(ops.SET_TYPING, {"typing": True}).json()

    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": "chatId"}


# Rating ----------------------------------------------------------------------------------


def archived_chat(api: ApiServer, staff_token: str, user: EndUser) -> str:
    Http(api.url, user.token).execute(ops.SEND, {"content": "help"})
    chat_id = my_chat_id(api, user)
    Http(api.url, staff_token).execute(ops.ARCHIVE, {"chatId": chat_id})
    return chat_id


def test_the_user_rates_the_archived_chat_and_staff_see_it(
    api: ApiServer, staff_token: str, user: EndUser
) -> None:
    chat_id = archived_chat(api, staff_token, user)
    widget, staff = Http(api.url, user.token), Http(api.url, staff_token)

    rated = widget.execute(ops.RATE_CHAT, {"rating": 5, "comment": "  Quick and kind  "})

    assert rated["rateChat"] == {
        "id": chat_id, "archived": True, "rating": 5, "ratingComment": "Quick and kind",
    }  # fmt: skip
    assert staff.execute(ops.CHAT_RATING, {"id": chat_id})["chat"] == rated["rateChat"]

    # A second thought in the same archived period replaces the first.
    widget.execute(ops.RATE_CHAT, {"rating": 3, "comment": "   "})
    assert staff.execute(ops.CHAT_RATING, {"id": chat_id})["chat"]["rating"] == 3
    assert staff.execute(ops.CHAT_RATING, {"id": chat_id})["chat"]["ratingComment"] is None

    # Back in the inbox, the rating stays in sight; archived again, a new period starts.
    widget.execute(ops.SEND, {"content": "one more thing"})
    assert staff.execute(ops.CHAT_RATING, {"id": chat_id})["chat"]["rating"] == 3
    staff.execute(ops.ARCHIVE, {"chatId": chat_id})
    assert staff.execute(ops.CHAT_RATING, {"id": chat_id})["chat"]["rating"] is None
    widget.execute(ops.RATE_CHAT, {"rating": 4})
    staff.execute(ops.ARCHIVE, {"chatId": chat_id})  # archiving twice keeps the rating
    assert staff.execute(ops.CHAT_RATING, {"id": chat_id})["chat"]["rating"] == 4


def test_a_chat_in_the_inbox_cannot_be_rated(api: ApiServer, user: EndUser) -> None:
    Http(api.url, user.token).execute(ops.SEND, {"content": "still open"})

    result = Http(api.url, user.token).post(ops.RATE_CHAT, {"rating": 5}).json()

    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "reason": "NOT_ARCHIVED"}
    assert Http(api.url, user.token).execute(ops.CHAT_RATING)["chat"]["rating"] is None


@pytest.mark.parametrize(
    ("variables", "field"),
    [
        ({"rating": 0}, "rating"),
        ({"rating": 6}, "rating"),
        ({"rating": -1}, "rating"),
        ({"rating": 5, "comment": "x" * 1001}, "comment"),
    ],
)
def test_bad_ratings_change_nothing(
    api: ApiServer, staff_token: str, user: EndUser, variables: dict[str, Any], field: str
) -> None:
    archived_chat(api, staff_token, user)
    Http(api.url, user.token).execute(ops.RATE_CHAT, {"rating": 2, "comment": "meh"})

    result = Http(api.url, user.token).post(ops.RATE_CHAT, variables).json()

    assert result["errors"][0]["extensions"] == {"code": "BAD_USER_INPUT", "field": field}
    chat = Http(api.url, user.token).execute(ops.CHAT_RATING)["chat"]
    assert (chat["rating"], chat["ratingComment"]) == (2, "meh")


def test_a_1000_character_comment_is_fine(api: ApiServer, staff_token: str, user: EndUser) -> None:
    archived_chat(api, staff_token, user)

    rated = Http(api.url, user.token).execute(ops.RATE_CHAT, {"rating": 1, "comment": "c" * 1000})

    assert rated["rateChat"]["ratingComment"] == "c" * 1000

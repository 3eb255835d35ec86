"""The contract's behaviour, through HTTP and graphql-transport-ws as a real client uses them."""

from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from api.auth.tokens import user_token
from tests.conftest import WIDGET_SECRET, EndUser, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio


def my_chat(api: ApiServer, user: EndUser) -> dict[str, Any]:
    chat: dict[str, Any] = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]
    return chat


def send(api: ApiServer, token: str, content: str, **variables: Any) -> dict[str, Any]:
    sent: dict[str, Any] = Http(api.url, token).execute(
        ops.SEND, {"content": content, **variables}
    )["sendMessage"]
    return sent


def test_a_user_gets_one_chat_even_when_first_requests_race(api: ApiServer, user: EndUser) -> None:
    with ThreadPoolExecutor(max_workers=6) as pool:
        chats = list(pool.map(lambda _: my_chat(api, user), range(6)))

    assert len({chat["id"] for chat in chats}) == 1
    assert chats[0]["user"]["externalId"] == user.external_id
    assert chats[0]["user"]["email"] == user.email
    assert chats[0]["messageCount"] == 0


async def test_a_user_message_reaches_staff_live(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    chat_id = my_chat(api, user)["id"]
    async with socket(api.ws_url, staff_token) as staff:
        inbox = await staff.subscribe(ops.NEW_USER_MESSAGE)
        in_chat = await staff.subscribe(ops.MESSAGE_ADDED, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
        await subscribed(env["REDIS_URL"], "admin_support_notifications")

        sent = send(api, user.token, "  Where is my order?  ")

        event = (await inbox.next())["newUserMessage"]
        assert event["chatId"] == chat_id
        assert event["userEmail"] == user.email
        assert event["message"] == sent
        assert (await in_chat.next())["messageAdded"] == sent
        assert sent["content"] == "Where is my order?"
        assert sent["senderType"] == "USER"
        assert sent["readAt"] is None
        await in_chat.nothing_more()

    chat = Http(api.url, staff_token).execute(ops.CHAT, {"id": chat_id})["chat"]
    assert chat["unread"] is True
    assert chat["messageCount"] == 1
    assert chat["lastMessagePreview"] == "Where is my order?"
    assert chat["lastMessageSender"] == "USER"


async def test_a_staff_reply_reaches_the_user_live_and_read_receipts_flow_back(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    chat_id = my_chat(api, user)["id"]
    send(api, user.token, "Hello?")
    async with socket(api.ws_url, user.token) as widget, socket(api.ws_url, staff_token) as staff:
        live = await widget.subscribe(ops.MESSAGE_ADDED)
        receipts = await staff.subscribe(ops.MESSAGES_READ, {"chatId": chat_id})
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")

        first = send(api, staff_token, "Hi! Looking into it.", chatId=chat_id)
        second = send(api, staff_token, "Found it.", chatId=chat_id)

        assert (await live.next())["messageAdded"] == first
        assert (await live.next())["messageAdded"] == second
        assert first["senderType"] == "ADMIN"
        assert my_chat(api, user)["unreadCount"] == 2

        read = Http(api.url, user.token).execute(ops.MARK_READ)["markRead"]

        assert read["unreadCount"] == 0
        receipt = (await receipts.next())["messagesRead"]
        assert {message["id"] for message in receipt} == {first["id"], second["id"]}
        assert all(message["readAt"] for message in receipt)
    nodes = my_chat(api, user)["messages"]["nodes"]
    assert all(node["readAt"] for node in nodes if node["senderType"] == "ADMIN")
    assert all(node["readAt"] is None for node in nodes if node["senderType"] == "USER")


async def test_staff_mark_read_clears_unread_and_tells_the_user(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    chat_id = my_chat(api, user)["id"]
    sent = send(api, user.token, "Anyone there?")
    async with socket(api.ws_url, user.token) as widget:
        receipts = await widget.subscribe(ops.MESSAGES_READ)
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")

        viewed = Http(api.url, staff_token).execute(ops.MARK_READ, {"chatId": chat_id})

        assert viewed["markRead"]["unread"] is False
        [receipt] = (await receipts.next())["messagesRead"]
        assert receipt["id"] == sent["id"]
        assert receipt["senderType"] == "USER"
        assert receipt["readAt"] is not None


def test_archive_and_restore_move_a_chat_between_lists_and_a_user_message_restores(
    api: ApiServer, staff_token: str
) -> None:
    user = make_user("archie")
    staff = Http(api.url, staff_token)
    chat_id = my_chat(api, user)["id"]
    send(api, user.token, "Thanks, all good")

    def listed(archived: bool) -> list[str]:
        found = staff.execute(ops.CHATS, {"archived": archived, "search": user.email})
        return [edge["node"]["id"] for edge in found["chats"]["edges"]]

    assert listed(archived=False) == [chat_id]
    archived = staff.execute(ops.ARCHIVE, {"chatId": chat_id})["archiveChat"]
    assert archived["archived"] is True
    assert archived["archivedAt"] is not None
    assert listed(archived=False) == []
    assert listed(archived=True) == [chat_id]

    restored = staff.execute(ops.UNARCHIVE, {"chatId": chat_id})["unarchiveChat"]
    assert restored == {"id": chat_id, "archived": False, "archivedAt": None}
    assert listed(archived=False) == [chat_id]

    staff.execute(ops.ARCHIVE, {"chatId": chat_id})
    send(api, user.token, "Actually, one more thing")
    assert listed(archived=False) == [chat_id]
    assert listed(archived=True) == []


def test_messages_come_back_in_order_and_page_backwards_and_forwards(
    api: ApiServer, user: EndUser
) -> None:
    sent = [send(api, user.token, f"message {n}")["id"] for n in range(7)]
    http = Http(api.url, user.token)

    def page(**variables: Any) -> tuple[list[str], bool]:
        result = http.execute(ops.MESSAGES, variables)["chat"]["messages"]
        return [node["id"] for node in result["nodes"]], result["hasMore"]

    assert page() == (sent, False)
    assert page(last=3) == (sent[4:], True)
    assert page(last=3, before=sent[4]) == (sent[1:4], True)
    assert page(last=3, before=sent[1]) == (sent[:1], False)
    assert page(after=sent[4]) == (sent[5:], False)
    assert page(after=sent[6]) == ([], False)


def test_the_same_client_id_twice_creates_one_message(api: ApiServer, user: EndUser) -> None:
    client_id = str(uuid.uuid4())

    first = send(api, user.token, "Only once", clientId=client_id)
    again = send(api, user.token, "Only once", clientId=client_id)

    assert again == first
    assert first["clientId"] == client_id
    chat = my_chat(api, user)
    assert chat["messageCount"] == 1
    assert [node["id"] for node in chat["messages"]["nodes"]] == [first["id"]]


async def test_message_added_after_replays_what_was_missed_then_streams_live(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    chat_id = my_chat(api, user)["id"]
    seen = send(api, user.token, "seen before the disconnect")
    missed = [send(api, staff_token, f"missed {n}", chatId=chat_id) for n in range(3)]

    async with socket(api.ws_url, user.token) as widget:
        catch_up = await widget.subscribe(ops.MESSAGE_ADDED, {"after": seen["id"]})
        replayed = [(await catch_up.next())["messageAdded"] for _ in missed]
        await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
        live = send(api, staff_token, "live", chatId=chat_id)

        assert replayed == missed
        assert (await catch_up.next())["messageAdded"] == live
        await catch_up.nothing_more()


def test_the_summary_keeps_a_100_character_preview(api: ApiServer, user: EndUser) -> None:
    send(api, user.token, "x" * 300)

    chat = my_chat(api, user)

    assert chat["lastMessagePreview"] == "x" * 100
    assert chat["messages"]["nodes"][0]["content"] == "x" * 300


def test_chats_are_newest_first_with_cursor_pagination(api: ApiServer, staff_token: str) -> None:
    domain = uuid.uuid4().hex[:8]
    users = [make_user(f"page{n}-{domain}") for n in range(5)]
    for user in users:
        send(api, user.token, "hi")
    staff = Http(api.url, staff_token)
    newest_first = [my_chat(api, user)["id"] for user in reversed(users)]

    first = staff.execute(ops.CHATS, {"archived": False, "first": 2, "search": domain})["chats"]
    rest = staff.execute(
        ops.CHATS,
        {"archived": False, "first": 10, "search": domain, "after": first["pageInfo"]["endCursor"]},
    )["chats"]

    assert first["totalCount"] == 5
    assert first["pageInfo"]["hasNextPage"] is True
    assert rest["pageInfo"]["hasNextPage"] is False
    ids = [edge["node"]["id"] for edge in first["edges"] + rest["edges"]]
    assert ids == newest_first


def test_a_chat_whose_user_record_is_missing_still_lists(
    api: ApiServer, db: Any, staff_token: str
) -> None:
    user = make_user("vanished")
    send(api, user.token, "hello")
    db["users"].delete_one({"external_id": user.external_id})

    found = Http(api.url, staff_token).execute(ops.CHATS, {"archived": False, "search": user.email})

    [edge] = found["chats"]["edges"]
    assert edge["node"]["user"]["email"] == user.email


def test_concurrent_sends_to_one_chat_all_count(api: ApiServer, user: EndUser) -> None:
    with ThreadPoolExecutor(max_workers=8) as pool:
        sent = list(pool.map(lambda n: send(api, user.token, f"burst {n}"), range(24)))

    chat = my_chat(api, user)
    assert chat["messageCount"] == 24
    assert {node["id"] for node in chat["messages"]["nodes"]} == {message["id"] for message in sent}


def test_a_retry_finishes_a_send_that_stopped_before_the_summary(
    api: ApiServer, db: Any, user: EndUser
) -> None:
    chat = my_chat(api, user)
    # What an attempt that died right after storing the message left behind: its seq
    # taken from the chat, the message stored, the summary not updated.
    seq = db["chats"].find_one_and_update(
        {"_id": uuid.UUID(chat["id"])}, {"$inc": {"last_seq": 1}}, return_document=True
    )["last_seq"]
    stored = {
        "_id": uuid.uuid4(),
        "chat_id": uuid.UUID(chat["id"]),
        "content": "Half sent",
        "sender_type": "USER",
        "sender_id": uuid.uuid4(),
        "created_at": datetime.now(UTC),
        "read_at": None,
        "client_id": "retry-me",
        "client_id_given": True,
        "seq": seq,
    }
    db["messages"].insert_one(stored)

    retried = send(api, user.token, "Half sent", clientId="retry-me")

    assert retried["id"] == str(stored["_id"])
    after = my_chat(api, user)
    assert after["messageCount"] == 1
    assert after["lastMessagePreview"] == "Half sent"
    assert send(api, user.token, "Half sent", clientId="retry-me") == retried
    assert my_chat(api, user)["messageCount"] == 1


async def test_a_changed_email_reaches_search_and_the_staff_feed(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    chat_id = my_chat(api, user)["id"]
    new_email = f"renamed-{uuid.uuid4().hex[:8]}@example.test"
    renamed = user_token(WIDGET_SECRET, user.external_id, new_email, "Ann", timedelta(hours=1))
    staff = Http(api.url, staff_token)

    async with socket(api.ws_url, staff_token) as staff_socket:
        inbox = await staff_socket.subscribe(ops.NEW_USER_MESSAGE)
        await subscribed(env["REDIS_URL"], "admin_support_notifications")
        send(api, renamed, "I changed my email address")
        event = (await inbox.next())["newUserMessage"]

    assert event["chatId"] == chat_id
    assert event["userEmail"] == new_email
    found = staff.execute(ops.CHATS, {"archived": False, "search": new_email})["chats"]
    assert [edge["node"]["id"] for edge in found["edges"]] == [chat_id]
    old = staff.execute(ops.CHATS, {"archived": False, "search": user.email})["chats"]
    assert old["edges"] == []


async def test_a_long_lived_subscription_sees_the_user_as_they_are_now(
    api: ApiServer, env: dict[str, str], user: EndUser, staff_token: str
) -> None:
    """User data is loaded per operation event, not cached for the whole connection."""
    chat_id = my_chat(api, user)["id"]
    updates = "subscription { chatUpdated { id user { email name } } }"
    async with socket(api.ws_url, staff_token) as staff_socket:
        feed = await staff_socket.subscribe(updates)
        await subscribed(env["REDIS_URL"], "admin_chat_updates")
        send(api, user.token, "first")
        first = (await feed.next())["chatUpdated"]
        new_email = f"moved-{uuid.uuid4().hex[:8]}@example.test"
        renamed = user_token(
            WIDGET_SECRET, user.external_id, new_email, "Annie", timedelta(hours=1)
        )
        send(api, renamed, "second")
        second = (await feed.next())["chatUpdated"]

    assert first == {"id": chat_id, "user": {"email": user.email, "name": "Ann"}}
    assert second == {"id": chat_id, "user": {"email": new_email, "name": "Annie"}}

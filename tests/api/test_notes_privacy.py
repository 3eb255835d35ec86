"""A note never reaches the user, nor an integration: every path they can take is tried."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EndUser, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, Subscription, socket
from tests.support.mail import body, wait_for_mail
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer, Worker

pytestmark = pytest.mark.anyio

EVERY_USER_FIELD = f"""
query($id: ID) {{ chat(id: $id) {{ id archived archivedAt lastMessageAt lastMessagePreview
  lastMessageSender messageCount unread unreadCount createdAt rating ratingComment
  assignee {{ id name }} user {{ id externalId email name firstSeenAt }}
  messages(last: 200) {{ hasMore nodes {{ {ops.MESSAGE_FIELDS} senderName }} }} }} }}"""
STAFF_LIST = """
query($search: String) { chats(search: $search) { totalCount edges { node {
  id lastMessagePreview messageCount messages { nodes { content } } } } } }"""


@pytest.fixture(scope="module")
def worker(env: dict[str, str]) -> Iterator[Worker]:
    running = Worker(env).start()
    yield running
    running.stop()


async def frames_of(subscription: Subscription, wait: float = 1.0) -> list[dict[str, Any]]:
    """Every frame the subscription received so far and within `wait`."""
    await asyncio.sleep(wait)
    frames = []
    while not subscription.queue.empty():
        frames.append(subscription.queue.get_nowait())
    return frames


async def test_a_note_reaches_no_user_or_integration_path(
    api: ApiServer,
    env: dict[str, str],
    worker: Worker,
    staff_token: str,
    integration_key: str,
) -> None:
    owner = make_user("private")
    secret = f"note-{uuid.uuid4().hex}"
    Http(api.url, owner.token).execute(ops.SEND, {"content": "my order is late"})
    chat_id = Http(api.url, owner.token).execute(ops.MY_CHAT)["chat"]["id"]
    staff = Http(api.url, staff_token)
    redis = env["REDIS_URL"]

    async with (
        socket(api.ws_url, owner.token) as widget,
        socket(api.ws_url, integration_key) as integration,
        socket(api.ws_url, staff_token) as dashboard,
    ):
        heard = {
            "user messageAdded": await widget.subscribe(ops.MESSAGE_ADDED),
            "user messagesRead": await widget.subscribe(ops.MESSAGES_READ),
            "user typing": await widget.subscribe(ops.TYPING),
            "user noteAdded": await widget.subscribe(ops.NOTE_ADDED, {"chatId": chat_id}),
            "integration messageAdded": await integration.subscribe(
                ops.MESSAGE_ADDED, {"chatId": chat_id}
            ),
            "integration newUserMessage": await integration.subscribe(ops.NEW_USER_MESSAGE),
            "integration chatUpdated": await integration.subscribe(ops.CHAT_UPDATED),
            "integration noteAdded": await integration.subscribe(
                ops.NOTE_ADDED, {"chatId": chat_id}
            ),
        }
        staff_notes = await dashboard.subscribe(ops.NOTE_ADDED, {"chatId": chat_id})
        for channel in (f"support_chat:{chat_id}", f"support_chat_typing:{chat_id}"):
            await subscribed(redis, channel, count=1)
        await subscribed(redis, "admin_support_notifications")
        await subscribed(redis, "admin_chat_updates")
        await subscribed(redis, f"staff_chat:{chat_id}")

        staff.execute(ops.ADD_NOTE, {"chatId": chat_id, "content": f"{secret} refund"})
        # Everything else that makes events on the chat, after the note.
        staff.execute(ops.MARK_READ, {"chatId": chat_id})
        staff.execute(ops.SET_TYPING, {"chatId": chat_id, "typing": True})
        reply = staff.execute(ops.SEND, {"content": "We are on it", "chatId": chat_id})
        Http(api.url, owner.token).execute(ops.SEND, {"content": "thanks"})

        # The staff member's own feed has it: the note was made, and this test can fail.
        assert secret in (await staff_notes.next())["noteAdded"]["content"]
        for path, subscription in heard.items():
            frames = await frames_of(subscription, wait=0.2)
            assert secret not in json.dumps(frames), path
            if path.endswith("noteAdded"):
                [refused] = frames
                assert refused["type"] == "error", refused
                assert refused["payload"][0]["extensions"]["code"] == "FORBIDDEN"
            else:
                assert frames, f"{path} heard nothing at all: the test proves nothing"

    # Queries: the user's and the integration's every field; the notes field refused.
    for token, variables in ((owner.token, {}), (integration_key, {"id": chat_id})):
        seen = Http(api.url, token).post(EVERY_USER_FIELD, variables).json()
        assert not seen.get("errors")
        assert secret not in json.dumps(seen)
        refused = Http(api.url, token).post(ops.NOTES, variables).json()
        assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        assert secret not in json.dumps(refused)
    listed = Http(api.url, integration_key).post(STAFF_LIST, {"search": owner.email}).json()
    assert listed["data"]["chats"]["totalCount"] == 1
    assert secret not in json.dumps(listed)

    # Email: the unread-reply email covers the reply sent after the note, and only that.
    email = await asyncio.to_thread(_email_to, env, owner, reply["sendMessage"]["content"])
    assert secret not in email


def _email_to(env: dict[str, str], owner: EndUser, reply: str) -> str:
    [email] = wait_for_mail(Path(env["MAIL_DIR"]), owner.email)
    text = body(email) + body(email, "html") + str(email["Subject"])
    assert reply in text
    return text

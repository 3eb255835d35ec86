"""Every operation, for every kind of caller gives the documented result, by chat id."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
import websockets

from tests.conftest import EndUser, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, initialise, opened, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

OK = "OK"
CALLERS = ["none", "expired", "bad_signature", "other_user", "user", "staff", "integration"]


@pytest.fixture(scope="module")
def owner() -> EndUser:
    return make_user("owner")


@pytest.fixture(scope="module")
def tokens(owner: EndUser, staff_token: str, integration_key: str) -> dict[str, str | None]:
    return {
        "none": None,
        "expired": make_user("late", ttl=timedelta(seconds=-10)).token,
        "bad_signature": make_user("forger", secret="not-the-widget-secret-0123456789abc").token,
        "other_user": make_user("other").token,
        "user": owner.token,
        "staff": staff_token,
        "integration": integration_key,
    }


@pytest.fixture(scope="module")
def chat_id(api: ApiServer, owner: EndUser) -> str:
    http = Http(api.url, owner.token)
    http.execute(ops.SEND, {"content": "the owner's first message"})
    chat_id: str = http.execute(ops.MY_CHAT)["chat"]["id"]
    return chat_id


def _expect(*, user: str, other_user: str, staff: str, integration: str) -> dict[str, str]:
    unauthenticated = dict.fromkeys(["none", "expired", "bad_signature"], "UNAUTHENTICATED")
    return {
        **unauthenticated,
        "user": user,
        "other_user": other_user,
        "staff": staff,
        "integration": integration,
    }


HTTP_OPERATIONS: dict[str, tuple[str, dict[str, str]]] = {
    "viewer": (ops.VIEWER, _expect(user=OK, other_user=OK, staff=OK, integration=OK)),
    "chat": (
        "query($chatId: ID) { chat(id: $chatId) { id } }",
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "chats": (
        "query { chats { totalCount } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "sendMessage": (
        'mutation($chatId: ID) { sendMessage(chatId: $chatId, content: "hi") { id } }',
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "markRead": (
        "mutation($chatId: ID) { markRead(chatId: $chatId) { id } }",
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "archiveChat": (
        "mutation($chatId: ID!) { archiveChat(chatId: $chatId) { id } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "unarchiveChat": (
        "mutation($chatId: ID!) { unarchiveChat(chatId: $chatId) { id } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "staff": (
        "query { staff { id online } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "availability": (
        ops.AVAILABILITY,
        _expect(user=OK, other_user=OK, staff=OK, integration=OK),
    ),
    "unreadChatCount": (
        ops.UNREAD_CHAT_COUNT,
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "cannedReplies": (
        "query { cannedReplies { id } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "Chat.assignee": (  # end users never learn who owns their chat: null, not an error
        "query($chatId: ID) { chat(id: $chatId) { assignee { id } } }",
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "Chat.notes": (
        "query($chatId: ID) { chat(id: $chatId) { notes { id } } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "SupportUser.attributes": (
        "query($chatId: ID) { chat(id: $chatId) { user { attributes { key } } } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "assignChat": (
        "mutation($chatId: ID!) { assignChat(chatId: $chatId) { id } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "addNote": (
        'mutation($chatId: ID!) { addNote(chatId: $chatId, content: "n") { id } }',
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "saveCannedReply": (
        'mutation { saveCannedReply(shortcut: "authz", title: "t", content: "c") { id } }',
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
    "deleteCannedReply": (  # staff get past the permission to an id that names nothing
        'mutation { deleteCannedReply(id: "00000000-0000-4000-8000-000000000000") }',
        _expect(
            user="FORBIDDEN", other_user="FORBIDDEN", staff="NOT_FOUND", integration="FORBIDDEN"
        ),
    ),
    "setTyping": (
        "mutation($chatId: ID) { setTyping(chatId: $chatId) }",
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
}


def test_rate_chat(
    api: ApiServer, tokens: dict[str, str | None], chat_id: str, staff_token: str
) -> None:
    """USER only, own chat only (it takes no chat id), once the chat is archived."""
    staff = Http(api.url, staff_token)
    staff.execute(ops.ARCHIVE, {"chatId": chat_id})
    expected = _expect(
        user=OK, other_user="BAD_USER_INPUT", staff="FORBIDDEN", integration="FORBIDDEN"
    )
    try:
        for caller in CALLERS:
            result = Http(api.url, tokens[caller]).post(ops.RATE_CHAT, {"rating": 4}).json()
            outcome = result["errors"][0]["extensions"]["code"] if result.get("errors") else OK
            assert outcome == expected[caller], (caller, result)
        rated = staff.execute(ops.CHAT_RATING, {"id": chat_id})["chat"]
        assert rated["rating"] == 4  # the other user's attempt reached only their own chat
    finally:
        staff.execute(ops.UNARCHIVE, {"chatId": chat_id})


@pytest.mark.parametrize("caller", CALLERS)
@pytest.mark.parametrize("operation", list(HTTP_OPERATIONS))
def test_http_operation(
    api: ApiServer, tokens: dict[str, str | None], chat_id: str, operation: str, caller: str
) -> None:
    query, expected = HTTP_OPERATIONS[operation]

    result = Http(api.url, tokens[caller]).post(query, {"chatId": chat_id}).json()

    outcome = result["errors"][0]["extensions"]["code"] if result.get("errors") else OK
    assert outcome == expected[caller], result
    if outcome == "UNAUTHENTICATED":
        assert "Traceback" not in json.dumps(result)


def test_an_expired_token_says_so(api: ApiServer, tokens: dict[str, str | None]) -> None:
    result = Http(api.url, tokens["expired"]).post(ops.VIEWER).json()

    assert result["errors"][0]["extensions"] == {
        "code": "UNAUTHENTICATED",
        "reason": "TOKEN_EXPIRED",
    }


SUBSCRIPTIONS: dict[str, tuple[str, dict[str, str]]] = {
    "messageAdded": (
        "subscription($chatId: ID) { messageAdded(chatId: $chatId) { id } }",
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "messagesRead": (
        "subscription($chatId: ID) { messagesRead(chatId: $chatId) { id } }",
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "newUserMessage": (
        "subscription { newUserMessage { chatId } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "chatUpdated": (
        "subscription { chatUpdated { id } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "typing": (
        "subscription($chatId: ID) { typing(chatId: $chatId) { typing } }",
        _expect(user=OK, other_user="FORBIDDEN", staff=OK, integration=OK),
    ),
    "noteAdded": (
        "subscription($chatId: ID!) { noteAdded(chatId: $chatId) { id } }",
        _expect(user="FORBIDDEN", other_user="FORBIDDEN", staff=OK, integration="FORBIDDEN"),
    ),
}


@pytest.mark.parametrize("caller", ["none", "expired", "bad_signature"])
async def test_a_websocket_without_a_valid_token_is_closed_with_4403(
    api: ApiServer, tokens: dict[str, str | None], caller: str
) -> None:
    async with opened(api.ws_url) as connection:
        with pytest.raises(websockets.ConnectionClosed) as closed:
            await initialise(connection, tokens[caller])

    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4403


@pytest.mark.parametrize("caller", ["other_user", "user", "staff", "integration"])
async def test_subscriptions(
    api: ApiServer,
    env: dict[str, str],
    tokens: dict[str, str | None],
    owner: EndUser,
    staff_token: str,
    chat_id: str,
    caller: str,
) -> None:
    async with socket(api.ws_url, tokens[caller]) as client:
        started = {
            name: await client.subscribe(query, {"chatId": chat_id})
            for name, (query, _) in SUBSCRIPTIONS.items()
        }
        forbidden = {
            name for name, (_, expected) in SUBSCRIPTIONS.items() if expected[caller] != OK
        }
        for name in forbidden:
            frame = await started[name].frame()
            errors = frame["payload"] if frame["type"] == "error" else frame["payload"]["errors"]
            assert errors[0]["extensions"]["code"] == SUBSCRIPTIONS[name][1][caller], frame
        if "messageAdded" not in forbidden:
            await subscribed(env["REDIS_URL"], f"support_chat:{chat_id}")
        if "chatUpdated" not in forbidden:
            await subscribed(env["REDIS_URL"], "admin_chat_updates")
        if "typing" not in forbidden:
            await subscribed(env["REDIS_URL"], f"support_chat_typing:{chat_id}")
        if "noteAdded" not in forbidden:
            await subscribed(env["REDIS_URL"], f"staff_chat:{chat_id}")
        # Events for every subscription the caller may hold: a message, then a read receipt,
        # typing on both sides (a change of value is never throttled), a note.
        Http(api.url, owner.token).execute(ops.SEND, {"content": "an event"})
        Http(api.url, staff_token).execute(ops.MARK_READ, {"chatId": chat_id})
        Http(api.url, staff_token).execute(ops.SEND, {"content": "reply", "chatId": chat_id})
        Http(api.url, owner.token).execute(ops.MARK_READ)
        for typing in (False, True):
            for token in (owner.token, staff_token):
                Http(api.url, token).execute(ops.SET_TYPING, {"chatId": chat_id, "typing": typing})
        Http(api.url, staff_token).execute(ops.ADD_NOTE, {"chatId": chat_id, "content": "a note"})
        for name in set(started) - forbidden:
            data = await started[name].next()
            assert data[name], data


async def test_graphiql_style_connection_params_authenticate_too(
    api: ApiServer, staff_token: str
) -> None:
    """GraphiQL puts its editor's headers in connection_init instead of a token."""
    async with opened(api.ws_url) as connection:
        await connection.send(
            json.dumps(
                {"type": "connection_init", "payload": {"Authorization": f"Bearer {staff_token}"}}
            )
        )
        assert json.loads(await connection.recv())["type"] == "connection_ack"

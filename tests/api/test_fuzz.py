"""Hostile input at a live server: every answer is well-formed, it never dies, stored data stays."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
import websockets
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import EndUser, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, acknowledged
from tests.support.servers import ApiServer

NAMES = [
    "chat", "chats", "viewer", "sendMessage", "markRead", "archiveChat", "unarchiveChat", "login",
    "messages", "nodes", "id", "content", "user", "email", "edges", "node", "__typename",
    "__schema", "types", "messageAdded", "newUserMessage", "chatUpdated", "messagesRead",
    "staff", "availability", "cannedReplies", "unreadChatCount", "assignChat", "addNote",
    "saveCannedReply", "deleteCannedReply", "setTyping", "rateChat", "typing", "noteAdded",
    "notes", "assignee", "rating", "attributes",
]  # fmt: skip
PUNCTUATION = [
    "{", "}", "(", ")", ":", "$", "!", "...", "@", ",", "=", "[", "]",
    "query", "mutation", "subscription", "fragment", "on",
]  # fmt: skip
ARGUMENTS = [
    "content", "chatId", "clientId", "id", "before", "after", "last", "first", "search",
    "staffId", "assignee", "shortcut", "title", "typing", "rating", "comment",
]  # fmt: skip
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=40)
)
json_values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)
tokens = st.sampled_from(NAMES + PUNCTUATION) | st.text(max_size=12) | st.integers().map(str)
documents = st.lists(tokens, max_size=40).map(" ".join) | st.sampled_from(
    [ops.SEND, ops.MY_CHAT, ops.CHATS, ops.MESSAGES, ops.MARK_READ, ops.ARCHIVE, ops.CHAT,
     ops.SET_TYPING, ops.RATE_CHAT, ops.AVAILABILITY, ops.ASSIGN, ops.ADD_NOTE, ops.NOTES,
     ops.SAVE_CANNED_REPLY, ops.CANNED_REPLIES, ops.INBOX, ops.CONTACT]
)  # fmt: skip
variables = st.dictionaries(st.sampled_from(ARGUMENTS), json_values, max_size=5)

WELL_FORMED_STATUS = {200, 400, 405, 413}


@pytest.fixture(scope="module")
def victim(api: ApiServer) -> EndUser:
    """Someone whose chat no fuzzed request may touch."""
    user = make_user("victim")
    Http(api.url, user.token).execute(ops.SEND, {"content": "my private message"})
    return user


def snapshot(api: ApiServer, user: EndUser) -> dict[str, Any]:
    chat: dict[str, Any] = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]
    return chat


def assert_well_formed(response: httpx.Response) -> None:
    assert response.status_code in WELL_FORMED_STATUS, response.text
    result = response.json()
    assert "data" in result or "errors" in result
    for error in result.get("errors") or []:
        assert isinstance(error["message"], str)
        assert error["extensions"]["code"], error
        assert "Traceback" not in error["message"]
    assert not any(
        e["extensions"]["code"] == "INTERNAL_SERVER_ERROR" for e in result.get("errors") or []
    )


def test_random_http_requests(api: ApiServer, victim: EndUser, staff_token: str) -> None:
    fuzzer = make_user("fuzzer")
    before = snapshot(api, victim)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(
        document=documents,
        variables=variables,
        token=st.sampled_from([None, fuzzer.token, "garbage", "sck_nope", "a.b.c"]),
    )
    def request(document: str, variables: dict[str, Any], token: str | None) -> None:
        assert_well_formed(Http(api.url, token).post(document, variables))

    request()

    @settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
    @given(body=st.binary(max_size=300) | json_values.map(lambda value: json.dumps(value).encode()))
    def raw_body(body: bytes) -> None:
        response = httpx.post(
            f"{api.url}/graphql", content=body, headers={"Content-Type": "application/json"}
        )
        assert_well_formed(response)

    raw_body()

    assert api.healthy()
    assert snapshot(api, victim) == before


INBOX_DOCUMENTS = [
    ops.ASSIGN, ops.ADD_NOTE, ops.NOTES, ops.SAVE_CANNED_REPLY, ops.CANNED_REPLIES,
    ops.DELETE_CANNED_REPLY, ops.SET_TYPING, ops.INBOX, ops.CONTACT, ops.STAFF,
    ops.UNREAD_CHAT_COUNT, ops.CHAT_ASSIGNEE,
]  # fmt: skip


def test_random_inbox_requests_by_staff(api: ApiServer, victim: EndUser, staff_token: str) -> None:
    """Staff-only operations get past their permission here, so their input checks are fuzzed."""
    before = snapshot(api, victim)

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(document=st.sampled_from(INBOX_DOCUMENTS), variables=variables)
    def request(document: str, variables: dict[str, Any]) -> None:
        assert_well_formed(Http(api.url, staff_token).post(document, variables))

    request()

    assert api.healthy()
    assert snapshot(api, victim) == before


frames = (
    st.text(max_size=200)
    | json_values.map(json.dumps)
    | st.fixed_dictionaries(
        {
            "type": st.sampled_from(["subscribe", "complete", "ping", "pong", "connection_init"]),
            "id": st.text(max_size=5) | st.integers(),
            "payload": json_values,
        }
    ).map(json.dumps)
)


def test_random_websocket_frames(api: ApiServer, victim: EndUser) -> None:
    fuzzer = make_user("ws-fuzzer")
    before = snapshot(api, victim)

    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
    @given(sequence=st.lists(frames, min_size=1, max_size=4))
    def session(sequence: list[str]) -> None:
        asyncio.run(_send_frames(api, fuzzer.token, sequence))

    session()

    assert api.healthy()
    assert snapshot(api, victim) == before


async def _send_frames(api: ApiServer, token: str, sequence: list[str]) -> None:
    async with acknowledged(api.ws_url, token) as connection:
        close = await _replies_until_quiet_or_closed(connection, sequence)
    if close is not None:
        assert close.rcvd is not None, "the server dropped the connection without a close code"
        assert close.rcvd.code in {4400, 4409, 4429, 1009}, close.rcvd


async def _replies_until_quiet_or_closed(
    connection: Any, sequence: list[str]
) -> websockets.ConnectionClosed | None:
    try:
        for frame in sequence:
            await connection.send(frame)
        while True:
            reply = json.loads(await asyncio.wait_for(connection.recv(), 0.2))
            assert reply["type"] in {"next", "error", "complete", "pong", "ping"}, reply
    except TimeoutError:
        return None
    except websockets.ConnectionClosed as closed:
        return closed

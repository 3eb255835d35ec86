"""Bad input gets a precise error, the server stays up, and nothing stored changes."""

from __future__ import annotations

import json
import uuid
from typing import Any

import httpx
import pytest

from tests.conftest import EndUser
from tests.support import operations as ops
from tests.support.graphql import Http, acknowledged, close_code, socket
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio


@pytest.fixture
def chat(api: ApiServer, user: EndUser) -> dict[str, Any]:
    http = Http(api.url, user.token)
    http.execute(ops.SEND, {"content": "stored before the bad input"})
    chat: dict[str, Any] = http.execute(ops.MY_CHAT)["chat"]
    return chat


def _unchanged(api: ApiServer, user: EndUser, before: dict[str, Any]) -> None:
    assert Http(api.url, user.token).execute(ops.MY_CHAT)["chat"] == before


@pytest.mark.parametrize("content", ["", "   \n\t ", "x" * 5001])
def test_empty_blank_and_oversized_messages_are_bad_user_input(
    api: ApiServer, user: EndUser, chat: dict[str, Any], content: str
) -> None:
    result = Http(api.url, user.token).post(ops.SEND, {"content": content}).json()

    assert result["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert result["errors"][0]["extensions"]["field"] == "content"
    _unchanged(api, user, chat)


def test_5000_characters_after_trimming_are_fine(api: ApiServer, user: EndUser) -> None:
    sent = Http(api.url, user.token).execute(ops.SEND, {"content": f"  {'y' * 5000}  "})

    assert sent["sendMessage"]["content"] == "y" * 5000


@pytest.mark.parametrize(
    ("variables", "code"),
    [
        ({"id": "not-a-uuid"}, "BAD_USER_INPUT"),
        ({"before": "123"}, "BAD_USER_INPUT"),
        ({"after": "'; drop table messages"}, "BAD_USER_INPUT"),
        ({"before": str(uuid.uuid4())}, "NOT_FOUND"),
        ({"last": 0}, "BAD_USER_INPUT"),
        ({"last": 100000}, "BAD_USER_INPUT"),
    ],
)
def test_malformed_and_unknown_ids(
    api: ApiServer, user: EndUser, chat: dict[str, Any], variables: dict[str, Any], code: str
) -> None:
    assert Http(api.url, user.token).error_code(ops.MESSAGES, variables) == code
    _unchanged(api, user, chat)


def test_unknown_chat_ids_for_staff(api: ApiServer, staff_token: str) -> None:
    staff = Http(api.url, staff_token)

    assert staff.error_code(ops.CHAT, {"id": str(uuid.uuid4())}) == "NOT_FOUND"
    assert staff.error_code(ops.ARCHIVE, {"chatId": "nope"}) == "BAD_USER_INPUT"
    assert staff.error_code(ops.SEND, {"content": "hi"}) == "BAD_USER_INPUT"  # chatId required
    assert staff.error_code(ops.CHATS, {"archived": False, "after": "garbage"}) == "BAD_USER_INPUT"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"this is not json", 400, "BAD_REQUEST"),
        (b'{"query": "query {"}', 200, "GRAPHQL_PARSE_FAILED"),
        (b'{"query": "{ noSuchField }"}', 200, "GRAPHQL_VALIDATION_FAILED"),
        (b'{"variables": {}}', 400, "BAD_REQUEST"),
    ],
)
def test_malformed_requests(
    api: ApiServer, user: EndUser, chat: dict[str, Any], body: bytes, status: int, code: str
) -> None:
    response = httpx.post(
        f"{api.url}/graphql",
        content=body,
        headers={"Content-Type": "application/json", "Authorization": f"Bearer {user.token}"},
    )

    assert response.status_code == status
    assert response.json()["errors"][0]["extensions"]["code"] == code
    assert "Traceback" not in response.text
    _unchanged(api, user, chat)


async def test_broken_websocket_frames_close_only_that_connection_with_4400(
    api: ApiServer, user: EndUser, chat: dict[str, Any]
) -> None:
    """graphql-transport-ws: an invalid message closes the socket with 4400."""
    async with socket(api.ws_url, user.token) as healthy:
        live = await healthy.subscribe(ops.MESSAGE_ADDED)
        for frame in ["not json", json.dumps({"type": "no_such_type"}), json.dumps([1, 2])]:
            async with acknowledged(api.ws_url, user.token) as broken:
                await broken.send(frame)
                assert await close_code(broken) == 4400

        sent = Http(api.url, user.token).execute(ops.SEND, {"content": "still working"})
        assert (await live.next())["messageAdded"] == sent["sendMessage"]

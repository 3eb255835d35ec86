"""Logs: one JSON object a line, a request id on each line of a request's or socket's work,
and no token, password or message content, even at DEBUG."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import LOGIN, create_staff, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

PASSWORD = f"pw-{uuid.uuid4().hex}"
CONTENT = f"secret-content-{uuid.uuid4().hex}"


@pytest.fixture(scope="module")
def chatty(env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer({**env, "LOG_FORMAT": "json", "LOG_LEVEL": "DEBUG"}, name="api-logged")
    yield server.start()
    server.stop()


def lines(server: ApiServer) -> list[dict[str, Any]]:
    return [json.loads(line) for line in server.log_text().splitlines() if line.strip()]


def open_unsubscribe_page(server: ApiServer, token: str) -> None:
    httpx.get(f"{server.url}/unsubscribe", params={"token": token})


async def test_a_run_of_real_traffic_logs_no_secret(chatty: ApiServer, env: dict[str, str]) -> None:
    email = f"logged-{uuid.uuid4().hex[:8]}@example.test"
    create_staff(env, email, PASSWORD)
    staff_token = Http(chatty.url).execute(LOGIN, {"e": email, "p": PASSWORD})["login"]["token"]
    assert Http(chatty.url).error_code(LOGIN, {"e": email, "p": f"{PASSWORD}-wrong"})
    user = make_user("logged")
    async with socket(chatty.ws_url, user.token) as live:
        feed = await live.subscribe(ops.MESSAGE_ADDED)
        await feed.nothing_more(0.3)
        sent = Http(chatty.url, user.token).execute(ops.SEND, {"content": CONTENT})
        await feed.next()
    chat_id = sent["sendMessage"]["chatId"]
    Http(chatty.url, staff_token).execute(ops.SEND, {"content": CONTENT, "chatId": chat_id})
    bad = f"{user.token}x"
    assert Http(chatty.url, bad).error_code(ops.MY_CHAT) == "UNAUTHENTICATED"
    open_unsubscribe_page(chatty, bad)

    log = chatty.log_text()

    assert "POST /graphql" in log  # the run was logged at all
    for secret in (PASSWORD, CONTENT, user.token, staff_token, bad):
        assert secret not in log


def test_every_line_is_json_with_the_id_of_its_request(chatty: ApiServer) -> None:
    for _ in range(2):
        assert httpx.get(f"{chatty.url}/livez").status_code == 200

    logged = lines(chatty)

    assert all({"time", "level", "logger", "message", "request_id"} <= set(line) for line in logged)
    access = [line for line in logged if "GET /livez" in line["message"]]
    ids = [line["request_id"] for line in access[-2:]]
    assert len(ids) == 2
    assert "-" not in ids
    assert ids[0] != ids[1]


async def test_a_socket_logs_under_one_id(chatty: ApiServer) -> None:
    user = make_user("socketlog")
    async with socket(chatty.ws_url, user.token):
        pass

    websocket = [line for line in lines(chatty) if "WebSocket /graphql" in line["message"]]

    assert websocket
    assert websocket[-1]["request_id"] != "-"

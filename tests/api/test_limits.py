"""Limits, each with its setting and a clear error, on a production-mode server."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import httpx
import pytest
import websockets

from tests.conftest import LOGIN, STAFF_PASSWORD, create_staff, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, acknowledged, close_code, initialise, opened, socket
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

SHOP = "https://shop.example.test"


@pytest.fixture(scope="module")
def strict_env(env: dict[str, str]) -> dict[str, str]:
    return {
        **env,
        "ENV": "production",
        "ALLOWED_ORIGINS": SHOP,
        "MAX_QUERY_DEPTH": "4",
        "MAX_ALIASES": "2",
        "MAX_QUERY_TOKENS": "120",
        "MAX_BODY_BYTES": "2000",
        "MAX_WS_FRAME_BYTES": "2000",
        "MAX_SUBSCRIPTIONS_PER_CONNECTION": "2",
        "RATE_SEND_PER_USER": "3",
        "RATE_LOGIN_PER_EMAIL": "2",
    }


@pytest.fixture(scope="module")
def strict(strict_env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer(strict_env, name="api-strict").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def strict_pair(strict_env: dict[str, str], strict: ApiServer) -> Iterator[ApiServer]:
    server = ApiServer(strict_env, name="api-strict-2").start()
    yield server
    server.stop()


def first_error(response: httpx.Response) -> dict[str, object]:
    error: dict[str, object] = response.json()["errors"][0]
    return error


def test_query_depth_is_limited(strict: ApiServer, staff_token: str) -> None:
    deep = "{ chats { edges { node { messages { nodes { id } } } } } }"

    error = first_error(Http(strict.url, staff_token).post(deep))

    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "depth" in str(error["message"])


def test_aliases_are_limited(strict: ApiServer, staff_token: str) -> None:
    error = first_error(
        Http(strict.url, staff_token).post("{ a: viewer { id } b: viewer { id } c: viewer { id } }")
    )

    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "aliases" in str(error["message"])


def test_tokens_are_limited(strict: ApiServer, staff_token: str) -> None:
    error = first_error(Http(strict.url, staff_token).post("{ viewer { " + "id " * 150 + "} }"))

    assert error["extensions"] == {"code": "GRAPHQL_PARSE_FAILED"}  # the parser stops counting
    assert "token" in str(error["message"]).lower()


def test_request_bodies_are_limited(strict: ApiServer, staff_token: str) -> None:
    response = Http(strict.url, staff_token).post(ops.VIEWER, {"padding": "x" * 3000})

    assert response.status_code == 413
    assert first_error(response)["extensions"] == {"code": "PAYLOAD_TOO_LARGE"}


def test_introspection_and_graphiql_are_off_in_production(
    strict: ApiServer, staff_token: str
) -> None:
    error = first_error(Http(strict.url, staff_token).post("{ __schema { types { name } } }"))
    page = httpx.get(f"{strict.url}/graphql", headers={"Accept": "text/html"})

    assert error["extensions"] == {"code": "GRAPHQL_VALIDATION_FAILED"}
    assert "graphiql" not in page.text.lower()
    assert httpx.get(f"{strict.url}/demo").status_code == 404


def test_sending_is_rate_limited_per_user_across_processes(
    strict: ApiServer, strict_pair: ApiServer
) -> None:
    user = make_user("chatty")
    for server in (strict, strict_pair, strict):
        Http(server.url, user.token).execute(ops.SEND, {"content": "hi"})

    error = first_error(Http(strict_pair.url, user.token).post(ops.SEND, {"content": "hi"}))

    assert error["extensions"]["code"] == "RATE_LIMITED"  # type: ignore[index]
    assert 1 <= error["extensions"]["retryAfter"] <= 60  # type: ignore[index]


def test_login_is_rate_limited_per_email(strict: ApiServer, env: dict[str, str]) -> None:
    staff_email = "guessed@example.test"
    create_staff(env, staff_email)
    http = Http(strict.url)
    codes = [
        first_error(http.post(LOGIN, {"e": staff_email, "p": "wrong"}))["extensions"]["code"]  # type: ignore[index]
        for _ in range(2)
    ]
    blocked = http.post(LOGIN, {"e": staff_email, "p": STAFF_PASSWORD})

    assert codes == ["UNAUTHENTICATED", "UNAUTHENTICATED"]
    assert first_error(blocked)["extensions"]["code"] == "RATE_LIMITED"  # type: ignore[index]


async def test_a_connection_holds_a_limited_number_of_subscriptions(
    strict: ApiServer, staff_token: str
) -> None:
    async with socket(strict.ws_url, staff_token) as client:
        await client.subscribe(ops.CHAT_UPDATED)
        await client.subscribe(ops.NEW_USER_MESSAGE)
        third = await client.subscribe(ops.CHAT_UPDATED)

        frame = await third.frame()

    assert frame["type"] == "error"
    assert "limit" in frame["payload"][0]["message"]


@pytest.mark.parametrize(
    ("origin", "allowed"), [(SHOP, True), ("https://evil.example.test", False)]
)
async def test_websocket_origins_are_checked(
    strict: ApiServer, staff_token: str, origin: str, allowed: bool
) -> None:
    if allowed:
        async with opened(strict.ws_url, origin=origin) as connection:
            assert (await initialise(connection, staff_token))["type"] == "connection_ack"
    else:
        with pytest.raises(websockets.InvalidStatus) as refused:
            async with opened(strict.ws_url, origin=origin):
                pass
        assert refused.value.response.status_code == 403


async def test_connection_init_must_come_within_seconds(strict: ApiServer) -> None:
    async with opened(strict.ws_url) as connection:
        assert await close_code(connection, within=15) == 4408


async def test_websocket_frames_are_limited(strict: ApiServer, staff_token: str) -> None:
    async with acknowledged(strict.ws_url, staff_token) as connection:
        await connection.send(json.dumps({"type": "ping", "payload": {"x": "y" * 5000}}))
        assert await close_code(connection) == 1009  # message too big


async def test_a_socket_is_closed_with_4403_when_its_token_expires(strict: ApiServer) -> None:
    """The widget and the dashboard answer 4403 by refreshing the token and resuming."""
    user = make_user("expiring", ttl=timedelta(seconds=2))
    async with acknowledged(strict.ws_url, user.token) as connection:
        assert await close_code(connection, within=10) == 4403


def test_logout_revokes_the_staff_token(strict: ApiServer, env: dict[str, str]) -> None:
    create_staff(env, "leaving@example.test")
    http = Http(strict.url)
    token = http.execute(LOGIN, {"e": "leaving@example.test", "p": STAFF_PASSWORD})["login"][
        "token"
    ]
    staff = Http(strict.url, token)
    assert staff.execute(ops.VIEWER)["viewer"]["role"] == "ADMIN"

    assert staff.execute("mutation { logout }") == {"logout": True}

    error = first_error(staff.post(ops.VIEWER))
    assert error["extensions"] == {"code": "UNAUTHENTICATED", "reason": "TOKEN_REVOKED"}

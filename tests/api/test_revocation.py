"""A revoked token, key or staff account loses its open sockets (4403 within a second) on
every API process, Redis up or down, and no operation on them runs after the revocation."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import websockets
from websockets.asyncio.client import ClientConnection

from api.auth.revocation import REFRESH_SECONDS, STALE_AFTER_SECONDS
from devtools.services import FerretDB, RedisServer
from tests.conftest import LOGIN, STAFF_PASSWORD, create_staff, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, acknowledged, close_code, socket
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

FORBIDDEN = 4403
WITHIN_SECONDS = 1.0


def cli(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "api.cli", *args], env=env, capture_output=True, text=True
    )


def new_staff_token(env: dict[str, str], api: ApiServer) -> tuple[str, str]:
    email = f"revoked-{uuid.uuid4().hex[:8]}@example.test"
    create_staff(env, email)
    token: str = Http(api.url).execute(LOGIN, {"e": email, "p": STAFF_PASSWORD})["login"]["token"]
    return email, token


def new_integration_key(env: dict[str, str], name: str) -> str:
    output = cli(env, "create-integration-key", name).stdout
    return output.strip().splitlines()[-1]


@pytest.fixture(params=["redis up", "redis down"])
def two_processes(
    request: pytest.FixtureRequest, env: dict[str, str]
) -> Iterator[tuple[dict[str, str], ApiServer, ApiServer, RedisServer]]:
    """Two API processes on one database and their own Redis, stopped for 'redis down'."""
    redis = RedisServer()
    redis.start()
    own_env = {**env, "REDIS_URL": redis.url}
    first, second = ApiServer(own_env, name="first").start(), ApiServer(own_env, name="second")
    second.start()
    redis_down = request.param == "redis down"
    try:
        yield own_env, first, second, redis
    finally:
        first.stop()
        second.stop()
        if not redis_down:
            redis.stop()
    if redis_down:
        redis.stop()


async def _closed_on_both(
    sockets: list[ClientConnection], revoke: Callable[[], None]
) -> tuple[list[int | None], float]:
    revoke()
    revoked_at = time.monotonic()
    codes = await asyncio.gather(*(close_code(s, within=WITHIN_SECONDS + 1) for s in sockets))
    return list(codes), time.monotonic() - revoked_at


async def _check_revocation_closes_sockets(
    env: dict[str, str],
    first: ApiServer,
    second: ApiServer,
    redis: RedisServer,
    credential: str,
    revoke: Callable[[], None],
    redis_down: bool,
) -> None:
    async with (
        acknowledged(first.ws_url, credential) as on_first,
        acknowledged(second.ws_url, credential) as on_second,
    ):
        if redis_down:
            redis.stop()
        codes, elapsed = await _closed_on_both([on_first, on_second], revoke)
    print(f"\nsockets closed {elapsed * 1000:.0f} ms after the revocation returned")
    assert codes == [FORBIDDEN, FORBIDDEN]
    assert elapsed < WITHIN_SECONDS


async def test_logout_closes_the_tokens_sockets_on_every_process(
    two_processes: tuple[dict[str, str], ApiServer, ApiServer, RedisServer],
    request: pytest.FixtureRequest,
) -> None:
    env, first, second, redis = two_processes
    _, token = new_staff_token(env, first)

    def logout() -> None:
        assert Http(first.url, token).execute("mutation { logout }") == {"logout": True}

    redis_down = "redis down" in request.node.callspec.id
    await _check_revocation_closes_sockets(env, first, second, redis, token, logout, redis_down)


async def test_a_revoked_integration_key_loses_its_sockets_on_every_process(
    two_processes: tuple[dict[str, str], ApiServer, ApiServer, RedisServer],
    request: pytest.FixtureRequest,
) -> None:
    env, first, second, redis = two_processes
    name = f"crm-{uuid.uuid4().hex[:6]}"
    key = new_integration_key(env, name)

    def revoke() -> None:
        result = cli(env, "revoke-integration-key", name)
        assert result.returncode == 0, result.stderr
        assert name in result.stdout

    redis_down = "redis down" in request.node.callspec.id
    await _check_revocation_closes_sockets(env, first, second, redis, key, revoke, redis_down)
    assert Http(first.url, key).error_code(ops.VIEWER) == "UNAUTHENTICATED"


async def test_a_disabled_staff_member_loses_sockets_tokens_and_log_in(
    two_processes: tuple[dict[str, str], ApiServer, ApiServer, RedisServer],
    request: pytest.FixtureRequest,
) -> None:
    env, first, second, redis = two_processes
    email, token = new_staff_token(env, first)

    def disable() -> None:
        result = cli(env, "disable-staff", email.upper())
        assert result.returncode == 0, result.stderr

    redis_down = "redis down" in request.node.callspec.id
    await _check_revocation_closes_sockets(env, first, second, redis, token, disable, redis_down)
    refused = Http(first.url, token).post(ops.VIEWER).json()["errors"][0]["extensions"]
    assert refused == {"code": "UNAUTHENTICATED", "reason": "ACCOUNT_DISABLED"}
    login = Http(first.url).post(LOGIN, {"e": email, "p": STAFF_PASSWORD}).json()
    assert login["errors"][0]["extensions"]["reason"] == "ACCOUNT_DISABLED"


async def test_no_operation_runs_on_a_socket_after_its_token_is_revoked(
    api: ApiServer, env: dict[str, str]
) -> None:
    _, token = new_staff_token(env, api)
    async with acknowledged(api.ws_url, token) as connection:
        Http(api.url, token).execute("mutation { logout }")
        payload = {"query": ops.VIEWER}
        await connection.send(json.dumps({"id": "1", "type": "subscribe", "payload": payload}))
        answer = await _answer_or_close_code(connection)
        if isinstance(answer, dict):
            errors = answer["payload"] if answer["type"] == "error" else answer["payload"]["errors"]
            assert errors[0]["extensions"]["code"] == "UNAUTHENTICATED", answer
            answer = await close_code(connection)
        assert answer == FORBIDDEN


async def _answer_or_close_code(connection: ClientConnection) -> dict[str, Any] | int | None:
    """The server's answer to an operation, or its close code if it closed the socket first."""
    try:
        answer: dict[str, Any] = json.loads(await asyncio.wait_for(connection.recv(), 2))
    except websockets.ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd is not None else None
    return answer


def test_revoking_names_nobody_is_an_error(env: dict[str, str]) -> None:
    unknown_key = cli(env, "revoke-integration-key", "no-such-key")
    unknown_staff = cli(env, "disable-staff", "nobody@example.test")

    assert unknown_key.returncode == 1
    assert "no integration key" in unknown_key.stderr
    assert unknown_staff.returncode == 1
    assert "has no staff account" in unknown_staff.stderr


async def test_revocation_checks_fail_closed_while_the_database_is_away(
    env: dict[str, str], tmp_path: Path
) -> None:
    """Without MongoDB no revocation can be read: an open socket's operations are refused.
    End users have nothing to revoke: a widget that missed nothing still resumes."""
    database = FerretDB(tmp_path / "db")
    database.start()
    own_env = {**env, "MONGODB_URL": database.url, "MONGODB_TIMEOUT_MS": "1000"}
    server = ApiServer(own_env, name="api-revocations-db-outage").start()
    try:
        _, token = new_staff_token(own_env, server)
        user = make_user("outage")
        newest = Http(server.url, user.token).execute(ops.SEND, {"content": "hi"})["sendMessage"]
        async with acknowledged(server.ws_url, token) as connection:
            database.stop()
            await asyncio.sleep(STALE_AFTER_SECONDS + 1)
            refused = await _run(connection, "1", ops.VIEWER)
            async with socket(server.ws_url, user.token) as widget:
                resumed = await widget.subscribe(ops.MESSAGE_ADDED, {"afterSeq": newest["seq"]})
                await resumed.nothing_more(wait=2.5)  # no error: nothing asked of MongoDB
            database.start()  # same port, same files
            await asyncio.sleep(REFRESH_SECONDS + 1.5)
            served = await _run(connection, "2", ops.VIEWER)

        assert refused["type"] == "next"
        assert refused["payload"]["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
        assert served["payload"]["data"]["viewer"]["role"] == "ADMIN"
    finally:
        server.stop()
        database.stop()


async def _run(connection: ClientConnection, operation_id: str, query: str) -> dict[str, Any]:
    payload = {"query": query}
    await connection.send(json.dumps({"id": operation_id, "type": "subscribe", "payload": payload}))
    while True:  # skip the `complete` of an earlier operation
        answer: dict[str, Any] = json.loads(await asyncio.wait_for(connection.recv(), 10))
        if answer.get("id") == operation_id and answer["type"] in ("next", "error"):
            return answer

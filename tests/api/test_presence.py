"""Who is online: a staff member's open dashboard, seen from every API process; a crashed
tab or process goes offline within the presence time to live."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator

import pytest
import redis

from devtools.services import RedisServer
from tests.conftest import EndUser
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.servers import ApiServer

pytestmark = pytest.mark.anyio

TTL = 2.0
AWAY = "Back at 9:00 CET; we reply by email."


@pytest.fixture(scope="module")
def short_lived(env: dict[str, str]) -> Iterator[ApiServer]:
    """Another API process, whose leases live only TTL seconds, with its own away text."""
    server = ApiServer(
        {**env, "PRESENCE_TTL_SECONDS": str(TTL), "AWAY_MESSAGE": AWAY}, name="api-presence"
    ).start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def nobody_online(env: dict[str, str]) -> None:
    """Dashboards of earlier tests (or killed processes) may still hold leases: clear them."""
    client = redis.Redis.from_url(env["REDIS_URL"])
    client.delete("presence:staff")
    client.close()


def online(api: ApiServer, staff_token: str) -> dict[str, bool]:
    staff = Http(api.url, staff_token).execute(ops.STAFF)["staff"]
    return {member["email"]: member["online"] for member in staff}


def availability(api: ApiServer, token: str) -> dict[str, object]:
    found: dict[str, object] = Http(api.url, token).execute(ops.AVAILABILITY)["availability"]
    return found


async def until(condition: Callable[[], bool], within: float) -> float:
    """Seconds until the condition holds; fails after `within`."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < within, "condition never held"
        await asyncio.sleep(0.1)
    return time.monotonic() - started


async def test_an_open_dashboard_on_one_process_is_online_on_another(
    api: ApiServer, short_lived: ApiServer, staff_token: str, staff_email: str, user: EndUser
) -> None:
    assert online(api, staff_token)[staff_email] is False
    assert availability(short_lived, user.token) == {"online": False, "message": AWAY}

    async with socket(short_lived.ws_url, staff_token):
        assert online(api, staff_token)[staff_email] is True
        assert availability(api, user.token) == {"online": True, "message": None}
        await asyncio.sleep(TTL * 1.5)  # renewed while open, past its first expiry
        assert online(api, staff_token)[staff_email] is True

    # Closed: offline at once, not only when the lease would expire.
    await until(lambda: not online(api, staff_token)[staff_email], within=TTL / 2)
    assert availability(short_lived, user.token) == {"online": False, "message": AWAY}


async def test_the_default_away_text(api: ApiServer, user: EndUser) -> None:
    assert availability(api, user.token) == {
        "online": False,
        "message": "We're away right now. Leave a message and we'll reply by email.",
    }


async def test_a_crashed_process_takes_its_dashboards_offline_within_the_ttl(
    api: ApiServer, env: dict[str, str], staff_token: str, staff_email: str
) -> None:
    doomed = ApiServer({**env, "PRESENCE_TTL_SECONDS": str(TTL)}, name="api-doomed").start()
    try:
        async with socket(doomed.ws_url, staff_token):
            assert online(api, staff_token)[staff_email] is True
            doomed.kill()  # no close, no clean-up: only the lease's expiry ends it
            assert online(api, staff_token)[staff_email] is True
            took = await until(lambda: not online(api, staff_token)[staff_email], within=TTL + 2)
    finally:
        doomed.stop()

    assert took > TTL / 3  # it was the expiry, not a clean close


async def test_a_user_or_integration_socket_marks_nobody_online(
    api: ApiServer, user: EndUser, integration_key: str, staff_token: str
) -> None:
    async with socket(api.ws_url, user.token), socket(api.ws_url, integration_key):
        assert not any(online(api, staff_token).values())
        assert availability(api, user.token)["online"] is False


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


async def test_without_redis_nobody_is_online_and_nothing_fails(
    env: dict[str, str], own_redis: RedisServer, staff_token: str, staff_email: str, user: EndUser
) -> None:
    server = ApiServer(
        {**env, "REDIS_URL": own_redis.url, "PRESENCE_TTL_SECONDS": str(TTL), "AWAY_MESSAGE": AWAY},
        name="api-presence-no-redis",
    ).start()
    try:
        own_redis.stop()
        async with socket(server.ws_url, staff_token):  # the dashboard still connects
            assert availability(server, user.token) == {"online": False, "message": AWAY}
            assert online(server, staff_token)[staff_email] is False
            chat_id = Http(server.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
            assert Http(server.url, staff_token).execute(
                ops.SET_TYPING, {"chatId": chat_id, "typing": True}
            ) == {"setTyping": True}

            own_redis.start()  # the open dashboard's next renewal makes it online again
            await until(lambda: online(server, staff_token)[staff_email], within=TTL + 2)
    finally:
        server.stop()

"""The Redis record of end users as last stored (api/auth/known_users.py), on real Redis."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis

from api.auth.known_users import KnownUser, KnownUsers, TokenIdentity
from api.web.app import REDIS_CONNECTIONS, redis_client

pytestmark = pytest.mark.anyio


@pytest.fixture
async def redis(env: dict[str, str]) -> AsyncIterator[Redis]:
    client = Redis.from_url(env["REDIS_URL"])
    yield client
    await client.aclose()


def identity(**changes: object) -> TokenIdentity:
    claims: dict[str, object] = {
        "external_id": "known-1", "email": "a@example.test", "name": "A", "attributes": None,
    }  # fmt: skip
    return TokenIdentity(**{**claims, **changes})  # type: ignore[arg-type]


async def test_only_the_claims_last_stored_are_known(redis: Redis) -> None:
    users = KnownUsers(redis, epoch=uuid.uuid4().int % 2**48)
    user_id, chat_id = uuid.uuid4(), uuid.uuid4()
    assert await users.lookup(identity()) is None

    await users.remember(identity(), user_id)
    assert await users.lookup(identity()) == KnownUser(user_id, None)
    await users.remember_chat("known-1", chat_id)
    assert await users.lookup(identity()) == KnownUser(user_id, chat_id)

    for changed in ({"email": "b@example.test"}, {"name": None}, {"attributes": {"plan": "pro"}}):
        assert await users.lookup(identity(**changed)) is None, changed
    assert await users.lookup(identity(external_id="known-2")) is None


async def test_another_database_knows_nobody_from_this_one(redis: Redis) -> None:
    this, other = (KnownUsers(redis, epoch=uuid.uuid4().int % 2**48) for _ in range(2))
    await this.remember(identity(), uuid.uuid4())
    assert await other.lookup(identity()) is None


async def test_without_redis_nobody_is_known_and_nothing_fails() -> None:
    unreachable = Redis(port=1, socket_connect_timeout=0.2)
    users = KnownUsers(unreachable, epoch=1)
    await users.remember(identity(), uuid.uuid4())
    assert await users.lookup(identity()) is None
    await unreachable.aclose()


async def test_a_storm_of_lookups_finds_everyone(env: dict[str, str]) -> None:
    """More commands at once than the process has Redis connections: each waits its turn."""
    redis = redis_client(env["REDIS_URL"])
    users = KnownUsers(redis, epoch=uuid.uuid4().int % 2**48)
    storm = [identity(external_id=f"storm-{n}") for n in range(REDIS_CONNECTIONS * 8)]
    for one in storm:
        await users.remember(one, uuid.uuid4())

    found = await asyncio.gather(*(users.lookup(one) for one in storm))

    assert sum(known is None for known in found) == 0
    await redis.aclose()

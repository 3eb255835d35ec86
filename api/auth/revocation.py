"""Revocations as one API process sees them: stored in MongoDB, cached here, announced by Redis.

MongoDB is the truth (an outage of Redis cannot forget a revocation). The cache is read
again every `REFRESH_SECONDS`, and at once when another process announces a revocation on
Redis. Checks fail closed: while the cache could not be refreshed for `STALE_AFTER_SECONDS`,
every check of staff or an integration refuses (UNAVAILABLE); end users have nothing here
to revoke. A socket whose principal is revoked is told through `watch`.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from contextlib import suppress

from redis.asyncio import Redis
from redis.exceptions import RedisError

from api.auth.principal import Principal, Role
from core.errors import Unauthenticated, Unavailable
from documents import DATABASE_ERROR
from documents.revocations import RevokedAccess, current_revocations, revoke_token

logger = logging.getLogger(__name__)

ANNOUNCEMENTS = "support_chat:revocations"
REFRESH_SECONDS = 0.5
STALE_AFTER_SECONDS = 5.0
NOTHING_REVOKED = RevokedAccess(frozenset(), frozenset(), frozenset())

OnRevoked = Callable[[], None]


def is_revoked(principal: Principal, revoked: RevokedAccess) -> bool:
    if principal.role is Role.ADMIN:
        return principal.token_id in revoked.token_ids or principal.id in revoked.staff_ids
    if principal.role is Role.INTEGRATION:
        return principal.id in revoked.key_ids
    return False


async def announce(redis: Redis) -> None:
    """Tell every API process to read the revocations now (they also do within a second)."""
    try:
        await redis.publish(ANNOUNCEMENTS, "changed")
    except (RedisError, OSError):
        logger.warning("revocation not announced: Redis is unavailable; processes poll MongoDB")


class Revocations:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._revoked = NOTHING_REVOKED
        self._refreshed_at = float("-inf")  # when the cached read started
        self._refreshing = asyncio.Lock()  # a read started earlier never overwrites a later one
        self._watchers: dict[OnRevoked, Principal] = {}
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        await self.refresh()
        self._tasks = [
            asyncio.create_task(self._poll_forever(), name="revocations-poll"),
            asyncio.create_task(self._follow_announcements(), name="revocations-announcements"),
        ]

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    async def revoke_token(self, principal: Principal) -> None:
        """Logout: store it, apply it here at once, tell the other processes."""
        if principal.token_id is None or principal.expires_at is None:
            return
        await revoke_token(principal.token_id, principal.expires_at)
        await self.refresh()
        await announce(self._redis)

    def check(self, principal: Principal) -> None:
        """Raise unless this principal still has access, as far as this process can know.
        End users have nothing to revoke: a stale cache never refuses them."""
        if principal.role is Role.USER:
            return
        if time.monotonic() - self._refreshed_at > STALE_AFTER_SECONDS:
            raise Unavailable("Cannot check revocations now; try again shortly.")
        if is_revoked(principal, self._revoked):
            raise Unauthenticated("Access revoked.", reason="TOKEN_REVOKED")

    def watch(self, principal: Principal, on_revoked: OnRevoked) -> None:
        """Call `on_revoked` once, when this principal is revoked (until `unwatch`)."""
        if is_revoked(principal, self._revoked):  # revoked while it authenticated
            on_revoked()
            return
        self._watchers[on_revoked] = principal

    def unwatch(self, on_revoked: OnRevoked) -> None:
        self._watchers.pop(on_revoked, None)

    async def refresh(self) -> None:
        async with self._refreshing:
            started = time.monotonic()
            try:
                revoked = await current_revocations()
            except DATABASE_ERROR as error:
                logger.warning("could not read revocations: %s", error)
                return
            self._refreshed_at = started
            self._apply(revoked)

    def _apply(self, revoked: RevokedAccess) -> None:
        if revoked == self._revoked:
            return
        self._revoked = revoked
        for on_revoked, principal in list(self._watchers.items()):
            if is_revoked(principal, revoked):
                del self._watchers[on_revoked]
                on_revoked()

    async def _poll_forever(self) -> None:
        while True:
            await asyncio.sleep(REFRESH_SECONDS)
            await self.refresh()

    async def _follow_announcements(self) -> None:
        while True:
            try:
                async with self._redis.pubsub(ignore_subscribe_messages=True) as pubsub:
                    await pubsub.subscribe(ANNOUNCEMENTS)
                    while True:
                        if await pubsub.get_message(timeout=1.0) is not None:
                            await self.refresh()
            except (RedisError, OSError):
                await asyncio.sleep(1.0)  # the poll keeps the cache fresh meanwhile

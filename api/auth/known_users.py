"""End users as last stored, remembered in Redis: a widget coming back with a token that
says what it said last time costs no MongoDB round trip, so a reconnect storm after a
deploy reaches the database only for what changed.

A record is keyed by the database's epoch and a hash of the token's `sub`; it holds a
fingerprint of the claims last written to storage (email, name, attributes), the user's
id and, once known, the id of the user's one chat (which never changes). A different
fingerprint, a missing record or a Redis failure all read as "not known": MongoDB answers
and the record is written again. Two tokens of one user with different claims at the
same instant may leave the other's fingerprint; the next different token corrects it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass
from uuid import UUID

from redis.asyncio import Redis
from redis.exceptions import RedisError

from api.auth.attributes import Attribute

RECORD_SECONDS = 7 * 24 * 3600


@dataclass(frozen=True, slots=True)
class TokenIdentity:
    """What an end-user token says about its user."""

    external_id: str
    email: str
    name: str | None
    attributes: Mapping[str, Attribute] | None  # None: the token has no attributes claim

    def fingerprint(self) -> str:
        claims = [self.email, self.name, self.attributes]
        return hashlib.sha256(json.dumps(claims, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True, slots=True)
class KnownUser:
    user_id: UUID
    chat_id: UUID | None


class KnownUsers:
    def __init__(self, redis: Redis, epoch: int) -> None:
        self._redis = redis
        self._epoch = epoch

    async def lookup(self, identity: TokenIdentity) -> KnownUser | None:
        """The user behind these claims, if they are the ones last stored."""
        try:
            fingerprint, user, chat = await self._redis.hmget(
                self._key(identity.external_id), ["fingerprint", "user", "chat"]
            )
        except (RedisError, OSError):
            return None
        if fingerprint is None or user is None or _text(fingerprint) != identity.fingerprint():
            return None
        return KnownUser(UUID(_text(user)), UUID(_text(chat)) if chat else None)

    async def remember(self, identity: TokenIdentity, user_id: UUID) -> None:
        """These claims are now what storage holds for this user."""
        await self._write(
            identity.external_id, {"fingerprint": identity.fingerprint(), "user": str(user_id)}
        )

    async def remember_chat(self, external_id: str, chat_id: UUID) -> None:
        await self._write(external_id, {"chat": str(chat_id)})

    async def _write(self, external_id: str, fields: Mapping[str, str]) -> None:
        key = self._key(external_id)
        try:
            async with self._redis.pipeline(transaction=True) as pipe:
                pipe.hset(key, items=[part for field in fields.items() for part in field])
                pipe.expire(key, RECORD_SECONDS)
                await pipe.execute()
        except (RedisError, OSError):
            pass  # not remembered: the next lookup asks MongoDB

    def _key(self, external_id: str) -> str:
        digest = hashlib.sha256(external_id.encode()).hexdigest()
        return f"known-user:{self._epoch}:{digest}"


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value

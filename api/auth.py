"""Who is calling: end-user tokens, staff tokens and integration keys."""

from __future__ import annotations

import asyncio
import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from api.errors import Unauthenticated
from api.revocation import Revocations
from api.settings import Settings
from documents import IntegrationKey, Staff, User
from documents._load import load
from documents._time import utc_now
from documents._upsert import upsert_one

STAFF_ISSUER = "support-chat"
INTEGRATION_KEY_PREFIX = "sck_"
_password_hasher = PasswordHasher()
# Verified against when the email is unknown, so both failures take as long.
_DUMMY_HASH = _password_hasher.hash("not a real password")


class Role(StrEnum):
    USER = "USER"
    ADMIN = "ADMIN"
    INTEGRATION = "INTEGRATION"


@dataclass(frozen=True, slots=True)
class Principal:
    id: UUID
    role: Role
    email: str | None = None
    name: str | None = None
    expires_at: datetime | None = None
    token_id: str | None = None  # staff tokens: the `jti` that logout revokes

    @property
    def is_staff(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def reads_all_chats(self) -> bool:
        return self.role in (Role.ADMIN, Role.INTEGRATION)


async def authenticate(token: str, settings: Settings, revocations: Revocations) -> Principal:
    """Resolve a bearer token to its principal, or raise Unauthenticated."""
    if token.startswith(INTEGRATION_KEY_PREFIX):
        return await _integration_principal(token)
    try:
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        raise Unauthenticated("Invalid token.", reason="INVALID_TOKEN") from None
    if unverified.get("iss") == STAFF_ISSUER:
        claims = _verify(token, settings.secret_key, issuer=STAFF_ISSUER)
        if await revocations.is_revoked(str(claims.get("jti"))):
            raise Unauthenticated("Logged out.", reason="TOKEN_REVOKED")
        return await _staff_principal(claims)
    return await _user_principal(_verify(token, settings.widget_secret, issuer=None))


def _verify(token: str, key: str, *, issuer: str | None) -> dict[str, Any]:
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            key,
            algorithms=["HS256"],
            issuer=issuer,
            options={"require": ["exp", "sub"]},
        )
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("Token expired.", reason="TOKEN_EXPIRED") from None
    except jwt.InvalidTokenError:
        raise Unauthenticated("Invalid token.", reason="INVALID_TOKEN") from None
    return claims


def _expiry(claims: dict[str, Any]) -> datetime:
    return datetime.fromtimestamp(int(claims["exp"]), UTC)


async def _user_principal(claims: dict[str, Any]) -> Principal:
    external_id, email, name = claims.get("sub"), claims.get("email"), claims.get("name")
    if not isinstance(external_id, str) or not external_id or not isinstance(email, str):
        raise Unauthenticated("Token lacks sub or email.", reason="INVALID_TOKEN")
    if name is not None and not isinstance(name, str):
        raise Unauthenticated("Token name must be a string.", reason="INVALID_TOKEN")
    user = await remember_user(external_id, email, name)
    return Principal(user.id, Role.USER, user.email, user.name, _expiry(claims))


async def remember_user(external_id: str, email: str, name: str | None) -> User:
    """The user with this host-app id, created on first sight, email and name kept current."""
    user = await User.find_one(User.external_id == external_id)
    if user is not None and user.email == email and user.name == name:
        return user
    fresh = User(external_id=external_id, email=email)
    document = await upsert_one(
        User.get_pymongo_collection(),
        {"external_id": external_id},
        {
            "$set": {"email": email, "name": name},
            "$setOnInsert": {"_id": fresh.id, "created_at": fresh.created_at},
        },
    )
    return load(User, document)


async def _staff_principal(claims: dict[str, Any]) -> Principal:
    try:
        staff = await Staff.get(UUID(str(claims["sub"])))
    except ValueError:
        staff = None
    if staff is None:
        raise Unauthenticated("Unknown staff account.", reason="INVALID_TOKEN")
    return Principal(
        staff.id, Role.ADMIN, staff.email, staff.name, _expiry(claims), str(claims.get("jti"))
    )


async def _integration_principal(key: str) -> Principal:
    record = await IntegrationKey.find_one(IntegrationKey.key_hash == hash_key(key))
    if record is None or record.revoked_at is not None:
        raise Unauthenticated("Invalid integration key.", reason="INVALID_TOKEN")
    return Principal(record.id, Role.INTEGRATION, None, record.name)


def issue_staff_token(staff: Staff, settings: Settings) -> str:
    now = utc_now()
    claims = {
        "iss": STAFF_ISSUER,
        "sub": str(staff.id),
        "role": Role.ADMIN.value,
        "iat": now,
        "exp": now + timedelta(hours=settings.staff_token_hours),
        "jti": secrets.token_urlsafe(12),
    }
    return jwt.encode(claims, settings.secret_key, algorithm="HS256")


async def staff_with_password(email: str, password: str) -> Staff:
    """The staff account these credentials open; one error for any mismatch."""
    staff = await Staff.find_one(Staff.email == email.strip().lower())
    # argon2 is slow on purpose: keep it off the event loop.
    matches = await asyncio.to_thread(
        verify_password, staff.password_hash if staff else _DUMMY_HASH, password
    )
    if not matches or not staff:
        raise Unauthenticated("Wrong email or password.", reason="BAD_CREDENTIALS")
    return staff


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_integration_key() -> str:
    return INTEGRATION_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    # Keys are 256 random bits, so a fast hash is enough and stays indexable.
    return hashlib.sha256(key.encode()).hexdigest()


def user_token(secret: str, external_id: str, email: str, name: str | None, ttl: timedelta) -> str:
    """An end-user token as a host app's backend would sign it (demo and tests)."""
    claims: dict[str, Any] = {"sub": external_id, "email": email, "exp": utc_now() + ttl}
    if name:
        claims["name"] = name
    return jwt.encode(claims, secret, algorithm="HS256")

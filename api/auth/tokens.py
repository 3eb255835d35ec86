"""Bearer tokens: end-user JWTs (signed by the host app), staff JWTs, integration keys."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import jwt

from api.auth.attributes import token_attributes
from api.auth.keys import INTEGRATION_KEY_PREFIX, hash_key
from api.auth.known_users import KnownUsers, TokenIdentity
from api.auth.principal import Principal, Role
from core.clock import utc_now
from core.errors import Unauthenticated
from core.settings import Settings
from documents import Staff
from documents.integration_keys import active_key
from documents.revocations import is_token_revoked
from documents.staff_accounts import staff_by_id
from documents.users import remember_user

STAFF_ISSUER = "support-chat"


async def authenticate(token: str, settings: Settings, known_users: KnownUsers) -> Principal:
    """Resolve a bearer token to its principal, or raise Unauthenticated.

    Revocations are read from MongoDB itself here; open sockets rely on the per-process
    cache in `api.auth.revocation` for each later operation. An end user whose claims
    are unchanged since they were last stored is known from Redis (`known_users`).
    """
    if token.startswith(INTEGRATION_KEY_PREFIX):
        return await _integration_principal(token)
    try:
        unverified = jwt.decode(token, options={"verify_signature": False})
    except jwt.InvalidTokenError:
        raise Unauthenticated("Invalid token.", reason="INVALID_TOKEN") from None
    if unverified.get("iss") == STAFF_ISSUER:
        claims = _verify(token, settings.secret_key, issuer=STAFF_ISSUER)
        if await is_token_revoked(str(claims.get("jti"))):
            raise Unauthenticated("Logged out.", reason="TOKEN_REVOKED")
        return await _staff_principal(claims)
    claims = _verify(token, settings.widget_secret, issuer=None)
    return await _user_principal(claims, known_users)


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


async def _user_principal(claims: dict[str, Any], known_users: KnownUsers) -> Principal:
    external_id, email, name = claims.get("sub"), claims.get("email"), claims.get("name")
    if not isinstance(external_id, str) or not external_id or not isinstance(email, str):
        raise Unauthenticated("Token lacks sub or email.", reason="INVALID_TOKEN")
    if name is not None and not isinstance(name, str):
        raise Unauthenticated("Token name must be a string.", reason="INVALID_TOKEN")
    attributes = token_attributes(claims.get("attributes"), external_id)
    identity = TokenIdentity(external_id, email, name, attributes)
    known = await known_users.lookup(identity)
    if known is None:
        user = await remember_user(external_id, email, name, attributes)
        await known_users.remember(identity, user.id)
        user_id, chat_id = user.id, None
    else:
        user_id, chat_id = known.user_id, known.chat_id
    return Principal(
        user_id, Role.USER, email, name, _expiry(claims), external_id=external_id, chat_id=chat_id
    )


async def _staff_principal(claims: dict[str, Any]) -> Principal:
    try:
        staff = await staff_by_id(UUID(str(claims["sub"])))
    except ValueError:
        staff = None
    if staff is None:
        raise Unauthenticated("Unknown staff account.", reason="INVALID_TOKEN")
    if staff.disabled_at is not None:
        raise Unauthenticated("This staff account is disabled.", reason="ACCOUNT_DISABLED")
    return Principal(
        staff.id, Role.ADMIN, staff.email, staff.name, _expiry(claims), str(claims.get("jti"))
    )


async def _integration_principal(key: str) -> Principal:
    record = await active_key(hash_key(key))
    if record is None:
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


def user_token(
    secret: str,
    external_id: str,
    email: str,
    name: str | None,
    ttl: timedelta,
    attributes: object = None,
) -> str:
    """An end-user token as a host app's backend would sign it (demo and tests)."""
    claims: dict[str, Any] = {"sub": external_id, "email": email, "exp": utc_now() + ttl}
    if name:
        claims["name"] = name
    if attributes is not None:
        claims["attributes"] = attributes
    return jwt.encode(claims, secret, algorithm="HS256")

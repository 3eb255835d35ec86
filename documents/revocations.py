"""What lost access before its token expired: logged-out tokens, disabled staff, revoked keys.

Each revocation is one durable write where it belongs (`revoked_tokens`, `Staff.disabled_at`,
`IntegrationKey.revoked_at`); `current_revocations` reads them all back for the per-process cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from beanie.operators import GT, NE

from core.clock import utc_now
from documents.models import IntegrationKey, RevokedToken, Staff


@dataclass(frozen=True, slots=True)
class RevokedAccess:
    token_ids: frozenset[str]
    staff_ids: frozenset[UUID]
    key_ids: frozenset[UUID]


async def revoke_token(token_id: str, expires_at: datetime) -> None:
    """Idempotent: logging out twice stores one record."""
    await RevokedToken.find_one(RevokedToken.id == token_id).upsert(
        {"$set": {RevokedToken.expires_at: expires_at}},
        on_insert=RevokedToken(id=token_id, expires_at=expires_at),
    )


async def is_token_revoked(token_id: str) -> bool:
    return await RevokedToken.find_one(RevokedToken.id == token_id) is not None


async def current_revocations() -> RevokedAccess:
    now = utc_now()
    tokens = await RevokedToken.find(GT(RevokedToken.expires_at, now)).to_list()
    staff = await Staff.find(NE(Staff.disabled_at, None)).to_list()
    keys = await IntegrationKey.find(NE(IntegrationKey.revoked_at, None)).to_list()
    return RevokedAccess(
        token_ids=frozenset(token.id for token in tokens),
        staff_ids=frozenset(member.id for member in staff),
        key_ids=frozenset(key.id for key in keys),
    )

"""Read-only API keys for integrations, stored as their SHA-256 only."""

from __future__ import annotations

from uuid import UUID

from beanie.operators import Or

from core.clock import utc_now
from documents.models import IntegrationKey


async def active_key(key_hash: str) -> IntegrationKey | None:
    """The unrevoked key with this hash."""
    record = await IntegrationKey.find_one(IntegrationKey.key_hash == key_hash)
    return record if record is not None and record.revoked_at is None else None


async def create_key(name: str, key_hash: str) -> IntegrationKey:
    return await IntegrationKey(name=name, key_hash=key_hash).insert()


async def revoke_keys(name_or_id: str) -> list[IntegrationKey]:
    """Revoke the key with this id, or every key with this name; the keys it names."""
    try:
        by_id = [IntegrationKey.id == UUID(name_or_id)]
    except ValueError:
        by_id = []
    keys = await IntegrationKey.find(Or(IntegrationKey.name == name_or_id, *by_id)).to_list()
    now = utc_now()
    for key in keys:
        if key.revoked_at is None:
            await key.set({IntegrationKey.revoked_at: now})
    return keys

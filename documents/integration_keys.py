"""Read-only API keys for integrations, stored as their SHA-256 only."""

from __future__ import annotations

from documents.models import IntegrationKey


async def active_key(key_hash: str) -> IntegrationKey | None:
    """The unrevoked key with this hash."""
    record = await IntegrationKey.find_one(IntegrationKey.key_hash == key_hash)
    return record if record is not None and record.revoked_at is None else None


async def create_key(name: str, key_hash: str) -> IntegrationKey:
    return await IntegrationKey(name=name, key_hash=key_hash).insert()

from __future__ import annotations

from datetime import datetime

from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument


class IntegrationKey(UuidDocument):
    """A read-only API key for integrations; only its SHA-256 is stored."""

    name: str
    key_hash: str
    created_at: datetime = Field(default_factory=utc_now)
    revoked_at: datetime | None = None

    class Settings:
        name = "integration_keys"
        indexes = [
            IndexModel("key_hash", name="key_hash_unique", unique=True),
            IndexModel("name", name="name"),
            IndexModel("revoked_at", name="revoked_at"),
        ]

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid4

from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from documents._time import utc_now


class IntegrationKey(Document):
    """A read-only API key for integrations; only its SHA-256 is stored."""

    id: UUID = Field(default_factory=uuid4)
    name: str
    key_hash: str
    created_at: datetime = Field(default_factory=utc_now)
    revoked_at: datetime | None = None

    class Settings:
        name = "integration_keys"
        indexes = [IndexModel("key_hash", name="key_hash_unique", unique=True)]

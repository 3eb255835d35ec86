from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid4

from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from documents._time import utc_now


class Staff(Document):
    """A support agent who logs in to the dashboard."""

    id: UUID = Field(default_factory=uuid4)
    email: str  # stored lower-case
    name: str | None = None
    password_hash: str
    created_at: datetime = Field(default_factory=utc_now)

    class Settings:
        name = "staff"
        indexes = [IndexModel("email", name="email_unique", unique=True)]

from __future__ import annotations

from datetime import datetime

from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument


class Staff(UuidDocument):
    """A support agent who logs in to the dashboard."""

    email: str  # stored lower-case
    name: str | None = None
    password_hash: str
    created_at: datetime = Field(default_factory=utc_now)
    disabled_at: datetime | None = None  # set by `support-chat disable-staff`: no log-in, no token

    class Settings:
        name = "staff"
        indexes = [
            IndexModel("email", name="email_unique", unique=True),
            IndexModel("disabled_at", name="disabled_at"),
        ]

from __future__ import annotations

from datetime import datetime
from uuid import UUID, uuid4

from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from documents._time import utc_now


class User(Document):
    """An end user of the host app, known by the host app's own id."""

    id: UUID = Field(default_factory=uuid4)
    external_id: str
    email: str
    name: str | None = None
    email_opt_out: bool = False
    created_at: datetime = Field(default_factory=utc_now)

    class Settings:
        name = "users"
        indexes = [IndexModel("external_id", name="external_id_unique", unique=True)]

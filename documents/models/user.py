from __future__ import annotations

from datetime import datetime

from pydantic import Field, StrictBool, StrictFloat, StrictInt, StrictStr
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument

AttributeValue = StrictBool | StrictInt | StrictFloat | StrictStr


class User(UuidDocument):
    """An end user of the host app, known by the host app's own id."""

    external_id: str
    email: str
    name: str | None = None
    email_opt_out: bool = False
    created_at: datetime = Field(default_factory=utc_now)  # first seen
    # Custom attributes from the host app's token (already checked), shown to staff.
    attributes: dict[str, AttributeValue] = Field(default_factory=dict)

    class Settings:
        name = "users"
        indexes = [IndexModel("external_id", name="external_id_unique", unique=True)]

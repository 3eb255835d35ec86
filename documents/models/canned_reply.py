from __future__ import annotations

from datetime import datetime

from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now
from documents.models.base import UuidDocument


class CannedReply(UuidDocument):
    """A saved reply, shared by all staff, picked by its shortcut."""

    shortcut: str  # stored lower-case
    title: str
    content: str
    updated_at: datetime = Field(default_factory=utc_now)

    class Settings:
        name = "canned_replies"
        indexes = [IndexModel("shortcut", name="shortcut_unique", unique=True)]

from __future__ import annotations

from uuid import UUID, uuid4

from beanie import Document
from pydantic import Field


class UuidDocument(Document):
    """A document whose `_id` is a UUID (Beanie's default is an ObjectId)."""

    id: UUID = Field(default_factory=uuid4)  # type: ignore[assignment]

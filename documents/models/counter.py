from __future__ import annotations

from beanie import Document


class Counter(Document):
    """A number handed out by atomic `$inc`, e.g. the feed position of USER messages."""

    id: str  # type: ignore[assignment]
    value: int = 0

    class Settings:
        name = "counters"


class Migration(Document):
    """A one-off data migration that has finished: its id is its name."""

    id: str  # type: ignore[assignment]

    class Settings:
        name = "migrations"

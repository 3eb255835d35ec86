"""Named numbers in one collection: counters handed out by one atomic `$inc` each, never
twice, and the database's epoch."""

from __future__ import annotations

import secrets

from documents._upsert import upsert_one
from documents.models import Counter

USER_FEED = "user_messages"  # feed positions of USER messages (`newUserMessage` cursors)
EPOCH = "epoch"


async def next_count(name: str) -> int:
    document = await upsert_one(
        Counter.get_pymongo_collection(), {"_id": name}, {"$inc": {"value": 1}}
    )
    value: int = document["value"]
    return value


async def current_count(name: str) -> int:
    counter = await Counter.get(name)
    return counter.value if counter is not None else 0


async def database_epoch() -> int:
    """A random number drawn when this database was first asked: caches kept outside
    MongoDB put it in their keys, so a recreated database never meets an old one's rows."""
    document = await upsert_one(
        Counter.get_pymongo_collection(),
        {"_id": EPOCH},
        {"$setOnInsert": {"value": secrets.randbits(48)}},
    )
    value: int = document["value"]
    return value

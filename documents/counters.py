"""Named counters: numbers handed out by one atomic `$inc` each, never twice."""

from __future__ import annotations

from documents._upsert import upsert_one
from documents.models import Counter

USER_FEED = "user_messages"  # feed positions of USER messages (`newUserMessage` cursors)


async def next_count(name: str) -> int:
    document = await upsert_one(
        Counter.get_pymongo_collection(), {"_id": name}, {"$inc": {"value": 1}}
    )
    value: int = document["value"]
    return value


async def current_count(name: str) -> int:
    counter = await Counter.get(name)
    return counter.value if counter is not None else 0

"""Race-safe get-or-create on a unique index, in one atomic write."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pymongo import ReturnDocument
from pymongo.asynchronous.collection import AsyncCollection
from pymongo.errors import DuplicateKeyError


async def upsert_one(
    collection: AsyncCollection[Any], query: Mapping[str, Any], update: Mapping[str, Any]
) -> dict[str, Any]:
    """findOneAndUpdate with upsert, returning the document after the update.

    Two concurrent upserts of the same key can both miss and both insert; the
    unique index rejects one of them, and retrying it finds the winner's document.
    """
    for attempt in range(3):
        try:
            document: dict[str, Any] | None = await collection.find_one_and_update(
                query, update, upsert=True, return_document=ReturnDocument.AFTER
            )
        except DuplicateKeyError:
            if attempt == 2:
                raise
            continue
        assert document is not None  # upsert always returns a document
        return document
    raise AssertionError("unreachable")

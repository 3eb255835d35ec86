"""Index creation, one index per command.

FerretDB 1.24 drops the connection when one createIndexes command names
several indexes that already exist, which Beanie's own index set-up sends on
every start after the first. Creating only the missing ones, one at a time,
works on MongoDB and FerretDB alike.
"""

from __future__ import annotations

from beanie import Document


async def ensure_indexes(models: list[type[Document]]) -> None:
    for model in models:
        collection = model.get_pymongo_collection()
        existing = await collection.index_information()
        for index in model.get_settings().indexes:
            if index.name not in existing:
                await collection.create_indexes([index.index])

"""The one place that connects to MongoDB: client, Beanie, indexes, and what 'down' looks like."""

from __future__ import annotations

from collections.abc import Collection

from beanie import Document, init_beanie
from pymongo import AsyncMongoClient
from pymongo.errors import ConnectionFailure, PyMongoError

from documents.command_log import CommandShapeLog
from documents.migrations import number_messages
from documents.models import DOCUMENT_MODELS, Message
from documents.models.message import CHAT_SEQ_INDEX

Client = AsyncMongoClient[dict[str, object]]

# Raised by any storage operation while MongoDB cannot be reached: callers answer UNAVAILABLE.
DATABASE_UNAVAILABLE: tuple[type[Exception], ...] = (ConnectionFailure,)
DATABASE_ERROR: type[Exception] = PyMongoError


def connect(url: str, *, timeout_ms: int = 5000, command_log_dir: str | None = None) -> Client:
    """Open a client whose datetimes come back UTC-aware and whose UUIDs are standard.

    With `command_log_dir`, the shape of every query command is logged there (the
    test suite checks that each one is served by a declared index).
    """
    listeners = [CommandShapeLog(command_log_dir)] if command_log_dir else []
    return AsyncMongoClient(
        url,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=timeout_ms,
        event_listeners=listeners,
    )


async def init_db(client: Client, database: str) -> None:
    """Connect Beanie, migrate what predates this code, and create the missing indexes."""
    await init_beanie(database=client[database], document_models=DOCUMENT_MODELS, skip_indexes=True)
    await ensure_indexes(DOCUMENT_MODELS, skip={CHAT_SEQ_INDEX})
    await number_messages()
    await ensure_indexes([Message])


async def ping(client: Client) -> None:
    await client.admin.command("ping")


async def ensure_indexes(models: list[type[Document]], skip: Collection[str] = ()) -> None:
    """Create the missing indexes, one per command.

    FerretDB 1.24 drops the connection when one createIndexes command names
    several indexes that already exist, which Beanie's own index set-up sends on
    every start after the first. Creating only the missing ones, one at a time,
    works on MongoDB and FerretDB alike.
    """
    for model in models:
        collection = model.get_pymongo_collection()
        existing = await collection.index_information()
        for index in model.get_settings().indexes:
            if index.name not in existing and index.name not in skip:
                await collection.create_indexes([index.index])

"""MongoDB documents (Beanie) and the one place that connects them."""

from __future__ import annotations

from beanie import Document, init_beanie
from pymongo import AsyncMongoClient

from documents.chat import Chat
from documents.email_delivery import DeliveryStatus, EmailDelivery
from documents.indexes import ensure_indexes
from documents.integration_key import IntegrationKey
from documents.message import Message, SenderType
from documents.staff import Staff
from documents.user import User

DOCUMENT_MODELS: list[type[Document]] = [User, Staff, IntegrationKey, Chat, Message, EmailDelivery]

__all__ = [
    "DOCUMENT_MODELS",
    "Chat",
    "DeliveryStatus",
    "EmailDelivery",
    "IntegrationKey",
    "Message",
    "SenderType",
    "Staff",
    "User",
    "connect",
    "init_db",
]


def connect(url: str, *, timeout_ms: int = 5000) -> AsyncMongoClient[dict[str, object]]:
    """Open a client whose datetimes come back UTC-aware and whose UUIDs are standard."""
    return AsyncMongoClient(
        url,
        tz_aware=True,
        uuidRepresentation="standard",
        serverSelectionTimeoutMS=timeout_ms,
    )


async def init_db(client: AsyncMongoClient[dict[str, object]], database: str) -> None:
    await init_beanie(database=client[database], document_models=DOCUMENT_MODELS, skip_indexes=True)
    await ensure_indexes(DOCUMENT_MODELS)

"""Storage: the Beanie documents and every operation on them.

Nothing outside this package imports pymongo or Beanie's query API, or builds a
MongoDB filter: callers use the operations in `chats`, `messages`, `users`,
`staff_accounts`, `integration_keys`, `email_deliveries`, `notes` and
`canned_replies`. Each write is a
single-document atomic update (a standalone MongoDB has no transactions).
"""

from __future__ import annotations

from documents.database import (
    DATABASE_ERROR,
    DATABASE_UNAVAILABLE,
    Client,
    connect,
    init_db,
    ping,
)
from documents.models import (
    DOCUMENT_MODELS,
    CannedReply,
    Chat,
    DeliveryStatus,
    EmailDelivery,
    IntegrationKey,
    Message,
    Note,
    SenderType,
    Staff,
    User,
)

__all__ = [
    "DATABASE_ERROR",
    "DATABASE_UNAVAILABLE",
    "DOCUMENT_MODELS",
    "CannedReply",
    "Chat",
    "Client",
    "DeliveryStatus",
    "EmailDelivery",
    "IntegrationKey",
    "Message",
    "Note",
    "SenderType",
    "Staff",
    "User",
    "connect",
    "init_db",
    "ping",
]

"""The Beanie documents: what is stored, and the indexes that serve every query on it."""

from __future__ import annotations

from beanie import Document

from documents.models.canned_reply import CannedReply
from documents.models.chat import Chat
from documents.models.email_delivery import DeliveryStatus, EmailDelivery
from documents.models.integration_key import IntegrationKey
from documents.models.message import Message, SenderType
from documents.models.note import Note
from documents.models.staff import Staff
from documents.models.user import User

DOCUMENT_MODELS: list[type[Document]] = [
    User,
    Staff,
    IntegrationKey,
    Chat,
    Message,
    EmailDelivery,
    Note,
    CannedReply,
]

__all__ = [
    "DOCUMENT_MODELS",
    "CannedReply",
    "Chat",
    "DeliveryStatus",
    "EmailDelivery",
    "IntegrationKey",
    "Message",
    "Note",
    "SenderType",
    "Staff",
    "User",
]

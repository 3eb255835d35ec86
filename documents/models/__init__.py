"""The Beanie documents: what is stored, and the indexes that serve every query on it."""

from __future__ import annotations

from beanie import Document

from documents.models.chat import Chat
from documents.models.email_delivery import DeliveryStatus, EmailDelivery
from documents.models.integration_key import IntegrationKey
from documents.models.message import Message, SenderType
from documents.models.revoked_token import RevokedToken
from documents.models.staff import Staff
from documents.models.user import User

DOCUMENT_MODELS: list[type[Document]] = [
    User,
    Staff,
    IntegrationKey,
    RevokedToken,
    Chat,
    Message,
    EmailDelivery,
]

__all__ = [
    "DOCUMENT_MODELS",
    "Chat",
    "DeliveryStatus",
    "EmailDelivery",
    "IntegrationKey",
    "Message",
    "RevokedToken",
    "SenderType",
    "Staff",
    "User",
]

"""The live events the API announces after a write is stored: typed, and their wire form.

Every event is encoded and decoded here and nowhere else. The wire form is one
JSON object with a `type`, the stored documents as their JSON dumps.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from documents import Chat, Message, Note, SenderType

ADMIN_NOTIFICATIONS = "admin_support_notifications"  # USER messages of every chat
CHAT_UPDATES = "admin_chat_updates"  # chat summaries, for staff lists
USERS_TYPING = "admin_users_typing"  # users typing in any chat, for staff lists

NEW_MESSAGE = "new_message"
MESSAGES_READ = "messages_read"
CHAT_UPDATED = "chat_updated"
NOTE_ADDED = "note_added"
TYPING = "typing"


def chat_channel(chat_id: UUID) -> str:
    """One chat's messages and read receipts."""
    return f"support_chat:{chat_id}"


def staff_chat_channel(chat_id: UUID) -> str:
    """One chat's notes: staff only, so never the channel a user's subscription listens to."""
    return f"staff_chat:{chat_id}"


def typing_channel(chat_id: UUID) -> str:
    """Who is typing in one chat, both sides."""
    return f"support_chat_typing:{chat_id}"


@dataclass(frozen=True, slots=True)
class MessageAdded:
    message: Message
    user_email: str | None = None  # on ADMIN_NOTIFICATIONS: the chat's user's email


@dataclass(frozen=True, slots=True)
class MessagesRead:
    reader: SenderType
    messages: tuple[Message, ...]


@dataclass(frozen=True, slots=True)
class ChatUpdated:
    chat: Chat


@dataclass(frozen=True, slots=True)
class NoteAdded:
    note: Note


@dataclass(frozen=True, slots=True)
class TypingChanged:
    chat_id: UUID
    side: SenderType
    name: str | None
    typing: bool


LiveEvent = MessageAdded | MessagesRead | ChatUpdated | NoteAdded | TypingChanged


def encode(event: LiveEvent) -> str:
    wire: dict[str, Any]
    match event:
        case MessageAdded(message, user_email):
            wire = {"type": NEW_MESSAGE, "message": _dump(message)}
            if user_email is not None:
                wire["user_email"] = user_email
        case MessagesRead(reader, messages):
            wire = {
                "type": MESSAGES_READ,
                "reader": reader.value,
                "messages": [_dump(message) for message in messages],
            }
        case ChatUpdated(chat):
            wire = {"type": CHAT_UPDATED, "chat": _dump(chat)}
        case NoteAdded(note):
            wire = {"type": NOTE_ADDED, "note": _dump(note)}
        case TypingChanged(chat_id, side, name, typing):
            wire = {
                "type": TYPING,
                "chat_id": str(chat_id),
                "side": side.value,
                "name": name,
                "typing": typing,
            }
    return json.dumps(wire, separators=(",", ":"))


def decode(data: str | bytes) -> LiveEvent:
    """The event, or ValueError when the data is not one."""
    try:
        wire = json.loads(data)
        kind = wire["type"]
        if kind == NEW_MESSAGE:
            return MessageAdded(Message.model_validate(wire["message"]), wire.get("user_email"))
        if kind == MESSAGES_READ:
            messages = tuple(Message.model_validate(raw) for raw in wire["messages"])
            return MessagesRead(SenderType(wire["reader"]), messages)
        if kind == CHAT_UPDATED:
            return ChatUpdated(Chat.model_validate(wire["chat"]))
        if kind == NOTE_ADDED:
            return NoteAdded(Note.model_validate(wire["note"]))
        if kind == TYPING:
            name = wire["name"]
            return TypingChanged(
                UUID(wire["chat_id"]),
                SenderType(wire["side"]),
                name if isinstance(name, str) else None,
                bool(wire["typing"]),
            )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a live event: {error}") from None
    raise ValueError(f"unknown live event type {kind!r}")


def _dump(document: Message | Chat | Note) -> dict[str, Any]:
    dumped: dict[str, Any] = document.model_dump(mode="json", exclude={"revision_id"})
    return dumped

"""Opaque cursors of the chat list: the position (activity time, chat id)."""

from __future__ import annotations

import base64
from datetime import datetime
from uuid import UUID

from core.errors import BadUserInput
from documents import Chat


def chat_cursor(chat: Chat) -> str:
    position = f"{chat.activity_at.isoformat()}|{chat.id}"
    return base64.urlsafe_b64encode(position.encode()).decode()


def parse_chat_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        at, chat_id = base64.urlsafe_b64decode(cursor.encode()).decode().split("|")
        return datetime.fromisoformat(at), UUID(chat_id)
    except ValueError:
        raise BadUserInput("after is not a valid cursor.", field="after") from None

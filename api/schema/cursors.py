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


FEED_CURSOR_PREFIX = "feed:"


def feed_cursor(feed: int) -> str:
    """A `newUserMessage` cursor: the event's place in the feed of USER messages."""
    return base64.urlsafe_b64encode(f"{FEED_CURSOR_PREFIX}{feed}".encode()).decode()


def parse_feed_cursor(cursor: str) -> int:
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        if not text.startswith(FEED_CURSOR_PREFIX):
            raise ValueError(text)
        feed = int(text.removeprefix(FEED_CURSOR_PREFIX))
    except ValueError:
        raise BadUserInput(
            "after is not a newUserMessage cursor: pass an event's `cursor` unchanged.",
            field="after",
        ) from None
    if feed < 0:
        raise BadUserInput("after is not a newUserMessage cursor.", field="after")
    return feed

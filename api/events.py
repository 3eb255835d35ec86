"""What the API announces on Redis after a write is stored, and on which channel."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, TypeVar
from uuid import UUID

from api.pubsub import Event, Hub
from documents import Chat, Message, SenderType
from documents._load import load

logger = logging.getLogger(__name__)

T = TypeVar("T")

ADMIN_NOTIFICATIONS = "admin_support_notifications"
CHAT_UPDATES = "admin_chat_updates"

NEW_MESSAGE = "new_message"
MESSAGES_READ = "messages_read"
CHAT_UPDATED = "chat_updated"


def chat_channel(chat_id: UUID) -> str:
    return f"support_chat:{chat_id}"


def dump(document: Message | Chat) -> dict[str, Any]:
    dumped: dict[str, Any] = document.model_dump(mode="json", exclude={"revision_id"})
    return dumped


def _parsed_once(event: Event, field: str, parse: Callable[[Any], T]) -> T:
    """The event's field, parsed once however many local subscribers share the event."""
    memo = f"_parsed_{field}"
    if memo not in event:
        event[memo] = parse(event[field])
    parsed: T = event[memo]
    return parsed


def message_in(event: Event) -> Message:
    return _parsed_once(event, "message", partial(load, Message))


def chat_in(event: Event) -> Chat:
    return _parsed_once(event, "chat", partial(load, Chat))


def read_messages_in(event: Event) -> list[Message]:
    return _parsed_once(event, "messages", lambda raw: [load(Message, m) for m in raw])


class Events:
    """Publishes events; a Redis outage never fails a write that is already stored."""

    def __init__(self, hub: Hub) -> None:
        self._hub = hub

    async def message_added(self, message: Message, chat: Chat) -> None:
        payload = {"type": NEW_MESSAGE, "message": dump(message)}
        await self._publish(chat_channel(chat.id), payload)
        if message.sender_type is SenderType.USER:
            notification = {**payload, "user_email": chat.user_email}
            await self._publish(ADMIN_NOTIFICATIONS, notification)
        await self.chat_updated(chat)

    async def messages_read(
        self, chat: Chat, reader: SenderType, messages: Sequence[Message]
    ) -> None:
        if messages:
            payload = {
                "type": MESSAGES_READ,
                "reader": reader.value,
                "messages": [dump(message) for message in messages],
            }
            await self._publish(chat_channel(chat.id), payload)
        await self.chat_updated(chat)

    async def chat_updated(self, chat: Chat) -> None:
        await self._publish(CHAT_UPDATES, {"type": CHAT_UPDATED, "chat": dump(chat)})

    async def _publish(self, channel: str, event: Event) -> None:
        try:
            await self._hub.publish(channel, event)
        except Exception:
            # Subscribers catch up from MongoDB with `after`; the write stands.
            logger.exception("could not publish %s to %s", event["type"], channel)

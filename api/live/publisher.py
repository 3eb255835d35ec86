"""Announcing stored writes to every API process; an outage never fails the write.

`chatUpdated` goes out at most once per chat per `CHAT_UPDATE_WINDOW` from each process,
always with the chat's latest state (`api/live/coalescing.py`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from uuid import UUID

from api.live.coalescing import LatestPerWindow
from api.live.events import (
    ADMIN_NOTIFICATIONS,
    CHAT_UPDATES,
    USERS_TYPING,
    ChatUpdated,
    LiveEvent,
    MessageAdded,
    MessagesRead,
    NoteAdded,
    TypingChanged,
    chat_channel,
    staff_chat_channel,
    typing_channel,
)
from api.live.hub import Hub
from core.metrics import EVENTS_PUBLISHED
from documents import Chat, Message, Note, SenderType

logger = logging.getLogger(__name__)

CHAT_UPDATE_WINDOW = 0.25  # seconds


class Publisher:
    def __init__(self, hub: Hub, *, drop_messages: bool = False) -> None:
        self._hub = hub
        self._drop_messages = drop_messages  # a test-only fault: stored, never announced
        self._chat_updates = LatestPerWindow[UUID, Chat](CHAT_UPDATE_WINDOW, self._chat_updated)

    async def close(self) -> None:
        await self._chat_updates.close()

    async def message_added(
        self, message: Message, chat: Chat, *, typing_ended: TypingChanged | None = None
    ) -> None:
        """The message, the chat's new state and, given `typing_ended`, the end of its
        sender's typing, in that order and in one round trip."""
        events: list[tuple[str, LiveEvent]] = []
        if not self._drop_messages:
            events.append((chat_channel(chat.id), MessageAdded(message)))
            if message.sender_type is SenderType.USER:
                events.append((ADMIN_NOTIFICATIONS, MessageAdded(message, chat.user_email)))
            if self._chat_updates.first_of_window(chat.id, chat):
                events.append((CHAT_UPDATES, ChatUpdated(chat)))
        if typing_ended is not None:
            events.extend(self._typing_events(typing_ended))
        await self._publish_all(events)

    async def messages_read(
        self, chat: Chat, reader: SenderType, messages: Sequence[Message]
    ) -> None:
        if messages:
            await self._publish(chat_channel(chat.id), MessagesRead(reader, tuple(messages)))
        await self.chat_updated(chat)

    async def chat_updated(self, chat: Chat) -> None:
        await self._chat_updates.offer(chat.id, chat)

    async def _chat_updated(self, chat: Chat) -> None:
        await self._publish(CHAT_UPDATES, ChatUpdated(chat))

    async def note_added(self, note: Note) -> None:
        await self._publish(staff_chat_channel(note.chat_id), NoteAdded(note))

    async def typing(self, event: TypingChanged) -> None:
        await self._publish_all(self._typing_events(event))

    @staticmethod
    def _typing_events(event: TypingChanged) -> list[tuple[str, LiveEvent]]:
        events: list[tuple[str, LiveEvent]] = [(typing_channel(event.chat_id), event)]
        if event.side is SenderType.USER:
            events.append((USERS_TYPING, event))
        return events

    async def _publish(self, channel: str, event: LiveEvent) -> None:
        try:
            await self._hub.publish(channel, event)
            EVENTS_PUBLISHED.labels(event=type(event).__name__).inc()
        except Exception:
            # Subscribers catch up from MongoDB after a gap; the write stands.
            logger.exception("could not publish %s to %s", type(event).__name__, channel)

    async def _publish_all(self, events: Sequence[tuple[str, LiveEvent]]) -> None:
        if not events:
            return
        try:
            await self._hub.publish_all(events)
        except Exception:
            # Subscribers catch up from MongoDB after a gap; the write stands.
            logger.exception("could not publish %s", [type(event).__name__ for _, event in events])
            return
        for _, event in events:
            EVENTS_PUBLISHED.labels(event=type(event).__name__).inc()

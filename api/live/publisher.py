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
    MessageAdded,
    MessagesRead,
    NoteAdded,
    TypingChanged,
    chat_channel,
    staff_chat_channel,
    typing_channel,
)
from api.live.hub import Announcement, Hub
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
        """The message (raising its chat's position), the chat's new state and, given
        `typing_ended`, the end of its sender's typing, in that order and in one round trip."""
        events: list[Announcement] = []
        if not self._drop_messages:
            events.append(Announcement(chat_channel(chat.id), MessageAdded(message), message.seq))
            if message.sender_type is SenderType.USER:
                notice = MessageAdded(message, chat.user_email)
                events.append(Announcement(ADMIN_NOTIFICATIONS, notice))
            if self._chat_updates.first_of_window(chat.id, chat):
                events.append(Announcement(CHAT_UPDATES, ChatUpdated(chat)))
        if typing_ended is not None:
            events.extend(self._typing_events(typing_ended))
        await self._publish(*events)

    async def messages_read(
        self, chat: Chat, reader: SenderType, messages: Sequence[Message]
    ) -> None:
        if messages:
            receipts = MessagesRead(reader, tuple(messages))
            await self._publish(Announcement(chat_channel(chat.id), receipts))
        await self.chat_updated(chat)

    async def chat_updated(self, chat: Chat) -> None:
        await self._chat_updates.offer(chat.id, chat)

    async def _chat_updated(self, chat: Chat) -> None:
        await self._publish(Announcement(CHAT_UPDATES, ChatUpdated(chat)))

    async def note_added(self, note: Note) -> None:
        await self._publish(Announcement(staff_chat_channel(note.chat_id), NoteAdded(note)))

    async def typing(self, event: TypingChanged) -> None:
        await self._publish(*self._typing_events(event))

    @staticmethod
    def _typing_events(event: TypingChanged) -> list[Announcement]:
        events = [Announcement(typing_channel(event.chat_id), event)]
        if event.side is SenderType.USER:
            events.append(Announcement(USERS_TYPING, event))
        return events

    async def _publish(self, *announcements: Announcement) -> None:
        if not announcements:
            return
        try:
            await self._hub.publish(*announcements)
        except Exception:
            # Subscribers catch up from MongoDB after a gap; the write stands.
            names = [type(announced.event).__name__ for announced in announcements]
            logger.exception("could not publish %s", names)
            return
        for announced in announcements:
            EVENTS_PUBLISHED.labels(event=type(announced.event).__name__).inc()

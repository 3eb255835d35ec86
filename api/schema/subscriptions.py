from __future__ import annotations

from collections.abc import AsyncGenerator
from functools import partial

import strawberry
from strawberry import ID

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
from api.live.streams import MessageStream, follow
from api.schema.access import accessible_chat, parse_id
from api.schema.context import Info
from api.schema.permissions import IsAuthenticated, IsStaff, ReadsAllChats
from api.schema.team import Note, TypingEvent
from api.schema.types import Chat, Message, NewUserMessageEvent
from documents import Message as MessageDocument
from documents import Note as NoteDocument
from documents import SenderType, chats, messages, notes


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="New messages in one chat; with `after`, first those newer than that message.",
    )
    async def message_added(
        self, info: Info, chat_id: ID | None = None, after: ID | None = None
    ) -> AsyncGenerator[Message, None]:
        chat = await accessible_chat(info, chat_id)
        start = (
            None
            if after is None
            else await messages.find_message(chat.id, parse_id(after, "after"), "after")
        )
        stream = MessageStream(partial(messages.messages_after, chat.id), start)

        def pick(event: LiveEvent) -> list[MessageDocument]:
            return stream.accept(event.message) if isinstance(event, MessageAdded) else []

        feed = follow(
            info.context.hub,
            chat_channel(chat.id),
            pick,
            stream.catch_up,
            replay_first=start is not None,
        )
        async for message in feed:
            yield Message.from_document(message)

    @strawberry.subscription(permission_classes=[IsAuthenticated, ReadsAllChats])
    async def new_user_message(self, info: Info) -> AsyncGenerator[NewUserMessageEvent, None]:
        stream = MessageStream(messages.user_messages_after, after=None)
        Noticed = tuple[MessageDocument, str]

        def pick(event: LiveEvent) -> list[Noticed]:
            if not isinstance(event, MessageAdded):
                return []
            return [(message, event.user_email or "") for message in stream.accept(event.message)]

        async def catch_up() -> list[Noticed]:
            missed = await stream.catch_up()
            emails = await chats.user_emails({message.chat_id for message in missed})
            return [(message, emails.get(message.chat_id, "")) for message in missed]

        async for message, user_email in follow(
            info.context.hub, ADMIN_NOTIFICATIONS, pick, catch_up
        ):
            yield NewUserMessageEvent(
                chat_id=ID(str(message.chat_id)),
                user_email=user_email,
                message=Message.from_document(message),
            )

    @strawberry.subscription(permission_classes=[IsAuthenticated, ReadsAllChats])
    async def chat_updated(self, info: Info) -> AsyncGenerator[Chat, None]:
        def pick(event: LiveEvent) -> list[Chat]:
            return [Chat.from_document(event.chat)] if isinstance(event, ChatUpdated) else []

        async for chat in follow(info.context.hub, CHAT_UPDATES, pick, None):
            yield chat

    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="The other side's read receipts in one chat.",
    )
    async def messages_read(
        self, info: Info, chat_id: ID | None = None
    ) -> AsyncGenerator[list[Message], None]:
        chat = await accessible_chat(info, chat_id)
        other_side = SenderType.USER if info.context.caller().reads_all_chats else SenderType.ADMIN

        def pick(event: LiveEvent) -> list[list[Message]]:
            if not isinstance(event, MessagesRead) or event.reader is not other_side:
                return []
            return [[Message.from_document(message) for message in event.messages]]

        async for receipts in follow(info.context.hub, chat_channel(chat.id), pick, None):
            yield receipts

    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description=(
            "The other side's typing in one chat (USER: own chat, chatId optional)."
            " Staff and integrations without chatId: users typing in any chat."
        ),
    )
    async def typing(
        self, info: Info, chat_id: ID | None = None
    ) -> AsyncGenerator[TypingEvent, None]:
        reads_all_chats = info.context.caller().reads_all_chats
        if reads_all_chats and chat_id is None:
            channel = USERS_TYPING
        else:
            channel = typing_channel((await accessible_chat(info, chat_id)).id)
        other_side = SenderType.USER if reads_all_chats else SenderType.ADMIN

        def pick(event: LiveEvent) -> list[TypingEvent]:
            if not isinstance(event, TypingChanged) or event.side is not other_side:
                return []
            return [TypingEvent(chat_id=ID(str(event.chat_id)), sender_type=event.side,
                                name=event.name, typing=event.typing)]  # fmt: skip

        # A gap loses nothing worth replaying: typing is a hint that the next one corrects.
        async for typing in follow(info.context.hub, channel, pick, None):
            yield typing

    @strawberry.subscription(
        permission_classes=[IsAuthenticated, IsStaff],
        description="Staff: new notes on one chat (on a channel no user subscription hears).",
    )
    async def note_added(self, info: Info, chat_id: ID) -> AsyncGenerator[Note, None]:
        chat = await accessible_chat(info, chat_id)
        # Notes so far are the caller's to query; this feed yields each later note once.
        known = {note.id for note in await notes.notes_of_chat(chat.id)}

        def fresh(found: list[NoteDocument]) -> list[Note]:
            new = [note for note in found if note.id not in known]
            known.update(note.id for note in new)
            return [Note.from_document(note) for note in new]

        def pick(event: LiveEvent) -> list[Note]:
            return fresh([event.note]) if isinstance(event, NoteAdded) else []

        async def catch_up() -> list[Note]:
            return fresh(await notes.notes_of_chat(chat.id))

        # replay_first: a note stored before Redis confirmed the subscription still arrives.
        feed = follow(
            info.context.hub, staff_chat_channel(chat.id), pick, catch_up, replay_first=True
        )
        async for note in feed:
            yield note

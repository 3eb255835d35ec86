from __future__ import annotations

from collections.abc import AsyncGenerator
from datetime import timedelta
from functools import partial
from uuid import UUID

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
from api.live.streams import Sequenced, follow
from api.schema.access import accessible_chat, accessible_chat_id, parse_id
from api.schema.context import Info
from api.schema.cursors import feed_cursor, parse_feed_cursor
from api.schema.permissions import IsAuthenticated, IsStaff, ReadsAllChats
from api.schema.shared_events import one_payload
from api.schema.team import Note, TypingEvent
from api.schema.types import Chat, Message, NewUserMessageEvent
from core.errors import BadUserInput
from documents import Message as MessageDocument
from documents import Note as NoteDocument
from documents import SenderType, chats, messages, notes

# After a gap, chatUpdated resends this many of the most recently active chats of each list.
RESENT_CHATS = 100
# After a gap, messagesRead resends the read receipts among this many newest messages.
RESENT_RECEIPTS = 200


def _seq(message: MessageDocument) -> int:
    return message.seq


def _feed(message: MessageDocument) -> int:
    return message.feed or 0


@strawberry.type
class Subscription:
    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description=(
            "New messages in one chat, in seq order; with `after` (a message id) or"
            " `afterSeq`, first those stored after it."
        ),
    )
    async def message_added(
        self,
        info: Info,
        chat_id: ID | None = None,
        after: ID | None = None,
        after_seq: int | None = None,
    ) -> AsyncGenerator[Message, None]:
        if after is not None and after_seq is not None:
            raise BadUserInput("Give after or afterSeq, not both.", field="afterSeq")
        if after_seq is not None and after_seq < 0:
            raise BadUserInput("afterSeq must not be negative.", field="afterSeq")
        followed = await accessible_chat_id(info, chat_id)
        channel = chat_channel(followed)
        client_says = after_seq is not None  # unchecked until compared with the chat
        if after is not None:
            after_seq = (
                await messages.find_message(followed, parse_id(after, "after"), "after")
            ).seq
        if after_seq is None:
            after_seq = await messages.newest_seq(followed)
        stream = Sequenced(partial(messages.messages_after, followed), _seq, after_seq)
        resumed_at = after_seq

        async def start() -> list[MessageDocument]:
            # Redis has confirmed the subscription: whatever is announced from now on
            # arrives live, so a client at the channel's position has missed nothing.
            position = await info.context.hub.position(channel)
            if position is not None and resumed_at == position:
                return []
            if client_says and (position is None or resumed_at > position):
                await _check_resume_point(followed, resumed_at)
            return await stream.catch_up()

        async def pick(event: LiveEvent) -> list[MessageDocument]:
            return await stream.accept(event.message) if isinstance(event, MessageAdded) else []

        feed = follow(
            info.context.hub,
            channel,
            pick,
            stream.catch_up,
            start=start,
            watch=lambda listener: info.context.seq_watch.chat(
                followed, lambda: stream.delivered_through, listener
            ),
        )
        async for message in feed:
            yield one_payload(Message.from_document, message)

    @strawberry.subscription(
        permission_classes=[IsAuthenticated, ReadsAllChats],
        description="USER messages of every chat; with `after` (a cursor), first those after it.",
    )
    async def new_user_message(
        self, info: Info, after: str | None = None
    ) -> AsyncGenerator[NewUserMessageEvent, None]:
        if after is None:
            start_after = await messages.newest_feed()
        else:
            start_after = parse_feed_cursor(after)
            retention = timedelta(days=info.context.settings.feed_retention_days)
            await messages.check_feed_resume(start_after, retention)
        stream = Sequenced(messages.user_messages_after, _feed, start_after)
        Noticed = tuple[MessageDocument, str]

        async def pick(event: LiveEvent) -> list[Noticed]:
            if not isinstance(event, MessageAdded):
                return []
            return await with_emails(await stream.accept(event.message), event)

        async def with_emails(
            found: list[MessageDocument], event: MessageAdded | None = None
        ) -> list[Noticed]:
            known = {event.message.chat_id: event.user_email} if event and event.user_email else {}
            missing = {message.chat_id for message in found} - known.keys()
            emails = known | (await chats.user_emails(missing) if missing else {})
            return [(message, emails.get(message.chat_id, "")) for message in found]

        async def catch_up() -> list[Noticed]:
            return await with_emails(await stream.catch_up())

        feed = follow(
            info.context.hub,
            ADMIN_NOTIFICATIONS,
            pick,
            catch_up,
            start=catch_up,
            watch=lambda listener: info.context.seq_watch.feed(
                lambda: stream.delivered_through, listener
            ),
        )
        async for message, user_email in feed:
            yield one_payload(_new_user_message_event, message, user_email)

    @strawberry.subscription(
        permission_classes=[IsAuthenticated, ReadsAllChats],
        description="Chat summaries as they change; after a missed stretch, the most active again.",
    )
    async def chat_updated(self, info: Info) -> AsyncGenerator[Chat, None]:
        async def pick(event: LiveEvent) -> list[Chat]:
            return [Chat.from_document(event.chat)] if isinstance(event, ChatUpdated) else []

        async def resend() -> list[Chat]:
            return [Chat.from_document(chat) for chat in await chats.recently_active(RESENT_CHATS)]

        async for chat in follow(info.context.hub, CHAT_UPDATES, pick, resend):
            yield chat

    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="The other side's read receipts in one chat; after a missed stretch, again.",
    )
    async def messages_read(
        self, info: Info, chat_id: ID | None = None
    ) -> AsyncGenerator[list[Message], None]:
        chat = await accessible_chat(info, chat_id)
        other_side = SenderType.USER if info.context.caller().reads_all_chats else SenderType.ADMIN

        async def pick(event: LiveEvent) -> list[list[Message]]:
            if not isinstance(event, MessagesRead) or event.reader is not other_side:
                return []
            return [[Message.from_document(message) for message in event.messages]]

        async def resend() -> list[list[Message]]:
            read = await messages.read_messages(chat.id, _read_side(other_side), RESENT_RECEIPTS)
            return [[Message.from_document(message) for message in read]] if read else []

        async for receipts in follow(info.context.hub, chat_channel(chat.id), pick, resend):
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

        async def pick(event: LiveEvent) -> list[TypingEvent]:
            if not isinstance(event, TypingChanged) or event.side is not other_side:
                return []
            return [TypingEvent(chat_id=ID(str(event.chat_id)), sender_type=event.side,
                                name=event.name, typing=event.typing)]  # fmt: skip

        async def nothing_to_replay() -> list[TypingEvent]:
            return []  # typing is a hint that the next one corrects

        async for typing in follow(info.context.hub, channel, pick, nothing_to_replay):
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

        async def pick(event: LiveEvent) -> list[Note]:
            return fresh([event.note]) if isinstance(event, NoteAdded) else []

        async def catch_up() -> list[Note]:
            return fresh(await notes.notes_of_chat(chat.id))

        # start: a note stored before Redis confirmed the subscription still arrives.
        feed = follow(info.context.hub, staff_chat_channel(chat.id), pick, catch_up, start=catch_up)
        async for note in feed:
            yield note


async def _check_resume_point(chat_id: UUID, after_seq: int) -> None:
    """A resume point beyond what Redis announced: only storage can say it is valid."""
    chat = await chats.chat_by_id(chat_id)
    last_seq = chat.last_seq if chat is not None else 0
    if after_seq > last_seq:
        raise BadUserInput(
            f"afterSeq must be between 0 and the chat's lastSeq ({last_seq}).", field="afterSeq"
        )


def _new_user_message_event(message: MessageDocument, user_email: str) -> NewUserMessageEvent:
    return NewUserMessageEvent(
        chat_id=ID(str(message.chat_id)),
        user_email=user_email,
        message=Message.from_document(message),
        cursor=feed_cursor(_feed(message)),
    )


def _read_side(reader: SenderType) -> SenderType:
    """Whose messages a reader's receipts are about: the other side's."""
    return SenderType.ADMIN if reader is SenderType.USER else SenderType.USER

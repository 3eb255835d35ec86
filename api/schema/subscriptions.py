from __future__ import annotations

from collections.abc import AsyncGenerator
from functools import partial

import strawberry
from strawberry import ID

from api.live.events import (
    ADMIN_NOTIFICATIONS,
    CHAT_UPDATES,
    ChatUpdated,
    LiveEvent,
    MessageAdded,
    MessagesRead,
    chat_channel,
)
from api.live.streams import MessageStream, follow
from api.schema.access import accessible_chat, parse_id
from api.schema.context import Info
from api.schema.permissions import IsAuthenticated, ReadsAllChats
from api.schema.types import Chat, Message, NewUserMessageEvent
from documents import Message as MessageDocument
from documents import SenderType, chats, messages


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

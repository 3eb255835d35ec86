from __future__ import annotations

from collections.abc import AsyncGenerator
from functools import partial

import strawberry
from strawberry import ID

from api import chats
from api.events import (
    ADMIN_NOTIFICATIONS,
    CHAT_UPDATES,
    MESSAGES_READ,
    NEW_MESSAGE,
    chat_channel,
    chat_in,
    message_in,
    read_messages_in,
)
from api.message_stream import MessageStream
from api.pubsub import Gap
from api.schema.access import accessible_chat, parse_id
from api.schema.context import Info
from api.schema.permissions import IsAuthenticated, ReadsAllChats
from api.schema.types import Chat, Message, NewUserMessageEvent
from documents import SenderType


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
            else await chats.find_message(chat.id, parse_id(after, "after"), "after")
        )
        stream = MessageStream(partial(chats.messages_after, chat.id), start)
        async with info.context.hub.listen(chat_channel(chat.id)) as events:
            if start is not None:
                for message in await stream.catch_up():
                    yield Message.from_document(message)
            async for event in events:
                if isinstance(event, Gap):
                    batch = await stream.catch_up()
                elif event["type"] == NEW_MESSAGE:
                    batch = stream.accept(message_in(event))
                else:
                    continue
                for message in batch:
                    yield Message.from_document(message)

    @strawberry.subscription(permission_classes=[IsAuthenticated, ReadsAllChats])
    async def new_user_message(self, info: Info) -> AsyncGenerator[NewUserMessageEvent, None]:
        stream = MessageStream(chats.user_messages_after, after=None)
        async with info.context.hub.listen(ADMIN_NOTIFICATIONS) as events:
            async for event in events:
                if isinstance(event, Gap):
                    batch = await stream.catch_up()
                    emails = await chats.user_emails({message.chat_id for message in batch})
                else:
                    message = message_in(event)
                    batch = stream.accept(message)
                    emails = {message.chat_id: event["user_email"]}
                for message in batch:
                    yield NewUserMessageEvent(
                        chat_id=ID(str(message.chat_id)),
                        user_email=emails.get(message.chat_id, ""),
                        message=Message.from_document(message),
                    )

    @strawberry.subscription(permission_classes=[IsAuthenticated, ReadsAllChats])
    async def chat_updated(self, info: Info) -> AsyncGenerator[Chat, None]:
        async with info.context.hub.listen(CHAT_UPDATES) as events:
            async for event in events:
                if not isinstance(event, Gap):
                    yield Chat.from_document(chat_in(event))

    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description="The other side's read receipts in one chat.",
    )
    async def messages_read(
        self, info: Info, chat_id: ID | None = None
    ) -> AsyncGenerator[list[Message], None]:
        chat = await accessible_chat(info, chat_id)
        caller = info.context.caller()
        other_side = SenderType.USER if caller.reads_all_chats else SenderType.ADMIN
        async with info.context.hub.listen(chat_channel(chat.id)) as events:
            async for event in events:
                if isinstance(event, Gap) or event["type"] != MESSAGES_READ:
                    continue
                if event["reader"] == other_side.value:
                    yield [Message.from_document(message) for message in read_messages_in(event)]

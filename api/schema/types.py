"""The contract's object types, built from documents."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Self
from uuid import UUID

import strawberry
from strawberry import ID

from api.auth.principal import Principal, Role
from api.schema.access import parse_id
from api.schema.context import Info
from api.schema.cursors import chat_cursor
from api.schema.loaders import operation_loaders
from api.schema.permissions import IsStaff, ReadsAllChats
from api.schema.team import Note, Staff, UserAttribute, staff_member
from documents import Chat as ChatDocument
from documents import Message as MessageDocument
from documents import SenderType, User, chats, messages, notes

strawberry.enum(SenderType, name="SenderType")
strawberry.enum(Role, name="Role")


@strawberry.type
class Viewer:
    id: ID
    role: Role
    email: str | None
    name: str | None

    @classmethod
    def from_principal(cls, principal: Principal) -> Self:
        return cls(
            id=ID(str(principal.id)),
            role=principal.role,
            email=principal.email,
            name=principal.name,
        )


@strawberry.type
class SupportUser:
    id: ID
    external_id: str
    email: str
    name: str | None
    first_seen_at: datetime | None = strawberry.field(
        description="Not in the contract: when the user first opened the chat."
    )
    stored_attributes: strawberry.Private[dict[str, bool | int | float | str]]

    @classmethod
    def from_document(cls, user: User) -> Self:
        return cls(
            id=ID(str(user.id)),
            external_id=user.external_id,
            email=user.email,
            name=user.name,
            first_seen_at=user.created_at,
            stored_attributes=user.attributes,
        )

    @strawberry.field(
        permission_classes=[ReadsAllChats],
        description="Not in the contract: the host app's attributes (staff and integrations).",
    )
    def attributes(self) -> list[UserAttribute]:
        return [
            UserAttribute(key=key, value=value if isinstance(value, str) else json.dumps(value))
            for key, value in self.stored_attributes.items()
        ]


@strawberry.type
class Message:
    id: ID
    chat_id: ID
    content: str
    sender_type: SenderType
    read_at: datetime | None
    created_at: datetime
    client_id: str | None
    sender_name: str | None

    @classmethod
    def from_document(cls, message: MessageDocument) -> Self:
        return cls(
            id=ID(str(message.id)),
            chat_id=ID(str(message.chat_id)),
            content=message.content,
            sender_type=message.sender_type,
            read_at=message.read_at,
            created_at=message.created_at,
            client_id=message.client_id if message.client_id_given else None,
            sender_name=message.sender_name,
        )


@strawberry.type
class MessagePage:
    nodes: list[Message]
    has_more: bool


@strawberry.type
class Chat:
    id: ID
    archived: bool
    archived_at: datetime | None
    last_message_at: datetime | None
    last_message_preview: str | None
    last_message_sender: SenderType | None
    message_count: int
    unread: bool
    unread_count: int
    created_at: datetime
    rating: int | None
    rating_comment: str | None
    user_id: strawberry.Private[UUID]
    assignee_id: strawberry.Private[UUID | None]

    @classmethod
    def from_document(cls, chat: ChatDocument) -> Self:
        return cls(
            id=ID(str(chat.id)),
            archived=chat.archived,
            archived_at=chat.archived_at,
            last_message_at=chat.last_message_at,
            last_message_preview=chat.last_message_preview,
            last_message_sender=chat.last_message_sender,
            message_count=chat.message_count,
            unread=chat.unread,
            unread_count=max(chat.unread_count, 0),
            created_at=chat.created_at,
            user_id=chat.user_id,
            user_email=chat.user_email,
            rating=chat.rating,
            rating_comment=chat.rating_comment,
            assignee_id=chat.assignee_id,
        )

    user_email: strawberry.Private[str]

    @strawberry.field
    async def user(self) -> SupportUser:
        user = await operation_loaders().users.load(self.user_id)
        if user is None:  # never deleted today; one missing record must not break a list
            return SupportUser(
                id=ID(str(self.user_id)),
                external_id="",
                email=self.user_email,
                name=None,
                first_seen_at=None,
                stored_attributes={},
            )
        return SupportUser.from_document(user)

    @strawberry.field(description="Who owns the chat; null for end users, who never see it.")
    async def assignee(self, info: Info) -> Staff | None:
        if self.assignee_id is None or not info.context.caller().reads_all_chats:
            return None
        return await staff_member(self.assignee_id)

    @strawberry.field(permission_classes=[IsStaff], description="Staff only, oldest first.")
    async def notes(self) -> list[Note]:
        return [Note.from_document(note) for note in await notes.notes_of_chat(UUID(self.id))]

    @strawberry.field(description="Newest `last` messages, oldest first.")
    async def messages(
        self,
        last: int | None = 50,
        before: ID | None = None,
        after: ID | None = None,
    ) -> MessagePage:
        page = await messages.message_slice(
            UUID(self.id),
            last=50 if last is None else last,
            before=None if before is None else parse_id(before, "before"),
            after=None if after is None else parse_id(after, "after"),
        )
        return MessagePage(
            nodes=[Message.from_document(message) for message in page.messages],
            has_more=page.has_more,
        )


@strawberry.type
class ChatEdge:
    cursor: str
    node: Chat


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class ChatConnection:
    edges: list[ChatEdge]
    page_info: PageInfo
    page: strawberry.Private[chats.ChatPage]

    @strawberry.field
    async def total_count(self) -> int:
        return await self.page.total()

    @classmethod
    def from_page(cls, page: chats.ChatPage) -> Self:
        edges = [
            ChatEdge(cursor=chat_cursor(chat), node=Chat.from_document(chat)) for chat in page.chats
        ]
        return cls(
            edges=edges,
            page_info=PageInfo(
                has_next_page=page.has_next, end_cursor=edges[-1].cursor if edges else None
            ),
            page=page,
        )


@strawberry.type
class AuthPayload:
    token: str
    viewer: Viewer


@strawberry.type
class NewUserMessageEvent:
    chat_id: ID
    user_email: str
    message: Message

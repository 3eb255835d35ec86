"""The shared inbox's object types: staff and their presence, notes, saved replies,
typing and availability."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from uuid import UUID

import strawberry
from strawberry import ID

from api.schema.loaders import operation_loaders
from documents import CannedReply as CannedReplyDocument
from documents import Note as NoteDocument
from documents import SenderType
from documents import Staff as StaffDocument
from documents.chats import AssigneeFilter

strawberry.enum(AssigneeFilter, name="AssigneeFilter")


@strawberry.type(description="A staff member as other staff see them.")
class Staff:
    id: ID
    email: str
    name: str | None

    @classmethod
    def from_document(cls, staff: StaffDocument) -> Self:
        return cls(id=ID(str(staff.id)), email=staff.email, name=staff.name)

    @strawberry.field(description="Has the dashboard open now.")
    async def online(self) -> bool:
        return await operation_loaders().online.load(UUID(self.id))


async def staff_member(staff_id: UUID) -> Staff | None:
    staff = await operation_loaders().staff.load(staff_id)
    return None if staff is None else Staff.from_document(staff)


@strawberry.type(description="Staff-only text on a chat; never shown to the user.")
class Note:
    id: ID
    chat_id: ID
    content: str
    created_at: datetime
    author_id: strawberry.Private[UUID]

    @classmethod
    def from_document(cls, note: NoteDocument) -> Self:
        return cls(
            id=ID(str(note.id)),
            chat_id=ID(str(note.chat_id)),
            content=note.content,
            created_at=note.created_at,
            author_id=note.author_id,
        )

    @strawberry.field
    async def author(self) -> Staff:
        author = await staff_member(self.author_id)
        if author is None:  # staff accounts are never deleted today
            return Staff(id=ID(str(self.author_id)), email="", name=None)
        return author


@strawberry.type(description="A saved reply, shared by all staff.")
class CannedReply:
    id: ID
    shortcut: str
    title: str
    content: str

    @classmethod
    def from_document(cls, reply: CannedReplyDocument) -> Self:
        return cls(
            id=ID(str(reply.id)), shortcut=reply.shortcut, title=reply.title, content=reply.content
        )


@strawberry.type(description="Someone started or stopped typing in a chat. Not stored.")
class TypingEvent:
    chat_id: ID
    sender_type: SenderType
    name: str | None
    typing: bool


@strawberry.type(description="What the widget shows before a reply can be expected.")
class Availability:
    online: bool
    message: str | None


@strawberry.type(description="One custom attribute the host app put in the user's token.")
class UserAttribute:
    key: str
    value: str  # numbers and booleans as JSON writes them

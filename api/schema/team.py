"""The shared inbox's object types: staff and their presence, notes, saved replies,
typing and availability."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from uuid import UUID

import strawberry
from strawberry import ID

from api.schema.context import Info
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
    online: bool = strawberry.field(description="Has the dashboard open now.")

    @classmethod
    def from_document(cls, staff: StaffDocument, online: set[UUID]) -> Self:
        return cls(
            id=ID(str(staff.id)), email=staff.email, name=staff.name, online=staff.id in online
        )


async def staff_members(info: Info, ids: list[UUID]) -> list[Staff]:
    """The staff with these ids (unknown ones left out), with who is online now."""
    found = await operation_loaders().staff.load_many(ids)
    online = await info.context.presence.online_staff()
    return [Staff.from_document(staff, online) for staff in found if staff is not None]


async def staff_member(info: Info, staff_id: UUID) -> Staff | None:
    found = await staff_members(info, [staff_id])
    return found[0] if found else None


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
    async def author(self, info: Info) -> Staff:
        author = await staff_member(info, self.author_id)
        if author is None:  # staff accounts are never deleted today
            return Staff(id=ID(str(self.author_id)), email="", name=None, online=False)
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

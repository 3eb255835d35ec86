from __future__ import annotations

import strawberry
from strawberry import ID

from api.schema.access import accessible_chat
from api.schema.context import Info
from api.schema.cursors import parse_chat_cursor
from api.schema.permissions import IsAuthenticated, IsStaff, ReadsAllChats
from api.schema.team import Availability, CannedReply, Staff
from api.schema.types import Chat, ChatConnection, Viewer
from documents import canned_replies, chats, staff_accounts
from documents.chats import AssigneeFilter


@strawberry.type
class Query:
    @strawberry.field(permission_classes=[IsAuthenticated])
    def viewer(self, info: Info) -> Viewer:
        return Viewer.from_principal(info.context.caller())

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="USER: their own chat (created on first access). Staff: the chat with this id.",
    )
    async def chat(self, info: Info, id: ID | None = None) -> Chat | None:
        return Chat.from_document(await accessible_chat(info, id))

    @strawberry.field(
        permission_classes=[IsAuthenticated, ReadsAllChats],
        description="Chats by last message, newest first; `search` matches the user's email.",
    )
    async def chats(
        self,
        info: Info,
        archived: bool = False,
        first: int | None = 30,
        after: str | None = None,
        search: str | None = None,
        assignee: AssigneeFilter | None = AssigneeFilter.ANYONE,
    ) -> ChatConnection:
        caller = info.context.caller()
        page = await chats.list_chats(
            archived=archived,
            first=30 if first is None else first,
            after=None if after is None else parse_chat_cursor(after),
            search=search,
            assignee=assignee or AssigneeFilter.ANYONE,
            me=caller.id if caller.is_staff else None,
        )
        return ChatConnection.from_page(page)

    @strawberry.field(permission_classes=[IsAuthenticated, IsStaff])
    async def staff(self) -> list[Staff]:
        return [Staff.from_document(staff) for staff in await staff_accounts.all_staff()]

    @strawberry.field(
        permission_classes=[IsAuthenticated, IsStaff],
        description="By shortcut; `search` matches the shortcut or the title.",
    )
    async def canned_replies(self, search: str | None = None) -> list[CannedReply]:
        return [CannedReply.from_document(r) for r in await canned_replies.canned_replies(search)]

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Whether some staff member has the dashboard open; the away text if not.",
    )
    async def availability(self, info: Info) -> Availability:
        online = bool(await info.context.presence.online_staff())
        return Availability(
            online=online, message=None if online else info.context.settings.away_message
        )

    @strawberry.field(
        permission_classes=[IsAuthenticated, IsStaff],
        description="Not in the contract: inbox chats with USER messages staff have not viewed.",
    )
    async def unread_chat_count(self) -> int:
        return await chats.count_unread_by_staff()

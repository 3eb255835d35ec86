from __future__ import annotations

import strawberry
from strawberry import ID

from api.schema.access import accessible_chat
from api.schema.context import Info
from api.schema.cursors import parse_chat_cursor
from api.schema.permissions import IsAuthenticated, ReadsAllChats
from api.schema.types import Chat, ChatConnection, Viewer
from documents import chats


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
        archived: bool = False,
        first: int | None = 30,
        after: str | None = None,
        search: str | None = None,
    ) -> ChatConnection:
        page = await chats.list_chats(
            archived=archived,
            first=30 if first is None else first,
            after=None if after is None else parse_chat_cursor(after),
            search=search,
        )
        return ChatConnection.from_page(page)

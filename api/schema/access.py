"""Chat-level authorization: every operation resolves its chat through here."""

from __future__ import annotations

from uuid import UUID

from api.auth.principal import Role
from api.schema.context import Info
from core.errors import BadUserInput, Forbidden, NotFound
from documents import Chat, chats


def parse_id(value: str, argument: str) -> UUID:
    try:
        return UUID(value)
    except (ValueError, TypeError, AttributeError):
        raise BadUserInput(f"{argument} is not a valid id.", field=argument) from None


async def accessible_chat(info: Info, chat_id: str | None) -> Chat:
    """The chat the caller names (a user's own when omitted), if the caller may see it."""
    caller = info.context.caller()
    if caller.role is Role.USER:
        own = await chats.chat_of_user(caller.id)
        if chat_id is not None and parse_id(chat_id, "chatId") != own.id:
            raise Forbidden("This chat belongs to someone else.")
        return own
    if chat_id is None:
        raise BadUserInput("chatId is required for staff and integrations.", field="chatId")
    chat = await chats.chat_by_id(parse_id(chat_id, "chatId"))
    if chat is None:
        raise NotFound("Chat not found.", field="chatId")
    return chat

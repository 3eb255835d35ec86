"""Chat-level authorization: every operation resolves its chat through here."""

from __future__ import annotations

from uuid import UUID

from api.auth.principal import Principal, Role
from api.live.events import chat_channel
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
        own = await _own_chat(info, caller)
        _check_own(own.id, chat_id)
        return own
    chat = await chats.chat_by_id(_named(chat_id))
    if chat is None:
        raise NotFound("Chat not found.", field="chatId")
    return chat


async def accessible_chat_id(info: Info, chat_id: str | None) -> UUID:
    """As `accessible_chat`, but only the id, from what the token and Redis already know
    when they know it: a user's chat once remembered, a chat with messages announced."""
    caller = info.context.caller()
    if caller.role is Role.USER:
        own = caller.chat_id or (await _own_chat(info, caller)).id
        _check_own(own, chat_id)
        return own
    named = _named(chat_id)
    announced = await info.context.hub.position(chat_channel(named)) is not None
    if not announced and await chats.chat_by_id(named) is None:
        raise NotFound("Chat not found.", field="chatId")
    return named


async def _own_chat(info: Info, caller: Principal) -> Chat:
    known = await chats.chat_by_id(caller.chat_id) if caller.chat_id is not None else None
    if known is not None and known.user_id == caller.id:
        return known  # by `_id`: no secondary index
    own = await chats.chat_of_user(caller.id)
    if caller.external_id is not None:
        await info.context.known_users.remember_chat(caller.external_id, own.id)
    return own


def _check_own(own: UUID, chat_id: str | None) -> None:
    if chat_id is not None and parse_id(chat_id, "chatId") != own:
        raise Forbidden("This chat belongs to someone else.")


def _named(chat_id: str | None) -> UUID:
    """The chat staff and integrations must name."""
    if chat_id is None:
        raise BadUserInput("chatId is required for staff and integrations.", field="chatId")
    return parse_id(chat_id, "chatId")

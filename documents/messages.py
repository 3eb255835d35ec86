"""Messages: sent (with the chat's summary folded in), read, and read back in order.

Each operation is made of single-document atomic writes; nothing here knows
about GraphQL or Redis: it stores, and returns what it stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

from beanie import SortDirection
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from core.clock import utc_now
from core.errors import BadUserInput, NotFound
from documents._load import load
from documents.chats import MAX_PAGE, clear_unread_by_staff
from documents.models import Chat, Message, SenderType
from documents.models.chat import PREVIEW_LENGTH
from documents.models.message import MAX_CONTENT_LENGTH

MAX_CLIENT_ID_LENGTH = 128
NEWEST_FIRST = [("created_at", SortDirection.DESCENDING), ("_id", SortDirection.DESCENDING)]
OLDEST_FIRST = [("created_at", SortDirection.ASCENDING), ("_id", SortDirection.ASCENDING)]


@dataclass(frozen=True, slots=True)
class Sent:
    message: Message
    chat: Chat
    created: bool  # False when this clientId was already used: nothing new to announce


def clean_content(content: str) -> str:
    text = content.strip()
    if not text:
        raise BadUserInput("Message content is empty.", field="content")
    if len(text) > MAX_CONTENT_LENGTH:
        raise BadUserInput(
            f"Message content is longer than {MAX_CONTENT_LENGTH} characters.", field="content"
        )
    return text


async def send_message(
    chat: Chat,
    sender_type: SenderType,
    sender_id: UUID,
    content: str,
    client_id: str | None,
    sender_name: str | None = None,
) -> Sent:
    text = clean_content(content)
    if client_id is not None and not 0 < len(client_id) <= MAX_CLIENT_ID_LENGTH:
        raise BadUserInput(
            f"clientId must be 1 to {MAX_CLIENT_ID_LENGTH} characters.", field="clientId"
        )
    message_id = uuid4()
    message = Message(
        id=message_id,
        chat_id=chat.id,
        content=text,
        sender_type=sender_type,
        sender_id=sender_id,
        client_id=client_id or str(message_id),
        client_id_given=client_id is not None,
        sender_name=sender_name,
    )
    try:
        await message.insert()
    except DuplicateKeyError:
        existing = await Message.find_one(
            Message.chat_id == chat.id, Message.client_id == message.client_id
        )
        if existing is None:  # pragma: no cover - the index said it exists
            raise
        if not _left_out_of_summary(existing, chat):
            return Sent(existing, chat, created=False)
        message = existing  # an earlier attempt stored it but stopped before the summary
    return Sent(message, await _summarize(message), created=True)


def _left_out_of_summary(message: Message, chat: Chat) -> bool:
    """Whether a stored message never made it into its chat's summary.

    An attempt that stopped between storing the message and updating the chat
    leaves the summary behind the message; the retry with the same clientId
    finishes it. (Once a later message is summarized, the two cannot be told
    apart and the retry changes nothing.)
    """
    return chat.last_message_at is None or chat.last_message_at < message.created_at


async def _summarize(message: Message) -> Chat:
    """Fold the message into its chat's summary in one atomic update."""
    at = message.created_at
    latest: dict[str, Any] = {
        "last_message_at": at,
        "activity_at": at,
        "last_message_preview": message.content[:PREVIEW_LENGTH],
        "last_message_sender": message.sender_type.value,
    }
    increments = {"message_count": 1}
    if message.sender_type is SenderType.USER:
        latest |= {
            "last_user_message_at": at,
            "archived": False,
            "archived_at": None,
            "unread_by_staff": True,
        }
    else:
        increments["unread_count"] = 1
    chats = Chat.get_pymongo_collection()
    newer_than_summary = {"$or": [{"last_message_at": None}, {"last_message_at": {"$lte": at}}]}
    document = await chats.find_one_and_update(
        {"_id": message.chat_id, **newer_than_summary},
        {"$set": latest, "$inc": increments},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        # A message stored later already leads the summary: only count this one,
        # keeping the un-archive a USER message always brings.
        unarchive = (
            {"$set": {"archived": False, "archived_at": None}}
            if message.sender_type is SenderType.USER
            else {}
        )
        document = await chats.find_one_and_update(
            {"_id": message.chat_id},
            {"$inc": increments, **unarchive},
            return_document=ReturnDocument.AFTER,
        )
    if document is None:
        raise NotFound("Chat not found.")
    return load(Chat, document)


async def mark_read(chat: Chat, reader: SenderType) -> tuple[Chat, list[Message]]:
    """The reader has seen the chat: stamp readAt on the other side's messages."""
    now = utc_now()
    other_side = SenderType.ADMIN if reader is SenderType.USER else SenderType.USER
    unread = await Message.find(
        {"chat_id": chat.id, "sender_type": other_side.value, "read_at": None}
    ).to_list()
    ids = [message.id for message in unread]
    result = await Message.get_pymongo_collection().update_many(
        {"_id": {"$in": ids}, "read_at": None}, {"$set": {"read_at": now}}
    )
    for message in unread:
        message.read_at = now
    update: dict[str, Any]
    if reader is SenderType.USER:
        update = {"$inc": {"unread_count": -result.modified_count}}
    else:
        update = {"$max": {"admin_viewed_at": now}}
    document = await Chat.get_pymongo_collection().find_one_and_update(
        {"_id": chat.id}, update, return_document=ReturnDocument.AFTER
    )
    if document is None:
        raise NotFound("Chat not found.")
    if reader is SenderType.ADMIN:
        await clear_unread_by_staff(chat.id, now)
    return load(Chat, document), unread


@dataclass(frozen=True, slots=True)
class MessageSlice:
    messages: list[Message]  # oldest first
    has_more: bool


async def message_slice(
    chat_id: UUID, *, last: int, before: UUID | None, after: UUID | None
) -> MessageSlice:
    """The newest `last` messages of a chat, optionally older than `before` / newer than `after`."""
    if not 0 < last <= MAX_PAGE:
        raise BadUserInput(f"last must be between 1 and {MAX_PAGE}.", field="last")
    query: dict[str, Any] = {"chat_id": chat_id}
    bounds = []
    if before is not None:
        bounds.append(_relative_to(position(await find_message(chat_id, before, "before")), "$lt"))
    if after is not None:
        bounds.append(_relative_to(position(await find_message(chat_id, after, "after")), "$gt"))
    if bounds:
        query["$and"] = bounds
    newest = await Message.find(query).sort(NEWEST_FIRST).limit(last + 1).to_list()
    return MessageSlice(list(reversed(newest[:last])), has_more=len(newest) > last)


Position = tuple[datetime, UUID]


def position(message: Message) -> Position:
    """Where a message stands in its chat's order: (createdAt, id)."""
    return message.created_at, message.id


async def messages_after(chat_id: UUID, start: Position, limit: int = 1000) -> list[Message]:
    """Messages ordered after the position, oldest first."""
    query = {"chat_id": chat_id, **_relative_to(start, "$gt")}
    return await Message.find(query).sort(OLDEST_FIRST).limit(limit).to_list()


async def user_messages_after(start: Position, limit: int = 1000) -> list[Message]:
    """USER messages of every chat ordered after the position, oldest first."""
    query = {"sender_type": SenderType.USER.value, **_relative_to(start, "$gt")}
    return await Message.find(query).sort(OLDEST_FIRST).limit(limit).to_list()


async def find_message(chat_id: UUID, message_id: UUID, argument: str) -> Message:
    message = await Message.get(message_id)
    if message is None or message.chat_id != chat_id:
        raise NotFound(f"No message {message_id} in this chat.", field=argument)
    return message


def _relative_to(start: Position, operator: str) -> dict[str, Any]:
    """Messages ordered before ($lt) or after ($gt) the position."""
    created_at, message_id = start
    return {
        "$or": [
            {"created_at": {operator: created_at}},
            {"created_at": created_at, "_id": {operator: message_id}},
        ]
    }


async def message_by_id(message_id: UUID) -> Message | None:
    return await Message.get(message_id)

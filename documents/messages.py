"""Messages: sent (with the chat's summary folded in), read, and read back in order.

Each operation is made of single-document atomic writes; nothing here knows
about GraphQL or Redis: it stores, and returns what it stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from uuid import UUID, uuid4

from beanie import SortDirection
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from core.clock import utc_now
from core.errors import BadUserInput, NotFound
from documents import attachments
from documents._load import load, stored
from documents.chats import MAX_PAGE, chat_by_id, clear_unread_by_staff
from documents.counters import USER_FEED, current_count, next_count
from documents.models import Chat, Message, SenderType
from documents.models.chat import PREVIEW_LENGTH
from documents.models.message import MAX_CONTENT_LENGTH

MAX_CLIENT_ID_LENGTH = 128
NEWEST_FIRST = [("seq", SortDirection.DESCENDING)]
OLDEST_FIRST = [("seq", SortDirection.ASCENDING)]


@dataclass(frozen=True, slots=True)
class Sent:
    message: Message
    chat: Chat
    created: bool  # False when this clientId was already used: nothing new to announce


def clean_content(content: str, *, may_be_empty: bool = False) -> str:
    text = content.strip()
    if not text and not may_be_empty:
        raise BadUserInput("Message content is empty.", field="content")
    if len(text) > MAX_CONTENT_LENGTH:
        raise BadUserInput(
            f"Message content is longer than {MAX_CONTENT_LENGTH} characters.", field="content"
        )
    return text


async def send_message(
    chat_id: UUID,
    sender_type: SenderType,
    sender_id: UUID,
    content: str,
    client_id: str | None,
    attachment_ids: Sequence[UUID] = (),
    sender_name: str | None = None,
) -> Sent:
    """Store a message at the next seq of its chat and fold it into the chat's summary.

    The seq comes first, from one atomic `$inc` of the chat; a retry with a used
    clientId is answered from storage before it takes a number, so only a race of
    two attempts (or an attempt that died after the `$inc`) leaves a number unused.
    Attachments are claimed for the message before it is stored (same chat, same
    uploader, not sent yet); a retry's attachments are the first attempt's already.
    The chat is read only for a retry: a send's `$inc` finds it (or says it is gone).
    """
    text = clean_content(content, may_be_empty=bool(attachment_ids))
    if client_id is not None and not 0 < len(client_id) <= MAX_CLIENT_ID_LENGTH:
        raise BadUserInput(
            f"clientId must be 1 to {MAX_CLIENT_ID_LENGTH} characters.", field="clientId"
        )
    if client_id is not None and (earlier := await _sent_before(chat_id, client_id)) is not None:
        return await _retried(earlier, chat_id)
    message_id = uuid4()
    refs = await attachments.claim(
        attachment_ids,
        chat_id=chat_id,
        uploader_id=sender_id,
        message_id=message_id,
        claim_key=f"{chat_id}:{client_id or message_id}",
    )
    message = Message(
        id=message_id,
        chat_id=chat_id,
        content=text,
        sender_type=sender_type,
        sender_id=sender_id,
        client_id=client_id or str(message_id),
        client_id_given=client_id is not None,
        attachments=refs,
        sender_name=sender_name,
        seq=await _next_seq(chat_id),
        feed=await next_count(USER_FEED) if sender_type is SenderType.USER else None,
    )
    try:
        await Message.get_pymongo_collection().insert_one(stored(message))
    except DuplicateKeyError:
        earlier = await _sent_before(chat_id, message.client_id)
        if earlier is None:  # pragma: no cover - the index said it exists
            raise
        await attachments.hand_over([ref.id for ref in refs], message_id, earlier.id)
        return await _retried(earlier, chat_id)
    return Sent(message, await _summarize(message), created=True)


def preview(message: Message) -> str:
    """The message's text, or what it carries when it has none."""
    if message.content or not message.attachments:
        return message.content
    return "📎 " + ", ".join(attachment.filename for attachment in message.attachments)


async def _sent_before(chat_id: UUID, client_id: str) -> Message | None:
    query = {"chat_id": chat_id, "client_id": client_id}
    document = await Message.get_pymongo_collection().find_one(query)
    return None if document is None else load(Message, document)


async def _retried(earlier: Message, chat_id: UUID) -> Sent:
    """A send repeated with a used clientId: nothing new, unless the first attempt
    stopped between storing the message and updating the chat's summary."""
    chat = await chat_by_id(chat_id)
    if chat is None:  # pragma: no cover - chats are never deleted
        raise NotFound("Chat not found.")
    if chat.summary_seq >= earlier.seq:
        return Sent(earlier, chat, created=False)
    return Sent(earlier, await _summarize(earlier), created=True)


async def _next_seq(chat_id: UUID) -> int:
    document = await Chat.get_pymongo_collection().find_one_and_update(
        {"_id": chat_id},
        {"$inc": {"last_seq": 1}},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        raise NotFound("Chat not found.")
    seq: int = document["last_seq"]
    return seq


async def _summarize(message: Message) -> Chat:
    """Fold the message into its chat's summary in one atomic update.

    The summary shows the message of the highest seq; a message that loses the
    race to a later seq only counts.
    """
    at = message.created_at
    latest: dict[str, Any] = {
        "last_message_at": at,
        "activity_at": at,
        "last_message_preview": preview(message)[:PREVIEW_LENGTH],
        "last_message_sender": message.sender_type.value,
        "summary_seq": message.seq,
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
    behind_this_message = {"$or": [{"summary_seq": None}, {"summary_seq": {"$lt": message.seq}}]}
    document = await chats.find_one_and_update(
        {"_id": message.chat_id, **behind_this_message},
        {"$set": latest, "$inc": increments},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        # A later seq already leads the summary: only count this one,
        # keeping the un-archive (and the wait for staff) a USER message always brings.
        unarchive = (
            {"$set": {"archived": False, "archived_at": None, "unread_by_staff": True}}
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
    seq: dict[str, int] = {}
    if before is not None:
        seq["$lt"] = (await find_message(chat_id, before, "before")).seq
    if after is not None:
        seq["$gt"] = (await find_message(chat_id, after, "after")).seq
    query: dict[str, Any] = {"chat_id": chat_id, **({"seq": seq} if seq else {})}
    newest = await Message.find(query).sort(NEWEST_FIRST).limit(last + 1).to_list()
    return MessageSlice(list(reversed(newest[:last])), has_more=len(newest) > last)


async def messages_after(chat_id: UUID, seq: int, limit: int = 500) -> list[Message]:
    """A chat's messages of seq above `seq`, in seq order."""
    query = {"chat_id": chat_id, "seq": {"$gt": seq}}
    return await Message.find(query).sort(OLDEST_FIRST).limit(limit).to_list()


async def newest_seq(chat_id: UUID) -> int:
    """The highest seq stored in the chat (0: none); an assigned seq may still be on its way."""
    newest = await Message.find({"chat_id": chat_id}).sort(NEWEST_FIRST).limit(1).to_list()
    return newest[0].seq if newest else 0


async def read_messages(chat_id: UUID, sender_type: SenderType, limit: int) -> list[Message]:
    """The read messages of one side among the chat's newest `limit`, in seq order."""
    newest = await Message.find({"chat_id": chat_id}).sort(NEWEST_FIRST).limit(limit).to_list()
    return [
        message
        for message in reversed(newest)
        if message.sender_type is sender_type and message.read_at is not None
    ]


async def user_messages_after(feed: int, limit: int = 500) -> list[Message]:
    """USER messages of every chat after that feed position, in feed order."""
    query = {"sender_type": SenderType.USER.value, "feed": {"$gt": feed}}
    return (
        await Message.find(query).sort([("feed", SortDirection.ASCENDING)]).limit(limit).to_list()
    )


async def newest_feed() -> int:
    """The highest feed position stored (0: none)."""
    newest = (
        await Message.find({"sender_type": SenderType.USER.value, "feed": {"$gt": 0}})
        .sort([("feed", SortDirection.DESCENDING)])
        .limit(1)
        .to_list()
    )
    return newest[0].feed or 0 if newest else 0


async def user_message_at(feed: int) -> Message | None:
    return await Message.find_one({"sender_type": SenderType.USER.value, "feed": feed})


async def find_message(chat_id: UUID, message_id: UUID, argument: str) -> Message:
    message = await Message.get(message_id)
    if message is None or message.chat_id != chat_id:
        raise NotFound(f"No message {message_id} in this chat.", field=argument)
    return message


async def message_by_id(message_id: UUID) -> Message | None:
    return await Message.get(message_id)


async def check_feed_resume(feed: int, retention: timedelta) -> None:
    """A `newUserMessage` resume point must have been handed out and be within the retention."""
    if feed > await current_count(USER_FEED):
        raise BadUserInput("after is not a cursor this server gave out.", field="after")
    message = await user_message_at(feed)
    if message is not None and message.created_at < utc_now() - retention:
        days = retention / timedelta(days=1)
        raise BadUserInput(
            f"after is older than the {days:g}-day retention of newUserMessage:"
            " resubscribe without it and reload the chats.",
            field="after",
        )

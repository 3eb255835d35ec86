"""Chats: one per end user, found or created, listed by activity, archived and restored,
assigned to staff, rated by their user."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from beanie import SortDirection
from pymongo import ReturnDocument

from core.clock import utc_now
from core.errors import BadUserInput, NotFound
from documents._load import load
from documents._upsert import upsert_one
from documents.models import Chat, Staff, User

MAX_PAGE = 200
_NO_RATING = {"rating": None, "rating_comment": None, "rated_at": None}
ChatPosition = tuple[datetime, UUID]  # where a chat stands in the list: (activity, id)


class AssigneeFilter(StrEnum):
    """Which chats of the list, by who owns them."""

    ANYONE = "ANYONE"
    ME = "ME"
    NOBODY = "NOBODY"


async def chat_by_id(chat_id: UUID) -> Chat | None:
    document = await Chat.get_pymongo_collection().find_one({"_id": chat_id})
    return None if document is None else load(Chat, document)


async def chat_of_user(user_id: UUID) -> Chat:
    """The user's one chat, created on first access (race-safe)."""
    existing = await Chat.get_pymongo_collection().find_one({"user_id": user_id})
    if existing is not None:
        return load(Chat, existing)
    user = await User.get(user_id)
    if user is None:
        raise NotFound("Unknown user.")
    fresh = Chat(user_id=user_id, user_email=user.email)
    insert = fresh.model_dump(by_alias=True, exclude={"user_id", "revision_id"})
    document = await upsert_one(
        Chat.get_pymongo_collection(), {"user_id": user_id}, {"$setOnInsert": insert}
    )
    return load(Chat, document)


async def sync_user_email(user_id: UUID, email: str) -> None:
    """Keep the chat's copy of the user's email (search, newUserMessage) current."""
    await Chat.get_pymongo_collection().update_one(
        {"user_id": user_id, "user_email": {"$ne": email}}, {"$set": {"user_email": email}}
    )


async def set_archived(chat: Chat, archived: bool) -> Chat:
    if archived:
        # Archiving starts a period the user may rate afresh; archiving again keeps the rating.
        document = await Chat.get_pymongo_collection().find_one_and_update(
            {"_id": chat.id, "archived": False},
            {"$set": {"archived": True, "archived_at": utc_now(), **_NO_RATING}},
            return_document=ReturnDocument.AFTER,
        )
        if document is not None:
            return load(Chat, document)
    document = await Chat.get_pymongo_collection().find_one_and_update(
        {"_id": chat.id},
        {"$set": {"archived": archived, "archived_at": utc_now() if archived else None}},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        raise NotFound("Chat not found.")
    return load(Chat, document)


async def assign(chat: Chat, staff_id: UUID | None) -> Chat:
    """Give the chat to this staff member, or to nobody."""
    if staff_id is not None and await Staff.get(staff_id) is None:
        raise NotFound("No staff member has this id.", field="staffId")
    return await _update(chat.id, {"$set": {"assignee_id": staff_id}})


async def rate(chat: Chat, rating: int, comment: str | None) -> Chat:
    """The user's rating of the archived chat; a later one replaces it until the chat is
    archived again."""
    document = await Chat.get_pymongo_collection().find_one_and_update(
        {"_id": chat.id, "archived": True},
        {"$set": {"rating": rating, "rating_comment": comment, "rated_at": utc_now()}},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        raise BadUserInput("A chat can be rated once it is archived.", reason="NOT_ARCHIVED")
    return load(Chat, document)


async def clear_unread_by_staff(chat_id: UUID, viewed_at: datetime) -> None:
    """Staff viewed the chat: no USER message up to then awaits them any more."""
    await Chat.get_pymongo_collection().update_one(
        {"_id": chat_id, "unread_by_staff": True, "last_user_message_at": {"$lte": viewed_at}},
        {"$set": {"unread_by_staff": False}},
    )


async def flag_chats_stored_before_unread_by_staff() -> None:
    """Chats stored before `unread_by_staff` existed get it from what their summary says
    (once: later chats are stored with it)."""
    older = Chat.find({"unread_by_staff": {"$exists": False}})
    async for chat in older:
        await Chat.get_pymongo_collection().update_one(
            {"_id": chat.id, "unread_by_staff": {"$exists": False}},
            {"$set": {"unread_by_staff": chat.unread}},
        )


async def count_unread_by_staff() -> int:
    """Chats in the inbox (not archived) with USER messages staff have not viewed."""
    return await Chat.find({"unread_by_staff": True, "archived": False}).count()


async def _update(chat_id: UUID, update: dict[str, Any]) -> Chat:
    document = await Chat.get_pymongo_collection().find_one_and_update(
        {"_id": chat_id}, update, return_document=ReturnDocument.AFTER
    )
    if document is None:
        raise NotFound("Chat not found.", field="chatId")
    return load(Chat, document)


@dataclass(frozen=True, slots=True)
class ChatPage:
    chats: list[Chat]
    has_next: bool
    query: dict[str, Any]  # every chat the page is part of

    async def total(self) -> int:
        """Counted only when asked for: a count walks every matching chat."""
        return await Chat.find(self.query).count()


async def list_chats(
    *,
    archived: bool,
    first: int,
    after: ChatPosition | None,
    search: str | None,
    assignee: AssigneeFilter = AssigneeFilter.ANYONE,
    me: UUID | None = None,
) -> ChatPage:
    """Chats with messages by latest activity, newest first, `first` after the cursor
    position; `me` is the staff member that `AssigneeFilter.ME` means."""
    if not 0 < first <= MAX_PAGE:
        raise BadUserInput(f"first must be between 1 and {MAX_PAGE}.", field="first")
    # A chat the user opened but never wrote in stays out of the staff list.
    query: dict[str, Any] = {"archived": archived, "message_count": {"$gt": 0}}
    if assignee is AssigneeFilter.ME:
        if me is None:
            raise BadUserInput("assignee: ME needs a staff caller.", field="assignee")
        query["assignee_id"] = me
    elif assignee is AssigneeFilter.NOBODY:
        query["assignee_id"] = None
    if search:
        query["user_email"] = {"$regex": re.escape(search.strip()), "$options": "i"}
    page_query = dict(query)
    if after is not None:
        at, chat_id = after
        page_query["$or"] = [
            {"activity_at": {"$lt": at}},
            {"activity_at": at, "_id": {"$lt": chat_id}},
        ]
    found = (
        await Chat.find(page_query)
        .sort([("activity_at", SortDirection.DESCENDING), ("_id", SortDirection.DESCENDING)])
        .limit(first + 1)
        .to_list()
    )
    return ChatPage(found[:first], has_next=len(found) > first, query=query)


async def user_emails(chat_ids: set[UUID]) -> dict[UUID, str]:
    found = await Chat.find({"_id": {"$in": list(chat_ids)}}).to_list()
    return {chat.id: chat.user_email for chat in found}


async def last_seqs(chat_ids: list[UUID]) -> dict[UUID, int]:
    """Each chat's `last_seq`, in one query (by `_id`)."""
    found = (
        await Chat.get_pymongo_collection()
        .find({"_id": {"$in": chat_ids}}, projection={"last_seq": True})
        .to_list()
    )
    return {document["_id"]: document.get("last_seq", 0) for document in found}


async def recently_active(limit: int) -> list[Chat]:
    """The `limit` most recently active chats of each list (open, archived)."""
    found: list[Chat] = []
    for archived in (False, True):
        found += (
            await Chat.find({"archived": archived})
            .sort([("activity_at", SortDirection.DESCENDING), ("_id", SortDirection.DESCENDING)])
            .limit(limit)
            .to_list()
        )
    return found

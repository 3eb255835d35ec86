"""Chats: one per end user, found or created, listed by activity, archived and restored."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from beanie import SortDirection
from pymongo import ReturnDocument

from core.clock import utc_now
from core.errors import BadUserInput, NotFound
from documents._load import load
from documents._upsert import upsert_one
from documents.models import Chat, User

MAX_PAGE = 200
ChatPosition = tuple[datetime, UUID]  # where a chat stands in the list: (activity, id)


async def chat_by_id(chat_id: UUID) -> Chat | None:
    return await Chat.get(chat_id)


async def chat_of_user(user_id: UUID) -> Chat:
    """The user's one chat, created on first access (race-safe)."""
    existing = await Chat.find_one(Chat.user_id == user_id)
    if existing is not None:
        return existing
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
    document = await Chat.get_pymongo_collection().find_one_and_update(
        {"_id": chat.id},
        {"$set": {"archived": archived, "archived_at": utc_now() if archived else None}},
        return_document=ReturnDocument.AFTER,
    )
    if document is None:
        raise NotFound("Chat not found.")
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
    *, archived: bool, first: int, after: ChatPosition | None, search: str | None
) -> ChatPage:
    """Chats by latest activity, newest first, `first` after the cursor position."""
    if not 0 < first <= MAX_PAGE:
        raise BadUserInput(f"first must be between 1 and {MAX_PAGE}.", field="first")
    query: dict[str, Any] = {"archived": archived}
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

"""Saved replies: shared by all staff, each known by a unique shortcut."""

from __future__ import annotations

import re
from typing import Any
from uuid import UUID

from beanie import SortDirection
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from core.clock import utc_now
from core.errors import BadUserInput, NotFound
from documents._load import load
from documents.messages import clean_content
from documents.models import CannedReply

SHORTCUT = re.compile(r"[a-z0-9_-]{1,32}")
MAX_TITLE_LENGTH = 100
MAX_REPLIES = 500


def clean_shortcut(shortcut: str) -> str:
    cleaned = shortcut.strip().lower()
    if not SHORTCUT.fullmatch(cleaned):
        raise BadUserInput("shortcut must be 1 to 32 of a-z, 0-9, '-' and '_'.", field="shortcut")
    return cleaned


def clean_title(title: str) -> str:
    cleaned = title.strip()
    if not 0 < len(cleaned) <= MAX_TITLE_LENGTH:
        raise BadUserInput(f"title must be 1 to {MAX_TITLE_LENGTH} characters.", field="title")
    return cleaned


async def canned_replies(search: str | None) -> list[CannedReply]:
    """By shortcut; `search` matches the shortcut or the title, case-insensitive."""
    query: dict[str, Any] = {}
    if search and search.strip():
        pattern = {"$regex": re.escape(search.strip()), "$options": "i"}
        query["$or"] = [{"shortcut": pattern}, {"title": pattern}]
    return (
        await CannedReply.find(query)
        .sort([("shortcut", SortDirection.ASCENDING)])
        .limit(MAX_REPLIES)
        .to_list()
    )


async def save_canned_reply(
    reply_id: UUID | None, shortcut: str, title: str, content: str
) -> CannedReply:
    """Create the reply (no id) or update the one with this id; shortcuts stay unique."""
    fields = {
        "shortcut": clean_shortcut(shortcut),
        "title": clean_title(title),
        "content": clean_content(content),
        "updated_at": utc_now(),
    }
    taken = BadUserInput(
        f"Another saved reply already uses the shortcut {fields['shortcut']!r}.", field="shortcut"
    )
    if reply_id is None:
        try:
            return await CannedReply(**fields).insert()
        except DuplicateKeyError:
            raise taken from None
    # The unique index keeps shortcuts unique whatever happens; this check gives the precise
    # error (FerretDB reports an update that breaks a unique index as an internal error).
    if await CannedReply.find_one({"shortcut": fields["shortcut"], "_id": {"$ne": reply_id}}):
        raise taken
    try:
        document = await CannedReply.get_pymongo_collection().find_one_and_update(
            {"_id": reply_id}, {"$set": fields}, return_document=ReturnDocument.AFTER
        )
    except DuplicateKeyError:
        raise taken from None
    if document is None:
        raise NotFound("No saved reply has this id.", field="id")
    return load(CannedReply, document)


async def delete_canned_reply(reply_id: UUID) -> None:
    result = await CannedReply.get_pymongo_collection().delete_one({"_id": reply_id})
    if result.deleted_count == 0:
        raise NotFound("No saved reply has this id.", field="id")

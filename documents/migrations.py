"""One-off data migrations, run at start-up by every API process, idempotent and race-safe.

`number_messages`: messages stored before seqs existed get them, per chat in
(created_at, id) order. Two processes may run it at once: both compute the same
numbers from the same order and only fill a seq still missing, and a chat's
`last_seq` only grows (`$max`), so they agree whoever is faster. It runs before
the unique `(chat_id, seq)` index exists (unnumbered messages would collide in it)
and records itself as done, so later starts skip the scan.
"""

from __future__ import annotations

from contextlib import suppress
from typing import Any
from uuid import UUID

from beanie import SortDirection
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from documents.models import Chat, Message, Migration

MESSAGE_SEQS = "message_seq"
UNNUMBERED: dict[str, Any] = {"$or": [{"seq": {"$exists": False}}, {"seq": 0}]}
CREATION_ORDER = [("created_at", SortDirection.ASCENDING), ("_id", SortDirection.ASCENDING)]


async def number_messages() -> int:
    """Give every unnumbered message its seq; how many this call numbered."""
    if await Migration.get(MESSAGE_SEQS) is not None:
        return 0
    # Once recorded as done, no start runs it again. Chats in `_id` order and messages by
    # chat: every read is served by an index, as everywhere else.
    numbered = 0
    chats = Chat.get_pymongo_collection().find({}, {"_id": 1}).sort("_id", 1)
    async for chat in chats:
        if await Message.find_one({"chat_id": chat["_id"], **UNNUMBERED}) is not None:
            numbered += await _number_chat(chat["_id"])
    with suppress(DuplicateKeyError):  # another process finished it too
        await Migration(id=MESSAGE_SEQS).insert()
    return numbered


async def _number_chat(chat_id: UUID) -> int:
    chat = await Chat.get(chat_id)
    if chat is None:
        return 0
    messages = Message.get_pymongo_collection()
    in_order = await Message.find({"chat_id": chat_id}).sort(CREATION_ORDER).to_list()
    if chat.last_seq == 0:
        # Every message here predates seqs: its place in creation order is its seq.
        numbered = 0
        for seq, message in enumerate(in_order, start=1):
            if message.seq == 0:
                result = await messages.update_one(
                    {"_id": message.id, **UNNUMBERED}, {"$set": {"seq": seq}}
                )
                numbered += result.modified_count
        last = len(in_order)
        await Chat.get_pymongo_collection().update_one(
            {"_id": chat_id},
            {"$max": {"last_seq": last, "summary_seq": last}},
        )
        return numbered
    # The chat already took seqs (a process without this migration stored old-style
    # messages beside new ones): the stragglers go after, in creation order.
    numbered = 0
    for message in in_order:
        if message.seq != 0:
            continue
        document = await Chat.get_pymongo_collection().find_one_and_update(
            {"_id": chat_id},
            {"$inc": {"last_seq": 1}},
            return_document=ReturnDocument.AFTER,
        )
        if document is None:
            break
        result = await messages.update_one(
            {"_id": message.id, **UNNUMBERED}, {"$set": {"seq": document["last_seq"]}}
        )
        numbered += result.modified_count
    return numbered

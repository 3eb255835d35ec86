"""Notes: staff-only text on a chat, in their own collection so no user path can reach them."""

from __future__ import annotations

from uuid import UUID

from beanie import SortDirection

from documents.messages import clean_content
from documents.models import Chat, Note

MAX_NOTES = 1000


async def add_note(chat: Chat, author_id: UUID, content: str) -> Note:
    """Content follows the rules of a message: trimmed, 1 to 5000 characters."""
    return await Note(chat_id=chat.id, author_id=author_id, content=clean_content(content)).insert()


async def notes_of_chat(chat_id: UUID) -> list[Note]:
    """The chat's notes, oldest first."""
    return (
        await Note.find({"chat_id": chat_id})
        .sort([("created_at", SortDirection.ASCENDING), ("_id", SortDirection.ASCENDING)])
        .limit(MAX_NOTES)
        .to_list()
    )

"""Bulk seeding straight into MongoDB, in the exact shape the API's documents store.

Documents are built through the Beanie models themselves (so defaults, field names and
types are the API's own) and written with pymongo `insert_many` in batches: seeding
100 000 chats through the API would take far longer than the whole bench may.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum
from itertools import islice
from typing import Any
from uuid import UUID

from pymongo import AsyncMongoClient
from pymongo.asynchronous.database import AsyncDatabase

from api.auth.passwords import hash_password
from core.clock import utc_now
from documents import Chat, Message, SenderType, Staff, User, connect, init_db
from documents.models.chat import PREVIEW_LENGTH

BATCH = 5_000
STAFF_EMAIL = "bench-staff@example.test"
STAFF_PASSWORD = "bench staff password"

Raw = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SeededChat:
    chat_id: UUID
    user_id: UUID
    external_id: str
    email: str
    name: str
    newest_message_id: UUID | None


def _raw(document: User | Chat | Message | Staff) -> Raw:
    """What the document stores: `_id`, snake_case fields, enums as their values."""
    dumped: Raw = document.model_dump(by_alias=True, exclude={"revision_id"})
    return {key: value.value if isinstance(value, Enum) else value for key, value in dumped.items()}


def _batches(documents: Iterable[Raw]) -> Iterator[list[Raw]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, BATCH)):
        yield batch


async def _insert(database: AsyncDatabase[Raw], collection: str, documents: Iterable[Raw]) -> None:
    for batch in _batches(documents):
        await database[collection].insert_many(batch, ordered=False)


async def drop_database(mongodb_url: str, database: str) -> None:
    client: AsyncMongoClient[Raw] = connect(mongodb_url, timeout_ms=10_000)
    try:
        await client.drop_database(database)
    finally:
        await client.close()


class Seeder:
    """Seeds one database; the database is created with the API's indexes first."""

    def __init__(self, mongodb_url: str, database: str) -> None:
        self.database_name = database
        self._client: AsyncMongoClient[Raw] = connect(mongodb_url, timeout_ms=10_000)
        self.database: AsyncDatabase[Raw] = self._client[database]

    async def __aenter__(self) -> Seeder:
        await init_db(self._client, self.database_name)
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._client.close()

    async def staff(self, email: str = STAFF_EMAIL, password: str = STAFF_PASSWORD) -> None:
        staff = Staff(email=email, name="Bench Staff", password_hash=hash_password(password))
        await _insert(self.database, "staff", [_raw(staff)])

    async def chats(
        self, count: int, *, prefix: str, messages_each: int = 0, start: int = 0
    ) -> list[SeededChat]:
        """`count` users with one chat each, the newest chat first in the list order.

        Each chat gets `messages_each` USER messages and a summary that agrees with them.
        """
        now = utc_now()
        users = [
            User(
                external_id=f"{prefix}-{start + n}",
                email=f"{prefix}-{start + n}@example.test",
                name=f"Bench {start + n}",
                created_at=now,
            )
            for n in range(count)
        ]
        await _insert(self.database, "users", (_raw(user) for user in users))
        seeded: list[SeededChat] = []
        chats: list[Raw] = []
        messages: list[Raw] = []
        for n, user in enumerate(users):
            # Chat n was last active n seconds ago: a realistic, strict list order.
            active = now - timedelta(seconds=n + 1)
            chat = Chat(user_id=user.id, user_email=user.email, created_at=active - timedelta(1))
            chat_messages = _history(chat, user.id, messages_each, newest_at=active)
            _summarize(chat, chat_messages, active)
            chats.append(_raw(chat))
            messages.extend(_raw(message) for message in chat_messages)
            newest = chat_messages[-1].id if chat_messages else None
            name = user.name or ""
            seeded.append(SeededChat(chat.id, user.id, user.external_id, user.email, name, newest))
            if len(messages) >= BATCH:
                await _insert(self.database, "messages", messages)
                messages = []
        await _insert(self.database, "chats", chats)
        await _insert(self.database, "messages", messages)
        return seeded

    async def history(self, chat: SeededChat, count: int) -> UUID:
        """Add `count` older messages to a seeded chat (its summary stays that of the newest);
        returns the id of the newest one."""
        newest_at = utc_now() - timedelta(days=2)
        # Older messages come first in the chat's order: the existing ones move up by
        # `count` (at least as many as there are, so no two numbers ever meet).
        await self.database["messages"].update_many(
            {"chat_id": chat.chat_id}, {"$inc": {"seq": count}}
        )
        messages = _history_documents(chat.chat_id, chat.user_id, count, newest_at)
        newest: UUID | None = None
        for batch in _batches(messages):
            newest = batch[-1]["_id"]
            await self.database["messages"].insert_many(batch, ordered=False)
        await self.database["chats"].update_one(
            {"_id": chat.chat_id},
            {"$inc": {"message_count": count, "last_seq": count, "summary_seq": count}},
        )
        assert newest is not None
        return UUID(str(newest))


def _history(chat: Chat, user_id: UUID, count: int, *, newest_at: datetime) -> list[Message]:
    return [
        Message(
            chat_id=chat.id,
            content=f"seeded message {n}",
            sender_type=SenderType.USER,
            sender_id=user_id,
            created_at=newest_at - timedelta(milliseconds=count - n),
            client_id="",
            seq=n + 1,
        )
        for n in range(count)
    ]


def _history_documents(
    chat_id: UUID, user_id: UUID, count: int, newest_at: datetime
) -> Iterator[Raw]:
    """Many messages, oldest first, without keeping them all in memory."""
    for n in range(count):
        message = Message(
            chat_id=chat_id,
            content=f"older message {n}",
            sender_type=SenderType.USER if n % 2 else SenderType.ADMIN,
            sender_id=user_id,
            created_at=newest_at - timedelta(milliseconds=count - n),
            client_id="",
            read_at=newest_at,
            seq=n + 1,
        )
        message.client_id = str(message.id)
        yield _raw(message)


def _summarize(chat: Chat, messages: list[Message], active: datetime) -> None:
    chat.activity_at = active
    for message in messages:
        message.client_id = str(message.id)
    if not messages:
        return
    last = messages[-1]
    chat.last_message_at = last.created_at
    chat.activity_at = last.created_at
    chat.last_message_preview = last.content[:PREVIEW_LENGTH]
    chat.last_message_sender = last.sender_type
    chat.last_user_message_at = last.created_at
    chat.message_count = len(messages)
    chat.last_seq = chat.summary_seq = last.seq

"""The dev database does what the documents rely on, through Beanie on pymongo's async client."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from documents import Chat, Message, SenderType, User, connect, init_db
from documents._upsert import upsert_one

pytestmark = pytest.mark.anyio


@pytest.fixture
async def database(env: dict[str, str]) -> AsyncIterator[None]:
    """A database of its own: these documents break the API's rules (chats without users)."""
    client = connect(env["MONGODB_URL"])
    name = f"{env['MONGODB_DB']}_documents"
    await init_db(client, name)
    yield
    await client.drop_database(name)
    await client.close()


def _message(chat_id: uuid.UUID, at: datetime, client_id: str, seq: int) -> Message:
    return Message(
        chat_id=chat_id,
        content="hello",
        sender_type=SenderType.USER,
        sender_id=uuid.uuid4(),
        client_id=client_id,
        created_at=at,
        seq=seq,
    )


async def test_round_trip_keeps_uuid_ids_and_utc_datetimes(database: None) -> None:
    user = User(external_id=f"ext-{uuid.uuid4()}", email="a@example.test")
    await user.insert()

    loaded = await User.get(user.id)

    assert loaded is not None
    assert isinstance(loaded.id, uuid.UUID)
    assert loaded.id == user.id
    assert loaded.created_at == user.created_at
    assert loaded.created_at.tzinfo is not None
    assert loaded.created_at.utcoffset() == timedelta(0)


async def test_unique_index_rejects_a_duplicate(database: None) -> None:
    chat_id = uuid.uuid4()
    await _message(chat_id, datetime.now(UTC), "same", seq=1).insert()

    with pytest.raises(DuplicateKeyError):
        await _message(chat_id, datetime.now(UTC), "same", seq=2).insert()


async def test_a_seq_is_unique_within_its_chat_only(database: None) -> None:
    chat_id = uuid.uuid4()
    await _message(chat_id, datetime.now(UTC), "first", seq=1).insert()
    await _message(uuid.uuid4(), datetime.now(UTC), "elsewhere", seq=1).insert()

    with pytest.raises(DuplicateKeyError):
        await _message(chat_id, datetime.now(UTC), "second", seq=1).insert()


async def test_messages_sort_by_datetime(database: None) -> None:
    chat_id = uuid.uuid4()
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for offset in (3, 1, 2):
        await _message(chat_id, start + timedelta(seconds=offset), f"m{offset}", offset).insert()

    found = await Message.find(Message.chat_id == chat_id).sort("+created_at").to_list()

    assert [message.client_id for message in found] == ["m1", "m2", "m3"]


async def test_inc_and_upsert_are_atomic_single_document_updates(database: None) -> None:
    user_id = uuid.uuid4()
    chats = Chat.get_pymongo_collection()
    fresh = Chat(user_id=user_id, user_email="x@example.test")
    insert = fresh.model_dump(by_alias=True, exclude={"user_id", "revision_id"})

    first = await upsert_one(chats, {"user_id": user_id}, {"$setOnInsert": insert})
    second = await upsert_one(
        chats, {"user_id": user_id}, {"$setOnInsert": {**insert, "_id": uuid.uuid4()}}
    )
    counted = await chats.find_one_and_update(
        {"_id": first["_id"]},
        {"$inc": {"message_count": 2}},
        return_document=ReturnDocument.AFTER,
    )

    assert second["_id"] == first["_id"] == fresh.id
    assert counted is not None
    assert counted["message_count"] == 2
    assert await chats.count_documents({"user_id": user_id}) == 1


async def test_case_insensitive_regex_search(database: None) -> None:
    user_id = uuid.uuid4()
    await Chat(user_id=user_id, user_email=f"Mixed.Case-{user_id}@Example.test").insert()

    found = await Chat.find(
        {"user_email": {"$regex": f"mixed.case-{user_id}", "$options": "i"}}
    ).to_list()

    assert [chat.user_id for chat in found] == [user_id]


async def test_concurrent_single_document_writes_are_atomic(env: dict[str, str]) -> None:
    """MongoDB's guarantee, which the dev database keeps through devtools/ferretdb/gate.go."""
    clients = [connect(env["MONGODB_URL"]) for _ in range(4)]
    collections = [client[f"{env['MONGODB_DB']}_documents"]["atomicity"] for client in clients]
    counter, prize = uuid.uuid4(), uuid.uuid4()
    await collections[0].insert_many([{"_id": counter, "n": 0}, {"_id": prize, "winner": None}])

    await asyncio.gather(
        *(collections[i % 4].update_one({"_id": counter}, {"$inc": {"n": 1}}) for i in range(100))
    )
    claims = await asyncio.gather(
        *(
            collections[i % 4].find_one_and_update(
                {"_id": prize, "winner": None}, {"$set": {"winner": i}}
            )
            for i in range(16)
        )
    )

    assert (await collections[0].find_one({"_id": counter}) or {})["n"] == 100
    assert sum(claim is not None for claim in claims) == 1
    for client in clients:
        await client.close()

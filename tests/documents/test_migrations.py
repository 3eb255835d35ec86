"""Messages stored before seqs existed get them at start-up, once, whoever starts first."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pymongo import MongoClient

from tests.conftest import make_user
from tests.support import operations as ops
from tests.support.graphql import Http
from tests.support.servers import ApiServer

MESSAGES = 12


@pytest.fixture
def legacy_db(env: dict[str, str]) -> Iterator[tuple[str, Any]]:
    """A database as the version before seqs left it."""
    client: MongoClient[dict[str, Any]] = MongoClient(
        env["MONGODB_URL"], tz_aware=True, uuidRepresentation="standard"
    )
    name = f"{env['MONGODB_DB']}_legacy"
    yield name, client[name]
    client.drop_database(name)
    client.close()


def _legacy_chat(db: Any, external_id: str, email: str) -> tuple[uuid.UUID, list[uuid.UUID]]:
    """A user, their chat and its messages, without any seq; the ids in creation order."""
    user_id, chat_id = uuid.uuid4(), uuid.uuid4()
    start = datetime(2026, 11, 1, tzinfo=UTC)
    db.users.insert_one({"_id": user_id, "external_id": external_id, "email": email})
    db.chats.insert_one(
        {
            "_id": chat_id,
            "user_id": user_id,
            "user_email": email,
            "created_at": start,
            "archived": False,
            "activity_at": start + timedelta(minutes=MESSAGES),
            "last_message_at": start + timedelta(minutes=MESSAGES),
            "message_count": MESSAGES,
            "unread_count": 0,
        }
    )
    messages: list[dict[str, Any]] = [
        {
            "_id": uuid.uuid4(),
            "chat_id": chat_id,
            "content": f"old {n}",
            "sender_type": "USER" if n % 2 else "ADMIN",
            "sender_id": user_id,
            # Two messages share a time: the id decides between them.
            "created_at": start + timedelta(minutes=min(n, MESSAGES - 2)),
            "client_id": str(n),
        }
        for n in range(MESSAGES)
    ]
    in_order: list[uuid.UUID] = [
        message["_id"] for message in sorted(messages, key=lambda m: (m["created_at"], m["_id"]))
    ]
    random.Random(3).shuffle(messages)
    db.messages.insert_many(messages)
    return chat_id, in_order


def test_two_processes_starting_at_once_number_old_messages_once_in_creation_order(
    env: dict[str, str], legacy_db: tuple[str, Any]
) -> None:
    name, db = legacy_db
    user = make_user("legacy")
    chat_id, in_order = _legacy_chat(db, user.external_id, user.email)
    other_chat, other_order = _legacy_chat(db, f"other-{uuid.uuid4().hex}", "o@example.test")

    servers = [ApiServer({**env, "MONGODB_DB": name}, name=f"api-migrate-{n}") for n in range(2)]
    with ThreadPoolExecutor(2) as starting:
        list(starting.map(lambda server: server.start(), servers))
    try:
        for chat, order in ((chat_id, in_order), (other_chat, other_order)):
            stored = {m["_id"]: m["seq"] for m in db.messages.find({"chat_id": chat})}
            assert [stored[message_id] for message_id in order] == list(range(1, MESSAGES + 1))
            assert db.chats.find_one({"_id": chat})["last_seq"] == MESSAGES
        assert "chat_seq" in db.messages.index_information()
        assert db.migrations.find_one({"_id": "message_seq"}) is not None

        sent = Http(servers[1].url, user.token).execute(ops.SEND, {"content": "new"})
        assert sent["sendMessage"]["seq"] == MESSAGES + 1
        history = Http(servers[0].url, user.token).execute(ops.MY_CHAT)["chat"]["messages"]
        assert [node["id"] for node in history["nodes"]] == [str(i) for i in in_order] + [
            sent["sendMessage"]["id"]
        ]
    finally:
        for server in servers:
            server.stop()

    # A later start finds the work done and changes nothing.
    before = list(db.messages.find({}, {"seq": 1}).sort("_id"))
    again = ApiServer({**env, "MONGODB_DB": name}, name="api-migrate-again").start()
    again.stop()
    assert list(db.messages.find({}, {"seq": 1}).sort("_id")) == before

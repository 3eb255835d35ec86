"""Every query the product sent during this test run is served by a declared index.

The dev database scans whole collections, so it cannot show index use; instead
every API process and worker of the run logs the shape of its queries
(MONGODB_COMMAND_LOG_DIR) and this test, run after all others, checks them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.index_use import Query, declared_indexes, logged_queries, unserved

pytestmark = pytest.mark.after_everything


def test_every_query_of_the_run_is_served_by_a_declared_index(env: dict[str, str]) -> None:
    queries = list(logged_queries(Path(env["MONGODB_COMMAND_LOG_DIR"])))
    assert queries, "no query was logged: is MONGODB_COMMAND_LOG_DIR passed to the processes?"

    missing = unserved(queries, declared_indexes())

    assert missing == [], "queries without an index:\n" + "\n".join(map(str, missing))


def test_the_check_finds_a_query_without_an_index() -> None:
    indexes = {"chats": [("_id",), ("user_id",), ("archived", "activity_at", "_id")]}
    served = [
        Query("find", "chats", {"user_id": "?"}, ()),
        Query("find", "chats", {"archived": "?"}, ("activity_at", "_id")),
        Query("find", "chats", {"$or": [{"_id": "?"}, {"user_id": "?"}]}, ()),
        Query("find", "chats", {"user_email": "?"}, ("archived", "activity_at")),
    ]
    scans = [
        Query("find", "chats", {"user_email": "?"}, ()),
        Query("find", "chats", {}, ()),
        Query("find", "chats", {"user_id": "?"}, ("activity_at",)),
        Query("find", "chats", {"$or": [{"_id": "?"}, {"user_email": "?"}]}, ()),
        Query("update", "messages", {"chat_id": "?"}, ()),
    ]

    assert unserved(served, indexes) == []
    assert unserved(scans, indexes) == scans

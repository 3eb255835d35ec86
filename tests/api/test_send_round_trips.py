"""What one sendMessage asks of MongoDB: each storage command counted, in order."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import pytest
from pymongo import monitoring
from starlette.testclient import TestClient

from api.web.app import create_app
from core.settings import Settings
from tests.conftest import make_user
from tests.support import operations as ops

SENDING = {"messages", "counters", "users"}  # with "chats": what a send might touch


def _is_seq_watch(command: Mapping[str, Any]) -> bool:
    """The process's periodic read of every watched chat's last_seq, beside any request."""
    query = command.get("filter")
    return isinstance(query, dict) and isinstance(query.get("_id"), dict)


class SendCommands(monitoring.CommandListener):
    """(command, collection) of the commands on the messages, counters and chats."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, str]] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        collection = event.command.get(event.command_name)
        if collection in SENDING or (collection == "chats" and not _is_seq_watch(event.command)):
            self.commands.append((event.command_name, str(collection)))

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


@pytest.fixture(scope="module")
def commands() -> SendCommands:
    listener = SendCommands()
    monitoring.register(listener)  # applies to the clients created from now on
    return listener


@pytest.fixture(scope="module")
def in_process(env: dict[str, str], commands: SendCommands) -> Iterator[TestClient]:
    settings = Settings.model_validate({name.lower(): value for name, value in env.items()})
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_users_send_is_five_storage_commands(
    in_process: TestClient, commands: SendCommands
) -> None:
    token = make_user("counted").token

    def send(content: str) -> list[tuple[str, str]]:
        commands.commands.clear()
        response = in_process.post(
            "/graphql",
            json={"query": ops.SEND, "variables": {"content": content, "clientId": content}},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.json()["data"]["sendMessage"]["content"] == content
        return commands.commands

    send("the chat is created")

    # The user and their chat are known from Redis (api/auth/known_users.py).
    assert send("an ordinary send") == [
        ("find", "messages"),  # was this clientId sent before?
        ("findAndModify", "chats"),  # the chat's next seq
        ("findAndModify", "counters"),  # the next feed position
        ("insert", "messages"),
        ("findAndModify", "chats"),  # the chat's summary
    ]
    assert send("an ordinary send") == [("find", "messages"), ("find", "chats")]  # a retry

"""What one sendMessage asks of MongoDB: each storage command counted, in order."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.testclient import TestClient

from api.web.app import create_app
from core.settings import Settings
from tests.conftest import make_user
from tests.support import operations as ops
from tests.support.commands import CommandRecorder

SENDING = {"messages", "counters", "users", "chats"}  # what a send might touch


@pytest.fixture(scope="module")
def commands() -> CommandRecorder:
    return CommandRecorder().register()


@pytest.fixture(scope="module")
def in_process(env: dict[str, str], commands: CommandRecorder) -> Iterator[TestClient]:
    settings = Settings.model_validate({name.lower(): value for name, value in env.items()})
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_users_send_is_five_storage_commands(
    in_process: TestClient, commands: CommandRecorder
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
        return [
            (name, collection) for name, collection in commands.commands if collection in SENDING
        ]

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

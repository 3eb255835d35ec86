"""No N+1: a page of chats costs the same MongoDB round trips whatever it holds."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from pymongo import monitoring
from starlette.testclient import TestClient

from api.web.app import create_app
from core.settings import Settings
from tests.conftest import make_user
from tests.support import operations as ops
from tests.support.graphql import Http
from tests.support.servers import ApiServer


class CommandCounter(monitoring.CommandListener):
    def __init__(self) -> None:
        self.commands: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        self.commands.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


@pytest.fixture(scope="module")
def counter() -> CommandCounter:
    counter = CommandCounter()
    monitoring.register(counter)  # applies to the clients created from now on
    return counter


@pytest.fixture(scope="module")
def in_process(env: dict[str, str], counter: CommandCounter) -> Iterator[TestClient]:
    settings = Settings.model_validate({name.lower(): value for name, value in env.items()})
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_page_of_chats_costs_a_constant_number_of_round_trips(
    api: ApiServer, staff_token: str, in_process: TestClient, counter: CommandCounter
) -> None:
    domain = uuid.uuid4().hex[:8]
    for n in range(30):
        Http(api.url, make_user(f"cost{n}-{domain}").token).execute(ops.SEND, {"content": "hi"})

    def round_trips(first: int) -> list[str]:
        counter.commands.clear()
        response = in_process.post(
            "/graphql",
            json={
                "query": ops.CHATS,
                "variables": {"archived": False, "first": first, "search": domain},
            },
            headers={"Authorization": f"Bearer {staff_token}"},
        )
        edges = response.json()["data"]["chats"]["edges"]
        assert len(edges) == first
        assert all(edge["node"]["user"]["email"].endswith("@example.test") for edge in edges)
        return sorted(counter.commands)

    assert round_trips(30) == round_trips(2)
    assert len(round_trips(30)) <= 4  # staff lookup, page, count, users


def test_assignees_and_their_presence_cost_no_round_trip_per_chat(
    api: ApiServer, staff_token: str, in_process: TestClient, counter: CommandCounter
) -> None:
    domain = uuid.uuid4().hex[:8]
    staff = Http(api.url, staff_token)
    me = staff.execute(ops.VIEWER)["viewer"]["id"]
    for n in range(30):
        user = make_user(f"assigned{n}-{domain}")
        Http(api.url, user.token).execute(ops.SEND, {"content": "hi"})
        chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
        staff.execute(ops.ASSIGN, {"chatId": chat_id, "staffId": me})
    page = """query($first: Int, $search: String) { chats(first: $first, search: $search) {
      edges { node { id assignee { id name online } } } } }"""

    def round_trips(first: int) -> list[str]:
        counter.commands.clear()
        response = in_process.post(
            "/graphql",
            json={"query": page, "variables": {"first": first, "search": domain}},
            headers={"Authorization": f"Bearer {staff_token}"},
        )
        edges = response.json()["data"]["chats"]["edges"]
        assert len(edges) == first
        assert all(edge["node"]["assignee"]["id"] == me for edge in edges)
        return sorted(counter.commands)

    assert round_trips(30) == round_trips(2)
    assert len(round_trips(30)) <= 3  # staff lookup (the token), page, assignees

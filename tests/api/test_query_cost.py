"""What one operation may cost: no N+1 round trips, and a limit on the nodes it may ask for."""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from graphql import FragmentDefinitionNode, OperationDefinitionNode, parse, validate
from starlette.testclient import TestClient

from api.schema import make_schema
from api.schema.query_cost import OperationCost
from api.web.app import create_app
from core.settings import Settings
from tests.conftest import make_user
from tests.support import operations as ops
from tests.support.commands import CommandRecorder
from tests.support.graphql import Http
from tests.support.servers import ApiServer


@pytest.fixture(scope="module")
def counter() -> CommandRecorder:
    return CommandRecorder().register()


@pytest.fixture(scope="module")
def in_process(env: dict[str, str], counter: CommandRecorder) -> Iterator[TestClient]:
    settings = Settings.model_validate({name.lower(): value for name, value in env.items()})
    with TestClient(create_app(settings)) as client:
        yield client


def test_a_page_of_chats_costs_a_constant_number_of_round_trips(
    api: ApiServer, staff_token: str, in_process: TestClient, counter: CommandRecorder
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
        return sorted(name for name, _ in counter.commands)

    assert round_trips(30) == round_trips(2)
    assert len(round_trips(30)) <= 5  # staff, its token's revocation, page, count, users


def test_assignees_and_their_presence_cost_no_round_trip_per_chat(
    api: ApiServer, staff_token: str, in_process: TestClient, counter: CommandRecorder
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
        return sorted(name for name, _ in counter.commands)

    assert round_trips(30) == round_trips(2)
    assert len(round_trips(30)) <= 4  # staff (the token), its revocation, page, assignees


CLIENTS = Path(__file__).parents[2] / "clients"
HUGE = """
query($n: Int) {
  a: chats(first: $n) { edges { node { messages(last: $n) { nodes { id content } } } } }
  b: chats(first: $n) { edges { node { messages(last: $n) { nodes { id content } } } } }
}"""


def test_an_operation_over_the_cost_limit_is_refused_before_it_runs(
    api: ApiServer, integration_key: str
) -> None:
    response = Http(api.url, integration_key).post(HUGE, {"n": 200}).json()

    assert response["data"] is None
    [error] = response["errors"]
    assert error["extensions"]["code"] == "QUERY_TOO_COMPLEX"
    assert error["extensions"]["maxCost"] == Settings.model_fields["max_query_cost"].default
    assert error["extensions"]["cost"] > 2 * 200 * 200


def test_the_same_operation_with_small_pages_runs(api: ApiServer, integration_key: str) -> None:
    data = Http(api.url, integration_key).execute(HUGE, {"n": 5})

    assert len(data["a"]["edges"]) <= 5


def _constant(path: Path, name: str) -> str:
    found = re.search(rf"const {name} = ([^;]+);", path.read_text())
    assert found, f"{name} not in {path}"
    return found.group(1).strip()


def dashboard_documents() -> list[str]:
    source = (CLIENTS / "dashboard/src/graphql/operations.ts").read_text()
    bodies = dict(re.findall(r"const (\w+) = gql(?:<[^`]*?>)?`([^`]*)`", source))
    expanded = {
        name: re.sub(r"\$\{(\w+)\}", lambda ref: bodies[ref.group(1)], body)
        for name, body in bodies.items()
    }
    return [body for body in expanded.values() if not body.strip().startswith("fragment")]


def widget_documents() -> list[str]:
    """The widget's documents with their `${...}` parts filled in as the widget does."""
    names = _constant(CLIENTS / "widget/src/types.ts", "MESSAGE_FIELD_NAMES")
    attachment = _constant(CLIENTS / "shared/src/attachments.ts", "ATTACHMENT_FIELDS").strip("'")
    fields = " ".join(re.findall(r"'(\w+)'", names)) + f" attachments {{ {attachment} }}"
    documents = []
    for module in ("api.ts", "socket.ts"):
        source = (CLIENTS / "widget/src" / module).read_text()
        parts = {"MESSAGE_FIELDS": fields}
        parts |= dict(re.findall(r"const (\w+) = [`']([^`'$]*)[`'];", source))
        for body in re.findall(
            r"const \w+ = [`']((?:query|mutation|subscription)[^`']*)[`']", source
        ):
            documents.append(re.sub(r"\$\{(\w+)\}", partial(_filled, parts), body))
    return documents


def _filled(parts: dict[str, str], reference: re.Match[str]) -> str:
    return parts[reference.group(1)]


def cost(document: str, variables: dict[str, Any]) -> int:
    schema = make_schema(Settings(env="dev"))._schema
    parsed = parse(document)
    assert validate(schema, parsed) == [], document
    fragments = {
        node.name.value: node
        for node in parsed.definitions
        if isinstance(node, FragmentDefinitionNode)
    }
    [operation] = [node for node in parsed.definitions if isinstance(node, OperationDefinitionNode)]
    return OperationCost(schema, fragments, operation, variables).total()


def test_the_clients_own_operations_cost_under_half_the_limit() -> None:
    hooks = CLIENTS / "dashboard/src/hooks"
    pages = {
        "first": int(_constant(hooks / "useChatPages.ts", "CHAT_PAGE_SIZE")),
        "last": int(_constant(hooks / "useChatMessages.ts", "MESSAGE_PAGE_SIZE")),
    }
    dashboard, widget = dashboard_documents(), widget_documents()
    assert len(dashboard) >= 11
    assert len(widget) >= 5
    half = Settings.model_fields["max_query_cost"].default / 2

    costs = {document: cost(document, pages) for document in dashboard + widget}

    assert all(0 < value < half for value in costs.values()), costs
    assert max(costs.values()) > 200  # the page sizes were applied

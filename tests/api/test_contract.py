"""The served schema contains the whole public contract, unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest
from graphql import (
    build_client_schema,
    build_schema,
    find_breaking_changes,
    get_introspection_query,
)

from api.schema import make_schema
from core.settings import Settings
from devtools.services import ROOT
from tests.support.graphql import Http
from tests.support.servers import ApiServer

CONTRACT = ROOT / "contract" / "schema.graphql"
SHARED_CONTRACT = ROOT.parent / "shared" / "contract" / "schema.graphql"


def test_the_repository_copy_of_the_contract_is_the_shared_one() -> None:
    if not SHARED_CONTRACT.exists():
        pytest.skip("no shared/ beside this clone")
    assert CONTRACT.read_text() == SHARED_CONTRACT.read_text()


def test_the_schema_breaks_nothing_in_the_contract() -> None:
    contract = build_schema(CONTRACT.read_text())

    assert find_breaking_changes(contract, make_schema(Settings(env="dev"))._schema) == []


def test_the_served_schema_breaks_nothing_in_the_contract(api: ApiServer) -> None:
    introspection = Http(api.url).post(get_introspection_query()).json()
    served = build_client_schema(introspection["data"])

    assert find_breaking_changes(build_schema(Path(CONTRACT).read_text()), served) == []

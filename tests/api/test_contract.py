"""The served schema contains the whole public contract, unchanged."""

from __future__ import annotations

import re
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


def test_the_repository_copy_of_the_contract_is_the_shared_one_or_the_version_before() -> None:
    """The copy is the shared contract; while a new version of the shared one is being
    implemented, the copy may still be the version before, which the new one only adds to
    (the served schema is checked against the copy)."""
    if not SHARED_CONTRACT.exists():
        pytest.skip("no shared/ beside this clone")
    ours, shared = CONTRACT.read_text(), SHARED_CONTRACT.read_text()
    if ours == shared:
        return
    assert _version(shared) == _version(ours) + 1
    assert find_breaking_changes(build_schema(ours), build_schema(shared)) == []


def _version(contract: str) -> int:
    found = re.search(r"contract of the support chat service, version (\d+)", contract)
    assert found is not None, "the contract's first line names its version"
    return int(found.group(1))


def test_the_schema_breaks_nothing_in_the_contract() -> None:
    contract = build_schema(CONTRACT.read_text())

    assert find_breaking_changes(contract, make_schema(Settings(env="dev"))._schema) == []


def test_the_served_schema_breaks_nothing_in_the_contract(api: ApiServer) -> None:
    introspection = Http(api.url).post(get_introspection_query()).json()
    served = build_client_schema(introspection["data"])

    assert find_breaking_changes(build_schema(Path(CONTRACT).read_text()), served) == []

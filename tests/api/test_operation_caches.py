"""A document the clients send over and over is parsed and validated once per process."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import _lru_cache_wrapper
from typing import Any, cast

import pytest
from starlette.testclient import TestClient
from strawberry.extensions.parser_cache import _get_parse_cache
from strawberry.extensions.validation_cache import _get_validate_cache

from api.schema import CACHED_DOCUMENTS
from api.web.app import create_app
from core.settings import Settings
from tests.conftest import make_user
from tests.support import operations as ops


@pytest.fixture(scope="module")
def in_process(env: dict[str, str]) -> Iterator[TestClient]:
    settings = Settings.model_validate({name.lower(): value for name, value in env.items()})
    with TestClient(create_app(settings)) as client:
        yield client


def _misses(cache: Callable[..., Any]) -> int:
    return cast("_lru_cache_wrapper[Any]", cache).cache_info().misses


def test_a_repeated_send_is_parsed_and_validated_once(in_process: TestClient) -> None:
    token = make_user("cached-document").token
    parses, validations = _get_parse_cache(CACHED_DOCUMENTS), _get_validate_cache(CACHED_DOCUMENTS)

    def send(content: str) -> None:
        response = in_process.post(
            "/graphql",
            json={"query": ops.SEND, "variables": {"content": content}},
            headers={"Authorization": f"Bearer {token}"},
        )
        assert response.json()["data"]["sendMessage"]["content"] == content

    send("first")
    parsed, validated = _misses(parses), _misses(validations)
    send("second")
    send("third")

    assert _misses(parses) == parsed
    assert _misses(validations) == validated

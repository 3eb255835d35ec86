from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from devtools.services import FerretDB, RedisServer
from tests.support.servers import ApiServer


@pytest.mark.parametrize("path", ["/readyz", "/healthz"])
def test_ready_when_mongodb_and_redis_answer(api: ApiServer, path: str) -> None:
    response = httpx.get(f"{api.url}{path}")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "mongodb": "ok", "redis": "ok"}


def test_live_while_the_process_answers(api: ApiServer) -> None:
    response = httpx.get(f"{api.url}/livez")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_redis_down_is_reported_but_leaves_the_api_ready(env: dict[str, str]) -> None:
    """Chat works without Redis (no live push): a load balancer must keep sending traffic."""
    redis = RedisServer()
    redis.start()
    server = ApiServer({**env, "REDIS_URL": redis.url}, name="api-own-redis")
    try:
        server.start()
        redis.stop()
        for path in ("/readyz", "/healthz"):
            response = httpx.get(f"{server.url}{path}", timeout=10)

            assert response.status_code == 200
            body = response.json()
            assert body["status"] == "degraded"
            assert body["mongodb"] == "ok"
            assert body["redis"].startswith("unavailable")

        redis.start()  # same port: the API recovers by itself
        assert httpx.get(f"{server.url}/readyz", timeout=10).json()["status"] == "ok"
    finally:
        server.stop()
        redis.stop()


def test_not_ready_while_mongodb_is_down_yet_alive(env: dict[str, str], tmp_path: Path) -> None:
    mongodb = FerretDB(tmp_path / "ferretdb")
    mongodb.start()
    server = ApiServer({**env, "MONGODB_URL": mongodb.url}, name="api-own-mongodb")
    try:
        server.start()
        mongodb.stop()
        response = httpx.get(f"{server.url}/readyz", timeout=10)

        assert response.status_code == 503
        assert response.json()["status"] == "unavailable"
        assert response.json()["mongodb"].startswith("unavailable")
        assert httpx.get(f"{server.url}/livez", timeout=10).status_code == 200
    finally:
        server.stop()
        mongodb.stop()


def test_graphiql_is_served_to_browsers_in_dev(api: ApiServer) -> None:
    response = httpx.get(f"{api.url}/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()

from __future__ import annotations

import httpx

from devtools.services import RedisServer
from tests.support.servers import ApiServer


def test_healthz_is_200_when_mongodb_and_redis_answer(api: ApiServer) -> None:
    response = httpx.get(f"{api.url}/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "mongodb": "ok", "redis": "ok"}


def test_healthz_is_503_naming_redis_when_redis_is_down(env: dict[str, str]) -> None:
    redis = RedisServer()
    redis.start()
    server = ApiServer({**env, "REDIS_URL": redis.url}, name="api-own-redis")
    try:
        server.start()
        redis.stop()
        response = httpx.get(f"{server.url}/healthz", timeout=10)

        assert response.status_code == 503
        body = response.json()
        assert body["status"] == "unavailable"
        assert body["mongodb"] == "ok"
        assert body["redis"].startswith("unavailable")

        redis.start()  # same port: the API recovers by itself
        assert httpx.get(f"{server.url}/healthz", timeout=10).status_code == 200
    finally:
        server.stop()
        redis.stop()


def test_graphiql_is_served_to_browsers_in_dev(api: ApiServer) -> None:
    response = httpx.get(f"{api.url}/graphql", headers={"Accept": "text/html"})

    assert response.status_code == 200
    assert "graphiql" in response.text.lower()

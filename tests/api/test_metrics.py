"""/metrics: Prometheus text for a scraper holding METRICS_TOKEN, added up over processes."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families

from devtools.app_process import AppProcess
from devtools.services import RedisServer
from tests.conftest import EndUser, make_user
from tests.support import operations as ops
from tests.support.graphql import Http, socket
from tests.support.redis_wait import subscribed
from tests.support.servers import ApiServer, Worker

pytestmark = pytest.mark.anyio

TOKEN = "scrape-token-0123456789abcdef0123456789"


def scrape(url: str, token: str | None = TOKEN) -> httpx.Response:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.get(f"{url}/metrics", headers=headers, timeout=10)


def value(url: str, name: str, **labels: str) -> float:
    """The sample `name` with these labels (0 when absent)."""
    response = scrape(url)
    assert response.status_code == 200
    for family in text_string_to_metric_families(response.text):
        for sample in family.samples:
            if sample.name == name and all(sample.labels.get(k) == v for k, v in labels.items()):
                return float(sample.value)
    return 0.0


@pytest.fixture(scope="module")
def metered(env: dict[str, str]) -> Iterator[ApiServer]:
    metered_env = {**env, "METRICS_TOKEN": TOKEN, "RATE_SEND_PER_USER": "2"}
    server = ApiServer(metered_env, name="api-metered").start()
    yield server
    server.stop()


def test_no_metrics_page_without_a_token_setting(api: ApiServer) -> None:
    assert scrape(api.url).status_code == 404


@pytest.mark.parametrize("token", [None, "wrong-token"])
def test_metrics_need_the_token(metered: ApiServer, token: str | None) -> None:
    response = scrape(metered.url, token)

    assert response.status_code == 401
    assert "support_chat" not in response.text


async def test_live_traffic_shows_in_the_metrics(metered: ApiServer) -> None:
    user: EndUser = make_user("metered")
    http = Http(metered.url, user.token)
    sends_before = value(metered.url, "support_chat_send_message_seconds_count")
    delivered_before = value(metered.url, "support_chat_events_delivered_total", source="live")
    latency_before = value(metered.url, "support_chat_delivery_latency_seconds_count")

    async with socket(metered.ws_url, user.token) as live:
        feed = await live.subscribe(ops.MESSAGE_ADDED)
        await feed.nothing_more(0.3)  # the subscription is registered
        assert value(metered.url, "support_chat_open_websockets") >= 1
        assert value(metered.url, "support_chat_subscriptions", kind="support_chat") >= 1

        http.execute(ops.SEND, {"content": "counted"})
        await feed.next()
        await feed.nothing_more(0.3)  # the delivery has been recorded after the send
        http.execute(ops.SEND, {"content": "counted too"})
        assert http.error_code(ops.SEND, {"content": "one too many"}) == "RATE_LIMITED"

    assert value(metered.url, "support_chat_send_message_seconds_count") == sends_before + 3
    assert value(metered.url, "support_chat_events_published_total", event="MessageAdded") >= 2
    assert value(metered.url, "support_chat_events_delivered_total", source="live") > (
        delivered_before
    )
    assert value(metered.url, "support_chat_delivery_latency_seconds_count") > latency_before
    assert value(metered.url, "support_chat_rate_limited_total", limit="send:user") >= 1
    assert value(metered.url, "support_chat_slow_consumer_closes_total") == 0


def test_metrics_add_up_every_worker_process_and_the_email_worker(
    env: dict[str, str], staff_token: str, tmp_path: Path
) -> None:
    shared = {**env, "METRICS_TOKEN": TOKEN, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    server = AppProcess("api.cli serve --workers 2", shared, name="test-api-two-workers")
    worker = Worker(shared)
    try:
        server.start()
        worker.start()
        users = [make_user(f"spread{n}") for n in range(10)]
        for user in users:
            Http(server.url, user.token).execute(ops.SEND, {"content": "spread"})

        # Each scrape is answered by one process; the count is every process's.
        assert value(server.url, "support_chat_send_message_seconds_count") == 10

        chat_id = Http(server.url, users[0].token).execute(ops.MY_CHAT)["chat"]["id"]
        Http(server.url, staff_token).execute(ops.SEND, {"content": "reply", "chatId": chat_id})
        assert _eventually(lambda: value(server.url, "support_chat_emails_total", outcome="sent"))
    finally:
        worker.stop()
        server.stop()


def _eventually(check: Callable[[], float], within: float = 20) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.2)
    return False


async def test_a_catch_up_after_a_redis_restart_is_counted(env: dict[str, str]) -> None:
    redis = RedisServer()
    redis.start()
    metered_env = {**env, "METRICS_TOKEN": TOKEN, "REDIS_URL": redis.url}
    server = ApiServer(metered_env, name="api-metered-gap")
    try:
        server.start()
        user = make_user("gap")
        chat_id = Http(server.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
        async with socket(server.ws_url, user.token) as live:
            feed = await live.subscribe(ops.MESSAGE_ADDED)
            await subscribed(redis.url, f"support_chat:{chat_id}")
            assert value(server.url, "support_chat_catch_ups_total") == 0

            redis.stop()
            Http(server.url, user.token).execute(ops.SEND, {"content": "while Redis is away"})
            redis.start()
            await feed.next(within=15)
            await feed.nothing_more(0.3)

        assert value(server.url, "support_chat_catch_ups_total") >= 1
        assert value(server.url, "support_chat_events_delivered_total", source="gap") == 1
    finally:
        server.stop()
        redis.stop()

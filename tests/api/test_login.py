"""Log-in guards: failures alone spend an account's budget, a growing delay instead of a
lock-out, a budget per client IP, and that IP read from a trusted proxy's header only."""

from __future__ import annotations

import itertools
import time
import uuid
from collections.abc import Iterator

import httpx
import pytest

from api.schema.login import delay_after
from tests.conftest import LOGIN, STAFF_PASSWORD, create_staff
from tests.support.servers import ApiServer, own_redis_database


@pytest.fixture(scope="module")
def login_env(env: dict[str, str]) -> dict[str, str]:
    return {**env, "RATE_LOGIN_PER_IP": "3", "RATE_LOGIN_PER_EMAIL": "5"}


@pytest.fixture(scope="module")
def behind_proxy(login_env: dict[str, str]) -> Iterator[ApiServer]:
    """Trusts the X-Forwarded-For of its proxy: the tests, on 127.0.0.1."""
    server = ApiServer({**login_env, "FORWARDED_ALLOW_IPS": "127.0.0.1"}, name="api-proxied")
    yield server.start()
    server.stop()


@pytest.fixture(scope="module")
def not_trusting(login_env: dict[str, str]) -> Iterator[ApiServer]:
    # Its own Redis database: every other test logs in from 127.0.0.1 too, and the budget
    # of 127.0.0.1 is what this server's test spends.
    env = {**own_redis_database(login_env, 9), "FORWARDED_ALLOW_IPS": "192.0.2.1"}
    server = ApiServer(env, name="api-no-proxy")
    yield server.start()
    server.stop()


def new_staff(env: dict[str, str]) -> str:
    email = f"login-{uuid.uuid4().hex[:8]}@example.test"
    create_staff(env, email)
    return email


_client_numbers = itertools.count(1)


def client_ip() -> str:
    """A client address no other attempt of this test run used (TEST-NET-2, TEST-NET-3)."""
    number = next(_client_numbers)
    return f"198.51.100.{number}" if number <= 254 else f"203.0.113.{number - 254}"


def log_in(server: ApiServer, email: str, password: str, forwarded_for: str) -> str:
    """The error code of the attempt, or "OK"."""
    response = httpx.post(
        f"{server.url}/graphql",
        json={"query": LOGIN, "variables": {"e": email, "p": password}},
        headers={"X-Forwarded-For": forwarded_for},
        timeout=30,
    ).json()
    if response.get("errors"):
        code: str = response["errors"][0]["extensions"]["code"]
        return code
    return "OK"


def test_successful_logins_never_spend_the_account_budget(
    behind_proxy: ApiServer, login_env: dict[str, str]
) -> None:
    email = new_staff(login_env)

    outcomes = [log_in(behind_proxy, email, STAFF_PASSWORD, client_ip()) for _ in range(5)]

    assert outcomes == ["OK"] * 5


def test_failures_spend_the_account_budget_from_any_ip(
    behind_proxy: ApiServer, login_env: dict[str, str]
) -> None:
    email = new_staff(login_env)

    failures = [log_in(behind_proxy, email, "wrong", client_ip()) for _ in range(5)]
    refused = log_in(behind_proxy, email, STAFF_PASSWORD, client_ip())

    assert failures == ["UNAUTHENTICATED"] * 5
    assert refused == "RATE_LIMITED"


def test_each_failure_in_a_row_makes_the_next_attempt_wait_longer_until_a_success(
    behind_proxy: ApiServer, login_env: dict[str, str]
) -> None:
    email = new_staff(login_env)

    def timed(password: str) -> tuple[str, float]:
        started = time.monotonic()
        outcome = log_in(behind_proxy, email, password, client_ip())
        return outcome, time.monotonic() - started

    failures = [timed("wrong") for _ in range(4)]  # then waited 0, 0.5, 1 and 2 s
    success, after_four = timed(STAFF_PASSWORD)
    fresh, after_success = timed("wrong")

    assert [outcome for outcome, _ in failures] == ["UNAUTHENTICATED"] * 4
    assert (success, fresh) == ("OK", "UNAUTHENTICATED")
    for failures_before, (_, took) in enumerate(failures):
        assert took >= delay_after(failures_before)
    assert after_four >= delay_after(4) == 4
    # Reset by the success: no wait (a kept streak would have made it wait 4 s).
    assert after_success < delay_after(4)


def test_the_delay_grows_to_a_cap() -> None:
    assert [delay_after(n) for n in range(7)] == [0, 0.5, 1, 2, 4, 8, 8]
    assert delay_after(10_000) == 8


def test_each_forwarded_client_has_its_own_ip_budget(
    behind_proxy: ApiServer, login_env: dict[str, str]
) -> None:
    crowded, other = client_ip(), client_ip()
    emails = [f"nobody-{uuid.uuid4().hex[:8]}@example.test" for _ in range(5)]

    crowded_outcomes = [log_in(behind_proxy, email, "wrong", crowded) for email in emails[:4]]
    other_outcome = log_in(behind_proxy, emails[4], "wrong", other)

    assert crowded_outcomes == ["UNAUTHENTICATED"] * 3 + ["RATE_LIMITED"]
    assert other_outcome == "UNAUTHENTICATED"


def test_an_untrusted_proxy_header_is_ignored(not_trusting: ApiServer) -> None:
    emails = [f"nobody-{uuid.uuid4().hex[:8]}@example.test" for _ in range(4)]

    outcomes = [log_in(not_trusting, email, "wrong", client_ip()) for email in emails]

    # Every attempt came from 127.0.0.1 whatever the header claimed: one budget for all.
    assert outcomes == ["UNAUTHENTICATED"] * 3 + ["RATE_LIMITED"]

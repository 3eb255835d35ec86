"""Fixtures: the real services, real API processes, real tokens.

`make test` starts the services through devtools.stack and passes their URLs
in the environment; a bare `pytest` starts its own.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from pymongo import MongoClient

from api.auth.tokens import user_token
from devtools.stack import services
from tests.support.graphql import Http
from tests.support.servers import ApiServer

WIDGET_SECRET = "test-widget-secret-0123456789abcdef"
SECRET_KEY = "test-secret-key-0123456789abcdef-xyz"
STAFF_PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="session")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def service_env() -> Iterator[dict[str, str]]:
    """MONGODB_URL, REDIS_URL, SMTP_URL (and MAIL_DIR when the sink is ours)."""
    if all(os.environ.get(name) for name in ("MONGODB_URL", "REDIS_URL", "SMTP_URL")):
        yield dict(os.environ)
        return
    with (
        tempfile.TemporaryDirectory(prefix="pytest-services-") as directory,
        services(Path(directory)) as env,
    ):
        yield env


@pytest.fixture(scope="session")
def env(service_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """The environment of every API and worker process of this test session."""
    return {
        **service_env,
        "MONGODB_COMMAND_LOG_DIR": str(tmp_path_factory.mktemp("mongodb-commands")),
        "ENV": "dev",
        "MONGODB_DB": f"test_{uuid.uuid4().hex[:12]}",
        "WIDGET_SECRET": WIDGET_SECRET,
        "SECRET_KEY": SECRET_KEY,
        "EMAIL_DELAY_SECONDS": "1",
        "WORKER_HEARTBEAT_MS": "3000",
        "WORKER_MAINTENANCE_CHANCE": "1000000",
        # The whole suite sends from 127.0.0.1; tests/api/test_limits.py checks the limits.
        "RATE_SEND_PER_IP": "1000000",
        "RATE_LOGIN_PER_IP": "1000000",
        "APP_NAME": "Acme",
        "APP_URL": "http://app.example.test/help",
        "PUBLIC_URL": "http://chat.example.test",
    }


@pytest.fixture(scope="session")
def db(env: dict[str, str]) -> Iterator[object]:
    """The test database, for checking what is stored (synchronous pymongo)."""
    client: MongoClient[dict[str, object]] = MongoClient(
        env["MONGODB_URL"], tz_aware=True, uuidRepresentation="standard"
    )
    yield client[env["MONGODB_DB"]]
    client.drop_database(env["MONGODB_DB"])
    client.close()


@pytest.fixture(scope="session")
def api(env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer(env).start()
    yield server
    server.stop()


@dataclass(frozen=True)
class EndUser:
    external_id: str
    email: str
    token: str


def make_user(
    name: str = "user", ttl: timedelta = timedelta(hours=1), secret: str = WIDGET_SECRET
) -> EndUser:
    external_id = f"{name}-{uuid.uuid4().hex[:10]}"
    email = f"{external_id}@example.test"
    return EndUser(external_id, email, user_token(secret, external_id, email, name.title(), ttl))


@pytest.fixture
def user() -> EndUser:
    return make_user("ann")


@pytest.fixture
def other_user() -> EndUser:
    return make_user("bob")


def create_staff(env: dict[str, str], email: str, password: str = STAFF_PASSWORD) -> None:
    subprocess.run(
        [sys.executable, "-m", "api.cli", "create-staff", email, "--name", "Sam Staff"],
        input=f"{password}\n",
        text=True,
        env=env,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="session")
def staff_email(env: dict[str, str]) -> str:
    email = f"staff-{uuid.uuid4().hex[:8]}@example.test"
    create_staff(env, email)
    return email


LOGIN = """
mutation($e: String!, $p: String!) {
  login(email: $e, password: $p) { token viewer { id role email } }
}"""


@pytest.fixture(scope="session")
def staff_token(api: ApiServer, staff_email: str) -> str:
    data = Http(api.url).execute(LOGIN, {"e": staff_email, "p": STAFF_PASSWORD})
    token: str = data["login"]["token"]
    return token


@pytest.fixture(scope="session")
def integration_key(env: dict[str, str]) -> str:
    output = subprocess.run(
        [sys.executable, "-m", "api.cli", "create-integration-key", "crm"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return output.strip().splitlines()[-1]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `after_everything` check what the whole run did: they run last."""
    items.sort(key=lambda item: item.get_closest_marker("after_everything") is not None)

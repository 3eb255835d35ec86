"""Uploads never sent are deleted by the real worker after the grace time; sent ones stay."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from api.attachments.cleanup import OrphanCleanup
from core.jobs import redis_broker
from core.settings import Settings
from tests.conftest import make_user
from tests.support.graphql import Http
from tests.support.mail import body, wait_for_mail
from tests.support.servers import ApiServer, Worker
from tests.support.uploads import SEND_WITH_ATTACHMENTS, image_bytes, uploaded

GRACE_SECONDS = 3


@pytest.fixture(scope="module")
def quick_env(env: dict[str, str]) -> dict[str, str]:
    return {**env, "ATTACHMENT_ORPHAN_SECONDS": str(GRACE_SECONDS)}


@pytest.fixture(scope="module")
def quick_api(quick_env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer(quick_env, name="api-quick-orphans").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def worker(quick_env: dict[str, str]) -> Iterator[Worker]:
    running = Worker(quick_env).start()
    yield running
    running.stop()


def outcomes(worker: Worker, attachment_id: str, count: int = 1, within: float = 30) -> list[str]:
    pattern = re.compile(rf"orphan attachment {attachment_id}: (.+)")
    deadline = time.monotonic() + within
    while len(found := pattern.findall(worker.log())) < count:
        assert time.monotonic() < deadline, f"no job for {attachment_id}\n{worker.log()[-3000:]}"
        time.sleep(0.1)
    return found


def local_get(api: ApiServer, url: str) -> httpx.Response:
    parts = urlsplit(url)
    return httpx.get(f"{api.url}{parts.path}?{parts.query}", timeout=10)


def test_an_unsent_upload_goes_and_a_sent_one_stays(
    quick_api: ApiServer, worker: Worker, db: Any
) -> None:
    person = make_user("forgetful")
    kept = uploaded(quick_api.url, person.token, "kept.png", image_bytes())
    forgotten = uploaded(quick_api.url, person.token, "forgotten.png", image_bytes())
    Http(quick_api.url, person.token).execute(
        SEND_WITH_ATTACHMENTS, {"content": "", "attachmentIds": [kept["id"]]}
    )

    assert outcomes(worker, forgotten["id"]) == ["deleted"]
    assert outcomes(worker, kept["id"]) == ["kept: sent"]

    assert db["attachments"].find_one({"_id": uuid.UUID(forgotten["id"])}) is None
    forgotten_files = db["attachment_files.files"].count_documents(
        {"filename": {"$in": ["forgotten.png", "thumbnail-forgotten.png"]}}
    )
    assert forgotten_files == 0
    assert (
        db["attachment_files.chunks"].count_documents({"files_id": uuid.UUID(forgotten["id"])}) == 0
    )
    assert local_get(quick_api, kept["url"]).status_code == 200
    assert local_get(quick_api, kept["thumbnailUrl"]).status_code == 200
    assert local_get(quick_api, forgotten["url"]).status_code == 404


def test_the_job_twice_deletes_once_and_harms_nothing(
    quick_api: ApiServer, quick_env: dict[str, str], worker: Worker
) -> None:
    person = make_user("twice")
    forgotten = uploaded(quick_api.url, person.token, "again.txt", b"plain words")
    assert outcomes(worker, forgotten["id"]) == ["deleted"]

    cleanup = OrphanCleanup(redis_broker(Settings(env="dev", redis_url=quick_env["REDIS_URL"])), 0)
    asyncio.run(cleanup.schedule(uuid.UUID(forgotten["id"])))
    cleanup.close()

    assert outcomes(worker, forgotten["id"], count=2) == ["deleted", "deleted"]
    assert "Failed to process message delete_orphan_attachment" not in worker.log()


def test_the_unread_reply_email_says_a_screenshot_came_without_linking_it(
    quick_api: ApiServer, worker: Worker, staff_token: str, env: dict[str, str]
) -> None:
    person = make_user("emailed")
    chat_id = Http(quick_api.url, person.token).execute("query { chat { id } }")["chat"]["id"]
    screenshot = uploaded(quick_api.url, staff_token, "fix.png", image_bytes(), chat_id=chat_id)
    Http(quick_api.url, staff_token).execute(
        SEND_WITH_ATTACHMENTS,
        {"content": "", "chatId": chat_id, "attachmentIds": [screenshot["id"]]},
    )

    [email] = wait_for_mail(Path(env["MAIL_DIR"]), person.email)

    assert "Acme Support sent you a screenshot" in body(email)
    assert "Acme Support sent you a screenshot" in body(email, "html")
    assert "/files/" not in body(email)
    assert "/files/" not in body(email, "html")

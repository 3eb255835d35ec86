"""The delayed "unread reply" email: a real worker, the Redis broker and a real SMTP sink."""

from __future__ import annotations

import asyncio
import re
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.jobs import EmailScheduler
from core.jobs import redis_broker
from core.settings import Settings
from devtools.processes import free_port
from devtools.services import SmtpSink
from tests.conftest import EndUser, make_user
from tests.support import operations as ops
from tests.support.graphql import Http
from tests.support.mail import body, mail_to, wait_for_mail
from tests.support.servers import ApiServer, Worker


def wait_for_outcome(worker: Worker, message_id: str, nth: int = 1, within: float = 20) -> str:
    """What the nth job for this message did, from the worker's log."""
    pattern = re.compile(rf"unread-reply email for {message_id}: (.+)")
    deadline = time.monotonic() + within
    while len(found := pattern.findall(worker.log())) < nth:
        assert time.monotonic() < deadline, f"no job {nth} for {message_id}\n{worker.log()[-3000:]}"
        time.sleep(0.1)
    outcome: str = found[nth - 1]
    return outcome


@pytest.fixture(scope="module")
def worker(env: dict[str, str]) -> Iterator[Worker]:
    running = Worker(env).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def mail_dir(env: dict[str, str]) -> Path:
    return Path(env["MAIL_DIR"])


def reply(api: ApiServer, staff_token: str, user: EndUser, content: str) -> dict[str, Any]:
    chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
    sent: dict[str, Any] = Http(api.url, staff_token).execute(
        ops.SEND, {"content": content, "chatId": chat_id}
    )["sendMessage"]
    return sent


def test_an_unread_reply_sends_exactly_one_email(
    api: ApiServer, worker: Worker, mail_dir: Path, staff_token: str, user: EndUser
) -> None:
    text = "Your parcel left the warehouse this morning. " * 8
    sent = reply(api, staff_token, user, text)

    assert wait_for_outcome(worker, sent["id"]) == "sent"
    [email] = wait_for_mail(mail_dir, user.email)
    assert email["Subject"] == "New reply from Acme Support"
    plain, html = body(email), body(email, "html")
    assert text[:150] in plain
    assert text[:250] not in plain  # a preview, not the whole reply
    assert "http://app.example.test/help" in plain
    assert "http://app.example.test/help" in html
    unsubscribe = email["List-Unsubscribe"].strip("<>")
    assert unsubscribe.startswith("http://chat.example.test/unsubscribe?token=")
    assert unsubscribe in plain
    assert email["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_email_when_the_user_reads_before_the_delay(
    api: ApiServer, worker: Worker, mail_dir: Path, staff_token: str, user: EndUser
) -> None:
    sent = reply(api, staff_token, user, "Fixed it for you")
    Http(api.url, user.token).execute(ops.MARK_READ)

    assert wait_for_outcome(worker, sent["id"]) == "skipped: already read"
    assert mail_to(mail_dir, user.email) == []


def test_no_email_when_the_chat_is_archived_before_the_delay(
    api: ApiServer, worker: Worker, mail_dir: Path, staff_token: str, user: EndUser
) -> None:
    sent = reply(api, staff_token, user, "Closing this one")
    Http(api.url, staff_token).execute(ops.ARCHIVE, {"chatId": sent["chatId"]})

    assert wait_for_outcome(worker, sent["id"]) == "skipped: chat archived"
    assert mail_to(mail_dir, user.email) == []


def test_three_quick_replies_send_one_email(
    env: dict[str, str], worker: Worker, mail_dir: Path, staff_token: str, user: EndUser
) -> None:
    # A longer delay than the suite's 1 s, so that "quick" holds on a busy machine too.
    patient = ApiServer({**env, "EMAIL_DELAY_SECONDS": "4"}, name="api-patient").start()
    try:
        sent = [reply(patient, staff_token, user, f"part {n} of my answer") for n in range(3)]
        outcomes = sorted(wait_for_outcome(worker, message["id"]) for message in sent)
    finally:
        patient.stop()

    assert outcomes == ["sent"] + ["skipped: an earlier email covers this reply"] * 2
    [email] = wait_for_mail(mail_dir, user.email)
    assert "part 2 of my answer" in body(email)  # the newest reply leads
    assert "3 unread replies" in body(email)


def test_the_same_job_delivered_twice_sends_once(
    api: ApiServer,
    env: dict[str, str],
    worker: Worker,
    mail_dir: Path,
    staff_token: str,
    user: EndUser,
) -> None:
    sent = reply(api, staff_token, user, "Only one email for this")
    assert wait_for_outcome(worker, sent["id"]) == "sent"

    enqueue_again(env, sent["id"])

    assert wait_for_outcome(worker, sent["id"], nth=2) == "skipped: already sent"
    assert len(mail_to(mail_dir, user.email)) == 1


def enqueue_again(env: dict[str, str], message_id: str) -> None:
    """A duplicate delivery, as at-least-once brokers may make."""
    settings = Settings(env="dev", redis_url=env["REDIS_URL"], email_delay_seconds=0)
    scheduler = EmailScheduler(redis_broker(settings), 0)
    asyncio.run(scheduler.schedule_unread_reply(uuid.UUID(message_id)))
    scheduler.close()


def own_queues(env: dict[str, str], database: int) -> dict[str, str]:
    """The same services, but job queues in another Redis database: no other worker sees them."""
    return {**env, "REDIS_URL": env["REDIS_URL"].rsplit("/", 1)[0] + f"/{database}"}


def test_a_worker_killed_mid_job_still_sends_once(
    env: dict[str, str], mail_dir: Path, staff_token: str
) -> None:
    user = make_user("crash")
    isolated = own_queues(env, 2)
    api = ApiServer(isolated, name="api-crash").start()
    doomed = Worker(isolated).start()
    successor = None
    try:
        sent = reply(api, staff_token, user, "Will this survive a crash?")
        time.sleep(0.3)  # the worker has taken the delayed job into memory
        doomed.kill()
        successor = Worker(isolated).start()

        assert wait_for_outcome(successor, sent["id"], within=40) == "sent"
        assert len(wait_for_mail(mail_dir, user.email)) == 1
    finally:
        for process in (successor, doomed, api):
            if process is not None:
                process.stop()


def test_an_smtp_outage_is_retried_until_the_email_goes_out(
    env: dict[str, str], staff_token: str, tmp_path: Path
) -> None:
    user = make_user("patient")
    sink = SmtpSink(tmp_path / "mail", port=free_port())
    isolated = own_queues(env, 3)
    api = ApiServer(isolated, name="api-smtp-outage").start()
    worker = Worker({**isolated, "SMTP_URL": sink.url}).start()
    try:
        sent = reply(api, staff_token, user, "Sent while the mail server is down")
        deadline = time.monotonic() + 20
        while "ConnectionRefusedError" not in worker.log():
            assert time.monotonic() < deadline, "the send was never attempted"
            time.sleep(0.1)

        sink.start()

        assert wait_for_outcome(worker, sent["id"], within=30) == "sent"
        assert len(wait_for_mail(sink.mail_dir, user.email)) == 1
    finally:
        worker.stop()
        api.stop()
        sink.stop()


def test_unsubscribing_stops_later_emails(
    api: ApiServer, worker: Worker, mail_dir: Path, staff_token: str, user: EndUser
) -> None:
    first = reply(api, staff_token, user, "First reply")
    [email] = wait_for_mail(mail_dir, user.email)
    assert wait_for_outcome(worker, first["id"]) == "sent"
    link = email["List-Unsubscribe"].strip("<>").replace("http://chat.example.test", api.url)

    assert httpx.post(link).status_code == 200  # RFC 8058 one-click
    later = reply(api, staff_token, user, "Second reply")

    assert wait_for_outcome(worker, later["id"]) == "skipped: user opted out"
    assert len(mail_to(mail_dir, user.email)) == 1


def test_a_forged_unsubscribe_link_changes_nothing(api: ApiServer) -> None:
    response = httpx.get(f"{api.url}/unsubscribe", params={"token": "forged"})

    assert response.status_code == 400


def test_sending_never_waits_for_smtp(env: dict[str, str], staff_token: str, user: EndUser) -> None:
    """The request path has no SMTP in it: with no mail server at all, replies still go out."""
    server = ApiServer({**env, "SMTP_URL": f"smtp://127.0.0.1:{free_port()}"}, name="api-no-smtp")
    server.start()
    try:
        sent = reply(server, staff_token, user, "No mail server, no problem")
        assert sent["content"] == "No mail server, no problem"
    finally:
        server.stop()

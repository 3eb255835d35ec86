"""The SMTP password never reaches a stored delivery error or a worker's log."""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from devtools.processes import free_port
from tests.conftest import make_user
from tests.support import operations as ops
from tests.support.graphql import Http
from tests.support.servers import ApiServer, Worker
from tests.workers.test_unread_reply import own_queues
from workers.smtp import SmtpServer

PASSWORD = f"smtp-pw-{uuid.uuid4().hex}"


def test_an_error_is_described_without_the_password() -> None:
    server = SmtpServer.from_url(f"smtps://mailer:{PASSWORD}@mx.example.test")

    described = server.describe(RuntimeError(f"auth failed for mailer:{PASSWORD}"))

    assert PASSWORD not in described
    assert "[redacted]" in described


def test_a_failing_send_stores_and_logs_no_password(
    env: dict[str, str], staff_token: str, db: Any
) -> None:
    isolated = {**own_queues(env, 5), "LOG_FORMAT": "json"}
    nowhere = f"smtp+starttls://mailer:{PASSWORD}@127.0.0.1:{free_port()}"
    api = ApiServer(isolated, name="api-smtp-secret").start()
    worker = Worker({**isolated, "SMTP_URL": nowhere}).start()
    try:
        user = make_user("smtpsecret")
        chat_id = Http(api.url, user.token).execute(ops.MY_CHAT)["chat"]["id"]
        reply = Http(api.url, staff_token).execute(
            ops.SEND, {"content": "hello", "chatId": chat_id}
        )["sendMessage"]
        deadline = time.monotonic() + 30
        while not (delivery := db.email_deliveries.find_one({"_id": uuid.UUID(reply["id"])})) or (
            not delivery.get("error")
        ):
            assert time.monotonic() < deadline, worker.log()[-2000:]
            time.sleep(0.2)

        assert "ConnectionRefusedError" in delivery["error"]
        assert PASSWORD not in delivery["error"]
        log = worker.log()
        assert "ConnectionRefusedError" in log
        assert PASSWORD not in log
        failure = [line for line in log.splitlines() if "ConnectionRefusedError" in line]
        assert json.loads(failure[0])["level"] in ("WARNING", "ERROR")  # LOG_FORMAT=json
    finally:
        worker.stop()
        api.stop()

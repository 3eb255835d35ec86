"""Reading what the SMTP sink received."""

from __future__ import annotations

import time
from email.message import EmailMessage
from pathlib import Path

from api.pages.dev_mail import read_mail


def mail_to(mail_dir: Path, recipient: str) -> list[EmailMessage]:
    if not mail_dir.exists():
        return []
    return [message for _, message in read_mail(mail_dir) if message["To"] == recipient]


def wait_for_mail(
    mail_dir: Path, recipient: str, count: int = 1, within: float = 20
) -> list[EmailMessage]:
    deadline = time.monotonic() + within
    while len(found := mail_to(mail_dir, recipient)) < count:
        assert time.monotonic() < deadline, f"no mail for {recipient} within {within}s"
        time.sleep(0.1)
    return found


def body(message: EmailMessage, subtype: str = "plain") -> str:
    part = message.get_body(preferencelist=(subtype,))
    assert part is not None, f"no text/{subtype} part"
    content: str = part.get_content()
    return content

"""Sending one email over SMTP as SMTP_URL says: smtp://, smtp+starttls:// or smtps://."""

from __future__ import annotations

import smtplib
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from urllib.parse import unquote, urlsplit

TIMEOUT_SECONDS = 10


@dataclass(frozen=True, slots=True)
class SmtpServer:
    host: str
    port: int
    tls: bool  # implicit TLS (smtps)
    starttls: bool
    username: str | None
    password: str | None

    @classmethod
    def from_url(cls, url: str) -> SmtpServer:
        parts = urlsplit(url)
        if parts.scheme not in ("smtp", "smtp+starttls", "smtps"):
            # Never the URL itself: it may hold the password.
            raise ValueError("SMTP_URL must start with smtp://, smtp+starttls:// or smtps://")
        tls = parts.scheme == "smtps"
        return cls(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or (465 if tls else 587 if parts.scheme == "smtp+starttls" else 25),
            tls=tls,
            starttls=parts.scheme == "smtp+starttls",
            username=unquote(parts.username) if parts.username else None,
            password=unquote(parts.password) if parts.password else None,
        )

    def describe(self, error: BaseException) -> str:
        """The error as it may be stored and logged: never with the password in it."""
        text = repr(error)
        return text.replace(self.password, "[redacted]") if self.password else text

    def send(self, email: EmailMessage) -> None:
        """Blocking: run it in a thread from async code."""
        context = ssl.create_default_context()
        client: smtplib.SMTP
        if self.tls:
            client = smtplib.SMTP_SSL(
                self.host, self.port, timeout=TIMEOUT_SECONDS, context=context
            )
        else:
            client = smtplib.SMTP(self.host, self.port, timeout=TIMEOUT_SECONDS)
        with client:
            if self.starttls:
                client.starttls(context=context)
            if self.username:
                client.login(self.username, self.password or "")
            client.send_message(email)

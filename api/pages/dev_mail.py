"""Dev only: /dev/mail, the emails the SMTP sink received, newest first."""

from __future__ import annotations

from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from html import escape
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse

from core.settings import Settings


def read_mail(mail_dir: Path) -> list[tuple[Path, EmailMessage]]:
    parser = BytesParser(policy=policy.default)
    files = sorted(mail_dir.glob("*.eml"), reverse=True)
    return [(path, parser.parsebytes(path.read_bytes())) for path in files]


def _text(message: EmailMessage) -> str:
    body = message.get_body(preferencelist=("plain",))
    return body.get_content() if body is not None else ""


def dev_mail(request: Request) -> HTMLResponse:
    # Synchronous: Starlette runs it in a thread, so the file reads block nothing.
    settings: Settings = request.state.settings
    if not settings.mail_dir:
        return HTMLResponse("<p>MAIL_DIR is not set: mail goes to SMTP_URL.</p>", status_code=404)
    mail = read_mail(Path(settings.mail_dir)) if Path(settings.mail_dir).exists() else []
    items = "".join(
        f"<article><h2>{escape(str(message['Subject']))}</h2>"
        f"<p><b>To</b> {escape(str(message['To']))} · <b>Date</b> {escape(str(message['Date']))}"
        f" · <code>{escape(path.name)}</code></p><pre>{escape(_text(message))}</pre></article>"
        for path, message in mail
    )
    return HTMLResponse(
        "<!doctype html><meta charset=utf-8><title>Dev mail</title>"
        "<style>body{font-family:sans-serif;max-width:800px;margin:24px auto}"
        "article{border-bottom:1px solid #ddd}"
        "pre{white-space:pre-wrap;overflow-wrap:anywhere}</style>"
        f"<h1>Dev mail ({len(mail)})</h1>{items or '<p>No mail yet.</p>'}"
    )

"""The "you have an unread reply" email: plain text and HTML."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html import escape

from core.settings import Settings

PREVIEW_LENGTH = 200


def preview(content: str) -> str:
    return content if len(content) <= PREVIEW_LENGTH else content[: PREVIEW_LENGTH - 1] + "…"


def unread_reply_email(
    settings: Settings, *, to: str, name: str | None, reply: str, unread: int, unsubscribe: str
) -> EmailMessage:
    email = EmailMessage()
    email["Subject"] = f"New reply from {settings.app_name} Support"
    email["From"] = settings.sender_address
    email["To"] = to
    email["Date"] = formatdate(usegmt=True)
    email["Message-ID"] = make_msgid(domain="support-chat")
    email["List-Unsubscribe"] = f"<{unsubscribe}>"
    email["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"

    greeting = f"Hi {name}," if name else "Hi,"
    more = f" ({unread} unread replies)" if unread > 1 else ""
    text = preview(reply)
    email.set_content(
        f"{greeting}\n\n{settings.app_name} Support replied to you{more}:\n\n"
        f"  {text}\n\nRead and answer it here: {settings.app_url}\n\n"
        f"--\nDon't want these emails? Unsubscribe: {unsubscribe}\n"
    )
    email.add_alternative(
        f"""<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>{escape(greeting)}</p>
<p>{escape(settings.app_name)} Support replied to you{escape(more)}:</p>
<blockquote style="border-left:3px solid #ccc;margin:0;padding:4px 12px">{escape(text)}</blockquote>
<p><a href="{escape(settings.app_url)}">Read and answer it</a></p>
<p style="color:#888;font-size:12px"><a href="{escape(unsubscribe)}">Unsubscribe</a>
from these emails.</p>
</body></html>""",
        subtype="html",
    )
    return email

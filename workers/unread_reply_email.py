"""The "you have an unread reply" email: plain text and HTML."""

from __future__ import annotations

from email.message import EmailMessage
from email.utils import formatdate, make_msgid
from html import escape

from core.settings import Settings

PREVIEW_LENGTH = 200


def preview(content: str) -> str:
    return content if len(content) <= PREVIEW_LENGTH else content[: PREVIEW_LENGTH - 1] + "…"


def attachment_note(app_name: str, content_types: list[str]) -> str:
    """What the reply carries, in words: its bytes are never linked from an email."""
    if not content_types:
        return ""
    images = all(content_type.startswith("image/") for content_type in content_types)
    count = len(content_types)
    if count == 1:
        what = "a screenshot" if images else "a file"
    else:
        what = f"{count} screenshots" if images else f"{count} files"
    return f"{app_name} Support sent you {what}; open the chat to see it."


def unread_reply_email(
    settings: Settings,
    *,
    to: str,
    name: str | None,
    reply: str,
    unread: int,
    unsubscribe: str,
    attachment_types: list[str] | None = None,
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
    note = attachment_note(settings.app_name, attachment_types or [])
    quoted = "\n\n".join(part for part in (text, note) if part)
    email.set_content(
        f"{greeting}\n\n{settings.app_name} Support replied to you{more}:\n\n"
        f"  {quoted}\n\nRead and answer it here: {settings.app_url}\n\n"
        f"--\nDon't want these emails? Unsubscribe: {unsubscribe}\n"
    )
    email.add_alternative(
        f"""<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">
<p>{escape(greeting)}</p>
<p>{escape(settings.app_name)} Support replied to you{escape(more)}:</p>
<blockquote style="border-left:3px solid #ccc;margin:0;padding:4px 12px">{escape(text)}</blockquote>
{f"<p>{escape(note)}</p>" if note else ""}
<p><a href="{escape(settings.app_url)}">Read and answer it</a></p>
<p style="color:#888;font-size:12px"><a href="{escape(unsubscribe)}">Unsubscribe</a>
from these emails.</p>
</body></html>""",
        subtype="html",
    )
    return email

"""One-click unsubscribe from "unread reply" emails, through a signed link."""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse

from core.settings import Settings
from core.unsubscribe_link import unsubscribing_user
from documents.users import opt_out_of_emails


async def unsubscribe(request: Request) -> HTMLResponse:
    """GET shows the result to a person; POST is RFC 8058 one-click from the mail client."""
    settings: Settings = request.state.settings
    user_id = unsubscribing_user(request.query_params.get("token", ""), settings)
    if user_id is None:
        return _page("This unsubscribe link is not valid.", status_code=400)
    user = await opt_out_of_emails(user_id)
    if user is None:
        return _page("This unsubscribe link is not valid.", status_code=404)
    return _page(
        f"{escape(user.email)} will no longer get emails about unread {escape(settings.app_name)} "
        "support replies."
    )


def _page(text: str, status_code: int = 200) -> HTMLResponse:
    html = f"<!doctype html><meta charset=utf-8><title>Unsubscribe</title><p>{text}</p>"
    return HTMLResponse(html, status_code=status_code)

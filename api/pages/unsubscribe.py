"""Unsubscribe from "unread reply" emails through the signed link, as RFC 8058 asks.

GET and HEAD only show a page with a button (mail scanners fetch links; they must not
unsubscribe anyone); POST unsubscribes: the button, or the mail client's one-click
(`List-Unsubscribe-Post: List-Unsubscribe=One-Click`).
"""

from __future__ import annotations

from html import escape

from starlette.requests import Request
from starlette.responses import HTMLResponse

from core.settings import Settings
from core.unsubscribe_link import LinkProblem, unsubscribing_user
from documents.users import opt_out_of_emails

# The page's URL holds the token: keep it out of Referer headers and caches.
PRIVATE = {"Referrer-Policy": "no-referrer", "Cache-Control": "no-store"}

PROBLEMS = {
    LinkProblem.INVALID: ("This unsubscribe link is not valid.", 400),
    LinkProblem.EXPIRED: (
        "This unsubscribe link has expired; use the link in a newer email.",
        410,
    ),
}


async def unsubscribe(request: Request) -> HTMLResponse:
    settings: Settings = request.state.settings
    user_id = unsubscribing_user(request.query_params.get("token", ""), settings)
    if isinstance(user_id, LinkProblem):
        return _page(*PROBLEMS[user_id])
    app = escape(settings.app_name)
    if request.method != "POST":
        return _page(
            f"Stop emails about unread {app} support replies?"
            '<form method="post"><button type="submit">Unsubscribe</button></form>'
        )
    user = await opt_out_of_emails(user_id)
    if user is None:
        return _page("This unsubscribe link is not valid.", status_code=404)
    return _page(
        f"{escape(user.email)} will no longer get emails about unread {app} support replies."
    )


def _page(body: str, status_code: int = 200) -> HTMLResponse:
    html = f"<!doctype html><meta charset=utf-8><title>Unsubscribe</title><p>{body}</p>"
    return HTMLResponse(html, status_code=status_code, headers=PRIVATE)

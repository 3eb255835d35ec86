"""One-click unsubscribe from "unread reply" emails, through a signed link."""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

import jwt
from starlette.requests import Request
from starlette.responses import HTMLResponse

from api.settings import Settings
from documents import User

PURPOSE = "unsubscribe"


def unsubscribe_url(settings: Settings, user_id: UUID) -> str:
    token = jwt.encode({"sub": str(user_id), "purpose": PURPOSE}, settings.secret_key, "HS256")
    return f"{settings.public_url.rstrip('/')}/unsubscribe?{urlencode({'token': token})}"


def _user_id(token: str, settings: Settings) -> UUID | None:
    try:
        claims: dict[str, Any] = jwt.decode(token, settings.secret_key, algorithms=["HS256"])
        if claims.get("purpose") != PURPOSE:
            return None
        return UUID(str(claims["sub"]))
    except (jwt.InvalidTokenError, KeyError, ValueError):
        return None


async def unsubscribe(request: Request) -> HTMLResponse:
    """GET shows the result to a person; POST is RFC 8058 one-click from the mail client."""
    settings: Settings = request.state.settings
    user_id = _user_id(request.query_params.get("token", ""), settings)
    if user_id is None:
        return _page("This unsubscribe link is not valid.", status_code=400)
    user = await User.get(user_id)
    if user is None:
        return _page("This unsubscribe link is not valid.", status_code=404)
    await user.set({User.email_opt_out: True})
    return _page(
        f"{escape(user.email)} will no longer get emails about unread {escape(settings.app_name)} "
        "support replies."
    )


def _page(text: str, status_code: int = 200) -> HTMLResponse:
    html = f"<!doctype html><meta charset=utf-8><title>Unsubscribe</title><p>{text}</p>"
    return HTMLResponse(html, status_code=status_code)

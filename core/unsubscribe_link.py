"""The signed link in every email that lets its recipient stop those emails."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode
from uuid import UUID

import jwt

from core.settings import Settings

PURPOSE = "unsubscribe"


def unsubscribe_url(settings: Settings, user_id: UUID) -> str:
    token = jwt.encode({"sub": str(user_id), "purpose": PURPOSE}, settings.secret_key, "HS256")
    return f"{settings.public_url.rstrip('/')}/unsubscribe?{urlencode({'token': token})}"


def unsubscribing_user(token: str, settings: Settings) -> UUID | None:
    """The user an unsubscribe token was signed for, or None when it is not one."""
    try:
        claims: dict[str, Any] = jwt.decode(token, settings.secret_key, algorithms=["HS256"])
        if claims.get("purpose") != PURPOSE:
            return None
        return UUID(str(claims["sub"]))
    except (jwt.InvalidTokenError, KeyError, ValueError):
        return None

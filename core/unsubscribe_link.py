"""The signed link in every email that lets its recipient stop those emails."""

from __future__ import annotations

from datetime import timedelta
from enum import Enum
from typing import Any
from urllib.parse import urlencode
from uuid import UUID

import jwt

from core.clock import utc_now
from core.settings import Settings

PURPOSE = "unsubscribe"


class LinkProblem(Enum):
    INVALID = "invalid"
    EXPIRED = "expired"


def unsubscribe_url(settings: Settings, user_id: UUID) -> str:
    expires = utc_now() + timedelta(days=settings.unsubscribe_token_days)
    claims = {"sub": str(user_id), "purpose": PURPOSE, "exp": expires}
    token = jwt.encode(claims, settings.secret_key, "HS256")
    return f"{settings.public_url.rstrip('/')}/unsubscribe?{urlencode({'token': token})}"


def unsubscribing_user(token: str, settings: Settings) -> UUID | LinkProblem:
    """The user an unsubscribe token was signed for, or why it opens nothing."""
    try:
        claims: dict[str, Any] = jwt.decode(
            token, settings.secret_key, algorithms=["HS256"], options={"require": ["exp"]}
        )
        if claims.get("purpose") != PURPOSE:
            return LinkProblem.INVALID
        return UUID(str(claims["sub"]))
    except jwt.ExpiredSignatureError:
        return LinkProblem.EXPIRED
    except (jwt.InvalidTokenError, KeyError, ValueError):
        return LinkProblem.INVALID

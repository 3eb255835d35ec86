from __future__ import annotations

from datetime import datetime

from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from core.clock import utc_now


class RevokedToken(Document):
    """A staff token ended by logout before its expiry; `_id` is the token's `jti`."""

    id: str  # type: ignore[assignment]
    expires_at: datetime  # after this the token is refused anyway; the record may go
    revoked_at: datetime = Field(default_factory=utc_now)

    class Settings:
        name = "revoked_tokens"
        indexes = [IndexModel("expires_at", name="expires_at")]

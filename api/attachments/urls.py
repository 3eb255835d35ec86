"""Signed, expiring links to an attachment's bytes: checked on every GET, no header needed.

The signature covers the attachment, which file (the bytes or the thumbnail) and
the expiry, with a key derived from SECRET_KEY for this purpose only. Expiries
are rounded up to a step, so the same link is handed out for a while and
browsers can reuse what they cached.
"""

from __future__ import annotations

import hashlib
import hmac
import math
from base64 import urlsafe_b64encode
from dataclasses import dataclass
from datetime import UTC, datetime
from uuid import UUID

from core.settings import Settings

ROUND_EXPIRY_TO = 600  # seconds
FILES_PATH = "/files"


@dataclass(frozen=True, slots=True)
class SignedLinks:
    url: str
    thumbnail_url: str | None
    expires_at: datetime


def _key(settings: Settings) -> bytes:
    return hmac.new(settings.secret_key.encode(), b"attachment-links", hashlib.sha256).digest()


def signature(settings: Settings, attachment_id: UUID, variant: str, expires: int) -> str:
    payload = f"{attachment_id}:{variant}:{expires}".encode()
    digest = hmac.new(_key(settings), payload, hashlib.sha256).digest()
    return urlsafe_b64encode(digest).rstrip(b"=").decode()


def links(
    settings: Settings, base_url: str, attachment_id: UUID, *, thumbnail: bool, now: datetime
) -> SignedLinks:
    expires = (
        math.ceil((now.timestamp() + settings.attachment_url_seconds) / ROUND_EXPIRY_TO)
        * ROUND_EXPIRY_TO
    )

    def link(variant: str) -> str:
        path = f"{FILES_PATH}/{attachment_id}" + ("/thumbnail" if variant == "thumbnail" else "")
        sig = signature(settings, attachment_id, variant, expires)
        return f"{base_url.rstrip('/')}{path}?expires={expires}&signature={sig}"

    return SignedLinks(
        url=link("file"),
        thumbnail_url=link("thumbnail") if thumbnail else None,
        expires_at=datetime.fromtimestamp(expires, UTC),
    )


def verify(
    settings: Settings, attachment_id: UUID, variant: str, expires: str, given: str, now: datetime
) -> str | None:
    """Why the link may not be followed, or None when it may."""
    if not expires.isdigit():
        return "malformed"
    expected = signature(settings, attachment_id, variant, int(expires))
    if not hmac.compare_digest(expected.encode(), given.encode()):
        return "bad signature"
    if int(expires) <= now.timestamp():
        return "expired"
    return None

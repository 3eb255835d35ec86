"""Integration keys: random, shown once, stored as a hash."""

from __future__ import annotations

import hashlib
import secrets

INTEGRATION_KEY_PREFIX = "sck_"


def new_integration_key() -> str:
    return INTEGRATION_KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    # Keys are 256 random bits, so a fast hash is enough and stays indexable.
    return hashlib.sha256(key.encode()).hexdigest()

"""Staff passwords: argon2 hashes, checked off the event loop, one error for any mismatch."""

from __future__ import annotations

import asyncio
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from core.errors import Unauthenticated
from documents import Staff
from documents.staff_accounts import staff_by_email

_password_hasher = PasswordHasher()


@cache
def _dummy_hash() -> str:
    """Verified against when the email is unknown, so both failures take as long."""
    return _password_hasher.hash("not a real password")


def hash_password(password: str) -> str:
    return _password_hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _password_hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


async def staff_with_password(email: str, password: str) -> Staff:
    """The staff account these credentials open; one error for any mismatch."""
    staff = await staff_by_email(email)
    # argon2 is slow on purpose: keep it off the event loop.
    matches = await asyncio.to_thread(
        verify_password, staff.password_hash if staff else _dummy_hash(), password
    )
    if not matches or not staff:
        raise Unauthenticated("Wrong email or password.", reason="BAD_CREDENTIALS")
    if staff.disabled_at is not None:
        raise Unauthenticated("This staff account is disabled.", reason="ACCOUNT_DISABLED")
    return staff

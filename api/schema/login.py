"""Staff log-in, guarded against guessing without letting a guesser lock staff out.

- every attempt counts against the caller's IP (RATE_LOGIN_PER_IP per window);
- only failed attempts count against the account (RATE_LOGIN_PER_EMAIL per window);
  the budget is checked before the password only to refuse once it is spent;
- each consecutive failure makes the next attempt on the account wait longer
  (0.5 s, 1 s, 2 s, … at most 8 s); a success resets it.
"""

from __future__ import annotations

import asyncio

from api.auth.passwords import staff_with_password
from api.schema.context import Context
from core.errors import Unauthenticated
from documents import Staff
from documents.staff_accounts import normalized_email

FIRST_DELAY_SECONDS = 0.5
MAX_DELAY_SECONDS = 8.0
STREAK_SECONDS = 15 * 60  # a failure streak is forgotten this long after it began


def delay_after(failures: int) -> float:
    """How long an attempt waits after this many consecutive failures."""
    if failures <= 0:
        return 0.0
    delay: float = FIRST_DELAY_SECONDS * 2 ** min(failures - 1, 16)
    return min(delay, MAX_DELAY_SECONDS)


async def log_in(context: Context, email: str, password: str) -> Staff:
    limits, settings = context.limits, context.settings
    account = normalized_email(email)
    failed, streak = f"login:failed:{account}", f"login:streak:{account}"
    await limits.hit(f"login:ip:{context.client_ip}", settings.rate_login_per_ip)
    await limits.refuse_if_reached(failed, settings.rate_login_per_email)
    await asyncio.sleep(delay_after(await limits.counted(streak)))
    try:
        staff = await staff_with_password(email, password)
    except Unauthenticated:
        await limits.count(failed)
        await limits.count(streak, window_seconds=STREAK_SECONDS)
        raise
    await limits.forget(streak)
    return staff

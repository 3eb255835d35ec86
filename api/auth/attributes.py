"""The `attributes` claim of an end-user token: custom details the host app shows staff.

A flat object of at most MAX_ATTRIBUTES keys whose values are strings, numbers or
booleans of at most MAX_VALUE_LENGTH characters. What does not fit is left out
with one warning in the log (per user and problem, per process); the user never
sees an error for it.
"""

from __future__ import annotations

import logging
import math
from functools import lru_cache

logger = logging.getLogger(__name__)

MAX_ATTRIBUTES = 20
MAX_KEY_LENGTH = 64
MAX_VALUE_LENGTH = 200
INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1  # what BSON stores

Attribute = bool | int | float | str


def token_attributes(claim: object, external_id: str) -> dict[str, Attribute] | None:
    """The attributes that fit; None when the token has no `attributes` claim."""
    if claim is None:
        return None
    if not isinstance(claim, dict):
        _warn_once(external_id, "not an object")
        return None
    kept: dict[str, Attribute] = {}
    left_out: list[str] = []
    for key, value in claim.items():
        if len(kept) < MAX_ATTRIBUTES and _fits(key, value):
            kept[key] = value
        else:
            left_out.append(str(key)[:MAX_KEY_LENGTH])
    if left_out:
        _warn_once(external_id, f"left out {len(left_out)} attribute(s): {', '.join(left_out)}")
    return kept


@lru_cache(maxsize=1024)
def _warn_once(external_id: str, problem: str) -> None:
    """Every request carries the token again: say it once (per process), not every time."""
    logger.warning(
        "attributes of user %s: %s (at most %d keys; values string, number or boolean,"
        " strings of at most %d characters)",
        external_id, problem, MAX_ATTRIBUTES, MAX_VALUE_LENGTH,
    )  # fmt: skip


def _fits(key: object, value: object) -> bool:
    if not isinstance(key, str) or not 0 < len(key) <= MAX_KEY_LENGTH:
        return False
    if key.startswith("$") or "." in key or "\0" in key:  # not storable as a MongoDB field
        return False
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return INT64_MIN <= value <= INT64_MAX
    if isinstance(value, float):
        return math.isfinite(value)
    return isinstance(value, str) and len(value) <= MAX_VALUE_LENGTH

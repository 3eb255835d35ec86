"""Domain errors: what a caller did wrong (or what is unavailable), each with a code.

Plain exceptions: storage, workers and the edge raise them; the GraphQL edge turns
them into errors with `extensions.code` in one place (`api/schema/error_policy.py`).
"""

from __future__ import annotations

from typing import ClassVar


class DomainError(Exception):
    """An expected failure; its message and code reach the client unmasked."""

    code: ClassVar[str]

    def __init__(self, message: str, **details: object) -> None:
        super().__init__(message)
        self.message = message
        self.details = details  # extra `extensions` entries, e.g. field, reason, retryAfter


class Unauthenticated(DomainError):
    code = "UNAUTHENTICATED"


class Forbidden(DomainError):
    code = "FORBIDDEN"


class NotFound(DomainError):
    code = "NOT_FOUND"


class BadUserInput(DomainError):
    code = "BAD_USER_INPUT"


class RateLimited(DomainError):
    code = "RATE_LIMITED"


class Unavailable(DomainError):
    code = "UNAVAILABLE"


class PayloadTooLarge(DomainError):
    code = "PAYLOAD_TOO_LARGE"


class UnsupportedMediaType(DomainError):
    code = "UNSUPPORTED_MEDIA_TYPE"


class QueryTooComplex(DomainError):
    """The operation could return more than MAX_QUERY_COST items (first/last times nesting)."""

    code = "QUERY_TOO_COMPLEX"

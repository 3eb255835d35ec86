"""Domain errors: what a client did wrong, each with the contract's error code."""

from __future__ import annotations

from typing import ClassVar

from graphql import GraphQLError


class DomainError(GraphQLError):
    """An expected failure; its message and code reach the client unmasked."""

    code: ClassVar[str]

    def __init__(self, message: str, **extensions: object) -> None:
        super().__init__(message, extensions={"code": self.code, **extensions})


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

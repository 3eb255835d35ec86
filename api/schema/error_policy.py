"""Every error a client sees carries a code; unexpected ones reveal nothing else.

This is the one place where domain errors (`core.errors`) become GraphQL errors.
"""

from __future__ import annotations

import logging

from graphql import GraphQLError
from redis.exceptions import ConnectionError as RedisConnectionError
from strawberry.extensions import MaskErrors

from core.errors import DomainError
from documents import DATABASE_UNAVAILABLE

logger = logging.getLogger("api.errors")

UNAVAILABLE = (*DATABASE_UNAVAILABLE, RedisConnectionError, ConnectionError, TimeoutError)


def _is_unexpected(error: GraphQLError) -> bool:
    """Anything but our domain errors and Strawberry's own (permission) GraphQLErrors."""
    original = error.original_error
    return original is not None and not isinstance(original, (GraphQLError, DomainError))


class ErrorPolicy(MaskErrors):
    def __init__(self) -> None:
        super().__init__(should_mask_error=_is_unexpected)

    def _process_result(self, result: object) -> None:
        # Nearly every subscription event has no errors: skip MaskErrors' Protocol check.
        if getattr(result, "errors", None):
            super()._process_result(result)

    def anonymise_error(self, error: GraphQLError) -> GraphQLError:
        original = error.original_error
        if isinstance(original, UNAVAILABLE):
            message, code = "A backing service is unavailable; try again shortly.", "UNAVAILABLE"
            logger.warning("service unavailable: %r", original)
        else:
            message, code = self.error_message, "INTERNAL_SERVER_ERROR"
            logger.error("unexpected error", exc_info=original)
        return GraphQLError(message, nodes=error.nodes, path=error.path, extensions={"code": code})


def add_error_codes(errors: list[GraphQLError]) -> None:
    """A domain error's code and details; errors without a code are the document's own:
    it does not parse, or not fit the schema."""
    for error in errors:
        original = error.original_error
        if isinstance(original, DomainError):
            error.message = original.message
            error.extensions = {"code": original.code, **original.details}
            continue
        if error.extensions is None:
            error.extensions = {}
        if "code" not in error.extensions:
            parse_failed = error.message.startswith("Syntax Error")
            error.extensions["code"] = (
                "GRAPHQL_PARSE_FAILED" if parse_failed else "GRAPHQL_VALIDATION_FAILED"
            )

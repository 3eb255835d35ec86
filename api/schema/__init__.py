"""The GraphQL schema: the contract in contract/schema.graphql, and more."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

import strawberry
from graphql import GraphQLError
from strawberry.extensions import (
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from api.schema import graphql_core_fix
from api.schema.error_policy import ErrorPolicy, add_error_codes
from api.schema.loaders import LoadersPerOperation
from api.schema.mutations import Mutation
from api.schema.queries import Query
from api.schema.query_cost import QueryCostLimit
from api.schema.scalars import DATETIME
from api.schema.shared_events import SharingExecutor
from api.schema.subscriptions import Subscription
from core.settings import Settings


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Give every error its code; log nothing (ErrorPolicy logs what is ours to fix)."""
        add_error_codes(errors)


def _is_introspection(field: IgnoreContext) -> bool:
    return field.field_name.startswith("__")


CACHED_DOCUMENTS = 256  # clients send the same few documents over and over


def make_schema(settings: Settings) -> Schema:
    graphql_core_fix.apply()
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        ErrorPolicy,
        LoadersPerOperation,
        partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        partial(ValidationCache, maxsize=CACHED_DOCUMENTS),
        # Uses the validation result ValidationCache leaves: keep it after that.
        partial(QueryCostLimit, max_cost=settings.max_query_cost),
        partial(
            QueryDepthLimiter, max_depth=settings.max_query_depth, should_ignore=_is_introspection
        ),
        partial(MaxTokensLimiter, max_token_count=settings.max_query_tokens),
        partial(MaxAliasesLimiter, max_alias_count=settings.max_aliases),
    ]
    if not settings.introspection_enabled:
        extensions.append(DisableIntrospection)
    return Schema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        extensions=extensions,
        config=StrawberryConfig(scalar_map={datetime: DATETIME}),
        execution_context_class=SharingExecutor,
    )

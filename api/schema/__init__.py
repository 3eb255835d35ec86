"""The GraphQL schema: the contract in contract/schema.graphql, and more."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial

import strawberry
from graphql import GraphQLError
from graphql.validation import ASTValidationRule
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxTokensLimiter,
    ParserCache,
    SchemaExtension,
    ValidationCache,
)
from strawberry.extensions.max_aliases import create_validator as alias_limit
from strawberry.extensions.query_depth_limiter import IgnoreContext
from strawberry.extensions.query_depth_limiter import create_validator as depth_limit
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


def _limit_rules(settings: Settings) -> list[type[ASTValidationRule]]:
    """The depth and alias limits, built once: ValidationCache is keyed by the rules, and
    QueryDepthLimiter and MaxAliasesLimiter build new rule classes for every operation."""
    return [
        depth_limit(settings.max_query_depth, should_ignore=_is_introspection),
        alias_limit(settings.max_aliases),
    ]


def make_schema(settings: Settings) -> Schema:
    graphql_core_fix.apply()
    extensions: list[type[SchemaExtension] | Callable[[], SchemaExtension]] = [
        ErrorPolicy,
        LoadersPerOperation,
        partial(ParserCache, maxsize=CACHED_DOCUMENTS),
        partial(ValidationCache, maxsize=CACHED_DOCUMENTS),
        # Uses the validation result ValidationCache leaves: keep it after that.
        partial(QueryCostLimit, max_cost=settings.max_query_cost),
        partial(AddValidationRules, _limit_rules(settings)),
        partial(MaxTokensLimiter, max_token_count=settings.max_query_tokens),
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

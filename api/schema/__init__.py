"""The GraphQL schema: the contract in shared/contract/schema.graphql, and more."""

from __future__ import annotations

from datetime import datetime

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig
from strawberry.types import ExecutionContext

from api.schema.error_policy import ErrorPolicy
from api.schema.mutations import Mutation
from api.schema.queries import Query
from api.schema.scalars import DATETIME
from api.schema.subscriptions import Subscription


class Schema(strawberry.Schema):
    def process_errors(
        self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None
    ) -> None:
        """Log nothing here: clients' mistakes are not ours, and ErrorPolicy logs the rest."""


schema = Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=[ErrorPolicy],
    config=StrawberryConfig(scalar_map={datetime: DATETIME}),
)

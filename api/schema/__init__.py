"""The GraphQL schema: the contract in shared/contract/schema.graphql, and more."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.schema.config import StrawberryConfig

from api.schema.error_policy import ErrorPolicy
from api.schema.mutations import Mutation
from api.schema.queries import Query
from api.schema.scalars import DATETIME
from api.schema.subscriptions import Subscription

schema = strawberry.Schema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    extensions=[ErrorPolicy],
    config=StrawberryConfig(scalar_map={datetime: DATETIME}),
)

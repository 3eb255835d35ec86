"""graphql-core 3.3.2 leaks per subscription event unless api.schema.graphql_core_fix is applied."""

from __future__ import annotations

from graphql import build_schema, parse
from graphql.execution.executor import Executor

from api.schema import graphql_core_fix

SCHEMA = build_schema(
    """
    type Query { dummy: String }
    type Greeting { text: String, author: Author }
    type Author { name: String }
    type Subscription { greeting: Greeting }
    """
)


def test_events_leave_nothing_behind_in_the_subscription_executor() -> None:
    graphql_core_fix.apply()
    executor = Executor.build(SCHEMA, parse("subscription { greeting { text author { name } } }"))
    assert isinstance(executor, Executor)

    for n in range(50):
        event = executor.build_per_event_executor(
            {"greeting": {"text": f"hello {n}", "author": {"name": "Ann"}}}
        )
        result = event.execute_operation()
        assert result.data == {"greeting": {"text": f"hello {n}", "author": {"name": "Ann"}}}  # type: ignore[union-attr]

    assert executor._relevant_sub_fields == {}

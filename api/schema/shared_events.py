"""A live event executed once for every subscriber who would get the same result.

Thousands of subscribers hold the very same subscription document. The result of
an event depends on the operation, its variables, the caller's role, the address the
caller reached the API at (attachment links) and the event's payload, so subscribers
that agree on all five share one execution:

- `one_payload` gives subscribers the same payload object for the same live item
  (the hub decodes each event once, so its documents are shared objects);
- `SharingExecutor` keeps each result by (operation, variables, role, address, payload) and
  hands it to the next subscriber with that key whose token is still good
  (`Context.caller()`); it keeps only results without errors.

Which events a subscriber gets stays its own (`follow`, `Sequenced`): only the
execution of the same payload is shared.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from graphql import ExecutionResult
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from api.schema.context import Context
from core.errors import DomainError

T = TypeVar("T")

KEPT = 128  # recent payloads and results: an event's subscribers use them within milliseconds,
# and a miss only executes again (a bigger cache holds megabytes when events are large)


class _Recent:
    """A bounded map from keys to values, oldest out first."""

    def __init__(self, kept: int) -> None:
        self._kept = kept
        self._values: dict[Hashable, Any] = {}

    def get(self, key: Hashable) -> Any:
        return self._values.get(key)

    def put(self, key: Hashable, value: Any) -> None:
        if len(self._values) >= self._kept:
            del self._values[next(iter(self._values))]
        self._values[key] = value


_payloads = _Recent(KEPT)


def one_payload(build: Callable[..., T], *sources: object) -> T:
    """`build(*sources)`, the same object for the same source objects (by identity)."""
    key = (build, *map(id, sources))
    kept = _payloads.get(key)
    if kept is not None:
        return kept[1]  # type: ignore[no-any-return]
    payload = build(*sources)
    _payloads.put(key, (sources, payload))  # the sources are held: their ids stay theirs
    return payload


class SharingExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's executor, sharing the results of subscription events."""

    _results = _Recent(KEPT)
    _subscription: tuple[Hashable, ...] | None = None  # the subscription's executor: its key
    _sharing: tuple[Hashable, ...] | None = None  # an event's executor: the key it shares by

    def build_per_event_executor(self, payload: Any) -> SharingExecutor:
        if self._subscription is None:
            self._subscription = _subscription_key(self)
        executor: SharingExecutor = super().build_per_event_executor(payload)  # type: ignore[assignment]
        executor._sharing = self._subscription
        return executor

    def execute_operation(self, serially: bool | None = None) -> Any:
        if self._sharing is None or not _may_share(self.context_value):
            return super().execute_operation(serially)
        key = (*self._sharing, id(self.root_value))  # held below: the ids stay unique
        kept = self._results.get(key)
        if kept is not None:
            return kept[1]
        result = super().execute_operation(serially)
        if self.is_awaitable(result):
            return self._keep_when_done(key, result)
        self._keep(key, result)
        return result

    async def _keep_when_done(self, key: tuple[Hashable, ...], pending: Any) -> Any:
        result = await pending
        self._keep(key, result)
        return result

    def _keep(self, key: tuple[Hashable, ...], result: Any) -> None:
        if isinstance(result, ExecutionResult) and not result.errors and not result.extensions:
            self._results.put(key, ((self.root_value, self.operation), result))


def _subscription_key(executor: SharingExecutor) -> tuple[Hashable, ...] | None:
    """What, besides the payload, a subscriber's results depend on; None: not shareable."""
    context = executor.context_value
    if not isinstance(context, Context) or context.principal is None:
        return None
    variables = executor.variable_values.coerced
    # The parser cache gives one operation node per distinct document.
    return (
        id(executor.operation),
        repr(sorted(variables.items())),
        context.principal.role,
        str(context.request.base_url),
    )


def _may_share(context: object) -> bool:
    """Whether this subscriber may still see results: its own token, checked as usual."""
    try:
        return isinstance(context, Context) and context.caller() is not None
    except DomainError:
        return False

"""A fix for graphql-core 3.3.2, which leaks memory on every subscription event.

`Executor.build_per_event_executor` makes a shallow copy of the subscription's
executor, so every event's executor shares the subscription's memo of collected
subfields. That memo is keyed by the identity of per-event lists, so it gains
entries with each event and keeps them for as long as the subscription lives
(about 35 objects an event). Giving each event's executor a memo of its own
keeps memory flat; the memo never helped across events anyway.
"""

from __future__ import annotations

from typing import Any

from graphql.execution.executor import Executor

_build_per_event_executor = Executor.build_per_event_executor


def _per_event_executor_with_own_memo(self: Executor[Any], payload: Any) -> Executor[Any]:
    executor = _build_per_event_executor(self, payload)
    executor._relevant_sub_fields = {}
    return executor


def apply() -> None:
    Executor.build_per_event_executor = _per_event_executor_with_own_memo  # type: ignore[method-assign]

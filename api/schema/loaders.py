"""DataLoaders for one operation: an HTTP request, or one operation on a WebSocket.

A WebSocket's context lives as long as the connection, so loaders cannot hang on
it. Each operation runs in a task of its own (uvicorn: one per request;
Strawberry: one per WebSocket operation), and a ContextVar set at the start of
the operation is seen by that task and the tasks it starts, and by no other.
Nothing is cached across calls: a subscription's later events see current data.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextvars import ContextVar
from functools import cached_property, partial
from uuid import UUID

from strawberry.dataloader import DataLoader
from strawberry.extensions import SchemaExtension

from api.live.presence import StaffPresence
from api.schema.context import Context
from documents import Staff, User
from documents.staff_accounts import staff_by_ids
from documents.users import users_by_ids


class Loaders:
    """Each loader is made on first use: most subscriptions sit idle and never use one."""

    def __init__(self, presence: StaffPresence) -> None:
        self._presence = presence

    @cached_property
    def users(self) -> DataLoader[UUID, User | None]:
        return DataLoader(load_fn=users_by_ids, cache=False)

    @cached_property
    def staff(self) -> DataLoader[UUID, Staff | None]:
        return DataLoader(load_fn=staff_by_ids, cache=False)

    @cached_property
    def online(self) -> DataLoader[UUID, bool]:
        """Whether staff are online: one Redis read for every staff member a result shows."""
        return DataLoader(load_fn=partial(_online, self._presence), cache=False)


async def _online(presence: StaffPresence, staff_ids: Sequence[UUID]) -> list[bool]:
    online = await presence.online_staff()
    return [staff_id in online for staff_id in staff_ids]


_operation_loaders: ContextVar[Loaders] = ContextVar("operation_loaders")


def operation_loaders() -> Loaders:
    return _operation_loaders.get()


class LoadersPerOperation(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        context: Context = self.execution_context.context
        _operation_loaders.set(Loaders(context.presence))
        yield

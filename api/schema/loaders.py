"""DataLoaders for one operation: an HTTP request, or one operation on a WebSocket.

A WebSocket's context lives as long as the connection, so loaders cannot hang on
it. Each operation runs in a task of its own (uvicorn: one per request;
Strawberry: one per WebSocket operation), and a ContextVar set at the start of
the operation is seen by that task and the tasks it starts, and by no other.
Nothing is cached across calls: a subscription's later events see current data.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextvars import ContextVar
from uuid import UUID

from strawberry.dataloader import DataLoader
from strawberry.extensions import SchemaExtension

from documents import Staff, User
from documents.staff_accounts import staff_by_ids
from documents.users import users_by_ids


class Loaders:
    def __init__(self) -> None:
        self.users: DataLoader[UUID, User | None] = DataLoader(load_fn=users_by_ids, cache=False)
        self.staff: DataLoader[UUID, Staff | None] = DataLoader(load_fn=staff_by_ids, cache=False)


_operation_loaders: ContextVar[Loaders] = ContextVar("operation_loaders")


def operation_loaders() -> Loaders:
    return _operation_loaders.get()


class LoadersPerOperation(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        _operation_loaders.set(Loaders())
        yield

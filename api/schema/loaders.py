"""DataLoaders, created per request (or per WebSocket operation), never shared."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from strawberry.dataloader import DataLoader

from documents import User


async def _load_users(ids: Sequence[UUID]) -> list[User | None]:
    found = {user.id: user for user in await User.find({"_id": {"$in": list(ids)}}).to_list()}
    return [found.get(user_id) for user_id in ids]


class Loaders:
    def __init__(self) -> None:
        self.users: DataLoader[UUID, User | None] = DataLoader(load_fn=_load_users)

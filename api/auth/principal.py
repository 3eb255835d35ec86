"""Who is calling, once their token or key has been checked."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from uuid import UUID


class Role(StrEnum):
    USER = "USER"
    ADMIN = "ADMIN"
    INTEGRATION = "INTEGRATION"


@dataclass(frozen=True, slots=True)
class Principal:
    id: UUID
    role: Role
    email: str | None = None
    name: str | None = None
    expires_at: datetime | None = None
    token_id: str | None = None  # staff tokens: the `jti` that logout revokes
    external_id: str | None = None  # end users: the host app's id for them (`sub`)
    chat_id: UUID | None = None  # end users: their chat, when known without a lookup

    @property
    def is_staff(self) -> bool:
        return self.role is Role.ADMIN

    @property
    def reads_all_chats(self) -> bool:
        return self.role in (Role.ADMIN, Role.INTEGRATION)

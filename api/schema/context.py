"""What every resolver gets: the caller, the services, per-request loaders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from api.auth import Principal
from api.errors import Unauthenticated
from api.events import Events
from api.pubsub import Hub
from api.schema.loaders import Loaders
from api.settings import Settings
from workers.scheduler import EmailScheduler


@dataclass
class Context:
    request: Request | WebSocket
    settings: Settings
    hub: Hub
    events: Events
    emails: EmailScheduler
    principal: Principal | None = None
    auth_error: Unauthenticated | None = None
    loaders: Loaders = field(default_factory=Loaders)
    # Set by Strawberry from the graphql-transport-ws connection_init payload.
    connection_params: dict[str, Any] | None = None

    def caller(self) -> Principal:
        """The authenticated caller, or the reason there is none."""
        if self.principal is not None:
            return self.principal
        raise self.auth_error or Unauthenticated("Authentication required.", reason="NO_TOKEN")


Info = StrawberryInfo[Context, None]

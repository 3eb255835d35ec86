"""What every resolver gets: the caller, the services, per-request loaders."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket
from strawberry.types import Info as StrawberryInfo

from api.attachments.cleanup import OrphanCleanup
from api.auth.known_users import KnownUsers
from api.auth.principal import Principal
from api.auth.revocation import Revocations
from api.jobs import EmailScheduler
from api.live.hub import Channels
from api.live.presence import PresenceLease, StaffPresence
from api.live.publisher import Publisher
from api.live.seq_watch import SeqWatch
from api.live.typing import TypingThrottle
from api.rate_limit import RateLimiter
from core.clock import utc_now
from core.errors import DomainError, Unauthenticated
from core.settings import Settings


@dataclass(slots=True)
class Context:
    request: Request | WebSocket
    settings: Settings
    hub: Channels  # where subscriptions listen
    seq_watch: SeqWatch
    events: Publisher
    emails: EmailScheduler
    limits: RateLimiter
    revocations: Revocations
    known_users: KnownUsers
    attachment_cleanup: OrphanCleanup
    presence: StaffPresence
    typing: TypingThrottle
    principal: Principal | None = None
    auth_error: DomainError | None = None
    # Set by Strawberry from the graphql-transport-ws connection_init payload.
    connection_params: dict[str, Any] | None = None
    # A staff WebSocket: marks its staff member online while it is open.
    presence_lease: PresenceLease | None = None

    def caller(self) -> Principal:
        """The authenticated caller, or the reason there is none."""
        principal = self.principal
        if principal is None:
            raise self.auth_error or Unauthenticated("Authentication required.", reason="NO_TOKEN")
        if principal.expires_at is not None and principal.expires_at <= utc_now():
            # A WebSocket outlives its token: later operations on it must stop.
            raise Unauthenticated("Token expired.", reason="TOKEN_EXPIRED")
        # Also on a socket opened before a logout, key revocation or disabled account.
        self.revocations.check(principal)
        return principal

    @property
    def client_ip(self) -> str:
        client = self.request.client
        return client.host if client is not None else "unknown"


Info = StrawberryInfo[Context, None]

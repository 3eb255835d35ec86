"""The GraphQL endpoint: HTTP and graphql-transport-ws, authenticated per request / connection."""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from cross_web import HTTPException
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from api.auth.principal import Principal
from api.auth.tokens import authenticate
from api.schema import make_schema
from api.schema.context import Context
from api.web.frames import FrameEncoder
from api.web.graphql_http import error_response, negotiate
from api.web.socket_lifetime import SocketContext, SocketLifetime
from api.web.ws_protocol import CheckedTransportWSHandler
from core.errors import Unauthenticated, Unavailable
from core.metrics import OPEN_SOCKETS
from core.settings import Settings
from documents import DATABASE_ERROR

CONNECTION_INIT_TIMEOUT = timedelta(seconds=5)


def bearer_token(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, token = authorization.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else authorization


class GraphQLView(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = CheckedTransportWSHandler

    def __init__(self, settings: Settings) -> None:
        super().__init__(
            make_schema(settings),
            graphql_ide="graphiql" if settings.graphiql_enabled else None,
            subscription_protocols=[GRAPHQL_TRANSPORT_WS_PROTOCOL],
            connection_init_wait_timeout=CONNECTION_INIT_TIMEOUT,
            max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
            allowed_origins=settings.websocket_origins,
            # Uploads (GraphQL multipart requests): safe from cross-site forms because
            # every write needs a bearer token in the Authorization header. SECURITY.md.
            multipart_uploads_enabled=True,
        )
        self._frames = FrameEncoder()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            with OPEN_SOCKETS.track_inprogress():
                await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        try:
            response = negotiate(await self.run(request), request)
        except HTTPException as error:
            response = error_response(error, request)
        except StarletteHTTPException as error:  # a multipart body that does not parse
            response = error_response(HTTPException(error.status_code, error.detail), request)
        finally:
            await request.close()  # an upload's spooled temporary files go now
        await response(scope, receive, send)

    def encode_json(self, data: object) -> str:
        return self._frames.encode(data)

    def decode_json(self, data: str | bytes) -> object:
        """Only UTF-8 JSON objects; anything else is answered with 400, or 4400 on a socket."""
        text = data if isinstance(data, str) else data.decode(errors="replace")
        try:
            decoded = json.loads(data)
        except UnicodeDecodeError:
            raise json.JSONDecodeError("not UTF-8", text, 0) from None
        if not isinstance(decoded, dict):
            raise json.JSONDecodeError("expected a JSON object", text, 0)
        return decoded

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        state = request.state
        services: dict[str, Any] = {
            "request": request,
            "settings": state.settings,
            "events": state.events,
            "emails": state.emails,
            "limits": state.limits,
            "revocations": state.revocations,
            "known_users": state.known_users,
            "seq_watch": state.seq_watch,
            "attachment_cleanup": state.attachment_cleanup,
            "presence": state.presence,
            "typing": state.typing,
        }
        if isinstance(request, WebSocket):
            lifetime = SocketLifetime(request, state.revocations)
            hub = state.hub.for_socket(on_overflow=lifetime.slow_consumer)
            return SocketContext(**services, hub=hub, lifetime=lifetime)
        # A subscription over HTTP has no socket to close: an overflow only stops its events.
        context = Context(**services, hub=state.hub.for_socket(on_overflow=lambda: None))
        token = bearer_token(request.headers.get("authorization"))
        if token is not None:
            try:
                context.principal = await self._authenticate(token, context)
            except (Unauthenticated, Unavailable) as error:
                context.auth_error = error
        return context

    @staticmethod
    async def _authenticate(token: str, context: Context) -> Principal:
        try:
            return await authenticate(token, context.settings, context.known_users)
        except DATABASE_ERROR:
            raise Unavailable("The database is unavailable; try again shortly.") from None

    async def on_ws_connect(self, context: Context) -> dict[str, Any] | None:
        """Resolve connection_init's token once; a missing or bad one closes with 4403."""
        params = context.connection_params or {}
        # GraphiQL sends the headers of its editor as the payload instead.
        authorization = params.get("Authorization") or params.get("authorization")
        token = params.get("token") or (
            bearer_token(authorization) if isinstance(authorization, str) else None
        )
        if not isinstance(token, str) or not token:
            raise ConnectionRejectionError({"reason": "NO_TOKEN"})
        try:
            context.principal = await self._authenticate(token, context)
        except (Unauthenticated, Unavailable) as error:
            raise ConnectionRejectionError({"reason": error.details.get("reason")}) from None
        if context.principal.is_staff:
            context.presence_lease = await context.presence.hold(context.principal.id)
        if isinstance(context, SocketContext):
            context.lifetime.authenticated(context.principal)
        return None

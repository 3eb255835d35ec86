"""The ASGI application: `create_app(settings)`."""

from __future__ import annotations

import gc
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from prometheus_client import multiprocess
from redis.asyncio import BlockingConnectionPool, Redis
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import BaseRoute, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from api.attachments.cleanup import OrphanCleanup
from api.auth.known_users import KnownUsers
from api.auth.revocation import Revocations
from api.jobs import EmailScheduler
from api.live.hub import Hub
from api.live.presence import StaffPresence
from api.live.publisher import Publisher
from api.live.seq_watch import SeqWatch
from api.live.typing import TypingThrottle
from api.pages.demo import demo_page, demo_token
from api.pages.dev_mail import dev_mail
from api.pages.dev_tasks import dev_tasks
from api.pages.files import attachment_file, attachment_thumbnail
from api.pages.health import livez, readyz
from api.pages.metrics import metrics
from api.pages.unsubscribe import unsubscribe
from api.rate_limit import RateLimiter
from api.web.body_limit import UPLOAD_OVERHEAD_BYTES, BodyLimit
from api.web.graphql_view import GraphQLView
from api.web.request_ids import RequestIds
from api.web.static import client_routes
from core.settings import Settings, load_settings
from documents import chats, connect, init_db
from documents.counters import database_epoch

REDIS_CONNECTIONS = 64  # past this a command waits for a free connection, up to 5 s


def redis_client(url: str) -> Redis:
    """The process's Redis client. redis-py's default pool fails a command outright once
    100 are in flight, as in a reconnect storm; this one makes it wait its turn."""
    pool = BlockingConnectionPool.from_url(
        url,
        max_connections=REDIS_CONNECTIONS,
        timeout=5,
        socket_connect_timeout=2,
        socket_timeout=5,
    )
    return Redis.from_pool(pool)


GRAPHQL_PATH = "/graphql"


class GraphQLSocketsFirst:
    """WebSockets on /graphql go straight to the GraphQL view; all else goes through Starlette.

    An open socket keeps every layer it passed through suspended until it closes. Starlette's
    middleware and routing (nine layers, about 2.5 kB a socket) do nothing for these
    sockets; only the request id is theirs too.
    """

    def __init__(self, app: Starlette, graphql: ASGIApp) -> None:
        self.app = app
        self._graphql_sockets = RequestIds(graphql)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket" and scope["path"] == GRAPHQL_PATH:
            await self._graphql_sockets(scope, receive, send)
        else:
            await self.app(scope, receive, send)


def create_app(settings: Settings) -> GraphQLSocketsFirst:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        mongo = connect(
            settings.mongodb_url,
            timeout_ms=settings.mongodb_timeout_ms,
            command_log_dir=settings.mongodb_command_log_dir,
        )
        redis = redis_client(settings.redis_url)
        hub = Hub(redis, settings.subscriber_queue_limit)
        seq_watch = SeqWatch(settings.live_check_seconds)
        events = Publisher(hub, drop_messages=settings.is_dev and settings.dev_drop_message_events)
        revocations = Revocations(redis)
        emails = EmailScheduler.from_settings(settings)
        attachment_cleanup = OrphanCleanup.from_settings(settings)
        try:
            await init_db(mongo, settings.mongodb_db)
            await chats.flag_chats_stored_before_unread_by_staff()
            known_users = KnownUsers(redis, await database_epoch())
            await hub.start()
            await revocations.start()
            seq_watch.start()
            # What start-up built lives forever: keep it out of every later collection.
            gc.freeze()
            yield {
                "settings": settings,
                "mongo": mongo,
                "redis": redis,
                "hub": hub,
                "seq_watch": seq_watch,
                "events": events,
                "emails": emails,
                "limits": RateLimiter(redis, settings.rate_window_seconds),
                "revocations": revocations,
                "known_users": known_users,
                "attachment_cleanup": attachment_cleanup,
                "presence": StaffPresence(redis, settings.presence_ttl_seconds),
                "typing": TypingThrottle(redis),
            }
        finally:
            await seq_watch.close()
            await revocations.close()
            await events.close()
            await hub.close()
            await redis.aclose()
            emails.close()
            attachment_cleanup.close()
            await mongo.close()
            if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
                # This process's gauges stop counting.
                multiprocess.mark_process_dead(os.getpid())  # type: ignore[no-untyped-call]

    graphql = GraphQLView(settings)
    routes: list[BaseRoute] = [
        Route("/livez", livez),
        Route("/readyz", readyz),
        Route("/healthz", readyz),
        Route("/metrics", metrics),
        Route(GRAPHQL_PATH, graphql, methods=["GET", "POST"]),
        Route("/unsubscribe", unsubscribe, methods=["GET", "POST"]),
        Route("/files/{attachment_id}", attachment_file),
        Route("/files/{attachment_id}/thumbnail", attachment_thumbnail),
        *client_routes(),
    ]
    if settings.is_dev:
        routes += [
            Route("/demo", demo_page),
            Route("/demo/token", demo_token),
            Route("/dev/mail", dev_mail),
            Route("/dev/tasks", dev_tasks),
        ]
    middleware = [
        Middleware(RequestIds),
        Middleware(
            BodyLimit,
            max_bytes=settings.max_body_bytes,
            max_upload_bytes=settings.attachment_max_bytes + UPLOAD_OVERHEAD_BYTES,
        ),
        Middleware(
            CORSMiddleware,
            allow_origins=settings.websocket_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type"],
            max_age=600,
        ),
    ]
    return GraphQLSocketsFirst(
        Starlette(routes=routes, middleware=middleware, lifespan=lifespan), graphql
    )


def app_from_environment() -> GraphQLSocketsFirst:
    """The uvicorn factory: `uvicorn --factory api.web.app:app_from_environment`."""
    return create_app(load_settings())

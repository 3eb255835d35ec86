"""The ASGI application: `create_app(settings)`."""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from redis.asyncio import Redis
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.routing import BaseRoute, Route, WebSocketRoute

from api.auth.revocation import Revocations
from api.jobs import EmailScheduler
from api.live.hub import Hub
from api.live.presence import StaffPresence
from api.live.publisher import Publisher
from api.live.typing import TypingThrottle
from api.pages.demo import demo_page, demo_token
from api.pages.dev_mail import dev_mail
from api.pages.health import healthz
from api.pages.unsubscribe import unsubscribe
from api.rate_limit import RateLimiter
from api.web.body_limit import BodyLimit
from api.web.graphql_view import GraphQLView
from api.web.static import client_routes
from core.settings import Settings, load_settings
from documents import chats, connect, init_db


def create_app(settings: Settings) -> Starlette:
    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[dict[str, Any]]:
        mongo = connect(settings.mongodb_url, timeout_ms=settings.mongodb_timeout_ms)
        redis = Redis.from_url(settings.redis_url, socket_connect_timeout=2, socket_timeout=5)
        hub = Hub(redis)
        emails = EmailScheduler.from_settings(settings)
        try:
            await init_db(mongo, settings.mongodb_db)
            await chats.flag_chats_stored_before_unread_by_staff()
            await hub.start()
            # What start-up built lives forever: keep it out of every later collection.
            gc.freeze()
            yield {
                "settings": settings,
                "mongo": mongo,
                "redis": redis,
                "hub": hub,
                "events": Publisher(hub),
                "emails": emails,
                "limits": RateLimiter(redis, settings.rate_window_seconds),
                "revocations": Revocations(redis),
                "presence": StaffPresence(redis, settings.presence_ttl_seconds),
                "typing": TypingThrottle(redis),
            }
        finally:
            await hub.close()
            await redis.aclose()
            emails.close()
            await mongo.close()

    graphql = GraphQLView(settings)
    routes: list[BaseRoute] = [
        Route("/healthz", healthz),
        Route("/graphql", graphql, methods=["GET", "POST"]),
        WebSocketRoute("/graphql", graphql),
        Route("/unsubscribe", unsubscribe, methods=["GET", "POST"]),
        *client_routes(),
    ]
    if settings.is_dev:
        routes += [
            Route("/demo", demo_page),
            Route("/demo/token", demo_token),
            Route("/dev/mail", dev_mail),
        ]
    middleware = [
        Middleware(BodyLimit, max_bytes=settings.max_body_bytes),
        Middleware(
            CORSMiddleware,
            allow_origins=settings.websocket_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type"],
            max_age=600,
        ),
    ]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)


def app_from_environment() -> Starlette:
    """The uvicorn factory: `uvicorn --factory api.web.app:app_from_environment`."""
    return create_app(load_settings())

"""The Dramatiq broker, configured in this one place for the worker."""

from __future__ import annotations

from typing import Any

import dramatiq
from dramatiq.asyncio import get_event_loop_thread
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AsyncIO, CurrentMessage, Middleware

from core.jobs import redis_broker
from core.settings import Settings
from documents import connect, init_db


class Database(Middleware):
    """Opens the MongoDB client on the worker's event loop once the worker boots."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings

    def after_worker_boot(self, broker: dramatiq.Broker, worker: Any) -> None:
        loop_thread = get_event_loop_thread()
        assert loop_thread is not None, "the AsyncIO middleware must come first"
        settings = self.settings
        client = connect(
            settings.mongodb_url,
            timeout_ms=settings.mongodb_timeout_ms,
            command_log_dir=settings.mongodb_command_log_dir,
        )
        loop_thread.run_coroutine(init_db(client, settings.mongodb_db))


def setup_broker(settings: Settings) -> RedisBroker:
    """The worker's broker: async actors, the current message, and the database."""
    broker = redis_broker(settings)
    broker.add_middleware(AsyncIO())
    broker.add_middleware(CurrentMessage())
    broker.add_middleware(Database(settings))
    dramatiq.set_broker(broker)
    return broker

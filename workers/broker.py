"""The Dramatiq broker, configured in this one place for the worker."""

from __future__ import annotations

from typing import Any

import dramatiq
from dramatiq.asyncio import EventLoopThread, get_event_loop_thread, set_event_loop_thread
from dramatiq.brokers.redis import RedisBroker
from dramatiq.middleware import AsyncIO, CurrentMessage, Middleware

from core.jobs import redis_broker
from core.settings import Settings
from documents import connect, init_db

REDIS_TIMEOUT_SECONDS = 1.0


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


class DaemonLoopAsyncIO(AsyncIO):
    """Dramatiq's AsyncIO middleware, whose event loop thread cannot keep a stopping worker alive.

    A worker process that gets SIGTERM twice (from systemd, which signals every process,
    and again from the dramatiq master, which forwards it) exits at once, before
    `after_worker_shutdown` stops the loop; so does one whose shutdown raises because Redis
    is gone. Dramatiq's loop thread is not a daemon, so the process then never exits.
    """

    def before_worker_boot(self, broker: dramatiq.Broker, worker: Any) -> None:
        loop_thread = EventLoopThread(self.logger)
        loop_thread.daemon = True
        loop_thread.start(timeout=1.0)
        set_event_loop_thread(loop_thread)


def setup_broker(settings: Settings) -> RedisBroker:
    """The worker's broker: async actors, the current message, and the database."""
    # The broker's commands are short Lua scripts: no answer within a second means Redis
    # is gone, and redis-py's default of 5 s per command only delays a stopping worker.
    broker = redis_broker(
        settings,
        socket_timeout=REDIS_TIMEOUT_SECONDS,
        socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
    )
    broker.add_middleware(DaemonLoopAsyncIO())
    broker.add_middleware(CurrentMessage())
    broker.add_middleware(Database(settings))
    dramatiq.set_broker(broker)
    return broker

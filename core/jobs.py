"""The job queue the API and the worker share, so neither imports the other."""

from __future__ import annotations

from typing import Any

from dramatiq.brokers.redis import RedisBroker
from redis import Redis

from core.settings import Settings

EMAIL_QUEUE = "emails"
UNREAD_REPLY_ACTOR = "send_unread_reply_email"
ATTACHMENTS_QUEUE = "attachments"
ORPHAN_ATTACHMENT_ACTOR = "delete_orphan_attachment"


def redis_broker(settings: Settings, **redis_options: Any) -> RedisBroker:
    """A broker on REDIS_URL; enough for enqueueing, and the worker's base."""
    return RedisBroker(  # type: ignore[no-untyped-call]
        client=Redis.from_url(settings.redis_url, **redis_options),
        heartbeat_timeout=settings.worker_heartbeat_ms,
        maintenance_chance=settings.worker_maintenance_chance,
    )

"""The actors the worker runs: `support-chat worker`, which runs `dramatiq workers.actors`
with the options that make it stop within 5 s of SIGTERM.

Importing this module configures Dramatiq's broker from the environment, as
the Dramatiq CLI expects of the module it is given.
"""

from __future__ import annotations

import logging
import logging.config
from uuid import UUID

import dramatiq
from dramatiq.middleware import CurrentMessage

from core.jobs import ATTACHMENTS_QUEUE, EMAIL_QUEUE, ORPHAN_ATTACHMENT_ACTOR, UNREAD_REPLY_ACTOR
from core.logs import logging_config
from core.metrics import JOBS_RETRIED
from core.settings import load_settings
from workers import orphan_attachments, unread_reply
from workers.broker import setup_broker

logger = logging.getLogger(__name__)

settings = load_settings()
if settings.log_as_json:  # dev keeps Dramatiq's readable lines
    logging.config.dictConfig(logging_config(settings))
broker = setup_broker(settings)

MAX_RETRIES = 8


@dramatiq.actor(
    actor_name=UNREAD_REPLY_ACTOR,
    queue_name=EMAIL_QUEUE,
    max_retries=MAX_RETRIES,
    min_backoff=1_000,
    max_backoff=60_000,
)
async def send_unread_reply_email(message_id: str) -> None:
    job = CurrentMessage.get_current_message()
    retries = job.options.get("retries", 0) if job is not None else 0
    last_attempt = retries >= MAX_RETRIES
    try:
        outcome = await unread_reply.deliver(UUID(message_id), settings, last_attempt=last_attempt)
    except Exception:
        if not last_attempt:
            JOBS_RETRIED.labels(actor=UNREAD_REPLY_ACTOR).inc()
        raise
    logger.info("unread-reply email for %s: %s", message_id, outcome)


@dramatiq.actor(
    actor_name=ORPHAN_ATTACHMENT_ACTOR,
    queue_name=ATTACHMENTS_QUEUE,
    max_retries=MAX_RETRIES,
    min_backoff=1_000,
    max_backoff=60_000,
)
async def delete_orphan_attachment(attachment_id: str) -> None:
    outcome = await orphan_attachments.delete_if_unsent(UUID(attachment_id))
    logger.info("orphan attachment %s: %s", attachment_id, outcome)

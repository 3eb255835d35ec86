"""Email a user about a staff reply they have not read: at most one email per reply burst.

The job runs under at-least-once delivery, so each step is a conditional
single-document write that a duplicate or retried job cannot repeat:

1. claim the chat: move its `last_email_at` past this reply, unless an email
   already covers it (three quick replies: the first job claims, the others stop);
2. record the delivery owed for this reply (`EmailDelivery`, id = message id);
3. take the delivery's lease, so two copies of the job cannot send at once;
4. send over SMTP, then mark it sent. A failed send gives the lease back and
   raises, so Dramatiq retries with backoff; the last failure is recorded.
"""

from __future__ import annotations

import asyncio
import logging
from uuid import UUID

from core.metrics import EMAILS
from core.settings import Settings
from core.unsubscribe_link import unsubscribe_url
from documents import DeliveryStatus, SenderType, chats, email_deliveries, messages, users
from workers.smtp import SmtpServer
from workers.unread_reply_email import unread_reply_email

logger = logging.getLogger(__name__)

DONE = (DeliveryStatus.SENT, DeliveryStatus.FAILED)


async def deliver(message_id: UUID, settings: Settings, *, last_attempt: bool) -> str:
    """Send the email if it is still owed; return what happened, for the log."""
    message = await messages.message_by_id(message_id)
    if message is None or message.sender_type is not SenderType.ADMIN:
        return "skipped: not a staff message"
    delivery = await email_deliveries.delivery_of(message_id)
    if delivery is not None and delivery.status in DONE:
        return f"skipped: already {delivery.status.value}"
    if message.read_at is not None:
        return "skipped: already read"
    chat = await chats.chat_by_id(message.chat_id)
    if chat is None or chat.archived:
        return "skipped: chat archived"
    user = await users.user_by_id(chat.user_id)
    if user is None or user.email_opt_out:
        return "skipped: user opted out"
    if delivery is None and not await email_deliveries.claim_chat(message):
        return "skipped: an earlier email covers this reply"
    await email_deliveries.record_owed(message)
    if not await email_deliveries.take_lease(message.id):
        return "skipped: another worker is sending it"

    unread = await email_deliveries.unread_staff_replies(chat.id)
    newest = unread[0] if unread else message
    email = unread_reply_email(
        settings,
        to=user.email,
        name=user.name,
        reply=newest.content,
        unread=len(unread),
        unsubscribe=unsubscribe_url(settings, user.id),
        attachment_types=[attachment.content_type for attachment in newest.attachments],
    )
    server = SmtpServer.from_url(settings.smtp_url)
    try:
        await asyncio.to_thread(server.send, email)
    except Exception as error:
        EMAILS.labels(outcome="failed").inc()
        problem = server.describe(error)
        await email_deliveries.release(message.id, problem, failed=last_attempt)
        if last_attempt:
            logger.error("gave up emailing %s about reply %s: %s", user.email, message.id, problem)
            return "failed"
        raise
    EMAILS.labels(outcome="sent").inc()
    await email_deliveries.finish(message.id, user.email)
    return "sent"

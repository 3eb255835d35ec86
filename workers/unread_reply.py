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
from datetime import timedelta
from uuid import UUID

from beanie import SortDirection
from pymongo import ReturnDocument

from api.settings import Settings
from api.unsubscribe import unsubscribe_url
from documents import Chat, DeliveryStatus, EmailDelivery, Message, SenderType, User
from documents._time import utc_now
from documents._upsert import upsert_one
from workers.smtp import SmtpServer
from workers.unread_reply_email import unread_reply_email

logger = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
DONE = (DeliveryStatus.SENT, DeliveryStatus.FAILED)


async def deliver(message_id: UUID, settings: Settings, *, last_attempt: bool) -> str:
    """Send the email if it is still owed; return what happened, for the log."""
    message = await Message.get(message_id)
    if message is None or message.sender_type is not SenderType.ADMIN:
        return "skipped: not a staff message"
    delivery = await EmailDelivery.get(message_id)
    if delivery is not None and delivery.status in DONE:
        return f"skipped: already {delivery.status.value}"
    if message.read_at is not None:
        return "skipped: already read"
    chat = await Chat.get(message.chat_id)
    if chat is None or chat.archived:
        return "skipped: chat archived"
    user = await User.get(chat.user_id)
    if user is None or user.email_opt_out:
        return "skipped: user opted out"
    if delivery is None and not await _claim_chat(message):
        return "skipped: an earlier email covers this reply"
    await upsert_one(
        EmailDelivery.get_pymongo_collection(),
        {"_id": message.id},
        {"$setOnInsert": {"chat_id": chat.id, "status": DeliveryStatus.CLAIMED.value,
                          "attempts": 0, "created_at": utc_now()}},
    )  # fmt: skip
    if not await _take_lease(message.id):
        return "skipped: another worker is sending it"

    unread = (
        await Message.find(
            {"chat_id": chat.id, "sender_type": SenderType.ADMIN.value, "read_at": None}
        )
        .sort([("created_at", SortDirection.DESCENDING)])
        .to_list()
    )
    newest = unread[0] if unread else message
    email = unread_reply_email(
        settings,
        to=user.email,
        name=user.name,
        reply=newest.content,
        unread=len(unread),
        unsubscribe=unsubscribe_url(settings, user.id),
    )
    try:
        await asyncio.to_thread(SmtpServer.from_url(settings.smtp_url).send, email)
    except Exception as error:
        await _release(message.id, error, failed=last_attempt)
        if last_attempt:
            logger.error("gave up emailing %s about reply %s: %s", user.email, message.id, error)
            return "failed"
        raise
    await _finish(message.id, user.email)
    return "sent"


async def _claim_chat(message: Message) -> bool:
    """Move the chat's email mark past this reply, unless an email already covers it."""
    claimed = await Chat.get_pymongo_collection().find_one_and_update(
        {
            "_id": message.chat_id,
            "$or": [
                {"last_email_at": None},
                {"last_email_at": {"$lt": message.created_at}},
                {"last_email_message_id": message.id},  # our own earlier, interrupted claim
            ],
        },
        {"$set": {"last_email_at": utc_now(), "last_email_message_id": message.id}},
        return_document=ReturnDocument.AFTER,
    )
    return claimed is not None


async def _take_lease(message_id: UUID) -> bool:
    now = utc_now()
    leased = await EmailDelivery.get_pymongo_collection().find_one_and_update(
        {
            "_id": message_id,
            "$or": [
                {"status": DeliveryStatus.CLAIMED.value},
                # A worker died while sending: whether SMTP took it is unknown; send again.
                {"status": DeliveryStatus.SENDING.value, "lease_until": {"$lt": now}},
            ],
        },
        {"$set": {"status": DeliveryStatus.SENDING.value, "lease_until": now + LEASE},
         "$inc": {"attempts": 1}},
    )  # fmt: skip
    return leased is not None


async def _release(message_id: UUID, error: Exception, *, failed: bool) -> None:
    status = DeliveryStatus.FAILED if failed else DeliveryStatus.CLAIMED
    await EmailDelivery.get_pymongo_collection().update_one(
        {"_id": message_id},
        {"$set": {"status": status.value, "lease_until": None, "error": repr(error)}},
    )


async def _finish(message_id: UUID, recipient: str) -> None:
    await EmailDelivery.get_pymongo_collection().update_one(
        {"_id": message_id},
        {"$set": {"status": DeliveryStatus.SENT.value, "sent_at": utc_now(),
                  "recipient": recipient, "lease_until": None, "error": None}},
    )  # fmt: skip

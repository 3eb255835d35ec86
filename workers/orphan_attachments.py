"""Uploads no message took in time (ATTACHMENT_ORPHAN_SECONDS) are deleted, bytes and all.

Run once per upload, at the end of its grace time. Idempotent: a second run
finds nothing left; a sent attachment is never touched (`documents.attachments`).
"""

from __future__ import annotations

from uuid import UUID

from documents import attachments


async def delete_if_unsent(attachment_id: UUID) -> str:
    """What happened, for the log: "deleted", or why it was kept."""
    return await attachments.delete_if_unsent(attachment_id)

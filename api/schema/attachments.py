"""Attachments at the GraphQL edge: the type, its signed links, and the upload."""

from __future__ import annotations

from datetime import datetime
from typing import Self
from uuid import uuid4

import strawberry
from starlette.datastructures import UploadFile
from strawberry import ID
from strawberry.file_uploads import Upload

from api.attachments.uploads import check_upload
from api.attachments.urls import links
from api.schema.access import accessible_chat
from api.schema.context import Info
from core.clock import utc_now
from core.errors import BadUserInput
from documents import Attachment as AttachmentDocument
from documents import AttachmentRef, attachments


@strawberry.type(description="A file sent with a message; its links are signed and expire.")
class Attachment:
    id: ID
    filename: str
    content_type: str
    size: int
    width: int | None
    height: int | None
    url: str
    thumbnail_url: str | None
    url_expires_at: datetime

    @classmethod
    def from_ref(cls, ref: AttachmentRef, info: Info) -> Self:
        signed = links(
            info.context.settings,
            public_base_url(info),
            ref.id,
            thumbnail=ref.has_thumbnail,
            now=utc_now(),
        )
        return cls(
            id=ID(str(ref.id)),
            filename=ref.filename,
            content_type=ref.content_type,
            size=ref.size,
            width=ref.width,
            height=ref.height,
            url=signed.url,
            thumbnail_url=signed.thumbnail_url,
            url_expires_at=signed.expires_at,
        )


def public_base_url(info: Info) -> str:
    """Where the caller reached this API: links work from any page that embeds the widget."""
    base = str(info.context.request.base_url)
    if base.startswith("ws"):  # a subscription: its socket's address, over HTTP
        base = "http" + base.removeprefix("ws")
    return base


async def upload_attachment(info: Info, file: Upload, chat_id: ID | None) -> Attachment:
    context = info.context
    caller = context.caller()
    await context.limits.hit(f"upload:user:{caller.id}", context.settings.rate_upload_per_user)
    chat = await accessible_chat(info, chat_id)
    if not isinstance(file, UploadFile):  # a JSON value in the variable, not a file part
        raise BadUserInput("file must be a file part of a multipart request.", field="file")
    checked = await check_upload(file, context.settings)
    document = AttachmentDocument(
        id=uuid4(),
        chat_id=chat.id,
        uploader_id=caller.id,
        filename=checked.filename,
        content_type=checked.content_type,
        size=len(checked.content),
        width=checked.width,
        height=checked.height,
        thumbnail_content_type=checked.thumbnail_type,
    )
    await context.attachment_cleanup.schedule(document.id)
    stored = await attachments.store(document, checked.content, checked.thumbnail)
    return Attachment.from_ref(stored.ref(), info)

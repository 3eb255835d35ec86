"""One uploaded file checked and made safe: size, type from the bytes, images re-encoded."""

from __future__ import annotations

import asyncio
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath
from typing import Protocol

from api.attachments.images import clean_image
from api.attachments.sniff import EXTENSIONS, TEXT, sniff
from core.errors import BadUserInput, PayloadTooLarge, UnsupportedMediaType
from core.settings import Settings

READ_CHUNK = 64 * 1024
MAX_FILENAME_LENGTH = 120


class UploadedFile(Protocol):
    filename: str | None

    async def read(self, size: int = -1) -> bytes: ...


@dataclass(frozen=True, slots=True)
class CheckedFile:
    filename: str
    content_type: str
    content: bytes
    width: int | None = None
    height: int | None = None
    thumbnail: bytes | None = None
    thumbnail_type: str | None = None


async def check_upload(upload: UploadedFile, settings: Settings) -> CheckedFile:
    data = await read_at_most(upload, settings.attachment_max_bytes)
    if not data:
        raise BadUserInput("The file is empty.", field="file")
    media_type = sniff(data)
    if media_type is None or media_type not in settings.attachment_types:
        raise UnsupportedMediaType(
            "This kind of file cannot be sent; allowed: "
            + ", ".join(settings.attachment_types)
            + ".",
            allowed=settings.attachment_types,
        )
    filename = safe_filename(upload.filename, media_type)
    if not media_type.startswith("image/"):
        content_type = f"{TEXT}; charset=utf-8" if media_type == TEXT else media_type
        return CheckedFile(filename, content_type, data)
    image = await asyncio.to_thread(clean_image, data, media_type, settings.attachment_max_pixels)
    return CheckedFile(
        filename,
        media_type,
        image.content,
        width=image.width,
        height=image.height,
        thumbnail=image.thumbnail,
        thumbnail_type=image.thumbnail_type,
    )


async def read_at_most(upload: UploadedFile, limit: int) -> bytes:
    """The whole file, refused as soon as it passes `limit` bytes."""
    chunks: list[bytes] = []
    size = 0
    while chunk := await upload.read(READ_CHUNK):
        size += len(chunk)
        if size > limit:
            raise PayloadTooLarge(f"The file is larger than {limit} bytes.", maxBytes=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def safe_filename(given: str | None, media_type: str) -> str:
    """The client's name without any path, control characters or misleading extension."""
    name = PureWindowsPath(PurePosixPath(given or "").name).name
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    extension = EXTENSIONS[media_type]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    stem = stem[: MAX_FILENAME_LENGTH - len(extension)] or "file"
    return stem + extension

"""What a file is, from its bytes alone: the client's name and type are not asked."""

from __future__ import annotations

import re

PDF = "application/pdf"
TEXT = "text/plain"

SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
    (b"%PDF-", PDF),
)
EXTENSIONS = {
    "image/png": ".png",
    "image/jpeg": ".jpg",
    "image/gif": ".gif",
    "image/webp": ".webp",
    PDF: ".pdf",
    TEXT: ".txt",
}
# Markup a browser could be talked into rendering: HTML, SVG, XML.
MARKUP = re.compile(rb"<\s*(!doctype|html|svg|script|\?xml|body|head|iframe)", re.IGNORECASE)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def sniff(data: bytes) -> str | None:
    """The media type the content is, or None for anything we do not take."""
    for signature, media_type in SIGNATURES:
        if data.startswith(signature):
            return media_type
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return TEXT if _is_plain_text(data) else None


def _is_plain_text(data: bytes) -> bool:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    head = text.lstrip("\ufeff \t\r\n")
    return not (CONTROL.search(text) or head.startswith("<") or MARKUP.search(data[:4096]))

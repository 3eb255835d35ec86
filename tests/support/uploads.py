"""Uploads as a client sends them (GraphQL multipart request spec), and files to upload."""

from __future__ import annotations

import io
import json
from typing import Any

import httpx
from PIL import Image

ATTACHMENT_FIELDS = "id filename contentType size width height url thumbnailUrl urlExpiresAt"
UPLOAD = f"""
mutation($file: Upload!, $chatId: ID) {{
  uploadAttachment(file: $file, chatId: $chatId) {{ {ATTACHMENT_FIELDS} }} }}"""
SEND_WITH_ATTACHMENTS = f"""
mutation($content: String!, $chatId: ID, $clientId: String, $attachmentIds: [ID!]) {{
  sendMessage(content: $content, chatId: $chatId, clientId: $clientId,
              attachmentIds: $attachmentIds) {{
    id content attachments {{ {ATTACHMENT_FIELDS} }} }} }}"""


def upload(
    url: str,
    token: str | None,
    filename: str,
    data: bytes,
    *,
    chat_id: str | None = None,
    content_type: str = "application/octet-stream",
) -> httpx.Response:
    operations = {"query": UPLOAD, "variables": {"file": None, "chatId": chat_id}}
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    return httpx.post(
        f"{url}/graphql",
        data={"operations": json.dumps(operations), "map": json.dumps({"0": ["variables.file"]})},
        files={"0": (filename, data, content_type)},
        headers=headers,
        timeout=30,
    )


def uploaded(url: str, token: str, filename: str, data: bytes, **options: Any) -> dict[str, Any]:
    """The Attachment of an upload that must succeed."""
    result = upload(url, token, filename, data, **options).json()
    assert not result.get("errors"), result["errors"]
    attachment: dict[str, Any] = result["data"]["uploadAttachment"]
    return attachment


def upload_error(url: str, token: str, filename: str, data: bytes) -> dict[str, Any]:
    """The extensions of the error of an upload that must fail."""
    result = upload(url, token, filename, data).json()
    assert result.get("errors"), f"expected an error, got {result}"
    extensions: dict[str, Any] = result["errors"][0]["extensions"]
    return extensions


def image_bytes(image_format: str = "PNG", size: tuple[int, int] = (40, 30), **save: Any) -> bytes:
    image = Image.new("RGB", size, (200, 30, 30))
    output = io.BytesIO()
    image.save(output, format=image_format, **save)
    return output.getvalue()

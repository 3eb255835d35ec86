"""GET an attachment's bytes through a signed link: checked every time, never rendered as a page.

`/files/<id>` is the file, `/files/<id>/thumbnail` its thumbnail. Images show
inline, everything else downloads; the sandboxing CSP and `nosniff` keep any
content from running as this site. Single byte ranges are served (206).
"""

from __future__ import annotations

import re
from urllib.parse import quote
from uuid import UUID

from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response, StreamingResponse

from api.attachments.urls import verify
from core.clock import utc_now
from core.settings import Settings
from documents import attachments

SAFETY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Referrer-Policy": "no-referrer",
    "Accept-Ranges": "bytes",
}
RANGE = re.compile(r"bytes=(\d*)-(\d*)")


async def attachment_file(request: Request) -> Response:
    return await _serve(request, thumbnail=False)


async def attachment_thumbnail(request: Request) -> Response:
    return await _serve(request, thumbnail=True)


async def _serve(request: Request, *, thumbnail: bool) -> Response:
    settings: Settings = request.state.settings
    try:
        attachment_id = UUID(request.path_params["attachment_id"])
    except ValueError:
        return _refuse(404, "No such file.")
    now = utc_now()
    problem = verify(
        settings,
        attachment_id,
        "thumbnail" if thumbnail else "file",
        request.query_params.get("expires", ""),
        request.query_params.get("signature", ""),
        now,
    )
    if problem is not None:
        return _refuse(403, f"This link is not valid ({problem}); reload the chat for a new one.")
    attachment = await attachments.attachment_by_id(attachment_id)
    stored = await attachments.stored_bytes(attachment_id, thumbnail=thumbnail)
    if attachment is None or stored is None:
        return _refuse(404, "No such file.")
    content_type = (
        attachment.thumbnail_content_type if thumbnail else attachment.content_type
    ) or "application/octet-stream"
    remaining = int(request.query_params["expires"]) - int(now.timestamp())
    headers = {
        **SAFETY_HEADERS,
        "Content-Disposition": _disposition(attachment.filename, content_type),
        "Cache-Control": f"private, max-age={max(remaining, 0)}",
        "ETag": f'"{attachment_id}-{int(thumbnail)}"',
    }
    start, end = 0, stored.length - 1
    status = 200
    wanted = request.headers.get("range")
    if wanted is not None and (matched := RANGE.fullmatch(wanted.strip())) is not None:
        byte_range = _satisfiable(matched.group(1), matched.group(2), stored.length)
        if byte_range is None:
            return _refuse(
                416, "Range not satisfiable.", {"Content-Range": f"bytes */{stored.length}"}
            )
        start, end = byte_range
        status = 206
        headers["Content-Range"] = f"bytes {start}-{end}/{stored.length}"
    headers["Content-Length"] = str(end - start + 1)
    return StreamingResponse(
        stored.read(start, end), status_code=status, headers=headers, media_type=content_type
    )


def _satisfiable(first: str, last: str, length: int) -> tuple[int, int] | None:
    """A `bytes=first-last` range as inclusive offsets, or None when none of it exists."""
    if not first and not last:
        return None
    if not first:  # the last N bytes
        suffix = int(last)
        return (max(length - suffix, 0), length - 1) if suffix > 0 and length > 0 else None
    start = int(first)
    end = min(int(last), length - 1) if last else length - 1
    return (start, end) if start <= end else None


def _disposition(filename: str, content_type: str) -> str:
    kind = "inline" if content_type.startswith("image/") else "attachment"
    fallback = filename.encode("ascii", "replace").decode().replace('"', "_").replace("?", "_")
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename)}"


def _refuse(status: int, text: str, extra: dict[str, str] | None = None) -> Response:
    headers = {**SAFETY_HEADERS, "Cache-Control": "no-store", **(extra or {})}
    return PlainTextResponse(text, status_code=status, headers=headers)

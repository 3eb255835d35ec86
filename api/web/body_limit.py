"""Refuse request bodies over MAX_BODY_BYTES with 413, before reading them whole.

An upload (a multipart request to /graphql) may carry one attachment: up to
ATTACHMENT_MAX_BYTES plus the multipart envelope, counted the same way.
"""

from __future__ import annotations

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

UPLOAD_PATH = "/graphql"
UPLOAD_OVERHEAD_BYTES = 64 * 1024  # the operations and map fields, part headers, boundaries


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    def __init__(self, app: ASGIApp, max_bytes: int, max_upload_bytes: int | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.max_upload_bytes = max_upload_bytes or max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        limit = self.max_upload_bytes if _is_upload(scope, headers) else self.max_bytes
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await self._refuse(limit, scope, receive, send)
            return
        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > limit:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting_receive, send)
        except BodyTooLarge:
            await self._refuse(limit, scope, receive, send)

    async def _refuse(self, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        error = {
            "message": f"Request body over {limit} bytes.",
            "extensions": {"code": "PAYLOAD_TOO_LARGE"},
        }
        await JSONResponse({"errors": [error]}, status_code=413)(scope, receive, send)


def _is_upload(scope: Scope, headers: dict[bytes, bytes]) -> bool:
    content_type = headers.get(b"content-type", b"").split(b";")[0].strip().lower()
    return (
        scope["method"] == "POST"
        and scope["path"] == UPLOAD_PATH
        and content_type == b"multipart/form-data"
    )

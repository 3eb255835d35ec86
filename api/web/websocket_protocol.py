"""uvicorn's WebSocket protocol (websockets, sans-I/O) as this API runs it: two changes.

- A stopping server says 1001 "going away". uvicorn tells every open WebSocket 1012
  (service restart) when its process stops. A process that stops for a deploy or a
  scale-down is going away: its clients reconnect, to another process if there is one,
  and resume where they were (`afterSeq`).
- An idle socket holds little: its inbox and its "writable" flag are the slim ones of
  `core.slim_async` (asyncio's cost 4 kB per socket), and the handshake's request and
  response are let go once it is done.
"""

from __future__ import annotations

from typing import Any

from uvicorn._types import ASGISendEvent
from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

from core.slim_async import SlimEvent, SlimQueue

GOING_AWAY = 1001


class WebSocketProtocol(WebSocketsSansIOProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.queue = SlimQueue()  # type: ignore[assignment]
        self.writable = SlimEvent()  # type: ignore[assignment]
        self.writable.set()

    async def send(self, message: ASGISendEvent) -> None:
        await super().send(message)
        if message["type"] == "websocket.accept" and self.handshake_complete:
            del self.request, self.response

    def shutdown(self) -> None:
        if self.close_sent or not self.handshake_complete:
            super().shutdown()
            return
        self.stop_keepalive()
        self.queue.put_nowait({"type": "websocket.disconnect", "code": GOING_AWAY})
        self.conn.send_close(GOING_AWAY)
        self.transport.write(b"".join(self.conn.data_to_send()))
        self.transport.close()

"""uvicorn's WebSocket protocol with one change: a stopping server says 1001 "going away".

uvicorn tells every open WebSocket 1012 (service restart) when its process stops. A
process that stops for a deploy or a scale-down is going away: its clients reconnect,
to another process if there is one, and resume where they were (`afterSeq`).
"""

from __future__ import annotations

from uvicorn.protocols.websockets.websockets_sansio_impl import WebSocketsSansIOProtocol

GOING_AWAY = 1001


class GoingAwayWebSocketProtocol(WebSocketsSansIOProtocol):
    def shutdown(self) -> None:
        if self.close_sent or not self.handshake_complete:
            super().shutdown()
            return
        self.stop_keepalive()
        self.queue.put_nowait({"type": "websocket.disconnect", "code": GOING_AWAY})
        self.conn.send_close(GOING_AWAY)
        self.transport.write(b"".join(self.conn.data_to_send()))
        self.transport.close()

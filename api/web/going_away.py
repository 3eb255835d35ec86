"""uvicorn's WebSocket protocol with one change: a stopping server says 1001 "going away".

uvicorn tells every open WebSocket 1012 (service restart) when its process stops. A
process that stops for a deploy or a scale-down is going away: its clients reconnect,
to another process if there is one, and resume where they were (`afterSeq`).
"""

from __future__ import annotations

from uvicorn.protocols.websockets.websockets_impl import WebSocketProtocol

GOING_AWAY = 1001


class GoingAwayWebSocketProtocol(WebSocketProtocol):
    def shutdown(self) -> None:
        self.ws_server.closing = True
        if self.handshake_completed_event.is_set():
            self.fail_connection(GOING_AWAY)
        else:
            self.send_500_response()
        self.transport.close()

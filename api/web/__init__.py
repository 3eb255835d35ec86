"""The web edge: the ASGI app, the GraphQL endpoint over HTTP and WebSocket, limits."""

"""Dev only: /demo, a host page that embeds the widget as a demo user.

A real host app mints the user's token on its own server with WIDGET_SECRET;
this page does the same for made-up users: /demo?user=alice, /demo?user=bob.
"""

from __future__ import annotations

import json
import re
from datetime import timedelta

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from api.auth.tokens import user_token
from core.settings import Settings

USER_NAME = re.compile(r"[a-z0-9-]{1,32}")
DEFAULT_TTL = timedelta(hours=1)
MAX_TTL = timedelta(days=1)


def _demo_user(request: Request) -> str | None:
    user = request.query_params.get("user", "alice").lower()
    return user if USER_NAME.fullmatch(user) else None


def _token(request: Request, user: str) -> str:
    settings: Settings = request.state.settings
    try:
        ttl = timedelta(seconds=float(request.query_params["ttl"]))
    except (KeyError, ValueError):
        ttl = DEFAULT_TTL
    ttl = min(ttl, MAX_TTL)
    return user_token(
        settings.widget_secret, f"demo-{user}", f"{user}@example.com", user.capitalize(), ttl
    )


async def demo_token(request: Request) -> Response:
    user = _demo_user(request)
    if user is None:
        return JSONResponse({"error": "user must be 1-32 of a-z, 0-9, -"}, status_code=400)
    return JSONResponse({"token": _token(request, user)})


async def demo_page(request: Request) -> Response:
    user = _demo_user(request)
    if user is None:
        return HTMLResponse("<p>user must be 1-32 of a-z, 0-9, -</p>", status_code=400)
    token_url = json.dumps(f"/demo/token?user={user}")
    return HTMLResponse(
        f"""<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme Shop · demo host page</title>
<style>
  body {{ font-family: Georgia, serif; margin: 0; background: #fdfaf3; color: #333; }}
  header {{ background: #234; color: #fff; padding: 16px 32px; }}
  main {{ max-width: 720px; margin: 32px auto; padding: 0 16px; }}
  button {{ font: inherit; }}
</style>
</head>
<body>
<header><h1 id="host-title">Acme Shop</h1></header>
<main>
  <p>This page stands in for your web app. You are signed in as <b>{user}@example.com</b>.
  The support widget is the button at the bottom right.</p>
  <p>Another demo user: <a href="/demo?user={"bob" if user != "bob" else "alice"}">switch user</a>.
  Staff answer at <a href="/admin/">/admin/</a>.</p>
</main>
<script src="/widget.js"></script>
<script>
  const getToken = () => fetch({token_url}).then((r) => r.json()).then((d) => d.token);
  getToken().then((token) => SupportChat.init({{ token, getToken, title: "Acme Support" }}));
</script>
</body>
</html>"""
    )

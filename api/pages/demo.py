"""Dev only: /demo, a host page that embeds the widget as a demo user.

A real host app mints the user's token on its own server with WIDGET_SECRET;
this page does the same for made-up users: /demo?user=alice, /demo?user=bob.
Widget options for trying them out and for the browser tests:
/demo?locale=ar&theme=dark&color=%23ffcc00&position=bottom-left&title=Help&greeting=Hi,
and lang=de for the page's own <html lang>. Values that do not fit are left out.
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
LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}")
HEX_COLOR = re.compile(r"#([0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
CHOICES = {"theme": {"auto", "light", "dark"}, "position": {"bottom-right", "bottom-left"}}
MAX_TEXT = 200
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


def _widget_options(request: Request) -> dict[str, str]:
    """The widget options given in the query string, each checked against what it may be."""
    query = request.query_params
    options = {"title": "Acme Support"}
    for name, allowed in CHOICES.items():
        if query.get(name) in allowed:
            options[name] = query[name]
    if LANGUAGE_TAG.fullmatch(query.get("locale", "")):
        options["locale"] = query["locale"]
    if HEX_COLOR.fullmatch(query.get("color", "")):
        options["primaryColor"] = query["color"]
    for name in ("title", "greeting"):
        if name in query and len(query[name]) <= MAX_TEXT:
            options[name] = query[name]
    return options


def _script_json(value: object) -> str:
    """JSON that is safe inside <script>: no "</script" or "<!--" can appear in it."""
    return json.dumps(value).replace("<", "\\u003c")


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
    options = _script_json(_widget_options(request))
    lang = request.query_params.get("lang", "en")
    lang = lang if LANGUAGE_TAG.fullmatch(lang) else "en"
    return HTMLResponse(
        f"""<!doctype html>
<html lang="{lang}">
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
  The support widget is the round button in a bottom corner.</p>
  <p>Another demo user: <a href="/demo?user={"bob" if user != "bob" else "alice"}">switch user</a>.
  Staff answer at <a href="/admin/">/admin/</a>.</p>
</main>
<script src="/widget.js"></script>
<script>
  const getToken = () => fetch({token_url}).then((r) => r.json()).then((d) => d.token);
  const options = {options};
  getToken().then((token) => SupportChat.init({{ ...options, token, getToken }}));
</script>
</body>
</html>"""
    )

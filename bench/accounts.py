"""Who the bench acts as: a staff member who logs in, and end users with widget tokens."""

from __future__ import annotations

from datetime import timedelta

import httpx

from api.auth.tokens import user_token
from bench.seed import STAFF_EMAIL, STAFF_PASSWORD, SeededChat
from bench.servers import WIDGET_SECRET

LOGIN = "mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }"
TOKEN_TTL = timedelta(hours=2)  # longer than any run: sockets close when their token expires


def staff_token(api_url: str) -> str:
    """Log in as the seeded staff member, through the real `login` mutation."""
    response = httpx.post(
        f"{api_url}/graphql",
        json={"query": LOGIN, "variables": {"e": STAFF_EMAIL, "p": STAFF_PASSWORD}},
        timeout=30,
    )
    answer = response.json()
    if answer.get("errors"):
        raise RuntimeError(f"staff login failed: {answer['errors']}")
    token: str = answer["data"]["login"]["token"]
    return token


def widget_token(chat: SeededChat) -> str:
    """The token the host app's backend would sign for this chat's user."""
    return user_token(WIDGET_SECRET, chat.external_id, chat.email, chat.name, TOKEN_TTL)

"""Unsubscribe links (RFC 8058): looking changes nothing, POST opts out, links expire,
and the token never reaches the access log."""

from __future__ import annotations

import time
from typing import Any
from uuid import UUID

import httpx
import jwt
import pytest

from core.settings import Settings
from core.unsubscribe_link import unsubscribe_url
from tests.conftest import SECRET_KEY, EndUser
from tests.support import operations as ops
from tests.support.graphql import Http
from tests.support.servers import ApiServer


def stored_user(api: ApiServer, db: Any, user: EndUser) -> dict[str, Any]:
    Http(api.url, user.token).execute(ops.MY_CHAT)  # the API remembers the user
    found: dict[str, Any] = db.users.find_one({"email": user.email})
    return found


def link(api: ApiServer, user_id: UUID, days: float = 60) -> str:
    settings = Settings(
        env="dev", secret_key=SECRET_KEY, public_url=api.url, unsubscribe_token_days=days
    )
    return unsubscribe_url(settings, user_id)


def opted_out(db: Any, user_id: UUID) -> bool:
    return bool(db.users.find_one({"_id": user_id}).get("email_opt_out", False))


@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_looking_at_the_link_unsubscribes_nobody(
    api: ApiServer, db: Any, user: EndUser, method: str
) -> None:
    user_id = stored_user(api, db, user)["_id"]

    response = httpx.request(method, link(api, user_id))

    assert response.status_code == 200
    assert response.headers["referrer-policy"] == "no-referrer"
    if method == "GET":
        assert '<form method="post">' in response.text
    assert not opted_out(db, user_id)


def test_the_button_or_a_one_click_post_unsubscribes(
    api: ApiServer, db: Any, user: EndUser
) -> None:
    user_id = stored_user(api, db, user)["_id"]

    response = httpx.post(link(api, user_id), data={"List-Unsubscribe": "One-Click"})

    assert response.status_code == 200
    assert user.email in response.text
    assert opted_out(db, user_id)


def test_an_expired_link_changes_nothing(api: ApiServer, db: Any, user: EndUser) -> None:
    user_id = stored_user(api, db, user)["_id"]
    expiring = link(api, user_id, days=1 / 86_400)  # one second
    time.sleep(2)

    response = httpx.post(expiring)

    assert response.status_code == 410
    assert "expired" in response.text
    assert not opted_out(db, user_id)


def test_a_link_without_expiry_is_refused(api: ApiServer, db: Any, user: EndUser) -> None:
    user_id = stored_user(api, db, user)["_id"]
    forever = jwt.encode({"sub": str(user_id), "purpose": "unsubscribe"}, SECRET_KEY, "HS256")

    response = httpx.post(f"{api.url}/unsubscribe", params={"token": forever})

    assert response.status_code == 400
    assert not opted_out(db, user_id)


def test_the_token_never_reaches_the_access_log(api: ApiServer, db: Any, user: EndUser) -> None:
    url = link(api, stored_user(api, db, user)["_id"])
    token = url.partition("token=")[2]

    assert httpx.get(url).status_code == 200
    assert httpx.post(url).status_code == 200
    log = api.log_text()

    assert "/unsubscribe?token=[redacted]" in log
    assert token not in log

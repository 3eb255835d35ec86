"""The widget on the demo host page, in Chromium, against the real stack."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from devtools.processes import free_port
from tests.e2e.conftest import demo_url, screenshot
from tests.support import operations as ops
from tests.support.graphql import Http
from tests.support.servers import ApiServer


def by_id(page: Page, test_id: str) -> Any:
    return page.locator(f"[data-testid={test_id}]")  # CSS locators pierce the open shadow root


def as_demo_user(api: ApiServer, demo_user: str) -> Http:
    """GraphQL as the demo page's user, with the token the demo page mints."""
    token = httpx.get(f"{api.url}/demo/token", params={"user": demo_user}).json()["token"]
    return Http(api.url, token)


def chat_of(api: ApiServer, demo_user: str) -> str:
    """The demo user's chat id, asked as that user: staff lists leave out chats without
    messages, and the widget creates its chat before the first one."""
    chat_id: str = as_demo_user(api, demo_user).execute(ops.MY_CHAT)["chat"]["id"]
    return chat_id


def open_demo(page: Page, api: ApiServer, demo_user: str) -> None:
    page.goto(demo_url(api, demo_user))
    expect(by_id(page, "status-dot")).to_have_attribute("data-state", "connected")


def staff_reply(api: ApiServer, staff_token: str, chat_id: str, content: str) -> None:
    Http(api.url, staff_token).execute(ops.SEND, {"content": content, "chatId": chat_id})


def test_a_message_is_sent_and_confirmed(api: ApiServer, page: Page, demo_user: str) -> None:
    open_demo(page, api, demo_user)
    by_id(page, "launcher").click()
    expect(by_id(page, "greeting")).to_be_visible()

    by_id(page, "input").fill("Hello from the widget")
    by_id(page, "input").press("Enter")

    message = by_id(page, "message").filter(has_text="Hello from the widget")
    expect(message).to_have_attribute("data-status", "sent")
    expect(message).to_have_attribute("data-sender", "USER")
    expect(by_id(page, "input")).to_have_value("")


def test_shift_enter_makes_a_new_line_instead_of_sending(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user)
    by_id(page, "launcher").click()
    by_id(page, "input").type("first line")
    by_id(page, "input").press("Shift+Enter")
    by_id(page, "input").type("second line")

    expect(by_id(page, "input")).to_have_value("first line\nsecond line")
    expect(by_id(page, "message")).to_have_count(0)


def test_a_staff_reply_arrives_live_with_sound_and_badge_and_opening_clears_it(
    api: ApiServer, page: Page, demo_user: str, staff_token: str
) -> None:
    open_demo(page, api, demo_user)
    chat_id = chat_of(api, demo_user)

    staff_reply(api, staff_token, chat_id, "Hi, how can we help?")

    expect(by_id(page, "badge")).to_have_text("1")
    expect(page.locator("#support-chat-widget")).to_have_attribute("data-sounds-played", "1")
    for n in range(10):
        staff_reply(api, staff_token, chat_id, f"reply {n}")
    expect(by_id(page, "badge")).to_have_text("9+")

    by_id(page, "launcher").click()

    expect(by_id(page, "badge")).to_be_hidden()
    reply = by_id(page, "message").filter(has_text="Hi, how can we help?")
    expect(reply).to_have_attribute("data-sender", "ADMIN")
    expect(reply.locator("[data-testid=sender]")).to_have_text("Sam Staff")  # who answered
    staff = Http(api.url, staff_token)
    # The badge clears at once; the server hears of it a moment later.
    deadline = time.monotonic() + 5
    while (unread := staff.execute(ops.CHAT, {"id": chat_id})["chat"]["unreadCount"]) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.1)
    assert unread == 0
    screenshot(page, "widget-open")


@pytest.fixture
def restartable(env: dict[str, str]) -> Iterator[ApiServer]:
    server = ApiServer(env, port=free_port(), name="api-restartable").start()
    yield server
    server.stop()


def test_a_reply_sent_while_the_api_is_down_appears_once_after_it_returns(
    api: ApiServer, restartable: ApiServer, page: Page, demo_user: str, staff_token: str
) -> None:
    open_demo(page, restartable, demo_user)
    by_id(page, "launcher").click()
    chat_id = chat_of(api, demo_user)

    restartable.stop()
    expect(by_id(page, "status-dot")).to_have_attribute("data-state", "disconnected")
    staff_reply(api, staff_token, chat_id, "Sent while you were away")  # through another process
    restartable.start()

    expect(by_id(page, "status-dot")).to_have_attribute("data-state", "connected", timeout=40_000)
    missed = by_id(page, "message").filter(has_text="Sent while you were away")
    expect(missed).to_have_count(1, timeout=15_000)
    page.wait_for_timeout(1000)  # a late duplicate would show up by now
    expect(missed).to_have_count(1)


ALL_STYLES = """e => {
  const style = getComputedStyle(e);
  return Array.from(style).map((name) => `${name}: ${style.getPropertyValue(name)}`).join("; ");
}"""
HOSTILE_CSS = """
button { background: rgb(255, 0, 0) !important; font-family: monospace !important; }
* { letter-spacing: 7px !important; }
"""


def test_the_widget_and_the_host_page_do_not_style_each_other(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    title = page.locator("#host-title")
    page.route("**/widget.js", lambda route: route.abort())
    page.goto(demo_url(api, demo_user))
    without_widget = title.evaluate(ALL_STYLES)
    page.unroute("**/widget.js")

    open_demo(page, api, demo_user)
    with_widget = title.evaluate(ALL_STYLES)
    page.add_style_tag(content=HOSTILE_CSS)
    launcher = by_id(page, "launcher")

    assert "font-family: Georgia" in with_widget
    assert with_widget == without_widget
    assert launcher.evaluate("e => getComputedStyle(e).backgroundColor") != "rgb(255, 0, 0)"
    assert "monospace" not in launcher.evaluate("e => getComputedStyle(e).fontFamily")
    assert launcher.evaluate("e => getComputedStyle(e).letterSpacing") != "7px"


def test_an_expired_token_is_refreshed_through_get_token(
    api: ApiServer, page: Page, demo_user: str, staff_token: str
) -> None:
    page.goto(f"{demo_url(api, demo_user)}&ttl=2")  # the page's first token lives 2 s
    expect(by_id(page, "status-dot")).to_have_attribute("data-state", "connected")
    by_id(page, "launcher").click()
    chat_id = chat_of(api, demo_user)
    page.wait_for_timeout(3000)  # the token's lifetime has to pass; the server closes with 4403

    expect(by_id(page, "status-dot")).to_have_attribute("data-state", "connected")
    by_id(page, "input").fill("Still here after my token expired")
    by_id(page, "input").press("Enter")
    staff_reply(api, staff_token, chat_id, "And we still hear you")

    sent = by_id(page, "message").filter(has_text="Still here after my token expired")
    expect(sent).to_have_attribute("data-status", "sent")
    expect(by_id(page, "message").filter(has_text="And we still hear you")).to_have_count(1)

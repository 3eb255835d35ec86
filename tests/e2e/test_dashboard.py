"""The staff dashboard with the widget beside it, in Chromium, against the real stack."""

from __future__ import annotations

import json
from typing import Any

from playwright.sync_api import Page, expect

from tests.conftest import STAFF_PASSWORD
from tests.e2e.conftest import demo_url, fresh_page, screenshot
from tests.support.graphql import Http
from tests.support.operations import VIEWER
from tests.support.servers import ApiServer


def by_id(page: Page, test_id: str) -> Any:
    return page.locator(f"[data-testid={test_id}]")


def log_in(page: Page, api: ApiServer, email: str, password: str = STAFF_PASSWORD) -> None:
    page.goto(f"{api.url}/admin/")
    by_id(page, "login-email").fill(email)
    by_id(page, "login-password").fill(password)
    by_id(page, "login-submit").click()


def widget_says(page: Page, api: ApiServer, demo_user: str, text: str) -> None:
    if not page.url.startswith(demo_url(api, demo_user)):
        page.goto(demo_url(api, demo_user))
        by_id(page, "launcher").click()
    by_id(page, "input").fill(text)
    by_id(page, "input").press("Enter")
    expect(by_id(page, "message").filter(has_text=text)).to_have_attribute("data-status", "sent")


def card(page: Page, demo_user: str) -> Any:
    return by_id(page, "chat-card").and_(page.locator(f'[data-email="{demo_user}@example.com"]'))


def test_a_wrong_password_shows_an_error(api: ApiServer, page: Page, staff_email: str) -> None:
    log_in(page, api, staff_email, "not the password")

    expect(by_id(page, "login-error")).to_be_visible()
    expect(by_id(page, "chat-list")).to_have_count(0)


def test_a_user_message_appears_live_and_a_reply_reaches_the_widget(
    api: ApiServer, page: Page, second_page: Page, staff_email: str, demo_user: str
) -> None:
    dashboard, widget = page, second_page
    log_in(dashboard, api, staff_email)
    expect(by_id(dashboard, "chat-list")).to_be_visible()
    expect(dashboard.locator("h1")).to_have_text("Support Chats")

    widget_says(widget, api, demo_user, "My order never arrived")

    first = by_id(dashboard, "chat-card").first
    expect(first).to_have_attribute("data-email", f"{demo_user}@example.com")
    expect(first).to_have_attribute("data-unread", "true")
    expect(first).to_contain_text("My order never arrived")
    expect(first).to_contain_text("1 message")
    screenshot(dashboard, "dashboard-list")

    first.click()
    expect(by_id(dashboard, "chat-header-email")).to_have_text(f"{demo_user}@example.com")
    expect(by_id(dashboard, "day-divider").first).to_be_visible()
    by_id(dashboard, "composer-input").fill("Sorry! Sending a new one today.")
    by_id(dashboard, "composer-input").press("Enter")

    reply = by_id(widget, "message").filter(has_text="Sorry! Sending a new one today.")
    expect(reply).to_have_attribute("data-sender", "ADMIN")
    expect(by_id(dashboard, "seen")).to_be_visible()  # the widget is open, so it reads at once
    screenshot(dashboard, "dashboard-chat")

    by_id(dashboard, "back-link").click()
    expect(card(dashboard, demo_user)).to_have_attribute("data-unread", "false")
    expect(card(dashboard, demo_user)).to_contain_text("Staff: Sorry! Sending a new one today.")


def test_archive_moves_a_chat_and_a_new_user_message_restores_it(
    api: ApiServer, page: Page, second_page: Page, staff_email: str, demo_user: str
) -> None:
    dashboard, widget = page, second_page
    widget_says(widget, api, demo_user, "Thanks, solved")
    log_in(dashboard, api, staff_email)
    card(dashboard, demo_user).click()

    by_id(dashboard, "archive-button").click()
    expect(by_id(dashboard, "restore-button")).to_be_visible()
    by_id(dashboard, "back-link").click()
    expect(card(dashboard, demo_user)).to_have_count(1)
    by_id(dashboard, "tab-active").click()
    expect(card(dashboard, demo_user)).to_have_count(0)

    widget_says(widget, api, demo_user, "Oh wait, one more question")

    expect(card(dashboard, demo_user)).to_have_count(1)
    expect(card(dashboard, demo_user)).to_have_attribute("data-unread", "true")
    by_id(dashboard, "tab-archived").click()
    expect(card(dashboard, demo_user)).to_have_count(0)


def test_two_agents_see_each_others_replies(
    api: ApiServer, browser: Any, staff_email: str, demo_user: str
) -> None:
    pages = [fresh_page(browser) for _ in range(3)]
    widget, agent_a, agent_b = pages
    widget_says(widget, api, demo_user, "Is anyone there?")
    for agent in (agent_a, agent_b):
        log_in(agent, api, staff_email)
        card(agent, demo_user).click()

    by_id(agent_a, "composer-input").fill("Agent A here")
    by_id(agent_a, "composer-input").press("Enter")

    expect(by_id(agent_b, "message").filter(has_text="Agent A here")).to_have_count(1)
    by_id(agent_b, "archive-button").click()
    expect(by_id(agent_a, "restore-button")).to_be_visible()
    for opened in pages:
        opened.context.close()


def test_log_out_revokes_the_token_before_forgetting_it(
    api: ApiServer, page: Page, staff_email: str
) -> None:
    log_in(page, api, staff_email)
    expect(by_id(page, "logout")).to_be_visible()
    session = page.evaluate("sessionStorage.getItem('support-chat.dashboard.session')")
    token = json.loads(session)["token"]
    assert Http(api.url, token).execute(VIEWER)["viewer"]["email"] == staff_email

    by_id(page, "logout").click()

    expect(by_id(page, "login-email")).to_be_visible()
    refused = Http(api.url, token).post(VIEWER).json()["errors"][0]["extensions"]
    assert refused == {"code": "UNAUTHENTICATED", "reason": "TOKEN_REVOKED"}

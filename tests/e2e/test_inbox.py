"""The shared inbox in the staff dashboard (issues 15 and 17), in Chromium against the real
stack: layout and routes, assignment, presence, notes, saved replies, who answered, the
contact panel, the keyboard, typing, dates in the browser's locale, and axe-core."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import jwt
import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from core.clock import utc_now
from devtools.services import ROOT
from tests.conftest import STAFF_PASSWORD, WIDGET_SECRET
from tests.e2e.conftest import demo_url, screenshot
from tests.support.graphql import Http, socket
from tests.support.servers import ApiServer

AXE = ROOT / "clients/dashboard/node_modules/axe-core/axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDE = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

SEND = "mutation($c: String!) { sendMessage(content: $c) { id chatId } }"
SET_TYPING = "mutation($t: Boolean!) { setTyping(typing: $t) }"
RATE = "mutation($r: Int!, $c: String) { rateChat(rating: $r, comment: $c) { id rating } }"
ARCHIVE = "mutation($id: ID!) { archiveChat(chatId: $id) { id } }"
TYPING = "subscription($id: ID) { typing(chatId: $id) { chatId senderType name typing } }"


@dataclass(frozen=True)
class Agent:
    email: str
    name: str


@dataclass(frozen=True)
class Customer:
    external_id: str
    email: str
    name: str
    token: str


def by_id(page: Page, test_id: str) -> Locator:
    return page.locator(f"[data-testid={test_id}]")


def new_agent(env: dict[str, str], name: str) -> Agent:
    email = f"{name.split()[0].lower()}-{uuid.uuid4().hex[:8]}@example.test"
    subprocess.run(
        [sys.executable, "-m", "api.cli", "create-staff", email, "--name", name],
        input=f"{STAFF_PASSWORD}\n",
        text=True,
        env=env,
        check=True,
        capture_output=True,
    )
    return Agent(email, name)


def new_customer(name: str = "Ann", attributes: dict[str, Any] | None = None) -> Customer:
    external_id = f"{name.lower()}-{uuid.uuid4().hex[:10]}"
    email = f"{external_id}@example.test"
    claims: dict[str, Any] = {
        "sub": external_id,
        "email": email,
        "name": name,
        "exp": utc_now() + timedelta(hours=1),
    }
    if attributes is not None:
        claims["attributes"] = attributes
    return Customer(external_id, email, name, jwt.encode(claims, WIDGET_SECRET, algorithm="HS256"))


def says(api: ApiServer, customer: Customer, text: str) -> str:
    """The customer sends a message (as the widget does); the chat's id."""
    chat_id: str = Http(api.url, customer.token).execute(SEND, {"c": text})["sendMessage"]["chatId"]
    return chat_id


@pytest.fixture
def agent(env: dict[str, str]) -> Agent:
    return new_agent(env, "Ann Agent")


@pytest.fixture
def colleague(env: dict[str, str]) -> Agent:
    return new_agent(env, "Ben Colleague")


@pytest.fixture
def open_page(browser: Browser) -> Iterator[Any]:
    """Opens pages in contexts of their own (another person's browser each); closes them after."""
    opened: list[Page] = []

    def open_one(viewport: dict[str, int] = WIDE, **options: Any) -> Page:
        page = browser.new_context(viewport=viewport, **options).new_page()  # type: ignore[arg-type]
        opened.append(page)
        return page

    yield open_one
    for page in opened:
        page.context.close()


def log_in(page: Page, api: ApiServer, agent: Agent) -> None:
    page.goto(f"{api.url}/admin/")
    by_id(page, "login-email").fill(agent.email)
    by_id(page, "login-password").fill(STAFF_PASSWORD)
    by_id(page, "login-submit").click()
    expect(by_id(page, "chat-list")).to_be_visible()


def card(page: Page, customer: Customer) -> Locator:
    return page.locator(f'[data-testid=chat-card][data-email="{customer.email}"]')


def open_chat(page: Page, customer: Customer) -> None:
    card(page, customer).click()
    expect(by_id(page, "chat-header-email")).to_have_text(customer.email)


def no_axe_violations(page: Page, name: str) -> None:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, { runOnly: { type: 'tag', values: tags } })", AXE_TAGS
    )
    violations = [
        (violation["id"], [node["target"] for node in violation["nodes"]][:3])
        for violation in result["violations"]
    ]
    assert violations == [], f"{name}: {violations}"


def test_list_chat_and_contact_side_by_side_and_the_url_names_the_chat(
    api: ApiServer, open_page: Any, agent: Agent
) -> None:
    first, second = new_customer("Ann"), new_customer("Bob")
    says(api, first, "Where is my parcel?")
    says(api, second, "Can I change my address?")
    page = open_page(WIDE)
    log_in(page, api, agent)

    open_chat(page, first)
    expect(by_id(page, "chat-list")).to_be_visible()
    expect(by_id(page, "contact-panel")).to_be_visible()
    expect(page).to_have_url(re.compile(r"#/chats/[0-9a-f-]+$"))
    first_url = page.url
    expect(by_id(page, "message")).to_have_count(1)
    expect(by_id(page, "contact-external-id")).to_have_text(first.external_id)
    screenshot(page, "inbox-wide-chat")

    open_chat(page, second)
    expect(card(page, first)).to_be_visible()  # the list stays in place
    page.go_back()
    expect(by_id(page, "chat-header-email")).to_have_text(first.email)
    page.go_forward()
    expect(by_id(page, "chat-header-email")).to_have_text(second.email)
    page.goto(first_url)
    page.reload()
    expect(by_id(page, "chat-header-email")).to_have_text(first.email)


def test_a_phone_shows_one_pane_at_a_time_with_a_way_back(
    api: ApiServer, open_page: Any, agent: Agent
) -> None:
    customer = new_customer("Ann")
    says(api, customer, "Hello from my phone")
    page = open_page(PHONE)
    log_in(page, api, agent)
    expect(card(page, customer)).to_be_visible()
    screenshot(page, "inbox-phone-list")

    open_chat(page, customer)
    expect(by_id(page, "chat-list")).to_be_hidden()
    expect(by_id(page, "contact-panel")).to_be_hidden()
    expect(by_id(page, "composer-input")).to_be_visible()
    expect(by_id(page, "message")).to_have_count(1)
    screenshot(page, "inbox-phone-chat")

    by_id(page, "contact-toggle").click()
    expect(by_id(page, "contact-panel")).to_be_visible()
    expect(by_id(page, "chat-view")).to_be_hidden()
    screenshot(page, "inbox-phone-contact")
    by_id(page, "contact-panel").get_by_role("button", name="Back to the Chat").click()
    expect(by_id(page, "chat-view")).to_be_visible()

    by_id(page, "back-link").click()
    expect(by_id(page, "chat-view")).to_have_count(0)
    expect(card(page, customer)).to_be_visible()


def test_a_phone_keeps_the_list_where_it_was(api: ApiServer, open_page: Any, agent: Agent) -> None:
    customers = [new_customer(f"P{i}") for i in range(12)]
    for customer in customers:
        says(api, customer, "A phone has room for few chats")
    page = open_page(PHONE)
    log_in(page, api, agent)
    far = card(page, customers[0])  # the oldest of them: far down the list
    far.scroll_into_view_if_needed()
    scrolled = by_id(page, "chat-list").evaluate("list => list.scrollTop")
    assert scrolled > 0
    far.click()
    expect(by_id(page, "chat-header-email")).to_have_text(customers[0].email)
    by_id(page, "back-link").click()
    expect(far).to_be_in_viewport()
    assert by_id(page, "chat-list").evaluate("list => list.scrollTop") == scrolled


def test_two_agents_assign_and_filter_live(
    api: ApiServer, open_page: Any, agent: Agent, colleague: Agent
) -> None:
    customer = new_customer("Ann")
    says(api, customer, "Who will help me?")
    mine, theirs = open_page(), open_page()
    log_in(mine, api, agent)
    log_in(theirs, api, colleague)
    expect(card(theirs, customer).locator("[data-testid=card-assignee]")).to_have_text("Unassigned")

    open_chat(mine, customer)
    by_id(mine, "assign-button").click()
    option = by_id(mine, "assign-option").and_(
        mine.locator(f'[data-staff-email="{colleague.email}"]')
    )
    option.click()

    expect(by_id(mine, "assign-button")).to_contain_text(colleague.name)
    expect(card(theirs, customer).locator("[data-testid=card-assignee]")).to_have_text(
        colleague.name
    )
    by_id(theirs, "filter-mine").click()
    expect(card(theirs, customer)).to_have_count(1)
    by_id(theirs, "filter-unassigned").click()
    expect(card(theirs, customer)).to_have_count(0)
    expect(theirs).to_have_url(re.compile(r"#/unassigned$"))

    by_id(mine, "assign-button").click()
    by_id(mine, "assign-nobody").click()
    expect(card(theirs, customer)).to_have_count(1)  # live into the Unassigned list
    by_id(theirs, "filter-mine").click()
    expect(card(theirs, customer)).to_have_count(0)

    by_id(mine, "assign-button").click()
    by_id(mine, "assign-me").click()
    by_id(theirs, "filter-all").click()
    expect(card(theirs, customer).locator("[data-testid=card-assignee]")).to_have_text(agent.name)
    screenshot(mine, "inbox-assigned")


def test_the_team_shows_who_has_the_dashboard_open(
    api: ApiServer, open_page: Any, env: dict[str, str], agent: Agent, colleague: Agent
) -> None:
    away = new_agent(env, "Cleo Away")
    mine, theirs = open_page(), open_page()
    log_in(mine, api, agent)
    log_in(theirs, api, colleague)

    def member(staff: Agent) -> Locator:
        return by_id(mine, "team-member").and_(mine.locator(f'[data-staff-email="{staff.email}"]'))

    by_id(mine, "team-summary").click()
    expect(member(colleague)).to_have_attribute("data-online", "true", timeout=25_000)
    expect(member(agent)).to_have_attribute("data-online", "true")
    expect(member(away)).to_have_attribute("data-online", "false")
    screenshot(mine, "inbox-team")

    by_id(theirs, "logout").click()
    by_id(mine, "team-summary").click()  # closes
    by_id(mine, "team-summary").click()  # opens again: asks for the staff list now
    expect(member(colleague)).to_have_attribute("data-online", "false", timeout=70_000)


def test_notes_reach_the_other_agent_live_and_never_the_user(
    api: ApiServer, open_page: Any, agent: Agent, colleague: Agent, demo_user: str
) -> None:
    widget = open_page()
    widget.goto(demo_url(api, demo_user))
    by_id(widget, "launcher").click()
    by_id(widget, "input").fill("My order is late")
    by_id(widget, "input").press("Enter")
    expect(by_id(widget, "message").filter(has_text="My order is late")).to_have_attribute(
        "data-status", "sent"
    )
    mine, theirs = open_page(), open_page()
    for page, staff in ((mine, agent), (theirs, colleague)):
        log_in(page, api, staff)
        page.locator(f'[data-testid=chat-card][data-email="{demo_user}@example.com"]').click()
        expect(by_id(page, "composer-input")).to_be_visible()

    by_id(mine, "note-toggle").click()
    expect(by_id(mine, "note-toggle")).to_have_attribute("aria-pressed", "true")
    by_id(mine, "composer-input").fill("VIP customer, refund without asking")
    by_id(mine, "composer-input").press("Enter")

    note = by_id(theirs, "note").filter(has_text="VIP customer, refund without asking")
    expect(note).to_have_count(1)
    expect(note).to_contain_text(agent.name)
    expect(note).to_contain_text("only staff see this")
    assert note.evaluate("n => getComputedStyle(n).backgroundColor") != note.evaluate(
        "n => getComputedStyle(document.querySelector('[data-testid=message]')).backgroundColor"
    )
    by_id(mine, "note-toggle").click()
    by_id(mine, "composer-input").fill("We are on it!")
    by_id(mine, "composer-input").press("Enter")
    expect(by_id(widget, "message").filter(has_text="We are on it!")).to_have_count(1)
    timeline = by_id(theirs, "message-list").locator("[data-testid=note], [data-testid=message]")
    expect(timeline).to_have_count(3)
    assert [timeline.nth(i).get_attribute("data-testid") for i in range(3)] == [
        "message",
        "note",
        "message",
    ]
    expect(widget.get_by_text("VIP customer")).to_have_count(0)
    theirs.reload()
    expect(by_id(theirs, "note")).to_have_count(1)  # stored, in time order after a reload
    screenshot(theirs, "inbox-note")


def test_saved_replies_are_managed_and_inserted_with_slash(
    api: ApiServer, open_page: Any, agent: Agent
) -> None:
    shortcut = f"refund{uuid.uuid4().hex[:6]}"
    customer = new_customer("Ann")
    says(api, customer, "I want my money back")
    page = open_page()
    log_in(page, api, agent)

    by_id(page, "replies-link").click()
    by_id(page, "reply-shortcut").fill(shortcut)
    by_id(page, "reply-title").fill("Refund policy")
    by_id(page, "reply-content").fill("Refunds take 5 days.")
    by_id(page, "reply-save").click()
    item = page.locator(f'[data-testid=reply-item][data-shortcut="{shortcut}"]')
    expect(item).to_contain_text("Refunds take 5 days.")
    item.locator("[data-testid=reply-edit]").click()
    by_id(page, "reply-content").fill("Refunds take 3 working days.")
    by_id(page, "reply-save").click()
    expect(item).to_contain_text("Refunds take 3 working days.")
    by_id(page, "reply-shortcut").fill(f"gone{shortcut}")
    by_id(page, "reply-title").fill("To delete")
    by_id(page, "reply-content").fill("Bye")
    by_id(page, "reply-save").click()
    doomed = page.locator(f'[data-testid=reply-item][data-shortcut="gone{shortcut}"]')
    expect(doomed).to_have_count(1)
    doomed.locator("[data-testid=reply-delete]").click()
    expect(doomed).to_have_count(0)
    page.reload()
    expect(item).to_have_count(1)
    expect(doomed).to_have_count(0)

    page.go_back()
    page.goto(f"{api.url}/admin/#/")
    open_chat(page, customer)
    composer = by_id(page, "composer-input")
    composer.press_sequentially("Hi! /")
    expect(by_id(page, "reply-picker")).to_be_visible()
    composer.press_sequentially(shortcut[:8])
    options = by_id(page, "reply-option")
    expect(options).to_have_count(1)
    expect(options.first).to_contain_text(f"/{shortcut}")
    screenshot(page, "inbox-reply-picker")
    composer.press("Escape")
    expect(by_id(page, "reply-picker")).to_have_count(0)
    composer.press_sequentially(shortcut[8:])  # typing again opens it again
    expect(options).to_have_count(1)
    composer.press("ArrowDown")  # one option: wraps onto itself
    expect(options.first).to_have_attribute("aria-selected", "true")
    composer.press("Enter")
    expect(composer).to_have_value("Hi! Refunds take 3 working days.")
    expect(by_id(page, "reply-picker")).to_have_count(0)
    composer.press("Enter")
    expect(
        by_id(page, "message").filter(has_text="Hi! Refunds take 3 working days.")
    ).to_have_count(1)


def test_staff_messages_show_who_answered(
    api: ApiServer, open_page: Any, agent: Agent, colleague: Agent
) -> None:
    customer = new_customer("Ann")
    says(api, customer, "Anyone?")
    mine, theirs = open_page(), open_page()
    log_in(mine, api, agent)
    log_in(theirs, api, colleague)
    open_chat(mine, customer)
    open_chat(theirs, customer)
    by_id(mine, "composer-input").fill("Ann Agent here")
    by_id(mine, "composer-input").press("Enter")

    reply = by_id(theirs, "message").filter(has_text="Ann Agent here")
    expect(reply.locator("[data-testid=message-sender]")).to_have_text(agent.name)
    theirs.reload()
    expect(reply.locator("[data-testid=message-sender]")).to_have_text(agent.name)
    user_message = by_id(theirs, "message").filter(has_text="Anyone?")
    expect(user_message.locator("[data-testid=message-sender]")).to_have_text(customer.email)


def test_the_contact_panel_shows_who_the_user_is_and_their_rating(
    api: ApiServer, open_page: Any, agent: Agent, staff_token: str
) -> None:
    customer = new_customer("Ann", {"plan": "pro", "seats": 12, "trial": False})
    chat_id = says(api, customer, "Hi")
    says(api, customer, "Still there?")
    Http(api.url, staff_token).execute(ARCHIVE, {"id": chat_id})
    Http(api.url, customer.token).execute(RATE, {"r": 4, "c": "Quick and kind"})
    page = open_page()
    log_in(page, api, agent)
    by_id(page, "tab-archived").click()
    open_chat(page, customer)

    panel = by_id(page, "contact-panel")
    expect(panel.locator("[data-testid=contact-name]")).to_have_text("Ann")
    expect(panel.locator("[data-testid=contact-email]")).to_have_text(customer.email)
    expect(panel.locator("[data-testid=contact-external-id]")).to_have_text(customer.external_id)
    expect(panel.locator("[data-testid=contact-message-count]")).to_have_text("2 messages")
    expect(panel.locator("[data-testid=contact-first-seen] time")).to_have_count(1)
    expect(panel.locator("[data-testid=contact-rating]")).to_have_attribute(
        "aria-label", "4 out of 5 stars"
    )
    expect(panel.locator("[data-testid=contact-rating-comment]")).to_have_text("Quick and kind")
    attributes = panel.locator("[data-testid=contact-attribute]")
    expect(attributes).to_have_count(3)
    expect(attributes.filter(has_text="plan")).to_contain_text("pro")
    expect(attributes.filter(has_text="seats")).to_contain_text("12")
    expect(attributes.filter(has_text="trial")).to_contain_text("false")
    screenshot(page, "inbox-contact")


def test_the_keyboard_moves_opens_archives_and_assigns(
    api: ApiServer, open_page: Any, agent: Agent
) -> None:
    older, newer = new_customer("Ann"), new_customer("Bob")
    says(api, older, "first")
    says(api, newer, "second")
    page = open_page()
    log_in(page, api, agent)
    expect(card(page, newer)).to_be_visible()
    cards = by_id(page, "chat-card")
    selected = page.locator("[data-testid=chat-card][data-selected=true]")

    def position(email: str | None) -> int:
        emails = [cards.nth(i).get_attribute("data-email") for i in range(cards.count())]
        return emails.index(email)

    page.keyboard.press("?")
    expect(by_id(page, "shortcuts")).to_be_visible()
    screenshot(page, "inbox-shortcuts")
    page.keyboard.press("Escape")
    expect(by_id(page, "shortcuts")).to_be_hidden()

    page.keyboard.press("j")
    expect(selected).to_have_count(1)
    expect(selected).to_be_focused()
    steps = position(older.email) - position(selected.get_attribute("data-email"))
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    expect(card(page, older)).to_have_attribute("data-selected", "true")
    page.keyboard.press("k")
    page.keyboard.press("j")
    page.keyboard.press("Enter")
    expect(by_id(page, "chat-header-email")).to_have_text(older.email)

    by_id(page, "composer-input").press("a")  # typing, not a shortcut
    expect(by_id(page, "composer-input")).to_have_value("a")
    expect(by_id(page, "assign-button")).to_contain_text("Unassigned")
    by_id(page, "composer-input").fill("")
    by_id(page, "composer-input").press("Escape")  # leaves the reply box
    expect(by_id(page, "composer-input")).not_to_be_focused()
    page.keyboard.press("a")
    expect(by_id(page, "assign-button")).to_contain_text(agent.name)
    page.keyboard.press("e")
    expect(by_id(page, "restore-button")).to_be_visible()
    page.keyboard.press("e")
    expect(by_id(page, "archive-button")).to_be_visible()


def test_the_tab_title_counts_every_unread_chat(
    api: ApiServer, open_page: Any, agent: Agent, staff_token: str
) -> None:
    page = open_page()
    log_in(page, api, agent)
    staff = Http(api.url, staff_token)
    # Other tests leave unread chats behind: count on from the server's number.
    before: int = staff.execute("query { unreadChatCount }")["unreadChatCount"]
    for customer in [new_customer(f"U{i}") for i in range(35)]:
        says(api, customer, "unread")
    page.reload()  # more unread chats than the first page (30) holds
    expect(page).to_have_title(f"({before + 35}) Support Chats")


def shows_typing(api: ApiServer, customer: Customer, shown: Locator) -> None:
    """The customer types until `shown` says so: the dashboard subscribes once it renders."""
    user = Http(api.url, customer.token)
    for _ in range(10):
        user.execute(SET_TYPING, {"t": False})  # a change is always announced
        user.execute(SET_TYPING, {"t": True})
        try:
            expect(shown).to_have_text(f"{customer.name} is typing…", timeout=1_000)
            return
        except AssertionError:
            continue
    expect(shown).to_have_text(f"{customer.name} is typing…")


def test_typing_shows_both_ways(api: ApiServer, open_page: Any, agent: Agent) -> None:
    customer = new_customer("Ann")
    chat_id = says(api, customer, "Hello")
    page = open_page()
    log_in(page, api, agent)
    shows_typing(api, customer, card(page, customer).locator("[data-testid=card-typing]"))
    open_chat(page, customer)
    shows_typing(api, customer, by_id(page, "typing"))
    Http(api.url, customer.token).execute(SET_TYPING, {"t": False})
    expect(by_id(page, "typing")).to_have_text("")
    expect(card(page, customer).locator("[data-testid=card-typing]")).to_have_count(0)

    with ThreadPoolExecutor(1) as pool:
        seen: Future[list[bool]] = pool.submit(asyncio.run, typing_events(api, customer, chat_id))
        page.wait_for_timeout(1_000)  # subscribed
        by_id(page, "composer-input").press_sequentially("Let me check", delay=50)
        page.wait_for_timeout(500)
        by_id(page, "composer-input").press("Enter")
        assert seen.result(timeout=15) == [True, False]


async def typing_events(api: ApiServer, customer: Customer, chat_id: str) -> list[bool]:
    """What the user hears of staff typing for a few seconds."""
    events: list[bool] = []
    async with socket(api.ws_url, customer.token) as client:
        subscription = await client.subscribe(TYPING, {"id": chat_id})
        try:
            while True:
                event = (await subscription.next(within=6))["typing"]
                assert event["senderType"] == "ADMIN"
                events.append(event["typing"])
        except TimeoutError:
            return events


def test_dates_follow_the_browser_locale(api: ApiServer, open_page: Any, agent: Agent) -> None:
    customer = new_customer("Ann")
    says(api, customer, "Bonjour")
    page = open_page(WIDE, locale="de-DE")
    log_in(page, api, agent)
    open_chat(page, customer)
    expected = page.evaluate(
        "() => new Date().toLocaleDateString('de-DE', "
        "{ weekday: 'long', month: 'long', day: 'numeric' })"
    )
    expect(by_id(page, "day-divider").first).to_have_text(expected)
    expect(card(page, customer).locator("time")).to_have_text(re.compile(r"jetzt|Minute"))


def test_no_accessibility_violations_on_login_list_and_chat(
    api: ApiServer, open_page: Any, agent: Agent, colleague: Agent
) -> None:
    customer = new_customer("Ann")
    says(api, customer, "Can you read this with a screen reader?")
    page = open_page()
    page.goto(f"{api.url}/admin/")
    expect(by_id(page, "login-email")).to_be_visible()
    no_axe_violations(page, "login")

    log_in(page, api, agent)
    expect(card(page, customer)).to_be_visible()
    no_axe_violations(page, "list")

    open_chat(page, customer)
    by_id(page, "note-toggle").click()
    by_id(page, "composer-input").fill("A note for axe")
    by_id(page, "composer-input").press("Enter")
    expect(by_id(page, "note")).to_have_count(1)
    by_id(page, "note-toggle").click()
    by_id(page, "composer-input").fill("A reply for axe")
    by_id(page, "composer-input").press("Enter")
    expect(page.locator("[data-testid=message][data-status=sent]")).to_have_count(2)
    no_axe_violations(page, "chat view")
    by_id(page, "assign-button").click()
    no_axe_violations(page, "assign picker")

    phone = open_page(PHONE)
    log_in(phone, api, colleague)
    open_chat(phone, customer)
    no_axe_violations(phone, "chat view on a phone")

"""Widget v2, the live parts, in Chromium against the real stack: typing both ways,
support's availability and away text, the rating after archiving, older messages."""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections.abc import Coroutine, Iterator
from typing import Any, TypeVar

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import LOGIN, STAFF_PASSWORD, create_staff
from tests.e2e.conftest import screenshot
from tests.e2e.test_widget import as_demo_user, by_id, chat_of
from tests.e2e.test_widget_v2 import axe_violations, open_demo, open_panel, send
from tests.support import operations as ops
from tests.support.graphql import Http, Json, Socket, Subscription, socket
from tests.support.servers import ApiServer, own_redis_database

T = TypeVar("T")
AWAY_TEXT = "We're away right now. Leave a message and we'll reply by email."  # the default


class StaffSocket:
    """A staff member's graphql-transport-ws connection (the dashboard's, as far as presence
    goes), run on a thread of its own: Playwright's sync API owns this thread's event loop."""

    def __init__(self, api: ApiServer, token: str) -> None:
        self._opening = socket(api.ws_url, token)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def run(self, work: Coroutine[Any, Any, T], timeout: float = 15) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout)

    def __enter__(self) -> StaffSocket:
        self._thread.start()
        self.socket: Socket = self.run(self._opening.__aenter__())
        return self

    def __exit__(self, *exc: object) -> None:
        self.run(self._opening.__aexit__(None, None, None))
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(5)

    def subscribe(self, query: str, variables: Json) -> Subscription:
        return self.run(self.socket.subscribe(query, variables))

    def next(self, subscription: Subscription, within: float) -> Json:
        return self.run(subscription.next(within), within + 5)


@pytest.fixture(scope="module")
def agent_token(api: ApiServer, env: dict[str, str]) -> str:
    """A staff member of this module only ("Sam Staff"): its send limit is its own."""
    email = f"agent-{uuid.uuid4().hex[:8]}@example.test"
    create_staff(env, email)
    token: str = Http(api.url).execute(LOGIN, {"e": email, "p": STAFF_PASSWORD})["login"]["token"]
    return token


def nobody_online(api: ApiServer, token: str) -> None:
    """Waits until no staff socket of an earlier test counts as present any more."""
    deadline = time.monotonic() + 10
    while Http(api.url, token).execute(ops.AVAILABILITY)["availability"]["online"]:
        assert time.monotonic() < deadline, "some staff member stays online"
        time.sleep(0.2)


def shown_until(page: Page, action: Any, test_id: str, text: str, attempts: int = 4) -> None:
    """Repeats `action` until the widget shows `text`: the widget's subscription may still be
    starting on the server when the first event is published."""
    for attempt in range(attempts):
        action()
        try:
            expect(by_id(page, test_id)).to_have_text(text, timeout=2500)
            return
        except AssertionError:
            if attempt == attempts - 1:
                raise
            time.sleep(2)  # the server announces the same typing value once per 2 s


def test_the_user_typing_reaches_staff_and_sending_stops_it(
    api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    open_demo(page, api, demo_user)
    open_panel(page)
    send(page, "Hello")
    chat_id = chat_of(api, demo_user)

    with StaffSocket(api, agent_token) as staff:
        typing = staff.subscribe(ops.TYPING, {"chatId": chat_id})
        by_id(page, "input").focus()
        # Slowly, for 4 s: the widget refreshes `true` every 2 s, so a subscription that
        # started late still hears it.
        page.keyboard.type("Where is my order", delay=240)
        event = staff.next(typing, within=5)["typing"]
        assert event == {
            "chatId": chat_id,
            "senderType": "USER",
            "name": demo_user.capitalize(),
            "typing": True,
        }
        by_id(page, "input").press("Enter")
        while event["typing"]:
            event = staff.next(typing, within=5)["typing"]  # refreshes, then the stop
        assert event["senderType"] == "USER"


def test_staff_typing_shows_until_stopped_or_their_message_arrives(
    api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    open_demo(page, api, demo_user)
    open_panel(page)
    send(page, "Is anyone there?")
    chat_id = chat_of(api, demo_user)
    staff = Http(api.url, agent_token)
    indicator = by_id(page, "typing")
    expect(indicator).to_have_attribute("role", "status")  # polite, spoken once per change

    def staff_typing(typing: bool) -> None:
        staff.execute(ops.SET_TYPING, {"chatId": chat_id, "typing": typing})

    shown_until(page, lambda: staff_typing(True), "typing", "Sam Staff is typing…")
    screenshot(page, "widget-live-typing")
    assert axe_violations(page) == [], "typing indicator"

    staff_typing(False)
    expect(indicator).to_have_text("")
    staff_typing(True)
    expect(indicator).to_have_text("Sam Staff is typing…")
    staff.execute(ops.SEND, {"content": "Yes, Sam here.", "chatId": chat_id})
    expect(by_id(page, "message").filter(has_text="Sam here")).to_be_visible()
    expect(indicator).to_have_text("")


@pytest.fixture(scope="module")
def unstaffed_api(env: dict[str, str]) -> Iterator[ApiServer]:
    """An API whose presence is its own: no staff socket of another test counts there."""
    server = ApiServer(own_redis_database(env, 8), name="api-unstaffed").start()
    yield server
    server.stop()


def test_with_nobody_online_the_panel_shows_the_away_text(
    unstaffed_api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    nobody_online(unstaffed_api, agent_token)
    open_demo(page, unstaffed_api, demo_user)
    open_panel(page)
    expect(by_id(page, "availability")).to_have_text("Support is offline")
    expect(by_id(page, "away")).to_have_text(AWAY_TEXT)
    screenshot(page, "widget-live-away")
    assert axe_violations(page) == [], "away text"


def test_support_is_online_while_a_staff_socket_is_open(
    api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    with StaffSocket(api, agent_token):
        open_demo(page, api, demo_user)
        open_panel(page)
        expect(by_id(page, "availability")).to_have_text("Support is online")
        expect(by_id(page, "away")).to_be_hidden()
        screenshot(page, "widget-live-online")


def test_an_archived_chat_is_rated_once_with_stars_and_a_comment(
    api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    open_demo(page, api, demo_user)
    open_panel(page)
    send(page, "Thanks, that solved it")
    chat_id = chat_of(api, demo_user)
    rating = by_id(page, "rating")
    expect(rating).to_be_hidden()

    Http(api.url, agent_token).execute(ops.ARCHIVE, {"chatId": chat_id})
    # No live event tells the user: the widget looks again when the panel opens.
    by_id(page, "close").click()
    open_panel(page)
    expect(rating).to_be_visible()
    expect(rating.get_by_role("radiogroup", name="How did we do?")).to_be_visible()
    expect(by_id(page, "rating-send")).to_be_disabled()
    assert axe_violations(page) == [], "rating form"

    # The stars are a radio group: arrow keys move the choice.
    by_id(page, "star-3").click()
    expect(rating.get_by_role("radio", name="3 stars")).to_be_checked()
    page.keyboard.press("ArrowRight")
    expect(rating.get_by_role("radio", name="4 stars")).to_be_checked()
    expect(rating.get_by_role("radio", name="4 stars")).to_be_focused()
    by_id(page, "rating-comment").fill("Quick and kind")
    screenshot(page, "widget-live-rating")
    by_id(page, "rating-send").click()

    expect(by_id(page, "rating-thanks")).to_have_text("Thanks for your feedback")
    expect(rating).to_be_hidden()
    stored = Http(api.url, agent_token).execute(ops.CHAT_RATING, {"id": chat_id})["chat"]
    assert stored == {
        "id": chat_id,
        "archived": True,
        "rating": 4,
        "ratingComment": "Quick and kind",
    }
    screenshot(page, "widget-live-rating-thanks")

    # The same archived period is not offered again, not even after a reload.
    open_demo(page, api, demo_user)
    open_panel(page)
    # The messages and the chat's status come in one answer: once those show, so would the form.
    expect(by_id(page, "message").filter(has_text="solved it")).to_be_visible()
    expect(rating).to_be_hidden()
    expect(by_id(page, "rating-thanks")).to_be_hidden()

    # A new message reactivates the chat; archiving it again is a new period to rate.
    send(page, "One more question")
    Http(api.url, agent_token).execute(ops.ARCHIVE, {"chatId": chat_id})
    by_id(page, "close").click()
    open_panel(page)
    expect(rating).to_be_visible()


def test_the_rating_form_in_arabic_and_dark_reads_right_to_left_and_passes_axe(
    api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    open_demo(page, api, demo_user, locale="ar", theme="dark")
    open_panel(page)
    send(page, "شكرا")
    Http(api.url, agent_token).execute(ops.ARCHIVE, {"chatId": chat_of(api, demo_user)})
    by_id(page, "close").click()
    open_panel(page)
    rating = by_id(page, "rating")
    expect(rating.get_by_role("radiogroup", name="كيف كانت تجربتك معنا؟")).to_be_visible()
    by_id(page, "star-2").click()
    first, second = by_id(page, "star-1").bounding_box(), by_id(page, "star-2").bounding_box()
    assert first
    assert second
    assert second["x"] < first["x"]  # the first star on the right
    screenshot(page, "widget-live-rating-ar-dark")
    assert axe_violations(page) == [], "rating form, ar and dark"


def test_scrolling_to_the_top_loads_older_messages_and_keeps_the_place(
    api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    as_user, as_staff = as_demo_user(api, demo_user), Http(api.url, agent_token)
    as_user.execute(ops.SEND, {"content": "message 00"})
    chat_id = chat_of(api, demo_user)
    for n in range(1, 70):
        if n % 3:
            as_user.execute(ops.SEND, {"content": f"message {n:02d}"})
        else:
            as_staff.execute(ops.SEND, {"content": f"message {n:02d}", "chatId": chat_id})

    open_demo(page, api, demo_user)
    open_panel(page)
    messages, bubbles = by_id(page, "message"), by_id(page, "message").locator(".bubble")
    expect(messages).to_have_count(50)
    expect(bubbles.first).to_have_text("message 20")
    expect(by_id(page, "load-older")).to_be_visible()

    # Scrolling to the top loads the page above, and the message the reader sees (the
    # oldest loaded one) stays where it was on the screen.
    anchor = bubbles.filter(has_text="message 20")
    before: float = by_id(page, "message-list").evaluate(
        """(list) => {
          list.scrollTop = 0;
          const bubbles = [...list.querySelectorAll('.bubble')];
          return bubbles.find((b) => b.textContent === 'message 20').getBoundingClientRect().top;
        }"""
    )
    expect(messages).to_have_count(70)
    after = anchor.bounding_box()
    assert after
    assert abs(after["y"] - before) <= 1, (before, after)
    assert bubbles.all_inner_texts() == [f"message {n:02d}" for n in range(70)]
    expect(by_id(page, "load-older")).to_be_hidden()  # hasMore is false: nothing more to ask
    screenshot(page, "widget-live-older")


def test_the_load_older_button_works_from_the_keyboard(
    api: ApiServer, page: Page, demo_user: str, agent_token: str
) -> None:
    as_user = as_demo_user(api, demo_user)
    for n in range(55):
        as_user.execute(ops.SEND, {"content": f"note {n:02d}"})

    open_demo(page, api, demo_user)
    open_panel(page)
    expect(by_id(page, "message")).to_have_count(50)
    by_id(page, "load-older").focus()
    page.keyboard.press("Enter")
    expect(by_id(page, "message")).to_have_count(55)
    expect(by_id(page, "message").locator(".bubble").first).to_have_text("note 00")
    expect(by_id(page, "load-older")).to_be_hidden()

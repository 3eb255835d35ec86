"""Widget v2 in Chromium: languages and right-to-left, brand colour and themes, keyboard,
screen-reader announcements, and axe-core's WCAG 2.x A/AA rules inside the shadow root."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest
from playwright.sync_api import Page, expect

from devtools.services import ROOT
from tests.e2e.conftest import demo_url, screenshot
from tests.e2e.test_widget import by_id, chat_of, staff_reply
from tests.support.servers import ApiServer

AXE = ROOT / "clients" / "widget" / "node_modules" / "axe-core" / "axe.min.js"
WCAG_A_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ROOT_SELECTOR = "#support-chat-widget .root"


def open_demo(page: Page, api: ApiServer, demo_user: str, **options: str) -> None:
    """The demo page with these widget options (see api/demo.py), once the widget is live."""
    query = f"&{urlencode(options)}" if options else ""
    page.goto(demo_url(api, demo_user) + query)
    expect(by_id(page, "status-dot")).to_have_attribute("data-state", "connected")


def open_panel(page: Page) -> None:
    by_id(page, "launcher").click()
    expect(by_id(page, "panel")).to_be_visible()
    page.wait_for_timeout(300)  # the slide-in transition (0.2 s), so colours are final


def send(page: Page, text: str) -> None:
    by_id(page, "input").fill(text)
    by_id(page, "input").press("Enter")
    expect(by_id(page, "message").filter(has_text=text)).to_have_attribute("data-status", "sent")


def style(locator: Any, prop: str) -> str:
    value: str = locator.evaluate(f"e => getComputedStyle(e).getPropertyValue('{prop}')")
    return value


def rgb(css: str) -> tuple[int, int, int]:
    match = re.match(r"rgba?\((\d+),\s*(\d+),\s*(\d+)", css)
    assert match, f"not an rgb() colour: {css}"
    red, green, blue = (int(c) for c in match.groups())
    return red, green, blue


def luminance(color: tuple[int, int, int]) -> float:
    def linear(channel: int) -> float:
        s = channel / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in color)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(a: str, b: str) -> float:
    la, lb = luminance(rgb(a)), luminance(rgb(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def text_contrast(locator: Any, background: Any | None = None) -> float:
    """Contrast of the element's text colour on its (or `background`'s) background colour."""
    return contrast(style(locator, "color"), style(background or locator, "background-color"))


def active_test_id(page: Page) -> str | None:
    """The data-testid of the focused element inside the widget's shadow root."""
    found: str | None = page.evaluate(
        "() => document.querySelector('#support-chat-widget')"
        ".shadowRoot.activeElement?.dataset.testid ?? null"
    )
    return found


def test_arabic_lays_the_panel_out_right_to_left(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user, locale="ar")
    root = page.locator(ROOT_SELECTOR)
    expect(root).to_have_attribute("dir", "rtl")
    expect(root).to_have_attribute("lang", "ar")
    expect(by_id(page, "launcher")).to_have_attribute("aria-label", "فتح محادثة الدعم")
    open_panel(page)
    send(page, "مرحبا")

    assert style(by_id(page, "panel"), "direction") == "rtl"
    expect(by_id(page, "send")).to_have_text("إرسال")
    expect(by_id(page, "input")).to_have_attribute("placeholder", "اكتب رسالة…")
    viewport_width = page.viewport_size["width"] if page.viewport_size else 1280
    panel = by_id(page, "panel").bounding_box()
    assert panel
    assert panel["x"] + panel["width"] < viewport_width / 2  # the bottom-left corner
    # Right to left: the header starts on the right, the user's own messages end on the left.
    title = page.locator(f"{ROOT_SELECTOR} .title").bounding_box()
    close = by_id(page, "close").bounding_box()
    bubble = by_id(page, "message").locator(".bubble").bounding_box()
    assert title
    assert close
    assert bubble
    assert close["x"] < title["x"]
    assert bubble["x"] - panel["x"] < 40


def test_the_page_language_chooses_the_locale(api: ApiServer, page: Page, demo_user: str) -> None:
    open_demo(page, api, demo_user, lang="de")
    open_panel(page)
    expect(by_id(page, "send")).to_have_text("Senden")
    send(page, "Hallo")
    expect(by_id(page, "day")).to_have_text("Heute")
    expect(by_id(page, "message").locator("time")).to_have_text(re.compile(r"^\d{2}:\d{2}$"))
    expect(page.locator(ROOT_SELECTOR)).to_have_attribute("dir", "ltr")


def test_the_dark_theme_darkens_the_panel_and_keeps_text_readable(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user, theme="light")
    open_panel(page)
    light = style(by_id(page, "panel"), "background-color")

    open_demo(page, api, demo_user, theme="dark")
    open_panel(page)
    panel, greeting = by_id(page, "panel"), by_id(page, "greeting")
    dark = style(panel, "background-color")

    assert dark != light
    assert luminance(rgb(dark)) < 0.05 < luminance(rgb(light))
    assert text_contrast(greeting) >= 4.5
    assert text_contrast(by_id(page, "input")) >= 4.5
    title, header = (
        page.locator(f"{ROOT_SELECTOR} .title"),
        page.locator(f"{ROOT_SELECTOR} .header"),
    )
    assert text_contrast(title, header) >= 4.5


def test_the_auto_theme_follows_the_system_setting_live(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    page.emulate_media(color_scheme="light")
    open_demo(page, api, demo_user, theme="auto")
    open_panel(page)
    panel = by_id(page, "panel")
    assert style(panel, "background-color") == "rgb(255, 255, 255)"

    page.emulate_media(color_scheme="dark")  # no reload

    assert luminance(rgb(style(panel, "background-color"))) < 0.05


def test_a_brand_colour_with_poor_contrast_still_gets_readable_text(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user, color="#ffcc00")  # white text on it would be 1.6:1
    launcher = by_id(page, "launcher")
    assert style(launcher, "background-color") == "rgb(255, 204, 0)"
    assert style(launcher, "color") == "rgb(0, 0, 0)"
    open_panel(page)
    send(page, "Readable?")

    header = page.locator(f"{ROOT_SELECTOR} .header")
    assert text_contrast(page.locator(f"{ROOT_SELECTOR} .title"), header) >= 4.5
    assert text_contrast(by_id(page, "send")) >= 4.5
    assert text_contrast(by_id(page, "message").locator(".bubble")) >= 4.5


def test_the_greeting_shows_until_the_first_message(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user, greeting="Welcome to Acme! Ask us anything.")
    open_panel(page)
    expect(by_id(page, "greeting")).to_have_text("Welcome to Acme! Ask us anything.")

    send(page, "First question")

    expect(by_id(page, "greeting")).to_be_hidden()


def test_the_widget_works_with_the_keyboard_alone(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user)
    launcher = by_id(page, "launcher")
    launcher.focus()
    page.keyboard.press("Enter")

    expect(by_id(page, "panel")).to_be_visible()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    assert active_test_id(page) == "input"  # opening moves focus into the composer
    page.keyboard.press("Tab")
    assert active_test_id(page) == "send"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert active_test_id(page) == "attach"  # the paperclip, before the text it goes with
    page.keyboard.press("Shift+Tab")
    assert active_test_id(page) == "message-list"  # scrollable by keyboard
    page.keyboard.press("Shift+Tab")
    assert active_test_id(page) == "close"
    page.keyboard.press("Shift+Tab")
    assert active_test_id(page) == "launcher"  # the disclosure button comes right before its panel

    page.keyboard.press("Tab")
    page.keyboard.press("Escape")

    expect(by_id(page, "panel")).to_be_hidden()
    expect(launcher).to_have_attribute("aria-expanded", "false")
    assert active_test_id(page) == "launcher"


def test_the_panel_is_a_labelled_dialog_that_does_not_trap_the_page(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user)
    open_panel(page)
    panel = by_id(page, "panel")
    expect(panel).to_have_attribute("role", "dialog")
    expect(panel).to_have_accessible_name("Acme Support")
    assert panel.get_attribute("aria-modal") in (None, "false")

    page.get_by_role("link", name="switch user").focus()  # the host page stays usable

    expect(page.get_by_role("link", name="switch user")).to_be_focused()
    expect(panel).to_be_visible()


def test_incoming_messages_are_announced_and_own_ones_are_not(
    api: ApiServer, page: Page, demo_user: str, staff_token: str
) -> None:
    open_demo(page, api, demo_user)
    announcer = by_id(page, "announcer")
    expect(announcer).to_have_attribute("aria-live", "polite")
    open_panel(page)
    send(page, "My own words")
    page.wait_for_timeout(300)
    expect(announcer).to_have_text("")

    staff_reply(api, staff_token, chat_of(api, demo_user), "We are on it")

    expect(announcer).to_have_text("New message from support: We are on it")
    assert by_id(page, "message-list").get_attribute("aria-live") is None


def test_the_launcher_name_counts_unread_messages(
    api: ApiServer, page: Page, demo_user: str, staff_token: str
) -> None:
    open_demo(page, api, demo_user)
    chat_id = chat_of(api, demo_user)
    launcher = by_id(page, "launcher")
    expect(launcher).to_have_accessible_name("Open support chat")

    staff_reply(api, staff_token, chat_id, "One")
    expect(launcher).to_have_accessible_name("Open support chat, 1 unread message")
    staff_reply(api, staff_token, chat_id, "Two")
    expect(launcher).to_have_accessible_name("Open support chat, 2 unread messages")


def test_reduced_motion_turns_the_animations_off(
    api: ApiServer, page: Page, demo_user: str
) -> None:
    open_demo(page, api, demo_user)
    panel = by_id(page, "panel")
    assert style(panel, "transition-duration") != "0s"

    page.emulate_media(reduced_motion="reduce")

    assert set(style(panel, "transition-duration").split(", ")) == {"0s"}
    assert style(by_id(page, "launcher"), "transition-duration") == "0s"


def axe_violations(page: Page) -> list[dict[str, Any]]:
    """axe-core's WCAG 2.0-2.2 A and AA violations in the widget, its shadow root included."""
    if not page.evaluate("() => 'axe' in window"):
        page.add_script_tag(path=str(AXE))
    result: dict[str, Any] = page.evaluate(
        """async (tags) => {
          const results = await axe.run(
            { include: [['#support-chat-widget']] },
            { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] },
          );
          const summary = (rule) => ({
            id: rule.id,
            help: rule.help,
            nodes: rule.nodes.map((n) => ({ target: n.target, failure: n.failureSummary })),
          });
          return {
            violations: results.violations.map(summary),
            passes: results.passes.map(summary),
          };
        }""",
        WCAG_A_AA,
    )
    # A target inside a shadow root is a path: [[host selector, selector inside the root]].
    inside_shadow = [
        node
        for rule in result["passes"]
        for node in rule["nodes"]
        if isinstance(node["target"][0], list)
    ]
    assert inside_shadow, "axe did not look inside the shadow root"
    violations: list[dict[str, Any]] = result["violations"]
    return violations


@pytest.mark.parametrize(
    ("locale", "theme"), [("en", "light"), ("en", "dark"), ("ar", "light"), ("ar", "dark")]
)
def test_no_wcag_a_or_aa_violations(
    api: ApiServer, page: Page, demo_user: str, staff_token: str, locale: str, theme: str
) -> None:
    open_demo(page, api, demo_user, locale=locale, theme=theme)
    chat_id = chat_of(api, demo_user)
    arabic = locale == "ar"
    staff_reply(api, staff_token, chat_id, "مرحبًا! هل نساعدك؟" if arabic else "Hello! Can we help?")
    expect(by_id(page, "badge")).to_be_visible()

    assert axe_violations(page) == [], "closed launcher"

    open_panel(page)
    send(page, "أين طلبي؟" if arabic else "Where is my order?")
    staff_reply(api, staff_token, chat_id, "سيُشحن اليوم." if arabic else "It ships today.")
    expect(by_id(page, "message")).to_have_count(3)

    assert axe_violations(page) == [], "open panel"
    if (locale, theme) in (("en", "light"), ("ar", "dark")):
        screenshot(page, f"widget-v2-{locale}-{theme}")


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_a_failed_send_offers_a_readable_retry(
    api: ApiServer, page: Page, demo_user: str, theme: str
) -> None:
    open_demo(page, api, demo_user, theme=theme, color="#ffcc00")  # yellow text on white: 1.6:1
    page.route(
        "**/graphql",
        lambda route: (
            route.abort() if "sendMessage" in (route.request.post_data or "") else route.continue_()
        ),
    )
    open_panel(page)
    by_id(page, "input").fill("This one fails")
    by_id(page, "input").press("Enter")

    retry = by_id(page, "retry")
    expect(retry).to_be_visible()
    assert text_contrast(retry, by_id(page, "panel")) >= 4.5
    assert axe_violations(page) == []

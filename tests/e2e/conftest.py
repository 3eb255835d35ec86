"""Browser tests: Debian's Chromium driven by Playwright, against the real running stack."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from devtools.services import ROOT
from tests.support.servers import ApiServer

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """Per module: Playwright's sync API keeps an event loop running while it is open."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run devtools/ensure-chromium.sh")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def fresh_page(browser: Browser) -> Page:
    """A page in a context of its own: its own storage, as another person's browser."""
    return browser.new_context(viewport={"width": 1280, "height": 800}).new_page()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    opened = fresh_page(browser)
    yield opened
    opened.context.close()


@pytest.fixture
def second_page(browser: Browser) -> Iterator[Page]:
    opened = fresh_page(browser)
    yield opened
    opened.context.close()


@pytest.fixture
def demo_user() -> str:
    return f"e2e-{uuid.uuid4().hex[:12]}"


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def demo_url(api: ApiServer, user: str) -> str:
    return f"{api.url}/demo?user={user}"

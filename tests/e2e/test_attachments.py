"""A screenshot pasted into the widget reaches the dashboard; a file from staff comes back."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, expect

from tests.e2e.conftest import demo_url, screenshot
from tests.e2e.test_dashboard import by_id, log_in
from tests.support.servers import ApiServer
from tests.support.uploads import image_bytes

PASTE = """(input, file) => {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const data = new DataTransfer();
  data.items.add(new File([bytes], file.name, { type: file.type }));
  const init = { clipboardData: data, bubbles: true, cancelable: true };
  input.dispatchEvent(new ClipboardEvent('paste', init));
}"""


def paste(page: Page, name: str, content: bytes, media_type: str) -> None:
    file = {"name": name, "type": media_type, "base64": base64.b64encode(content).decode()}
    by_id(page, "input").evaluate(PASTE, file)


def loaded(image: Any) -> None:
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), "the image did not load"


def test_a_pasted_screenshot_reaches_staff_and_a_file_comes_back(
    api: ApiServer, page: Page, second_page: Page, staff_email: str, demo_user: str, tmp_path: Path
) -> None:
    widget, dashboard = page, second_page
    widget.goto(demo_url(api, demo_user))
    by_id(widget, "launcher").click()
    by_id(widget, "input").fill("Here is what I see")

    paste(widget, "evil.svg", b'<svg xmlns="http://www.w3.org/2000/svg"/>', "image/svg+xml")
    expect(by_id(widget, "upload-error")).to_contain_text("kind of file")
    expect(by_id(widget, "input")).to_have_value("Here is what I see")

    paste(widget, "image.png", image_bytes("PNG", (800, 500)), "image/png")
    expect(by_id(widget, "pending-file")).to_have_attribute("data-state", "ready")
    expect(by_id(widget, "upload-error")).to_be_hidden()
    screenshot(widget, "attachments-widget-tray")
    by_id(widget, "input").press("Enter")

    sent = by_id(widget, "message").filter(has_text="Here is what I see")
    expect(sent).to_have_attribute("data-status", "sent")
    loaded(sent.locator("img"))
    expect(by_id(widget, "pending-file")).to_have_count(0)

    log_in(dashboard, api, staff_email)
    by_id(dashboard, "chat-card").filter(has_text="Here is what I see").first.click()
    thumbnail = by_id(dashboard, "attachment").locator("img")
    loaded(thumbnail)
    screenshot(dashboard, "attachments-dashboard-chat")
    by_id(dashboard, "attachment").click()
    loaded(by_id(dashboard, "lightbox").locator("img"))
    screenshot(dashboard, "attachments-dashboard-lightbox")
    dashboard.keyboard.press("Escape")
    expect(by_id(dashboard, "lightbox")).to_have_count(0)

    invoice = tmp_path / "invoice.pdf"
    invoice.write_bytes(b"%PDF-1.4\n% a tiny test document\n")
    by_id(dashboard, "file-input").set_input_files(str(invoice))
    expect(by_id(dashboard, "pending-file")).to_have_attribute("data-state", "ready")
    by_id(dashboard, "composer-send").click()

    chip = by_id(widget, "attachment").filter(has_text="invoice.pdf")
    expect(chip).to_contain_text("B")
    expect(chip).to_have_attribute("download", "invoice.pdf")
    screenshot(widget, "attachments-widget-file")

"""The chat page in a real headless Debian chromium, driven by Playwright."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def _until(condition, timeout: float = 30.0) -> None:
    """Poll from Python: the page's CSP forbids the string eval wait_for_function uses."""
    deadline = time.time() + timeout
    while not condition():
        assert time.time() < deadline, "the page did not get there in time"
        time.sleep(0.1)


@pytest.fixture
def page():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is not installed (make test installs it with apt)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser.new_page(viewport={"width": 1100, "height": 800})
        browser.close()


def test_ask_see_cited_answer_open_highlighted_quote(page, server, tmp_path):
    page.goto(f"{server}/")
    page.fill("#question", "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    page.press("#question", "Enter")
    page.wait_for_selector(".msg.bot .cite", timeout=30_000)
    answer = page.inner_text(".msg.bot .answer")
    assert "10/19" in answer
    assert "Hạn chế, vướng mắc" in page.inner_text(".msg.bot .sources")
    page.click(".msg.bot .cite")
    mark = page.wait_for_selector("#source mark")
    assert "10/19" in mark.inner_text()
    assert "000_aa16ed5db4b16415.txt" in page.inner_text("#source-meta")
    page.screenshot(path=str(tmp_path / "chat-citation.png"))
    page.click("#source-full")
    _until(lambda: len(page.inner_text("#source-text")) > 5000)
    assert "10/19" in page.inner_text("#source mark")
    assert (tmp_path / "chat-citation.png").stat().st_size > 10_000


def test_not_found_looks_different_and_text_is_never_html(page, server):
    page.goto(f"{server}/")
    page.fill("#question", "<img src=x onerror=alert(1)> Giá vé xe khách là bao nhiêu?")
    page.press("#question", "Enter")
    page.wait_for_selector(".msg.bot.not-found", timeout=30_000)
    assert "Không tìm thấy" in page.inner_text(".msg.bot.not-found")
    assert page.query_selector("#chat img") is None  # the user's text stayed text
    assert "<img" in page.inner_text(".msg.user")


def test_phone_width_and_filters(page, server):
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{server}/")
    _until(lambda: page.locator("#f-year option").count() > 1)
    page.click("#filters-box summary")
    page.select_option("#f-year", "2024")
    page.fill("#question", "Xã Hoa Thám hiện đạt bao nhiêu tiêu chí nông thôn mới?")
    page.click("#send")
    page.wait_for_selector(".msg.bot .cite", timeout=30_000)
    assert "08/19" in page.inner_text(".msg.bot .answer")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "no horizontal scrolling on a phone"

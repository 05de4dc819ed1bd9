"""The chat page in a real headless Debian chromium, driven by Playwright."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

from tests.conftest import make_settings
from tests.web.conftest import QUESTION, SOURCE, live_server
from web.app import create_app
from web.docs import assets_dir

pytestmark = pytest.mark.slow
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WAIT = 30_000


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is missing at /usr/bin/chromium (`make browser` installs it)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


def _is_script_error(message) -> bool:
    """Console errors but not 4xx answers the page expects (a rejected question)."""
    return message.type == "error" and not message.text.startswith("Failed to load resource")


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1100, "height": 800}, locale="vi-VN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda m: errors.append(m.text) if _is_script_error(m) else None)
    page.goto(f"{server}/")
    yield page
    context.close()
    assert not errors, errors  # no script errors, no CSP violations


def ask(page, question: str, nth: int = 0):
    page.fill("#question", question)
    page.press("#question", "Enter")
    answer = page.locator(".msg.bot").nth(nth)
    page.locator(".msg.bot:not(.pending)").nth(nth).wait_for(timeout=WAIT)
    return answer


def test_ask_see_the_cited_answer_and_open_the_highlighted_quote(page, tmp_path):
    answer = ask(page, QUESTION)
    assert "10/19" in answer.locator(".answer").inner_text()
    assert answer.locator(".cite").first.inner_text() == "[1]"
    sources = answer.locator(".sources").inner_text()
    assert "Hạn chế, vướng mắc" in sources and "10/2022" in sources
    assert page.input_value("#question") == ""
    assert not page.is_visible("#notice")  # the index is ready

    answer.locator(".cite").first.click()
    dialog = page.locator("#source")
    mark = dialog.locator("mark").first
    mark.wait_for()
    assert "10/19" in mark.inner_text()
    assert SOURCE in page.inner_text("#source-meta")
    assert mark.is_visible()
    page.screenshot(path=str(tmp_path / "chat-citation.png"))
    assert (tmp_path / "chat-citation.png").stat().st_size > 10_000

    page.click("#source-full")
    expect(page.locator("#source-full")).to_have_text("Đang xem toàn văn")  # loaded
    assert len(page.text_content("#source-text")) > 5000
    assert "10/19" in dialog.locator("mark").first.inner_text()
    page.keyboard.press("Escape")
    assert not dialog.is_visible()


def test_follow_up_question_uses_the_conversation(page):
    ask(page, QUESTION)
    follow = ask(page, "Còn xã Hoa Thám?", nth=1)
    assert "08/19" in follow.locator(".answer").inner_text()
    assert page.locator(".msg.user").count() == 2
    page.click("#new-chat")
    assert page.locator(".msg").count() == 0 and page.is_visible("#intro")


def test_not_found_looks_different_and_text_is_never_html(page):
    answer = ask(page, "<img src=x onerror=alert(1)> Giá vé xe khách là bao nhiêu?")
    assert "not-found" in answer.get_attribute("class")
    assert "Không tìm thấy" in answer.inner_text()
    assert page.query_selector("#chat img") is None  # the user's text stayed text
    assert "<img" in page.inner_text(".msg.user")
    colours = page.eval_on_selector_all(
        ".msg.bot", "els => els.map(e => getComputedStyle(e).backgroundColor)"
    )
    assert colours[0] != "rgb(255, 255, 255)"


def test_rating_buttons_post_feedback(page):
    answer = ask(page, QUESTION)
    up, down = answer.locator(".rate.up"), answer.locator(".rate.down")

    def posted(response) -> bool:
        return response.url.endswith("/api/feedback") and response.request.method == "POST"

    with page.expect_response(posted) as sent:
        up.click()
    assert sent.value.status == 200 and sent.value.request.post_data_json["rating"] == "up"
    expect(up).to_have_attribute("aria-pressed", "true")
    with page.expect_response(posted):
        down.click()  # 👎 is recorded at once, then a comment is offered
    answer.locator(".rate-comment textarea").fill("Thiếu nguồn năm 2023")
    with page.expect_response(posted) as sent:
        answer.locator(".rate-comment button").click()
    assert sent.value.request.post_data_json["comment"] == "Thiếu nguồn năm 2023"
    expect(answer.locator(".rate-note")).to_have_text("Cảm ơn góp ý của bạn.")
    expect(down).to_have_attribute("aria-pressed", "true")


def test_a_rejected_question_is_explained_and_kept(page):
    too_long = "Xã Tam Gia " * 100
    answer = ask(page, too_long)
    assert "error" in answer.get_attribute("class")
    assert "quá dài" in answer.inner_text()
    assert page.input_value("#question") == too_long.strip()


def test_phone_width_filters_and_source_dialog(browser, server, tmp_path):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True)
    page = context.new_page()
    page.goto(f"{server}/")
    page.locator("#f-year option").nth(1).wait_for(state="attached")  # facets loaded
    page.click("#filters-box summary")
    page.select_option("#f-year", "2024")
    assert "1" in page.inner_text("#filter-count")
    answer = ask(page, "Xã Hoa Thám hiện đạt bao nhiêu tiêu chí nông thôn mới?")
    assert "08/19" in answer.locator(".answer").inner_text()
    assert "2024" in page.inner_text(".msg.user .filter-note")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375, "no sideways scrolling"
    send = page.locator("#send").bounding_box()
    assert send and send["x"] + send["width"] <= 375
    answer.locator(".cite").first.click()
    box = page.locator("#source").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert "08/19" in page.locator("#source mark").first.inner_text()
    page.screenshot(path=str(tmp_path / "phone.png"))
    context.close()


def test_api_docs_render_offline(page, server):
    if assets_dir() is None:
        pytest.skip("fastapi-offline is not installed: /docs falls back to a link to the schema")
    outside: list[str] = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(server) else None)
    page.goto(f"{server}/docs")
    page.locator(".opblock").first.wait_for(timeout=WAIT)
    assert page.locator(".opblock").count() >= 6
    assert not outside, outside


def test_an_empty_index_is_announced(browser, tmp_path):
    settings = make_settings(tmp_path / "data")
    with live_server(create_app(settings)) as url:
        page = browser.new_page()
        page.goto(f"{url}/")
        expect(page.locator("#notice")).to_contain_text("Chưa có văn bản nào được nạp")
        page.close()

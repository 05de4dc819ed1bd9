"""The "Nhiệm vụ" tab in a real headless Debian chromium: filter by agency and due window,
overdue tasks marked, a task opens its quoted passage."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.web.test_browser import WAIT, browser, page  # noqa: F401  (fixtures)

pytestmark = pytest.mark.slow
SESSION_TITLE = "Kết luận phiên họp UBND tỉnh tháng 3"


def test_the_tasks_tab_filters_marks_overdue_and_opens_the_source(page):  # noqa: F811
    page.click("#tab-tasks")
    expect(page.locator("#tasks-view")).to_be_visible()
    assert not page.is_visible("#ask-form")
    expect(page.locator("#tasks-status")).to_contain_text("nhiệm vụ", timeout=WAIT)
    page.fill("#t-agency", "so xay dung")
    page.press("#t-agency", "Enter")
    row = page.locator("#tasks-body tr", has_text="05/4/2022")
    expect(row).to_have_count(1, timeout=WAIT)
    assert "overdue" in row.get_attribute("class")  # 2022 is long past
    assert "Quá hạn" in row.inner_text() and "Sở Xây dựng" in row.inner_text()
    assert all("Sở Xây dựng" in t for t in page.locator("#tasks-body td.agency").all_inner_texts())

    page.select_option("#t-window", "overdue")
    expect(page.locator("#tasks-body tr")).to_have_count(1, timeout=WAIT)
    page.select_option("#t-window", "30")
    expect(page.locator("#tasks-status")).to_have_text(
        "Không có nhiệm vụ nào khớp bộ lọc.", timeout=WAIT
    )
    page.select_option("#t-window", "custom")
    page.fill("#t-agency", "Sở TN&MT")
    page.fill("#t-from", "2022-03-01")
    page.fill("#t-to", "2022-03-31")
    page.click("#tasks-filters button[type=submit]")
    row = page.locator("#tasks-body tr", has_text="31/3/2022")
    expect(row).to_have_count(1, timeout=WAIT)

    row.locator("button.link").click()
    mark = page.locator("#source mark").first
    mark.wait_for(timeout=WAIT)
    assert "tháng 3/2022" in mark.inner_text()
    assert SESSION_TITLE in page.inner_text("#source-title")
    page.keyboard.press("Escape")
    page.click("#tab-chat")
    expect(page.locator("#ask-form")).to_be_visible()


def test_the_tasks_tab_at_phone_width(page):  # noqa: F811
    page.set_viewport_size({"width": 380, "height": 800})
    page.click("#tab-tasks")
    expect(page.locator("#tasks-body tr").first).to_be_visible(timeout=WAIT)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 400  # no sideways scrolling on a phone

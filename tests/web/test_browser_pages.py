"""The chat page shows "trang N" beside a citation from a PDF (real Debian chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from answering.service import AnswerService
from ingest.pipeline import Ingestor
from tests.conftest import make_settings
from tests.ingest.test_ocr import TYPED, typed_pdf
from tests.web.conftest import live_server
from tests.web.test_browser import ARGS, CHROMIUM, WAIT, ask
from web.app import create_app

pytestmark = pytest.mark.slow


def test_a_pdf_citation_shows_its_page(tmp_path: Path):
    if not CHROMIUM.exists():
        pytest.skip("Debian chromium is missing at /usr/bin/chromium (`make browser` installs it)")
    from playwright.sync_api import sync_playwright

    docs = tmp_path / "docs"
    docs.mkdir()
    typed_pdf(TYPED, docs / "thai-binh.pdf")
    settings = make_settings(tmp_path / "data", rate_limit_per_minute=10_000)
    Ingestor(settings).run([docs])
    app = create_app(settings, service=AnswerService.from_settings(settings))
    with live_server(app) as url, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        page = browser.new_page(locale="vi-VN")
        page.goto(f"{url}/")
        answer = ask(page, "Xã Thái Bình đạt bao nhiêu tiêu chí nông thôn mới?")
        assert "12/19" in answer.locator(".answer").inner_text()
        assert "trang 1" in answer.locator(".source-meta").first.inner_text(timeout=WAIT)
        answer.locator(".source-link").first.click()
        assert "trang 1" in page.locator("#source-meta").inner_text(timeout=WAIT)
        browser.close()

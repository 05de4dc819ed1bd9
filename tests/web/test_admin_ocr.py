"""Admin upload of a scanned notice on a real server: accepted at once, OCR'd in the job with
per-page progress, then answerable with the page in the citation."""

from __future__ import annotations

import time
from pathlib import Path

import httpx
import pytest

from answering.service import AnswerService
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES, make_settings
from tests.ingest.scans import layout, save_pdf, scanned
from tests.web.conftest import live_server
from web.app import create_app

TOKEN = "s3cret-admin-token"
AUTH = {"X-Admin-Token": TOKEN}
PAGE_ONE = """THÔNG BÁO

Kết luận kiểm tra tiến độ xây dựng nông thôn mới tại huyện Đình Lập"""
PAGE_TWO = """1. Kết quả

Ngày 05/6/2025, Đoàn kiểm tra đã làm việc tại huyện Đình Lập. Đến nay huyện \
Đình Lập có 7 xã đạt chuẩn nông thôn mới."""


@pytest.fixture
def admin(tmp_path: Path):
    settings = make_settings(
        tmp_path / "data",
        docs_dir=SAMPLES,
        admin_token=TOKEN,
        rate_limit_per_minute=10_000,
        ocr_workers=1,  # pages one after another, so the progress has a step to show
    )
    Ingestor(settings).run([SAMPLES])
    with live_server(create_app(settings, service=AnswerService.from_settings(settings))) as url:
        yield url


def test_scanned_upload_shows_page_progress_then_answers(admin, tmp_path: Path):
    pages = layout(PAGE_ONE, size_pt=14) + layout(PAGE_TWO, size_pt=14, centred=0)
    scan = save_pdf(scanned(pages), tmp_path / "dinh-lap-quet.pdf").read_bytes()
    files = [
        ("files", ("dinh-lap-quet.pdf", scan, "application/pdf")),
        ("files", ("cat-ngang.pdf", scan[: len(scan) // 2], "application/pdf")),
    ]
    started = time.monotonic()
    r = httpx.post(f"{admin}/admin/documents", headers=AUTH, files=files, timeout=30)
    assert r.status_code == 202, r.text
    assert time.monotonic() - started < 5  # the OCR runs in the job, not in the request
    body = r.json()
    assert body["accepted"] == ["dinh-lap-quet.pdf"]
    assert "hỏng" in body["rejected"][0]["error"]

    job, seen = body["job"], set()
    deadline = time.monotonic() + 120
    while job["state"] in ("queued", "running") and time.monotonic() < deadline:
        if job["pages_total"]:
            seen.add((job["pages_done"], job["pages_total"]))
        time.sleep(0.05)
        job = httpx.get(f"{admin}/admin/jobs/{job['id']}", headers=AUTH).json()
    assert job["state"] == "done" and job["added"] == 1 and job["ocr_pages"] == 2
    assert (job["pages_done"], job["pages_total"]) == (2, 2)
    assert seen & {(0, 2), (1, 2)}, seen  # watched while the pages were being read

    question = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới?"
    answer = httpx.post(f"{admin}/api/ask", json={"question": question}, timeout=30).json()
    assert answer["found"] and "7 xã" in answer["answer"]
    cited = answer["citations"][0]
    assert cited["source"] == "dinh-lap-quet.pdf" and cited["page"] == 2

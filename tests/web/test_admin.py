"""Admin API on a real server: auth, upload → answerable, replace, delete, bad uploads."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import httpx
import pytest

from answering.service import AnswerService
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES, make_settings
from tests.web.conftest import live_server
from web.app import create_app

TOKEN = "s3cret-admin-token"
AUTH = {"X-Admin-Token": TOKEN}
NEW_NOTICE = """THÔNG BÁO

Kết luận kiểm tra tiến độ xây dựng nông thôn mới tại huyện Đình Lập

Ngày 05/6/2025, Đoàn kiểm tra đã làm việc tại huyện Đình Lập. \
Đến nay huyện Đình Lập có 7 xã đạt chuẩn nông thôn mới.
"""


@pytest.fixture
def admin(tmp_path: Path):
    docs = tmp_path / "docs"
    shutil.copytree(SAMPLES, docs)
    settings = make_settings(
        tmp_path / "data",
        docs_dir=docs,
        admin_token=TOKEN,
        upload_max_bytes=50_000,
        rate_limit_per_minute=10_000,
    )
    Ingestor(settings).run([docs])
    service = AnswerService.from_settings(settings)
    with live_server(create_app(settings, service=service)) as url:
        yield url, settings


def _wait(url: str, job: dict) -> dict:
    deadline = time.time() + 120
    while job["state"] in ("queued", "running") and time.time() < deadline:
        time.sleep(0.1)
        job = httpx.get(f"{url}/admin/jobs/{job['id']}", headers=AUTH).json()
    return job


def _ask(url: str, question: str) -> dict:
    return httpx.post(f"{url}/api/ask", json={"question": question}, timeout=30).json()


def test_auth(admin, sample_settings, sample_service):
    url, _ = admin
    assert httpx.post(f"{url}/admin/reindex").status_code == 401
    assert httpx.post(f"{url}/admin/reindex", headers={"X-Admin-Token": "wrong"}).status_code == 401
    bearer = httpx.get(f"{url}/admin/jobs", headers={"Authorization": f"Bearer {TOKEN}"})
    assert bearer.status_code == 200
    with live_server(create_app(sample_settings, service=sample_service)) as off:  # no token set
        r = httpx.post(f"{off}/admin/reindex", headers=AUTH)
        assert r.status_code == 404 and "CHIDAO_ADMIN_TOKEN" in r.json()["detail"]
        page = httpx.get(f"{off}/admin")  # says plainly that admin is off and how to turn it on
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html")
        assert "Chức năng quản trị đang tắt" in page.text and "CHIDAO_ADMIN_TOKEN" in page.text
        assert "upload-form" not in page.text
    page = httpx.get(f"{url}/admin")  # the page itself; actions need the token
    assert page.status_code == 200 and "upload-form" in page.text


def test_upload_is_answerable_at_once_then_replace_then_delete(admin):
    url, _ = admin
    question = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới?"
    assert not _ask(url, question)["found"]
    files = {"files": ("dinh-lap.txt", NEW_NOTICE.encode(), "text/plain")}
    r = httpx.post(f"{url}/admin/documents", headers=AUTH, files=files)
    assert r.status_code == 202, r.text
    assert _wait(url, r.json()["job"])["added"] == 1
    answer = _ask(url, question)
    assert answer["found"] and "7 xã" in answer["answer"]
    assert answer["citations"][0]["source"] == "dinh-lap.txt"

    replaced = NEW_NOTICE.replace("có 7 xã", "có 9 xã")
    r = httpx.post(
        f"{url}/admin/documents",
        headers=AUTH,
        files={"files": ("dinh-lap.txt", replaced.encode(), "text/plain")},
    )
    assert _wait(url, r.json()["job"])["updated"] == 1
    answer = _ask(url, question)
    assert "9 xã" in answer["answer"] and "7 xã" not in answer["answer"]

    doc_id = answer["citations"][0]["doc_id"]
    r = httpx.delete(f"{url}/admin/documents/{doc_id}", headers=AUTH)
    assert _wait(url, r.json()["job"])["removed"] == 1
    assert not _ask(url, question)["found"]
    assert httpx.delete(f"{url}/admin/documents/{doc_id}", headers=AUTH).status_code == 404
    log = httpx.get(f"{url}/admin/jobs", headers=AUTH).json()
    assert len(log) >= 3 and all(j["requested_by"].startswith("admin@") for j in log)


def test_bad_uploads_fail_alone_and_write_nothing_outside(admin, tmp_path):
    url, settings = admin
    files = [
        ("files", ("ok.txt", NEW_NOTICE.encode(), "text/plain")),
        ("files", ("empty.txt", b"", "text/plain")),
        ("files", ("garbage.txt", bytes(range(256)) * 20, "text/plain")),
        ("files", ("broken.pdf", b"%PDF-1.4 garbage", "application/pdf")),
        ("files", ("broken.docx", b"PK\x03\x04garbage", "application/octet-stream")),
        ("files", ("virus.exe", b"MZ....", "application/octet-stream")),
        ("files", ("huge.txt", b"a " * 40_000, "text/plain")),
        ("files", ("../../escape.txt", NEW_NOTICE.encode(), "text/plain")),
    ]
    r = httpx.post(f"{url}/admin/documents", headers=AUTH, files=files)
    assert r.status_code == 202
    body = r.json()
    assert body["accepted"] == ["ok.txt"]
    reasons = {item["name"]: item["error"] for item in body["rejected"]}
    assert set(reasons) == {
        "empty.txt",
        "garbage.txt",
        "broken.pdf",
        "broken.docx",
        "virus.exe",
        "huge.txt",
        "../../escape.txt",
    }
    assert "rỗng" in reasons["empty.txt"] and "quá lớn" in reasons["huge.txt"]
    assert "không hỗ trợ" in reasons["virus.exe"] and "không hợp lệ" in reasons["../../escape.txt"]
    assert _wait(url, body["job"])["added"] == 1
    assert (
        not (tmp_path / "escape.txt").exists()
        and not (settings.data_dir.parent / "escape.txt").exists()
    )
    stored = {p.name for p in (settings.data_dir / "uploads").iterdir()}
    assert stored == {"ok.txt"}
    only_bad = httpx.post(
        f"{url}/admin/documents", headers=AUTH, files={"files": ("empty.txt", b"", "text/plain")}
    )
    assert only_bad.status_code == 400 and only_bad.json()["rejected"]


def test_one_job_at_a_time_and_reindex(admin):
    url, settings = admin
    for i in range(80):  # enough files that the first job is still running for the second call
        (settings.docs_dir / f"extra-{i}.txt").write_text(NEW_NOTICE.replace("7 xã", f"{i} xã"))
    first = httpx.post(f"{url}/admin/reindex", headers=AUTH)
    assert first.status_code == 200
    second = httpx.post(f"{url}/admin/reindex", headers=AUTH)
    assert second.status_code == 409 and first.json()["job"]["id"] in second.json()["detail"]
    done = _wait(url, first.json()["job"])
    assert done["state"] == "done" and done["added"] == 80

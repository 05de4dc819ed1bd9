"""Ratings and the question log on a real server: ask → rate → list → CSV, errors, the admin
token, the log switched off, and re-asking unanswered questions after a re-index."""

from __future__ import annotations

import csv
import io
import shutil
import time
from datetime import date, timedelta

import httpx
import pytest

from answering.question_log import DB_NAME
from answering.service import AnswerService
from ingest.pipeline import Ingestor
from tests.conftest import SAMPLES, make_settings
from tests.web.conftest import QUESTION, live_server, sse_events
from web.app import create_app

TOKEN = "feedback-admin-token"
AUTH = {"X-Admin-Token": TOKEN}
ABSENT = "Giá vé xe buýt Lạng Sơn đi Hà Nội là bao nhiêu?"
ABSENT_PLAIN = "gia ve xe buyt lang son di ha noi la bao nhieu"
DINH_LAP = "Huyện Đình Lập có bao nhiêu xã đạt chuẩn nông thôn mới?"
NOTICE = """THÔNG BÁO

Kết luận kiểm tra tiến độ xây dựng nông thôn mới tại huyện Đình Lập

Ngày 05/6/2025, Đoàn kiểm tra đã làm việc tại huyện Đình Lập. \
Đến nay huyện Đình Lập có 7 xã đạt chuẩn nông thôn mới.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Its own index of the samples (re-indexed by one test) and its own question log."""
    root = tmp_path_factory.mktemp("feedback")
    docs = root / "docs"
    shutil.copytree(SAMPLES, docs)
    settings = make_settings(
        root / "data", docs_dir=docs, admin_token=TOKEN, rate_limit_per_minute=10_000
    )
    Ingestor(settings).run([docs])
    service = AnswerService.from_settings(settings)
    with live_server(create_app(settings, service=service)) as url:
        yield url, settings, service


def ask(url: str, question: str) -> dict:
    r = httpx.post(f"{url}/api/ask", json={"question": question}, timeout=30)
    assert r.status_code == 200, r.text
    return r.json()


def rate(url: str, answer_id: str, rating: str, comment: str | None = None) -> httpx.Response:
    body = {"answer_id": answer_id, "rating": rating}
    if comment is not None:
        body["comment"] = comment
    return httpx.post(f"{url}/api/feedback", json=body, timeout=10)


def listed(url: str, **params) -> list[dict]:
    r = httpx.get(f"{url}/admin/questions", params=params, headers=AUTH, timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["questions"]


def group_of(groups: list[dict], question: str) -> dict:
    return next(g for g in groups if g["question"] == question)


def test_ask_rate_list_and_csv(site):
    url, _, _ = site
    first = ask(url, QUESTION)
    with httpx.stream("POST", f"{url}/api/ask/stream", json={"question": QUESTION}) as r:
        streamed = dict(sse_events(r))["answer"]
    assert first["answer_id"] and streamed["answer_id"]
    assert first["answer_id"] != streamed["answer_id"]
    assert httpx.get(f"{url}/api/feedback").json() == {"enabled": True}

    assert rate(url, first["answer_id"], "up").status_code == 200
    r = rate(url, first["answer_id"], "down", "Thiếu số liệu năm 2023.")  # replaces the 👍
    assert r.status_code == 200 and r.json()["rating"] == "down"
    assert rate(url, streamed["answer_id"], "up").status_code == 200

    ask(url, ABSENT)
    ask(url, ABSENT_PLAIN)
    group = group_of(listed(url, status="down"), QUESTION)
    assert group["count"] == 2 and group["found"] is True
    assert (group["up"], group["down"]) == (1, 1)
    assert group["comments"] == ["Thiếu số liệu năm 2023."]
    unanswered = listed(url, status="unanswered")
    assert QUESTION not in [g["question"] for g in unanswered]
    absent = group_of(unanswered, ABSENT_PLAIN)  # shown as last asked, counted with its twin
    assert absent["count"] == 2 and absent["found"] is False and absent["last_asked"]
    everything = listed(url, status="all")
    assert {QUESTION, ABSENT_PLAIN} <= {g["question"] for g in everything}
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    assert listed(url, since=tomorrow) == []

    r = httpx.get(f"{url}/admin/questions", params={"format": "csv"}, headers=AUTH)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text.removeprefix("\ufeff"))))
    by_question = {row["question"]: row for row in rows}
    assert by_question[QUESTION]["count"] == "2" and by_question[QUESTION]["down"] == "1"
    assert by_question[ABSENT_PLAIN]["found"] == "false"
    assert by_question[QUESTION]["comments"] == "Thiếu số liệu năm 2023."


def test_bad_ratings_are_refused_in_vietnamese(site):
    url, _, _ = site
    answer_id = ask(url, QUESTION)["answer_id"]
    unknown = rate(url, "not-an-answer-we-gave", "up")
    assert unknown.status_code == 404 and "Không tìm thấy câu trả lời" in unknown.json()["detail"]
    bad = rate(url, answer_id, "meh")
    assert bad.status_code == 422 and "rating" in bad.json()["detail"]
    long = rate(url, answer_id, "down", "x" * 1001)
    assert long.status_code == 422 and "quá dài (tối đa 1000 ký tự)" in long.json()["detail"]
    assert rate(url, answer_id, "down", "x" * 1000).status_code == 200
    missing = httpx.post(f"{url}/api/feedback", json={"rating": "up"})
    assert missing.status_code == 422 and "bị thiếu" in missing.json()["detail"]
    for params in ({"status": "everything"}, {"since": "01/02/2025"}, {"format": "xml"}):
        r = httpx.get(f"{url}/admin/questions", params=params, headers=AUTH)
        assert r.status_code == 422 and "không hợp lệ" in r.json()["detail"], params


def test_the_question_log_needs_the_admin_token(site):
    url, _, _ = site
    for headers in ({}, {"X-Admin-Token": "wrong"}, {"Authorization": "Bearer wrong"}):
        r = httpx.get(f"{url}/admin/questions", headers=headers)
        assert r.status_code in (401, 403) and r.json()["detail"], headers
        r = httpx.get(f"{url}/admin/questions", params={"format": "csv"}, headers=headers)
        assert r.status_code in (401, 403) and QUESTION not in r.text
        assert httpx.post(f"{url}/admin/questions/recheck", headers=headers).status_code in (
            401,
            403,
        )


def test_switched_off_nothing_is_kept_and_feedback_says_so(site, tmp_path):
    _, settings, service = site
    off = settings.model_copy(update={"question_log": False, "data_dir": tmp_path / "off"})
    with live_server(create_app(off, service=service)) as url:
        answer = ask(url, QUESTION)
        assert answer["answer_id"]  # every answer still carries its id
        assert httpx.get(f"{url}/api/feedback").json() == {"enabled": False}
        r = rate(url, answer["answer_id"], "up")
        assert r.status_code == 404 and "CHIDAO_QUESTION_LOG=0" in r.json()["detail"]
        r = httpx.get(f"{url}/admin/questions", headers=AUTH)
        assert r.status_code == 404 and "đang tắt" in r.json()["detail"]
    assert not (tmp_path / "off" / DB_NAME).exists()


def test_after_a_reindex_unanswered_questions_are_asked_again(site):
    url, _, _ = site
    assert not ask(url, DINH_LAP)["found"]
    assert not ask(url, ABSENT)["found"]
    r = httpx.post(f"{url}/admin/questions/recheck", headers=AUTH, timeout=60)
    assert r.status_code == 200
    assert group_of(r.json()["questions"], DINH_LAP)["found"] is False

    files = {"files": ("dinh-lap.txt", NOTICE.encode(), "text/plain")}
    job = httpx.post(f"{url}/admin/documents", headers=AUTH, files=files).json()["job"]
    deadline = time.monotonic() + 120
    while job["state"] in ("queued", "running") and time.monotonic() < deadline:
        time.sleep(0.1)
        job = httpx.get(f"{url}/admin/jobs/{job['id']}", headers=AUTH).json()
    assert job["state"] == "done" and job["added"] == 1

    r = httpx.post(f"{url}/admin/questions/recheck", headers=AUTH, timeout=60)
    report = r.json()
    now = group_of(report["questions"], DINH_LAP)
    assert now["found"] and "7 xã" in now["answer"] and now["count"] == 1
    assert report["now_answered"] >= 1 and report["checked"] >= report["now_answered"]
    assert group_of(report["questions"], ABSENT)["found"] is False
    assert group_of(listed(url, status="unanswered"), DINH_LAP)["count"] == 1  # nothing logged

"""/nhiemvu and the daily digest, on the real Application against the fake Bot API; the digest
job's clock (when it fires, what "today" is) is driven by the test."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

from bot import texts
from bot.app import build_application
from bot.tasks import DIGEST_JOB
from ingest.jobs import IngestJobs
from tests.bot.fake_bot_api import FakeBotApi, html_to_text
from tests.bot.harness import GROUPS, STRANGER, USERS, bot_settings, running

DIGEST_GROUP = GROUPS[7]
TZ = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture(scope="module")
def task_bot(api, sample_settings, sample_service, tmp_path_factory) -> Iterator[Application]:
    """A bot whose digest goes at 07:30 to one allowed group and to a chat that is not allowed."""
    settings = bot_settings(
        sample_settings,
        api,
        tmp_path_factory.mktemp("task-bot"),
        telegram_digest_chats=f"{DIGEST_GROUP} {STRANGER}",
        telegram_digest_time="07:30",
    )
    application = build_application(settings, sample_service, IngestJobs(settings))
    with running(application) as app:
        yield app


def _set_today(application: Application, day: date) -> None:
    application.bot_data["today"] = lambda: day


def test_nhiemvu_lists_an_agencys_tasks_soonest_first(api: FakeBotApi, task_bot):
    _set_today(task_bot, date(2022, 4, 1))
    user = USERS[20]
    api.message(user, "/nhiemvu so xay dung")
    [reply] = api.wait_for("sendMessage", user)
    shown = html_to_text(reply.text)
    assert "05/4/2022" in shown and "Sở Xây dựng" in shown and "quá hạn" not in shown
    assert shown.index("05/4/2022") < shown.index("chưa có hạn")
    assert not api.errors


def test_nhiemvu_marks_overdue_tasks(api: FakeBotApi, task_bot):
    _set_today(task_bot, date(2022, 5, 1))
    user = USERS[21]
    api.message(user, "/nhiemvu Sở TN&MT")
    [reply] = api.wait_for("sendMessage", user)
    shown = html_to_text(reply.text)
    assert "31/3/2022 ⚠️ quá hạn" in shown and "Kết luận phiên họp UBND tỉnh tháng 3" in shown


def test_nhiemvu_without_an_agency_shows_what_falls_due_soon(api: FakeBotApi, task_bot):
    _set_today(task_bot, date(2022, 3, 20))
    user = USERS[22]
    api.message(user, "/nhiemvu")
    [reply] = api.wait_for("sendMessage", user)
    shown = html_to_text(reply.text)
    assert shown.index("31/3/2022") < shown.index("05/4/2022")
    _set_today(task_bot, date(2030, 1, 1))
    api.message(user, "/nhiemvu")
    [_, empty] = api.wait_for("sendMessage", user, count=2)
    assert "Không có nhiệm vụ nào đến hạn" in html_to_text(empty.text)
    api.message(user, "/nhiemvu Sở Ngoại vụ")
    [*_, none] = api.wait_for("sendMessage", user, count=3)
    assert "Không tìm thấy nhiệm vụ nào" in html_to_text(none.text)


def test_a_stranger_gets_no_tasks(api: FakeBotApi, task_bot):
    api.message(STRANGER, "/nhiemvu Sở Xây dựng")
    [reply] = api.wait_for("sendMessage", STRANGER)
    assert reply.text == texts.REFUSED


def test_the_digest_is_scheduled_daily_at_the_configured_time(task_bot):
    [job] = task_bot.job_queue.get_jobs_by_name(DIGEST_JOB)
    fires = job.next_t.astimezone(TZ)
    assert (fires.hour, fires.minute) == (7, 30)
    assert fires - datetime.now(TZ) <= timedelta(days=1)


def test_the_digest_sends_the_week_ahead_to_allowed_chats_only(api: FakeBotApi, task_bot):
    _set_today(task_bot, date(2022, 3, 30))
    [job] = task_bot.job_queue.get_jobs_by_name(DIGEST_JOB)
    job.job.modify(next_run_time=datetime.now(TZ))  # the clock reaches 07:30 now
    [digest] = api.wait_for("sendMessage", DIGEST_GROUP)
    shown = html_to_text(digest.text)
    assert "đến 06/4/2022" in shown
    assert "31/3/2022" in shown and "05/4/2022" in shown and "Sở Xây dựng" in shown
    assert not api.find("sendMessage", STRANGER) or all(
        c.text == texts.REFUSED for c in api.find("sendMessage", STRANGER)
    )
    [job] = task_bot.job_queue.get_jobs_by_name(DIGEST_JOB)  # still scheduled for tomorrow
    assert job.next_t.astimezone(TZ).hour == 7


def test_no_digest_without_opted_in_chats(api, sample_settings, sample_service, tmp_path):
    settings = bot_settings(sample_settings, api, tmp_path)
    application = build_application(settings, sample_service, IngestJobs(settings))
    assert application.job_queue.get_jobs_by_name(DIGEST_JOB) == ()


def test_a_task_question_in_telegram_is_answered_from_the_list(api: FakeBotApi, task_bot):
    user = USERS[23]
    api.message(user, "Sở Xây dựng có nhiệm vụ gì sắp đến hạn?")
    [reply] = api.wait_for("sendMessage", user)
    shown = html_to_text(reply.text)
    assert "05/4/2022" in shown and "[1]" in shown and "003_0ce4c6df32ab89d9.txt" in shown

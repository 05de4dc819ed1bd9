"""👍/👎 under answers and /unanswered, on the real Application against the fake Bot API."""

from __future__ import annotations

import time

import pytest

from answering.question_log import QuestionLog, normalize
from bot import texts
from bot.app import build_application
from ingest.jobs import IngestJobs
from tests.bot.fake_bot_api import FakeBotApi, html_to_text
from tests.bot.harness import ADMIN, STRANGER, USERS, bot_settings, running

QUESTION = "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"
RATED = "Xã Hoa Thám hiện đạt bao nhiêu tiêu chí nông thôn mới?"
STRANGERS = "Tỷ lệ giải ngân vốn sự nghiệp CTMTQG của Bình Gia là bao nhiêu?"
ABSENT = "Giá vé xe buýt Lạng Sơn đi Hà Nội là bao nhiêu?"
ABSENT_PLAIN = "gia ve xe buyt lang son di ha noi la bao nhieu"

pytestmark = pytest.mark.usefixtures("bot")


def answers(press: dict):
    return lambda call: call.params.get("callback_query_id") == press["callback_query"]["id"]


def rating_row(reply) -> list[dict]:
    """The last row of the answer's keyboard: 👍 then 👎."""
    return reply.json("reply_markup")["inline_keyboard"][-1]


def question_log(bot) -> QuestionLog:
    return bot.bot_data["question_log"]


def test_answers_carry_rating_buttons_under_the_citations(api: FakeBotApi):
    user = USERS[20]
    api.message(user, QUESTION)
    [reply] = api.wait_for("sendMessage", user)
    rows = reply.json("reply_markup")["inline_keyboard"]
    assert rows[0][0]["text"] == "[1]"  # the citation buttons stay first
    up, down = rating_row(reply)
    assert (up["text"], down["text"]) == ("👍", "👎")
    assert up["callback_data"].startswith("fb:u:") and down["callback_data"].startswith("fb:d:")
    assert up["callback_data"][5:] == down["callback_data"][5:]  # one answer_id
    assert len(up["callback_data"][5:]) >= 20 and len(up["callback_data"].encode()) <= 64
    assert not api.errors


def test_a_tap_records_the_rating_and_a_second_tap_replaces_it(api: FakeBotApi, bot):
    user = USERS[21]
    api.message(user, RATED)
    [reply] = api.wait_for("sendMessage", user)
    up, down = rating_row(reply)
    press = api.press(user, api.sent_message(reply), up["callback_data"])
    [thanks] = api.wait_for("answerCallbackQuery", where=answers(press))
    assert thanks.params["text"] == texts.RATED_UP and "show_alert" not in thanks.params
    assert _rating_of(bot, RATED) == (1, 0)

    press = api.press(user, api.sent_message(reply), down["callback_data"])
    [thanks] = api.wait_for("answerCallbackQuery", where=answers(press))
    assert thanks.params["text"] == texts.RATED_DOWN
    assert _rating_of(bot, RATED) == (0, 1)  # the 👍 was replaced

    press = api.press(user, api.sent_message(reply), "fb:u:no-such-answer-id")
    [expired] = api.wait_for("answerCallbackQuery", where=answers(press))
    assert expired.params["text"] == texts.RATING_EXPIRED


def test_a_stranger_cannot_rate(api: FakeBotApi, bot):
    user = USERS[22]
    api.message(user, STRANGERS)
    [reply] = api.wait_for("sendMessage", user)
    up, _ = rating_row(reply)
    message = {**api.sent_message(reply), "chat": api.chat(STRANGER)}
    press = api.press(STRANGER, message, up["callback_data"])
    [refusal] = api.wait_for("answerCallbackQuery", where=answers(press))
    assert refusal.params["text"] == texts.REFUSED
    time.sleep(0.3)
    assert _rating_of(bot, STRANGERS) == (0, 0)


def test_unanswered_lists_the_top_groups_for_admins_only(api: FakeBotApi, bot):
    user = USERS[23]
    for text in (ABSENT, ABSENT_PLAIN, ABSENT):
        api.message(user, text)
    api.wait_for("sendMessage", user, count=3)
    api.message(user, "/unanswered")
    [*_, refused] = api.wait_for("sendMessage", user, count=4)
    assert refused.text == texts.ADMIN_ONLY

    api.message(ADMIN, "/unanswered")
    [listing] = api.wait_for("sendMessage", ADMIN)
    shown = html_to_text(listing.text)
    assert "Câu hỏi chưa có câu trả lời" in shown
    first = shown.splitlines()[1]
    assert first.startswith("1. ") and first.endswith("— 3 lần")
    assert normalize(ABSENT) in normalize(first)  # as last asked: accented or not
    assert QUESTION not in shown  # answered questions are not on the list
    assert not api.errors


def test_with_the_log_off_there_are_no_rating_buttons(sample_settings, sample_service, tmp_path):
    with FakeBotApi() as api:
        settings = bot_settings(sample_settings, api, tmp_path, question_log=False)
        application = build_application(settings, sample_service, IngestJobs(settings))
        with running(application):
            api.message(USERS[24], QUESTION)
            [reply] = api.wait_for("sendMessage", USERS[24])
            rows = reply.json("reply_markup")["inline_keyboard"]
            assert all(not b["callback_data"].startswith("fb:") for row in rows for b in row)
            api.message(ADMIN, "/unanswered")
            [off] = api.wait_for("sendMessage", ADMIN)
            assert off.text == texts.LOG_OFF
    assert not (tmp_path / "data").exists()


def _rating_of(bot, question: str) -> tuple[int, int]:
    """(👍, 👎) of one question, from the bot's own question log."""
    groups = question_log(bot).groups()
    group = next(g for g in groups if g.question == question)
    return group.up, group.down

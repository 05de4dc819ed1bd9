"""End to end: the real Application, handlers and HTTP layer against the fake Bot API, answering
from the real sample service."""

from __future__ import annotations

import time

import pytest

from bot import texts
from tests.bot.fake_bot_api import BOT_USER, FakeBotApi, html_to_text
from tests.bot.harness import ADMIN, GROUPS, STRANGER, USERS

QUESTION = "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"
SOURCE = "000_aa16ed5db4b16415.txt"

pytestmark = pytest.mark.usefixtures("bot")


def answers(press: dict):
    """Matches the answerCallbackQuery call for one button press."""
    return lambda call: call.params.get("callback_query_id") == press["callback_query"]["id"]


def settle() -> None:
    """Give an update that should be ignored the time it would take to be answered."""
    time.sleep(0.3)


def test_question_gets_an_answer_with_a_citation(api: FakeBotApi):
    user = USERS[0]
    api.message(user, QUESTION)
    [reply] = api.wait_for("sendMessage", user)
    assert reply.params["parse_mode"] == "HTML"
    shown = html_to_text(reply.text)
    assert "10/19" in shown and "[1]" in shown and SOURCE in shown
    assert "Nguồn:" in shown
    buttons = reply.json("reply_markup")["inline_keyboard"][0]
    assert buttons[0]["text"] == "[1]"
    [action] = api.wait_for("sendChatAction", user)
    assert action.params["action"] == "typing"
    assert not api.errors


def test_citation_button_shows_the_full_passage(api: FakeBotApi):
    user = USERS[1]
    api.message(user, QUESTION)
    [reply] = api.wait_for("sendMessage", user)
    button = reply.json("reply_markup")["inline_keyboard"][0][0]
    press = api.press(user, api.sent_message(reply), button["callback_data"])
    [answered] = api.wait_for("answerCallbackQuery", where=answers(press))
    assert "show_alert" not in answered.params
    [_, passage] = api.wait_for("sendMessage", user, count=2)
    assert "<blockquote>" in passage.text
    assert "<b>" in passage.text and "10/19" in passage.text
    assert SOURCE in html_to_text(passage.text)
    assert not api.errors


def test_an_unknown_citation_button_says_it_expired(api: FakeBotApi):
    user = USERS[2]
    api.message(user, "/help")
    [reply] = api.wait_for("sendMessage", user)
    press = api.press(user, api.sent_message(reply), "cite:deadbeef:1")
    [answered] = api.wait_for("answerCallbackQuery", where=answers(press))
    assert answered.params["text"] == texts.CITATION_EXPIRED


def test_a_stranger_is_refused_and_gets_nothing_from_the_index(api: FakeBotApi):
    api.message(STRANGER, QUESTION)
    api.message(STRANGER, "/sources")
    replies = api.wait_for("sendMessage", STRANGER, count=2)
    assert [r.text for r in replies] == [texts.REFUSED, texts.REFUSED]
    assert all("reply_markup" not in r.params for r in replies)
    assert not api.find("sendChatAction", STRANGER)


def test_a_stranger_cannot_open_a_citation(api: FakeBotApi):
    user = USERS[3]
    api.message(user, QUESTION)
    [reply] = api.wait_for("sendMessage", user)
    button = reply.json("reply_markup")["inline_keyboard"][0][0]
    message = {**api.sent_message(reply), "chat": api.chat(STRANGER)}
    before = len(api.find("sendMessage"))
    press = api.press(STRANGER, message, button["callback_data"])
    [refusal] = api.wait_for("answerCallbackQuery", where=answers(press))
    assert refusal.params["text"] == texts.REFUSED
    settle()
    assert len(api.find("sendMessage")) == before


def test_in_a_group_only_mentions_and_replies_are_answered(api: FakeBotApi):
    user, group = USERS[4], GROUPS[0]
    api.message(user, QUESTION, chat_id=group)
    api.message(user, "Tôi gửi một tấm ảnh", chat_id=group, photo=[_photo()])
    settle()
    assert not api.find("sendMessage", group)
    mention = api.message(user, f"@{BOT_USER['username']} {QUESTION}", chat_id=group)
    [first] = api.wait_for("sendMessage", group)
    assert "10/19" in first.text
    assert first.json("reply_parameters")["message_id"] == mention["message_id"]
    api.message(user, QUESTION, chat_id=group, reply_to_message=api.sent_message(first))
    [_, second] = api.wait_for("sendMessage", group, count=2)
    assert "10/19" in second.text


def test_admin_reindex_reports_the_summary(api: FakeBotApi):
    with api.together():
        api.message(ADMIN, "/reindex")
        api.message(ADMIN, "/reindex")  # while the first one runs
    replies = api.wait_for("sendMessage", ADMIN, count=3, timeout=60)
    text = "\n".join(r.text for r in replies)
    assert "Đang nạp lại văn bản" in text
    assert "đang chạy" in text  # the second /reindex
    assert "Đã nạp xong 5 tệp: thêm 5" in text
    api.message(ADMIN, "/status")
    [*_, status] = api.wait_for("sendMessage", ADMIN, count=4)
    assert "Văn bản: 5" in status.text and "Lượt nạp: không có" in status.text


def test_reindex_and_status_are_for_admins_only(api: FakeBotApi):
    user = USERS[5]
    api.message(user, "/reindex")
    api.message(user, "/status")
    replies = api.wait_for("sendMessage", user, count=2)
    assert {r.text for r in replies} == {texts.ADMIN_ONLY}


def test_help_sources_and_about(api: FakeBotApi):
    user = USERS[6]
    api.message(user, "/start")
    [start] = api.wait_for("sendMessage", user)
    assert QUESTION in html_to_text(start.text)
    assert "tiếng Anh" in html_to_text(start.text)  # English questions work
    api.message(user, "/sources")
    [_, sources] = api.wait_for("sendMessage", user, count=2)
    assert "Các văn bản đã nạp (5)" in html_to_text(sources.text)
    api.message(user, "/about")
    [*_, about] = api.wait_for("sendMessage", user, count=3)
    assert "5 văn bản" in about.text
    assert [c.json("commands")[0]["command"] for c in api.find("setMyCommands")] == ["help"]
    assert not api.errors


def test_stickers_and_photos_do_not_break_the_bot(api: FakeBotApi):
    user = USERS[7]
    api.message(user, sticker=_sticker())
    api.message(user, photo=[_photo()])
    replies = api.wait_for("sendMessage", user, count=2)
    assert {r.text for r in replies} == {texts.TEXT_ONLY}
    api.message(user, QUESTION)
    [*_, answer] = api.wait_for("sendMessage", user, count=3)
    assert "10/19" in answer.text


def test_an_edited_question_is_answered_again(api: FakeBotApi):
    user = USERS[8]
    original = api.message(user, "Xã Tam Gia đạt bao nhiêu?")
    api.wait_for("sendMessage", user)
    api.edit(original, QUESTION)
    [_, again] = api.wait_for("sendMessage", user, count=2)
    assert "10/19" in again.text
    assert again.json("reply_parameters")["message_id"] == original["message_id"]


def test_empty_and_too_long_questions_are_refused_politely(api: FakeBotApi):
    user, group = USERS[9], GROUPS[1]
    api.message(user, "@" + BOT_USER["username"], chat_id=group)
    [empty] = api.wait_for("sendMessage", group)
    assert "Câu hỏi trống" in empty.text
    api.message(user, "Tam Gia " * 400)
    [long] = api.wait_for("sendMessage", user)
    assert "quá dài" in long.text
    assert not api.errors


def _photo() -> dict:
    return {"file_id": "p1", "file_unique_id": "u1", "width": 90, "height": 90}


def _sticker() -> dict:
    return {
        "file_id": "s1",
        "file_unique_id": "u2",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
        "type": "regular",
    }

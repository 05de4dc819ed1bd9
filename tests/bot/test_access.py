"""Allow-list, admins, the per-user rate limit, and when a group message is for the bot."""

from __future__ import annotations

from telegram import Bot, Message, User
from telegram.ext import ExtBot

from bot.access import Access, RateLimiter
from bot.app import file_url
from bot.filters import ADDRESSED, strip_mention
from core.settings import Settings
from tests.bot.fake_bot_api import BOT_USER, TOKEN, entities


def test_allow_list_from_settings():
    access = Access.from_settings(Settings(telegram_allowed="10, -20", telegram_admins="1"))
    assert access.allows(10, 10) and access.allows(10, -99)  # a listed user, anywhere
    assert access.allows(77, -20)  # anyone in a listed group
    assert access.allows(1, 1)  # admins are always allowed
    assert not access.allows(77, 77) and not access.allows(None, None)
    assert access.is_admin(1) and not access.is_admin(10) and not access.is_admin(None)


def test_empty_allow_list_refuses_everyone():
    access = Access.from_settings(Settings())
    assert not access.allows(10, 10)


def test_rate_limit_is_per_user_and_slides():
    now = [0.0]
    limiter = RateLimiter(2, clock=lambda: now[0])
    assert limiter.take(1) == 0 and limiter.take(1) == 0
    assert limiter.take(1) == 60.0  # third in the same minute
    assert limiter.take(2) == 0  # someone else is not affected
    now[0] = 30.0
    assert limiter.take(1) == 30.0
    now[0] = 60.0
    assert limiter.take(1) == 0  # the first request left the window


def test_zero_means_no_limit():
    limiter = RateLimiter(0)
    assert all(limiter.take(1) == 0 for _ in range(100))


def _message(text: str, chat_id: int, bot: Bot, **extra) -> Message:
    data = {
        "message_id": 1,
        "date": 0,
        "chat": {"id": chat_id, "type": "private" if chat_id > 0 else "group"},
        "from": {"id": 5, "is_bot": False, "first_name": "A"},
        "text": text,
        "entities": entities(text),
        **extra,
    }
    return Message.de_json(data, bot)


def test_group_messages_are_for_the_bot_only_when_addressed():
    bot = ExtBot(TOKEN)
    bot._bot_user = User(**BOT_USER)  # who the bot is, without a getMe call
    assert ADDRESSED.filter(_message("câu hỏi", 5, bot))  # private: always
    assert not ADDRESSED.filter(_message("câu hỏi", -1, bot))
    assert not ADDRESSED.filter(_message("@other_bot câu hỏi", -1, bot))
    assert ADDRESSED.filter(_message("@Chidao_Test_Bot câu hỏi", -1, bot))
    assert ADDRESSED.filter(_message("/help@chidao_test_bot", -1, bot))
    reply = {"message_id": 0, "date": 0, "chat": {"id": -1, "type": "group"}, "from": BOT_USER}
    assert ADDRESSED.filter(_message("còn xã khác?", -1, bot, reply_to_message=reply))


def test_strip_mention():
    assert strip_mention("@chidao_test_bot  Xã Tam Gia?", "chidao_test_bot") == "Xã Tam Gia?"
    assert strip_mention("Hỏi @CHIDAO_TEST_BOT về xã", "chidao_test_bot") == "Hỏi về xã"
    assert strip_mention("@chidao_test_bot_2 x", "chidao_test_bot") == "@chidao_test_bot_2 x"


def test_file_url_follows_the_base_url():
    assert file_url("https://api.telegram.org/bot") == "https://api.telegram.org/file/bot"
    assert file_url("http://127.0.0.1:8081/bot") == "http://127.0.0.1:8081/file/bot"

"""End to end with a changed service or settings: long answers, a failing service, the rate
limit, a missing token. Each test runs its own bot against the module's fake Bot API."""

from __future__ import annotations

import logging

import pytest

from bot import texts
from bot.app import build_application
from bot.main import run
from core.errors import ConfigError
from core.results import Answer
from ingest.jobs import IngestJobs
from tests.bot.fake_bot_api import FakeBotApi, html_to_text, utf16_len
from tests.bot.harness import USERS, bot_settings, running

QUESTION = "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?"


class LongAnswers:
    """The real service, with every answer repeated to well over one message."""

    def __init__(self, service):
        self._service = service

    def __getattr__(self, name: str):
        return getattr(self._service, name)

    def ask(self, question: str, *args, **kwargs) -> Answer:
        answer = self._service.ask(question, *args, **kwargs)
        text = " ".join([answer.answer] * (6000 // len(answer.answer) + 1))
        return answer.model_copy(update={"answer": text})


class BrokenAnswers(LongAnswers):
    """The real service, except that answering fails."""

    def ask(self, question: str, *args, **kwargs) -> Answer:
        raise RuntimeError("the index went away")


@pytest.fixture
def start_bot(api, sample_settings, tmp_path):
    def start(service, **overrides):
        settings = bot_settings(sample_settings, api, tmp_path, **overrides)
        return running(build_application(settings, service, IngestJobs(settings)))

    return start


def test_a_6000_character_answer_comes_in_several_messages(
    api: FakeBotApi, start_bot, sample_service
):
    user = USERS[0]
    with start_bot(LongAnswers(sample_service)):
        api.message(user, QUESTION)
        parts = api.wait_for("sendMessage", user, count=2)
    assert sum(len(p.text) for p in parts) > 6000
    assert all(utf16_len(p.text) <= 4096 for p in parts)
    assert not api.errors  # every part parsed as HTML on its own
    assert "reply_markup" not in parts[0].params and "reply_markup" in parts[1].params
    shown = "".join(html_to_text(p.text) for p in parts)
    assert shown.count("10/19") >= 20 and "000_aa16ed5db4b16415.txt" in shown


def test_a_failing_service_gives_an_apology_and_a_logged_traceback(
    api: FakeBotApi, start_bot, sample_service, caplog
):
    user = USERS[1]
    with caplog.at_level(logging.ERROR, logger="bot"), start_bot(BrokenAnswers(sample_service)):
        api.message(user, QUESTION)
        [apology] = api.wait_for("sendMessage", user)
        api.message(user, "/help")  # still alive
        api.wait_for("sendMessage", user, count=2)
    assert apology.text == texts.APOLOGY
    [record] = [r for r in caplog.records if r.name == "bot.handlers"]
    assert record.exc_info and "the index went away" in str(record.exc_info[1])


def test_asking_too_fast_is_refused_politely(api: FakeBotApi, start_bot, sample_service):
    user = USERS[2]
    with start_bot(sample_service, telegram_rate_per_minute=1):
        api.message(user, QUESTION)
        api.message(user, QUESTION)
        replies = api.wait_for("sendMessage", user, count=2)
    texts_sent = sorted(r.text for r in replies)
    assert texts_sent[0].startswith("Bạn hỏi hơi nhanh") and "giây" in texts_sent[0]
    assert "10/19" in texts_sent[1]


def test_a_missing_token_says_which_variable_to_set(sample_settings):
    settings = sample_settings.model_copy(update={"telegram_token": ""})
    with pytest.raises(ConfigError, match="CHIDAO_TELEGRAM_TOKEN"):
        run(settings)

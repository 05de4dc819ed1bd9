"""Fixtures: a fake Bot API per test module and one running bot over the real sample service."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from telegram.ext import Application

from bot.app import build_application
from ingest.jobs import IngestJobs
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import bot_settings, running


@pytest.fixture(scope="module")
def api() -> Iterator[FakeBotApi]:
    with FakeBotApi() as api:
        yield api


@pytest.fixture(scope="module")
def bot(api, sample_settings, sample_service, tmp_path_factory) -> Iterator[Application]:
    """One running bot over the real sample service, shared by the tests of a module.

    /reindex ingests the sample notices into a fresh data dir, so the service's index is
    untouched; tests use their own chat and user ids so they do not see each other's replies.
    """
    settings = bot_settings(sample_settings, api, tmp_path_factory.mktemp("bot"))
    jobs = IngestJobs(settings)
    with running(build_application(settings, sample_service, jobs)) as application:
        yield application

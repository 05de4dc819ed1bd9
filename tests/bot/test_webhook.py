"""Webhook mode: the bot mounted in a FastAPI app, fed by POST /telegram/webhook."""

from __future__ import annotations

from contextlib import asynccontextmanager

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.app import build_application
from bot.webhook import SECRET_HEADER, WEBHOOK_PATH, running_webhook, webhook_router
from core.errors import ConfigError
from ingest.jobs import IngestJobs
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import USERS, bot_settings

SECRET = "s3cret-token_1"
URL = "https://bot.example.org/telegram/webhook"


def _update(user: int, text: str) -> dict:
    chat = {"id": user, "type": "private", "first_name": "A"}
    sender = {"id": user, "is_bot": False, "first_name": "A"}
    message = {"message_id": 1, "date": 0, "chat": chat, "from": sender, "text": text}
    return {"update_id": 1, "message": message}


@pytest.fixture
def client(api, sample_settings, sample_service, tmp_path):
    settings = bot_settings(sample_settings, api, tmp_path, telegram_webhook_secret=SECRET)
    application = build_application(settings, sample_service, IngestJobs(settings))

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        async with running_webhook(application, URL, settings.telegram_webhook_secret):
            yield

    app = FastAPI(lifespan=lifespan)
    app.include_router(webhook_router(application, settings.telegram_webhook_secret))
    with TestClient(app) as client:
        yield client


def test_an_update_with_the_secret_is_answered(client: TestClient, api: FakeBotApi):
    [hook] = api.wait_for("setWebhook")
    assert hook.params["url"] == URL and hook.params["secret_token"] == SECRET
    user = USERS[0]
    body = _update(user, "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    response = client.post(WEBHOOK_PATH, json=body, headers={SECRET_HEADER: SECRET})
    assert response.status_code == 200
    [reply] = api.wait_for("sendMessage", user)
    assert "10/19" in reply.text


def test_wrong_or_missing_secret_and_bad_bodies_are_refused(client: TestClient, api: FakeBotApi):
    user = USERS[1]
    body = _update(user, "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?")
    assert client.post(WEBHOOK_PATH, json=body).status_code == 403
    wrong = {SECRET_HEADER: "guess"}
    assert client.post(WEBHOOK_PATH, json=body, headers=wrong).status_code == 403
    right = {SECRET_HEADER: SECRET}
    assert client.post(WEBHOOK_PATH, content=b"not json", headers=right).status_code == 400
    assert not api.find("sendMessage", user)


@pytest.mark.parametrize("secret", ["", "has space", "x" * 257])
def test_the_router_needs_a_usable_secret(secret, api, sample_settings, sample_service, tmp_path):
    settings = bot_settings(sample_settings, api, tmp_path)
    application = build_application(settings, sample_service, IngestJobs(settings))
    with pytest.raises(ConfigError, match="CHIDAO_TELEGRAM_WEBHOOK_SECRET"):
        webhook_router(application, secret)

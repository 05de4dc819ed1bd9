"""The composition root: with CHIDAO_TELEGRAM_WEBHOOK_URL the bot runs inside the web app."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from bot.webhook import SECRET_HEADER, WEBHOOK_PATH
from chidao.compose import web_app
from tests.bot.fake_bot_api import FakeBotApi
from tests.bot.harness import USERS, bot_settings

SECRET = "web-hook_secret"
URL = "https://chidao.example.org/telegram/webhook"


@pytest.fixture
def api():
    with FakeBotApi() as api:
        yield api


def test_web_app_mounts_the_bot_webhook(api, sample_settings, sample_service, tmp_path):
    settings = bot_settings(
        sample_settings,
        api,
        tmp_path,
        telegram_webhook_url=URL,
        telegram_webhook_secret=SECRET,
    )
    with TestClient(web_app(settings, service=sample_service)) as client:
        [hook] = api.wait_for("setWebhook")
        assert hook.params["url"] == URL
        user = USERS[0]
        chat = {"id": user, "type": "private", "first_name": "A"}
        message = {
            "message_id": 1,
            "date": 0,
            "chat": chat,
            "from": {"id": user, "is_bot": False, "first_name": "A"},
            "text": "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?",
        }
        r = client.post(
            WEBHOOK_PATH, json={"update_id": 7, "message": message}, headers={SECRET_HEADER: SECRET}
        )
        assert r.status_code == 200
        [reply] = api.wait_for("sendMessage", user)
        assert "10/19" in reply.text
        assert client.post(WEBHOOK_PATH, json={"update_id": 8}).status_code == 403

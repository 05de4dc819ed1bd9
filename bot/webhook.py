"""Webhook mode: the bot inside the FastAPI app instead of long polling.

    application = build_application(settings, service, jobs)
    app.include_router(webhook_router(application, settings.telegram_webhook_secret))

    @asynccontextmanager
    async def lifespan(app):
        url = "https://bot.example.org/telegram/webhook"
        async with running_webhook(application, url, settings.telegram_webhook_secret):
            yield

Telegram sends the secret in a header with every update; anything without it is refused.
"""

from __future__ import annotations

import hmac
import logging
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Request, Response
from telegram import Update
from telegram.ext import Application

from bot.app import ALLOWED_UPDATES, set_commands
from core.errors import ConfigError

log = logging.getLogger(__name__)
WEBHOOK_PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")


def webhook_router(application: Application, secret: str) -> APIRouter:
    """`POST /telegram/webhook`: checks the secret header and queues the update for the bot."""
    if not _SECRET.fullmatch(secret or ""):
        raise ConfigError(
            "Set CHIDAO_TELEGRAM_WEBHOOK_SECRET to 1-256 characters from A-Z, a-z, 0-9, _ and - "
            "to run the bot behind a webhook."
        )
    router = APIRouter()

    @router.post(WEBHOOK_PATH, include_in_schema=False)
    async def telegram_webhook(
        request: Request, token: Annotated[str, Header(alias=SECRET_HEADER)] = ""
    ) -> Response:
        if not hmac.compare_digest(token.encode(), secret.encode()):
            raise HTTPException(status_code=403, detail="wrong secret token")
        try:
            update = Update.de_json(await request.json(), application.bot)
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("unreadable webhook update: %s", exc)
            raise HTTPException(status_code=400, detail="not a Telegram update") from exc
        await application.update_queue.put(update)
        return Response(status_code=200)

    return router


@asynccontextmanager
async def running_webhook(application: Application, url: str, secret: str) -> AsyncIterator[None]:
    """Start the bot and point Telegram at `url` for as long as the block runs."""
    async with application:
        await application.bot.set_webhook(url, secret_token=secret, allowed_updates=ALLOWED_UPDATES)
        await set_commands(application)
        await application.start()
        try:
            yield
        finally:
            await application.stop()

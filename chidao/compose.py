"""Composition root: the one place that wires the front ends together.

The web app knows nothing of Telegram; when a webhook URL is configured, the bot is started
inside the web app's lifespan from here.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from answering.service import AnswerService
from core.settings import Settings
from ingest.jobs import IngestJobs
from web.app import AppExtension, create_app


def telegram_webhook(settings: Settings) -> AppExtension:
    """The Telegram bot inside the web app (webhook mode) instead of `chidao bot` polling."""

    @asynccontextmanager
    async def run(app: FastAPI) -> AsyncIterator[None]:
        from bot.app import build_application
        from bot.webhook import running_webhook, webhook_router

        application = build_application(settings, app.state.service, app.state.jobs)
        app.include_router(webhook_router(application, settings.telegram_webhook_secret))
        async with running_webhook(
            application, settings.telegram_webhook_url, settings.telegram_webhook_secret
        ):
            yield

    return run


def web_app(
    settings: Settings, service: AnswerService | None = None, jobs: IngestJobs | None = None
) -> FastAPI:
    """The web app with every front end the settings turn on."""
    extensions = [telegram_webhook(settings)] if settings.telegram_webhook_url else []
    return create_app(settings, service, jobs, extensions=extensions)

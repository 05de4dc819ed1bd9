"""The FastAPI app: JSON API, streaming answers, the staff chat page, the admin API.

State (answering service, job runner) is built once in the lifespan and shared by all requests.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from chidao.jobs import IngestJobs
from chidao.service import AnswerService
from chidao.settings import Settings
from chidao.web.docs import mount_docs
from chidao.web.handlers import add_error_handlers
from chidao.web.routes import admin, ask, documents, health
from chidao.web.security import RateLimiter, SecurityMiddleware

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"


@asynccontextmanager
async def _telegram_webhook(app: FastAPI, settings: Settings) -> AsyncIterator[None]:
    """The Telegram bot inside this app (webhook mode) instead of `chidao bot` polling."""
    from bot.app import build_application
    from bot.webhook import running_webhook, webhook_router

    application = build_application(settings, app.state.service, app.state.jobs)
    app.include_router(webhook_router(application, settings.telegram_webhook_secret))
    async with running_webhook(
        application, settings.telegram_webhook_url, settings.telegram_webhook_secret
    ):
        yield


def create_app(
    settings: Settings, service: AnswerService | None = None, jobs: IngestJobs | None = None
) -> FastAPI:
    """The app over `service`, or over one built from `settings` when the server starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        svc = service or await run_in_threadpool(AnswerService.from_settings, settings)
        app.state.service = svc
        app.state.jobs = jobs or IngestJobs(settings, on_commit=svc.state, embedder=svc.embedder)
        log.info("chidao web ready (%s)", "ready" if svc.is_ready() else "index empty")
        if settings.telegram_webhook_url:
            async with _telegram_webhook(app, settings):
                yield
        else:
            yield

    app = FastAPI(
        title="chidao",
        summary="Hỏi đáp văn bản chỉ đạo của UBND tỉnh, có trích dẫn",
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.add_middleware(SecurityMiddleware, limiter=RateLimiter(settings.rate_limit_per_minute))
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    app.include_router(health.router)
    app.include_router(ask.router)
    app.include_router(documents.router)
    app.include_router(admin.router)  # /admin: upload, delete, re-index (token required)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    mount_docs(app)
    add_error_handlers(app)

    @app.get("/", include_in_schema=False)
    def chat_page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app

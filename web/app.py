"""The FastAPI app: JSON API, streaming answers, the staff chat page, the admin API.

State (answering service, job runner) is built once in the lifespan and shared by all requests.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import AbstractAsyncContextManager, AsyncExitStack, asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

from answering.question_log import QuestionLog
from answering.service import AnswerService
from core.settings import Settings
from ingest.jobs import IngestJobs
from web.docs import mount_docs
from web.handlers import add_error_handlers
from web.routes import admin, ask, documents, feedback, health, tasks
from web.security import RateLimiter, SecurityMiddleware

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"


# Something a higher layer runs inside the app's lifespan (the Telegram webhook, say), so this
# package never imports the front ends above it.
AppExtension = Callable[[FastAPI], AbstractAsyncContextManager[None]]


def create_app(
    settings: Settings,
    service: AnswerService | None = None,
    jobs: IngestJobs | None = None,
    extensions: Sequence[AppExtension] = (),
) -> FastAPI:
    """The app over `service`, or over one built from `settings` when the server starts."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        svc = service
        if svc is None:
            svc = await run_in_threadpool(AnswerService.from_settings, settings)
        app.state.service = svc
        app.state.jobs = jobs or IngestJobs(settings, on_commit=svc.state, embedder=svc.embedder)
        log.info("chidao web ready (%s)", "ready" if svc.is_ready() else "index empty")
        app.state.question_log = await run_in_threadpool(QuestionLog.open, settings)
        async with AsyncExitStack() as stack:
            stack.callback(app.state.question_log.close)
            for extension in extensions:
                await stack.enter_async_context(extension(app))
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
    app.include_router(tasks.router)  # /api/tasks: the follow-up list of assigned tasks
    app.include_router(admin.router)  # /admin: upload, delete, re-index (token required)
    app.include_router(feedback.router)  # /api/feedback: 👍/👎 on an answer
    app.include_router(feedback.admin_router)  # /admin/questions: the question log (token)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    mount_docs(app)
    add_error_handlers(app)

    @app.get("/", include_in_schema=False)
    def chat_page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app

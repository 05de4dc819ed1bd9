"""The FastAPI app: JSON API, streaming answers, the staff chat page, the admin API.

State (answering service, job runner) is built once in the lifespan and shared by all requests.
"""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from chidao.errors import ChidaoError
from chidao.jobs import IngestJobs
from chidao.service import AnswerService
from chidao.settings import Settings
from chidao.web.routes import admin, ask, documents, health
from chidao.web.security import RateLimiter, SecurityMiddleware

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"


def _field_message(errors: list[dict]) -> str:
    first = errors[0] if errors else {}
    where = ".".join(str(p) for p in first.get("loc", ()) if p != "body") or "dữ liệu"
    if first.get("type") == "json_invalid":
        return "Dữ liệu gửi lên không phải JSON hợp lệ."
    if where == "question" and first.get("type") in ("string_too_short", "missing"):
        return "Câu hỏi trống. Hãy nhập câu hỏi về nội dung văn bản."
    if where == "question" and first.get("type") == "string_too_long":
        return "Câu hỏi quá dài."
    return f"Dữ liệu không hợp lệ ở trường “{where}”: {first.get('msg', 'sai kiểu')}."


def create_app(
    settings: Settings, service: AnswerService | None = None, jobs: IngestJobs | None = None
) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI):
        svc = service or await run_in_threadpool(AnswerService.from_settings, settings)
        app.state.settings = settings
        app.state.service = svc
        app.state.jobs = jobs or IngestJobs(settings, on_commit=svc.state, embedder=svc.embedder)
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
    app.add_middleware(SecurityMiddleware, limiter=RateLimiter(settings.rate_limit_per_minute))
    if settings.cors_origin_list:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origin_list,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    for router in (health.router, ask.router, documents.router, admin.router):
        app.include_router(router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _mount_docs(app)
    _add_error_handlers(app)

    @app.get("/", include_in_schema=False)
    def chat_page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    return app


@asynccontextmanager
async def _telegram_webhook(app: FastAPI, settings: Settings):
    """The Telegram bot inside this app (webhook mode) instead of `chidao bot` polling."""
    from bot.app import build_application
    from bot.webhook import running_webhook, webhook_router

    application = build_application(settings, app.state.service, app.state.jobs)
    app.include_router(webhook_router(application, settings.telegram_webhook_secret))
    async with running_webhook(
        application, settings.telegram_webhook_url, settings.telegram_webhook_secret
    ):
        yield


def _mount_docs(app: FastAPI) -> None:
    """Swagger UI from a bundled copy: the machines are offline, no CDN."""
    try:
        import swagger_ui_bundle
    except ImportError:  # pragma: no cover - the dependency is declared
        return
    app.mount("/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path), name="swagger")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="chidao — API",
            swagger_js_url="/swagger/swagger-ui-bundle.js",
            swagger_css_url="/swagger/swagger-ui.css",
            swagger_favicon_url="/swagger/favicon-32x32.png",
        )


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"detail": _field_message(exc.errors())}, status_code=422)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(ChidaoError)
    async def user_error(request: Request, exc: ChidaoError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=400)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s", request.url.path)
        return JSONResponse(
            {"detail": "Xin lỗi, máy chủ gặp lỗi. Vui lòng thử lại sau."}, status_code=500
        )

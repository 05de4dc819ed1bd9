"""Errors translated at the edge: every failure becomes {"detail": "<Vietnamese sentence>"}.

Validation messages are built from pydantic's error type, so clients never see English or a
stack trace; anything unexpected is logged and answered with a polite 500.
"""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import (
    ChidaoError,
    ConfigError,
    EmbedderMismatch,
    IndexEmpty,
    JobRunning,
    QuestionError,
)

log = logging.getLogger(__name__)
EMPTY_QUESTION = "Câu hỏi trống. Hãy nhập câu hỏi về nội dung văn bản."
SERVER_ERROR = "Xin lỗi, máy chủ gặp lỗi. Vui lòng thử lại sau."
STATUS_OF: dict[type[ChidaoError], int] = {
    QuestionError: 422,
    JobRunning: 409,
    IndexEmpty: 503,
    EmbedderMismatch: 503,
    ConfigError: 503,
}
GENERIC = {
    404: "Không tìm thấy địa chỉ này.",
    405: "Địa chỉ này không nhận phương thức đó.",
    413: "Yêu cầu quá lớn.",
    415: "Kiểu dữ liệu không được hỗ trợ; hãy gửi JSON.",
}
PROBLEMS = {
    "missing": "bị thiếu",
    "string_type": "phải là chuỗi văn bản",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "list_type": "phải là danh sách",
    "model_type": "phải là đối tượng JSON",
    "dict_type": "phải là đối tượng JSON",
    "model_attributes_type": "phải là đối tượng JSON",
    "extra_forbidden": "không được hỗ trợ",
    "string_too_short": "quá ngắn",
}


def validation_message(error: dict[str, Any], max_question_chars: int) -> str:
    """One Vietnamese sentence for pydantic's first complaint about a request."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    where = ".".join(str(p) for p in error.get("loc", ()) if p not in ("body", "path", "query"))
    if kind == "json_invalid":
        return "Dữ liệu gửi lên không phải JSON hợp lệ."
    if not where:
        return 'Nội dung yêu cầu phải là một đối tượng JSON, ví dụ {"question": "…"}.'
    if where == "question" and kind == "missing":
        return EMPTY_QUESTION
    if where == "question" and kind == "string_too_long":
        return f"Câu hỏi quá dài (tối đa {max_question_chars} ký tự)."
    if where == "question" and kind == "string_type":
        return "Câu hỏi phải là một chuỗi văn bản."
    if kind == "string_too_long":
        problem = f"quá dài (tối đa {ctx.get('max_length')} ký tự)"
    elif kind == "too_long":
        problem = f"có quá nhiều phần tử (tối đa {ctx.get('max_length')})"
    elif kind in ("greater_than_equal", "greater_than"):
        problem = f"phải từ {ctx.get('ge', ctx.get('gt'))} trở lên"
    elif kind in ("less_than_equal", "less_than"):
        problem = f"phải không quá {ctx.get('le', ctx.get('lt'))}"
    else:
        problem = PROBLEMS.get(kind, "không hợp lệ")
    return f"Trường “{where}” {problem}."


def add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        limit = request.app.state.settings.max_question_chars
        status = 400 if first.get("type") == "json_invalid" else 422
        return JSONResponse({"detail": validation_message(first, limit)}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail
        if detail == HTTPStatus(exc.status_code).phrase:  # Starlette's English default
            detail = GENERIC.get(exc.status_code, "Yêu cầu không hợp lệ.")
        return JSONResponse({"detail": detail}, exc.status_code, headers=exc.headers)

    @app.exception_handler(ChidaoError)
    async def user_error(request: Request, exc: ChidaoError) -> JSONResponse:
        status = next((s for cls, s in STATUS_OF.items() if isinstance(exc, cls)), 400)
        if status >= 500:
            log.error("%s on %s: %s", type(exc).__name__, request.url.path, exc)
        return JSONResponse({"detail": str(exc)}, status_code=status)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.error("unhandled error on %s", request.url.path, exc_info=exc)
        return JSONResponse({"detail": SERVER_ERROR}, status_code=500)

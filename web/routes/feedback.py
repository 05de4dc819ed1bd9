"""Ratings of answers and the question log for admins.

POST /api/feedback rates an answer by its answer_id; GET /admin/questions lists what was asked,
grouped, as JSON or CSV; POST /admin/questions/recheck asks the unanswered ones again against
the current index. With CHIDAO_QUESTION_LOG=0 these answer 404 with a detail saying the log is
off, as the admin API does when it has no token.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, HTTPException, Query
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from answering.question_log import MAX_COMMENT, QuestionGroup, QuestionLog, Status
from core.errors import ChidaoError
from web.deps import ClientDep, QuestionLogDep, ServiceDep
from web.routes.admin import Admin
from web.schemas import ErrorBody

router = APIRouter(prefix="/api", tags=["feedback"])
admin_router = APIRouter(prefix="/admin", tags=["admin"])
UNKNOWN_ANSWER = (
    "Không tìm thấy câu trả lời này (có thể đã quá thời hạn lưu). Hãy hỏi lại rồi đánh giá."
)
LOG_OFF = "Nhật ký câu hỏi đang tắt (CHIDAO_QUESTION_LOG=0) nên không lưu đánh giá hay câu hỏi."
ERRORS: dict[int | str, dict[str, Any]] = {s: {"model": ErrorBody} for s in (404, 422, 429)}
CSV_COLUMNS = ["question", "count", "last_asked", "found", "up", "down", "comments"]
CSV_DOC: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {}}, "description": "JSON, or CSV with `format=csv`"}
}


class FeedbackIn(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"answer_id": "…", "rating": "down", "comment": "…"}]},
    )

    answer_id: str = Field(min_length=1, max_length=64, description="answer_id của câu trả lời")
    rating: Literal["up", "down"]
    comment: str = Field(default="", max_length=MAX_COMMENT, description="góp ý, không bắt buộc")


class FeedbackOut(BaseModel):
    answer_id: str
    rating: str
    comment: str


class FeedbackStatus(BaseModel):
    enabled: bool  # false with CHIDAO_QUESTION_LOG=0: the page shows no rating buttons


class QuestionList(BaseModel):
    questions: list[QuestionGroup]


class Rechecked(BaseModel):
    question: str
    count: int
    found: bool  # answered by the current index
    answer: str
    sources: list[str]


class RecheckReport(BaseModel):
    checked: int
    now_answered: int
    questions: list[Rechecked]


def _require_on(question_log: QuestionLog) -> None:
    if not question_log.enabled:
        raise HTTPException(404, LOG_OFF)


@router.get("/feedback")
def feedback_status(question_log: QuestionLogDep) -> FeedbackStatus:
    """Whether ratings are kept (the chat page asks before showing 👍/👎)."""
    return FeedbackStatus(enabled=question_log.enabled)


@router.post("/feedback", responses=ERRORS)
def rate(body: FeedbackIn, question_log: QuestionLogDep, client: ClientDep) -> FeedbackOut:
    """Rate an answer; the same client rating it again replaces the earlier rating."""
    _require_on(question_log)
    if not question_log.rate(body.answer_id, "web", client, body.rating, body.comment):
        raise HTTPException(404, UNKNOWN_ANSWER)
    return FeedbackOut(answer_id=body.answer_id, rating=body.rating, comment=body.comment.strip())


@admin_router.get("/questions", response_model=QuestionList, responses={**ERRORS, **CSV_DOC})
def questions(
    question_log: QuestionLogDep,
    _: Admin,
    status: Status = "all",
    since: Annotated[date | None, Query(description="YYYY-MM-DD, server local time")] = None,
    fmt: Annotated[Literal["json", "csv"], Query(alias="format")] = "json",
    limit: Annotated[int, Query(ge=1, le=5000)] = 500,
) -> Any:
    """Questions grouped by their normalized text, most asked first."""
    _require_on(question_log)
    groups = question_log.groups(status, since, limit)
    if fmt == "csv":
        return _csv(groups, status)
    return QuestionList(questions=groups)


@admin_router.post("/questions/recheck", responses=ERRORS)
def recheck(
    question_log: QuestionLogDep,
    service: ServiceDep,
    _: Admin,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> RecheckReport:
    """Ask the most asked unanswered questions again, against the index as it is now (after a
    re-index): which of them the notices answer now. Nothing is written to the log."""
    _require_on(question_log)
    results = []
    for asked in question_log.unanswered(limit):
        try:
            answer = service.ask(asked.question, asked.filters)
        except ChidaoError:  # e.g. longer than a since-lowered CHIDAO_MAX_QUESTION_CHARS
            continue
        sources = [c.title or c.source for c in answer.citations]
        results.append(
            Rechecked(
                question=asked.question,
                count=asked.count,
                found=answer.found,
                answer=answer.answer,
                sources=sources,
            )
        )
    answered = sum(r.found for r in results)
    return RecheckReport(checked=len(results), now_answered=answered, questions=results)


def _csv(groups: list[QuestionGroup], status: str) -> Response:
    """UTF-8 with a BOM, so Excel shows the accents; user text cannot start a formula."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for g in groups:
        comments = " | ".join(_cell(c) for c in g.comments)
        found = "true" if g.found else "false"
        row = [_cell(g.question), g.count, g.last_asked, found, g.up, g.down, comments]
        writer.writerow(row)
    headers = {"Content-Disposition": f'attachment; filename="questions-{status}.csv"'}
    return Response(
        "\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers
    )


def _cell(text: str) -> str:
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text

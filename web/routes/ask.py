"""POST /api/ask and its streaming twin: translate HTTP to AnswerService.ask and back.

The service blocks (retrieval, maybe an LLM call), so it always runs in the thread pool.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

from fastapi import APIRouter
from fastapi.concurrency import run_in_threadpool
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import iterate_in_threadpool

from answering.filters import resolve_filters
from answering.service import AnswerService
from core.results import Answer, Filters
from web.deps import ClientDep, QuestionLogDep, ServiceDep
from web.schemas import AskRequest, ErrorBody

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["ask"])
ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (400, 413, 422, 429, 500)
}
STREAM_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "text/event-stream: `status` (at once), `token`… (LLM mode), "
        "`answer` (an Answer), `done`; `error` instead of `answer` if answering fails. "
        "Every `data` is JSON.",
        "content": {"text/event-stream": {}},
    }
}


@router.post("/ask", response_model=Answer, responses=ERRORS)
async def ask(
    body: AskRequest, service: ServiceDep, question_log: QuestionLogDep, client: ClientDep
) -> Answer:
    """The answer with its citations, as `chidao ask --json` prints it, and its answer_id."""
    filters = await run_in_threadpool(_filters, service, body)
    answer = await run_in_threadpool(service.ask, body.question, filters, list(body.history))
    return await run_in_threadpool(question_log.record, answer, "web", client, filters)


@router.post("/ask/stream", responses={**ERRORS, **STREAM_DOC})
async def ask_stream(
    body: AskRequest, service: ServiceDep, question_log: QuestionLogDep, client: ClientDep
) -> EventSourceResponse:
    """Server-sent events: status at once, tokens (LLM mode), the answer (with its answer_id,
    recorded in the question log), then done."""
    filters = await run_in_threadpool(_filters, service, body)
    events, first = await run_in_threadpool(_start, service, body, filters)
    logged = question_log.record_events(events, "web", client, filters)
    return EventSourceResponse(_publish(first, logged))


def _filters(service: AnswerService, body: AskRequest) -> Filters | None:
    """The request's filters in the index's spelling; an unknown value is a 422."""
    return resolve_filters(body.filters, service.facets())


def _start(
    service: AnswerService, body: AskRequest, filters: Filters | None
) -> tuple[Iterator[dict], dict | None]:
    """The event iterator and its first event. The first step checks the question, so a bad
    one is still a plain 4xx rather than a stream that fails."""
    events = service.ask_stream(body.question, filters, list(body.history))
    return events, next(events, None)


async def _publish(first: dict | None, events: Iterator[dict]) -> AsyncIterator[dict]:
    if first is not None:
        yield _sse(first["event"], first["data"])
    try:
        async for event in iterate_in_threadpool(events):
            yield _sse(event["event"], event["data"])
    except Exception:
        log.exception("streaming answer failed")
        yield _sse("error", "Xin lỗi, đã có lỗi khi trả lời. Vui lòng thử lại.")
    yield _sse("done", {})


def _sse(event: str, data: Any) -> dict[str, str]:
    return {"event": event, "data": json.dumps(data, ensure_ascii=False)}

"""POST /api/ask and its streaming twin: translate HTTP to AnswerService.ask and back.

The service blocks (retrieval, maybe an LLM call), so it always runs in the thread pool.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import iterate_in_threadpool

from answering.service import AnswerService
from core.results import Answer, Filters
from vntext.terms import fold
from web.deps import ServiceDep
from web.schemas import AskRequest, ErrorBody

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["ask"])
ERRORS: dict[int | str, dict[str, Any]] = {
    s: {"model": ErrorBody} for s in (400, 413, 422, 429, 500)
}
STREAM_DOC = {
    200: {
        "description": "text/event-stream: `status` (at once), `token`… (LLM mode), "
        "`answer` (an Answer), `done`; `error` instead of `answer` if answering fails. "
        "Every `data` is JSON.",
        "content": {"text/event-stream": {}},
    }
}


def resolve_filters(service: AnswerService, filters: Filters | None) -> Filters | None:
    """Filter values must be ones the index holds, so a typo is not a silent empty answer;
    a value written without tones or in another case is replaced by the indexed spelling."""
    if filters is None or filters.is_empty():
        return None
    facets = service.facets()
    if filters.year is not None and filters.year not in facets.years:
        raise HTTPException(422, f"Không có văn bản nào của năm {filters.year}.")
    update = {}
    named = [
        ("district", facets.districts, "địa bàn"),
        ("doc_type", facets.doc_types, "loại văn bản"),
    ]
    for field, values, what in named:
        given = getattr(filters, field)
        if not given:
            continue
        match = next((v for v in values if fold(v) == fold(given)), None)
        if match is None:
            raise HTTPException(422, f"Không có {what} “{given}” trong các văn bản đã nạp.")
        update[field] = match
    return Filters(**{**filters.model_dump(), **update})


@router.post("/ask", response_model=Answer, responses=ERRORS)
async def ask(body: AskRequest, service: ServiceDep) -> Answer:
    """The answer with its citations, as `chidao ask --json` prints it."""
    filters = await run_in_threadpool(resolve_filters, service, body.filters)
    return await run_in_threadpool(service.ask, body.question, filters, list(body.history))


@router.post("/ask/stream", responses={**ERRORS, **STREAM_DOC})
async def ask_stream(body: AskRequest, service: ServiceDep) -> EventSourceResponse:
    """Server-sent events: status at once, tokens (LLM mode), the answer, then done."""
    filters = await run_in_threadpool(resolve_filters, service, body.filters)
    events, first = await run_in_threadpool(_start, service, body, filters)
    return EventSourceResponse(_publish(first, events))


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

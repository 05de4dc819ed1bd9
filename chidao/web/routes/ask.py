"""POST /api/ask and its streaming twin: translate HTTP to AnswerService.ask and back."""

from __future__ import annotations

import json
import logging

from fastapi import APIRouter, HTTPException
from fastapi.concurrency import run_in_threadpool
from sse_starlette.sse import EventSourceResponse
from starlette.concurrency import iterate_in_threadpool

from chidao.errors import QuestionError
from chidao.results import Answer, Filters
from chidao.web.deps import ServiceDep
from chidao.web.schemas import AskRequest, ErrorBody
from index.vntext import fold

log = logging.getLogger(__name__)
router = APIRouter(prefix="/api", tags=["ask"])
ERRORS = {400: {"model": ErrorBody}, 422: {"model": ErrorBody}, 429: {"model": ErrorBody}}


def check_filters(service, filters: Filters | None) -> None:
    """Filter values must be ones the index holds, so a typo is not a silent empty answer."""
    if filters is None or filters.is_empty():
        return
    facets = service.facets()
    if filters.year is not None and filters.year not in facets.years:
        raise HTTPException(400, f"Không có văn bản nào của năm {filters.year}.")
    if filters.district and fold(filters.district) not in {fold(d) for d in facets.districts}:
        raise HTTPException(400, f"Không có địa bàn “{filters.district}” trong các văn bản.")
    if filters.doc_type and fold(filters.doc_type) not in {fold(t) for t in facets.doc_types}:
        raise HTTPException(400, f"Không có loại văn bản “{filters.doc_type}”.")


@router.post("/ask", response_model=Answer, responses=ERRORS)
async def ask(body: AskRequest, service: ServiceDep) -> Answer:
    check_filters(service, body.filters)
    try:
        return await run_in_threadpool(service.ask, body.question, body.filters, body.history)
    except QuestionError as exc:
        raise HTTPException(400, str(exc)) from exc


@router.post("/ask/stream", responses=ERRORS)
async def ask_stream(body: AskRequest, service: ServiceDep) -> EventSourceResponse:
    """Server-sent events: status at once, tokens (LLM mode), the answer, then done."""
    check_filters(service, body.filters)
    try:
        events = service.ask_stream(body.question, body.filters, body.history)
        first = await run_in_threadpool(next, events)  # validates the question up front
    except QuestionError as exc:
        raise HTTPException(400, str(exc)) from exc

    async def publish():
        yield {"event": first["event"], "data": json.dumps(first["data"], ensure_ascii=False)}
        try:
            async for event in iterate_in_threadpool(events):
                yield {
                    "event": event["event"],
                    "data": json.dumps(event["data"], ensure_ascii=False),
                }
        except Exception:
            log.exception("streaming answer failed")
            yield {"event": "error", "data": json.dumps("Xin lỗi, đã có lỗi khi trả lời.")}
        yield {"event": "done", "data": "{}"}

    return EventSourceResponse(publish())

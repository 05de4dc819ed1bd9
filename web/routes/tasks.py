"""The follow-up list: GET /api/tasks with agency, due window, notice and word filters."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from answering.tasks import book_for
from core.results import Task
from web.deps import ServiceDep

router = APIRouter(prefix="/api", tags=["tasks"])


class TaskList(BaseModel):
    tasks: list[Task]


class AgencyList(BaseModel):
    agencies: list[str]


@router.get("/tasks", response_model=TaskList)
def tasks(
    service: ServiceDep,
    agency: Annotated[
        str | None, Query(max_length=200, description="tên, viết tắt, không dấu")
    ] = None,
    due_after: Annotated[date | None, Query(description="hạn từ ngày này (YYYY-MM-DD)")] = None,
    due_before: Annotated[date | None, Query(description="hạn đến ngày này (YYYY-MM-DD)")] = None,
    doc_id: Annotated[str | None, Query(max_length=100)] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="từ trong nội dung nhiệm vụ")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=2000)] = 500,
) -> TaskList:
    """Tasks the notices assign, sorted by due date (undated last). A due bound leaves out
    tasks without a date; `agency` matches "Sở TN&MT", "so tai nguyen va moi truong", …"""
    found = book_for(service.catalog).tasks(
        agency=agency,
        due_after=due_after.isoformat() if due_after else None,
        due_before=due_before.isoformat() if due_before else None,
        doc_id=doc_id,
        q=q,
    )
    return TaskList(tasks=found[:limit])


@router.get("/tasks/agencies", response_model=AgencyList)
def agencies(service: ServiceDep) -> AgencyList:
    """Agencies that have tasks, most tasks first: the choices of the page's agency filter."""
    return AgencyList(agencies=book_for(service.catalog).agencies())

"""Shared objects built once at start-up, reached by routes through these aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from answering.question_log import QuestionLog
from answering.service import AnswerService
from core.settings import Settings
from ingest.jobs import IngestJobs


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_service(request: Request) -> AnswerService:
    return request.app.state.service


def get_jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs


def get_question_log(request: Request) -> QuestionLog:
    return request.app.state.question_log


def get_client(request: Request) -> str:
    """Who is asking, for the question log: the peer address, which the log only keeps hashed."""
    return request.client.host if request.client else "?"


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[AnswerService, Depends(get_service)]
JobsDep = Annotated[IngestJobs, Depends(get_jobs)]
QuestionLogDep = Annotated[QuestionLog, Depends(get_question_log)]
ClientDep = Annotated[str, Depends(get_client)]

"""Shared objects built once at start-up, reached by routes through these aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request

from answering.service import AnswerService
from core.settings import Settings
from ingest.jobs import IngestJobs


def get_settings(request: Request) -> Settings:
    return request.app.state.settings


def get_service(request: Request) -> AnswerService:
    return request.app.state.service


def get_jobs(request: Request) -> IngestJobs:
    return request.app.state.jobs


SettingsDep = Annotated[Settings, Depends(get_settings)]
ServiceDep = Annotated[AnswerService, Depends(get_service)]
JobsDep = Annotated[IngestJobs, Depends(get_jobs)]

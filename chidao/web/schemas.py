"""Request bodies of the web API, with explicit limits."""

from __future__ import annotations

from pydantic import BaseModel, Field

from chidao.results import Filters, Turn


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=20_000, description="câu hỏi (tiếng Việt)")
    filters: Filters | None = None
    history: list[Turn] = Field(default_factory=list, max_length=20)


class ErrorBody(BaseModel):
    detail: str

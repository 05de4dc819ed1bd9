"""Request and error bodies of the web API, with explicit limits.

The question's own limit (settings.max_question_chars) is checked by the service; the cap here
only bounds what a request can make the server hold.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from core.results import Filters, Turn

QUESTION_CAP = 20_000
HISTORY_MAX = 20


class FiltersIn(Filters):
    """Filters as a client sends them: a misspelt key is an error, not silently ignored."""

    model_config = ConfigDict(extra="forbid")


class TurnIn(Turn):
    model_config = ConfigDict(extra="forbid")


class AskRequest(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "question": "Xã Tam Gia đạt bao nhiêu tiêu chí nông thôn mới?",
                    "filters": {"year": 2022},
                    "history": [],
                }
            ]
        },
    )

    question: str = Field(max_length=QUESTION_CAP, description="câu hỏi bằng tiếng Việt")
    filters: FiltersIn | None = None
    history: list[TurnIn] = Field(
        default_factory=list,
        max_length=HISTORY_MAX,
        description="các lượt hỏi đáp trước, cũ trước mới sau, cho câu hỏi nối tiếp",
    )


class ErrorBody(BaseModel):
    """Every 4xx/5xx answer of the API has this shape."""

    detail: str = Field(description="lời giải thích bằng tiếng Việt")

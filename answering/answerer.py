"""The one shape every answerer has, so the service never asks which kind it holds."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from answering.question import Question
from core.results import Answer
from index.hybrid import Hit
from index.state import IndexState

# Receives the pieces of an answer as they are written (an LLM's tokens); extractive answers
# are whole at once and never call it.
TokenSink = Callable[[str], None]


class Answerer(Protocol):
    mode: str

    def answer(
        self, q: Question, hits: list[Hit], state: IndexState, on_token: TokenSink | None = None
    ) -> Answer:
        """The answer to `q` from the retrieved `hits`, or a plain "không tìm thấy"."""
        ...

"""Citations of recent answers, so a "[n]" button can show its passage without a new search."""

from __future__ import annotations

import secrets
from collections import OrderedDict

from core.results import Citation


class CitationMemory:
    """The citations of the last `size` answers, under a short random key for callback data.

    Kept in memory only: after a restart, older buttons say the citation has expired.
    """

    def __init__(self, size: int = 1000):
        self.size = size
        self._answers: OrderedDict[str, list[Citation]] = OrderedDict()

    def remember(self, citations: list[Citation]) -> str:
        key = secrets.token_hex(4)
        self._answers[key] = citations
        while len(self._answers) > self.size:
            self._answers.popitem(last=False)
        return key

    def get(self, key: str, n: int) -> Citation | None:
        return next((c for c in self._answers.get(key, []) if c.n == n), None)

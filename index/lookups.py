"""Exact lookups beside ranked retrieval: where a term is defined ("Người lao động là …") and
where an article is ("Điều 32"). Ranked retrieval finds these poorly: a definition shares its
words with every use of the term, and an article number is no word at all."""

from __future__ import annotations

import re

from index.vntext import fold
from ingest.document import Chunk

_DEFINED = re.compile(
    r"^(?:\d{1,2}\.\s+|[a-zđ]\)\s+)?([^\W\d][^.;:()]{2,70}?)\s+(?:là|được hiểu là)\s+\S", re.I
)
_ARTICLE_NO = re.compile(r"^Điều\s+(\d+[a-z]?)\b")


def defined_term(text: str) -> str:
    """The term a passage opens by defining, folded; "" when it defines nothing."""
    m = _DEFINED.match(text)
    return " ".join(fold(w) for w in m.group(1).split()) if m else ""


def article_number(headings: list[str]) -> str:
    return next((m.group(1) for h in headings if (m := _ARTICLE_NO.match(h))), "")


class Lookups:
    """Built once per index generation, on first use."""

    def __init__(self, chunks: list[Chunk]):
        self.definitions: dict[str, list[int]] = {}
        self.articles: dict[str, list[int]] = {}
        for row, chunk in enumerate(chunks):
            term = defined_term(chunk.text[:200])
            if term:
                self.definitions.setdefault(term, []).append(row)
            number = article_number(chunk.headings)
            if number:
                self.articles.setdefault(number, []).append(row)

    def defining(self, term: str) -> list[int]:
        return self.definitions.get(term, [])

    def article(self, number: str) -> list[int]:
        return self.articles.get(number, [])

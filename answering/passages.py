"""Answers longer than one sentence, read from the document as written: a list with its lead-in
("…trong trường hợp sau đây: a) …; b) …") and a whole article, for questions that ask for
every case or for what an article lays down."""

from __future__ import annotations

import re

from core.document import Chunk
from index.state import IndexState, is_article_family

MAX_LIST_CHARS = 1500
MAX_ARTICLE_CHARS = 2000
# List items: "a)", "đ)", "(1)", "-", "+", "•".
_ITEM = re.compile(r"^(?:[a-zđ]\)|\(\d{1,2}\)|[-+•])\s")


def _item_kind(line: str) -> str:
    m = _ITEM.match(line)
    if not m:
        return ""
    marker = m.group(0).strip()
    return "letter" if marker.endswith(")") and marker[0].isalpha() else marker[:2]


def _lines(text: str) -> list[tuple[int, int, str]]:
    out, pos = [], 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped[0])
            out.append((start, start + len(stripped), stripped))
        pos += len(raw) + 1
    return out


def paragraph_text(state: IndexState, chunk: Chunk, sentence: str) -> str | None:
    """The whole paragraph (line) of the document that holds the sentence."""
    around = state.text_around([chunk])
    if around is None:
        return None
    return next((line for _, _, line in _lines(around[0]) if sentence[:40] in line), None)


def list_text(state: IndexState, chunk: Chunk, sentence: str) -> str | None:
    """The lead-in line ending in ":" and every item under it, when the sentence is one of
    them; None otherwise or when the list is too long to quote."""
    around = state.text_around(state.siblings(chunk) or [chunk], before=600)
    if around is None:
        return None
    text, _ = around
    lines = _lines(text)
    at = next((i for i, (_, _, line) in enumerate(lines) if sentence[:40] in line), None)
    if at is None:
        return None
    lead = at
    if _item_kind(lines[at][2]):
        kind = _item_kind(lines[at][2])
        while lead > 0 and _item_kind(lines[lead][2]) == kind:
            lead -= 1
    if not lines[lead][2].endswith(":") or lead + 1 >= len(lines):
        return None
    kind = _item_kind(lines[lead + 1][2])
    last = lead + 1
    while kind and last + 1 < len(lines) and _item_kind(lines[last + 1][2]) == kind:
        last += 1
    if not kind:
        return None
    quote = "\n".join(line for _, _, line in lines[lead : last + 1])
    return quote if len(quote) <= MAX_LIST_CHARS else None


def article_text(state: IndexState, chunk: Chunk) -> str | None:
    """The whole body of the article the chunk is in, when it is short enough to quote."""
    if not is_article_family(chunk.headings):
        return None
    around = state.text_around(state.siblings(chunk))
    if around is None or len(around[0]) > MAX_ARTICLE_CHARS:
        return None
    return "\n".join(line for _, _, line in _lines(around[0]))

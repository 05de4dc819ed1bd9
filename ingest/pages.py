"""Which page each passage of a paged document (PDF, scan) starts on.

Clean-up rewrites the text (running heads go, hyphenated words and wrapped lines join), so pages
are found again in the cleaned text by their first words: the first run of a page's words that
stands in the text after the previous page's start marks where the page begins.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from core.document import Chunk

_WORD = re.compile(r"\w+")
_RUN = 4  # words: long enough to be found once, short enough to dodge an OCR slip
_TRIES = 60  # runs of a page tried before it is given the previous page's start


def page_starts(text: str, pages: list[str]) -> list[int]:
    """Offset in `text` where each of `pages` (their raw text, in order) starts; a page not
    found (empty, or dropped by clean-up) starts where the one before it did."""
    words = [(m.group().lower(), m.start()) for m in _WORD.finditer(text)]
    runs: dict[tuple[str, ...], list[int]] = {}
    for i in range(len(words) - _RUN + 1):
        runs.setdefault(tuple(w for w, _ in words[i : i + _RUN]), []).append(i)
    starts: list[int] = []
    at = 0  # word index where the previous page starts
    expected = 0  # where this page would start if clean-up kept every word
    for n, page in enumerate(pages):
        tokens = [w.lower() for w in _WORD.findall(page)]
        found = 0 if n == 0 else _find(tokens, runs, at, expected)
        if found is not None:
            at = found
        expected = max(at, expected) + len(tokens)
        starts.append(words[at][1] if words and n else 0)
    return starts


def _find(
    tokens: list[str], runs: dict[tuple[str, ...], list[int]], at: int, expected: int
) -> int | None:
    """The start of the first run of the page's words found after `at`; of its places, the
    one nearest where the page is expected (a title may repeat on the page before)."""
    for k in range(min(_TRIES, len(tokens) - _RUN + 1)):
        hits = runs.get(tuple(tokens[k : k + _RUN]), [])
        places = [max(at, hit - k) for hit in hits[bisect_left(hits, at) :]]
        if places:
            return min(places, key=lambda place: abs(place - expected))
    return None


def assign_pages(chunks: list[Chunk], text: str, starts: list[int]) -> None:
    """Set each chunk's page: the page its first sentence starts on (1-based)."""
    for chunk in chunks:
        head = chunk.text.split("\n", 1)[0][:40]
        found = text.find(head, chunk.start) if head else -1
        offset = found if 0 <= found <= max(chunk.end, chunk.start) else chunk.start
        chunk.page = max(1, bisect_right(starts, offset))

"""A task as the reader finds it (agencies, words, offsets, deadline), how one is added from a
sentence or paragraph, and how it is dressed for storage with its citation's passage."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from core.document import Chunk
from core.results import Task
from ingest.agencies import canonical, match_form
from ingest.deadlines import Deadline, find_deadline
from ingest.outline import Block
from ingest.task_names import strip_marker
from ingest.task_prose import Assignment, action_text, co_agencies


@dataclass
class Found:
    """A task before it is dressed for storage: agencies, words, offsets."""

    agencies: list[str | None]  # None: a deadline whose notice names no one
    co: list[str]
    task: str
    quote: str
    start: int
    headings: list[str]
    deadline: Deadline | None = None


def add(
    found: list[Found],
    block: Block,
    quote: str,
    at: int,
    unit: Assignment | None,
    context: list[str],
    year: int | None,
    item: bool,
    inherited_co: Sequence[str] = (),
) -> None:
    agencies = [m.canonical for m in unit.agencies] if unit else context
    if not agencies or (not item and unit is None and not context):
        return
    body = strip_marker(quote)
    if unit is None and re.match(r"\s*(?:đã|đang|được)\s", match_form(body)):
        return
    action = unit.action - (len(quote) - len(body)) if unit else 0
    co = unit.co if unit else list(dict.fromkeys([*inherited_co, *co_agencies(body)]))
    whole = find_deadline(quote, year)
    groups = unit.groups() if unit and len(set(unit.clauses)) > 1 else [(0, len(quote), agencies)]
    for start, end, names in groups:
        own = find_deadline(quote[start:end], year) if len(groups) > 1 else whole
        found.append(
            Found(
                list(dict.fromkeys(names)),
                co,
                action_text(body, max(action, 0)),
                quote,
                block.start + at,
                block.headings,
                own,
            )
        )


def attach(found: list[Found], block: Block, deadline: Deadline | None) -> None:
    """A "Thời hạn hoàn thành: …" line sets the deadline of the tasks just before it."""
    last = found[-1]
    for f in reversed(found):
        if f.headings[: len(block.headings)] != block.headings[: len(f.headings)]:
            break
        if f.start < last.start - 2000 or f.deadline is not None:
            break
        f.deadline = deadline


def _chunk_for(chunks: Sequence[Chunk], quote: str, start: int) -> Chunk | None:
    """The passage a task's citation opens: the chunk holding the whole quote, else the one
    holding its start, else the first one at its offset."""
    covering = [c for c in chunks if c.start <= start < max(c.end, c.start + 1)]
    words = " ".join(quote.split())
    for holds in (words, words[:60]):
        found = next((c for c in (*covering, *chunks) if holds in " ".join(c.text.split())), None)
        if found:
            return found
    return covering[0] if covering else None


def to_task(
    f: Found, agency: str | None, chunks: Sequence[Chunk], doc_id: str, source: str
) -> Task:
    chunk = _chunk_for(chunks, f.quote, f.start)
    section = " › ".join(f.headings)
    d = f.deadline
    return Task(
        agency=canonical(agency) if agency else None,
        co_agencies=[c for c in f.co if c != agency],
        task=f.task,
        due=d.iso if d else None,
        due_text=d.text if d else None,
        recurring=bool(d and d.recurring),
        source=source,
        doc_id=doc_id,
        section=section,
        quote=f.quote,
        chunk_id=chunk.chunk_id if chunk else "",
        start=f.start,
    )

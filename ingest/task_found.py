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
from ingest.task_prose import Assignment, action_text, co_agencies, exhorts
from vntext.sentences import split_sentences

# A list item's marker.
BULLET = re.compile(r"\s*(?:[-+•*–]\s|\(\d{1,2}\)\s|[a-zđ]\)\s)")
# A line that dates the work above it ("Thời hạn hoàn thành: …").
DEADLINE_WORDS = re.compile(r"\s*(?:[-+]\s*)?(?:thời hạn|thời gian|tiến độ)", re.I)


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
    if unit is not None and exhorts(body[max(action, 0) :]):
        return
    co = unit.co if unit else list(dict.fromkeys([*inherited_co, *co_agencies(body)]))
    whole = find_deadline(quote, year)
    groups = unit.groups() if unit and len(set(unit.clauses)) > 1 else [(0, len(quote), agencies)]
    scheduled = _scheduled(quote, year) if len(groups) == 1 else None
    if scheduled is not None:  # "… xây dựng kế hoạch. Hằng năm báo cáo …": two duties
        groups = [(0, scheduled, agencies), (scheduled, len(quote), agencies)]
    # "…, Sở B …, hoàn thành trong …": the deadline that closes the sentence (whole, when one)
    last = whole if len(groups) == 1 else find_deadline(quote[groups[-1][0] :], year)
    for start, end, names in groups:
        own = find_deadline(quote[start:end], year) if len(groups) > 1 else whole
        if own is None and quote[:end].rstrip().endswith(","):
            own = last  # clauses a comma joins share the deadline that closes the sentence
        words = quote if scheduled is None else quote[start:end].strip()
        found.append(
            Found(
                list(dict.fromkeys(names)),
                co,
                action_text(strip_marker(words), max(action, 0) if start == 0 else 0),
                words,
                block.start + at + (quote.find(words) if scheduled is not None else 0),
                block.headings,
                own,
            )
        )


def _scheduled(quote: str, year: int | None) -> int | None:
    """Where a later sentence of one item opens with a schedule of its own ("Hằng năm báo cáo
    kết quả …", "Trước ngày 15/12, gửi …"): a second duty of the same agencies. A sentence that
    only dates the work before it ("Hoàn thành trước ngày 30/6.") is not one."""
    offset = 0
    for n, sentence in enumerate(split_sentences(quote)):
        at = quote.find(sentence, offset)
        offset = at + len(sentence)
        deadline = find_deadline(sentence, year) if n else None
        if deadline is None or DEADLINE_WORDS.match(sentence):
            continue
        if deadline.start > 0:  # "… trước ngày 31/3. Khẩn trương hoàn thiện … trước 30/6.":
            own = len(sentence) - len(deadline.text) > 25 and not _DATES_ONLY.match(sentence)
            if own and find_deadline(quote[:at], year) is not None:
                return at  # a second piece of work with a deadline of its own
            continue
        rest = sentence[deadline.end :].strip(" ,.;:")
        if len(rest) > 20 and rest[:1].islower():
            return at
    return None


# A sentence that only dates the work before it ("Hoàn thành trước ngày 30/6/2026.").
_DATES_ONLY = re.compile(r"\s*(?:[-+]\s*)?(?:hoàn thành|xong|thực hiện xong|chậm nhất)", re.I)


def unassigned(block: Block, sentence: str, at: int, deadline: Deadline) -> Found:
    """A sentence that sets a dated deadline for work without naming who does it: a task with
    agency None (nothing is invented)."""
    body = strip_marker(sentence)
    return Found(
        [None], [], action_text(body, 0), sentence, block.start + at, block.headings, deadline
    )


def dates_only(sentence: str) -> bool:
    """A sentence that only dates the work before it, or one that is only a deadline line."""
    return bool(_DATES_ONLY.match(sentence) or DEADLINE_WORDS.match(sentence))


def attach(found: list[Found], block: Block, deadline: Deadline | None) -> None:
    """A "Thời hạn hoàn thành: …" line sets the deadline of the task just before it and of the
    lead-in that task belongs to; not of the sibling items before that one."""
    last = found[-1]
    for f in reversed(found):
        if f.headings[: len(block.headings)] != block.headings[: len(f.headings)]:
            break
        if f.start < last.start - 2000 or f.deadline is not None:
            break
        sibling = f.headings == last.headings and f.start != last.start
        if sibling and BULLET.match(f.quote) and BULLET.match(last.quote):
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

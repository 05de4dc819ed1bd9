"""The follow-up list: every task the live notices assign, filtered by agency, due window,
notice or words, and the questions it answers ("Sở Xây dựng có nhiệm vụ gì sắp đến hạn?",
"Những việc phải xong trước 31/3/2026?", "Quảng Ngãi giao Sở Tài chính việc gì?") with a
citation per task.
"""

from __future__ import annotations

import re
import threading
import weakref
from dataclasses import dataclass
from datetime import date, timedelta

from core.results import Answer, Citation, Task
from index.catalog import Catalog
from index.state import IndexState
from ingest.agencies import find_agencies, matches
from ingest.deadlines import find_deadline, parse_due
from ingest.task_store import VERSION_KEY
from vntext.terms import fold, folded_syllables

SOON_DAYS = 30  # "sắp đến hạn": due within this many days
MAX_LISTED = 5  # tasks an answer lists (each with its citation); the rest are counted
# A question about tasks asks for a list: what an agency must do, what falls due. Questions
# for one fact ("cơ quan nào được giao …", "trước ngày nào?", "về việc gì?") go to the usual
# answering.
_TASK_WORDS = re.compile(
    r"(?<!ve )(?:nhiem vu|viec|cong viec) (?:gi|nao)\b"
    r"|\b(?:nhung|cac) (?:viec|nhiem vu|cong viec)\b|(?:phai|can) lam (?:nhung )?gi\b"
    r"|(?:sap|da) (?:den|toi|qua|het) han|\bqua han\b"
)
_NOT_TASKS = re.compile(
    r"bao nhieu|ve viec gi|co quan nao|don vi nao|\bai\b|khi nao|ngay nao|bao lau|la gi"
    r"|chuc nang|\bmay\b|ty le|so luong"
)
_SOON = re.compile(r"sap (?:den|toi) han|sap het han|tuan nay|tuan toi|thang nay|\bsap\b")
_OVERDUE = re.compile(r"qua han|tre han|cham tien do")


class TaskBook:
    """The tasks of the live documents, read from the catalog once per committed generation
    and filtered in memory (a province's notices hold thousands of tasks, not millions)."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._stamp: tuple[int, str | None] | None = None
        self._tasks: list[Task] = []
        self._places: dict[str, str] = {}  # doc_id → folded province ("quang ngai")
        self._place_names: dict[str, str] = {}  # "quang ngai" → "Quảng Ngãi"
        self._lock = threading.Lock()

    def all(self) -> list[Task]:
        stamp = (self.catalog.generation(), self.catalog.get_meta(VERSION_KEY))
        if stamp != self._stamp:
            with self._lock:
                tasks = self.catalog.tasks()
                docs = self.catalog.documents()
                self._places = {d.doc_id: fold(d.metadata.province) for d in docs}
                self._place_names = {fold(d.metadata.province): d.metadata.province for d in docs}
                self._tasks, self._stamp = sorted(tasks, key=_by_due), stamp
        return self._tasks

    def tasks(
        self,
        agency: str | None = None,
        due_after: str | None = None,
        due_before: str | None = None,
        doc_id: str | None = None,
        q: str | None = None,
        place: str | None = None,
    ) -> list[Task]:
        """Tasks sorted by due date (undated last). `agency` matches the canonical name, its
        abbreviation and unaccented spellings; the due bounds are inclusive ISO dates and
        leave undated tasks out; `q` needs every word in the task, quote or section."""
        words = folded_syllables(q or "")
        wanted_place = fold(place or "")
        out = []
        for t in self.all():
            if agency and not (t.agency and matches(agency, t.agency)):
                continue
            due = t.due or ""
            if (due_after or due_before) and not due:
                continue
            if (due_after and due < due_after) or (due_before and due > due_before):
                continue
            if doc_id and t.doc_id != doc_id:
                continue
            if wanted_place and wanted_place != self._places.get(t.doc_id, ""):
                continue
            if words and not _has_words(t, words):
                continue
            out.append(t)
        return out

    def agencies(self) -> list[str]:
        """Canonical agencies that have tasks, most tasks first (for a filter drop-down)."""
        counts: dict[str, int] = {}
        for t in self.all():
            if t.agency:
                counts[t.agency] = counts.get(t.agency, 0) + 1
        return sorted(counts, key=lambda a: (-counts[a], a))

    def places(self) -> set[str]:
        self.all()
        return {p for p in self._places.values() if p}

    def place_name(self, folded: str) -> str:
        return self._place_names.get(folded, folded)


_BOOKS: weakref.WeakKeyDictionary[Catalog, TaskBook] = weakref.WeakKeyDictionary()


def book_for(catalog: Catalog) -> TaskBook:
    """One TaskBook per catalog, so every front end shares the same loaded list."""
    book = _BOOKS.get(catalog)
    if book is None:
        book = _BOOKS[catalog] = TaskBook(catalog)
    return book


def _by_due(t: Task) -> tuple:
    return (t.due is None, t.due or "", t.source, t.start)


def _has_words(t: Task, words: list[str]) -> bool:
    hay = set(folded_syllables(" ".join((t.task, t.quote, t.section, t.title))))
    return all(w in hay for w in words)


# --- questions ---------------------------------------------------------------------------------


@dataclass
class TaskQuery:
    """What a task question asks for."""

    agency: str | None = None
    place: str | None = None
    due_before: str | None = None
    soon: bool = False
    overdue: bool = False


def read_question(question: str, book: TaskBook) -> TaskQuery | None:
    """The filters a task question sets, or None when it is not a question about tasks."""
    folded = fold(question)
    if not _TASK_WORDS.search(folded) or _NOT_TASKS.search(folded):
        return None
    mentions = [m for m in find_agencies(question) if m.canonical != "UBND tỉnh"]
    query = TaskQuery(agency=mentions[0].canonical if mentions else None)
    places = sorted(book.places(), key=len, reverse=True)
    query.place = next((p for p in places if re.search(rf"\b{re.escape(p)}\b", folded)), None)
    deadline = find_deadline(question) or _bare_date(question)
    if deadline and deadline.due:
        query.due_before = deadline.due.isoformat()
    query.soon, query.overdue = bool(_SOON.search(folded)), bool(_OVERDUE.search(folded))
    if not (query.agency or query.place or query.due_before or query.soon or query.overdue):
        return None
    return query


def _bare_date(question: str):
    m = re.search(r"\d{1,2}/\d{1,2}/\d{4}|(?:quý|tháng) [\dIV]+/\d{4}", question, re.I)
    return parse_due(m.group(0)) if m else None


def answer_task_question(
    question: str, book: TaskBook, state: IndexState | None, today: date | None = None
) -> Answer | None:
    """The answer to a question about tasks, from the task list, with one citation per task
    listed; None when the question is not about tasks (the usual answering takes it)."""
    query = read_question(question, book)
    if query is None:
        return None
    today = today or date.today()
    tasks = book.tasks(agency=query.agency, due_before=query.due_before, place=query.place)
    listed, note = _choose(tasks, query, today)
    if not listed:
        return Answer(question=question, answer=_none_found(query), found=False, mode="tasks")
    place = book.place_name(query.place) if query.place else ""
    lines = [_heading(query, place, len(tasks), note)]
    citations = []
    for n, t in enumerate(listed, 1):
        lines.append(f"{n}. {_line(t, today, query.agency is None)} [{n}]")
        citations.append(_citation(n, t, state))
    if len(tasks) > len(listed):
        lines.append(f"… và {len(tasks) - len(listed)} nhiệm vụ khác (xem tab Nhiệm vụ).")
    return Answer(
        question=question, answer="\n".join(lines), found=True, citations=citations, mode="tasks"
    )


def _choose(tasks: list[Task], query: TaskQuery, today: date) -> tuple[list[Task], str]:
    """The tasks to list, soonest first; when nothing is upcoming, the latest ones, saying so."""
    now = today.isoformat()
    if query.overdue:
        late = [t for t in tasks if t.due and t.due < now and not t.recurring]
        return sorted(late, key=lambda t: t.due or "", reverse=True)[:MAX_LISTED], ""
    upcoming = [t for t in tasks if t.due and t.due >= now]
    if query.soon:
        horizon = (today + timedelta(days=SOON_DAYS)).isoformat()
        soon = [t for t in upcoming if t.due and t.due <= horizon]
        if soon:
            return soon[:MAX_LISTED], ""
        dated = sorted((t for t in tasks if t.due), key=lambda t: t.due or "", reverse=True)
        return dated[:MAX_LISTED], "không có nhiệm vụ nào đến hạn trong 30 ngày tới; gần nhất là"
    past = sorted((t for t in tasks if t.due and t.due < now), key=_by_due, reverse=True)
    undated = [t for t in tasks if not t.due]
    return [*upcoming, *past, *undated][:MAX_LISTED], ""


def _heading(query: TaskQuery, place: str, total: int, note: str) -> str:
    who = query.agency or "Các cơ quan"
    where = f" (văn bản của {place})" if place else ""
    when = f" có hạn đến {_vn_date(query.due_before)}" if query.due_before else ""
    if note:
        return f"{who}{where}: {note}:"
    return f"{who}{where} có {total} nhiệm vụ{when}:"


def _line(t: Task, today: date, with_agency: bool) -> str:
    who = f"{t.agency}: " if with_agency and t.agency else ""
    if t.due:
        late = " — đã quá hạn" if t.due < today.isoformat() and not t.recurring else ""
        when = f" (hạn {_vn_date(t.due)}{late})"
    elif t.due_text:
        when = f" ({t.due_text})"
    else:
        when = ""
    return f"{who}{t.task}{when}"


def _none_found(query: TaskQuery) -> str:
    who = f" của {query.agency}" if query.agency else ""
    when = f" có hạn đến {_vn_date(query.due_before)}" if query.due_before else ""
    return f"Không tìm thấy nhiệm vụ nào{who}{when} trong các văn bản đã nạp."


def _citation(n: int, t: Task, state: IndexState | None) -> Citation:
    passage = t.quote
    page = None
    row = state.row_of.get(t.chunk_id) if state is not None and t.chunk_id else None
    if state is not None and row is not None:
        chunk = state.chunks[row]
        passage, page = chunk.text, chunk.page
    return Citation(
        n=n,
        source=t.source,
        doc_id=t.doc_id,
        chunk_id=t.chunk_id,
        title=t.title,
        date=t.date,
        section=t.section,
        quote=t.quote,
        passage=passage,
        page=page,
    )


def _vn_date(iso: str | None) -> str:
    """ "2022-04-05" → "05/4/2022", as notices write dates."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return f"{d}/{int(m)}/{y}"

"""Every task a notice assigns: who, what, by when, and the words that say so.

Read at ingest from the notice's own outline: sentences that assign work ("Giao Sở X …",
"Sở X tập trung hoàn thiện … trước ngày 05/4/2022"), list items under an agency heading
("2. Sở Tài chính" › "- Cân đối …") or after a lead-in ("… đề nghị UBND huyện Y:"), the rows
of assignment tables, and "Thời hạn hoàn thành: …" lines under a task. One task per
responsible agency; nothing is invented: a deadline without an agency keeps agency None, an
agency without a deadline keeps due None.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from core.document import Chunk
from core.results import Task
from ingest.deadlines import parse_due
from ingest.outline import Block, heading_rank, parse_outline
from ingest.task_cells import FlatRows
from ingest.task_found import Found, add, attach, dates_only, to_task, unassigned
from ingest.task_headings import HeadingWords
from ingest.task_names import local_district, strip_marker
from ingest.task_paragraphs import (
    BULLET,
    DEADLINE_LINE,
    FORM,
    LIST_LEAD,
    MARKER_ONLY,
    NOT_A_TASK,
    SCOPE,
    agency_label,
    deadline_only,
    grants_power,
    heading_paths,
    is_action,
    is_closing_line,
    joined,
    label,
    lead_only,
    named_line,
    names_only,
    points_to_list,
    tasky,
)
from ingest.task_paragraphs import (
    descriptive as describes,
)
from ingest.task_prose import (
    Assignment,
    assignment,
    executes,
    names_agency,
    nearest_heading_agencies,
    urges_all,
)
from ingest.task_records import Records
from ingest.task_reports import asks, speaks
from ingest.task_tables import table_tasks
from vntext.sentences import split_sentences

TASKS_VERSION = 35  # bump when extraction changes: stored tasks are then read again


def extract_tasks(
    text: str,
    notice_date: str = "",
    chunks: Sequence[Chunk] = (),
    doc_id: str = "",
    source: str = "",
    districts: Sequence[str] = (),
) -> list[Task]:
    """The notice's tasks in document order, one per responsible agency. `districts`: the
    districts the notice names, most named first (a bare "huyện" is the one the notice is
    about: named in its title, or the only one it names)."""
    year = int(notice_date[:4]) if notice_date[:4].isdigit() else None
    about = districts[0] if districts and re.search(rf"huyện\s+{districts[0]}", text[:800]) else ""
    reader = _Reader(text, year, f"UBND huyện {about}" if about else None)
    one = about or (districts[0] if len(districts) == 1 else None)  # else "huyện" is any
    with local_district(one):
        for block in joined(parse_outline(text).blocks):
            reader.read(block)
        reader.flat.finish(reader.found)
    once: dict[tuple[str | None, int], Found] = {}  # two clauses of one sentence, one agency
    for f in reader.found:
        for a in f.agencies:
            once.setdefault((a, f.start), f)
    return [to_task(f, a, chunks, doc_id, source) for (a, _), f in once.items()]


class _Reader:
    """Walks the notice's paragraphs in order, remembering what the next ones inherit: the
    agencies of a lead-in ("… đề nghị UBND huyện Y:") and the headings that are tasks."""

    def __init__(self, text: str, year: int | None, addressee: str | None = None):
        self.text, self.year = text, year
        self.found: list[Found] = []
        self.lead_in: tuple[list[str], tuple[str, ...]] | None = None
        self.task_headings: set[tuple[str, ...]] = set()
        self.seen_headings: dict[tuple[str, ...], int] = {}  # where each heading was first met
        self.lead_items: set[tuple[str, ...]] = set()  # items of the current lead-in's list
        self.labelled = False  # the lead-in is a label ("Sở Y tế:"): its paragraphs follow it
        self.label_rank: tuple[int, str] | None = None  # its marker's rank ("1.1." › …)
        self.numbered = ""  # the paragraph before was a bare list marker ("3.")
        self.records = Records(text, year)
        self.addressee = addressee  # "UBND huyện X" of a notice about one district
        self.lead_co: dict[tuple[str, ...], list[str]] = {}  # co-agencies of lead headings
        self.lead_names: dict[tuple[str, ...], list[str]] = {}  # and the agencies they lead
        self.closing: set[tuple[str, ...]] = set()  # articles that say who executes the text
        self.lead_at = 0  # where the current lead-in starts
        self.words = HeadingWords(text)  # headings whole, for the agencies they name
        self.flat = FlatRows(text, year)  # a table's rows the crawl flattened, one cell a line

    def read(self, block: Block) -> None:
        rows = table_tasks(block, self.year)
        if rows is not None:
            self.flat.table(block)
            at, heads = block.start, block.headings
            self.found += [
                Found([r.agency], r.co, r.task, r.quote, at + r.start, heads, r.deadline)
                for r in rows
            ]
            return
        if self.flat.read(block, self.found) or self.words.tail(block):
            return
        if MARKER_ONLY.match(block.text):
            self.numbered = block.text.strip()  # the next paragraph is the item it numbers
            return
        marker, self.numbered = self.numbered, ""
        numbered = bool(marker)
        own = heading_rank(block.text) is not None
        parents = block.headings[:-1] if own else block.headings
        if numbered and parents and heading_rank(f"{marker} X") == heading_rank(parents[-1]):
            parents = parents[:-1]  # "13." after heading "12. …" is its sibling, not its child
        self._headings(parents, block.start)
        if own:  # its label heads the paragraphs after it, but it is read here, as a paragraph
            self.seen_headings.setdefault(tuple(block.headings), block.start)
        if executes(block.text) and block.headings:  # "… chịu trách nhiệm thi hành Quyết định này"
            path = tuple(block.headings)
            self.closing.add(path)
            if block.headings[-1].startswith("Điều "):  # the article's names split in lines
                self.found = [f for f in self.found if tuple(f.headings[: len(path)]) != path]
        if FORM.match(block.text) and block.headings:
            self.closing.add(tuple(block.headings[:1]))  # a form to fill in, to its section's end
        if any(p in self.closing for p in heading_paths(block.headings)):
            return  # what follows the closing article (its appendices) assigns nothing
        if self.records.read(block, self.found):
            return
        deadline_line = DEADLINE_LINE.match(block.text)
        if deadline_line:  # the deadline of the tasks above it, never a task of its own
            if self.found:
                attach(self.found, block, parse_due(block.text[deadline_line.end() :], self.year))
            return
        if NOT_A_TASK.match(block.text) or any(SCOPE.match(label(h)) for h in block.headings):
            return
        if SCOPE.match(label(block.text)):
            return
        names = [] if own else agency_label(block.text, numbered) or self.words.title(block)
        rank = heading_rank(f"{marker} X") if numbered else None
        if names:  # "Sở Y tế:" over the lines that are its tasks
            self.lead_in, self.lead_items = (names, tuple(block.headings)), set()
            self.labelled, self.label_rank = True, rank
            return
        if self.labelled and rank is not None and rank == self.label_rank:
            self.lead_in = None  # "1.2." after the label "1.1." › "Trưởng Ban Chỉ đạo": its sibling
        item = own or numbered or bool(BULLET.match(block.text))
        lead_in = self.lead_in
        same = lead_in is not None and tuple(parents) == lead_in[1]
        deeper = lead_in is not None and self._in_list(parents, lead_in[1])
        if lead_in and not (
            (item and same)
            or deeper
            or tuple(parents) in self.lead_items
            or (self.labelled and same and not named_line(block.text))
        ):
            lead_in = None  # a paragraph at the lead-in's level, or another section, ends it
        self.lead_in = lead_in
        if lead_in and own:  # what sits under this item belongs to the lead-in's list too
            self.lead_items.add(tuple(block.headings))
        under_task = any(tuple(parents[: i + 1]) in self.task_headings for i in range(len(parents)))
        context = nearest_heading_agencies([self.words.whole(h, block.start) for h in parents])
        if not context:  # "5. Để …, các sở, ngành … thực hiện các nội dung sau:" › "a) …"
            context = next(
                (self.lead_names[p] for p in heading_paths(parents) if p in self.lead_names), []
            )
        if lead_in:  # the items after "… đề nghị UBND huyện Y:" and what they hold
            context = lead_in[0]
        descriptive = any(describes(h) for h in parents)
        if not context and not descriptive and self.addressee and tasky(parents):
            context = [self.addressee]  # the next steps of a notice about one district
        co = next((self.lead_co[p] for p in heading_paths(parents) if p in self.lead_co), [])
        if (item or context) and not under_task:
            self._whole(block, item, [] if descriptive else context, descriptive, co)
        else:
            self._sentences(block, descriptive or under_task, descriptive)

    def _start_lead_in(self, unit: Assignment, block: Block) -> None:
        self.lead_in = ([m.canonical for m in unit.agencies], tuple(block.headings))
        self.lead_items, self.labelled, self.lead_at = set(), False, block.start

    def _in_list(self, parents: list[str], path: tuple[str, ...]) -> bool:
        """A paragraph under an item heading of the lead-in's list ("Giao Công an tỉnh …
        sau:" › "b) Chủ trì, phối hợp với …" › "- …"): one level below, met after it."""
        if not path or len(parents) != len(path) + 1 or tuple(parents[:-1]) != path:
            return False
        if nearest_heading_agencies(parents[-1:]):
            return False  # "2. Sở Nông nghiệp và Môi trường:": a list of its own
        return self.seen_headings.get(tuple(parents), -1) > self.lead_at

    def _headings(self, parents: list[str], before: int) -> None:
        """A heading that itself assigns ("d) Giao Ban Quản lý … có trách nhiệm:") is a task;
        the list under it spells the task out."""
        for i in range(len(parents)):
            path = tuple(parents[: i + 1])
            if path in self.seen_headings:
                continue
            self.seen_headings[path] = before
            unit = assignment(parents[i])
            if unit is None or describes(parents[i]) or names_agency(parents[i]):
                continue
            body = strip_marker(parents[i])
            at = self.text.rfind(body[:40], 0, before)
            whole = self.text[at : self.text.find("\n\n", at)] if at >= 0 else ""
            read = assignment(whole)
            if at < 0:
                continue
            heading = Block(body, list(parents[:i]), at, at + len(body))
            if not (read and points_to_list(whole[read.action :])):  # "… các nội dung sau:"
                add(self.found, heading, body, 0, unit, [], self.year, True)
            if LIST_LEAD.search(whole) or (read and lead_only(whole[read.action :])):
                self.lead_co[path] = unit.co  # "Giao Sở X chủ trì, phối hợp với Y:" over its tasks
                self.lead_names[path] = [m.canonical for m in unit.agencies]
                continue  # "Đề nghị UBND huyện … một số nhiệm vụ sau:": its items are tasks too
            self.task_headings.add(path)

    def _whole(
        self, block: Block, item: bool, context: list[str], descriptive: bool, co: list[str]
    ) -> None:
        """A list item or a paragraph under an agency heading: one task, the whole paragraph."""
        unit = assignment(block.text)
        body = strip_marker(block.text)
        if names_only(body) or (unit is None and grants_power(body)):
            return
        if unit is None and (urges_all(body) or speaks(body)):
            return  # a closing line; the chairing leader's own words ("… biểu dương …")
        if unit is None and (not context or not is_action(body)):
            if not context:
                self._sentences(block, descriptive, descriptive)
            return
        lead = block.text.rstrip().endswith(":") and (not item or LIST_LEAD.search(block.text))
        if lead and unit is not None:  # "… đề nghị UBND huyện Y … một số nội dung sau:"
            self._start_lead_in(unit, block)
            if not points_to_list(block.text[unit.action :]):  # "… thực hiện các nội dung sau:"
                add(self.found, block, block.text, 0, unit, context, self.year, item, co)
            return
        if (not item and is_closing_line(block.text, self.year)) or executes(block.text):
            return
        add(self.found, block, block.text, 0, unit, context, self.year, item, co)

    def _sentences(self, block: Block, descriptive: bool = False, reports: bool = False) -> None:
        """A paragraph of prose: each sentence that assigns work is a task; so is one that
        sets a dated deadline for work without naming who does it (agency None). In a section
        that `reports` (results, shortcomings), only a sentence that asks assigns."""
        offset = 0
        doer: list[str] = []  # who the sentence before assigned: a next one may leave it out
        for sentence in split_sentences(block.text):
            at = block.text.find(sentence, offset)
            offset = at + len(sentence)
            unit = assignment(sentence) if asks(sentence) or not reports else None
            if unit is None:
                deadline = None if descriptive else deadline_only(sentence, self.year)
                if deadline is not None and doer and not dates_only(sentence):
                    # "Giao Sở X … trước ngày 31/3. Khẩn trương hoàn thiện … trước 30/6.": X's
                    add(self.found, block, sentence, at, None, doer, self.year, False)
                    continue
                mine = [f for f in self.found if f.start >= block.start and f.agencies == doer]
                if deadline is not None and mine and all(f.deadline is None for f in mine):
                    for f in mine:  # "Giao Sở X …. Thời gian hoàn thành trước ngày 30/6.": X's
                        f.deadline = deadline
                    continue
                if deadline is not None:
                    self.found.append(unassigned(block, sentence, at, deadline))
                continue
            if sentence.rstrip().endswith(":"):
                self._start_lead_in(unit, block)
                head = sentence[: max(sentence.rfind(";"), 0)]  # "X tiếp tục …; đồng thời … sau:"
                if (work := assignment(head)) is not None:  # its own, before the list
                    add(self.found, block, head, at, work, [], self.year, False)
                continue
            if is_closing_line(sentence, self.year):
                continue
            doer = [m.canonical for m in unit.agencies]
            add(self.found, block, sentence, at, unit, [], self.year, False)

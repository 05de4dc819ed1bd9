"""Tasks a plan writes as a record of labelled lines under one item:

    a) Hoạt động 1                          (or "1.1. Tổ chức hội nghị quán triệt …")
    - Nội dung: Triển khai Tháng hành động …
    - Thời gian thực hiện: Tháng 11/2025.
    - Cơ quan thực hiện: Sở Nội vụ chủ trì, phối hợp với các sở, ban, ngành …

One task per lead agency: its words are the content line (else the item's heading), its
deadline the time line, its quote the record from the content to the lead line. The same
labels in an administrative procedure ("Cơ quan thực hiện: Sở X" of a thủ tục) assign nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.agencies import find_agencies, match_form
from ingest.deadlines import Deadline, find_deadline, parse_due
from ingest.outline import Block
from ingest.task_found import Found
from ingest.task_names import strip_marker
from ingest.task_prose import action_text, assignment, co_agencies

_FIELD = re.compile(
    r"^\s*(?:[-+•*]\s*)?(?P<name>nội dung(?: công việc| thực hiện| hoạt động)?|nhiệm vụ"
    r"|(?:cơ quan|đơn vị)(?: chủ trì| thực hiện| chịu trách nhiệm| chủ trì thực hiện)"
    r"|(?:cơ quan|đơn vị) phối hợp(?: thực hiện)?|thời (?:gian|hạn)(?: thực hiện| hoàn thành)?"
    r"|tiến độ(?: thực hiện)?|sản phẩm(?: đầu ra)?|kết quả đầu ra|kinh phí(?: thực hiện)?)"
    r"\s*:\s*"
)
_LISTED = re.compile(r"\s*[-+•*–]\s")
_PROCEDURE_LINE = re.compile(r"có thẩm quyền(?: quyết định)?\s*:|được ủy quyền\s*:|lệ phí\s*:")
_PROCEDURE = re.compile(r"thủ tục hành chính|trình tự thực hiện|thành phần hồ sơ|quy trình")


@dataclass
class Record:
    """The labelled lines read so far under one item."""

    headings: tuple[str, ...]
    start: int  # where the record's words start: its content line, else its item's heading
    content: str = ""
    deadline: Deadline | None = None
    tasks: list[Found] = field(default_factory=list)
    items: list[Block] = field(default_factory=list)  # "- Nội dung:" over "+ …" lines: each a task
    listing: bool = False  # the content line only leads a list


def field_line(text: str) -> tuple[str, str] | None:
    """(kind, value) of a labelled line: kind is content, lead, co, due or other."""
    m = _FIELD.match(match_form(text))
    if m is None:
        return None
    name, value = m.group("name"), text[m.end() :].strip()
    if name.startswith(("nội dung", "nhiệm vụ")):
        return "content", value
    if "phối hợp" in name:
        return "co", value
    if name.startswith(("cơ quan", "đơn vị")):
        return "lead", value
    if name.startswith(("thời", "tiến độ")):
        return "due", value
    return "other", value


class Records:
    """Reads labelled lines into records and records into tasks."""

    def __init__(self, text: str, year: int | None):
        self.text, self.year = text, year
        self.record: Record | None = None
        self.before: Block | None = None  # the last paragraph read that was no labelled line

    def read(self, block: Block, found: list[Found]) -> bool:
        """Whether the block was a labelled line of a record (and is read)."""
        line = field_line(block.text)
        if line is None:
            self.before = block
            return self._item(block)
        if any(_PROCEDURE.search(match_form(h)) for h in block.headings):
            return False
        kind, value = line
        fresh = self.record is None or self.record.headings != tuple(block.headings)
        under_task = bool(found) and _heads(found[-1], block.headings)
        if kind != "content" and kind != "lead" and fresh and (under_task or kind != "due"):
            return False  # not a record: "Thời hạn hoàn thành: …" under the tasks above it
        record = self._record(block, kind)
        if kind == "content":
            record.content, record.start = value, block.start
            record.listing = not value.strip(" :")
        elif kind == "due":  # before the lead line ("Thời gian: Quý I/2026", "Cơ quan chủ trì: …")
            record.deadline = parse_due(value, self.year)
            for task in record.tasks:
                task.deadline = task.deadline or record.deadline
        elif kind == "co":
            names = [m.canonical for m in find_agencies(value)] + co_agencies("phối hợp " + value)
            for task in record.tasks:
                task.co = list(dict.fromkeys([*task.co, *names]))
        elif kind == "lead":
            return self._lead(record, block, value, found)
        return True

    def _item(self, block: Block) -> bool:
        """A line listed under an empty content line ("- Nội dung:" › "+ Tổng kết …") is kept
        for the record's lead line; it is still read as usual (False), in case none comes."""
        record = self.record
        if record is None or not record.listing or record.tasks:
            return False
        if record.headings == tuple(block.headings) and _LISTED.match(block.text):
            record.items.append(block)
        return False

    def _record(self, block: Block, kind: str) -> Record:
        headings = tuple(block.headings)
        record = self.record
        if record is None or record.headings != headings or (kind == "content" and record.tasks):
            record = Record(headings, self._heading_start(block))
            self.record = record
        return record

    def _heading_start(self, block: Block) -> int:
        """Where the item the record sits under starts in the text (its heading)."""
        if not block.headings:
            return block.start
        body = strip_marker(block.headings[-1].split(" – ", 1)[-1])
        at = self.text.rfind(body[:40], 0, block.start)
        return at if at >= 0 and block.start - at < 3000 else block.start

    def _lead(self, record: Record, block: Block, value: str, found: list[Found]) -> bool:
        if not value.strip(" .;:"):
            return False  # "Cơ quan thực hiện:" over lines that name each agency: read them
        if _PROCEDURE_LINE.search(match_form(self.text[block.end : block.end + 300])):
            return False  # a thủ tục's "Cơ quan thực hiện" (then "Cơ quan có thẩm quyền …")
        if not (record.content or record.items) and not self._item_above(record, block, found):
            return False
        unit = assignment(value)
        leads = [m.canonical for m in unit.agencies] if unit else []
        if not leads:
            before = re.split(r"\bphối hợp\b|\bchủ trì\b", value, maxsplit=1)[0]
            leads = [m.canonical for m in find_agencies(before)]
        if not leads:
            return False
        co = unit.co if unit else co_agencies(value)
        if record.items:  # one task per listed content line, with the record's deadline
            for item in record.items:
                task = Found(
                    list(dict.fromkeys(leads)),
                    [c for c in co if c not in leads],
                    action_text(strip_marker(item.text), 0),
                    item.text,
                    item.start,
                    list(item.headings),
                    record.deadline or find_deadline(item.text, self.year),
                )
                record.tasks.append(task)
                found.append(task)
            return True
        words = record.content or strip_marker(self.text[record.start : block.start]).strip()
        quote = self.text[record.start : block.end].strip()
        task = Found(
            list(dict.fromkeys(leads)),
            [c for c in co if c not in leads],
            action_text(words or value, 0),
            quote,
            record.start,
            list(block.headings),
            record.deadline or find_deadline(quote, self.year),
        )
        record.tasks.append(task)
        found.append(task)
        return True

    def _item_above(self, record: Record, block: Block, found: list[Found]) -> bool:
        """A record with no content line whose item is the paragraph right above its lines
        ("- Tổ chức tập huấn …" › "Cơ quan thực hiện: Sở Nội vụ."; "a) Nâng cấp …" › "- Đơn vị
        chủ trì: …"): that paragraph is the content, unless it is a task already."""
        item = self.before
        if item is None or item.end > block.start or item.start < record.start - 2000:
            return False
        between = self.text[item.end : block.start]
        if any(field_line(line) is None for line in between.split("\n") if line.strip()):
            return False  # other words between the item and its labelled lines
        words = strip_marker(item.text).strip()
        if not words or words.endswith(":") or any(f.start == item.start for f in found):
            return False
        record.content, record.start = words, item.start
        return True


def _heads(task: Found, headings: list[str]) -> bool:
    """Whether a labelled line sits under this task: in its paragraph's section, or right
    under the heading that is the task ("3. Sở Tài chính chủ trì …:" › "Thời hạn: …")."""
    if task.headings == headings:
        return True
    own = strip_marker(headings[-1].split(" – ", 1)[-1])[:20] if headings else ""
    return task.headings == headings[:-1] and bool(own) and own in task.quote

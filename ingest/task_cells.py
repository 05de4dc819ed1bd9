"""The rest of an assignment table that a crawl flattened. After a page break ("….....") the
rows of a table often come one cell per paragraph, each row opening with its number:

    2 / Thành lập bộ máy … / Sở Tài chính / Sở Tài chính và cơ quan liên quan / 2025 / …

The cells fall under the table's own columns, left to right, so each row gives one task per
responsible agency like the rows the table reader kept. A group row ("VII" / "DIỄN TẬP …") is
passed over; any other paragraph ends the table.
"""

from __future__ import annotations

import re

from core.document import TableInfo
from ingest.outline import Block
from ingest.tables import Table
from ingest.task_found import Found
from ingest.task_tables import roles, row_tasks

_ROW_NUMBER = re.compile(r"\d{1,3}(?:\.\d{1,2})?\.?")
_GROUP_NUMBER = re.compile(r"[IVX]{1,5}\.?")


class FlatRows:
    """Reads the paragraphs after an assignment table as its flattened rows."""

    def __init__(self, text: str, year: int | None):
        self.text, self.year = text, year
        self.info: TableInfo | None = None
        self.path: tuple[str, ...] = ()
        self.row: list[Block] = []
        self.group = False  # the last paragraph numbered a group row: its title comes next

    def table(self, block: Block) -> None:
        """An assignment table just ended: the paragraphs after it may be its rows."""
        info = block.table
        keep = info is not None and {"lead", "task"} <= set(roles(info.columns))
        self.info, self.path, self.row = (info if keep else None), tuple(block.headings), []

    def read(self, block: Block, found: list[Found]) -> bool:
        """Whether the paragraph is a cell or a row number of the flattened table (and read)."""
        if self.info is None:
            return False
        text = block.text.strip()
        inside = tuple(block.headings) == self.path[: len(block.headings)]
        width = len(self.info.columns) - (1 if Table(self.info.columns, []).numbered else 0)
        if inside and _ROW_NUMBER.fullmatch(text):
            self.finish(found)
            self.row, self.group = [block], False
            return True
        if inside and _GROUP_NUMBER.fullmatch(text):
            self.finish(found)
            self.group = True
            return True
        if inside and self.group and text.isupper():
            self.group = False  # the group row's title
            return True
        if inside and self.row and len(self.row) <= width:
            self.row.append(block)
            return True
        self.finish(found)
        self.info = None  # anything else: the table is over
        return False

    def finish(self, found: list[Found]) -> None:
        """The row read so far, as tasks."""
        row, self.row = self.row, []
        if self.info is None or len(row) < 3:
            return
        columns = self.info.columns
        cells_from = 1 if Table(columns, []).numbered else 0
        cells = {c: b.text.strip() for c, b in zip(columns[cells_from:], row[1:], strict=False)}
        quote = self.text[row[1].start : row[-1].end]
        role = roles(columns)
        for r in row_tasks(cells, role, quote, 0, self.info.group, self.year):
            found.append(
                Found(
                    [r.agency], r.co, r.task, quote, row[1].start, list(row[1].headings), r.deadline
                )
            )

"""Tasks from assignment tables ("Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời hạn").

The outline hands tables over as blocks of row lines with their column names (ingest/tables.py
reads a line back as {column: value}); here the columns are told apart by their names and every
row with a responsible agency becomes one task per agency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingest.agencies import canonical, find_agencies, match_form
from ingest.deadlines import Deadline, parse_due
from ingest.outline import Block
from ingest.tables import row_cells
from ingest.task_prose import co_agencies
from vntext.terms import fold

# Who a plan may name in its lead column without being a public agency.
_PRIVATE = re.compile(
    r"(?:các\s+)?(?:doanh nghiệp|nhà đầu tư|nhà cung cấp|người dân|hộ gia đình|tổ chức, cá nhân)"
)


# Where a lead cell turns to those who help ("Sở Y tế chủ trì, phối hợp với Sở Tài chính").
_HELPS = re.compile(r"\s*(?:chủ trì\s*)?[,;]?\s*(?:và\s+)?phối hợp(?:\s+với)?\s*:?\s*", re.I)


@dataclass
class RowTask:
    """One responsible agency of one row, before it becomes a Task."""

    agency: str
    co: list[str]
    task: str
    deadline: Deadline | None
    quote: str
    start: int  # offset of the row line in the block
    group: str


def _role(column: str) -> str:
    name = fold(column)
    if "phoi hop" in name:
        return "co"
    if (
        "chu tri" in name
        or "trach nhiem" in name
        or "dau moi" in name
        or ("thuc hien" in name and ("co quan" in name or "don vi" in name))
        or ("tham muu" in name and ("co quan" in name or "don vi" in name))
        or name.strip(" .:") in ("thuc hien", "co quan thuc hien", "don vi")
    ):
        return "lead"
    if any(w in name for w in ("thoi gian", "thoi han", "tien do", "hoan thanh", "thoi diem")):
        return "due"
    tasks = ("nhiem vu", "noi dung", "cong viec", "de an", "hoat dong", "giai phap", "du an")
    if any(w in name for w in tasks) or name.startswith(("ten van ban", "chuong trinh")):
        return "task"
    return ""


def roles(columns: list[str]) -> dict[str, str]:
    """{role: column} for task, lead, co and due; the first column of each role wins."""
    out: dict[str, str] = {}
    for column in columns:
        out.setdefault(_role(column), column)
    out.pop("", None)
    return out


def _procedure(columns: list[str]) -> bool:
    """The steps of an administrative procedure ("Bước 1 | Nội dung công việc | Người thực
    hiện | 0,5 ngày"): who handles a file, not tasks a directive assigns."""
    names = " ".join(fold(c) for c in columns)
    return any(w in names for w in ("nguoi thuc hien", "thu tu cong viec", "buoc"))


def table_tasks(block: Block, year: int | None) -> list[RowTask] | None:
    """The tasks of an assignment table's rows, or None when the block holds no table rows.
    The outline hands a table over as blocks of row lines with their column names."""
    info = block.table
    if info is None:
        return None
    role = roles(info.columns)
    if "lead" not in role or "task" not in role or _procedure(info.columns):
        return []
    out: list[RowTask] = []
    offset = 0
    above: dict[str, str] = {}  # the lead and co cells of the row above, for merged cells
    for line in block.text.split("\n"):
        cells = row_cells(line, info.columns, info.unit)
        task = cells.get(role["task"], "").strip()
        if not task or _group_row(task, line):
            above = {}
        elif not cells.get(role["lead"], "").strip(" .;-") and above:
            cells = {**above, **{k: v for k, v in cells.items() if v.strip()}}  # merged down
        elif cells.get(role["lead"], "").strip(" .;-"):
            above = {k: cells.get(k, "") for k in (role["lead"], role.get("co", "")) if k}
        out += row_tasks(cells, role, line, offset, info.group, year)
        offset += len(line) + 1
    return out


def row_tasks(
    cells: dict[str, str],
    role: dict[str, str],
    line: str,
    offset: int,
    group: str,
    year: int | None,
) -> list[RowTask]:
    """One task per agency the row's lead column names; none for a row that heads a group."""
    lead_cell = cells.get(role["lead"], "").strip(" .;")
    if fold(lead_cell) == fold(role["lead"]):
        return []  # the header row again, as the crawl repeats it on a new page
    helps = _HELPS.search(lead_cell)  # "Sở Y tế chủ trì, phối hợp Sở Tài chính": one leads
    helpers = lead_cell[helps.end() :] if helps else ""
    lead_cell = lead_cell[: helps.start()] if helps else lead_cell
    names = [m.canonical for m in find_agencies(lead_cell)]
    if not names and lead_cell and not _PRIVATE.match(match_form(lead_cell)):
        names = [canonical(lead_cell)]  # the lead column names it, even in words we do not know
    task = cells.get(role["task"], "").strip()
    if not names or not task or _group_row(task, line):
        return []
    co_cell = ", ".join(c for c in (cells.get(role.get("co", ""), ""), helpers) if c.strip())
    co = [m.canonical for m in find_agencies(co_cell)] + co_agencies("phối hợp với " + co_cell)
    deadline = parse_due(cells.get(role.get("due", ""), ""), year)
    co = [c for c in dict.fromkeys(co) if c not in names]
    return [RowTask(n, co, task, deadline, line, offset, group) for n in dict.fromkeys(names)]


def _group_row(task: str, line: str) -> bool:
    """A row that heads a group of rows ("II. XÂY DỰNG THỂ CHẾ"), its other cells filled down
    from the row above: not a task."""
    letters = [c for c in task if c.isalpha()]
    upper = sum(c.isupper() for c in letters)
    shouting = bool(letters) and upper > 0.7 * len(letters)
    return shouting or bool(re.match(r"[IVX]{1,5}\.\s", line))

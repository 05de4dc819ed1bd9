"""Tables as rows a reader can quote alone.

Every loader hands its tables over as a grid of cells; here a grid becomes a `Table` (column
headers, body rows, group rows such as "I. Hoàn thiện thể chế"), and a table is written into the
document text as one block a human reads and the outline reads back:

    Bảng gồm các cột: Địa bàn · Mầm non · Tiểu học
    Đơn vị tính: 1.000 đồng/trẻ/tháng
    Đô thị — Mầm non: 190; Tiểu học: 190 (1.000 đồng/trẻ/tháng)

A row line is "label — column: value; …" with the table's unit at the end, so the row says which
row, which column, what value and in what unit wherever it is quoted.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from ingest.table_totals import is_total_row, total_named
from vntext.terms import fold

BLOCK_HEAD = "Bảng gồm các cột: "
UNIT_HEAD = "Đơn vị tính: "
GROUP_HEAD = "Nhóm: "
ROW_SEP = " — "
COLUMN_SEP = " · "
LINE_BREAK = "<br>"  # a line break inside a cell of a pipe table

_NUMBERING = re.compile(
    r"^(?:\d{1,3}(?:\.\d{1,3}){0,3}[.)]?|[IVXLC]{1,6}[.)]?|[a-zđ][.)]?|[A-ZĐ][.)]?|[-+•*]"
    r"|Bước\s*\d{1,2})$"
)
_NUMBER_HEADERS = {"stt", "tt", "so tt", "so thu tu", "thu tu", "so"}
_UNIT = re.compile(r"^\(?\s*(?:đơn vị tính|đơn vị|đvt)\s*:\s*(.{1,80}?)\s*\)?\s*[.;]?$", re.I)
_UNIT_INLINE = re.compile(r"\(\s*(?:đơn vị tính|đơn vị|đvt)\s*:\s*([^()]{1,80}?)\s*\)", re.I)
_LAYOUT_WORDS = re.compile(
    r"CỘNG HÒA|CỘNG HOÀ|Độc lập|Nơi nhận|^(?:TM|KT|TL|Q)\.|CHỦ TỊCH$|^Số\s*:", re.I
)
_CODE = re.compile(r"^(?=.*\d)[\w.\-/]{1,24}$")  # "1.014391", "2.002278.H05", "QT.GĐ.01"
_NUMBERED_TITLE = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[a-zđ])[.)]\s+\w")
_EMPHASIS = re.compile(r"(?<![(\w])\*+|\*+(?![)\w])")


@dataclass
class Table:
    columns: list[str]
    rows: list[list[str]]  # each as wide as `columns`; "" is an empty cell
    groups: set[int] = field(default_factory=set)  # indexes of rows that head a group of rows

    @property
    def numbered(self) -> bool:
        """The first column only numbers the rows (STT): the label is the number and column 2."""
        return len(self.columns) > 1 and fold(self.columns[0]).strip(". ") in _NUMBER_HEADERS

    @property
    def label_column(self) -> int:
        """The column that names a row: the first after STT that is not a code ("1.014391")."""
        start = 1 if self.numbered else 0
        for col in range(start, len(self.columns)):
            values = [r[col] for i, r in enumerate(self.rows) if i not in self.groups and r[col]]
            codes = sum(bool(_CODE.match(v)) for v in values)
            if values and codes < 0.6 * len(values):
                return col
        return start


def name_number_column(table: Table) -> None:
    """An unnamed first column whose cells are row numbers is the STT column."""
    firsts = [r[0] for i, r in enumerate(table.rows) if i not in table.groups and r[0]]
    numbers = bool(firsts) and sum(is_numbering(c) for c in firsts) >= 0.8 * len(firsts)
    if numbers and table.columns[0] == "Cột 1":
        table.columns[0] = "STT"


def clean_cell(text: str) -> str:
    """One line: markdown emphasis gone, line breaks and runs of spaces as one space."""
    text = text.replace(LINE_BREAK, "\n")
    text = _EMPHASIS.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def is_numbering(text: str) -> bool:
    return bool(_NUMBERING.match(text.strip()))


def header_from_rows(rows: list[list[str]]) -> list[str]:
    """Column names from one or more header rows: a cell merged across columns names each of
    them ("Quản lý sử dụng – Tỷ lệ để lại"); a cell merged down is named once."""
    width = max(len(r) for r in rows)
    names = []
    for col in range(width):
        parts: list[str] = []
        for row in rows:
            cell = row[col] if col < len(row) else ""
            if cell and (not parts or parts[-1] != cell):
                parts.append(cell)
        names.append(" – ".join(parts))
    return unique_names(names)


def unique_names(names: list[str]) -> list[str]:
    """Empty names become "Cột n"; a repeated name gets its position, so a row line reads back."""
    counts = Counter(names)
    out = []
    for i, name in enumerate(names):
        name = name or f"Cột {i + 1}"
        if counts[name] > 1 or name in out:
            name = f"{name} ({i + 1})"
        out.append(name)
    return out


def header_rows_of(grid: list[list[str]]) -> int:
    """How many leading rows of a grid with merged cells expanded are its header: a second row
    is header too when the first has a cell merged across columns and the second repeats a first
    row's cell merged down (STT and "Nội dung" over two rows, "Mức thu" over two columns)."""
    if len(grid) < 3:
        return 1
    first, second = grid[0], grid[1]
    across = any(a and a == b for a, b in pairwise(first))
    down = any(a and a == b for a, b in zip(first, second, strict=False))
    return 2 if across and down and not is_numbering(second[0]) else 1


def table_from_grid(
    grid: list[list[str]], header_rows: int | None = None, groups: set[int] | None = None
) -> Table | None:
    """A data table from cells (merged cells repeated in every row and column they span), or
    None for a layout table (the national header, a signature block) or too little to read.
    `groups`: grid rows that head a group (one cell across the row), when the source says so."""
    keep = [i for i, row in enumerate(grid) if any(clean_cell(c) for c in row)]
    raw = [grid[i] for i in keep]
    if len(raw) < 2:
        return None
    width = max(len(r) for r in raw)
    raw = [r + [""] * (width - len(r)) for r in raw]
    cells = [[clean_cell(c) for c in row] for row in raw]
    n = header_rows if header_rows is not None else header_rows_of(cells)
    if groups is None:
        heads = {k for k, row in enumerate(raw) if k >= n and is_group_row(row)}
    else:
        heads = {keep.index(i) for i in groups if i in keep}
    table = Table(header_from_rows(cells[:n]), cells[n:], {k - n for k in heads if k >= n})
    if not is_data_table(table):
        return None
    name_number_column(table)
    return table


def is_group_row(row: list[str]) -> bool:
    """In a grid that cannot say a cell spans the row (a markdown table): a row with one cell,
    or a bold row number and a bold title ("| **I** | **Hoàn thiện…** | | |"); never a total."""
    filled = [c for c in row if clean_cell(c)]
    if len(row) < 3 or not filled or is_total_row(row):
        return False
    if len(filled) == 1:
        return True
    bold = all(c.strip().startswith("**") for c in filled)
    return len(filled) == 2 and bold and is_numbering(clean_cell(filled[0]))


def is_data_table(table: Table) -> bool:
    """Columns with short names and at least one body row; not the page layout that a crawled
    notice puts its national header or signature block in."""
    width = len(table.columns)
    body = [r for i, r in enumerate(table.rows) if i not in table.groups]
    if width < 2 or not body or (width == 2 and len(body) < 2):
        return False
    if any(len(c) > 120 for c in table.columns):
        return False
    cells = table.columns + [c for r in table.rows[:2] for c in r]
    return not any(_LAYOUT_WORDS.search(c) for c in cells)


def find_unit(texts: list[str]) -> str:
    """A unit the table states for all its numbers: a line "Đơn vị tính: triệu đồng" just before
    it, or "(đơn vị tính: đồng)" at the end of its lead-in."""
    for text in texts:
        text = text.strip()
        whole = _UNIT.match(text)
        if whole:
            return whole.group(1).strip()
        inline = _UNIT_INLINE.search(text)
        if inline:
            return inline.group(1).strip()
    return ""


# --- the block in the document text ------------------------------------------------------------


def label_of(table: Table, row: list[str]) -> str:
    name = row[table.label_column]
    if not table.numbered:
        return name
    number = row[0]
    if not number or number in "-+•*":
        return name
    if not name:
        return number
    return f"{number} {name}" if number[-1] in ".)" else f"{number}. {name}"


def row_line(table: Table, row: list[str], unit: str = "") -> str:
    skip = {0, table.label_column} if table.numbered else {table.label_column}
    pairs = [
        f"{col}: {_value(val)}"
        for i, (col, val) in enumerate(zip(table.columns, row, strict=True))
        if i not in skip and _value(val)
    ]
    label = _value(label_of(table, row))
    line = ROW_SEP.join(p for p in (label, "; ".join(pairs)) if p)
    return f"{line} ({unit})" if unit and pairs else line


def _value(cell: str) -> str:
    """A cell as it reads inside a row line: no closing full stop or semicolon of its own."""
    return cell.rstrip(" ;,") if cell.endswith("./.") else cell.rstrip(" .;,")


def group_line(row: list[str]) -> str:
    """ "Nhóm: II. Thi chọn học sinh giỏi"; a numbered title after it ("1. Hội đồng coi thi")
    heads a group inside that one, on a line of its own."""
    parts = list(dict.fromkeys(c for c in row if c))
    if len(parts) >= 2 and is_numbering(parts[0]):
        number = parts.pop(0)
        parts[0] = f"{number} {parts[0]}" if number[-1] in ".)" else f"{number}. {parts[0]}"
    lines = [parts[0]] if parts else [""]
    for part in parts[1:]:
        if _NUMBERED_TITLE.match(part):
            lines.append(part)
        else:
            lines[-1] += f" {part}"
    return "\n".join(GROUP_HEAD + line for line in lines)


def render(table: Table, unit: str = "") -> str:
    """The table as one paragraph of lines (see the module docstring)."""
    lines = [BLOCK_HEAD + COLUMN_SEP.join(table.columns)]
    if unit:
        lines.append(UNIT_HEAD + unit)
    label, col = "", table.label_column
    since: list[list[str]] = []  # the rows since the last group or total row
    for i, row in enumerate(table.rows):
        if i in table.groups:
            lines.append(group_line(row))
            label, since = "", []
            continue
        row = _label_merged_down(table, col, row, label)
        row = total_named(row, col, since) if is_total_row(row) else row
        since = [] if is_total_row(row) else [*since, row]
        label = row[col]
        line = row_line(table, row, unit)
        if line.strip():
            lines.append(line)
    return "\n".join(lines)


def _label_merged_down(table: Table, col: int, row: list[str], above: str) -> list[str]:
    """A row with no number and no label under a numbered row is one more row of the label
    merged down over both ("1 | Xã Đan Thượng | Tả Thao …" then "| | Đê bối Liên Phương …")."""
    numbered = table.numbered and col > 0
    if not numbered or row[col] or row[0] or not above or not any(row[col + 1 :]):
        return row
    return [*row[:col], above, *row[col + 1 :]]


def row_cells(line: str, columns: list[str], unit: str = "") -> dict[str, str]:
    """A row line read back into {column: value}. The label goes under the first column that
    has no "column: value" pair in the line (after STT, which takes its number). Empty cells
    are left out."""
    if unit and line.endswith(f" ({unit})"):
        line = line[: -len(unit) - 3]
    label, _, rest = line.partition(ROW_SEP) if ROW_SEP in line else ("", "", line)
    if not label and not any(rest.startswith(f"{c}: ") for c in columns):
        label, rest = rest, ""
    cells: dict[str, str] = {}
    positions = sorted(
        (m.start() + (2 if m.group(0).startswith("; ") else 0), col)
        for col in columns
        for m in re.finditer(rf"(?:^|; ){re.escape(col)}: ", rest)
    )
    ends = [*positions[1:], (len(rest) + 2, "")][: len(positions)]
    for (start, col), nxt in zip(positions, ends, strict=True):
        cells[col] = rest[start + len(col) + 2 : nxt[0] - 2 if nxt[1] else len(rest)].strip()
    if not label:
        return cells
    numbered = Table(columns, []).numbered
    number = re.match(r"^(\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])[.)] (.+)$", label)
    if numbered and number:
        cells[columns[0]], label = number.group(1), number.group(2)
    free = [c for c in columns[1 if numbered else 0 :] if c not in cells]
    if free:
        cells[free[0]] = label
    return cells

"""Tables of Word files and web pages, where cells say what they span. A data table travels to
`clean_text` as one marker line holding the table; a layout table (the national header, a
signature block) is left to the reader's own cell-per-block text, for metadata to read."""

from __future__ import annotations

import json
import re
from typing import Any

from ingest.tables import (
    LINE_BREAK,
    Table,
    clean_cell,
    is_numbering,
    is_total_row,
    table_from_grid,
)

MARKER = re.compile(r"^⟦bảng-json (\{.*\})⟧$")

Cell = tuple[str, Any]  # text and an identity shared by every grid position a merged cell spans


def grid_text(grid: list[list[Cell]], caption: str = "") -> str | None:
    """The marker line of a data table, after its caption and any title row spanning the whole
    table; None for a layout table."""
    titles = []
    while grid and len({id(ident) for _, ident in grid[0]}) == 1:
        titles.append(grid.pop(0)[0][0].replace(LINE_BREAK, " "))
    texts = [[text for text, _ in row] for row in grid]
    table = table_from_grid(texts, groups=_group_rows(grid)) if texts else None
    if table is None:
        return None
    data = {"columns": table.columns, "rows": table.rows, "groups": sorted(table.groups)}
    lead = "".join(f"\n\n{t}" for t in [caption, *titles] if t.strip())
    return f"{lead}\n\n⟦bảng-json {json.dumps(data, ensure_ascii=False)}⟧\n\n"


def table_from_marker(line: str) -> Table | None:
    m = MARKER.match(line.strip())
    if m is None:
        return None
    data = json.loads(m.group(1))
    return Table(data["columns"], data["rows"], set(data["groups"]))


def _group_rows(grid: list[list[Cell]]) -> set[int]:
    """Rows where one cell spans all columns, or all but a row number ("I | Hoàn thiện…");
    not "Giáo dục thường xuyên | 90" with one fee across two columns, nor a total."""
    out = set()
    for i, row in enumerate(grid):
        numbered = is_numbering(clean_cell(row[0][0])) if row else False
        total = is_total_row([text for text, _ in row])
        if (
            len(row) >= 3
            and not total
            and len({id(ident) for _, ident in row[1 if numbered else 0 :]}) == 1
        ):
            out.add(i)
    return out


def docx_grid(table: Any) -> list[list[Cell]]:
    """python-docx gives a merged cell in every grid position it covers."""
    grid = []
    for row in table.rows:
        grid.append([(_docx_cell_text(cell), cell._tc) for cell in row.cells])
    return grid


def _docx_cell_text(cell: Any) -> str:
    return LINE_BREAK.join(p.text for p in cell.paragraphs if p.text.strip())


def html_grid(table: Any) -> list[list[Cell]]:
    """Rows of a <table> (bs4 Tag) with colspan and rowspan spread over the positions."""
    grid: list[list[Cell]] = []
    pending: dict[tuple[int, int], Cell] = {}  # (row, col) filled from a rowspan above
    rows = [tr for tr in table.find_all("tr") if tr.find_parent("table") is table]
    for r, tr in enumerate(rows):
        row: list[Cell] = []
        col = 0
        for td in tr.find_all(["td", "th"], recursive=False):
            while (r, col) in pending:
                row.append(pending.pop((r, col)))
                col += 1
            text = LINE_BREAK.join(
                line.strip() for line in td.get_text("").split("\n") if line.strip()
            )
            cell: Cell = (text, td)
            span, down = _span(td, "colspan"), _span(td, "rowspan")
            for c in range(col, col + span):
                row.append(cell)
                for k in range(1, down):
                    pending[(r + k, c)] = cell
            col += span
        while (r, col) in pending:
            row.append(pending.pop((r, col)))
            col += 1
        grid.append(row)
    return grid


def _span(td: Any, name: str) -> int:
    try:
        return max(1, min(int(td.get(name, 1)), 50))
    except (TypeError, ValueError):
        return 1

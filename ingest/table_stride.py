"""Rows of a crawled table read by position. The crawl writes every cell of a row, empty ones
too, and one more empty slot where the row ends, so in a table of `width` columns slot k of the
body is column k mod (width + 1), and slot `width` of each row is always empty. Where that holds
over the whole body, a sparse table ("II1101 | | | | Cao lanh | tấn | 232.500", a code under one
of six code columns) is read exactly, though its empty cells look like row boundaries. A table
whose merged cells were left out breaks the stride, and is read by the other rules."""

from __future__ import annotations

import re

from ingest.table_cells import Seg

MIN_ROWS = 3  # rows a stride must hold over: in fewer, it holds by chance too often


def stride_rows(body: list[Seg], start: int, width: int) -> list[list[str]] | None:
    """The body's rows when each slot sits at its place in rows of `width` cells and a closing
    empty slot, the first cell at column `start`; None when a cell falls on a row's closing
    slot or the body is too short to tell."""
    if not 0 <= start < width or width < 2:
        return None
    rows: list[list[str]] = []
    row = [""] * width
    pos = start
    for seg in body:
        for cell in seg.cells:
            if pos >= width:
                return None
            row[pos] = cell
            pos += 1
        if seg is body[-1] and pos + max(seg.empties, 0) < width:
            return None  # a last row of merged cells ("Tổng thời gian | 03 ngày") says no place
        pos += max(seg.empties, 1)  # -1: the body runs into the next table's header
        while pos > width:
            if any(row):
                rows.append(row)
            row = [""] * width
            pos -= width + 1
    if any(row):
        rows.append(row)
    return rows if len(rows) >= MIN_ROWS else None


def first_column(header: Seg) -> int:
    """The column of the body's first cell: the header row's closing slot, then the empty
    cells the first row opens with."""
    return max(header.empties, 1) - 1


_CAPTION = re.compile(
    r"^(?:PHỤ\s*LỤC|[IVXLC]{1,5}\.\s|\d{1,2}\.\s)|Ban hành kèm|CHỦ TỊCH|^(?:TM|KT)\."
)
CAPTION_CHARS = 80


def caption_cells(first: list[str]) -> int:
    """Leading cells of a header row that caption the table rather than name a column: the
    annex title, "II. NƯỚC THIÊN NHIÊN", the signature block the crawl puts before it."""
    k = 0
    while k < len(first) - 1 and (len(first[k]) > CAPTION_CHARS or _CAPTION.search(first[k])):
        k += 1
    return k


def two_row_stride(
    first: list[str], second: list[str], body: list[Seg], start: int
) -> tuple[int, int] | None:
    """(caption cells, width) of a table under two header rows when exactly one width, between
    the wider row's and both rows' together, holds the stride over its body."""
    skip = caption_cells(first)
    named = len(first) - skip
    widths = range(max(named, len(second)) + 1, named + len(second))
    fits = [w for w in widths if stride_rows(body, start, w) is not None]
    return (skip, fits[0]) if len(fits) == 1 else None

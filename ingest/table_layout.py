"""Tables in the crawled markdown, where every cell sits between "|" lines and nothing says
where a row ends but an empty slot (which an empty cell also makes), and where the page layout
around a notice is flattened into the same cells.

A region of such lines is read as slots between pipes. Runs of bold cells are headers (italic
rows are not); where every row of the body fills its width and one closing slot, the body is read
by position (ingest.table_stride); else it is cut into rows of the header's width, and a row
that is short because a cell was merged down takes the missing cells from the row above
(ingest.table_rows); short bold rows ("I | Hoàn thiện…") head a group of rows. Cells that belong
to no table are handed back as they were.
"""

from __future__ import annotations

import re
from collections import Counter

from ingest.table_cells import Seg, emph, segments
from ingest.table_headers import WordsUnder, two_row_names
from ingest.table_rows import add_row, numbered_title, placed_lead
from ingest.table_stride import first_column, stride_rows, two_row_stride
from ingest.tables import (
    Table,
    clean_cell,
    header_from_rows,
    is_data_table,
    is_numbering,
    is_total_row,
    name_number_column,
)

Item = str | Table  # a loose cell (raw text) or a table
_NUMBER = re.compile(r"^\(?[\d.,%]+\)?(?:\s*\(\d+\))?$")
_LAYOUT = re.compile(r"^(?:Nơi nhận|TM\.|KT\.|TL\.|PHỤ\s*LỤC\b)|CHỦ TỊCH")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_WORDS = re.compile(r"[^\W\d_]{2,}")  # a cell of words, not a figure, "-" or "x"


def _header_run(seg: Seg) -> int:
    """Length of the run of bold cells that ends the segment (a header row), 0 if none."""
    run = 0
    for cell in reversed(seg.cells):
        if not emph(cell) or not cell.strip().startswith("**"):  # italics are no header
            break
        run += 1
    while run >= 2 and is_numbering(clean_cell(seg.cells[-run])):
        run -= 1  # "**V** | **Tài sản khác**" is the last group row of a table above
    cells = [clean_cell(c) for c in seg.cells[-run:]] if run >= 2 else []
    if any(_NUMBER.match(c) and not _YEAR.match(c) for c in cells):
        return 0  # a bold row of figures (a total) is no header
    return run if run >= 2 else 0


def parse_region(slots: list[str]) -> list[Item]:
    """The region's loose cells and tables, in order."""
    segs = segments(slots)
    out: list[Item] = []
    while segs:
        run = _header_run(segs[0]) or _plain_header(segs)
        found = _read_table(segs, run) if run else None
        if found is None:
            out.extend(segs.pop(0).cells)
            continue
        lead, table, segs = found
        out.extend(lead)
        out.append(table)
    return out


def _plain_header(segs: list[Seg]) -> int:
    """A header not in bold: the last cells of segs[0], short names, as many as the cells of
    each of the next two rows."""
    if len(segs) < 3 or segs[0].empties != 1:
        return 0
    width = len(segs[1].cells)
    if width < 2 or len(segs[2].cells) != width or len(segs[0].cells) < width:
        return 0
    names = [clean_cell(c) for c in segs[0].cells[-width:]]
    short = all(0 < len(n) <= 60 and not _NUMBER.match(n) for n in names)
    return width if short and not any(emph(c) for c in segs[1].cells) else 0


def _read_table(segs: list[Seg], run: int) -> tuple[list[str], Table, list[Seg]] | None:
    """The table whose header ends segs[0]: the cells before it, the table, what follows."""
    head = segs[0]
    header = [clean_cell(c) for c in head.cells[-run:]]
    lead = head.cells[:-run]
    if len(segs) > 1 and _header_run(segs[1]) == len(segs[1].cells):  # a second header row?
        second = [clean_cell(c) for c in segs[1].cells]
        body, rest = _body(segs, 2, len(header) + len(second))
        start = first_column(segs[1])
        stride = two_row_stride(header, second, body, start) if body else None
        if stride is not None:
            skip, width = stride
            lead += head.cells[-run:][:skip]  # "II. NƯỚC THIÊN NHIÊN" over the header
            names = two_row_names(header[skip:], second, width, _words_under(body, start))
            return _finish(lead, names, body, rest, start)
        width = _width(body, len(header) + len(second) - 1) if body else 0
        if len(header) < width and len(second) < width < len(header) + len(second):
            body, rest = _split_last(body, rest, width)
            names = two_row_names(header, second, width, _words_under(body))
            return _finish(lead, names, body, rest)
    body, rest = _body(segs, 1, len(header), first=True)
    if not body:
        return None
    width = _width(body, len(header))
    body, rest = _split_last(body, rest, width)
    while len(header) > width and len(clean_cell(head.cells[-len(header)])) > 25:
        lead.append(head.cells[-len(header)])  # a caption cell before the header
        header.pop(0)
    if width > len(header) + 1:
        return None  # a header that does not name the columns
    header += [""] * (width - len(header))
    return _finish(lead, header, body, rest, first_column(head))


def _width(body: list[Seg], header: int) -> int:
    """The table's width: the header's, unless rows hold more cells, or fewer even counting
    their empty cells (then cells before the header were a caption). A row's empty slots count
    its own empty cells, the row boundary, and at times the next row's empty first cell, so the
    width most rows reach is taken, not the widest. A last row that runs into the next table's
    caption counts only when it is the only row."""
    rows = body[:-1] if len(body) > 1 and body[-1].empties == -1 else body
    cells = max(len(s.cells) for s in rows)
    if cells > header:
        return cells
    spans = Counter(min(len(s.cells) + max(s.empties - 1, 0), header) for s in rows)
    usual = max(spans, key=lambda w: (spans[w], w))
    return max(cells, usual)


def _split_last(body: list[Seg], rest: list[Seg], width: int) -> tuple[list[Seg], list[Seg]]:
    """Cells of the last row beyond the table's width open what follows (a caption)."""
    last = body[-1]
    if last.empties != -1:
        return body, rest
    extra = last.cells[width:]
    body = [*body[:-1], Seg(last.cells[:width], 1)]
    if extra and rest:
        rest = [Seg(extra + rest[0].cells, rest[0].empties), *rest[1:]]
    return body, rest


def _finish(
    lead: list[str], header: list[str], body: list[Seg], rest: list[Seg], start: int | None = None
) -> tuple[list[str], Table, list[Seg]] | None:
    table = _assemble(header_from_rows([header]), body, start)
    if not is_data_table(table):
        return None
    name_number_column(table)
    return lead, table, rest


def _words_under(body: list[Seg], start: int | None = None) -> WordsUnder:
    """The largest share of cells of words under a column named from the second header row."""

    def count(columns: list[str], subs: list[int]) -> float:
        table = _assemble(columns, body, start)
        totals = {k for k, r in enumerate(table.rows) if is_total_row(r)}  # words of any kind
        rows = [r for k, r in enumerate(table.rows) if k not in table.groups | totals]
        shares = []
        for i in subs:
            cells = [r[i] for r in rows if i < len(r) and r[i]]
            shares.append(sum(_WORDS.search(c) is not None for c in cells) / max(len(cells), 1))
        return max(shares, default=0.0)

    return count


def _body(segs: list[Seg], k: int, width: int, first: bool = False) -> tuple[list[Seg], list[Seg]]:
    """Body segments from k, and the segments left after the table (a row that runs into the
    next table's header is split there). A bold row narrower than the header heads a group."""
    body: list[Seg] = []
    while k < len(segs):
        seg = segs[k]
        end = next((i for i, c in enumerate(seg.cells) if _LAYOUT.search(clean_cell(c))), None)
        if len(seg.cells) > width and not _header_run(seg):
            end = min(end if end is not None else width, width)  # the notice goes on after
        if end is not None:
            if end:
                body.append(Seg(seg.cells[:end], 1))
            return body, [Seg(seg.cells[end:], seg.empties), *segs[k + 1 :]]
        run = _header_run(seg)
        if run and run == len(seg.cells) >= width and not (first and not body):
            break
        group = first and not body and 2 * run < width  # "I | Tốt nghiệp | 1. Ban…" below it
        group = group or (bool(body) and numbered_title(seg, width))
        if run and len(seg.cells) > run and not group:
            body.append(Seg(seg.cells[:-run], -1))  # -1: runs into the next header
            return body, [Seg(seg.cells[-run:], seg.empties), *segs[k + 1 :]]
        body.append(seg)
        k += 1
    return body, segs[k:]


def _assemble(columns: list[str], body: list[Seg], start: int | None = None) -> Table:
    """Rows of the header's width from the body segments: by position when the crawl's stride
    holds from column `start` (ingest.table_stride), else as the module docstring says."""
    width = len(columns)
    by_position = stride_rows(body, start, width) if start is not None else None
    if by_position is not None:
        table = Table(columns, [], set())
        for cells in by_position:
            add_row(table, cells, [clean_cell(c) for c in cells])
        return table
    rows: list[list[str]] = []
    sources: list[list[str]] = []
    prev_empties = 0
    for seg in body:
        cells = seg.cells[:width]
        prev = sources[-1] if sources else None
        if prev is not None and _joins(prev, rows[-1], cells, width, prev_empties):
            rows[-1] += [""] * prev_empties + cells
            sources[-1] = prev + cells
        else:
            lead = 0
            if rows:  # empty cells at a row boundary: the next row's first, or this row's last
                spare, room = max(prev_empties - 1, 0), max(width - len(cells), 0)
                numbered = Table(columns, []).numbered or is_numbering(clean_cell(rows[0][0]))
                lead = min(spare, room) if numbered and not is_numbering(first(cells)) else 0
                lead = placed_lead(columns, cells, min(spare, room), lead) if lead else 0
                rows[-1] += [""] * min(spare - lead, width - len(rows[-1]))
            rows.append([""] * lead + cells)
            sources.append(list(cells))
        prev_empties = seg.empties
    if rows:
        rows[-1] += [""] * min(prev_empties, width - len(rows[-1]))
    table = Table(columns, [], set())
    for source, row in zip(sources, rows, strict=True):
        add_row(table, source, [clean_cell(c) for c in row])
    return table


def first(cells: list[str]) -> str:
    return clean_cell(cells[0]) if cells else ""


def _joins(source: list[str], row: list[str], cells: list[str], width: int, empties: int) -> bool:
    """Do `cells` continue `row` past empty cells, rather than start the next row?"""
    first = clean_cell(cells[0])
    return (
        len(row) + empties + len(cells) <= width
        and not is_numbering(first)
        and not all(emph(c) for c in cells)
        and not (all(emph(c) for c in source) and len(source) <= 2)
    )

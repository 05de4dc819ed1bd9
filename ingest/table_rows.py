"""Rows of a crawled table as they join the table: the row that numbers the columns is left
out, a bold row of titles heads a group of rows, and a row short of cells takes the cells
merged down from the row above."""

from __future__ import annotations

import re

from ingest.table_cells import Seg, emph
from ingest.table_headers import DOWN
from ingest.tables import Table, clean_cell, is_numbering, is_total_row
from vntext.terms import fold

_COLUMN_NUMBER = re.compile(r"^(?:\(?\d{1,2}\)?|[A-Z]|\d{1,2}\s*=\s*[\d+\-*/x ]{1,12})$")
_TITLE_NUMBER = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,5}|[a-zđ])[.)]\s")
_FIGURE = re.compile(r"[\d.,%/ ()\-]+")
SHORT_NAME = 15  # characters of a column name such as "Bản chính"


def numbered_title(seg: Seg, width: int) -> bool:
    """A bold row of words under a row number, narrower than the table and naming no column
    ("II | Thi chọn học sinh giỏi cấp quốc gia | 1. Hội đồng/Ban Coi thi"): the next group of
    rows, not the header of another table."""
    cells = [clean_cell(c) for c in seg.cells]
    return (
        2 <= len(cells) < width
        and is_numbering(cells[0])
        and cells[0] not in "-+•*"
        and all(emph(c) for c in seg.cells)
        and not any(DOWN.match(c) or _column_name(c) or _figures(c) for c in cells[1:])
    )


def _figures(cell: str) -> bool:
    """Digits beyond a title's own number ("1. Hội đồng coi thi" has none)."""
    return any(ch.isdigit() for ch in _TITLE_NUMBER.sub("", cell))


def _column_name(cell: str) -> bool:
    """A short name of words, as columns are named ("Bản chính", "Bản sao")."""
    return len(cell) <= SHORT_NAME and not any(ch.isdigit() for ch in cell)


def add_row(table: Table, source: list[str], row: list[str]) -> None:
    """`row` (the cells of `source`, cleaned) as the next row, group row or none of `table`."""
    width = len(table.columns)
    filled = [c for c in source if clean_cell(c)]
    if len(filled) >= 3 and all(_COLUMN_NUMBER.match(clean_cell(c)) for c in filled):
        return  # the row that numbers the columns: (1) (2) (3), or A | B | 1 | 2 | 3=1+2
    bold = all(emph(c) for c in filled)
    total = is_total_row(filled)
    if (
        width >= 3
        and bold
        and not total
        and (len(filled) <= 2 or numbered_title(Seg(filled), width))
    ):
        table.groups.add(len(table.rows))
        table.rows.append(row + [""] * (width - len(row)))
        return
    missing = width - len(row)
    above = next(
        (r for i, r in reversed(list(enumerate(table.rows))) if i not in table.groups), None
    )
    own = [clean_cell(c) for c in filled]
    if total and (missing > 0 or row[table.label_column] != own[0]):  # label out of its place
        table.rows.append(_total_cells(table, above, own))
        return
    kinds = [_column_kind(c) for c in table.columns]
    if missing > 0:
        numbered = table.rows and any(is_numbering(r[0]) for r in table.rows if r[0])
        if is_numbering(row[0]):
            row = _merged_from(above, row, missing)
        elif numbered:  # the row number merged down too, unless the figures then stand amiss
            options = [(["", *row], missing - 1), (row, missing)]
            cells, gap = max(options, key=lambda o: _fit(kinds, _own_cells(above, *o)))
            row = _merged_from(above, cells, gap)
        elif above and row[0].split(" ")[0] == above[0].split(" ")[0]:
            row = _merged_from(above, row, missing)  # "Bước 2" under "Bước 1"
        else:
            row = (above[:missing] if above else [""] * missing) + row
    table.rows.append(row[:width])


def _total_cells(table: Table, above: list[str] | None, cells: list[str]) -> list[str]:
    """A short total row: its label under the label column, each amount under the next column
    where the row above holds an amount ("Tổng | 18,800" under "Chiều dài (km)", "Tổng thời
    gian thực hiện | 01 ngày" under "Thời gian thực hiện"), other cells in the next free column;
    nothing merged down from above, which a total does not repeat."""
    width = len(table.columns)
    start = table.label_column
    out = [""] * width
    out[start] = cells[0]
    amounts = [i for i in range(start + 1, width) if above and _is_amount(above[i])]
    for value in cells[1:]:
        free = [i for i in range(start + 1, width) if not out[i]]
        fits = [i for i in amounts if not out[i]] if _is_amount(value) else []
        if fits or free:
            out[(fits or free)[0]] = value
    return out


def _is_amount(cell: str) -> bool:
    """A figure or a figure and its unit: "18,800", "01 ngày", "3.000.000 đồng"."""
    return cell[:1].isdigit()


def _merged_from(above: list[str] | None, row: list[str], missing: int) -> list[str]:
    """A short row with the cells merged down from the row above put back: where the figures
    then stand under figures and the words under words ("1.1.2 | Bữa trưa | 35.000" under
    "1.1.1 | Bữa sáng | Đồng/học sinh/ngày | 20.000"), at the row's end when nothing says."""
    if above is None:
        return row + [""] * missing
    p = _merged_at(above, row, missing)
    return row[:p] + above[p : p + missing] + row[p:]


def _merged_at(above: list[str], row: list[str], missing: int) -> int:
    options = [row[:p] + above[p : p + missing] + row[p:] for p in range(1, len(row) + 1)]
    return max(enumerate(options, 1), key=lambda o: (_agrees(o[1], above), o[0]))[0]


def _own_cells(above: list[str] | None, row: list[str], missing: int) -> list[str]:
    """Where `_merged_from` puts the row's own cells, the merged ones left empty."""
    p = _merged_at(above, row, missing) if above is not None else len(row)
    return row[:p] + [""] * missing + row[p:]


def _agrees(row: list[str], above: list[str]) -> int:
    """Columns where a row and the row above hold the same kind of cell (figure or words)."""
    return sum(
        bool(a and b) and _is_figure(a) == _is_figure(b) for a, b in zip(row, above, strict=False)
    )


def _is_figure(cell: str) -> bool:
    return bool(_FIGURE.fullmatch(cell)) and any(ch.isdigit() for ch in cell)


_UNIT_HEADER = re.compile(r"^(?:don vi tinh|don vi|dvt)\b")
_FIGURE_HEADER = re.compile(
    r"^(?:muc|don gia|gia|thanh tien|so luong|ty le|kinh phi|tong|dinh muc)\b"
    r"|\((?:[^()]*\d[^()]*|%|d|dong|trieu dong|ty dong|nghin dong)\)$"
)
_AMOUNT = re.compile(r"^\d[\d.,]*\s*(?:đồng|đ\b|nghìn|triệu|tỷ|%)", re.I)  # "3.000.000 đồng/người"
_INDEX_HEADER = re.compile(r"^(?:stt|tt|so tt|so thu tu)$")


def placed_lead(columns: list[str], cells: list[str], most: int, default: int) -> int:
    """How many empty cells open a row whose leading empty slots may also close the row above:
    the count, up to `most`, that puts its figures under columns of figures and its units
    under the unit column ("- Trưởng ban | 553 | người/ngày" under "Số TT | Nội dung chi |
    Mức chi (1.000đ) | Đơn vị tính"); `default` when the header tells no count apart."""
    kinds = [_column_kind(c) for c in columns]
    fits = {k: _fit(kinds[k:], cells) for k in range(most + 1)}
    best = max(fits.values())
    if fits.get(default, best) >= best:
        return default
    return min((k for k, fit in fits.items() if fit == best), key=lambda k: abs(k - default))


def _column_kind(name: str) -> str:
    folded = fold(name).strip(" .:")
    if _INDEX_HEADER.match(folded):
        return "index"
    if _UNIT_HEADER.match(folded):
        return "unit"
    return "figure" if _FIGURE_HEADER.search(folded) else ""


def _fit(kinds: list[str], cells: list[str]) -> int:
    """Cells that stand under a column of their kind, less those under a column of another."""
    fit = 0
    for kind, cell in zip(kinds, (clean_cell(c) for c in cells), strict=False):
        figure = _is_figure(cell) or _AMOUNT.match(cell)
        own = "figure" if figure else "unit" if _is_unit(cell) else "words"
        if kind and cell and not (own == "words" and kind == "unit"):  # "Tiết", "Câu"
            fit += 1 if own == kind else -1
    return fit


def _is_unit(cell: str) -> bool:
    """ "người/ngày", "đồng/học sinh/tháng": a rate of a word or two a part, no figures."""
    parts = cell.split("/")
    return len(parts) >= 2 and all(
        0 < len(p.split()) <= 2 and not any(ch.isdigit() or ch in "-+" for ch in p) for p in parts
    )
